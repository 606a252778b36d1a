#pragma once
// What a French invoice needs before it can be issued (SPEC, "Invoices: the
// 2026 French rules and Factur-X"), decided in one place for issuing, the
// number shown before asking, credit notes and the desktop app's checklist.
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/model.h"
#include "sponsordesk/export/invoice_document.h"
#include "sponsordesk/storage/invoice_repository.h"  // InvoiceStatus

namespace sponsordesk::invoice_rules {

// The keys of what the seller's profile lacks, in the order a person fills
// them: "seller.name", "seller.address_line", "seller.postcode",
// "seller.city", "seller.country", "seller.siren", "seller.vat_number" (not
// under the franchise regime), "seller.legal_form", "seller.registry",
// "seller.iban" (the payment means of the e-invoice).
std::vector<std::string> missing_seller_data(const Publisher& p);

// The keys of what the buyer lacks: "buyer.address_line", "buyer.postcode"
// (where the country has postcodes), "buyer.city", "buyer.country",
// "buyer.siren" (a French business), "buyer.vat_rate" (0 % in France),
// "buyer.einvoice_address" (nothing to
// fall back on: no SIREN of a French business, no billing contact's email).
std::vector<std::string> missing_buyer_data(const Sponsor& s, const std::vector<Contact>& contacts);

// The English words of a key, with the command that sets it, for the CLI's
// message: "the seller's postcode (publisher set --postcode)".
std::string english_label(const std::string& key);

// France and Monaco: one VAT territory (Monaco is handled as France).
bool in_french_vat_territory(const std::string& country);

// A French business: established in France (or Monaco) and not a private
// person. Its SIREN is mandatory on invoices since 2026-09-01.
bool is_french_business(const Sponsor& s);

// Electronic addresses (BT-34, BT-49): the one given, else the SIREN
// (scheme 0225) for the seller and French businesses, else the billing
// contact's email (scheme EM). Empty value when there is none.
ElectronicAddress seller_einvoice_address(const Publisher& p);
ElectronicAddress buyer_einvoice_address(const Sponsor& s, const std::vector<Contact>& contacts);

// Art. 289 I-3 CGI: an invoice for the services of one calendar month is due
// by the end of that month. The month when every service date falls in one
// month that ended before `issue_date`; nullopt otherwise.
std::optional<Month> month_ended_before(const std::vector<Date>& service_dates, const Date& issue_date);

// Overdue: an issued invoice (not a credit note; not paid in full, not
// cancelled) past its due date with something still owed (gross − every
// payment). The invoices' shown state and the Dashboard ask this.
// (storage/invoice_rules_sql.h: kOverdue)
bool is_overdue(InvoiceKind kind, InvoiceStatus status, const std::optional<Date>& due_date, Minor outstanding,
                const Date& today);
// Days since the due date (0 when not past it).
int days_overdue(const std::optional<Date>& due_date, const Date& today);

// Euros per unit of a currency as people type it ("1.0843", "1,0843"): at
// most six decimals, more than 0. Millionths; throws InvalidInput naming the
// text otherwise. (Printing it: format_eur_rate in export/invoice_labels.h.)
std::int64_t parse_eur_rate(const std::string& text);
// An amount in the invoice's currency converted to euro cents, rounded half
// away from zero.
Minor to_eur(Minor amount, std::int64_t eur_rate_micro);

}  // namespace sponsordesk::invoice_rules

#pragma once
// InvoiceDocument: an issued invoice or credit note with everything a French
// invoice must show, already computed by the invoice service, ready to be
// turned into a PDF or a workbook. Money is in minor units (cents).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/model.h"
#include "sponsordesk/domain/money.h"

namespace sponsordesk {

enum class InvoiceKind { Invoice, CreditNote };

// An electronic address (EN 16931 BT-34 / BT-49) with its scheme: "0225"
// for a French SIREN, "EM" for an email address.
struct ElectronicAddress {
    std::string value;
    std::string scheme;
};

struct InvoiceSeller {
    std::string legal_name;
    std::string address;  // several lines, '\n'-separated: legacy free text, printed when `postal` is empty
    PostalAddress postal;
    std::string siren;
    std::string siret;
    std::string legal_form;    // "SAS"
    Minor share_capital = -1;  // EUR minor units; -1 = none to print
    std::string registry;      // "RCS Lyon" or "Dispensé d'immatriculation"
    ElectronicAddress einvoice;
    bool vat_on_debits = false;                // prints "Option pour le paiement de la taxe d'après les débits"
    VatRegime vat_regime = VatRegime::Normal;  // franchise: "TVA non applicable, art. 293 B du CGI", category E
    std::string vat_number;
    std::string iban;
    std::string bic;
    std::string email;
    std::string footer;  // free text printed at the foot of every page
};

struct InvoiceBuyer {
    std::string display_name;
    std::string legal_name;  // empty: the display name is the legal name
    std::string address;     // several lines, '\n'-separated: legacy free text, printed when `postal` is empty
    PostalAddress postal;
    std::string country_code;  // ISO 3166 alpha-2, "FR"
    std::string siren;         // empty when unknown
    std::string siret;         // empty when unknown
    ElectronicAddress einvoice;
    bool business = true;
    std::string vat_number;  // empty when none
};

struct InvoiceDocumentLine {
    std::string description;  // "Le Brief Tech — 2026-03-12 — Sponsor principal"
    Date service_date;
    int quantity = 1;
    Minor unit_price_net = 0;
    // The placement's list price when the booking was sold under it (0 = no
    // discount): the line shows list price, discount and net; in CII the
    // gross price with an allowance of (list − net unit price).
    Minor list_unit_price = 0;
    Minor net = 0;  // quantity × unit price
    RateBp vat_rate = 0;
    Minor vat = 0;  // apply_rate(net, vat_rate): rounded per line
    Minor gross = 0;
    // S standard, AE reverse charge, G export outside the EU, E exempt
    // (franchise en base, art. 293 B)
    std::string vat_category = "S";
};

struct VatBreakdownRow {
    RateBp rate = 0;
    Minor base = 0;  // net of the lines at this rate
    Minor vat = 0;   // sum of their rounded VAT
    std::string vat_category = "S";
    // Not read by the writers, which derive both from the category with
    // vat_exemption() (invoice_labels.h); a caller may fill them from it.
    std::string exemption_code;    // VATEX-EU-AE, VATEX-EU-G, VATEX-FR-FRANCHISE; empty for S
    std::string exemption_reason;  // its text in the document's language
};

struct InvoiceDocument {
    InvoiceKind kind = InvoiceKind::Invoice;
    std::string number;  // "2026-0001", "AV-2026-0001"
    Date issue_date;
    Date due_date;
    std::string language = "fr";   // fr | en
    std::string currency = "EUR";  // ISO 4217
    InvoiceSeller seller;
    InvoiceBuyer buyer;
    std::vector<InvoiceDocumentLine> lines;
    std::vector<VatBreakdownRow> vat_breakdown;  // one row per rate
    Minor total_net = 0;
    Minor total_vat = 0;
    Minor total_gross = 0;
    Minor amount_paid = 0;
    int payment_terms_days = 30;
    // Legacy documents only: the VAT mention stored at issue, printed as
    // given. Other documents derive their mentions from the VAT categories
    // (vat_mentions() in invoice_labels.h) and ignore this field.
    std::string vat_mention;
    std::string order_reference;  // BT-13, the sponsor's purchase order
    std::string buyer_reference;  // BT-10
    // Invoices in another currency than EUR: euros per unit of the invoice's
    // currency in millionths (1.0843 EUR per USD = 1084300), and the VAT
    // total converted with it (BT-111), printed beside the VAT total.
    std::int64_t eur_rate_micro = 0;
    Minor total_vat_eur = 0;
    // Credit notes: the invoice they cancel.
    std::string cited_invoice_number;
    std::optional<Date> cited_invoice_date;
    // A draft shown before it is issued: no number, and every page of the
    // PDF is marked "not an invoice" (banner and watermark).
    bool preview = false;
    // Issued before the 2026 fields existed: exported as the plain PDF it
    // was, without Factur-X XML (the caller notes it on stderr).
    bool legacy = false;
};

// Amounts are printed as given: a credit note may carry positive amounts
// (the amount credited) or negative ones, as the invoice service stores them.

// Refuses, with InvalidInput naming the first problem, a document that an
// accountant would reject: no number, unknown language or currency, a line
// whose net is not quantity × unit price or whose VAT is not its rate
// applied and rounded, totals that are not the sums of the lines, a VAT
// breakdown that does not add up, a credit note without its invoice.
void validate_invoice_document(const InvoiceDocument& doc);

// A4 PDF (cairo + pango, fonts embedded, text selectable) in the document's
// language, "page N/M" on every page (a preview is marked "not an invoice"
// on every page instead of carrying a number): facturx_pdf() (facturx.h)
// written to `path` — PDF/A-3b Factur-X for an issued document, the plain
// PDF for a legacy one. Validates first (InvalidInput, also when the
// document lacks what an e-invoice needs); throws StorageError naming the
// path when the file cannot be written. Nothing is left at `path` on failure.
void write_invoice_pdf(const InvoiceDocument& doc, const std::string& path);

// The document as a one-sheet workbook: header fields, the lines (numeric
// money cells, date cells), VAT breakdown and totals.
void write_invoice_xlsx(const InvoiceDocument& doc, const std::string& path);

}  // namespace sponsordesk

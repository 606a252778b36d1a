#pragma once
// The wording of invoices in French and English, shared by the PDF and the
// workbook so that both say the same thing, plus date and rate formatting
// for people.
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/money.h"
#include "sponsordesk/export/invoice_document.h"

namespace sponsordesk {

struct InvoiceLabels {
    const char* invoice_title;  // "FACTURE"
    const char* credit_note_title;
    const char* invoice;  // "Facture"
    const char* credit_note;
    const char* number;
    const char* issue_date;
    const char* due_date;
    const char* seller;
    const char* buyer;
    const char* name;
    const char* legal_name;
    const char* address;
    const char* siren;
    const char* vat_number;
    const char* email;
    const char* country;
    const char* operation;           // "Nature de l'opération"
    const char* operation_category;  // "Prestation de services"
    const char* description;
    const char* service_date;
    const char* quantity;
    const char* unit_price_net;
    const char* vat_rate;
    const char* net;
    const char* vat;
    const char* gross;
    const char* vat_category;
    const char* vat_base;
    const char* total_net;
    const char* total_vat;
    const char* total_gross;
    const char* amount_paid;
    const char* amount_due;
    const char* payment;
    const char* payment_terms;       // "Paiement à {} jours, au plus tard le {}"
    const char* payment_terms_days;  // "Délai de paiement (jours)"
    const char* bank_transfer;       // "Règlement par virement"
    const char* no_discount;
    const char* late_penalty;
    const char* recovery_indemnity;
    const char* cites_invoice;  // "Avoir sur la facture n° {} du {}"
    const char* cited_invoice;
    const char* cited_invoice_date;
    const char* vat_mention;
    const char* continued;  // "(suite)"
    const char* page;       // "page {}/{}"
    const char* currency;
    // The 2026 mentions.
    const char* siret;
    const char* order_reference;    // "Bon de commande"
    const char* buyer_reference;    // "Référence client"
    const char* list_price;         // "Prix catalogue"
    const char* discount;           // "Remise"
    const char* vat_in_eur;         // "Total TVA en euros : {} (1 {} = {} €)"
    const char* credit_settlement;  // refunded or deducted
    const char* share_capital;      // "{} au capital de {}"
    const char* capital_alone;      // "Capital social : {}"
    const char* vat_on_debits;      // "Option pour le paiement de la taxe d'après les débits"
    const char* electronic_address;
    const char* credit_no_payment;  // a credit note's PMT/PMD/AAB notes in the CII XML
    const char* legal_identity;     // "Forme juridique, capital, registre"
};

// Euros per unit of another currency, from millionths: "1,0843" (fr),
// "1.0843" (en); at most six decimals, no trailing zeros.
std::string format_eur_rate(std::int64_t micro, const std::string& language);

// Labels for "fr" or "en"; throws InvalidInput for any other language.
const InvoiceLabels& invoice_labels(const std::string& language);

// The one place where a VAT category becomes words and codes, for the PDF,
// the workbook and the CII XML alike. S (standard rate): no code, no text.
// AE (reverse charge): VATEX-EU-AE, "Autoliquidation" in every language;
// G (customer outside the EU): VATEX-EU-G; E (franchise en base):
// VATEX-FR-FRANCHISE, "TVA non applicable, art. 293 B du CGI" in French
// whatever the language, glossed in English. Throws InvalidInput for a
// category SponsorDesk does not issue.
struct VatExemption {
    std::string code;    // BT-121, empty for S
    std::string reason;  // BT-120, the legal mention printed on the invoice
};
VatExemption vat_exemption(const std::string& category, const std::string& language);

// The VAT mentions a document prints, in order: one per exempt category of
// its VAT breakdown (vat_exemption's reason) and the option for VAT on
// debits. A legacy document prints its stored `vat_mention` instead.
std::vector<std::string> vat_mentions(const InvoiceDocument& doc);

// The country's name in the language ("DE": "Allemagne" / "Germany");
// the code itself for a country the table does not know.
std::string country_name(const std::string& iso_code, const std::string& language);

// A postal address as printed, one entry per line: line 1, line 2,
// "postcode city", and the country's name unless it is `home_country`.
std::vector<std::string> postal_lines(const PostalAddress& address, const std::string& language,
                                      const std::string& home_country = "FR");

// "732 829 320" (SIREN, 9 digits) and "732 829 320 00074" (SIRET, 14
// digits), labelled by the caller; other text is returned as given.
std::string format_siren(const std::string& siren);
std::string format_siret(const std::string& siret);

// The seller's legal identity line: "SAS au capital de 10 000 € — RCS Lyon
// 732 829 320" (en "SAS with a share capital of €10,000 — RCS Lyon
// 732 829 320"); parts that are missing are left out; a registry of
// "Dispensé d'immatriculation" is printed as such, without the SIREN.
std::string seller_legal_line(const InvoiceSeller& seller, const std::string& language);

// fr "12/03/2026", en "12 March 2026".
std::string format_date_for(Date date, const std::string& language);

// fr "5,5 %", en "5.5%".
std::string format_rate_for(RateBp rate, const std::string& language);

}  // namespace sponsordesk

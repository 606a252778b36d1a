#pragma once
// The wording of invoices in French and English, shared by the PDF and the
// workbook so that both say the same thing, plus date and rate formatting
// for people.
#include <string>

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
};

// Labels for "fr" or "en"; throws InvalidInput for any other language.
const InvoiceLabels& invoice_labels(const std::string& language);

// fr "12/03/2026", en "12 March 2026".
std::string format_date_for(Date date, const std::string& language);

// fr "5,5 %", en "5.5%".
std::string format_rate_for(RateBp rate, const std::string& language);

}  // namespace sponsordesk

#include "sponsordesk/export/invoice_document.h"

#include <map>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/invoice_labels.h"

namespace sponsordesk {
namespace {

const InvoiceLabels kFrench{
    "FACTURE",
    "AVOIR",
    "Facture",
    "Avoir",
    "N°",
    "Date d'émission",
    "Date d'échéance",
    "Émetteur",
    "Client",
    "Nom",
    "Raison sociale",
    "Adresse",
    "SIREN",
    "N° TVA intracommunautaire",
    "E-mail",
    "Pays",
    "Nature de l'opération",
    "Prestation de services",
    "Désignation",
    "Date de prestation",
    "Qté",
    "PU HT",
    "Taux TVA",
    "Montant HT",
    "Montant TVA",
    "Montant TTC",
    "Catégorie TVA",
    "Base HT",
    "Total HT",
    "Total TVA",
    "Total TTC",
    "Déjà réglé",
    "Net à payer",
    "Paiement",
    "Paiement à {} jours, au plus tard le {}",
    "Délai de paiement (jours)",
    "Règlement par virement",
    "Pas d'escompte pour paiement anticipé.",
    "En cas de retard de paiement, pénalités exigibles au taux de trois fois le taux d'intérêt légal "
    "(art. L441-10 du Code de commerce).",
    "Indemnité forfaitaire pour frais de recouvrement de 40 € due en cas de retard de paiement "
    "(art. D441-5 du Code de commerce).",
    "Avoir sur la facture n° {} du {}",
    "Facture annulée",
    "Date de la facture annulée",
    "Mention TVA",
    "(suite)",
    "page {}/{}",
    "Devise",
    "SIRET",
    "Bon de commande",
    "Référence client",
    "Prix catalogue",
    "Remise",
    "Total TVA en euros : {} (taux appliqué : 1 {} = {} €)",
    "Ce montant vous est remboursé ou vient en déduction de vos prochains règlements.",
    "{} au capital de {}",
    "Capital social : {}",
    "Option pour le paiement de la taxe d'après les débits",
    "Adresse de facturation électronique",
    "Sans objet : un avoir ne demande aucun paiement.",
    "Forme juridique, capital, registre",
};

const InvoiceLabels kEnglish{
    "INVOICE",
    "CREDIT NOTE",
    "Invoice",
    "Credit note",
    "No.",
    "Issue date",
    "Due date",
    "Seller",
    "Bill to",
    "Name",
    "Legal name",
    "Address",
    "SIREN",
    "VAT number",
    "Email",
    "Country",
    "Type of transaction",
    "Provision of services",
    "Description",
    "Service date",
    "Qty",
    "Unit price (net)",
    "VAT rate",
    "Net amount",
    "VAT amount",
    "Gross amount",
    "VAT category",
    "Net base",
    "Total net",
    "Total VAT",
    "Total gross",
    "Amount paid",
    "Amount due",
    "Payment",
    "Payment within {} days, by {} at the latest",
    "Payment terms (days)",
    "Payment by bank transfer",
    "No discount for early payment.",
    "Late payment: penalties at three times the French legal interest rate "
    "(art. L441-10 of the French Commercial Code).",
    "Fixed recovery indemnity of €40 due in case of late payment "
    "(art. D441-5 of the French Commercial Code).",
    "Credit note for invoice No. {} of {}",
    "Cancelled invoice",
    "Cancelled invoice date",
    "VAT mention",
    "(continued)",
    "page {}/{}",
    "Currency",
    "SIRET",
    "Purchase order",
    "Your reference",
    "List price",
    "Discount",
    "Total VAT in euros: {} (rate used: 1 {} = €{})",
    "This amount is refunded to you or deducted from your next payments.",
    "{} with a share capital of {}",
    "Share capital: {}",
    "Option pour le paiement de la taxe d'après les débits (VAT paid on debits)",
    "Electronic invoicing address",
    "Not applicable: a credit note asks for no payment.",
    "Legal form, capital, registry",
};

const char* const kEnglishMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                      "July",    "August",   "September", "October", "November", "December"};

bool is_currency_code(const std::string& c) {
    if (c.size() != 3) return false;
    for (char ch : c)
        if (ch < 'A' || ch > 'Z') return false;
    return true;
}

}  // namespace

const InvoiceLabels& invoice_labels(const std::string& language) {
    if (language == "fr") return kFrench;
    if (language == "en") return kEnglish;
    throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                       fmt::format("language {} is not fr or en", quote_value(language)));
}

std::string format_date_for(Date date, const std::string& language) {
    if (language == "fr") return fmt::format("{:02}/{:02}/{:04}", date.day, date.month, date.year);
    if (date.month < 1 || date.month > 12) return date.iso();
    return fmt::format("{} {} {}", date.day, kEnglishMonths[date.month - 1], date.year);
}

std::string format_rate_for(RateBp rate, const std::string& language) {
    std::string r = format_rate(rate);
    if (language == "fr") {
        for (char& c : r)
            if (c == '.') c = ',';
        return r + "\u00A0%";
    }
    return r + "%";
}

void validate_invoice_document(const InvoiceDocument& doc) {
    auto fail = [&](const std::string& what) {
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("invoice {}: {}", quote_value(doc.number), what));
    };
    if (doc.number.empty() && !doc.preview)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           "invoice has no number: only issued invoices are exported");
    if (!doc.number.empty() && doc.preview)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}}, "a preview of a draft cannot carry an invoice number");
    invoice_labels(doc.language);
    if (!is_currency_code(doc.currency))
        fail(fmt::format("currency {} is not an ISO 4217 code", quote_value(doc.currency)));
    if (doc.seller.legal_name.empty()) fail("the seller has no legal name");
    if (doc.buyer.display_name.empty() && doc.buyer.legal_name.empty()) fail("the buyer has no name");
    if (doc.lines.empty()) fail("it has no lines");
    if (doc.due_date < doc.issue_date) fail("its due date is before its issue date");
    if (doc.payment_terms_days < 0) fail("its payment terms are negative");
    if (doc.kind == InvoiceKind::CreditNote && (doc.cited_invoice_number.empty() || !doc.cited_invoice_date))
        fail("a credit note must cite the number and date of the invoice it cancels");

    const bool franchise = doc.seller.vat_regime == VatRegime::Franchise;
    Minor net = 0, vat = 0, gross = 0;
    // Base and VAT per (category, rate): EN 16931 breaks VAT down by both.
    std::map<std::pair<std::string, RateBp>, std::pair<Minor, Minor>> per_rate;
    for (size_t i = 0; i < doc.lines.size(); ++i) {
        const auto& l = doc.lines[i];
        const std::string which = fmt::format("line {} ({})", i + 1, quote_value(l.description));
        if (l.quantity <= 0) fail(which + " has a quantity that is not positive");
        if (l.unit_price_net * l.quantity != l.net) fail(which + ": net is not quantity × unit price");
        if (l.list_unit_price != 0 && (l.list_unit_price < 0) != (l.unit_price_net < 0))
            fail(which + ": its list price and its unit price have different signs");
        if (l.vat_rate < 0 || l.vat_rate > 10000) fail(which + ": VAT rate is not 0 to 100 %");
        if (apply_rate(l.net, l.vat_rate) != l.vat) fail(which + ": VAT is not the rate applied to the net");
        if (l.net + l.vat != l.gross) fail(which + ": gross is not net + VAT");
        if (l.vat_category != "S" && l.vat_category != "AE" && l.vat_category != "G" && l.vat_category != "E")
            fail(which + ": VAT category " + quote_value(l.vat_category) + " is not S, AE, G or E");
        if (l.vat_category != "S" && l.vat_rate != 0)
            fail(which + ": VAT category " + l.vat_category + " charges no VAT");
        // Issued before categories existed, a legacy invoice may show 0 % standard.
        if (!doc.legacy && l.vat_category == "S" && l.vat_rate == 0)
            fail(which + ": VAT category S (standard rate) needs a rate above 0; an exempt line is AE, G or E");
        if (!doc.legacy && franchise != (l.vat_category == "E"))
            fail(which + (franchise
                              ? ": a seller under the franchise (art. 293 B du CGI) invoices category E only"
                              : ": category E (franchise, art. 293 B du CGI) is for a seller under the franchise"));
        net += l.net;
        vat += l.vat;
        gross += l.gross;
        auto& sums = per_rate[{l.vat_category, l.vat_rate}];
        sums.first += l.net;
        sums.second += l.vat;
    }
    if (net != doc.total_net) fail("total net is not the sum of the lines");
    if (vat != doc.total_vat) fail("total VAT is not the sum of the lines' VAT");
    if (gross != doc.total_gross || doc.total_net + doc.total_vat != doc.total_gross)
        fail("total gross is not total net + total VAT");
    if (doc.vat_breakdown.size() != per_rate.size())
        fail("the VAT breakdown does not list each VAT category and rate of the lines once");
    for (const auto& row : doc.vat_breakdown) {
        auto it = per_rate.find({row.vat_category, row.rate});
        if (it == per_rate.end() || it->second.first != row.base || it->second.second != row.vat)
            fail(fmt::format("the VAT breakdown at {} % (category {}) does not match the lines", format_rate(row.rate),
                             row.vat_category));
    }
}

}  // namespace sponsordesk

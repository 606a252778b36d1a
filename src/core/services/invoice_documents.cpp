// InvoiceService: VAT regimes, and the documents built from stored invoices
// (PDF/XLSX invoice, sponsor statement).
#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/facturx.h"
#include "sponsordesk/export/invoice_labels.h"
#include "sponsordesk/io/output_file.h"
#include "sponsordesk/services/invoice_rules.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/sponsor_service.h"

namespace sponsordesk {
namespace {

// Member states of the European Union (ISO 3166 alpha-2; Greece also under
// its VAT prefix EL). Monaco belongs to the French VAT territory and is
// handled as France.
constexpr std::array<const char*, 28> kEuCountries = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES",
                                                      "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
                                                      "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"};

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

PostalAddress postal_of(const nlohmann::json& j) {
    PostalAddress a;
    auto it = j.find("postal");
    if (it == j.end() || !it->is_object()) return a;
    a.line1 = str(*it, "line1");
    a.line2 = str(*it, "line2");
    a.postcode = str(*it, "postcode");
    a.city = str(*it, "city");
    a.country = str(*it, "country");
    return a;
}

ElectronicAddress einvoice_of(const nlohmann::json& j) {
    auto it = j.find("einvoice");
    if (it == j.end() || !it->is_object()) return {};
    return {str(*it, "value"), str(*it, "scheme")};
}

template <typename T>
T value_or(const nlohmann::json& j, const char* key, T fallback) {
    auto it = j.find(key);
    if (it == j.end()) return fallback;
    try {
        return it->get<T>();
    } catch (const nlohmann::json::exception&) {
        return fallback;
    }
}

nlohmann::json parse_snapshot(const std::string& text, const std::string& what) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        throw StorageError({ErrorCode::StorageFailure, "", {}},
                           fmt::format("the stored {} of an invoice is not valid JSON", what));
    }
}

}  // namespace

bool InvoiceService::is_eu_country(const std::string& country_code) {
    const std::string cc = upper(country_code);
    return std::any_of(kEuCountries.begin(), kEuCountries.end(), [&](const char* c) { return cc == c; });
}

VatTreatment InvoiceService::vat_treatment(const Publisher& seller, const Sponsor& s, const std::string& language) {
    const std::string cc = upper(s.country);
    std::string category = "G";
    // Franchise en base (art. 293 B CGI): the seller charges no VAT at all.
    if (seller.vat_regime == VatRegime::Franchise)
        category = "E";
    else if (cc.empty() || invoice_rules::in_french_vat_territory(cc))
        category = "S";
    else if (is_eu_country(cc))
        // No VAT number: not identified as a business in its country, so
        // French VAT applies as for a French customer. With one, the buyer
        // accounts for the VAT (art. 196 of Directive 2006/112/EC).
        category = s.vat_number.empty() ? "S" : "AE";
    // Otherwise advertising for a customer established outside the EU is
    // supplied outside France (art. 259-1 CGI; art. 259 B for
    // non-businesses): no French VAT. Category G rather than O: EN 16931
    // forbids the seller's VAT number on an "O" invoice (BR-O-02), and
    // French law requires it.
    // The stored mention is the export layer's words for the category.
    return VatTreatment{category, category == "S" ? s.vat_rate : 0, vat_exemption(category, language).reason};
}

InvoiceDocument InvoiceService::document(InvoiceId id) {
    const InvoiceView v = get(id);
    const Invoice& inv = v.invoice;
    if (!inv.number || !inv.issue_date || !inv.due_date)
        throw Conflict({ErrorCode::DraftNotExported, "invoice", {{"invoice", inv.id}}},
                       fmt::format("invoice draft #{} has no number yet: issue it before exporting it", inv.id));
    return document_of(v);
}

InvoiceDocument InvoiceService::document_of(const InvoiceView& v) {
    const Invoice& inv = v.invoice;
    InvoiceDocument doc;
    doc.kind = inv.kind;
    doc.number = inv.number.value_or("");
    doc.preview = !inv.number;
    doc.issue_date = inv.issue_date.value_or(Date{});
    doc.due_date = inv.due_date.value_or(Date{});
    doc.language = inv.language;
    doc.currency = inv.currency;
    const nlohmann::json seller = parse_snapshot(inv.seller, "seller");
    doc.seller.legal_name = str(seller, "legal_name");
    doc.seller.address = str(seller, "address");
    doc.seller.postal = postal_of(seller);
    doc.seller.siren = str(seller, "siren");
    doc.seller.siret = str(seller, "siret");
    doc.seller.legal_form = str(seller, "legal_form");
    doc.seller.share_capital = value_or<Minor>(seller, "share_capital", -1);
    doc.seller.registry = str(seller, "registry");
    doc.seller.einvoice = einvoice_of(seller);
    doc.seller.vat_on_debits = value_or<bool>(seller, "vat_on_debits", false);
    doc.seller.vat_regime = str(seller, "vat_regime") == "franchise" ? VatRegime::Franchise : VatRegime::Normal;
    doc.seller.vat_number = str(seller, "vat_number");
    doc.seller.iban = str(seller, "iban");
    doc.seller.bic = str(seller, "bic");
    doc.seller.email = str(seller, "email");
    doc.seller.footer = str(seller, "footer");
    const nlohmann::json buyer = parse_snapshot(inv.buyer, "buyer");
    doc.buyer.display_name = str(buyer, "display_name");
    doc.buyer.legal_name = str(buyer, "legal_name");
    doc.buyer.address = str(buyer, "address");
    doc.buyer.postal = postal_of(buyer);
    doc.buyer.country_code = str(buyer, "country_code");
    doc.buyer.siren = str(buyer, "siren");
    doc.buyer.siret = str(buyer, "siret");
    doc.buyer.einvoice = einvoice_of(buyer);
    doc.buyer.business = value_or<bool>(buyer, "business", true);
    // Issued before the 2026 data existed: the plain PDF it always was.
    doc.legacy = inv.legacy;
    doc.buyer.vat_number = str(buyer, "vat_number");
    for (const auto& l : v.lines) {
        InvoiceDocumentLine dl;
        dl.description = l.description;
        dl.service_date = l.service_date;
        dl.quantity = l.quantity;
        dl.unit_price_net = l.unit_net;
        dl.list_unit_price = l.list_unit;
        dl.net = l.net;
        dl.vat_rate = l.vat_rate;
        dl.vat = l.vat;
        dl.gross = l.gross;
        dl.vat_category = l.vat_category;
        doc.lines.push_back(dl);
    }
    doc.vat_breakdown = v.vat_breakdown;
    doc.total_net = inv.net;
    doc.total_vat = inv.vat;
    doc.total_gross = inv.gross;
    // The document is the invoice as issued: exporting it again after a
    // payment gives the same PDF. Payments show on the sponsor statement.
    doc.amount_paid = 0;
    doc.payment_terms_days = inv.payment_terms_days;
    doc.vat_mention = inv.vat_mention;
    doc.order_reference = inv.order_reference;
    doc.buyer_reference = inv.buyer_reference;
    if (inv.eur_rate_micro) {
        doc.eur_rate_micro = *inv.eur_rate_micro;
        doc.total_vat_eur = invoice_rules::to_eur(inv.vat, *inv.eur_rate_micro);
    }
    if (inv.kind == InvoiceKind::CreditNote) {
        doc.cited_invoice_number = v.credited_number.value_or("");
        doc.cited_invoice_date = v.credited_date;
    }
    return doc;
}

void InvoiceService::store_original(InvoiceId id) {
    const InvoiceDocument doc = document(id);
    InvoiceRepository(db_).store_original(id.value, InvoiceOriginal{facturx_pdf(doc), facturx_cii_xml(doc)});
}

InvoiceService::PdfKind InvoiceService::export_pdf(InvoiceId id, const std::string& path) {
    const InvoiceView v = get(id);
    if (!v.invoice.number) {
        write_invoice_pdf(preview_document(id, Date::today()), path);
        return PdfKind::Preview;
    }
    if (auto original = InvoiceRepository(db_).original(id.value)) {
        OutputFile::write(path, "invoice PDF", original->pdf);
        return PdfKind::FacturX;
    }
    const InvoiceDocument doc = document_of(v);
    if (!doc.legacy)
        throw StorageError({ErrorCode::StorageFailure, "invoice", {{"invoice", *v.invoice.number}}},
                           fmt::format("the original of {} is missing from the database", *v.invoice.number));
    OutputFile::write(path, "invoice PDF", facturx_pdf(doc));
    return PdfKind::Legacy;
}

void InvoiceService::export_cii(InvoiceId id, const std::string& path) {
    const InvoiceView v = get(id);
    if (!v.invoice.number)
        throw Conflict({ErrorCode::DraftNotExported, "invoice", {{"invoice", v.invoice.id}}},
                       fmt::format("invoice draft #{} has no number: a preview is not an e-invoice, issue it before "
                                   "exporting its XML",
                                   v.invoice.id));
    auto original = InvoiceRepository(db_).original(id.value);
    if (!original)
        throw Conflict({ErrorCode::NoFacturX, "invoice", {{"invoice", *v.invoice.number}}},
                       fmt::format("{} was issued before SponsorDesk made Factur-X invoices: it has no XML (its PDF "
                                   "still exports)",
                                   *v.invoice.number));
    OutputFile::write(path, "invoice XML", original->xml);
}

void InvoiceService::export_preview_pdf(InvoiceId id, const Date& date, const std::string& path) {
    write_invoice_pdf(preview_document(id, date), path);
}

void InvoiceService::export_xlsx(InvoiceId id, const std::string& path) { write_invoice_xlsx(document(id), path); }

Statement InvoiceService::statement(SponsorId sponsor_id, std::optional<std::string> currency) {
    const Sponsor sponsor = SponsorService(db_).get(sponsor_id);
    std::vector<InvoiceView> docs;
    std::set<std::string> currencies;
    for (auto& v : list_for_sponsor(sponsor_id)) {
        if (!v.invoice.number) continue;  // drafts are not owed
        currencies.insert(v.invoice.currency);
        docs.push_back(std::move(v));
    }
    Statement st;
    st.sponsor = sponsor.name;
    st.as_of = Date::today();
    if (currency) {
        st.currency = upper(*currency);
    } else if (currencies.size() > 1) {
        std::string list;
        for (const auto& c : currencies) list += (list.empty() ? "" : ", ") + c;
        throw InvalidInput({ErrorCode::MixedCurrencies,
                            "currency",
                            {{"sponsor", sponsor.name},
                             {"currencies", std::vector<std::string>(currencies.begin(), currencies.end())}}},
                           fmt::format("sponsor {} was invoiced in {}: choose one currency for the statement",
                                       quote_value(sponsor.name), list));
    } else if (!currencies.empty()) {
        st.currency = *currencies.begin();
    }
    std::set<std::string> languages;
    for (const auto& v : docs)
        if (v.invoice.currency == st.currency) languages.insert(v.invoice.language);
    if (languages.size() == 1) st.language = *languages.begin();
    const bool fr = st.language == "fr";
    for (const auto& v : docs) {
        const Invoice& inv = v.invoice;
        if (inv.currency != st.currency) continue;
        StatementEntry e;
        e.date = *inv.issue_date;
        e.reference = *inv.number;
        if (inv.kind == InvoiceKind::CreditNote) {
            e.kind = StatementEntryKind::CreditNote;
            const std::string cited = v.credited_number.value_or("?");
            e.description = fr ? "Avoir sur la facture " + cited : "Credit note for invoice " + cited;
            e.credit = -inv.gross;  // stored negative: this is the amount credited
        } else {
            e.kind = StatementEntryKind::Invoice;
            const size_t n = v.lines.size();
            e.description = fr ? fmt::format("Facture, {} ligne{}", n, n == 1 ? "" : "s")
                               : fmt::format("Invoice, {} line{}", n, n == 1 ? "" : "s");
            if (inv.status == InvoiceStatus::Cancelled && v.credit_note_number)
                e.description += fr ? " (annulée par " + *v.credit_note_number + ")"
                                    : " (cancelled by " + *v.credit_note_number + ")";
            e.debit = inv.gross;
        }
        st.entries.push_back(e);
        for (const auto& p : v.payments) {
            StatementEntry pe;
            pe.date = p.date;
            pe.kind = StatementEntryKind::Payment;
            pe.reference = *inv.number;
            pe.description = fr ? "Règlement de la facture " + *inv.number : "Payment of invoice " + *inv.number;
            pe.credit = p.amount;
            st.entries.push_back(pe);
        }
        // Money paid back on a credit note settles what it credited.
        for (const auto& r : v.refunds) {
            StatementEntry re;
            re.date = r.date;
            re.kind = StatementEntryKind::Refund;
            re.reference = *inv.number;
            re.description = fr ? "Remboursement de l’avoir " + *inv.number : "Refund of credit note " + *inv.number;
            re.debit = r.amount;
            st.entries.push_back(re);
        }
    }
    // Date order; on one date the document comes before the payments on it.
    std::stable_sort(st.entries.begin(), st.entries.end(),
                     [](const StatementEntry& a, const StatementEntry& b) { return a.date < b.date; });
    return st;
}

void InvoiceService::export_statement(SponsorId sponsor, const std::string& path, std::optional<std::string> currency) {
    write_statement_xlsx(statement(sponsor, std::move(currency)), path);
}

}  // namespace sponsordesk

#pragma once
// Invoice documents covering each case the Factur-X writers word
// differently: a French business invoice, a discount, the EU reverse charge,
// a customer outside the EU invoiced in USD, a seller under the franchise, a
// credit note (stored negative, as the invoice service does) and several
// rates. Identifiers carry valid keys.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "sponsordesk/export/invoice_document.h"

namespace sponsordesk::test {

inline InvoiceDocumentLine fx_line(const std::string& description, Date service, Minor unit, RateBp rate,
                                   const std::string& category = "S", int quantity = 1, Minor list = 0) {
    InvoiceDocumentLine l;
    l.description = description;
    l.service_date = service;
    l.quantity = quantity;
    l.unit_price_net = unit;
    l.list_unit_price = list;
    l.net = unit * quantity;
    l.vat_rate = rate;
    l.vat = apply_rate(l.net, rate);
    l.gross = l.net + l.vat;
    l.vat_category = category;
    return l;
}

// Totals and one VAT breakdown row per category and rate, as the service does.
inline void fx_total(InvoiceDocument& doc) {
    doc.total_net = doc.total_vat = doc.total_gross = 0;
    doc.vat_breakdown.clear();
    for (const auto& l : doc.lines) {
        doc.total_net += l.net;
        doc.total_vat += l.vat;
        doc.total_gross += l.gross;
        auto it = std::find_if(doc.vat_breakdown.begin(), doc.vat_breakdown.end(), [&](const VatBreakdownRow& r) {
            return r.rate == l.vat_rate && r.vat_category == l.vat_category;
        });
        if (it == doc.vat_breakdown.end()) it = doc.vat_breakdown.insert(doc.vat_breakdown.end(), VatBreakdownRow{});
        it->vat_category = l.vat_category;
        it->rate = l.vat_rate;
        it->base += l.net;
        it->vat += l.vat;
    }
}

// Éditions Lumière, a French SAS under the normal VAT regime, invoicing a
// French company in French.
inline InvoiceDocument fx_french_invoice(const std::string& language = "fr") {
    InvoiceDocument doc;
    doc.number = "2026-0042";
    doc.issue_date = {2026, 9, 30};
    doc.due_date = {2026, 10, 30};
    doc.language = language;
    doc.payment_terms_days = 30;
    auto& s = doc.seller;
    s.legal_name = "Éditions Lumière & Fils";
    s.postal = {"12 rue de l'Église", "Bâtiment B", "69002", "Lyon", "FR"};
    s.siren = "732829320";
    s.siret = "73282932000074";
    s.legal_form = "SAS";
    s.share_capital = 1000000;
    s.registry = "RCS Lyon";
    s.vat_number = "FR44732829320";
    s.iban = "FR7630006000011234567890189";
    s.bic = "AGRIFRPPXXX";
    s.email = "facturation@lumiere.fr";
    auto& b = doc.buyer;
    b.display_name = "Café Crème";
    b.legal_name = "Café Crème SARL";
    b.postal = {"3 place Bellecour", "", "69002", "Lyon", "FR"};
    b.country_code = "FR";
    b.siren = "552100554";
    b.siret = "55210055400013";
    b.vat_number = "FR96552100554";
    doc.buyer_reference = "SERVICE-MARKETING";
    doc.order_reference = "PO-2026-117";
    doc.lines = {fx_line("Le Brief Tech — 2026-09-10 — Sponsor principal", {2026, 9, 10}, 150000, 2000),
                 fx_line("Le Brief Tech — 2026-09-17 — Petite annonce <&>", {2026, 9, 17}, 35050, 2000)};
    fx_total(doc);
    return doc;
}

inline InvoiceDocument fx_discount() {
    InvoiceDocument doc = fx_french_invoice();
    doc.number = "2026-0043";
    doc.order_reference.clear();
    doc.lines = {fx_line("Matins Éco — 2026-09-24 — Sponsor principal", {2026, 9, 24}, 120000, 2000, "S", 1, 150000),
                 fx_line("Matins Éco — 2026-09-25 — Encart", {2026, 9, 25}, 20000, 2000, "S", 2)};
    fx_total(doc);
    return doc;
}

// A German company, reverse charge, invoiced in English.
inline InvoiceDocument fx_reverse_charge(const std::string& language = "en") {
    InvoiceDocument doc = fx_french_invoice(language);
    doc.number = "2026-0044";
    auto& b = doc.buyer;
    b = InvoiceBuyer{};
    b.display_name = "Kaffeehaus GmbH";
    b.postal = {"Friedrichstraße 12", "", "10117", "Berlin", "DE"};
    b.country_code = "DE";
    b.vat_number = "DE123456789";
    b.einvoice = {"billing@kaffeehaus.de", "EM"};
    doc.buyer_reference = "";
    doc.order_reference = "4500012345";
    doc.lines = {fx_line("Le Brief Tech — 2026-09-10 — Main sponsor", {2026, 9, 10}, 150000, 0, "AE")};
    fx_total(doc);
    return doc;
}

// A US company, outside the EU, invoiced in US dollars.
inline InvoiceDocument fx_export_usd() {
    InvoiceDocument doc = fx_french_invoice("en");
    doc.number = "2026-0045";
    doc.currency = "USD";
    doc.eur_rate_micro = 922200;  // 1 USD = 0.9222 EUR
    auto& b = doc.buyer;
    b = InvoiceBuyer{};
    b.display_name = "Brew Labs Inc.";
    b.postal = {"500 Market Street", "Suite 300", "94105", "San Francisco", "US"};
    b.country_code = "US";
    b.einvoice = {"ap@brewlabs.com", "EM"};
    doc.buyer_reference = "";
    doc.order_reference = "";
    doc.lines = {fx_line("Le Brief Tech — 2026-09-10 — Main sponsor", {2026, 9, 10}, 200000, 0, "G"),
                 fx_line("Le Brief Tech — 2026-09-17 — Classified", {2026, 9, 17}, 40000, 0, "G")};
    fx_total(doc);
    doc.total_vat_eur = 0;
    return doc;
}

// A sole trader under the franchise en base: no VAT number, no capital.
inline InvoiceDocument fx_franchise(const std::string& language = "fr") {
    InvoiceDocument doc = fx_french_invoice(language);
    doc.number = "2026-0046";
    auto& s = doc.seller;
    s.legal_name = "Marie Dupont";
    s.postal = {"8 chemin des Vignes", "", "33000", "Bordeaux", "FR"};
    s.siren = "443061841";
    s.siret = "44306184100047";
    s.legal_form = "EI";
    s.share_capital = -1;
    s.registry = "Dispensé d'immatriculation";
    s.vat_number = "";
    s.vat_regime = VatRegime::Franchise;
    doc.lines = {fx_line("Podcast Vignes — 2026-09-12 — Sponsor", {2026, 9, 12}, 40000, 0, "E")};
    fx_total(doc);
    return doc;
}

// A credit note for the French invoice, with negative amounts as stored.
inline InvoiceDocument fx_credit_note(const std::string& language = "fr") {
    InvoiceDocument doc = fx_french_invoice(language);
    doc.kind = InvoiceKind::CreditNote;
    doc.number = "AV-2026-0003";
    doc.issue_date = {2026, 10, 5};
    doc.due_date = {2026, 10, 5};
    doc.payment_terms_days = 0;
    doc.cited_invoice_number = "2026-0042";
    doc.cited_invoice_date = Date{2026, 9, 30};
    doc.lines = {fx_line("Annulation — Le Brief Tech — 2026-09-17 — Petite annonce", {2026, 9, 17}, -35050, 2000)};
    fx_total(doc);
    return doc;
}

// Several rates on one invoice, VAT on debits, a partial payment.
inline InvoiceDocument fx_multi_rate() {
    InvoiceDocument doc = fx_french_invoice();
    doc.number = "2026-0047";
    doc.seller.vat_on_debits = true;
    doc.lines = {fx_line("Guide des vins — encart", {2026, 9, 3}, 100000, 2000),
                 fx_line("Abonnement presse — 2026-09", {2026, 9, 4}, 10000, 210),
                 fx_line("Livre partenaire", {2026, 9, 5}, 3333, 550, "S", 3),
                 fx_line("Atelier", {2026, 9, 6}, 50000, 1000)};
    fx_total(doc);
    doc.amount_paid = 20000;
    return doc;
}

// Bookings with free lines (invoice line add): a production fee at the
// booking's rate and a fee at a rate of its own, dated as the latest booking.
inline InvoiceDocument fx_free_lines() {
    InvoiceDocument doc = fx_french_invoice();
    doc.number = "2026-0048";
    doc.lines = {fx_line("Le Brief Tech — 2026-09-10 — Sponsor principal", {2026, 9, 10}, 120000, 2000, "S", 1, 150000),
                 fx_line("Frais de production — visuel", {2026, 9, 10}, 25000, 2000),
                 fx_line("Droits de reproduction", {2026, 9, 10}, 10050, 1000)};
    fx_total(doc);
    return doc;
}

inline std::vector<std::pair<std::string, InvoiceDocument>> fx_samples() {
    return {{"french", fx_french_invoice()},         {"discount", fx_discount()},
            {"reverse_charge", fx_reverse_charge()}, {"export_usd", fx_export_usd()},
            {"franchise", fx_franchise()},           {"franchise_en", fx_franchise("en")},
            {"credit_note", fx_credit_note()},       {"credit_note_en", fx_credit_note("en")},
            {"multi_rate", fx_multi_rate()},         {"free_lines", fx_free_lines()}};
}

}  // namespace sponsordesk::test

// The invoice PDF read back with poppler's tools, as an accountant would:
// every mention French law asks for, in both languages, on every page.
#include <gtest/gtest.h>

#include "test_support.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/invoice_document.h"

using namespace sponsordesk;
namespace fs = std::filesystem;

using sponsordesk::test::run_command;
using sponsordesk::test::TempDir;

namespace {

// pdftotext -layout, with every run of blanks (and line ends) made one space
// so that a phrase split across columns of spaces still matches.
std::string squeeze(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (blank) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string pdf_text(const std::string& path) { return run_command("pdftotext -layout '" + path + "' -"); }

// pdftotext in reading order (no -layout): each text block's lines in turn,
// so the lines of the buyer's box follow each other.
std::string pdf_text_in_reading_order(const std::string& path) { return run_command("pdftotext '" + path + "' -"); }

int pdf_pages(const std::string& path) {
    std::istringstream in(run_command("pdfinfo '" + path + "'"));
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
    return -1;
}

InvoiceDocumentLine line(const std::string& description, Date service, Minor unit, RateBp rate,
                         const std::string& category = "S") {
    InvoiceDocumentLine l;
    l.description = description;
    l.service_date = service;
    l.quantity = 1;
    l.unit_price_net = unit;
    l.net = unit;
    l.vat_rate = rate;
    l.vat = apply_rate(unit, rate);
    l.gross = l.net + l.vat;
    l.vat_category = category;
    return l;
}

// Fills totals and the VAT breakdown the way the invoice service does.
void total(InvoiceDocument& doc) {
    doc.total_net = doc.total_vat = doc.total_gross = 0;
    doc.vat_breakdown.clear();
    for (const auto& l : doc.lines) {
        doc.total_net += l.net;
        doc.total_vat += l.vat;
        doc.total_gross += l.gross;
        auto it = std::find_if(doc.vat_breakdown.begin(), doc.vat_breakdown.end(),
                               [&](const VatBreakdownRow& r) { return r.rate == l.vat_rate; });
        if (it == doc.vat_breakdown.end()) it = doc.vat_breakdown.insert(doc.vat_breakdown.end(), VatBreakdownRow{});
        it->vat_category = l.vat_category;
        it->rate = l.vat_rate;
        it->base += l.net;
        it->vat += l.vat;
    }
}

InvoiceDocument sample(const std::string& language) {
    InvoiceDocument doc;
    doc.number = "2026-0042";
    doc.issue_date = {2026, 3, 31};
    doc.due_date = {2026, 4, 30};
    doc.language = language;
    doc.currency = "EUR";
    doc.payment_terms_days = 30;
    doc.seller.legal_name = "Éditions Lumière SAS";
    doc.seller.postal = {"12 rue de l'Église", "", "75011", "Paris", "FR"};
    doc.seller.siren = "812345678";
    doc.seller.siret = "81234567800014";
    doc.seller.legal_form = "SAS";
    doc.seller.share_capital = 1000000;
    doc.seller.registry = "RCS Paris";
    doc.seller.vat_number = "FR12812345678";
    doc.seller.iban = "FR7630006000011234567890189";
    doc.seller.bic = "AGRIFRPPXXX";
    doc.seller.email = "facturation@lumiere.fr";
    doc.seller.footer = "Membre d'une association agréée";
    doc.buyer.display_name = "Café Crème";
    doc.buyer.legal_name = "Café Crème SARL";
    doc.buyer.postal = {"3 place Bellecour", "", "69002", "Lyon", "FR"};
    doc.buyer.country_code = "FR";
    doc.buyer.siren = "498765432";
    doc.buyer.vat_number = "FR55498765432";
    doc.lines = {line("Le Brief Tech — 2026-03-12 — Sponsor principal", {2026, 3, 12}, 150000, 2000),
                 line("Le Brief Tech — 2026-03-19 — Petite annonce", {2026, 3, 19}, 35050, 2000),
                 line("Matins Éco — 2026-03-24 — Sponsor principal", {2026, 3, 24}, 120000, 2000)};
    total(doc);
    return doc;
}

void expect_contains(const std::string& text, const std::string& needle) {
    EXPECT_NE(text.find(needle), std::string::npos) << "missing: " << needle << "\n--- text ---\n" << text;
}

}  // namespace

TEST(InvoicePdf, FrenchInvoiceCarriesEveryMandatoryMention) {
    TempDir dir;
    const auto doc = sample("fr");
    // 1500 + 350.50 + 1200 = 3050.50 net, VAT 300 + 70.10 + 240 = 610.10.
    ASSERT_EQ(doc.total_net, 305050);
    ASSERT_EQ(doc.total_vat, 61010);
    const std::string path = dir.file("facture.pdf");
    write_invoice_pdf(doc, path);
    ASSERT_EQ(pdf_pages(path), 1);
    const std::string t = squeeze(pdf_text(path));
    for (const char* s :
         {"Éditions Lumière SAS", "12 rue de l'Église", "75011 Paris", "SIREN 812 345 678", "SIRET 812 345 678 00014",
          "N° TVA intracommunautaire : FR12812345678", "facturation@lumiere.fr",
          // buyer identity, address, SIREN and VAT number
          "Café Crème", "Café Crème SARL", "3 place Bellecour", "69002 Lyon", "SIREN 498 765 432",
          "N° TVA intracommunautaire : FR55498765432",
          // document
          "FACTURE", "N° 2026-0042", "Date d'émission : 31/03/2026", "Date d'échéance : 30/04/2026",
          "Nature de l'opération", "Prestation de services",
          // lines: description, service date, unit price, rate
          "Le Brief Tech — 2026-03-12 — Sponsor principal", "12/03/2026", "19/03/2026", "24/03/2026",
          "Matins Éco — 2026-03-24 — Sponsor principal", "1 500,00 €", "350,50 €", "20 %",
          // VAT per rate and totals
          "20 % 3 050,50 € 610,10 €", "Total HT 3 050,50 €", "Total TVA 610,10 €", "Total TTC 3 660,60 €",
          // payment conditions
          "Paiement à 30 jours, au plus tard le 30/04/2026", "Pas d'escompte pour paiement anticipé",
          "trois fois le taux d'intérêt légal", "Indemnité forfaitaire pour frais de recouvrement de 40 €",
          "IBAN FR7630006000011234567890189", "BIC AGRIFRPPXXX", "SAS au capital de 10 000 € — RCS Paris 812 345 678",
          "page 1/1"})
        expect_contains(t, s);
    // Nothing paid yet: no "already paid" line pretending otherwise.
    EXPECT_EQ(t.find("Déjà réglé"), std::string::npos);
    // A buyer in France: no country line between the address and SIREN.
    expect_contains(squeeze(pdf_text_in_reading_order(path)), "69002 Lyon SIREN 498 765 432");
}

TEST(InvoicePdf, EnglishInvoiceCarriesEveryMandatoryMention) {
    TempDir dir;
    auto doc = sample("en");
    doc.amount_paid = 100000;
    const std::string path = dir.file("invoice.pdf");
    write_invoice_pdf(doc, path);
    const std::string t = squeeze(pdf_text(path));
    for (const char* s : {"Éditions Lumière SAS",
                          "SIREN 812 345 678",
                          "SIRET 812 345 678 00014",
                          "VAT number : FR12812345678",
                          "Café Crème SARL",
                          "SIREN 498 765 432",
                          "VAT number : FR55498765432",
                          "INVOICE",
                          "No. 2026-0042",
                          "Issue date : 31 March 2026",
                          "Due date : 30 April 2026",
                          "Type of transaction",
                          "Provision of services",
                          "Service date",
                          "12 Mar 2026",
                          "Unit price",
                          "€1,500.00",
                          "20% €3,050.50 €610.10",
                          "20%",
                          "Total net €3,050.50",
                          "Total VAT €610.10",
                          "Total gross €3,660.60",
                          "Amount paid €1,000.00",
                          "Amount due €2,660.60",
                          "Payment within 30 days, by 30 April 2026 at the latest",
                          "No discount for early payment",
                          "three times the French legal interest rate",
                          "Fixed recovery indemnity of €40",
                          "IBAN FR7630006000011234567890189",
                          "BIC AGRIFRPPXXX",
                          "page 1/1"})
        expect_contains(t, s);
    EXPECT_EQ(t.find("Prestation de services"), std::string::npos) << "French label in an English invoice";
}

TEST(InvoicePdf, CreditNoteCitesTheInvoiceItCancels) {
    TempDir dir;
    for (const std::string language : {"fr", "en"}) {
        auto doc = sample(language);
        doc.kind = InvoiceKind::CreditNote;
        doc.number = "AV-2026-0003";
        doc.cited_invoice_number = "2026-0042";
        doc.cited_invoice_date = Date{2026, 3, 31};
        const std::string path = dir.file("avoir-" + language + ".pdf");
        write_invoice_pdf(doc, path);
        const std::string t = squeeze(pdf_text(path));
        if (language == "fr") {
            expect_contains(t, "AVOIR");
            expect_contains(t, "N° AV-2026-0003");
            expect_contains(t, "Avoir sur la facture n° 2026-0042 du 31/03/2026");
            EXPECT_EQ(t.find("FACTURE"), std::string::npos);
        } else {
            expect_contains(t, "CREDIT NOTE");
            expect_contains(t, "Credit note for invoice No. 2026-0042 of 31 March 2026");
        }
    }
    // A credit note that cites nothing is refused, and no file appears.
    auto orphan = sample("fr");
    orphan.kind = InvoiceKind::CreditNote;
    EXPECT_THROW(write_invoice_pdf(orphan, dir.file("orphan.pdf")), InvalidInput);
    EXPECT_FALSE(fs::exists(dir.file("orphan.pdf")));
}

TEST(InvoicePdf, ReverseChargeInvoiceShowsTheMentionAndNoVat) {
    TempDir dir;
    auto doc = sample("fr");
    doc.buyer.display_name = "Kaffee GmbH";
    doc.buyer.legal_name = "Kaffee Berlin GmbH";
    doc.buyer.postal = {"Unter den Linden 1", "", "10117", "Berlin", "DE"};
    doc.buyer.einvoice = {"rechnung@kaffee.de", "EM"};
    doc.buyer.country_code = "DE";
    doc.buyer.siren = "";
    doc.buyer.vat_number = "DE123456789";
    doc.lines = {line("Le Brief Tech — 2026-03-12 — Sponsor principal", {2026, 3, 12}, 150000, 0, "AE")};
    total(doc);
    const std::string path = dir.file("ae.pdf");
    write_invoice_pdf(doc, path);
    const std::string t = squeeze(pdf_text(path));
    expect_contains(t, "Autoliquidation");
    expect_contains(t, "N° TVA intracommunautaire : DE123456789");
    // The buyer's country by its name on its own line under the address.
    expect_contains(squeeze(pdf_text_in_reading_order(path)),
                    "Unter den Linden 1 10117 Berlin Allemagne N° TVA intracommunautaire : DE123456789");
    expect_contains(t, "Total TVA 0,00 €");
    expect_contains(t, "Total TTC 1 500,00 €");
}

TEST(InvoicePdf, ManyLinesFlowOntoNumberedPages) {
    TempDir dir;
    auto doc = sample("fr");
    doc.lines.clear();
    for (int i = 1; i <= 120; ++i)
        doc.lines.push_back(line(fmt::format("Le Brief Tech — numéro {:03} — Sponsor principal", i),
                                 Date{2026, 1, 1}.add_days(i), 10000 + i, 2000));
    total(doc);
    const std::string path = dir.file("long.pdf");
    write_invoice_pdf(doc, path);
    const int pages = pdf_pages(path);
    ASSERT_GE(pages, 3);
    const std::string raw = pdf_text(path);
    // pdftotext ends every page with a form feed.
    std::vector<std::string> page_texts;
    std::stringstream in(raw);
    std::string page;
    while (std::getline(in, page, '\f'))
        if (!squeeze(page).empty()) page_texts.push_back(squeeze(page));
    ASSERT_EQ(static_cast<int>(page_texts.size()), pages);
    for (int n = 1; n <= pages; ++n) {
        expect_contains(page_texts[size_t(n - 1)], fmt::format("page {}/{}", n, pages));
        // Later pages say whose invoice they continue.
        if (n > 1) expect_contains(page_texts[size_t(n - 1)], "N° 2026-0042");
    }
    // Every line exactly once, in order, none lost at a page break.
    const std::string all = squeeze(raw);
    size_t pos = 0;
    for (int i = 1; i <= 120; ++i) {
        const std::string d = fmt::format("numéro {:03}", i);
        const size_t at = all.find(d, pos);
        ASSERT_NE(at, std::string::npos) << d << " missing or out of order";
        EXPECT_EQ(all.find(d, at + 1), std::string::npos) << d << " printed twice";
        pos = at;
    }
    // Totals once, on the last page: 120 × 100.00 + (1 + … + 120) cents.
    const Minor net = 120 * 10000 + 120 * 121 / 2;
    ASSERT_EQ(doc.total_net, net);
    expect_contains(page_texts.back(), "Total HT 12 072,60 €");
    EXPECT_EQ(page_texts.front().find("Total HT"), std::string::npos);
}

TEST(InvoicePdf, FontsAreEmbedded) {
    TempDir dir;
    const std::string path = dir.file("fonts.pdf");
    write_invoice_pdf(sample("fr"), path);
    std::istringstream in(run_command("pdffonts '" + path + "'"));
    std::string line_text;
    int fonts = 0;
    bool table = false;
    while (std::getline(in, line_text)) {
        if (line_text.rfind("-----", 0) == 0) {
            table = true;
            continue;
        }
        if (!table || line_text.empty()) continue;
        // Columns: name type encoding emb sub uni object-id generation.
        std::istringstream cols(line_text);
        std::vector<std::string> words;
        for (std::string w; cols >> w;) words.push_back(w);
        ASSERT_GE(words.size(), 6u) << line_text;
        EXPECT_EQ(words[words.size() - 5], "yes") << "font not embedded: " << line_text;
        ++fonts;
    }
    EXPECT_GE(fonts, 2) << "regular and bold faces expected";
}

TEST(InvoicePdf, RefusesTotalsThatAreNotTheSumOfTheLines) {
    TempDir dir;
    auto doc = sample("fr");
    doc.total_vat += 1;
    doc.total_gross += 1;
    EXPECT_THROW(write_invoice_pdf(doc, dir.file("bad.pdf")), InvalidInput);
    doc = sample("fr");
    doc.lines[1].vat += 1;  // not 20 % of the net, rounded
    doc.lines[1].gross += 1;
    total(doc);
    EXPECT_THROW(write_invoice_pdf(doc, dir.file("bad.pdf")), InvalidInput);
    doc = sample("de");
    EXPECT_THROW(write_invoice_pdf(doc, dir.file("bad.pdf")), InvalidInput);
    EXPECT_FALSE(fs::exists(dir.file("bad.pdf")));
}

TEST(InvoicePdf, UnwritablePathIsAStorageErrorNamingIt) {
    TempDir dir;
    const std::string path = dir.file("no/such/dir/facture.pdf");
    try {
        write_invoice_pdf(sample("fr"), path);
        FAIL() << "no error";
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
    // An existing file is replaced whole, never left half-written.
    const std::string ok = dir.file("facture.pdf");
    write_invoice_pdf(sample("fr"), ok);
    write_invoice_pdf(sample("en"), ok);
    expect_contains(squeeze(pdf_text(ok)), "INVOICE");
    for (const auto& entry : fs::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().extension(), ".pdf") << "leftover " << entry.path();
}

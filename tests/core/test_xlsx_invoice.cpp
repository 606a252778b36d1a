// The invoice exported as a workbook and read back with openpyxl.
#include <gtest/gtest.h>

#include "facturx_samples.h"
#include "test_support.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/invoice_document.h"

using namespace sponsordesk;
namespace fs = std::filesystem;
using nlohmann::json;

using sponsordesk::test::read_xlsx;
using sponsordesk::test::TempDir;

namespace {

InvoiceDocumentLine line(const std::string& description, Date service, int quantity, Minor unit, RateBp rate) {
    InvoiceDocumentLine l;
    l.description = description;
    l.service_date = service;
    l.quantity = quantity;
    l.unit_price_net = unit;
    l.net = unit * quantity;
    l.vat_rate = rate;
    l.vat = apply_rate(l.net, rate);
    l.gross = l.net + l.vat;
    return l;
}

InvoiceDocument sample() {
    InvoiceDocument doc;
    doc.number = "2026-0042";
    doc.issue_date = {2026, 3, 31};
    doc.due_date = {2026, 4, 30};
    doc.language = "fr";
    doc.seller.legal_name = "Éditions Lumière SAS";
    doc.seller.address = "12 rue de l'Église\n75011 Paris";
    doc.seller.siren = "812345678";
    doc.seller.vat_number = "FR12812345678";
    doc.seller.iban = "FR7630006000011234567890189";
    doc.seller.bic = "AGRIFRPPXXX";
    doc.seller.email = "facturation@lumiere.fr";
    doc.seller.footer = "";
    // A sponsor name that a spreadsheet would happily run as a formula.
    doc.buyer.display_name = "=HYPERLINK(\"http://x\",\"y\")";
    doc.buyer.legal_name = "Café Crème SARL";
    doc.buyer.address = "3 place Bellecour\n69002 Lyon";
    doc.buyer.country_code = "FR";
    doc.buyer.siren = "498765432";
    doc.buyer.vat_number = "FR55498765432";
    doc.lines = {line("Le Brief Tech — 2026-03-12 — Sponsor principal", {2026, 3, 12}, 1, 150000, 2000),
                 line("Le Brief Tech — 2026-03-19 — Petite annonce", {2026, 3, 19}, 3, 11683, 2000),
                 line("Matins Éco — 2026-03-24 — Sponsor principal", {2026, 3, 24}, 1, 120000, 550)};
    doc.total_net = doc.total_vat = 0;
    for (const auto& l : doc.lines) {
        doc.total_net += l.net;
        doc.total_vat += l.vat;
    }
    doc.total_gross = doc.total_net + doc.total_vat;
    // 20 %: 1500 + 350.49; 5.5 %: 1200.
    doc.vat_breakdown.resize(2);
    doc.vat_breakdown[0].rate = 2000;
    doc.vat_breakdown[0].base = 185049;
    doc.vat_breakdown[0].vat = 30000 + 7010;
    doc.vat_breakdown[1].rate = 550;
    doc.vat_breakdown[1].base = 120000;
    doc.vat_breakdown[1].vat = 6600;
    doc.amount_paid = 50000;
    return doc;
}

// Row number (1-based, as in "A12") of the first cell of column A equal to `text`.
int row_of(const json& cells, const std::string& text) {
    for (auto it = cells.begin(); it != cells.end(); ++it) {
        const std::string ref = it.key();
        if (ref[0] == 'A' && std::isdigit(static_cast<unsigned char>(ref[1])) && it.value()["value"] == text)
            return std::stoi(ref.substr(1));
    }
    return -1;
}

}  // namespace

TEST(XlsxInvoice, LinesAreNumericMoneyAndDatesWithFormulaTotals) {
    TempDir dir;
    const auto doc = sample();
    // VAT per line, rounded: 300.00, 3 × 116.83 = 350.49 → 70.098 → 70.10, 5.5 % of 1200 = 66.00.
    ASSERT_EQ(doc.total_vat, 30000 + 7010 + 6600);
    const std::string path = dir.file("facture.xlsx");
    write_invoice_xlsx(doc, path);
    const json book = read_xlsx(path);
    ASSERT_EQ(book["sheets"].size(), 1u);
    const json& ws = book["sheets"][0];
    EXPECT_EQ(ws["name"], "Invoice");
    const json& c = ws["cells"];

    // Header fields: number as text, dates as date cells.
    EXPECT_EQ(c["B3"]["value"], "2026-0042");
    EXPECT_TRUE(c["B4"]["is_date"].get<bool>());
    EXPECT_EQ(c["B4"]["value"], "2026-03-31T00:00:00");
    EXPECT_TRUE(c["B5"]["is_date"].get<bool>());
    EXPECT_EQ(c["B5"]["value"], "2026-04-30T00:00:00");

    // The sponsor's name stays a string.
    bool found = false;
    for (const auto& cell : c)
        if (cell["value"] == "=HYPERLINK(\"http://x\",\"y\")") {
            EXPECT_EQ(cell["type"], "s");
            found = true;
        }
    EXPECT_TRUE(found) << "buyer name not written";

    const int header = row_of(c, "Désignation");
    ASSERT_GT(header, 0);
    EXPECT_EQ(ws["freeze"], fmt::format("A{}", header + 1));
    EXPECT_EQ(ws["autofilter"], fmt::format("A{}:K{}", header, header + 3));

    const int r = header + 2;  // second line: 3 × 116.83
    EXPECT_EQ(c[fmt::format("A{}", r)]["value"], "Le Brief Tech — 2026-03-19 — Petite annonce");
    EXPECT_TRUE(c[fmt::format("B{}", r)]["is_date"].get<bool>());
    EXPECT_EQ(c[fmt::format("B{}", r)]["value"], "2026-03-19T00:00:00");
    EXPECT_EQ(c[fmt::format("C{}", r)]["value"], 3);
    for (const char* col : {"D", "E", "G", "H"}) {
        const json& m = c[fmt::format("{}{}", col, r)];
        EXPECT_EQ(m["type"], "n") << col;
        EXPECT_EQ(m["format"], "#,##0.00 [$€-40C]") << col;
    }
    EXPECT_DOUBLE_EQ(c[fmt::format("D{}", r)]["value"].get<double>(), 116.83);
    EXPECT_DOUBLE_EQ(c[fmt::format("E{}", r)]["value"].get<double>(), 350.49);
    EXPECT_DOUBLE_EQ(c[fmt::format("F{}", r)]["value"].get<double>(), 0.20);
    EXPECT_EQ(c[fmt::format("F{}", r)]["format"], "0.0\\ %");  // French: 20,0 %
    EXPECT_DOUBLE_EQ(c[fmt::format("G{}", r)]["value"].get<double>(), 70.10);
    EXPECT_DOUBLE_EQ(c[fmt::format("H{}", r)]["value"].get<double>(), 420.59);
    EXPECT_EQ(c[fmt::format("I{}", r)]["value"], "S");

    // Totals row: formulas over the lines, cached with the right sums.
    const int t = header + 4;
    EXPECT_EQ(c[fmt::format("A{}", t)]["value"], "Total");
    EXPECT_EQ(c[fmt::format("E{}", t)]["value"], fmt::format("=SUM(E{}:E{})", header + 1, header + 3));
    EXPECT_DOUBLE_EQ(c[fmt::format("E{}", t)]["cached"].get<double>(), 3050.49);
    EXPECT_DOUBLE_EQ(c[fmt::format("G{}", t)]["cached"].get<double>(), 436.10);
    EXPECT_DOUBLE_EQ(c[fmt::format("H{}", t)]["cached"].get<double>(), 3486.59);
    EXPECT_EQ(c[fmt::format("H{}", t)]["format"], "#,##0.00 [$€-40C]");

    // VAT per rate, then what is left to pay.
    const int vat5 = row_of(c, "5,5\u00A0%");
    ASSERT_GT(vat5, 0);
    EXPECT_DOUBLE_EQ(c[fmt::format("E{}", vat5)]["value"].get<double>(), 1200.00);
    EXPECT_DOUBLE_EQ(c[fmt::format("G{}", vat5)]["value"].get<double>(), 66.00);
    const int due = row_of(c, "Net à payer");
    ASSERT_GT(due, 0);
    EXPECT_DOUBLE_EQ(c[fmt::format("H{}", due - 1)]["value"].get<double>(), 500.00);
    EXPECT_DOUBLE_EQ(c[fmt::format("H{}", due)]["cached"].get<double>(), 2986.59);
}

TEST(XlsxInvoice, CreditNoteCitesTheInvoiceInEnglish) {
    TempDir dir;
    auto doc = sample();
    doc.language = "en";
    doc.kind = InvoiceKind::CreditNote;
    doc.number = "AV-2026-0003";
    doc.cited_invoice_number = "2026-0042";
    doc.cited_invoice_date = Date{2026, 3, 31};
    const std::string path = dir.file("credit.xlsx");
    write_invoice_xlsx(doc, path);
    const json book = read_xlsx(path);
    const json& ws = book["sheets"][0];
    EXPECT_EQ(ws["name"], "Credit note");
    const json& c = ws["cells"];
    EXPECT_EQ(c["A1"]["value"], "Credit note AV-2026-0003");
    const int cited = row_of(c, "Cancelled invoice");
    ASSERT_GT(cited, 0);
    EXPECT_EQ(c[fmt::format("B{}", cited)]["value"], "2026-0042");
    EXPECT_TRUE(c[fmt::format("B{}", cited + 1)]["is_date"].get<bool>());
    EXPECT_EQ(c[fmt::format("B{}", cited + 1)]["value"], "2026-03-31T00:00:00");
    const int header = row_of(c, "Description");
    ASSERT_GT(header, 0);
    EXPECT_EQ(c[fmt::format("E{}", header + 1)]["format"], "[$€-1809]#,##0.00");
}

TEST(XlsxInvoice, InconsistentDocumentIsRefusedAndNoFileWritten) {
    TempDir dir;
    auto doc = sample();
    doc.vat_breakdown[1].vat += 1;
    EXPECT_THROW(write_invoice_xlsx(doc, dir.file("bad.xlsx")), InvalidInput);
    EXPECT_FALSE(fs::exists(dir.file("bad.xlsx")));
    EXPECT_THROW(write_invoice_xlsx(sample(), dir.file("no/dir/x.xlsx")), StorageError);
}

// The workbook says what the PDF says: the same wording from invoice_labels.
TEST(XlsxInvoice, CarriesThe2026Mentions) {
    TempDir dir;
    auto text_cells = [](const json& cells) {
        std::string all;
        for (const auto& cell : cells)
            if (cell["value"].is_string()) all += cell["value"].get<std::string>() + "\n";
        return all;
    };
    const std::string ae = dir.file("ae.xlsx");
    write_invoice_xlsx(sponsordesk::test::fx_reverse_charge("en"), ae);
    const std::string t = text_cells(read_xlsx(ae)["sheets"][0]["cells"]);
    for (const char* s : {"Autoliquidation — reverse charge, art. 196 of Directive 2006/112/EC", "Germany",
                          "Friedrichstraße 12, 10117 Berlin, Germany", "SIRET", "732 829 320 00074",
                          "SAS with a share capital of €10,000 — RCS Lyon 732 829 320", "4500012345"})
        EXPECT_NE(t.find(s), std::string::npos) << s << "\n" << t;

    const std::string discount = dir.file("discount.xlsx");
    write_invoice_xlsx(sponsordesk::test::fx_discount(), discount);
    const json book = read_xlsx(discount);
    const json& c = book["sheets"][0]["cells"];
    const int header = row_of(c, "Désignation");
    ASSERT_GT(header, 0);
    EXPECT_EQ(c[fmt::format("J{}", header)]["value"], "Prix catalogue");
    EXPECT_DOUBLE_EQ(c[fmt::format("J{}", header + 1)]["value"].get<double>(), 1500.00);
    EXPECT_DOUBLE_EQ(c[fmt::format("K{}", header + 1)]["value"].get<double>(), 300.00);
    EXPECT_DOUBLE_EQ(c[fmt::format("D{}", header + 1)]["value"].get<double>(), 1200.00);

    const std::string credit = dir.file("credit.xlsx");
    write_invoice_xlsx(sponsordesk::test::fx_credit_note(), credit);
    const std::string ct = text_cells(read_xlsx(credit)["sheets"][0]["cells"]);
    EXPECT_EQ(ct.find("Date d'échéance"), std::string::npos) << ct;
    EXPECT_NE(ct.find("remboursé ou vient en déduction"), std::string::npos) << ct;

    const std::string usd = dir.file("usd.xlsx");
    auto doc = sponsordesk::test::fx_french_invoice("en");
    doc.currency = "USD";
    doc.eur_rate_micro = 922200;
    doc.total_vat_eur = 34131;
    write_invoice_xlsx(doc, usd);
    const std::string ut = text_cells(read_xlsx(usd)["sheets"][0]["cells"]);
    EXPECT_NE(ut.find("Total VAT in euros: €341.31 (rate used: 1 USD = €0.9222)"), std::string::npos) << ut;
}

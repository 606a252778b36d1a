// A sponsor's statement: running balance and the workbook read back.
#include <gtest/gtest.h>

#include "test_support.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/statement.h"

using namespace sponsordesk;
namespace fs = std::filesystem;
using nlohmann::json;

using sponsordesk::test::read_xlsx;
using sponsordesk::test::TempDir;

namespace {

Statement sample() {
    Statement s;
    s.sponsor = "=HYPERLINK(\"http://x\",\"Café Crème\")";
    s.currency = "EUR";
    s.language = "fr";
    s.as_of = {2026, 4, 30};
    s.opening_balance = 10000;  // 100.00 left from last year
    using K = StatementEntryKind;
    // Given out of order: the payment of 2026-03-05 comes before the March invoice.
    s.entries = {
        {{2026, 2, 28}, K::Invoice, "2026-0010", "Février", 180000, 0},
        {{2026, 3, 31}, K::Invoice, "2026-0042", "Mars", 366060, 0},
        {{2026, 3, 5}, K::Payment, "2026-0010", "Virement", 0, 190000},
        {{2026, 4, 2}, K::CreditNote, "AV-2026-0003", "Annule 2026-0042", 0, 366060},
        {{2026, 4, 2}, K::Invoice, "2026-0050", "Mars, refaite", 300000, 0},
    };
    return s;
}

}  // namespace

TEST(Statement, RunningBalanceInDateOrder) {
    const auto rows = statement_rows(sample());
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0].entry.reference, "2026-0010");
    EXPECT_EQ(rows[0].balance, 190000);  // 100 + 1800
    EXPECT_EQ(rows[1].entry.kind, StatementEntryKind::Payment);
    EXPECT_EQ(rows[1].balance, 0);
    EXPECT_EQ(rows[2].balance, 366060);
    // Same date: given order kept (credit note, then the new invoice).
    EXPECT_EQ(rows[3].entry.reference, "AV-2026-0003");
    EXPECT_EQ(rows[3].balance, 0);
    EXPECT_EQ(rows[4].entry.reference, "2026-0050");
    EXPECT_EQ(rows[4].balance, 300000);

    auto bad = sample();
    bad.entries[0].debit = -1;
    EXPECT_THROW(statement_rows(bad), InvalidInput);
}

TEST(Statement, WorkbookHasDatesMoneyFrozenHeaderFilterAndClosingBalance) {
    TempDir dir;
    const std::string path = dir.file("releve.xlsx");
    write_statement_xlsx(sample(), path);
    const json book = read_xlsx(path);
    ASSERT_EQ(book["sheets"].size(), 1u);
    const json& ws = book["sheets"][0];
    EXPECT_EQ(ws["name"], "Statement");
    const json& c = ws["cells"];
    EXPECT_EQ(c["B1"]["type"], "s");
    EXPECT_EQ(c["B1"]["value"], "=HYPERLINK(\"http://x\",\"Café Crème\")");
    EXPECT_TRUE(c["B2"]["is_date"].get<bool>());
    EXPECT_DOUBLE_EQ(c["B4"]["value"].get<double>(), 100.00);

    // Header on row 6, entries on 7..11.
    EXPECT_EQ(c["A6"]["value"], "Date");
    EXPECT_EQ(c["G6"]["value"], "Solde");
    EXPECT_EQ(ws["freeze"], "A7");
    EXPECT_EQ(ws["autofilter"], "A6:G11");
    EXPECT_TRUE(c["A8"]["is_date"].get<bool>());
    EXPECT_EQ(c["A8"]["value"], "2026-03-05T00:00:00");
    EXPECT_EQ(c["B8"]["value"], "Paiement");
    EXPECT_EQ(c["C8"]["value"], "2026-0010");
    EXPECT_FALSE(c.contains("E8")) << "a payment has no debit";
    EXPECT_EQ(c["F8"]["type"], "n");
    EXPECT_DOUBLE_EQ(c["F8"]["value"].get<double>(), 1900.00);
    EXPECT_EQ(c["F8"]["format"], "#,##0.00 [$€-40C]");
    const double balances[] = {1900.00, 0.00, 3660.60, 0.00, 3000.00};
    for (int i = 0; i < 5; ++i) {
        const json& b = c[fmt::format("G{}", 7 + i)];
        EXPECT_EQ(b["type"], "n");
        EXPECT_DOUBLE_EQ(b["value"].get<double>(), balances[i]) << "row " << 7 + i;
        EXPECT_EQ(b["format"], "#,##0.00 [$€-40C]");
    }
    // Totals: formulas whose cached values add up.
    EXPECT_EQ(c["A12"]["value"], "Total");
    EXPECT_EQ(c["E12"]["value"], "=SUM(E7:E11)");
    EXPECT_DOUBLE_EQ(c["E12"]["cached"].get<double>(), 8460.60);
    EXPECT_DOUBLE_EQ(c["F12"]["cached"].get<double>(), 5560.60);
    EXPECT_EQ(c["G12"]["value"], "=B4+E12-F12");
    EXPECT_DOUBLE_EQ(c["G12"]["cached"].get<double>(), 3000.00);
    EXPECT_DOUBLE_EQ(c["G13"]["cached"].get<double>(), 3000.00);
    EXPECT_EQ(c["D13"]["value"], "Solde final");
}

TEST(Statement, EmptyStatementInEnglishStillAddsUp) {
    TempDir dir;
    Statement s;
    s.sponsor = "Kaffee GmbH";
    s.language = "en";
    s.currency = "GBP";
    s.as_of = {2026, 4, 30};
    s.opening_balance = 4200;
    const std::string path = dir.file("empty.xlsx");
    write_statement_xlsx(s, path);
    const json book = read_xlsx(path);
    const json& c = book["sheets"][0]["cells"];
    EXPECT_EQ(c["A1"]["value"], "Statement of account");
    EXPECT_EQ(c["G6"]["value"], "Balance");
    EXPECT_EQ(c["G7"]["format"], "[$£-809]#,##0.00");
    EXPECT_DOUBLE_EQ(c["G7"]["cached"].get<double>(), 42.00);
    s.language = "de";
    EXPECT_THROW(write_statement_xlsx(s, dir.file("de.xlsx")), InvalidInput);
}

// Monthly and billing reports on a realistic month built with the core
// services, read back with openpyxl (tests/tools/read_xlsx.py) as a
// spreadsheet program would see them.
#include <gtest/gtest.h>

#include "test_support.h"

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../support/test_lookup.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/report_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/report_repository.h"

using namespace sponsordesk;
namespace fs = std::filesystem;
using nlohmann::json;

using sponsordesk::test::run_tool;
using sponsordesk::test::TempDir;

namespace {

const std::string kFormulaName = "=HYPERLINK(\"http://x\",\"y\")";
const std::string kPhoneName = "+33 1 23";

class ReportDir {
public:
    ReportDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() / fmt::format("sponsordesk-report-{:x}{:x}", rd(), rd());
        fs::create_directories(path_);
    }
    ~ReportDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    fs::path path_;
};

const json& sheet(const json& book, const std::string& name) {
    for (const auto& s : book["sheets"])
        if (s["name"] == name) return s;
    throw std::runtime_error("no sheet " + name);
}

// The row (1-based, as in A1 names) whose column A holds `label`; 0 if none.
int find_label(const json& ws, const std::string& label, int after = 0) {
    for (int r = after + 1; r < 500; ++r) {
        const std::string a = fmt::format("A{}", r);
        if (ws["cells"].contains(a) && ws["cells"][a]["value"] == label) return r;
    }
    return 0;
}

double number(const json& ws, const std::string& cell) {
    const json& c = ws["cells"][cell];
    return c["type"] == "f" ? c["cached"].get<double>() : c["value"].get<double>();
}

int data_rows(const json& ws) {
    int rows = 0;
    while (ws["cells"].contains(fmt::format("A{}", rows + 2))) ++rows;
    return rows;
}

using FixedToday = sponsordesk::test::FakeToday;

// March 2026 of "La Lettre" (EUR, weekdays: 22 issues) and "The Weekly"
// (USD, Mondays), booked in February, invoiced at the end of March, looked
// at on 15 April.
class ReportTest : public ::testing::Test {
protected:
    void SetUp() override {
        today_.set("2026-02-20");
        CatalogService catalog(db_);
        catalog.update_publisher(test_lookup::issuing_publisher("Éditions du Matin SAS"));
        Publication lettre;
        lettre.name = "La Lettre";
        lettre.slug = "lettre";
        catalog.add_publication(lettre);
        Publication weekly;
        weekly.name = "The Weekly";
        weekly.slug = "weekly";
        weekly.currency = "USD";
        weekly.language = "en";
        weekly.cadence = 0x01;
        catalog.add_publication(weekly);
        catalog.add_placement("lettre", placement("main", "Main sponsor", 150000, 1, 1));
        catalog.add_placement("lettre", placement("classified", "Classifieds", 20000, 4, 2));
        catalog.add_placement("lettre", placement("native", "Native", 80000, 1, 3));
        catalog.add_placement("weekly", placement("top", "Top", 50000, 1, 1));
        catalog.set_house_ad("lettre", "main", "Listen to our podcast");
        catalog.set_house_ad("lettre", "native", "Join our events");
        IssueService issues(db_);
        issues.plan("lettre", {2026, 2, 23}, {2026, 4, 3});
        issues.plan("weekly", {2026, 3, 1}, {2026, 3, 31});
        issues.set_stats("lettre", {2026, 3, 2}, 20000, 9000, 450);
        issues.set_stats("lettre", {2026, 3, 3}, 21000, std::nullopt, std::nullopt);

        SponsorService sponsors(db_);
        for (const std::string& name : {std::string("Acme"), std::string("Café Crème"), kFormulaName, kPhoneName}) {
            Sponsor s;
            s.name = name;
            sponsors.add(test_lookup::invoiceable(s));
        }
        BookingService booking(db_);
        const BookingId a1 = book("Acme", "lettre", {2026, 3, 2}, "main");
        const BookingId a2 = book("Acme", "lettre", {2026, 3, 3}, "main");
        const BookingId a3 = book("Acme", "lettre", {2026, 3, 31}, "main", 120000);
        const BookingId f1 = book(kFormulaName, "lettre", {2026, 3, 3}, "classified", 25000);
        const BookingId p1 = book(kPhoneName, "lettre", {2026, 3, 3}, "classified");
        const BookingId c1 = book("Café Crème", "lettre", {2026, 3, 4}, "native");
        // An unexpired hold: today a hold may not outlive its issue, but a
        // file written before that rule can hold one extended past it.
        const BookingId kept_hold =
            book("Café Crème", "lettre", {2026, 3, 5}, "native", std::nullopt, Date{2026, 3, 5});
        BookingRepository(db_).set_hold_until(kept_hold.value, Date{2026, 4, 30});
        book("Acme", "lettre", {2026, 3, 6}, "native", std::nullopt, Date{2026, 3, 1});  // expires
        book("Acme", "lettre", {2026, 2, 27}, "main");                                   // February: not in March
        book("Acme", "lettre", {2026, 4, 1}, "main");                                    // April: not in March
        book("Acme", "weekly", {2026, 3, 2}, "top");                                     // 500.00 USD
        booking.set_copy(a1, "**Acme** ships on time.", std::nullopt);
        booking.change_status(a1, BookingStatus::Approved);
        booking.change_status(a1, BookingStatus::Published);
        booking.set_copy(a2, "**Acme** again.", std::nullopt);
        booking.change_status(a2, BookingStatus::Approved);
        booking.change_status(c1, BookingStatus::Cancelled);

        today_.set("2026-04-15");
        InvoiceService invoices(db_);
        const InvoiceId inv_phone = invoices.create_for_bookings(test_lookup::sponsor_id(db_, kPhoneName), {p1}).id();
        invoices.issue(inv_phone, Date{2026, 3, 10});  // due 9 April: 6 days overdue
        const InvoiceId inv_acme =
            invoices.create_for_bookings(test_lookup::sponsor_id(db_, "Acme"), {a1, a2, a3}).id();
        invoices.issue(inv_acme, Date{2026, 3, 31});  // due 30 April: current
        invoices.pay(inv_acme, 200000, {2026, 4, 5});
        const InvoiceId inv_formula =
            invoices.create_for_bookings(test_lookup::sponsor_id(db_, kFormulaName), {f1}).id();
        invoices.issue(inv_formula, Date{2026, 3, 31});
        invoices.cancel(inv_formula, Date{2026, 4, 2});  // credit note in April
    }

    static Placement placement(const std::string& code, const std::string& name, Minor price, int slots, int position) {
        Placement p;
        p.code = code;
        p.name = name;
        p.price = price;
        p.slots = slots;
        p.position = position;
        return p;
    }

    BookingId book(const std::string& sponsor, const std::string& pub, Date date, const std::string& code,
                   std::optional<Minor> price = std::nullopt, std::optional<Date> hold_until = std::nullopt) {
        BookRequest r = test_lookup::book_request(db_, sponsor, pub, date, code);
        r.price = price;
        r.hold_until = hold_until;
        if (hold_until) r.status = BookingStatus::Hold;
        return BookingService(db_).book(r).id();
    }

    MonthlyReportResult monthly(const std::string& path, std::optional<std::string> pub = std::nullopt,
                                const Progress& progress = {}) {
        MonthlyReportRequest r;
        r.month = {2026, 3};
        r.publication = pub;
        r.path = path;
        return ReportService(db_).monthly(r, progress);
    }

    BillingReportResult billing(const std::string& path) {
        BillingReportRequest r;
        r.from = {2026, 3, 1};
        r.to = {2026, 4, 30};
        r.path = path;
        return ReportService(db_).billing(r);
    }

    FixedToday today_;
    Database db_{":memory:"};
    ReportDir dir_;
};

TEST_F(ReportTest, MonthlySheetsLabelsPropertiesAndCellTypes) {
    const std::string path = dir_.file("march.xlsx");
    const MonthlyReportResult res = monthly(path, "lettre");
    EXPECT_EQ(res.rows, 5);
    ASSERT_EQ(res.totals.size(), 1u);
    EXPECT_EQ(res.totals[0].booked_revenue, 465000);

    const json book = run_tool("read_xlsx.py", path);
    std::vector<std::string> names;
    for (const auto& s : book["sheets"]) names.push_back(s["name"]);
    EXPECT_EQ(names, (std::vector<std::string>{"Summary", "Bookings", "Sponsors", "Performance"}));
    EXPECT_EQ(book["properties"]["creator"], "Éditions du Matin SAS");
    EXPECT_EQ(book["properties"]["title"], "Monthly report, March 2026, La Lettre");

    const json& sum = sheet(book, "Summary");
    for (const char* label : {"Booked revenue", "Invoiced", "Collected", "Outstanding"}) {
        const int r = find_label(sum, label);
        ASSERT_GT(r, 0) << label;
        const json& c = sum["cells"][fmt::format("B{}", r)];
        EXPECT_EQ(c["format"], "[$€-1809]#,##0.00") << label;
        EXPECT_FALSE(sum["cells"][fmt::format("D{}", r)]["value"].get<std::string>().empty())
            << "definition of " << label;
    }
    EXPECT_NE(sum["cells"][fmt::format("D{}", find_label(sum, "Booked revenue"))]["value"].get<std::string>().find(
                  "Holds, even unexpired"),
              std::string::npos);

    const json& bk = sheet(book, "Bookings");
    EXPECT_EQ(bk["freeze"], "A2");
    EXPECT_EQ(bk["autofilter"], "A1:I6");
    EXPECT_EQ(data_rows(bk), 5);
    const json& c = bk["cells"];
    EXPECT_EQ(c["A1"]["value"], "Issue date");
    EXPECT_EQ(c["F1"]["value"], "Price");
    EXPECT_EQ(c["G1"]["value"], "Invoice");
    for (int r = 2; r <= 6; ++r) {
        EXPECT_TRUE(c[fmt::format("A{}", r)]["is_date"].get<bool>());
        EXPECT_EQ(c[fmt::format("A{}", r)]["format"], "yyyy-mm-dd");
        EXPECT_EQ(c[fmt::format("F{}", r)]["type"], "n");
        EXPECT_EQ(c[fmt::format("F{}", r)]["format"], "[$€-1809]#,##0.00");
        EXPECT_EQ(c[fmt::format("D{}", r)]["type"], "s");
    }
    EXPECT_EQ(c["A2"]["value"], "2026-03-02T00:00:00");
    EXPECT_EQ(c["E2"]["value"], "published");
    EXPECT_EQ(c["G2"]["value"], "2026-0002");                // Acme's invoice, the year's second
    EXPECT_DOUBLE_EQ(c["I2"]["value"].get<double>(), 75.0);  // 1500 / (20000 / 1000)
    // Hostile names stay text: never a formula, never a number.
    bool formula_seen = false, phone_seen = false;
    for (int r = 2; r <= 6; ++r) {
        const json& d = c[fmt::format("D{}", r)];
        if (d["value"] == kFormulaName) formula_seen = true;
        if (d["value"] == kPhoneName) phone_seen = true;
        // The cancelled invoice of the formula sponsor no longer holds its booking.
        if (d["value"] == kFormulaName) {
            EXPECT_FALSE(c.contains(fmt::format("G{}", r)));
        }
    }
    EXPECT_TRUE(formula_seen);
    EXPECT_TRUE(phone_seen);
    for (const auto& [coord, cell] : bk["cells"].items()) EXPECT_NE(cell["type"], "f") << coord;
    for (const auto& [name, width] : bk["widths"].items()) EXPECT_GE(width.get<double>(), 9.0) << name;
}

TEST_F(ReportTest, BookingsSheetAddsUpToTheSummaryAndTheDatabase) {
    const std::string path = dir_.file("march.xlsx");
    monthly(path, "lettre");
    const json book = run_tool("read_xlsx.py", path);
    const json& bk = sheet(book, "Bookings");
    double total = 0;
    for (int r = 2; r <= data_rows(bk) + 1; ++r) total += number(bk, fmt::format("F{}", r));
    const json& sum = sheet(book, "Summary");
    const int booked = find_label(sum, "Booked revenue");
    const json& cell = sum["cells"][fmt::format("B{}", booked)];
    EXPECT_EQ(cell["type"], "f");
    EXPECT_EQ(cell["value"], "=SUM('Bookings'!$F$2:$F$6)");
    EXPECT_DOUBLE_EQ(cell["cached"].get<double>(), 4650.0);
    EXPECT_DOUBLE_EQ(total, 4650.0);
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("B{}", find_label(sum, "Booked slots"))), 5);
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("B{}", find_label(sum, "Unexpired holds"))), 1);
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("B{}", find_label(sum, "Cancelled bookings"))), 1);

    // Invoiced in March: 4200 + 250 + 200 net; the credit note is April's.
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("B{}", find_label(sum, "Invoiced"))), 4650.0);
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("B{}", find_label(sum, "Invoiced incl. VAT"))), 5580.0);
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("B{}", find_label(sum, "Collected"))), 2000.0);
    // Acme 5040 − 2000, +33 240, the cancelled invoice nothing.
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("B{}", find_label(sum, "Outstanding"))), 3280.0);

    const json& sp = sheet(book, "Sponsors");
    EXPECT_EQ(sp["cells"]["A2"]["value"], "Acme");
    EXPECT_DOUBLE_EQ(number(sp, "C2"), 3);
    EXPECT_DOUBLE_EQ(number(sp, "D2"), 4200.0);
    double sponsors_total = 0;
    for (int r = 2; r <= data_rows(sp) + 1; ++r) sponsors_total += number(sp, fmt::format("D{}", r));
    EXPECT_DOUBLE_EQ(sponsors_total, 4650.0);
}

TEST_F(ReportTest, SellThroughAndFillRateFollowTheirDefinitions) {
    const std::string path = dir_.file("march.xlsx");
    monthly(path, "lettre");
    const json sum = sheet(run_tool("read_xlsx.py", path), "Summary");
    const int header = find_label(sum, "Inventory per placement") + 1;
    ASSERT_GT(header, 1);
    EXPECT_EQ(sum["cells"][fmt::format("G{}", header)]["value"], "Sell-through");
    EXPECT_EQ(sum["cells"][fmt::format("H{}", header)]["value"], "Fill rate");
    bool st_def = false, fill_def = false;
    for (int r = header; r < header + 6; ++r) {
        const std::string l = fmt::format("L{}", r);
        if (!sum["cells"].contains(l)) continue;
        const std::string text = sum["cells"][l]["value"];
        st_def = st_def || text == "Sell-through = sold slots / slots offered";
        fill_def = fill_def || text.rfind("Fill rate = (sold + house) / offered", 0) == 0;
    }
    EXPECT_TRUE(st_def);
    EXPECT_TRUE(fill_def);
    // Main: 22 issues, 3 sold, house ad in the other 19.
    const int main = header + 1, classified = header + 2, native = header + 3;
    EXPECT_EQ(sum["cells"][fmt::format("B{}", main)]["value"], "Main sponsor");
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("D{}", main)), 22);
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("E{}", main)), 3);
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("F{}", main)), 19);
    EXPECT_NEAR(number(sum, fmt::format("G{}", main)), 3.0 / 22, 1e-12);
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("H{}", main)), 1.0);
    EXPECT_EQ(sum["cells"][fmt::format("G{}", main)]["format"], "0.0%");
    EXPECT_EQ(sum["cells"][fmt::format("G{}", main)]["value"], fmt::format("=IF(D{0}>0,E{0}/D{0},0)", main));
    // Classifieds: 4 slots a day, no house ad.
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("D{}", classified)), 88);
    EXPECT_NEAR(number(sum, fmt::format("G{}", classified)), 2.0 / 88, 1e-12);
    EXPECT_NEAR(number(sum, fmt::format("H{}", classified)), 2.0 / 88, 1e-12);
    // Native: nothing sold; the unexpired hold keeps the house ad out of one
    // issue, the expired hold and the cancelled booking do not.
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("E{}", native)), 0);
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("F{}", native)), 21);
    EXPECT_NEAR(number(sum, fmt::format("H{}", native)), 21.0 / 22, 1e-12);

    const int top = find_label(sum, "Top sponsors");
    ASSERT_GT(top, 0);
    EXPECT_EQ(sum["cells"][fmt::format("B{}", top + 2)]["value"], "Acme");
}

TEST_F(ReportTest, PerformanceShowsRatesAndEffectiveCpmWhereKnown) {
    const std::string path = dir_.file("march.xlsx");
    monthly(path, "lettre");
    const json pf = sheet(run_tool("read_xlsx.py", path), "Performance");
    EXPECT_EQ(pf["freeze"], "A2");
    EXPECT_EQ(pf["cells"]["G1"]["value"], "Open rate");
    EXPECT_EQ(pf["cells"]["H1"]["value"], "CTR");
    EXPECT_EQ(pf["cells"]["I1"]["value"], "Click-to-open");
    EXPECT_EQ(pf["cells"]["O2"]["value"], "Open rate = opens / audience");
    EXPECT_EQ(pf["cells"]["O3"]["value"], "CTR = clicks / audience");
    EXPECT_EQ(pf["cells"]["O4"]["value"], "Click-to-open = clicks / opens");
    // Booked issues: 2, 3 and 31 March.
    EXPECT_EQ(data_rows(pf), 3);
    EXPECT_DOUBLE_EQ(number(pf, "D2"), 20000);
    EXPECT_DOUBLE_EQ(number(pf, "G2"), 0.45);
    EXPECT_DOUBLE_EQ(number(pf, "H2"), 0.0225);
    EXPECT_DOUBLE_EQ(number(pf, "I2"), 0.05);
    EXPECT_DOUBLE_EQ(number(pf, "M2"), 75.0);
    // 3 March: audience only; 1500 + 250 + 200 over 21 thousand.
    EXPECT_FALSE(pf["cells"].contains("E3"));
    EXPECT_FALSE(pf["cells"].contains("G3"));
    EXPECT_DOUBLE_EQ(number(pf, "K3"), 1950.0);
    EXPECT_DOUBLE_EQ(number(pf, "M3"), 92.86);
    EXPECT_FALSE(pf["cells"].contains("D4"));
    EXPECT_FALSE(pf["cells"].contains("M4"));
}

TEST_F(ReportTest, MonthlyHasANativeChartOfRevenuePerPlacement) {
    const std::string path = dir_.file("march.xlsx");
    monthly(path, "lettre");
    const json parts = run_tool("report_parts.py", path);
    ASSERT_EQ(parts["charts"].size(), 1u);
    EXPECT_EQ(parts["charts"][0]["kinds"], json::array({"bar"}));  // a column chart is a bar chart, barDir col
    const json ranges = parts["charts"][0]["ranges"];
    ASSERT_EQ(ranges.size(), 2u);
    EXPECT_EQ(ranges[1].get<std::string>().rfind("'Summary'!$I$", 0), 0u);
    EXPECT_EQ(parts["sheets_with_drawings"], json::array({"xl/worksheets/sheet1.xml"}));
}

TEST_F(ReportTest, SeveralCurrenciesAreSummedApart) {
    const std::string path = dir_.file("all.xlsx");
    const MonthlyReportResult res = monthly(path);
    ASSERT_EQ(res.totals.size(), 2u);
    EXPECT_EQ(res.totals[0].currency, "EUR");
    EXPECT_EQ(res.totals[1].currency, "USD");
    EXPECT_EQ(res.totals[1].booked_revenue, 50000);
    EXPECT_EQ(res.rows, 6);
    const json book = run_tool("read_xlsx.py", path);
    const json& sum = sheet(book, "Summary");
    const int eur = find_label(sum, "Booked revenue");
    const int usd = find_label(sum, "Booked revenue", eur);
    ASSERT_GT(usd, eur);
    EXPECT_EQ(sum["cells"][fmt::format("C{}", usd)]["value"], "USD");
    EXPECT_EQ(sum["cells"][fmt::format("B{}", usd)]["value"],
              "=SUMIF('Bookings'!$H$2:$H$7,\"USD\",'Bookings'!$F$2:$F$7)");
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("B{}", usd)), 500.0);
    EXPECT_EQ(sum["cells"][fmt::format("B{}", usd)]["format"], "[$$-409]#,##0.00");
    EXPECT_EQ(sheet(book, "Bookings")["cells"]["B3"]["value"], "The Weekly");  // 2 March: sorted by publication
}

TEST_F(ReportTest, BillingTotalsAreFormulasOfInvoicesMinusCreditNotes) {
    const std::string path = dir_.file("billing.xlsx");
    const BillingReportResult res = billing(path);
    EXPECT_EQ(res.rows, 4);
    ASSERT_EQ(res.totals.size(), 1u);
    EXPECT_EQ(res.totals[0].gross, 528000);
    const json book = run_tool("read_xlsx.py", path);
    EXPECT_EQ(book["properties"]["creator"], "Éditions du Matin SAS");
    const json& inv = sheet(book, "Invoices");
    EXPECT_EQ(inv["freeze"], "A2");
    EXPECT_EQ(inv["autofilter"], "A1:N5");
    const json& c = inv["cells"];
    const std::vector<std::string> header = {"Number", "Date", "Sponsor",     "Net",         "VAT",
                                             "Gross",  "Paid", "Outstanding", "Days overdue"};
    for (size_t k = 0; k < header.size(); ++k)
        EXPECT_EQ(c[fmt::format("{}1", static_cast<char>('A' + k))]["value"], header[k]);
    EXPECT_EQ(c["A2"]["value"], "2026-0001");
    EXPECT_DOUBLE_EQ(number(inv, "I2"), 6);  // due 9 April
    EXPECT_EQ(c["A5"]["value"], "AV-2026-0001");
    EXPECT_EQ(c["J5"]["value"], "credit note");
    EXPECT_EQ(c["M5"]["value"], "2026-0003");
    EXPECT_DOUBLE_EQ(number(inv, "F5"), -300.0);
    EXPECT_TRUE(c["B5"]["is_date"].get<bool>());
    int formula_sponsor = 0;
    for (int r = 2; r <= 5; ++r) {
        EXPECT_EQ(c[fmt::format("C{}", r)]["type"], "s");
        if (c[fmt::format("C{}", r)]["value"] == kFormulaName) ++formula_sponsor;
    }
    EXPECT_EQ(formula_sponsor, 2);  // the invoice and its credit note

    // Totals row: a blank row, then formulas with their values cached.
    EXPECT_EQ(c["A7"]["value"], "Total");
    const std::pair<const char*, double> totals[] = {
        {"D", 4400.0}, {"E", 880.0}, {"F", 5280.0}, {"G", 2000.0}, {"H", 3280.0}};
    for (const auto& [col, expected] : totals) {
        const json& t = c[fmt::format("{}7", col)];
        EXPECT_EQ(t["type"], "f") << col;
        EXPECT_EQ(t["value"], fmt::format("=SUM('Invoices'!${0}$2:${0}$5)", col));
        EXPECT_DOUBLE_EQ(t["cached"].get<double>(), expected) << col;
        EXPECT_EQ(t["format"], "[$€-1809]#,##0.00");
        double rows = 0;
        for (int r = 2; r <= 5; ++r) rows += number(inv, fmt::format("{}{}", col, r));
        EXPECT_NEAR(rows, expected, 1e-9) << col;
    }

    const json& ag = sheet(book, "Aging");
    const int current = find_label(ag, "Current");
    ASSERT_GT(current, 0);
    const std::vector<std::pair<std::string, double>> buckets = {
        {"Current", 3040.0}, {"1–30 days", 240.0}, {"31–60 days", 0}, {"61–90 days", 0}, {"> 90 days", 0}};
    for (size_t b = 0; b < buckets.size(); ++b) {
        const int r = current + static_cast<int>(b);
        EXPECT_EQ(ag["cells"][fmt::format("A{}", r)]["value"], buckets[b].first);
        EXPECT_EQ(ag["cells"][fmt::format("B{}", r)]["type"], "f");
        EXPECT_DOUBLE_EQ(number(ag, fmt::format("B{}", r)), buckets[b].second) << buckets[b].first;
    }
    EXPECT_EQ(ag["cells"][fmt::format("A{}", current + 5)]["value"], "Total");
    EXPECT_DOUBLE_EQ(number(ag, fmt::format("B{}", current + 5)), 3280.0);
    EXPECT_EQ(res.totals[0].aging, (std::vector<Minor>{304000, 24000, 0, 0, 0}));
}

TEST_F(ReportTest, QueriesFollowTheIndexesNotTheWholeTables) {
    ReportScope scope{{2026, 3, 1}, {2026, 3, 31}, std::nullopt, {2026, 4, 15}};
    for (const bool one_publication : {false, true}) {
        if (one_publication) scope.publication_id = 1;
        for (const auto& [name, plan] : ReportRepository(db_).query_plans(scope)) {
            SCOPED_TRACE(name + ":\n" + plan);
            // Every table is reached through an index, a key or a small temporary b-tree.
            EXPECT_EQ(plan.find("SCAN booking"), std::string::npos);
            EXPECT_EQ(plan.find("SCAN b\n"), std::string::npos);
            EXPECT_EQ(plan.find("SCAN i\n"), std::string::npos);
            EXPECT_EQ(plan.find("SCAN issue"), std::string::npos);
            EXPECT_EQ(plan.find("SCAN inv\n"), std::string::npos);
            EXPECT_EQ(plan.find("SCAN invoice"), std::string::npos);
        }
    }
}

TEST_F(ReportTest, ProgressReachesOneAndCancellingWritesNothing) {
    const std::string path = dir_.file("march.xlsx");
    std::vector<double> seen;
    Progress progress;
    progress.report = [&](double f) { seen.push_back(f); };
    monthly(path, std::nullopt, progress);
    ASSERT_FALSE(seen.empty());
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
    for (size_t k = 1; k < seen.size(); ++k) EXPECT_GE(seen[k], seen[k - 1]);

    const std::string cancelled = dir_.file("cancelled.xlsx");
    std::atomic<bool> stop{true};
    progress.cancel = &stop;
    EXPECT_THROW(monthly(cancelled, std::nullopt, progress), ReportCancelled);
    EXPECT_FALSE(fs::exists(cancelled));
    for (const auto& e : fs::directory_iterator(fs::path(cancelled).parent_path()))
        EXPECT_EQ(e.path().string().find("cancelled.xlsx"), std::string::npos) << e.path();
}

TEST_F(ReportTest, EmptyMonthAndBadRequests) {
    const std::string path = dir_.file("empty.xlsx");
    MonthlyReportRequest r;
    r.month = {2025, 7};
    r.path = path;
    const MonthlyReportResult res = ReportService(db_).monthly(r);
    EXPECT_EQ(res.rows, 0);
    const json book = run_tool("read_xlsx.py", path);
    const json& sum = sheet(book, "Summary");
    EXPECT_DOUBLE_EQ(number(sum, fmt::format("B{}", find_label(sum, "Booked revenue"))), 0.0);
    EXPECT_EQ(data_rows(sheet(book, "Bookings")), 0);

    r.publication = "nope";
    EXPECT_THROW(ReportService(db_).monthly(r), NotFound);
    BillingReportRequest b;
    b.from = {2026, 4, 1};
    b.to = {2026, 3, 1};
    b.path = dir_.file("b.xlsx");
    EXPECT_THROW(ReportService(db_).billing(b), InvalidInput);
    b.to = b.from;
    b.path.clear();
    EXPECT_THROW(ReportService(db_).billing(b), InvalidInput);
}

}  // namespace

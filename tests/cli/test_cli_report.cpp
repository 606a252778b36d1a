// report monthly / report billing through the real binary: output, JSON,
// exit statuses, and a workbook LibreOffice reads with its totals intact.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

using namespace sponsordesk::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kToday = "2026-04-15";

// March 2026 of one weekday newsletter: three sponsors (one named like a
// formula), an invoice paid in part, one cancelled by a credit note.
class CliReport : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = dir_.file("r.db");
        ok(issuing_publisher());
        ok({"publication", "add", "--name", "La Lettre", "--slug", "lettre"});
        ok({"placement", "add", "--publication", "lettre", "--code", "main", "--name", "Main sponsor", "--price",
            "1500"});
        ok({"issue", "plan", "--publication", "lettre", "--from", "2026-03-01", "--to", "2026-03-31"});
        ok(issuing_sponsor("Acme", "552100554"));
        ok(issuing_sponsor("=HYPERLINK(\"http://x\",\"y\")", "404833048"));
        ok({"book", "--sponsor", "Acme", "--publication", "lettre", "--date", "2026-03-02", "--placement", "main"});
        ok({"book", "--sponsor", "Acme", "--publication", "lettre", "--date", "2026-03-03", "--placement", "main",
            "--price", "1200,50"});
        ok({"book", "--sponsor", "2", "--publication", "lettre", "--date", "2026-03-04", "--placement", "main"});
        const std::string acme =
            json::parse(ok({"--json", "invoice", "create", "--sponsor", "Acme", "--month", "2026-03"}))["id"].dump();
        ok({"invoice", "issue", acme, "--date", "2026-03-31"});
        ok({"invoice", "pay", acme, "--amount", "1000", "--date", "2026-04-05"});
        const std::string other =
            json::parse(ok({"--json", "invoice", "create", "--sponsor", "2", "--month", "2026-03"}))["id"].dump();
        ok({"invoice", "issue", other, "--date", "2026-03-31"});
        ok({"invoice", "cancel", other});
    }

    std::string ok(const std::vector<std::string>& args) {
        CliResult r = run_db(db_, args, kToday);
        EXPECT_EQ(r.status, 0) << r.err;
        return r.out;
    }

    TempDir dir_;
    std::string db_;
};

TEST_F(CliReport, MonthlyWritesTheWorkbookAndSaysSo) {
    const std::string path = dir_.file("march.xlsx");
    CliResult r = run_db(db_, {"report", "monthly", "--month", "2026-03", "--xlsx", path}, kToday);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "wrote " + path + ": monthly report 2026-03, 3 bookings, booked revenue 4200.50 EUR\n");
    EXPECT_TRUE(fs::exists(path));

    r = run_db(db_, {"--json", "report", "monthly", "--month", "2026-03", "--xlsx", path, "--publication", "lettre"},
               kToday);
    ASSERT_EQ(r.status, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["path"], path);
    EXPECT_EQ(j["rows"], 3);
    EXPECT_EQ(j["booked_revenue"], "4200.50");
    EXPECT_EQ(j["currency"], "EUR");
    EXPECT_EQ(j["invoiced"], "4200.50");
    EXPECT_EQ(j["collected"], "1000.00");
    // Acme: 2700.50 net + 20 % VAT = 3240.60, less 1000 paid.
    EXPECT_EQ(j["outstanding"], "2240.60");
    EXPECT_EQ(j["sheets"], json::array({"Summary", "Bookings", "Sponsors", "Performance"}));
}

TEST_F(CliReport, BillingJsonHasTotalsAndAging) {
    const std::string path = dir_.file("billing.xlsx");
    CliResult r = run_db(
        db_, {"--json", "report", "billing", "--from", "2026-03-01", "--to", "2026-04-30", "--xlsx", path}, kToday);
    ASSERT_EQ(r.status, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["rows"], 3);  // two invoices, one credit note
    EXPECT_EQ(j["as_of"], kToday);
    EXPECT_EQ(j["net"], "2700.50");
    EXPECT_EQ(j["gross"], "3240.60");
    EXPECT_EQ(j["outstanding"], "2240.60");
    EXPECT_EQ(j["aging"]["current"], "2240.60");
}

TEST_F(CliReport, RefusalsNameTheValueAndWriteNothing) {
    const std::string path = dir_.file("x.xlsx");
    CliResult r = run_db(db_, {"report", "monthly", "--month", "2026-13", "--xlsx", path}, kToday);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("2026-13"), std::string::npos) << r.err;
    r = run_db(db_, {"report", "monthly", "--month", "2026-03"}, kToday);
    EXPECT_EQ(r.status, 2) << r.err;
    r = run_db(db_, {"report", "monthly", "--month", "2026-03", "--xlsx", path, "--publication", "nope"}, kToday);
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("nope"), std::string::npos) << r.err;
    r = run_db(db_, {"report", "billing", "--from", "2026-04-01", "--to", "2026-03-01", "--xlsx", path}, kToday);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("2026-03-01"), std::string::npos) << r.err;
    r = run_db(
        db_,
        {"report", "billing", "--from", "2026-03-01", "--to", "2026-03-31", "--xlsx", dir_.file("no/such/dir/b.xlsx")},
        kToday);
    EXPECT_EQ(r.status, 5) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(fs::exists(path));
}

// LibreOffice opens the billing workbook and its totals row shows the sums.
TEST_F(CliReport, LibreOfficeReadsTheBillingTotals) {
    if (std::system("command -v libreoffice >/dev/null 2>&1") != 0) GTEST_SKIP() << "libreoffice is not installed";
    const std::string path = dir_.file("billing.xlsx");
    CliResult r =
        run_db(db_, {"report", "billing", "--from", "2026-03-01", "--to", "2026-04-30", "--xlsx", path}, kToday);
    ASSERT_EQ(r.status, 0) << r.err;
    // UTF-8, values as shown, the first sheet (Invoices); a private profile
    // so that a running LibreOffice does not take the job.
    const std::string cmd =
        "cd '" + dir_.path().string() + "' && HOME='" + dir_.path().string() +
        "' timeout 120 libreoffice -env:UserInstallation=file://" + dir_.path().string() +
        "/lo --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1036,false,true,true' "
        "billing.xlsx >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    const std::string csv = read_file(dir_.file("billing.csv"));
    ASSERT_FALSE(csv.empty());
    std::string total;
    size_t at = 0;
    while (at < csv.size()) {
        size_t end = csv.find('\n', at);
        if (end == std::string::npos) end = csv.size();
        const std::string line = csv.substr(at, end - at);
        if (line.rfind("Total,", 0) == 0 || line.rfind("\"Total\"", 0) == 0) total = line;
        at = end + 1;
    }
    ASSERT_FALSE(total.empty()) << csv;
    EXPECT_NE(total.find("2,700.50"), std::string::npos) << total;  // net: invoices minus the credit note
    EXPECT_NE(total.find("3,240.60"), std::string::npos) << total;  // gross
    EXPECT_NE(total.find("1,000.00"), std::string::npos) << total;  // paid
    EXPECT_NE(total.find("2,240.60"), std::string::npos) << total;  // outstanding
    // The formula-like sponsor name stayed text.
    EXPECT_NE(csv.find("=HYPERLINK(\"\"http://x\"\",\"\"y\"\")"), std::string::npos) << csv;
}

}  // namespace

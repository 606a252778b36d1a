// report monthly / billing --language fr|en through the real binary: French
// sheet names, labels and formats read back with openpyxl, English by
// default, a bad language refused; and the same output under a French
// process locale.
#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

using namespace sponsordesk::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kToday = "2026-04-15";

std::vector<std::string> sheet_names(const json& book) {
    std::vector<std::string> names;
    for (const auto& s : book["sheets"]) names.push_back(s["name"]);
    return names;
}

const json& sheet(const json& book, const std::string& name) {
    for (const auto& s : book["sheets"])
        if (s["name"] == name) return s;
    throw std::runtime_error("no sheet " + name);
}

// The row (1-based) whose column `col` holds `label`; 0 if none.
int find_row(const json& ws, const std::string& label, const std::string& col = "A") {
    for (int r = 1; r < 300; ++r) {
        const std::string cell = fmt::format("{}{}", col, r);
        if (ws["cells"].contains(cell) && ws["cells"][cell]["value"] == label) return r;
    }
    return 0;
}

double cached(const json& ws, const std::string& cell) {
    const json& c = ws["cells"][cell];
    return c["type"] == "f" ? c["cached"].get<double>() : c["value"].get<double>();
}

// March 2026: two sponsors, one invoice paid in part, one cancelled by a credit note.
class CliReportLanguage : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = dir_.file("r.db");
        ok(issuing_publisher());
        ok({"publication", "add", "--name", "La Lettre", "--slug", "lettre"});
        ok({"placement", "add", "--publication", "lettre", "--code", "main", "--name", "Sponsor principal", "--price",
            "1500"});
        ok({"issue", "plan", "--publication", "lettre", "--from", "2026-03-01", "--to", "2026-03-31"});
        ok({"issue", "set-stats", "--publication", "lettre", "--date", "2026-03-02", "--audience", "23000", "--opens",
            "9800", "--clicks", "1000"});
        ok(issuing_sponsor("Acme", "552100554"));
        ok(issuing_sponsor("Brioche", "404833048"));
        ok({"book", "--sponsor", "Acme", "--publication", "lettre", "--date", "2026-03-02", "--placement", "main"});
        ok({"book", "--sponsor", "Acme", "--publication", "lettre", "--date", "2026-03-03", "--placement", "main",
            "--price", "1200,50"});
        ok({"book", "--sponsor", "Brioche", "--publication", "lettre", "--date", "2026-03-04", "--placement", "main"});
        const std::string acme =
            json::parse(ok({"--json", "invoice", "create", "--sponsor", "Acme", "--month", "2026-03"}))["id"].dump();
        ok({"invoice", "issue", acme, "--date", "2026-03-31"});
        ok({"invoice", "pay", acme, "--amount", "1000", "--date", "2026-04-05"});
        const std::string other =
            json::parse(ok({"--json", "invoice", "create", "--sponsor", "Brioche", "--month", "2026-03"}))["id"].dump();
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

TEST_F(CliReportLanguage, MonthlyInFrenchHasFrenchSheetsLabelsAndFormats) {
    const std::string path = dir_.file("mars.xlsx");
    CliResult r =
        run_db(db_, {"--json", "report", "monthly", "--month", "2026-03", "--xlsx", path, "--language", "fr"}, kToday);
    ASSERT_EQ(r.status, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["language"], "fr");
    EXPECT_EQ(j["sheets"], json::array({"Synthèse", "Réservations", "Sponsors", "Performance"}));

    const json book = read_xlsx(path);
    EXPECT_EQ(sheet_names(book), (std::vector<std::string>{"Synthèse", "Réservations", "Sponsors", "Performance"}));
    const json& sum = sheet(book, "Synthèse");
    EXPECT_EQ(sum["cells"]["A1"]["value"], "Rapport mensuel, mars 2026");
    // The four figures SPEC names, in French, each with its amount beside it.
    const std::pair<const char*, double> figures[] = {
        {"CA réservé", 4200.50}, {"Facturé", 4200.50}, {"Encaissé", 1000.00}, {"Restant dû", 2240.60}};
    for (const auto& [label, amount] : figures) {
        const int row = find_row(sum, label);
        ASSERT_GT(row, 0) << label;
        EXPECT_DOUBLE_EQ(cached(sum, fmt::format("B{}", row)), amount) << label;
        EXPECT_EQ(sum["cells"][fmt::format("B{}", row)]["format"], "#,##0.00 [$€-40C]") << label;
        EXPECT_EQ(sum["cells"][fmt::format("C{}", row)]["value"], "EUR") << label;
        EXPECT_FALSE(sum["cells"][fmt::format("D{}", row)]["value"].get<std::string>().empty()) << label;
    }
    // Booked revenue is a formula over the French Bookings sheet.
    const int booked = find_row(sum, "CA réservé");
    EXPECT_EQ(sum["cells"][fmt::format("B{}", booked)]["value"], "=SUM('Réservations'!$F$2:$F$4)");
    // Sell-through and fill rate per placement, with a French percentage.
    const int header = find_row(sum, "Inventaire par emplacement") + 1;
    ASSERT_GT(header, 1);
    EXPECT_EQ(sum["cells"][fmt::format("G{}", header)]["value"], "Taux de vente");
    EXPECT_EQ(sum["cells"][fmt::format("H{}", header)]["value"], "Taux de remplissage");
    EXPECT_EQ(sum["cells"][fmt::format("G{}", header + 1)]["format"], "0.0\\ %");
    EXPECT_EQ(find_row(sum, "Taux de vente = emplacements vendus / emplacements proposés", "L"), header + 2);
    // Dates stay date cells, shown day first.
    const int from = find_row(sum, "Du");
    ASSERT_GT(from, 0);
    EXPECT_TRUE(sum["cells"][fmt::format("B{}", from)]["is_date"].get<bool>());
    EXPECT_EQ(sum["cells"][fmt::format("B{}", from)]["format"], "dd/mm/yyyy");

    const json& bookings = sheet(book, "Réservations");
    EXPECT_EQ(bookings["cells"]["A1"]["value"], "Date du numéro");
    EXPECT_EQ(bookings["cells"]["E1"]["value"], "Statut");
    EXPECT_EQ(bookings["cells"]["E2"]["value"], "confirmée");
    EXPECT_EQ(bookings["cells"]["A2"]["format"], "dd/mm/yyyy");
    EXPECT_EQ(sheet(book, "Performance")["cells"]["H2"]["format"], "0.0\\ %");
    EXPECT_NEAR(cached(sheet(book, "Performance"), "H2"), 1000.0 / 23000.0, 1e-12);
}

TEST_F(CliReportLanguage, BillingInFrenchHasFrenchSheetsBucketsAndTotals) {
    const std::string path = dir_.file("facturation.xlsx");
    CliResult r = run_db(
        db_, {"report", "billing", "--from", "2026-03-01", "--to", "2026-04-30", "--xlsx", path, "--language", "fr"},
        kToday);
    ASSERT_EQ(r.status, 0) << r.err;
    const json book = read_xlsx(path);
    EXPECT_EQ(sheet_names(book), (std::vector<std::string>{"Factures", "Balance âgée"}));
    const json& inv = sheet(book, "Factures");
    EXPECT_EQ(inv["cells"]["D1"]["value"], "HT");
    EXPECT_EQ(inv["cells"]["J2"]["value"], "facture");
    const int total = find_row(inv, "Total");
    ASSERT_GT(total, 0);
    EXPECT_EQ(inv["cells"][fmt::format("D{}", total)]["value"], "=SUM('Factures'!$D$2:$D$4)");
    EXPECT_DOUBLE_EQ(cached(inv, fmt::format("D{}", total)), 2700.50);
    const json& aging = sheet(book, "Balance âgée");
    const int current = find_row(aging, "Non échu");
    ASSERT_GT(current, 0);
    EXPECT_DOUBLE_EQ(cached(aging, fmt::format("B{}", current)), 2240.60);
    for (const char* bucket : {"1 à 30 jours", "31 à 60 jours", "61 à 90 jours", "> 90 jours"})
        EXPECT_GT(find_row(aging, bucket), 0) << bucket;
}

TEST_F(CliReportLanguage, EnglishByDefaultAndOnRequest) {
    for (const std::vector<std::string>& extra : {std::vector<std::string>{}, {"--language", "en"}}) {
        const std::string path = dir_.file(fmt::format("march-{}.xlsx", extra.size()));
        std::vector<std::string> args = {"report", "monthly", "--month", "2026-03", "--xlsx", path};
        args.insert(args.end(), extra.begin(), extra.end());
        CliResult r = run_db(db_, args, kToday);
        ASSERT_EQ(r.status, 0) << r.err;
        const json book = read_xlsx(path);
        EXPECT_EQ(sheet_names(book), (std::vector<std::string>{"Summary", "Bookings", "Sponsors", "Performance"}));
        const json& sum = sheet(book, "Summary");
        for (const char* label : {"Booked revenue", "Invoiced", "Collected", "Outstanding"})
            EXPECT_GT(find_row(sum, label), 0) << label;
        EXPECT_EQ(sheet(book, "Bookings")["cells"]["A2"]["format"], "yyyy-mm-dd");
    }
}

TEST_F(CliReportLanguage, AnUnknownLanguageIsRefusedAndNothingWritten) {
    const std::string path = dir_.file("x.xlsx");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"report", "monthly", "--month", "2026-03", "--xlsx", path, "--language", "xx"},
          std::vector<std::string>{"report", "billing", "--from", "2026-03-01", "--to", "2026-03-31", "--xlsx", path,
                                   "--language", "xx"}}) {
        CliResult r = run_db(db_, args, kToday);
        EXPECT_EQ(r.status, 1) << r.err;
        EXPECT_NE(r.err.find("\"xx\""), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("fr or en"), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_FALSE(fs::exists(path));
    }
}

// The command line's output and files do not follow the caller's locale.
TEST_F(CliReportLanguage, OutputIsTheSameUnderAFrenchLocale) {
    const locale_t fr = newlocale(LC_ALL_MASK, "fr_FR.UTF-8", static_cast<locale_t>(0));
    if (fr == static_cast<locale_t>(0))
        GTEST_SKIP() << "fr_FR.UTF-8 is not installed (scripts/test generates it with localedef)";
    freelocale(fr);
    std::string outputs[2], files[2];
    const char* locales[2] = {"C.UTF-8", "fr_FR.UTF-8"};
    const char* saved = std::getenv("LC_ALL");
    const std::string previous = saved ? saved : "";
    for (int k = 0; k < 2; ++k) {
        setenv("LC_ALL", locales[k], 1);  // the child's environment
        const std::string path = dir_.file(fmt::format("report-{}.xlsx", k));
        CliResult r = run_db(
            db_, {"--json", "report", "monthly", "--month", "2026-03", "--xlsx", path, "--language", "fr"}, kToday);
        EXPECT_EQ(r.status, 0) << r.err;
        json j = json::parse(r.out);
        j.erase("path");
        outputs[k] = j.dump();
        files[k] = read_file(path);
    }
    if (saved)
        setenv("LC_ALL", previous.c_str(), 1);
    else
        unsetenv("LC_ALL");
    EXPECT_EQ(outputs[0], outputs[1]);
    EXPECT_FALSE(files[0].empty());
    EXPECT_TRUE(files[0] == files[1]) << "the workbook differs under fr_FR.UTF-8";
}

}  // namespace

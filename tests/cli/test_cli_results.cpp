// Campaign results through the real binary: import stats and import clicks
// from a sending platform's exports, their refusals (exit status, one line
// naming the problem, the database unchanged), and report sponsor read back
// (pdftotext, openpyxl).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <random>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

using namespace sponsordesk::test;
using nlohmann::json;

namespace {

const std::string kToday = "2026-04-02";

// Every row of every table, in order: equal dumps mean nothing was written.
std::string dump(const std::string& db_path) {
    if (on_postgresql()) return server_rows(db_path);
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    std::string out;
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
        const std::string t = tables.getColumn(0).getString();
        out += "[" + t + "]\n";
        SQLite::Statement rows(db, "SELECT * FROM \"" + t + "\" ORDER BY rowid");
        while (rows.executeStep()) {
            for (int c = 0; c < rows.getColumnCount(); ++c) out += rows.getColumn(c).getString() + "|";
            out += "\n";
        }
    }
    return out + "user_version=" + db.execAndGet("PRAGMA user_version").getString();
}

// The links SponsorDesk tags for an issue (SPEC, Drafts).
std::string tagged(const std::string& url, const std::string& date, const std::string& code,
                   const std::string& source = "brief") {
    return url + "?utm_source=" + source + "&utm_medium=newsletter&utm_campaign=" + date + "&utm_content=" + code;
}

// Le Brief (fr) with Acme in MAIN on 3 and 5 March, Cirrus in the
// classifieds on 3 March; Le Matin exists too.
class CliResults : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = dir_.file("results.db");
        ok({"publisher", "set", "--name", "Éditions du Matin"});
        ok({"publication", "add", "--name", "Le Brief", "--slug", "brief", "--language", "fr"});
        ok({"publication", "add", "--name", "Le Matin", "--slug", "matin"});
        ok({"placement", "add", "--publication", "brief", "--code", "MAIN", "--name", "Sponsor principal", "--price",
            "1500"});
        ok({"placement", "add", "--publication", "brief", "--code", "CLASS", "--name", "Petites annonces", "--price",
            "200", "--slots", "4"});
        ok({"issue", "plan", "--publication", "brief", "--from", "2026-03-02", "--to", "2026-03-13"});
        ok({"sponsor", "add", "--name", "Acme"});
        ok({"sponsor", "add", "--name", "Cirrus"});
        const std::string a = trim(
            ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-03-03", "--placement", "MAIN"}));
        ok({"booking", "copy", a, "--text", "Essayez [Acme](https://acme.example/essai).", "--link",
            "https://acme.example/essai"});
        ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-03-05", "--placement", "MAIN",
            "--price", "1200"});
        const std::string c = trim(ok(
            {"book", "--sponsor", "Cirrus", "--publication", "brief", "--date", "2026-03-03", "--placement", "CLASS"}));
        ok({"booking", "copy", c, "--text", "Cirrus", "--link", "https://cirrus.example/"});
    }

    static std::string trim(std::string s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
        return s;
    }

    std::string ok(std::vector<std::string> args) {
        auto r = run_db(db_, args, kToday);
        EXPECT_EQ(r.status, 0) << args[0] << ": " << r.err;
        return r.out;
    }
    CliResult run(std::vector<std::string> args) { return run_db(db_, std::move(args), kToday); }

    std::string csv(const std::string& name, const std::string& content) {
        const std::string path = dir_.file(name);
        write_file(path, content);
        return path;
    }

    // A stats export as French Excel saves it: BOM, semicolons, spaces in numbers.
    std::string stats_csv() {
        return csv("stats.csv",
                   "\xEF\xBB\xBF"
                   "Campagne;Send Date;Recipients;Unique Opens;Clicks\n"
                   "Brief 3 mars;2026-03-03T07:00:00Z;12 000;5 400;310\n"
                   "Brief 5 mars;2026-03-05T07:00:00Z;10 000;4 000;120\n");
    }
    std::string clicks_csv() {
        return csv("clicks.csv", "URL,Total Clicks,Unique Clicks\n" +
                                     tagged("https://acme.example/essai", "2026-03-03", "MAIN") + ",240,200\n" +
                                     tagged("https://cirrus.example/", "2026-03-03", "CLASS") + ",31,30\n" +
                                     // Decoys: Acme's site tagged for the classifieds, and Acme's link in Le Matin.
                                     tagged("https://acme.example/essai", "2026-03-03", "CLASS") + ",17,17\n" +
                                     tagged("https://acme.example/essai", "2026-03-03", "MAIN", "matin") + ",19,19\n");
    }

    TempDir dir_;
    std::string db_;
};

TEST_F(CliResults, ImportStatsSetsTheIssuesFigures) {
    auto r = run({"import", "stats", "--publication", "brief", "--csv", stats_csv()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("2 issues updated"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("audience = \"Recipients\""), std::string::npos) << r.out;
    const json issues = json::parse(
        ok({"--json", "issue", "list", "--publication", "brief", "--from", "2026-03-03", "--to", "2026-03-03"}));
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0]["audience"], 12000);
    EXPECT_EQ(issues[0]["opens"], 5400);
    EXPECT_EQ(issues[0]["clicks"], 310);
    // The same export again: nothing changes.
    const std::string once = dump(db_);
    auto again = run({"--json", "import", "stats", "--publication", "brief", "--csv", stats_csv()});
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_EQ(json::parse(again.out)["issues"], 2);
    EXPECT_EQ(dump(db_), once);
}

TEST_F(CliResults, ImportClicksListsTheDecoysAndAReimportChangesNothing) {
    const std::string path = clicks_csv();
    auto r = run({"import", "clicks", "--publication", "brief", "--csv", path});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("4 link rows read: 2 matched"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("unmatched line 4: https://acme.example/essai?utm_source=brief"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("unmatched line 5: https://acme.example/essai?utm_source=matin"), std::string::npos) << r.out;
    const std::string once = dump(db_);

    auto again = run({"--json", "import", "clicks", "--publication", "brief", "--csv", path});
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_EQ(dump(db_), once);
    const json j = json::parse(again.out);
    EXPECT_EQ(j["matched"], 2);
    ASSERT_EQ(j["unmatched"].size(), 2u);
    EXPECT_EQ(j["unmatched"][0]["line"], 4);
    EXPECT_EQ(j["unmatched"][0]["reason"], "not_sponsor_link");
    EXPECT_EQ(j["unmatched"][1]["reason"], "other_publication");
    EXPECT_EQ(j["columns"]["clicks"], "Total Clicks");
}

// The platform's "Date" is the day of the click, not the send date: '' leaves
// the optional column out, and the links go to their bookings.
TEST_F(CliResults, AnOptionalColumnNamedEmptyIsLeftOut) {
    const std::string path =
        csv("click-days.csv",
            "URL,Clicks,Date\n" + tagged("https://acme.example/essai", "2026-03-03", "MAIN") + ",12,2026-03-04\n");
    const json by_default = json::parse(ok({"--json", "import", "clicks", "--publication", "brief", "--csv", path}));
    EXPECT_EQ(by_default["matched"], 0);
    EXPECT_EQ(by_default["unmatched"][0]["reason"], "date_mismatch");
    const json left_out =
        json::parse(ok({"--json", "import", "clicks", "--publication", "brief", "--csv", path, "--date-column", ""}));
    EXPECT_EQ(left_out["matched"], 1);
    EXPECT_FALSE(left_out["columns"].contains("date"));
    // A required column cannot be left out.
    EXPECT_EQ(run({"import", "clicks", "--publication", "brief", "--csv", path, "--url-column", ""}).status, 1);
}

TEST_F(CliResults, RefusedImportsExitWithTheirStatusAndLeaveTheDatabaseAlone) {
    ok({"import", "stats", "--publication", "brief", "--csv", stats_csv()});
    const std::string before = dump(db_);
    struct Case {
        const char* name;
        std::vector<std::string> args;
        int status;
        std::vector<std::string> needles;
    };
    std::string garbage;
    std::mt19937 rng(6);
    for (int i = 0; i < 5'000'000; ++i) garbage += static_cast<char>(rng() & 0xFF);
    const std::string latin1 =
        csv("latin1.csv", "URL,Clicks\n" + tagged("https://acme.example/essai", "2026-03-03", "MAIN") +
                              ",3\nhttps://caf\xE9.example/,4\n");
    const std::vector<Case> cases = {
        {"Latin-1",
         {"import", "clicks", "--publication", "brief", "--csv", latin1},
         1,
         {"latin1.csv", "line 3", "UTF-8"}},
        {"missing column",
         {"import", "clicks", "--publication", "brief", "--csv", csv("cols.csv", "Lien;Nombre\nx;1\n")},
         1,
         {"\"Lien\", \"Nombre\"", "--url-column"}},
        {"named column absent",
         {"import", "stats", "--publication", "brief", "--csv", stats_csv(), "--audience-column", "Delivered"},
         1,
         {"\"Delivered\"", "\"Recipients\""}},
        {"garbage",
         {"import", "clicks", "--publication", "brief", "--csv", csv("garbage.csv", garbage)},
         1,
         {"garbage.csv"}},
        {"opens above audience",
         {"import", "stats", "--publication", "brief", "--csv",
          csv("bad.csv", "Send Date,Recipients,Opens\n2026-03-03,100,50\n2026-03-04,100,500\n")},
         1,
         {"line 3", "opens 500"}},
        {"ambiguous date",
         {"import", "stats", "--publication", "brief", "--csv", csv("us.csv", "Send Date,Opens\n03/04/2026,5\n")},
         1,
         {"line 2", "03/04/2026"}},
        {"bad count",
         {"import", "clicks", "--publication", "brief", "--csv",
          csv("count.csv", "URL,Clicks\n" + tagged("https://acme.example/essai", "2026-03-03", "MAIN") + ",lots\n")},
         1,
         {"line 2", "lots"}},
        {"unknown publication", {"import", "clicks", "--publication", "nope", "--csv", clicks_csv()}, 3, {"nope"}},
        {"missing file",
         {"import", "stats", "--publication", "brief", "--csv", dir_.file("none.csv")},
         3,
         {"none.csv"}},
        {"report: no bookings",
         {"report", "sponsor", "--sponsor", "Cirrus", "--from", "2026-04-01", "--to", "2026-04-30"},
         3,
         {"Cirrus", "2026-04-01"}},
        {"report: period backwards",
         {"report", "sponsor", "--sponsor", "Acme", "--from", "2026-03-31", "--to", "2026-03-01"},
         1,
         {"2026-03-31"}},
        {"report: language",
         {"report", "sponsor", "--sponsor", "Acme", "--from", "2026-03-01", "--to", "2026-03-31", "--language", "de"},
         1,
         {"de"}},
        {"report: unknown sponsor",
         {"report", "sponsor", "--sponsor", "Nobody", "--from", "2026-03-01", "--to", "2026-03-31"},
         3,
         {"Nobody"}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto r = run(c.args);
        EXPECT_EQ(r.status, c.status) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        for (const auto& n : c.needles) EXPECT_NE(r.err.find(n), std::string::npos) << r.err;
        EXPECT_EQ(dump(db_), before);
    }
}

TEST_F(CliResults, TheSponsorReportReadsBackFromItsPdfAndItsWorkbook) {
    ok({"import", "stats", "--publication", "brief", "--csv", stats_csv()});
    ok({"import", "clicks", "--publication", "brief", "--csv", clicks_csv()});
    const std::string pdf = dir_.file("acme.pdf"), xlsx = dir_.file("acme.xlsx");
    const json j = json::parse(ok({"--json", "report", "sponsor", "--sponsor", "Acme", "--from", "2026-03-01", "--to",
                                   "2026-03-31", "--pdf", pdf, "--xlsx", xlsx}));
    EXPECT_EQ(j["pdf_language"], "fr");  // Le Brief's language
    EXPECT_EQ(j["xlsx_language"], "en");
    ASSERT_EQ(j["bookings"].size(), 2u);
    EXPECT_EQ(j["bookings"][0]["clicks"], 240);
    EXPECT_EQ(j["bookings"][0]["cost_per_click"], "6.25");   // 1500 / 240
    EXPECT_EQ(j["bookings"][0]["effective_cpm"], "125.00");  // 1500 / 12
    EXPECT_DOUBLE_EQ(j["bookings"][0]["ctr"].get<double>(), 0.02);
    EXPECT_TRUE(j["bookings"][1]["clicks"].is_null());  // nothing imported for 5 March: no figure
    EXPECT_TRUE(j["bookings"][1]["cost_per_click"].is_null());
    EXPECT_EQ(j["totals"][0]["price"], "2700.00");
    EXPECT_EQ(j["totals"][0]["audience"], 22000);
    EXPECT_EQ(j["totals"][0]["clicks"], 240);

    int status = 0;
    const std::string text = run_command("pdftotext -layout '" + pdf + "' -", &status);
    ASSERT_EQ(status, 0);
    for (const char* needle :
         {"Bilan de campagne, Acme", "03/03/2026", "12 000", "5 400", "240", "2,0 %", "4,4 %", "6,25 €", "125,00 €",
          "1 500,00 €", "n.d.", "Clics par réservation", "CTR = clics / audience", "Coût par clic = prix / clics",
          "CPM effectif = prix / (audience / 1000)"})
        EXPECT_NE(text.find(needle), std::string::npos) << needle << "\n" << text;
    EXPECT_EQ(text.find("17"), std::string::npos) << "a decoy's clicks reached the report";

    const json book = read_xlsx(xlsx);
    const json& sheet = book["sheets"][0];
    EXPECT_EQ(sheet["name"], "Campaign");
    EXPECT_EQ(sheet["freeze"], "A2");
    const json& cells = sheet["cells"];
    EXPECT_EQ(cells["A1"]["value"], "Issue date");
    EXPECT_TRUE(cells["A2"]["is_date"].get<bool>());
    EXPECT_EQ(cells["D2"]["value"], 12000);
    EXPECT_EQ(cells["F2"]["value"], 240);
    EXPECT_EQ(cells["F3"]["value"], "n/a");
    EXPECT_EQ(cells["I2"]["type"], "n");  // money is a number
    EXPECT_DOUBLE_EQ(cells["I2"]["value"].get<double>(), 1500.0);
    EXPECT_DOUBLE_EQ(cells["J2"]["value"].get<double>(), 6.25);
    EXPECT_EQ(cells["A4"]["value"], "Total");
    EXPECT_DOUBLE_EQ(cells["I4"]["value"].get<double>(), 2700.0);
    std::string notes;
    for (auto& [ref, c] : cells.items())
        if (ref[0] == 'N' && c["value"].is_string()) notes += c["value"].get<std::string>() + "\n";
    EXPECT_NE(notes.find("Cost per click = price / clicks"), std::string::npos) << notes;
    EXPECT_NE(notes.find("Effective CPM = price / (audience / 1000)"), std::string::npos) << notes;
}

TEST_F(CliResults, TheHelpNamesTheDefaultHeaders) {
    auto r = run_cli({"import", "clicks", "--help"});
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("\"Total Clicks\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"URL\""), std::string::npos) << r.out;
}

}  // namespace

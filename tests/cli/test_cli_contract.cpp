// The command-line contract of SPEC.md as scripts use it: outputs, JSON
// field names and the default database location.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

using namespace sponsordesk::test;
using nlohmann::json;

namespace {

class CliContract : public ::testing::Test {
protected:
    void SetUp() override {
        db = dir.file("c.db");
        ok({"publisher", "set", "--name", "Média Matin SAS", "--siren", "853 123 453"});
        ok({"publication", "add", "--name", "Le Brief", "--slug", "brief", "--cadence", "mon,wed,fri"});
        ok({"placement", "add", "--publication", "brief", "--code", "MAIN", "--name", "Main", "--price", "1500,5",
            "--heading", "UN MOT DE NOTRE SPONSOR", "--max-words", "50"});
        ok({"placement", "add", "--publication", "brief", "--code", "CLASS", "--name", "Classifieds", "--price", "200",
            "--slots", "2"});
        ok({"sponsor", "add", "--name", "Acme", "--category", "banque", "--country", "fr"});
    }
    CliResult ok(std::vector<std::string> args) {
        auto r = run_db(db, args, today);
        EXPECT_EQ(r.status, 0) << r.err;
        return r;
    }
    json ok_json(std::vector<std::string> args) {
        args.insert(args.begin(), "--json");
        auto r = ok(args);
        return json::parse(r.out);
    }
    TempDir dir;
    std::string db;
    std::string today = "2026-11-30";
};

}  // namespace

TEST_F(CliContract, PlanFollowsTheCadenceAndNumbersContinue) {
    auto planned = ok_json({"issue", "plan", "--publication", "brief", "--from", "2026-12-01", "--to", "2026-12-08"});
    ASSERT_EQ(planned.size(), 3u);  // wed 2, fri 4, mon 7 (tue 1 and 8 are not cadence days)
    EXPECT_EQ(planned[0]["date"], "2026-12-02");
    EXPECT_EQ(planned[0]["number"], 1);
    EXPECT_EQ(planned[2]["date"], "2026-12-07");
    auto more = ok_json({"issue", "plan", "--publication", "brief", "--from", "2026-12-01", "--to", "2026-12-11"});
    ASSERT_EQ(more.size(), 2u);  // only the new days: wed 9, fri 11
    EXPECT_EQ(more[0]["number"], 4);
    auto one = ok_json({"issue", "add", "--publication", "brief", "--date", "2026-12-25", "--title", "Noël"});
    EXPECT_EQ(one["number"], 6);
    EXPECT_EQ(one["title"], "Noël");
}

TEST_F(CliContract, BookPrintsTheIdAloneAndJsonUsesTheOptionNames) {
    ok({"issue", "add", "--publication", "brief", "--date", "2026-12-02"});
    auto text = ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-12-02", "--placement",
                    "CLASS", "--status", "hold", "--hold-until", "2026-12-01"});
    EXPECT_EQ(text.out, "1\n");
    auto j = ok_json({"book", "--sponsor", "1", "--publication", "brief", "--date", "2026-12-02", "--placement", "MAIN",
                      "--price", "1499,99"});
    EXPECT_EQ(j["id"], 2);
    EXPECT_EQ(j["price"], "1499.99");
    EXPECT_EQ(j["currency"], "EUR");
    EXPECT_EQ(j["status"], "confirmed");
    EXPECT_EQ(j["date"], "2026-12-02");
    EXPECT_TRUE(j["hold_until"].is_null());
    auto list = ok_json({"booking", "list", "--status", "hold"});
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["hold_until"], "2026-12-01");
    EXPECT_EQ(list[0]["placement"], "CLASS");
    EXPECT_EQ(list[0]["price"], "200.00");
    auto pls = ok_json({"placement", "list", "--publication", "brief"});
    EXPECT_EQ(pls[0]["max_words"], 50);
    EXPECT_EQ(pls[0]["price"], "1500.50");
    auto sponsors = ok_json({"sponsor", "list"});
    EXPECT_EQ(sponsors[0]["country"], "FR");
    EXPECT_EQ(sponsors[0]["vat_rate"], "20");
}

TEST_F(CliContract, AvailabilityPrintsOneLinePerOpenSlot) {
    ok({"issue", "add", "--publication", "brief", "--date", "2026-12-02"});
    ok({"issue", "add", "--publication", "brief", "--date", "2026-12-04"});
    ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-12-02", "--placement", "CLASS"});
    auto r = ok({"availability", "--publication", "brief", "--from", "2026-12-01", "--to", "2026-12-31"});
    EXPECT_EQ(r.out,
              "2026-12-02 MAIN 1500.50\n"
              "2026-12-02 CLASS 200.00\n"
              "2026-12-04 MAIN 1500.50\n"
              "2026-12-04 CLASS 200.00\n"
              "2026-12-04 CLASS 200.00\n");
    // An expired hold no longer blocks its slot.
    ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-12-04", "--placement", "MAIN",
        "--hold-until", "2026-12-01"});
    EXPECT_EQ(ok({"availability", "--publication", "brief", "--from", "2026-12-04", "--to", "2026-12-04"}).out,
              "2026-12-04 CLASS 200.00\n2026-12-04 CLASS 200.00\n");
    today = "2026-12-02";
    EXPECT_EQ(ok({"availability", "--publication", "brief", "--from", "2026-12-04", "--to", "2026-12-04"}).out,
              "2026-12-04 MAIN 1500.50\n2026-12-04 CLASS 200.00\n2026-12-04 CLASS 200.00\n");
    auto held = ok_json({"booking", "list", "--status", "hold"});
    EXPECT_EQ(held[0]["expired"], true);
}

TEST_F(CliContract, CopyLateAndTheReminder) {
    ok({"issue", "add", "--publication", "brief", "--date", "2026-12-02"});
    ok({"contact", "add", "--sponsor", "Acme", "--name", "Léa", "--email", "lea@acme.fr", "--role", "creative"});
    ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-12-02", "--placement", "MAIN"});
    auto late = ok_json({"booking", "list", "--copy-late"});
    ASSERT_EQ(late.size(), 1u);  // due 2026-11-29, today 2026-11-30
    EXPECT_EQ(late[0]["copy_due"], "2026-11-29");
    EXPECT_EQ(ok({"booking", "reminder", "1"}).out.rfind("mailto:lea@acme.fr?subject=", 0), 0u);
    ok({"booking", "copy", "1", "--text", "Acme, la banque **simple**.", "--link", "https://acme.fr"});
    ok({"booking", "status", "1", "approved"});
    EXPECT_EQ(ok_json({"booking", "list", "--copy-late"}).size(), 0u);
    auto contacts = ok_json({"contact", "list", "--sponsor", "Acme"});
    EXPECT_EQ(contacts[0]["role"], "creative");
}

TEST_F(CliContract, DraftRevisionsAreKept) {
    ok({"issue", "add", "--publication", "brief", "--date", "2026-12-02"});
    ok({"issue", "set-draft", "--publication", "brief", "--date", "2026-12-02", "--text", "first"});
    write_file(dir.file("d.md"), "second {{slot:MAIN}}\n");
    ok({"issue", "set-draft", "--publication", "brief", "--date", "2026-12-02", "--file", dir.file("d.md")});
    auto revs = ok_json({"issue", "drafts", "--publication", "brief", "--date", "2026-12-02"});
    ASSERT_EQ(revs.size(), 2u);
    EXPECT_EQ(ok({"issue", "draft", "--publication", "brief", "--date", "2026-12-02", "--revision", "1"}).out, "first");
    EXPECT_EQ(ok({"issue", "draft", "--publication", "brief", "--date", "2026-12-02"}).out, "second {{slot:MAIN}}\n");
}

TEST_F(CliContract, StrictRenderFailsOnWarningsAndWritesNothing) {
    ok({"issue", "add", "--publication", "brief", "--date", "2026-12-02"});
    ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-12-02", "--placement", "MAIN"});
    ok({"issue", "set-draft", "--publication", "brief", "--date", "2026-12-02", "--text", "Hi\n\n{{slot:MAIN}}\n"});
    const std::string out = dir.file("issue.html");
    auto r = run_db(db,
                    {"draft", "render", "--publication", "brief", "--date", "2026-12-02", "--format", "html", "--out",
                     out, "--strict"},
                    today);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("not approved"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
    ok({"booking", "copy", "1", "--text", "Acme, *la* banque"});
    ok({"booking", "status", "1", "approved"});
    ok({"draft", "render", "--publication", "brief", "--date", "2026-12-02", "--format", "html", "--out", out,
        "--strict"});
    std::string html = read_file(out);
    EXPECT_NE(html.find("UN MOT DE NOTRE SPONSOR"), std::string::npos) << html;
    EXPECT_NE(html.find("Acme, <em>la</em> banque"), std::string::npos) << html;
    // Sponsor HTML never reaches the output (and strict mode refuses it).
    ok({"booking", "copy", "1", "--text", "<script>alert(1)</script> Acme"});
    ok({"booking", "status", "1", "approved"});
    r = run_db(db, {"draft", "render", "--publication", "brief", "--date", "2026-12-02", "--format", "html"}, today);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out.find("<script>"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("raw HTML"), std::string::npos) << r.err;
    EXPECT_EQ(
        run_db(db, {"draft", "render", "--publication", "brief", "--date", "2026-12-02", "--strict"}, today).status, 1);
}

TEST(CliDefaults, TheDatabaseComesFromEnvironmentThenXdgDataHome) {
    TempDir dir;
    const std::string xdg = dir.file("xdg");
    setenv("XDG_DATA_HOME", xdg.c_str(), 1);
    auto r = run_cli({"sponsor", "add", "--name", "Acme"});
    unsetenv("XDG_DATA_HOME");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(xdg + "/sponsordesk/sponsordesk.db"));
}

TEST(CliDefaults, DemoFillsOnlyAnEmptyDatabase) {
    TempDir dir;
    const std::string db = dir.file("demo.db");
    auto r = run_db(db, {"--json", "demo"}, "2026-11-30");
    ASSERT_EQ(r.status, 0) << r.err;
    auto sum = json::parse(r.out);
    EXPECT_EQ(sum["sponsors"], 40);
    EXPECT_GT(sum["bookings"].get<int>(), 500);
    EXPECT_GT(sum["credit_notes"].get<int>(), 0);
    // Every status is represented, some holds have expired, some copy is late.
    for (const char* s : {"hold", "confirmed", "copy-received", "approved", "published", "cancelled"}) {
        auto list = json::parse(run_db(db, {"--json", "booking", "list", "--status", s}, "2026-11-30").out);
        EXPECT_FALSE(list.empty()) << s;
    }
    auto holds = json::parse(run_db(db, {"--json", "booking", "list", "--status", "hold"}, "2026-11-30").out);
    int expired = 0;
    for (const auto& h : holds) expired += h["expired"].get<bool>() ? 1 : 0;
    EXPECT_GT(expired, 0);
    EXPECT_FALSE(json::parse(run_db(db, {"--json", "booking", "list", "--copy-late"}, "2026-11-30").out).empty());
    // Deals, moves, fees and imported results are part of the year.
    EXPECT_EQ(sum["deals"], 3);
    EXPECT_EQ(sum["moved"], 2);
    EXPECT_GT(sum["free_lines"].get<int>(), 0);
    EXPECT_GT(sum["issues_with_results"].get<int>(), 200);
    EXPECT_GT(sum["links_matched"].get<int>(), 500);
    EXPECT_GT(sum["links_unmatched"].get<int>(), 0);
    // The post-campaign report of the bank that bought a quarter of Tuesdays.
    auto report = run_db(
        db, {"--json", "report", "sponsor", "--sponsor", "Qonto Pro", "--from", "2026-01-01", "--to", "2026-11-30"},
        "2026-11-30");
    ASSERT_EQ(report.status, 0) << report.err;
    auto totals = json::parse(report.out)["totals"];
    ASSERT_EQ(totals.size(), 1u);
    EXPECT_GT(totals[0]["clicks"].get<int>(), 1000);
    EXPECT_GT(totals[0]["ctr"].get<double>(), 0.0);
    EXPECT_TRUE(totals[0]["effective_cpm"].is_string()) << totals[0];
    EXPECT_TRUE(totals[0]["cost_per_click"].is_string()) << totals[0];
    auto again = run_db(db, {"demo"}, "2026-11-30");
    EXPECT_EQ(again.status, 4);
    EXPECT_NE(again.err.find("not empty"), std::string::npos);
}

TEST_F(CliContract, PublicationsAndPlacementsCanBeChangedButNotTheirKeys) {
    ok({"issue", "add", "--publication", "brief", "--date", "2026-12-02"});
    auto pub = ok_json({"publication", "set", "brief", "--name", "Le Brief Matin", "--words-per-minute", "250"});
    EXPECT_EQ(pub["name"], "Le Brief Matin");
    EXPECT_EQ(pub["slug"], "brief");
    EXPECT_EQ(pub["words_per_minute"], 250);
    auto pl = ok_json({"placement", "set", "--publication", "brief", "--code", "CLASS", "--price", "250", "--slots",
                       "3", "--active", "no"});
    EXPECT_EQ(pl["price"], "250.00");
    EXPECT_EQ(pl["slots"], 3);
    EXPECT_EQ(pl["active"], false);
    ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-12-02", "--placement", "MAIN"});
    auto r = run_db(db, {"publication", "set", "brief", "--currency", "USD"}, today);
    EXPECT_EQ(r.status, 4) << r.err;
    ok({"placement", "add", "--publication", "brief", "--code", "MORE", "--name", "More", "--price", "10", "--slots",
        "3"});
    ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-12-02", "--placement", "MORE"});
    ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-12-02", "--placement", "MORE"});
    r = run_db(db, {"placement", "set", "--publication", "brief", "--code", "MORE", "--slots", "1"}, today);
    EXPECT_EQ(r.status, 4) << r.err;
    EXPECT_NE(r.err.find("slot 2"), std::string::npos) << r.err;
    r = run_db(db, {"placement", "set", "--publication", "brief", "--code", "MORE", "--active", "maybe"}, today);
    EXPECT_EQ(r.status, 1);
}

// A catalogue of bad inputs: each must exit with SPEC's status, print one
// line on stderr naming the bad value, and leave the database as it was.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

using namespace sponsordesk::test;

namespace {

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
    out += "user_version=" + db.execAndGet("PRAGMA user_version").getString();
    return out;
}

struct BadCase {
    const char* name;
    std::vector<std::string> args;
    int status;
    std::string needle;  // must appear in stderr
};

const std::string kToday = "2026-03-01";

class CliBadInput : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = new TempDir();
        db = dir->file("catalogue.db");
        auto ok = [](std::vector<std::string> args) {
            auto r = run_db(db, std::move(args), kToday);
            ASSERT_EQ(r.status, 0) << r.err;
        };
        ok({"publication", "add", "--name", "Le Brief", "--slug", "brief"});
        ok({"placement", "add", "--publication", "brief", "--code", "MAIN", "--name", "Main", "--price", "1500",
            "--max-words", "10"});
        ok({"placement", "add", "--publication", "brief", "--code", "CLASS", "--name", "Classifieds", "--price", "200",
            "--slots", "4"});
        ok({"issue", "plan", "--publication", "brief", "--from", "2026-03-02", "--to", "2026-03-31"});
        ok({"sponsor", "add", "--name", "Acme", "--category", "banque"});
        ok({"sponsor", "add", "--name", "Bobco", "--category", "banque"});
        ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-03-10", "--placement", "MAIN"});
        ok({"issue", "set-draft", "--publication", "brief", "--date", "2026-03-10", "--text", "Bonjour"});
        write_file(dir->file("bad.csv"),
                   "publication,date,placement,sponsor,price,status\nbrief,2026-03-11,MAIN,Acme,1500,confirmed\n"
                   "brief,2026-03-12,MAIN,Acme,-3,confirmed\n");
        write_file(dir->file("notadb.db"), "this is a text file, not a database\n");
    }
    static void TearDownTestSuite() {
        delete dir;
        dir = nullptr;
    }
    static TempDir* dir;
    static std::string db;
};
TempDir* CliBadInput::dir = nullptr;
std::string CliBadInput::db;

std::vector<std::string> book_args(const std::string& date, const std::string& code = "MAIN",
                                   const std::string& sponsor = "Bobco") {
    return {"book", "--sponsor", sponsor, "--publication", "brief", "--date", date, "--placement", code};
}

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& more) {
    a.insert(a.end(), more.begin(), more.end());
    return a;
}

const std::string kHuge(100 * 1024, 'N');

std::vector<BadCase> catalogue() {
    return {
        {"impossible date", book_args("2026-02-30"), 1, "2026-02-30"},
        {"short date", book_args("2026-3-10"), 1, "2026-3-10"},
        {"empty date", book_args(""), 1, "date"},
        {"date with time", book_args("2026-03-10T09:00"), 1, "2026-03-10T09:00"},
        {"negative price", with(book_args("2026-03-11"), {"--price", "-5"}), 1, "-5"},
        {"three decimals", with(book_args("2026-03-11"), {"--price", "12.345"}), 1, "12.345"},
        {"price with space", with(book_args("2026-03-11"), {"--price", "1 500"}), 1, "1 500"},
        {"price not a number", with(book_args("2026-03-11"), {"--price", "abc"}), 1, "abc"},
        {"price in exponent form", with(book_args("2026-03-11"), {"--price", "1e3"}), 1, "1e3"},
        {"two separators", with(book_args("2026-03-11"), {"--price", "1.500,00"}), 1, "1.500,00"},
        {"unknown sponsor", book_args("2026-03-11", "MAIN", "Nobody"), 3, "Nobody"},
        {"unknown publication",
         {"book", "--sponsor", "Acme", "--publication", "nope", "--date", "2026-03-11", "--placement", "MAIN"},
         3,
         "nope"},
        {"unknown placement", book_args("2026-03-11", "NOPE"), 3, "NOPE"},
        {"no issue that day", book_args("2026-04-01"), 3, "2026-04-01"},
        {"slot taken", book_args("2026-03-10", "MAIN", "Acme"), 4, "no open slot"},
        {"competitor in the issue", book_args("2026-03-10", "CLASS"), 4, "competitor"},
        {"new booking already approved", with(book_args("2026-03-11"), {"--status", "approved"}), 1, "approved"},
        {"unknown status", with(book_args("2026-03-11"), {"--status", "wat"}), 1, "wat"},
        {"hold expiry in the past", with(book_args("2026-03-11"), {"--status", "hold", "--hold-until", "2020-01-01"}),
         1, "2020-01-01"},
        {"hold expiry malformed", with(book_args("2026-03-11"), {"--hold-until", "2026-13-01"}), 1, "2026-13-01"},
        {"status backwards", {"booking", "status", "1", "hold"}, 4, "back"},
        {"unknown booking", {"booking", "status", "999", "confirmed"}, 3, "999"},
        {"booking id not a number", {"booking", "status", "abc", "confirmed"}, 1, "abc"},
        {"status not in the pipeline", {"booking", "status", "1", "flying"}, 1, "flying"},
        {"copy over the word limit",
         {"booking", "copy", "1", "--text", "un deux trois quatre cinq six sept huit neuf dix onze"},
         1,
         "11 words"},
        {"javascript link in copy", {"booking", "copy", "1", "--text", "[x](javascript:alert(1))"}, 1, "javascript:"},
        {"data link as call to action",
         {"booking", "copy", "1", "--text", "ok", "--link", "data:text/html,x"},
         1,
         "data:text/html,x"},
        {"copy without text or file", {"booking", "copy", "1"}, 2, "--text"},
        {"copy file missing", {"booking", "copy", "1", "--file", "/nonexistent/copy.md"}, 3, "/nonexistent/copy.md"},
        {"empty sponsor name", {"sponsor", "add", "--name", "  "}, 1, "sponsor name"},
        {"100 kB sponsor name", {"sponsor", "add", "--name", kHuge}, 1, "too long"},
        {"duplicate sponsor", {"sponsor", "add", "--name", "Acme"}, 4, "Acme"},
        {"three-letter country", {"sponsor", "add", "--name", "X", "--country", "FRA"}, 1, "FRA"},
        {"VAT rate over 100", {"sponsor", "add", "--name", "X", "--vat-rate", "150"}, 1, "150"},
        {"payment terms in words", {"sponsor", "add", "--name", "X", "--payment-terms-days", "ten"}, 1, "ten"},
        {"malformed SIREN", {"sponsor", "add", "--name", "X", "--siren", "12AB"}, 1, "12AB"},
        {"control character in name", {"sponsor", "add", "--name", std::string("Tab\x01Co")}, 1, "control"},
        {"invalid email",
         {"contact", "add", "--sponsor", "Acme", "--name", "Bob", "--email", "not-an-email"},
         1,
         "not-an-email"},
        {"unknown role", {"contact", "add", "--sponsor", "Acme", "--name", "Bob", "--role", "boss"}, 1, "boss"},
        {"contact of unknown sponsor", {"contact", "add", "--sponsor", "Ghost", "--name", "Bob"}, 3, "Ghost"},
        {"slug with spaces", {"publication", "add", "--name", "X", "--slug", "Bad Slug"}, 1, "Bad Slug"},
        {"slug taken", {"publication", "add", "--name", "X", "--slug", "brief"}, 4, "brief"},
        {"unknown language", {"publication", "add", "--name", "X", "--slug", "x2", "--language", "de"}, 1, "de"},
        {"currency not ISO", {"publication", "add", "--name", "X", "--slug", "x3", "--currency", "EURO"}, 1, "EURO"},
        {"unknown weekday", {"publication", "add", "--name", "X", "--slug", "x4", "--cadence", "mon,fun"}, 1, "fun"},
        {"zero reading speed",
         {"publication", "add", "--name", "X", "--slug", "x5", "--words-per-minute", "0"},
         1,
         "words per minute"},
        {"zero slots",
         {"placement", "add", "--publication", "brief", "--code", "X", "--name", "X", "--price", "1", "--slots", "0"},
         1,
         "slots"},
        {"SQL in a placement code",
         {"placement", "add", "--publication", "brief", "--code", "MAIN'; DROP TABLE booking;--", "--name", "X",
          "--price", "1"},
         1,
         "DROP TABLE"},
        {"duplicate placement",
         {"placement", "add", "--publication", "brief", "--code", "MAIN", "--name", "X", "--price", "1"},
         4,
         "MAIN"},
        {"issue date taken", {"issue", "add", "--publication", "brief", "--date", "2026-03-10"}, 4, "2026-03-10"},
        {"plan backwards",
         {"issue", "plan", "--publication", "brief", "--from", "2026-05-10", "--to", "2026-05-01"},
         1,
         "2026-05-10"},
        {"availability backwards",
         {"availability", "--publication", "brief", "--from", "2026-03-31", "--to", "2026-03-01"},
         1,
         "2026-03-31"},
        {"negative opens",
         {"issue", "set-stats", "--publication", "brief", "--date", "2026-03-10", "--opens", "-1"},
         1,
         "-1"},
        {"opens above audience",
         {"issue", "set-stats", "--publication", "brief", "--date", "2026-03-10", "--audience", "100", "--opens",
          "200"},
         1,
         "200"},
        {"unknown revision",
         {"issue", "draft", "--publication", "brief", "--date", "2026-03-10", "--revision", "99"},
         3,
         "99"},
        {"unknown draft format",
         {"draft", "render", "--publication", "brief", "--date", "2026-03-10", "--format", "pdf"},
         1,
         "pdf"},
        {"SQL in a sponsor filter", {"booking", "list", "--sponsor", "'; DROP TABLE sponsor; --"}, 3, "DROP TABLE"},
        {"list status unknown", {"booking", "list", "--status", "nope"}, 1, "nope"},
        {"empty house ad",
         {"house-ad", "set", "--publication", "brief", "--placement", "MAIN", "--text", " "},
         1,
         "empty"},
        {"import with a bad row", {"import", "bookings", "--csv", "@dir/bad.csv"}, 1, "line 3"},
        {"import file missing", {"import", "sponsors", "--csv", "/nonexistent.csv"}, 3, "/nonexistent.csv"},
        {"unknown command", {"frobnicate"}, 2, "frobnicate"},
        {"missing required option",
         {"book", "--publication", "brief", "--date", "2026-03-11", "--placement", "MAIN"},
         2,
         "--sponsor"},
        {"unknown option", {"sponsor", "list", "--colour", "red"}, 2, "--colour"},
    };
}

}  // namespace

TEST_F(CliBadInput, EveryBadInputGetsItsStatusAOneLineMessageAndChangesNothing) {
    const std::string before = dump(db);
    auto cases = catalogue();
    ASSERT_GE(cases.size(), 40u);
    for (auto c : cases) {
        for (auto& a : c.args)
            if (a.rfind("@dir/", 0) == 0) a = dir->file(a.substr(5));
        auto r = run_db(db, c.args, kToday);
        EXPECT_EQ(r.status, c.status) << c.name << ": " << r.err;
        EXPECT_NE(r.err.find(c.needle), std::string::npos)
            << c.name << ": stderr does not name \"" << c.needle << "\": " << r.err;
        ASSERT_FALSE(r.err.empty()) << c.name;
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << c.name << ": more than one line: " << r.err;
        EXPECT_LT(r.err.size(), 600u) << c.name << ": message too long";
        EXPECT_EQ(r.out, "") << c.name;
        EXPECT_EQ(dump(db), before) << c.name << " changed the database";
    }
}

TEST_F(CliBadInput, JsonModeStillReportsErrorsOnStderrWithTheStatus) {
    auto r = run_db(db,
                    {"--json", "book", "--sponsor", "Nobody", "--publication", "brief", "--date", "2026-03-11",
                     "--placement", "MAIN"},
                    kToday);
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("Nobody"), std::string::npos);
}

TEST(CliStorage, AFileThatIsNotADatabaseExitsFiveAndIsLeftAlone) {
    TempDir dir;
    const std::string path = dir.file("notes.txt");
    write_file(path, "shopping list\n");
    auto r = run_db(path, {"sponsor", "list"});
    EXPECT_EQ(r.status, 5);
    EXPECT_NE(r.err.find("not a SponsorDesk database"), std::string::npos) << r.err;
    EXPECT_EQ(read_file(path), "shopping list\n");
}

TEST(CliStorage, ANewerSchemaExitsFiveAndIsLeftAlone) {
    TempDir dir;
    const std::string path = dir.file("future.db");
    ASSERT_EQ(run_db(path, {"sponsor", "add", "--name", "Acme"}).status, 0);
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; PRAGMA user_version=99");
    }
    const std::string before = fingerprint(path);
    auto r = run_db(path, {"sponsor", "list"});
    EXPECT_EQ(r.status, 5);
    EXPECT_NE(r.err.find("newer"), std::string::npos) << r.err;
    EXPECT_EQ(fingerprint(path), before);
}

TEST(CliNames, ShellAndSqlMetacharactersRoundTripAsPlainText) {
    TempDir dir;
    const std::string db = dir.file("names.db");
    const std::vector<std::string> names = {"Robert'); DROP TABLE sponsor;--", "$(rm -rf /) & `id` | more; *",
                                            "=HYPERLINK(\"http://x\",\"y\")", "Café « Ça » — 東京 🚀",
                                            "100% \"quoted\" \\ back\\slash"};
    for (const auto& n : names) {
        auto r = run_db(db, {"--json", "sponsor", "add", "--name", n});
        ASSERT_EQ(r.status, 0) << n << ": " << r.err;
        auto back = run_db(db, {"--json", "sponsor", "list", "--search", n});
        ASSERT_EQ(back.status, 0);
        auto list = nlohmann::json::parse(back.out);
        ASSERT_EQ(list.size(), 1u) << n;
        EXPECT_EQ(list[0]["name"], n);
    }
    auto all = run_db(db, {"sponsor", "list"});
    for (const auto& n : names) EXPECT_NE(all.out.find(n), std::string::npos) << n;
}

TEST(CliStorage, AFileLockedTooLongExitsFiveAndWritesNothing) {
    TempDir dir;
    const std::string path = dir.file("locked.db");
    ASSERT_EQ(run_db(path, {"sponsor", "add", "--name", "Acme"}).status, 0);
    SQLite::Database holder(path, SQLite::OPEN_READWRITE);
    holder.exec("BEGIN IMMEDIATE");  // another program in the middle of a write
    setenv("SPONSORDESK_BUSY_TIMEOUT_MS", "300", 1);
    auto r = run_db(path, {"sponsor", "add", "--name", "Bobco"});
    unsetenv("SPONSORDESK_BUSY_TIMEOUT_MS");
    holder.exec("ROLLBACK");
    EXPECT_EQ(r.status, 5);
    EXPECT_NE(r.err.find("locked"), std::string::npos) << r.err;
    auto list = run_db(path, {"sponsor", "list"});
    EXPECT_EQ(list.out.find("Bobco"), std::string::npos);
    // Reading is not blocked by a writer (WAL).
    holder.exec("BEGIN IMMEDIATE");
    EXPECT_EQ(run_db(path, {"sponsor", "list"}).status, 0);
    holder.exec("ROLLBACK");
}

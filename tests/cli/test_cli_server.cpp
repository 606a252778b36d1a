// The command line against a PostgreSQL server given bad input: a URI that
// is not one, a server that is not there, a wrong password, a database that
// is not SponsorDesk's or is newer, `db copy` into a database that holds
// data, `db init` twice. Each is one line on stderr naming the thing, the
// SPEC's exit status, and nothing written; and no password given in a URI
// is ever printed. Then a round trip SQLite -> PostgreSQL -> SQLite that
// keeps every row. These need the test server ($SPONSORDESK_TEST_PG): they
// run as pg.CliServer.* and pg.CliCopyRoundTrip.* only.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <map>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "test_database.h"

using namespace sponsordesk::test;

namespace {

// The test server's URI for `db` as `user` with `password` in the URI.
std::string as_user(const std::string& db_uri, const std::string& user, const std::string& password) {
    std::string uri = db_uri;
    for (const std::string param : {"&user=postgres", "?user=postgres&", "?user=postgres"}) {
        const size_t at = uri.find(param);
        if (at == std::string::npos) continue;
        const std::string keep = param[0] == '?' && param.back() == '&' ? "?" : "";
        uri = uri.substr(0, at) + keep + uri.substr(at + param.size());
    }
    const size_t scheme = uri.find("://") + 3;
    return uri.insert(scheme, user + ":" + password + "@");
}

size_t lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

// One line on stderr, nothing on stdout, this status.
void expect_refused(const CliResult& r, int status, const std::string& names) {
    EXPECT_EQ(r.status, status) << r.err;
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(names), std::string::npos) << "the message should name " << names << ": " << r.err;
    EXPECT_EQ(r.out, "");
}

std::string tables_of(const std::string& uri) {
    return pg_value(uri,
                    "SELECT coalesce(string_agg(tablename, ',' ORDER BY tablename), '') FROM pg_tables "
                    "WHERE schemaname = 'public'");
}

}  // namespace

TEST(CliServer, AMalformedUriIsInvalidInputNamingTheProblem) {
    auto bracket = run_cli({"--db", "postgresql://[::1/sd", "sponsor", "list"});
    expect_refused(bracket, 1, "postgresql://[::1/sd");
    auto param = run_cli({"--db", pg_database_uri("postgres") + "&colour=blue", "sponsor", "list"});
    expect_refused(param, 1, "colour");
    // A port that is not a number passes libpq's URI parser: libpq refuses
    // it when connecting, and that is a server it cannot reach (exit 5).
    auto port = run_cli({"--db", pg_database_uri("postgres") + "&port=notaport", "sponsor", "list"});
    expect_refused(port, 5, "notaport");
}

TEST(CliServer, AServerThatIsNotThereExitsFiveNamingTheSocket) {
    // Port 1 on the test server's socket folder: no server listens there.
    std::string uri = pg_database_uri("postgres");
    const size_t port = uri.find("port=");
    ASSERT_NE(port, std::string::npos) << uri;
    const size_t end = uri.find('&', port);
    uri.replace(port, (end == std::string::npos ? uri.size() : end) - port, "port=1");
    auto r = run_cli({"--db", uri, "sponsor", "list"});
    expect_refused(r, 5, ".s.PGSQL.1");
    EXPECT_NE(r.err.find("cannot connect"), std::string::npos) << r.err;
}

TEST(CliServer, AWrongPasswordExitsFiveNamingTheUserAndNeverThePassword) {
    // scripts/pg-test-server asks this one role for its password
    // (scram-sha-256), every other role logs in on trust.
    const std::string server = pg_server_uri();
    if (pg_value(server, "SELECT count(*) FROM pg_hba_file_rules WHERE 'sd_password_test' = ANY(user_name)") == "0")
        GTEST_SKIP() << "this server does not check passwords (start it with scripts/pg-test-server)";
    pg_execute(server,
               "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sd_password_test') THEN "
               "CREATE ROLE sd_password_test LOGIN; END IF; END $$; "
               "ALTER ROLE sd_password_test PASSWORD 'the-right-one'");
    const std::string db = fresh_pg_database();
    auto wrong = run_cli({"--db", as_user(db, "sd_password_test", "Wr0ng-s3cret"), "sponsor", "list"});
    expect_refused(wrong, 5, "sd_password_test");
    EXPECT_NE(wrong.err.find("password"), std::string::npos) << wrong.err;
    EXPECT_EQ(wrong.err.find("Wr0ng-s3cret"), std::string::npos) << wrong.err;
    // The right password gets in (the role has no SponsorDesk group: it reads nothing it may not).
    auto right = run_cli({"--db", as_user(db, "sd_password_test", "the-right-one"), "user", "list"});
    EXPECT_EQ(right.err.find("password authentication failed"), std::string::npos) << right.err;
    EXPECT_EQ(right.err.find("the-right-one"), std::string::npos) << right.err;
    EXPECT_EQ(right.out.find("the-right-one"), std::string::npos) << right.out;
}

TEST(CliServer, ADatabaseOfAnotherProgramIsRefusedAndLeftAlone) {
    const std::string db = empty_pg_database();
    pg_execute(db, "CREATE TABLE ledger (id integer, label text); INSERT INTO ledger VALUES (1, 'rent')");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"sponsor", "list"}, {"sponsor", "add", "--name", "Acme"}, {"demo"}}) {
        std::vector<std::string> full{"--db", db};
        full.insert(full.end(), args.begin(), args.end());
        auto r = run_cli(full);
        expect_refused(r, 5, "not a SponsorDesk database");
    }
    EXPECT_EQ(tables_of(db), "ledger");
    EXPECT_EQ(pg_value(db, "SELECT count(*) || ':' || max(label) FROM ledger"), "1:rent");
}

TEST(CliServer, AnEmptyDatabaseAsksForDbInitAndStaysEmpty) {
    const std::string db = empty_pg_database();
    auto r = run_cli({"--db", db, "sponsor", "add", "--name", "Acme"});
    expect_refused(r, 5, "db init");
    EXPECT_EQ(tables_of(db), "");
}

TEST(CliServer, ANewerSchemaExitsFiveAndIsLeftAlone) {
    const std::string db = fresh_pg_database();
    pg_execute(db, "UPDATE sponsordesk_schema SET version = 99");
    auto r = run_cli({"--db", db, "sponsor", "add", "--name", "Acme"});
    expect_refused(r, 5, "newer");
    EXPECT_NE(r.err.find("99"), std::string::npos) << r.err;
    EXPECT_EQ(pg_value(db, "SELECT version FROM sponsordesk_schema"), "99");
    EXPECT_EQ(pg_value(db, "SELECT count(*) FROM sponsor"), "0");
}

TEST(CliServer, DbCopyIntoADatabaseThatHoldsDataIsRefusedAndLeftAlone) {
    const std::string from = fresh_pg_database(), to = fresh_pg_database();
    ASSERT_EQ(run_cli({"--db", from, "sponsor", "add", "--name", "Acme"}).status, 0);
    ASSERT_EQ(run_cli({"--db", to, "sponsor", "add", "--name", "Bobco"}).status, 0);
    auto r = run_cli({"--db", from, "db", "copy", "--to", to});
    expect_refused(r, 4, sponsordesk::Database::without_password(to).substr(0, 20));
    EXPECT_EQ(pg_value(to, "SELECT string_agg(name, ',') FROM sponsor"), "Bobco");
}

TEST(CliServer, DbInitTwiceIsRefusedTheSecondTime) {
    const std::string db = empty_pg_database();
    auto first = run_cli({"--db", db, "db", "init"});
    ASSERT_EQ(first.status, 0) << first.err;
    const std::string tables = tables_of(db);
    auto again = run_cli({"--db", db, "db", "init"});
    expect_refused(again, 4, "already");
    EXPECT_EQ(tables_of(db), tables);
}

TEST(CliServer, APasswordInTheUriIsNeverPrinted) {
    // Under trust the password is not checked: every command runs, and
    // neither its output nor its errors may show it.
    const std::string secret = "s3cret-Pw";
    const std::string db = as_user(fresh_pg_database(), "postgres", secret);
    const std::string other = as_user(fresh_pg_database(), "postgres", secret);
    const std::string param = fresh_pg_database() + "&password=" + secret;
    const std::string nowhere = as_user(pg_database_uri("nowhere_" + std::to_string(::getpid())), "postgres", secret);
    std::vector<std::vector<std::string>> commands = {
        {"--db", db, "sponsor", "add", "--name", "Acme"},
        {"--db", db, "sponsor", "add", "--name", "Acme"},  // a conflict: exit 4
        {"--db", db, "sponsor", "show", "#999"},           // not found: exit 3
        {"--db", db, "sponsor", "list"},
        {"--db", db, "--json", "sponsor", "list"},
        {"--db", db, "db", "init"},  // already initialised: names the database
        {"--db", db, "user", "list"},
        {"--db", db, "activity"},
        {"--db", db, "db", "copy", "--to", other},
        {"--db", db, "--json", "db", "copy", "--to", other},  // the target holds data now
        {"--db", param, "sponsor", "list"},
        {"--db", param, "db", "init"},
        {"--db", nowhere, "sponsor", "list"},  // no such database
        {"--db", nowhere, "--json", "sponsor", "list"},
        // Malformed: libpq quotes the piece it cannot read back.
        {"--db", "postgresql://postgres:" + secret + "%zz@/x", "sponsor", "list"},
        {"--db", "postgresql://postgres:" + secret + "@[::1/x", "sponsor", "list"},
        {"--db", "postgresql:///x?password=" + secret + "%zz", "sponsor", "list"},
    };
    for (const auto& c : commands) {
        auto r = run_cli(c);
        std::string shown;
        for (size_t i = 2; i < c.size(); ++i) shown += c[i] + " ";
        EXPECT_EQ(r.out.find(secret), std::string::npos) << shown << "printed the password: " << r.out;
        EXPECT_EQ(r.err.find(secret), std::string::npos) << shown << "printed the password: " << r.err;
    }
}

namespace {

// Every table of an SQLite file, each row's values as text, ordered by the first column.
std::map<std::string, std::vector<std::string>> dump(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::vector<std::string> tables;
    SQLite::Statement t(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (t.executeStep()) tables.push_back(t.getColumn(0).getString());
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& table : tables) {
        auto& rows = out[table];
        SQLite::Statement q(db, "SELECT * FROM \"" + table + "\" ORDER BY 1");
        while (q.executeStep()) {
            std::string row;
            for (int i = 0; i < q.getColumnCount(); ++i) {
                const auto c = q.getColumn(i);
                if (i > 0) row.push_back('|');
                if (c.isNull()) {
                    row.append("NULL");
                } else {
                    row.push_back('\'');
                    row.append(c.getString());
                    row.push_back('\'');
                }
            }
            rows.push_back(row);
        }
    }
    return out;
}

}  // namespace

TEST(CliCopyRoundTrip, DemoToTheServerAndBackKeepsEveryRowOfEveryTable) {
    TempDir dir;
    const std::string a = dir.file("a.db"), b = dir.file("b.db");
    const std::string server = fresh_pg_database();
    auto demo = run_cli({"--db", a, "demo"}, "2026-03-01");
    ASSERT_EQ(demo.status, 0) << demo.err;
    auto up = run_cli({"--db", a, "db", "copy", "--to", server});
    ASSERT_EQ(up.status, 0) << up.err;
    auto down = run_cli({"--db", server, "db", "copy", "--to", b});
    ASSERT_EQ(down.status, 0) << down.err;

    const auto before = dump(a), after = dump(b);
    ASSERT_FALSE(before.empty());
    for (const auto& [table, rows] : before) {
        ASSERT_TRUE(after.count(table)) << table << " is missing from the copy";
        EXPECT_EQ(after.at(table).size(), rows.size()) << table;
        EXPECT_EQ(after.at(table), rows) << table << " differs after SQLite -> PostgreSQL -> SQLite";
    }
    EXPECT_EQ(after.size(), before.size());
    size_t total = 0;
    for (const auto& [table, rows] : before) total += rows.size();
    EXPECT_GT(total, 1000u) << "the demo should fill the database";
}

// A connection cut while a write waits (here for the writers' lock, held by
// another session): exit 5 naming the server, and nothing of the write kept.
TEST(CliServer, ALostConnectionExitsFiveNamingTheServerAndKeepsNothing) {
    const std::string db = fresh_pg_database();
    ASSERT_EQ(run_cli({"--db", db, "sponsor", "add", "--name", "Acme"}).status, 0);
    sponsordesk::Database holder(db, sponsordesk::Database::Bare{});
    holder.connection().execute("SELECT pg_advisory_lock(1397769299)");
    CliResult r;
    std::thread writer([&] { r = run_cli({"--db", db, "sponsor", "add", "--name", "Bankia"}); });
    std::string cut = "0";
    for (int i = 0; i < 200 && cut == "0"; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        cut = pg_value(db,
                       "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND wait_event = 'advisory'");
    }
    writer.join();
    holder.connection().execute("SELECT pg_advisory_unlock_all()");
    ASSERT_EQ(cut, "1") << "the writer never waited for the lock";
    expect_refused(r, 5, "lost the connection to the server");
    const std::string dbname = pg_value(db, "SELECT current_database()");
    EXPECT_NE(r.err.find(dbname), std::string::npos) << r.err;
    EXPECT_EQ(pg_value(db, "SELECT string_agg(name, ',' ORDER BY name) FROM sponsor"), "Acme");
}

// backup --to from a server: a complete SponsorDesk file that opens as one.
TEST(CliServer, BackupFromTheServerWritesASponsorDeskFile) {
    const std::string db = fresh_pg_database();
    ASSERT_EQ(run_cli({"--db", db, "sponsor", "add", "--name", "Acme"}).status, 0);
    ASSERT_EQ(run_cli({"--db", db, "publication", "add", "--name", "Le Brief", "--slug", "brief"}).status, 0);
    TempDir dir;
    const std::string file = dir.file("copy.db");
    auto b = run_cli({"--db", db, "backup", "--to", file});
    ASSERT_EQ(b.status, 0) << b.err;
    auto list = run_cli({"--db", file, "sponsor", "list"});
    EXPECT_EQ(list.status, 0) << list.err;
    EXPECT_NE(list.out.find("Acme"), std::string::npos) << list.out;
    auto pubs = run_cli({"--db", file, "publication", "list"});
    EXPECT_NE(pubs.out.find("brief"), std::string::npos) << pubs.out;
    EXPECT_FALSE(dump(file).empty());  // an SQLite file, every table readable
}

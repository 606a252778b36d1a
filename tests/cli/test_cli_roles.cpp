// SPEC "Working as a team": the roles table, row by row and role by role,
// through the real command line and through psql as each user, and the
// user commands. On a fresh database of the throw-away PostgreSQL server
// named by $SPONSORDESK_TEST_PG (scripts/test starts it); skipped without.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "pg_server.h"

extern char** environ;

using namespace sponsordesk::test;
using nlohmann::json;

namespace {

constexpr const char* kToday = "2026-03-02";
const std::vector<std::string> kRoles = {"sales", "editor", "finance", "admin"};

// The command as the refusal names it: "book", or the first two words.
std::string command_of(const std::vector<std::string>& args) {
    return args[0] == "book" ? "book" : args[0] + " " + args[1];
}

class CliRoles : public ::testing::Test {
public:
    void SetUp() override {
        SPONSORDESK_REQUIRE_TEST_PG();
        pg = std::make_unique<PgDatabase>("roles");
        ok("postgres", {"db", "init"});
        ok("postgres", issuing_publisher());
        ok("postgres", {"publication", "add", "--name", "Le Brief", "--slug", "brief", "--language", "fr"});
        ok("postgres", {"placement", "add", "--publication", "brief", "--code", "MAIN", "--name", "Main", "--price",
                        "1500", "--slots", "2"});
        ok("postgres", {"issue", "plan", "--publication", "brief", "--from", "2026-02-02", "--to", "2026-04-30"});
        ok("postgres", issuing_sponsor("Acme", "552100554"));
        ok("postgres", issuing_sponsor("Beta", "404833048"));
        acme_booking = id_of(ok("postgres", {"book", "--sponsor", "Acme", "--publication", "brief", "--date",
                                             "2026-04-01", "--placement", "MAIN", "--json"}));
        ok("postgres",
           {"book", "--sponsor", "Beta", "--publication", "brief", "--date", "2026-04-02", "--placement", "MAIN"});
        beta_invoice =
            id_of(ok("postgres", {"invoice", "create", "--sponsor", "Beta", "--month", "2026-04", "--json"}));
        ok("postgres", {"invoice", "issue", beta_invoice, "--date", kToday});
        for (const auto& [name, role] : std::map<std::string, std::string>{
                 {"alice", "sales"}, {"ed", "editor"}, {"fin", "finance"}, {"ada", "admin"}}) {
            users[role] = pg->user(name);
            ok("postgres", {"user", "add", users[role], "--role", role});
        }
    }

    static std::string id_of(const std::string& out) {
        const json j = json::parse(out);
        return std::to_string(j.at("id").get<long long>());
    }

    // The command as a user (a role's user, or "postgres").
    CliResult as(const std::string& who, const std::vector<std::string>& args) {
        const std::string user = users.count(who) ? users[who] : who;
        return run_db(pg->uri(user), args, kToday);
    }
    std::string ok(const std::string& who, const std::vector<std::string>& args) {
        const CliResult r = as(who, args);
        EXPECT_EQ(r.status, 0) << who << ": " << command_of(args) << ": " << r.err;
        return r.out;
    }

    // Every row of every table of the database, the log included, and this
    // test's roles on the server (other tests make theirs at the same
    // time): what a refused action must leave as it was.
    std::string state() {
        const CliResult r =
            psql(pg->uri(),
                 "SELECT md5(string_agg(query_to_xml(format('SELECT * FROM %I.%I ORDER BY 1', schemaname, tablename), "
                 "false, false, '')::text, '|' ORDER BY tablename)) || ' ' || (SELECT string_agg(rolname, ',' ORDER BY "
                 "rolname) FROM pg_roles WHERE rolname LIKE '%" +
                     pg->suffix() + "%') FROM pg_tables WHERE schemaname = current_schema()");
        EXPECT_EQ(r.status, 0) << r.err;
        return r.out;
    }

    // psql as a role's user (or "postgres"); the statement must be refused
    // and leave everything as it was.
    void refused_sql(const std::string& who, const std::string& sql, const std::string& why) {
        const std::string before = state();
        const std::string user = users.count(who) ? users[who] : who;
        const CliResult r = psql(pg->uri(user), sql);
        EXPECT_NE(r.status, 0) << who << " could: " << sql;
        EXPECT_NE(r.err.find(why), std::string::npos) << who << ": " << sql << ": " << r.err;
        EXPECT_EQ(state(), before) << who << ": " << sql;
    }

    std::unique_ptr<PgDatabase> pg;
    std::map<std::string, std::string> users;  // role -> user name
    std::string acme_booking, beta_invoice;
    TempDir dir;
};

// One row of SPEC's table, command by command: each role that may not run
// a command gets exit 6 naming the command and the role, and nothing is
// written; then one that may runs it.
class RowChecker {
public:
    RowChecker(CliRoles& t, std::set<std::string> allowed) : t_(t), allowed_(std::move(allowed)) {}

    // `runner` runs args and must succeed; every role outside `allowed`
    // (default: the row's) is refused first. Returns the runner's output.
    std::string check(const std::string& runner, const std::vector<std::string>& args,
                      std::optional<std::set<std::string>> allowed = std::nullopt,
                      const std::function<void()>& unchanged = {}) {
        const std::set<std::string>& may = allowed ? *allowed : allowed_;
        const std::string cmd = command_of(args);
        for (const auto& role : kRoles) {
            if (may.count(role)) continue;
            const std::string before = t_.state();
            const CliResult r = t_.as(role, args);
            EXPECT_EQ(r.status, 6) << role << " ran " << cmd << ": " << r.out << r.err;
            EXPECT_NE(r.err.find("sponsordesk-cli: " + cmd + " is not permitted for the role " + role),
                      std::string::npos)
                << role << ": " << r.err;
            EXPECT_EQ(t_.state(), before) << role << " changed the database with " << cmd;
            if (unchanged) unchanged();
        }
        EXPECT_TRUE(may.count(runner)) << runner << " is not allowed " << cmd;
        const CliResult r = t_.as(runner, args);
        EXPECT_EQ(r.status, 0) << runner << ": " << cmd << ": " << r.err;
        if (r.status == 0 && allowed_.count(runner)) succeeded_.insert(runner);
        return r.out;
    }
    // Every role of the row succeeded at least once.
    void covered() const { EXPECT_EQ(succeeded_, allowed_); }

private:
    CliRoles& t_;
    std::set<std::string> allowed_, succeeded_;
};

TEST_F(CliRoles, EveryRowOfTheTableForEveryRole) {
    // Row 1: read everything, export reports.
    for (const auto& role : kRoles) {
        const CliResult list = as(role, {"booking", "list", "--json"});
        ASSERT_EQ(list.status, 0) << role << ": " << list.err;
        EXPECT_EQ(json::parse(list.out).size(), 2u) << role;
        const std::string xlsx = dir.file("monthly-" + role + ".xlsx");
        const CliResult report = as(role, {"report", "monthly", "--month", "2026-04", "--xlsx", xlsx});
        EXPECT_EQ(report.status, 0) << role << ": " << report.err;
        EXPECT_GT(std::filesystem::file_size(xlsx), 0u) << role;
        EXPECT_EQ(as(role, {"invoice", "list"}).status, 0) << role;
        EXPECT_EQ(as(role, {"activity"}).status, 0) << role;
    }

    const std::set<std::string> copy_writers = {"sales", "editor", "admin"};
    {
        // Row 2: sponsors, contacts; book, hold, confirm, move, cancel; set copy.
        RowChecker row(*this, {"sales", "admin"});
        row.check("sales", {"sponsor", "add", "--name", "Gamma"});
        row.check("admin", {"contact", "add", "--sponsor", "Acme", "--name", "Claire", "--email", "c@acme.example"});
        const std::string hold =
            id_of(row.check("sales", {"book", "--sponsor", "Gamma", "--publication", "brief", "--date", "2026-04-06",
                                      "--placement", "MAIN", "--status", "hold", "--json"}));
        row.check("admin", {"booking", "status", hold, "confirmed"});
        row.check("sales", {"booking", "move", hold, "--date", "2026-04-07"});
        row.check("sales", {"booking", "copy", hold, "--text", "Gamma, enfin."}, copy_writers);
        row.check("admin", {"booking", "status", hold, "cancelled"});
        row.covered();
    }
    {
        // Row 3: set copy, approve copy, drafts, house ads, planning, stats.
        RowChecker row(*this, {"editor", "admin"});
        row.check("editor",
                  {"booking", "copy", acme_booking, "--text", "Essayez Acme.", "--link", "https://acme.example/"},
                  copy_writers);
        row.check("sales",
                  {"booking", "copy", acme_booking, "--text", "Essayez Acme !", "--link", "https://acme.example/"},
                  copy_writers);
        row.check("editor", {"booking", "status", acme_booking, "approved"});
        row.check("admin", {"issue", "set-draft", "--publication", "brief", "--date", "2026-04-01", "--text",
                            "# Le Brief\n\nBonjour."});
        row.check("editor", {"house-ad", "set", "--publication", "brief", "--placement", "MAIN", "--text",
                             "Abonnez-vous au Brief."});
        row.check("admin", {"issue", "plan", "--publication", "brief", "--from", "2026-05-01", "--to", "2026-05-31"});
        row.check("editor", {"issue", "set-stats", "--publication", "brief", "--date", "2026-02-02", "--audience",
                             "1000", "--opens", "400", "--clicks", "50"});
        const std::string stats = dir.file("stats.csv");
        write_file(stats, "Send Date,Recipients,Unique Opens,Clicks\n2026-02-03,1200,500,40\n");
        row.check("admin", {"import", "stats", "--publication", "brief", "--csv", stats});
        const std::string clicks = dir.file("clicks.csv");
        write_file(clicks,
                   "URL,Clicks\nhttps://acme.example/?utm_source=brief&utm_medium=newsletter&utm_campaign=2026-04-01&"
                   "utm_content=MAIN,12\n");
        row.check("editor", {"import", "clicks", "--publication", "brief", "--csv", clicks});
        row.covered();
    }
    {
        // Row 4: invoices, payments, credit notes, publisher billing profile.
        RowChecker row(*this, {"finance", "admin"});
        const std::string draft =
            id_of(row.check("finance", {"invoice", "create", "--sponsor", "Acme", "--month", "2026-04", "--json"}));
        row.check("admin", {"invoice", "issue", draft, "--date", kToday});
        row.check("finance", {"invoice", "pay", beta_invoice, "--amount", "1800", "--date", kToday});
        row.check("admin", {"invoice", "cancel", draft, "--date", kToday});
        row.check("finance", {"publisher", "set", "--city", "Lyon"});
        row.covered();
    }
    {
        // Row 5: publications, placements, users, db copy.
        RowChecker row(*this, {"admin"});
        row.check("admin", {"publication", "add", "--name", "The Weekly", "--slug", "weekly", "--language", "en"});
        row.check("admin", {"placement", "add", "--publication", "weekly", "--code", "MAIN", "--name", "Main",
                            "--price", "900"});
        row.check("admin", {"user", "add", pg->user("zed"), "--role", "sales"});
        const std::string copy = dir.file("copy.db");
        row.check("admin", {"db", "copy", "--to", copy}, std::nullopt,
                  [&] { EXPECT_FALSE(std::filesystem::exists(copy)) << "a refused db copy wrote " << copy; });
        EXPECT_TRUE(std::filesystem::exists(copy));
        row.covered();
    }

    // What the rows did, read back.
    const json acme = json::parse(ok("finance", {"booking", "show", acme_booking, "--json"}));
    EXPECT_EQ(acme.at("status"), "approved");
    const json invoices = json::parse(ok("finance", {"invoice", "list", "--json"}));
    EXPECT_EQ(invoices.size(), 3u);  // Beta's, Acme's and its credit note
}

TEST_F(CliRoles, PsqlCanDoNoMoreThanTheApplication) {
    refused_sql("sales", "INSERT INTO invoice DEFAULT VALUES", "permission denied");
    refused_sql("sales", "UPDATE publication SET name = 'Le Brief bis'", "permission denied");
    refused_sql("sales", "DELETE FROM activity", "permission denied");
    refused_sql("sales", "UPDATE invoice_sequence SET last = 0", "permission denied");
    refused_sql("editor", "UPDATE booking SET price = 1 WHERE id = " + acme_booking, "permission denied");
    refused_sql("editor", "UPDATE booking SET status = 'cancelled' WHERE id = " + acme_booking, "permission denied");
    refused_sql("editor", "DELETE FROM booking WHERE id = " + acme_booking, "permission denied");
    refused_sql("sales", "UPDATE booking SET status = 'approved' WHERE id = " + acme_booking, "permission denied");
    refused_sql("finance", "INSERT INTO sponsor (name) VALUES ('Forged')", "permission denied");
    refused_sql("finance", "UPDATE booking SET price = 1 WHERE id = " + acme_booking, "permission denied");
    refused_sql("sales", "CREATE ROLE mallory_x LOGIN", "permission denied");
    refused_sql("admin", "SELECT sponsordesk_user_add('" + users["admin"] + "', 'admin', NULL)", "already exists");
    refused_sql("sales", "SELECT sponsordesk_user_add('" + pg->user("mallory") + "', 'admin', NULL)",
                "permission denied");

    // Nobody changes or deletes a log row: not admin, not the superuser.
    ASSERT_NE(psql(pg->uri(), "SELECT count(*) FROM activity").out, "0");
    for (const std::string who : {"sales", "editor", "finance", "admin", "postgres"}) {
        refused_sql(who, "UPDATE activity SET summary = 'nothing happened'",
                    who == "postgres" ? "cannot be changed" : "");
        refused_sql(who, "DELETE FROM activity", "");
        refused_sql(who, "TRUNCATE activity", "");
    }

    // The log says who: the session's user, whatever the row claims.
    const CliResult forged =
        psql(pg->uri(users["sales"]),
             "SET sponsordesk.copying = 'on'; INSERT INTO activity (at, actor, action, object_kind, "
             "object_id, summary) VALUES ('2001-01-01T00:00:00Z', '" +
                 users["admin"] + "', 'sponsor add', 'sponsor', NULL, 'forged by sales')");
    ASSERT_EQ(forged.status, 0) << forged.err;
    const CliResult row = psql(pg->uri(), "SELECT actor, at FROM activity WHERE summary = 'forged by sales'");
    EXPECT_EQ(row.out.substr(0, row.out.find('|')), users["sales"]);
    EXPECT_EQ(row.out.find("2001-01-01"), std::string::npos) << row.out;
    refused_sql("sales",
                "INSERT INTO activity (id, at, actor, action, object_kind, summary) VALUES (999999, '', '', 'x', "
                "'sponsor', 'x')",
                "given by the database");
}

TEST_F(CliRoles, UserListSetRoleRemove) {
    const json list = json::parse(ok("admin", {"user", "list", "--json"}));
    std::map<std::string, std::string> listed;
    for (const auto& u : list.at("users")) listed[u.at("name")] = u.at("role");
    for (const auto& [role, name] : users) EXPECT_EQ(listed[name], role) << name;
    EXPECT_EQ(listed["postgres"], "admin");
    EXPECT_NE(ok("sales", {"user", "list"}).find(users["editor"]), std::string::npos);  // anybody may read

    // Alice becomes an editor: she can no longer book.
    ok("admin", {"user", "set-role", users["sales"], "editor"});
    const CliResult book = as("sales", {"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-04-08",
                                        "--placement", "MAIN"});
    EXPECT_EQ(book.status, 6) << book.err;
    EXPECT_NE(book.err.find("book is not permitted for the role editor"), std::string::npos) << book.err;
    EXPECT_EQ(as("sales", {"booking", "copy", acme_booking, "--text", "Nouveau texte"}).status, 0);

    // Something of hers in the log, then she goes: her history stays.
    ASSERT_EQ(psql(pg->uri(users["sales"]),
                   "INSERT INTO activity (at, actor, action, object_kind, summary) VALUES "
                   "('', '', 'note', 'sponsor', 'left a note')")
                  .status,
              0);
    ok("admin", {"user", "remove", users["sales"]});
    const json after = json::parse(ok("admin", {"user", "list", "--json"}));
    for (const auto& u : after.at("users")) EXPECT_NE(u.at("name"), users["sales"]);
    const json hers = json::parse(ok("admin", {"activity", "--user", users["sales"], "--json"}));
    ASSERT_FALSE(hers.at("activity").empty());
    EXPECT_EQ(hers.at("activity")[0].at("summary"), "left a note");
    const CliResult gone = as("sales", {"booking", "list"});
    EXPECT_NE(gone.status, 0);

    // The user commands are in the log, by whoever ran them.
    const json log = json::parse(ok("admin", {"activity", "--json"}));
    std::multiset<std::string> by;
    for (const auto& e : log.at("activity"))
        by.insert(e.at("user").get<std::string>() + " " + e.at("action").get<std::string>());
    EXPECT_EQ(by.count("postgres user add"), 4u);
    EXPECT_EQ(by.count(users["admin"] + " user set-role"), 1u);
    EXPECT_EQ(by.count(users["admin"] + " user remove"), 1u);
}

// Runs the CLI with its standard input read from a FIFO, so that the test
// can look at the process list while the CLI waits for the password.
CliResult add_with_password_on_stdin(const std::string& uri, const std::string& name, const std::string& password,
                                     std::string& ps_seen) {
    TempDir io;
    const std::string fifo = io.file("stdin"), out = io.file("out"), err = io.file("err");
    if (mkfifo(fifo.c_str(), 0600) != 0) throw std::runtime_error("mkfifo");
    // Opened here first (read-write does not wait for a reader): posix_spawn
    // returns only once the child has opened its end.
    const int w = open(fifo.c_str(), O_RDWR);
    std::vector<std::string> args = {SPONSORDESK_CLI,   "--db", uri, "user", "add", name, "--role", "finance",
                                     "--password-stdin"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, fifo.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    if (posix_spawn(&pid, SPONSORDESK_CLI, &fa, nullptr, argv.data(), environ) != 0) throw std::runtime_error("spawn");
    posix_spawn_file_actions_destroy(&fa);
    ps_seen = run_command("ps -eo args");
    const std::string line = password + "\n";
    EXPECT_EQ(write(w, line.data(), line.size()), static_cast<ssize_t>(line.size()));
    close(w);
    int status = 0;
    waitpid(pid, &status, 0);
    CliResult r;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

TEST_F(CliRoles, PasswordFromStdinIsNeverShown) {
    const std::string password = "Tr0ub4dor&3-horse-" + pg->name();
    const std::string name = pg->user("nina");
    std::string ps;
    const CliResult r = add_with_password_on_stdin(pg->uri(users["admin"]), name, password, ps);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(ps.find("--password-stdin"), std::string::npos) << "the process list was read while it ran";
    EXPECT_EQ(ps.find(password), std::string::npos);
    EXPECT_EQ(r.out.find(password), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find(password), std::string::npos) << r.err;
    const CliResult log = psql(pg->uri(), "SELECT string_agg(a::text, '\n') FROM activity a");
    EXPECT_NE(log.out.find(name), std::string::npos) << log.out;
    EXPECT_EQ(log.out.find(password), std::string::npos) << log.out;
    EXPECT_EQ(ok("admin", {"activity"}).find(password), std::string::npos);
    // The server keeps a hash of it, never the password.
    const CliResult stored = psql(pg->uri(), "SELECT rolpassword FROM pg_authid WHERE rolname = '" + name + "'");
    EXPECT_EQ(stored.out.rfind("SCRAM-SHA-256$", 0), 0u) << stored.out;
    EXPECT_EQ(stored.out.find(password), std::string::npos);
    EXPECT_EQ(json::parse(ok("admin", {"user", "list", "--json"})).dump().find(password), std::string::npos);
}

TEST_F(CliRoles, UserCommandErrors) {
    const CliResult bad = as("admin", {"user", "add", pg->user("bob"), "--role", "boss"});
    EXPECT_EQ(bad.status, 1) << bad.err;
    EXPECT_NE(bad.err.find("boss"), std::string::npos) << bad.err;
    const CliResult exists = as("admin", {"user", "add", users["sales"], "--role", "finance"});
    EXPECT_EQ(exists.status, 4) << exists.err;
    EXPECT_NE(exists.err.find(users["sales"]), std::string::npos) << exists.err;
    const CliResult postgres = as("admin", {"user", "add", "postgres", "--role", "sales"});
    EXPECT_EQ(postgres.status, 4) << postgres.err;  // another login of the server is not taken over
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"user", "set-role", pg->user("nobody"), "sales"},
          std::vector<std::string>{"user", "remove", pg->user("nobody")}}) {
        const CliResult unknown = as("admin", args);
        EXPECT_EQ(unknown.status, 3) << unknown.err;
        EXPECT_NE(unknown.err.find(pg->user("nobody")), std::string::npos) << unknown.err;
    }
    const CliResult no_stdin = as("admin", {"user", "add", pg->user("bob"), "--role", "sales", "--password-stdin"});
    EXPECT_EQ(no_stdin.status, 1) << no_stdin.err;
    const CliResult by_sales = as("sales", {"user", "set-role", users["editor"], "admin"});
    EXPECT_EQ(by_sales.status, 6) << by_sales.err;
    EXPECT_NE(by_sales.err.find("user set-role is not permitted for the role sales"), std::string::npos)
        << by_sales.err;
}

TEST(CliRolesFile, UserCommandsNeedAServer) {
    TempDir dir;
    const std::string db = dir.file("solo.db");
    ASSERT_EQ(run_db(db, {"sponsor", "add", "--name", "Acme"}).status, 0);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"user", "add", "bob", "--role", "sales"}, std::vector<std::string>{"user", "list"},
          std::vector<std::string>{"user", "set-role", "bob", "sales"},
          std::vector<std::string>{"user", "remove", "bob"}}) {
        const CliResult r = run_db(db, args);
        EXPECT_EQ(r.status, 1) << args[1] << ": " << r.err;
        EXPECT_NE(r.err.find("PostgreSQL"), std::string::npos) << args[1] << ": " << r.err;
    }
}

}  // namespace

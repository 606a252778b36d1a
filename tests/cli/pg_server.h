#pragma once
// A fresh database on the throw-away PostgreSQL server that scripts/test
// starts and names in $SPONSORDESK_TEST_PG (a libpq URI of its postgres
// database, as the superuser postgres), for the tests of a team's database.
// Without the variable those tests skip.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "test_support.h"

namespace sponsordesk::test {

inline std::optional<std::string> test_pg_uri() {
    const char* v = std::getenv("SPONSORDESK_TEST_PG");
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

#define SPONSORDESK_REQUIRE_TEST_PG()                                                                \
    do {                                                                                             \
        if (!::sponsordesk::test::test_pg_uri())                                                     \
            GTEST_SKIP() << "SPONSORDESK_TEST_PG is not set: scripts/test starts a throw-away "      \
                            "PostgreSQL server and sets it (postgresql:///postgres?host=DIR&port=N&" \
                            "user=postgres)";                                                        \
    } while (0)

// `base` with another database and user: postgresql://AUTH/DB?PARAMS.
inline std::string pg_uri_for(const std::string& base, const std::string& db, const std::string& user) {
    const auto q = base.find('?');
    const std::string head = base.substr(0, q);
    std::string params = q == std::string::npos ? "" : base.substr(q + 1);
    const auto slash = head.find('/', head.find("://") + 3);
    std::string out = (slash == std::string::npos ? head : head.substr(0, slash)) + "/" + db + "?";
    std::istringstream in(params);
    std::string kv;
    while (std::getline(in, kv, '&'))
        if (!kv.empty() && kv.rfind("user=", 0) != 0 && kv.rfind("dbname=", 0) != 0) out += kv + "&";
    return out + "user=" + user;
}

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// psql -c SQL on `uri`: exit status, the rows unaligned, the messages.
inline CliResult psql(const std::string& uri, const std::string& sql) {
    TempDir io;
    const std::string err = io.file("err");
    CliResult r;
    r.out = run_command("psql -X -q -t -A -v ON_ERROR_STOP=1 " + shell_quote(uri) + " -c " + shell_quote(sql) + " 2>" +
                            shell_quote(err),
                        &r.status);
    r.err = read_file(err);
    while (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
    return r;
}

// A database made for one test and dropped after it, with the login roles
// the test made (their names end with suffix()).
class PgDatabase {
public:
    explicit PgDatabase(const std::string& tag) {
        base_ = *test_pg_uri();
        std::random_device rd;
        suffix_ = std::to_string(::getpid() % 100000) + "_" + std::to_string(rd() % 100000);
        name_ = "sd_" + tag + "_" + suffix_;
        const CliResult r = psql(base_, "CREATE DATABASE " + name_);
        if (r.status != 0) ADD_FAILURE() << "CREATE DATABASE " << name_ << ": " << r.err;
    }
    ~PgDatabase() {
        psql(base_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        // Login roles of this test, then the database's group roles.
        const CliResult users = psql(base_, "SELECT rolname FROM pg_roles WHERE rolname LIKE '%\\_" + suffix_ + "'");
        std::istringstream in(users.out);
        std::string role;
        std::string drop;
        while (std::getline(in, role))
            if (!role.empty() && role.rfind(name_, 0) != 0) drop += (drop.empty() ? "" : ", ") + role;
        if (!drop.empty()) psql(base_, "DROP ROLE IF EXISTS " + drop);
        for (const char* g : {"_admin", "_sales", "_editor", "_finance", "_owner"})
            psql(base_, "DROP ROLE IF EXISTS " + name_ + g);
    }
    PgDatabase(const PgDatabase&) = delete;
    PgDatabase& operator=(const PgDatabase&) = delete;

    const std::string& name() const { return name_; }
    // In the names of this test's roles: its groups' and its users'.
    const std::string& suffix() const { return suffix_; }
    // A login name unique to this test: NAME_SUFFIX.
    std::string user(const std::string& name) const { return name + "_" + suffix_; }
    std::string uri(const std::string& user = "postgres") const { return pg_uri_for(base_, name_, user); }

private:
    std::string base_, name_, suffix_;
};

}  // namespace sponsordesk::test

#pragma once
// The engine a test runs on. By default an in-memory SQLite database; with
// SPONSORDESK_TEST_ENGINE=postgresql (the pg.* tests of tests/CMakeLists.txt)
// a fresh PostgreSQL database on the server whose URI is in
// $SPONSORDESK_TEST_PG (scripts/pg-test-server start prints one; scripts/test
// starts it before ctest).
//
// Every fresh database is a copy of one template database prepared once per
// server by `db init` (its name carries the schema version, so a server kept
// across schema changes gets a new one): the copies share the template's
// group roles (<template>_sales…), whose names the schema's functions hold.
// The template is made under an advisory lock, since ctest runs tests in
// parallel. The databases a process created are dropped when it exits.
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/services/team_service.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk::test {

inline bool on_postgresql() {
    const char* e = std::getenv("SPONSORDESK_TEST_ENGINE");
    return e && std::string(e) == "postgresql";
}

// The test server's URI (its maintenance database `postgres`).
inline std::string pg_server_uri() {
    const char* e = std::getenv("SPONSORDESK_TEST_PG");
    if (!e || !*e)
        throw std::runtime_error(
            "the PostgreSQL tests need $SPONSORDESK_TEST_PG: uri=$(scripts/pg-test-server start); "
            "export SPONSORDESK_TEST_PG=$uri");
    return e;
}

// The URI of the database `name` on the test server (same host, port,
// user and parameters).
inline std::string pg_database_uri(const std::string& name, const std::string& server = pg_server_uri()) {
    const size_t scheme = server.find("://");
    if (scheme == std::string::npos) throw std::runtime_error("not a postgresql:// URI: " + server);
    size_t path = server.find_first_of("/?", scheme + 3);
    if (path == std::string::npos) return server + "/" + name;
    const size_t query = server.find('?', path);
    return server.substr(0, path) + "/" + name + (query == std::string::npos ? "" : server.substr(query));
}

namespace detail {

// One connection to the maintenance database per test process; drops the
// databases it created when the process ends.
class PgTestServer {
public:
    static PgTestServer& get() {
        static PgTestServer s;
        return s;
    }

    std::string template_name() const { return fmt::format("sdtest_v{}", Database::latest_schema_version()); }

    // A new SponsorDesk database (a copy of the template); its URI.
    std::string fresh_database() {
        ensure_template();
        const std::string name = fmt::format("t_{}_{}", ::getpid(), ++count_);
        admin_->connection().execute(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name));
        admin_->connection().execute(fmt::format("CREATE DATABASE {} TEMPLATE {}", name, template_name()));
        created_.push_back(name);
        return pg_database_uri(name);
    }

    // A new empty database (for `db init` and the bad-input tests); its URI.
    std::string empty_database() {
        connect();
        const std::string name = fmt::format("e_{}_{}", ::getpid(), ++count_);
        admin_->connection().execute(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name));
        admin_->connection().execute(fmt::format("CREATE DATABASE {} TEMPLATE template0", name));
        created_.push_back(name);
        return pg_database_uri(name);
    }

    ~PgTestServer() {
        if (!admin_) return;
        for (const auto& name : created_) {
            try {
                admin_->connection().execute(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name));
            } catch (...) {
                // The server is thrown away after the run anyway.
            }
        }
    }

private:
    void connect() {
        if (!admin_) admin_ = std::make_unique<Database>(pg_server_uri(), Database::Bare{});
    }

    void ensure_template() {
        if (template_ready_) return;
        connect();
        sql::Connection& c = admin_->connection();
        // Session lock: one process prepares the template, the others wait.
        c.execute("SELECT pg_advisory_lock(1397769300)");
        try {
            sql::Statement q(c, "SELECT count(*) FROM pg_database WHERE datname = ?");
            q.bind(1, template_name());
            q.executeStep();
            if (q.getColumn(0).getInt64() == 0) {
                c.execute(fmt::format("CREATE DATABASE {} TEMPLATE template0", template_name()));
                {
                    // db init, as `sponsordesk-cli --db URI db init` does it:
                    // the group roles are named after the template.
                    Database bare(pg_database_uri(template_name()), Database::Bare{});
                    TeamService(bare).init_server();
                }
            }
        } catch (...) {
            c.execute("SELECT pg_advisory_unlock(1397769300)");
            throw;
        }
        c.execute("SELECT pg_advisory_unlock(1397769300)");
        template_ready_ = true;
    }

    std::unique_ptr<Database> admin_;
    std::vector<std::string> created_;
    int count_ = 0;
    bool template_ready_ = false;
};

}  // namespace detail

// A fresh SponsorDesk database on the test server (SPONSORDESK_TEST_PG): its URI.
inline std::string fresh_pg_database() { return detail::PgTestServer::get().fresh_database(); }
// A fresh empty database on the test server (no schema): its URI.
inline std::string empty_pg_database() { return detail::PgTestServer::get().empty_database(); }

// Runs SQL (several statements allowed) on the database `uri` as whoever
// the URI names (the test server's superuser for its own URIs).
inline void pg_execute(const std::string& uri, const std::string& sql) {
    Database bare(uri, Database::Bare{});
    bare.connection().execute(sql);
}

// The first column of the first row of `query` on `uri`, as text ("" when no row).
inline std::string pg_value(const std::string& uri, const std::string& query) {
    Database bare(uri, Database::Bare{});
    sql::Statement q(bare.connection(), query);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

// The database a core test works on: an in-memory SQLite database, or a
// fresh PostgreSQL one when SPONSORDESK_TEST_ENGINE=postgresql.
inline std::unique_ptr<Database> test_database() {
    if (on_postgresql()) return std::make_unique<Database>(fresh_pg_database());
    return std::make_unique<Database>(":memory:");
}

}  // namespace sponsordesk::test

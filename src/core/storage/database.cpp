#include "sponsordesk/storage/database.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include "pg_engine.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/storage/schema.h"
#include "sqlite_engine.h"

namespace sponsordesk {
namespace fs = std::filesystem;

int Database::latest_schema_version() { return schema::latest_version(); }

namespace {

std::string os_login() {
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return pw->pw_name;
    if (const char* u = std::getenv("USER"); u && *u) return u;
    return "unknown";
}

}  // namespace

Database::Database(const std::string& location) : Database(location, schema::latest_version()) {}

Database::Database(const std::string& location, int migrate_to_version) : location_(location) {
    if (is_server_uri(location)) {
        path_ = without_password(location);
        conn_ = open_postgres(location);
        open_server(migrate_to_version);
    } else {
        path_ = location;
        conn_ = open_sqlite(location, migrate_to_version);
        user_ = os_login();
    }
}

Database::Database(const std::string& uri, Bare) : location_(uri) {
    if (!is_server_uri(uri))
        throw InvalidInput({ErrorCode::InvalidFormat, "db", {{"value", uri}}},
                           fmt::format("{} is not a postgresql:// URI", quote_value(uri)));
    path_ = without_password(uri);
    conn_ = open_postgres(uri);
    user_ = pg_user(*conn_);
}

Database::~Database() = default;

std::string Database::server_name() { return on_server() ? pg_server_name(*conn_) : path_; }

SQLite::Database& Database::sql() { return sqlite_handle(*conn_); }

bool Database::is_server_uri(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string Database::without_password(const std::string& uri) {
    static const std::regex userinfo(R"(^(postgres(?:ql)?://[^:@/?]*):[^@/?]*@)");
    static const std::regex param(R"(([?&])password=[^&]*&?)");
    std::string s = std::regex_replace(uri, userinfo, "$1@");
    s = std::regex_replace(s, param, "$1");
    while (!s.empty() && (s.back() == '&' || s.back() == '?')) s.pop_back();
    return s;
}

void Database::open_server(int target) {
    user_ = pg_user(*conn_);
    const std::string server = pg_server_name(*conn_);
    // Read-only checks first: a foreign, empty or newer database stays untouched.
    int version = 0;
    {
        sql::Statement q(*conn_,
                         "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public'), "
                         "to_regclass('public.sponsordesk_schema') IS NOT NULL");
        q.executeStep();
        const auto tables = q.getColumn(0).getInt64();
        const bool ours = q.getColumn(1).getInt64() != 0;
        if (!ours && tables == 0)
            throw StorageError({ErrorCode::NotInitialised, "", {{"server", server}}},
                               fmt::format("the database {} is empty: run `db init` on it first", server));
        if (!ours)
            throw StorageError(
                {ErrorCode::NotADatabase, "", {{"server", server}}},
                fmt::format("the database {} is not a SponsorDesk database (it belongs to another program)", server));
        sql::Statement v(*conn_, "SELECT application_id, version FROM sponsordesk_schema");
        if (!v.executeStep() || v.getColumn(0).getInt64() != kApplicationId)
            throw StorageError(
                {ErrorCode::NotADatabase, "", {{"server", server}}},
                fmt::format("the database {} is not a SponsorDesk database (it belongs to another program)", server));
        version = v.getColumn(1).getInt();
    }
    if (version > schema::latest_version())
        throw StorageError({ErrorCode::NewerDatabase, "", {{"server", server}}},
                           fmt::format("the database {} was written by a newer SponsorDesk (schema {}, this program "
                                       "knows up to {}); it was left untouched: upgrade SponsorDesk to use it",
                                       server, version, schema::latest_version()));
    if (version < target) {
        WriteTransaction tx(*this);
        sql::Statement v(*conn_, "SELECT version FROM sponsordesk_schema FOR UPDATE");
        v.executeStep();
        version = v.getColumn(0).getInt();
        if (version < target) {
            pg_migrate(*conn_, version, target);
            sql::Statement set(*conn_, "UPDATE sponsordesk_schema SET version = ?");
            set.bind(1, target);
            set.exec();
        }
        tx.commit();
    }
}

std::string Database::default_path() {
    if (const char* env = std::getenv("SPONSORDESK_DB"); env && *env) return env;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = fs::path(home) / ".local" / "share";
    } else {
        base = ".";
    }
    return (base / "sponsordesk" / "sponsordesk.db").string();
}

int Database::schema_version() {
    if (!on_server()) return sqlite_schema_version(*conn_);
    sql::Statement v(*conn_, "SELECT version FROM sponsordesk_schema");
    v.executeStep();
    return v.getColumn(0).getInt();
}

void rethrow_storage(const std::exception& e) {
    if (const auto* se = dynamic_cast<const SQLite::Exception*>(&e)) rethrow_sqlite(*se);
    throw StorageError({ErrorCode::StorageFailure, "", {}}, fmt::format("storage error: {}", e.what()));
}

namespace {
// Nested transactions are strictly last-in first-out (they live on the
// stack), so one savepoint name serves every level: ROLLBACK TO and RELEASE
// act on the innermost savepoint of that name.
constexpr const char* kSavepoint = "write_transaction";
}  // namespace

WriteTransaction::WriteTransaction(Database& db) : conn_(db.connection()) {
    // Inside an enclosing transaction (an import or the demo running the
    // services) this one is a savepoint: its failure undoes its own writes
    // only, and the outer commit or rollback decides for the rest.
    if (conn_.in_transaction()) {
        nested_ = true;
        conn_.execute(std::string("SAVEPOINT ") + kSavepoint);
        return;
    }
    conn_.begin_write();
}

WriteTransaction::~WriteTransaction() {
    if (done_) return;
    try {
        if (nested_) {
            conn_.execute(std::string("ROLLBACK TO ") + kSavepoint);
            conn_.execute(std::string("RELEASE ") + kSavepoint);
        } else {
            conn_.rollback();
        }
    } catch (...) {
        // Nothing more can be done in a destructor; the database stays consistent.
    }
}

void WriteTransaction::commit() {
    if (nested_)
        conn_.execute(std::string("RELEASE ") + kSavepoint);
    else
        conn_.commit();
    done_ = true;
}

}  // namespace sponsordesk

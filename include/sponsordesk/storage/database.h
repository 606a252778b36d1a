#pragma once
// A SponsorDesk database: an SQLite file (one person) or a PostgreSQL
// database on a server (a team), chosen by the location given. Opening
// checks it is ours and migrates it; everything above storage works the
// same on both through sql::Connection.
#include <cstdint>
#include <memory>
#include <string>

#include "sponsordesk/storage/sql.h"

namespace SQLite {
class Database;
}

namespace sponsordesk {

class Database {
public:
    static constexpr int kApplicationId = 0x53504453;  // "SPDS"
    static int latest_schema_version();

    // Opens `location`: a file path (created when absent, migrated forward)
    // or a postgresql:// URI (a database `db init` prepared; migrated
    // forward). A file or database that is not SponsorDesk's, or is newer
    // than this program, throws StorageError before anything is written.
    explicit Database(const std::string& location);

    // Opens for tests that build an older schema: migrates only up to `version`.
    Database(const std::string& location, int migrate_to_version);

    // Connects to a PostgreSQL database without looking at its schema (db init).
    struct Bare {};
    Database(const std::string& uri, Bare);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sql::Connection& connection() { return *conn_; }
    sql::Engine engine() const { return conn_->engine(); }
    bool on_server() const { return engine() == sql::Engine::PostgreSQL; }

    // The SQLite handle (SQLite files only; tests and SQLite-only tools).
    SQLite::Database& sql();

    // The file path, or the URI with any password taken out.
    const std::string& path() const { return path_; }
    // What opens this database again from another thread: the location as
    // given, password included. Kept in memory only; never print it.
    const std::string& reopen_location() const { return location_; }
    int schema_version();

    // Who writes: the database user on a server, the operating-system login
    // for a file.
    const std::string& user() const { return user_; }
    // "team on db.example.com" for a server; the path for a file.
    std::string server_name();
    // Another program or user changed data since the last call.
    bool changed_elsewhere() { return conn_->changed_elsewhere(); }

    // Default location: $SPONSORDESK_DB, else $XDG_DATA_HOME/sponsordesk/
    // sponsordesk.db, else ~/.local/share/sponsordesk/sponsordesk.db.
    static std::string default_path();

    // True for postgresql:// and postgres:// URIs.
    static bool is_server_uri(const std::string& location);
    // The URI without its password (user:secret@ → user@, password=… dropped).
    static std::string without_password(const std::string& uri);

private:
    void open_file(int migrate_to_version);
    void open_server(int migrate_to_version);
    std::string path_;
    std::string location_;
    std::string user_;
    std::unique_ptr<sql::Connection> conn_;
};

// The outermost write transaction (writers queue one behind the other, see
// sql::Connection::begin_write); rolls back when destroyed without
// commit(). Opened inside another transaction it is a SAVEPOINT: destroyed
// without commit() it undoes its own writes only (the caller may catch the
// error and go on); commit() releases it into the outer transaction, whose
// commit or rollback decides.
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    sql::Connection& conn_;
    bool done_ = false;
    bool nested_ = false;
};

// Runs fn, translating engine failures that were not yet typed into the
// core's StorageError.
template <class Fn>
auto guard_sql(Fn&& fn) -> decltype(fn());

[[noreturn]] void rethrow_storage(const std::exception& e);

}  // namespace sponsordesk

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {

template <class Fn>
auto guard_sql(Fn&& fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        rethrow_storage(e);
    }
}

}  // namespace sponsordesk

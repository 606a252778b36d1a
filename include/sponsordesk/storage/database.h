#pragma once
// The SponsorDesk SQLite file: opening, checking it is ours, migrating it.
#include <memory>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace sponsordesk {

class Database {
public:
    static constexpr int kApplicationId = 0x53504453;  // "SPDS"
    static int latest_schema_version();

    // Opens (creating when absent) and migrates forward. A file that is not
    // a SponsorDesk database, or is newer than this program, throws
    // StorageError before anything is written to it.
    explicit Database(const std::string& path);

    // Opens for tests that build an older schema: migrates only up to `version`.
    Database(const std::string& path, int migrate_to_version);

    SQLite::Database& sql() { return *db_; }
    const std::string& path() const { return path_; }
    int schema_version();

    // Default location: $SPONSORDESK_DB, else $XDG_DATA_HOME/sponsordesk/
    // sponsordesk.db, else ~/.local/share/sponsordesk/sponsordesk.db.
    static std::string default_path();

private:
    void open(int migrate_to_version);
    std::string path_;
    std::unique_ptr<SQLite::Database> db_;
};

// BEGIN IMMEDIATE … COMMIT; rolls back when destroyed without commit().
// Immediate so that two writers queue on the busy timeout instead of
// failing later on a lock upgrade. Opened inside another transaction, it
// is a SAVEPOINT: destroyed without commit() it undoes its own writes only
// (the caller may catch the error and go on); commit() releases it into
// the outer transaction, whose commit or rollback decides.
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    SQLite::Database& db_;
    bool done_ = false;
    bool nested_ = false;
};

// Runs fn, translating SQLite failures into the core's typed errors.
template <class Fn>
auto guard_sql(Fn&& fn) -> decltype(fn());

void rethrow_sqlite(const std::exception& e);  // [[noreturn]]

template <class Fn>
auto guard_sql(Fn&& fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const SQLite::Exception& e) {
        rethrow_sqlite(e);
        throw;  // unreachable
    }
}

}  // namespace sponsordesk

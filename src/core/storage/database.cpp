#include "sponsordesk/storage/database.h"

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/storage/schema.h"

namespace sponsordesk {
namespace fs = std::filesystem;

int Database::latest_schema_version() { return schema::latest_version(); }

Database::Database(const std::string& path) : path_(path) { open(schema::latest_version()); }

Database::Database(const std::string& path, int migrate_to_version) : path_(path) { open(migrate_to_version); }

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

void rethrow_sqlite(const std::exception& e) {
    if (const auto* se = dynamic_cast<const SQLite::Exception*>(&e)) {
        const int code = se->getErrorCode();
        if (code == SQLITE_CONSTRAINT)
            throw Conflict({ErrorCode::StorageFailure, "", {}},
                           fmt::format("the database refused the change: {}", se->what()));
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            throw StorageError({ErrorCode::Locked, "", {}},
                               fmt::format("the database file is locked by another program: {}", se->what()));
        if (code == SQLITE_FULL)
            throw StorageError({ErrorCode::DiskFull, "", {}}, "the disk is full: nothing was written");
        if (code == SQLITE_NOTADB)
            throw StorageError({ErrorCode::NotADatabase, "", {}}, "the file is not a SponsorDesk database");
        throw StorageError({ErrorCode::StorageFailure, "", {}}, fmt::format("storage error: {}", se->what()));
    }
    throw StorageError({ErrorCode::StorageFailure, "", {}}, fmt::format("storage error: {}", e.what()));
}

void Database::open(int target) {
    const bool is_memory = path_ == ":memory:" || path_.empty();
    if (!is_memory) {
        fs::path p(path_);
        std::error_code ec;
        if (p.has_parent_path() && !fs::exists(p.parent_path(), ec)) {
            fs::create_directories(p.parent_path(), ec);
            if (ec)
                throw StorageError({ErrorCode::StorageFailure, "", {}},
                                   fmt::format("cannot create the folder {}: {}", quote_value(p.parent_path().string()),
                                               ec.message()));
        }
        if (fs::is_directory(p, ec))
            throw StorageError({ErrorCode::NotADatabase, "path", {{"path", path_}}},
                               fmt::format("{} is a folder, not a database file", quote_value(path_)));
    }
    try {
        db_ = std::make_unique<SQLite::Database>(path_,
                                                 SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX);
        // Wait this long for another program's write to finish (a GUI and a
        // cron job sharing the file) before giving up with a storage error.
        int busy_ms = 5000;
        if (const char* env = std::getenv("SPONSORDESK_BUSY_TIMEOUT_MS"); env && *env) busy_ms = std::atoi(env);
        db_->setBusyTimeout(busy_ms);

        // Read-only checks first: a foreign or newer file must stay untouched.
        int app_id = 0, version = 0;
        bool has_tables = false;
        try {
            app_id = db_->execAndGet("PRAGMA application_id").getInt();
            version = db_->execAndGet("PRAGMA user_version").getInt();
            has_tables = db_->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0;
        } catch (const SQLite::Exception& e) {
            if (e.getErrorCode() == SQLITE_NOTADB || e.getErrorCode() == SQLITE_CORRUPT)
                throw StorageError(
                    {ErrorCode::StorageFailure, "", {}},
                    fmt::format("{} is not a SponsorDesk database (not an SQLite file)", quote_value(path_)));
            throw;
        }
        if (app_id != kApplicationId && (app_id != 0 || has_tables))
            throw StorageError(
                {ErrorCode::StorageFailure, "", {}},
                fmt::format("{} is not a SponsorDesk database (it belongs to another program)", quote_value(path_)));
        if (version > schema::latest_version())
            throw StorageError(
                {ErrorCode::StorageFailure, "", {}},
                fmt::format("{} was written by a newer SponsorDesk (schema {}, this program knows up to {}); "
                            "it was left untouched: upgrade SponsorDesk to open it",
                            quote_value(path_), version, schema::latest_version()));

        if (!is_memory) db_->exec("PRAGMA journal_mode=WAL");
        db_->exec("PRAGMA foreign_keys=ON");
        db_->exec("PRAGMA synchronous=NORMAL");

        if (version < target) {
            WriteTransaction tx(*this);
            // Re-read under the write lock: another process may have migrated.
            version = db_->execAndGet("PRAGMA user_version").getInt();
            if (version < target) {
                schema::migrate(*db_, version, target);
                db_->exec(fmt::format("PRAGMA application_id={}", kApplicationId));
                db_->exec(fmt::format("PRAGMA user_version={}", target));
            }
            tx.commit();
        }
    } catch (const Error&) {
        db_.reset();
        throw;
    } catch (const SQLite::Exception& e) {
        db_.reset();
        if (e.getErrorCode() == SQLITE_CANTOPEN)
            throw StorageError({ErrorCode::StorageFailure, "path", {{"path", path_}}},
                               fmt::format("cannot open the database file {}", quote_value(path_)));
        rethrow_sqlite(e);
    }
}

int Database::schema_version() { return db_->execAndGet("PRAGMA user_version").getInt(); }

namespace {
// Nested transactions are strictly last-in first-out (they live on the
// stack), so one savepoint name serves every level: ROLLBACK TO and RELEASE
// act on the innermost savepoint of that name.
constexpr const char* kSavepoint = "write_transaction";
}  // namespace

WriteTransaction::WriteTransaction(Database& db) : db_(db.sql()) {
    // Inside an enclosing transaction (an import or the demo running the
    // services) this one is a savepoint: its failure undoes its own writes
    // only, and the outer commit or rollback decides for the rest.
    if (sqlite3_get_autocommit(db_.getHandle()) == 0) {
        nested_ = true;
        guard_sql([&] { db_.exec(std::string("SAVEPOINT ") + kSavepoint); });
        return;
    }
    guard_sql([&] { db_.exec("BEGIN IMMEDIATE"); });
}

WriteTransaction::~WriteTransaction() {
    if (done_) return;
    try {
        if (nested_) {
            db_.exec(std::string("ROLLBACK TO ") + kSavepoint);
            db_.exec(std::string("RELEASE ") + kSavepoint);
        } else {
            db_.exec("ROLLBACK");
        }
    } catch (...) {
        // Nothing more can be done in a destructor; the file stays consistent.
    }
}

void WriteTransaction::commit() {
    if (nested_)
        guard_sql([&] { db_.exec(std::string("RELEASE ") + kSavepoint); });
    else
        guard_sql([&] { db_.exec("COMMIT"); });
    done_ = true;
}

}  // namespace sponsordesk

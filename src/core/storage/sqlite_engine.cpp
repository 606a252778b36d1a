// The SQLite engine: a SponsorDesk file through SQLiteCpp. What only SQLite
// has (PRAGMAs, the application id, BEGIN IMMEDIATE, the busy timeout) lives
// here and in schema.cpp, its migrations.
#include "sqlite_engine.h"

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/storage/database.h"
#include "sponsordesk/storage/schema.h"

namespace sponsordesk {
namespace fs = std::filesystem;

[[noreturn]] void rethrow_sqlite(const SQLite::Exception& se) {
    const int code = se.getErrorCode();
    if (code == SQLITE_CONSTRAINT)
        throw Conflict({ErrorCode::StorageFailure, "", {}},
                       fmt::format("the database refused the change: {}", se.what()));
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        throw StorageError({ErrorCode::Locked, "", {}},
                           fmt::format("the database file is locked by another program: {}", se.what()));
    if (code == SQLITE_FULL) throw StorageError({ErrorCode::DiskFull, "", {}}, "the disk is full: nothing was written");
    if (code == SQLITE_NOTADB)
        throw StorageError({ErrorCode::NotADatabase, "", {}}, "the file is not a SponsorDesk database");
    throw StorageError({ErrorCode::StorageFailure, "", {}}, fmt::format("storage error: {}", se.what()));
}

namespace {

template <class Fn>
auto typed(Fn&& fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const SQLite::Exception& e) {
        rethrow_sqlite(e);
    }
}

class SqliteCursor final : public sql::Cursor {
public:
    SqliteCursor(SQLite::Database& db, const std::string& text)
        : db_(db), q_(typed([&] { return SQLite::Statement(db, text); })) {}
    void bind_null(int i) override {
        typed([&] { q_.bind(i); });
    }
    void bind_int(int i, std::int64_t v) override {
        typed([&] { q_.bind(i, static_cast<int64_t>(v)); });
    }
    void bind_text(int i, std::string_view v) override {
        // SQLiteCpp's (const void*, int) overload binds a blob: text must stay text.
        typed([&] { q_.bind(i, std::string(v)); });
    }
    void bind_blob(int i, std::string_view v) override {
        typed([&] { q_.bind(i, v.data(), static_cast<int>(v.size())); });
    }
    int index_of(const char* name) override { return q_.getIndex(name); }
    bool step() override {
        return typed([&] { return q_.executeStep(); });
    }
    int run() override {
        return typed([&] { return q_.exec(); });
    }
    std::int64_t run_insert() override {
        return typed([&] {
            q_.exec();
            return static_cast<std::int64_t>(db_.getLastInsertRowid());
        });
    }
    void reset() override {
        typed([&] { q_.reset(); });
    }
    bool is_null(int c) override { return q_.getColumn(c).isNull(); }
    std::int64_t int64(int c) override { return q_.getColumn(c).getInt64(); }
    std::string_view text(int c) override {
        const SQLite::Column col = q_.getColumn(c);
        const char* t = col.getText();
        return {t, static_cast<size_t>(col.getBytes())};
    }
    std::string blob(int c) override {
        const SQLite::Column col = q_.getColumn(c);
        if (col.getBytes() == 0) return {};
        return std::string(static_cast<const char*>(col.getBlob()), static_cast<size_t>(col.getBytes()));
    }

    int column_count() override { return q_.getColumnCount(); }
    std::string column_name(int c) override { return q_.getColumnName(c); }
    sql::Type type(int c) override {
        switch (q_.getColumn(c).getType()) {
            case SQLITE_INTEGER:
                return sql::Type::Integer;
            case SQLITE_BLOB:
                return sql::Type::Blob;
            case SQLITE_NULL:
                return sql::Type::Null;
            default:
                return sql::Type::Text;
        }
    }

private:
    SQLite::Database& db_;
    SQLite::Statement q_;
};

class SqliteConnection final : public sql::Connection {
public:
    explicit SqliteConnection(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)) {}
    sql::Engine engine() const override { return sql::Engine::SQLite; }
    std::unique_ptr<sql::Cursor> prepare(const std::string& text) override {
        return std::make_unique<SqliteCursor>(*db_, text);
    }
    void execute(const std::string& text) override {
        typed([&] { db_->exec(text); });
    }
    bool in_transaction() override { return sqlite3_get_autocommit(db_->getHandle()) == 0; }
    // Immediate, so that two writers queue on the busy timeout instead of
    // failing later on a lock upgrade.
    void begin_write() override { execute("BEGIN IMMEDIATE"); }
    void begin_read() override { execute("BEGIN DEFERRED"); }
    void commit() override { execute("COMMIT"); }
    void rollback() override { execute("ROLLBACK"); }
    bool changed_elsewhere() override {
        const long long v = typed([&] { return db_->execAndGet("PRAGMA data_version").getInt64(); });
        const bool changed = data_version_ >= 0 && v != data_version_;
        data_version_ = v;
        return changed;
    }
    SQLite::Database& handle() { return *db_; }

private:
    std::unique_ptr<SQLite::Database> db_;
    long long data_version_ = -1;
};

}  // namespace

SQLite::Database& sqlite_handle(sql::Connection& conn) {
    auto* c = dynamic_cast<SqliteConnection*>(&conn);
    if (!c)
        throw StorageError({ErrorCode::StorageFailure, "", {}},
                           "this operation needs an SQLite file, not a database on a server");
    return c->handle();
}

std::unique_ptr<sql::Connection> open_sqlite(const std::string& path, int target) {
    const bool is_memory = path == ":memory:" || path.empty();
    if (!is_memory) {
        fs::path p(path);
        std::error_code ec;
        if (p.has_parent_path() && !fs::exists(p.parent_path(), ec)) {
            fs::create_directories(p.parent_path(), ec);
            if (ec)
                throw StorageError({ErrorCode::StorageFailure, "", {}},
                                   fmt::format("cannot create the folder {}: {}", quote_value(p.parent_path().string()),
                                               ec.message()));
        }
        if (fs::is_directory(p, ec))
            throw StorageError({ErrorCode::NotADatabase, "path", {{"path", path}}},
                               fmt::format("{} is a folder, not a database file", quote_value(path)));
    }
    try {
        auto db = std::make_unique<SQLite::Database>(
            path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX);
        // Wait this long for another program's write to finish (a GUI and a
        // cron job sharing the file) before giving up with a storage error.
        int busy_ms = 5000;
        if (const char* env = std::getenv("SPONSORDESK_BUSY_TIMEOUT_MS"); env && *env) busy_ms = std::atoi(env);
        db->setBusyTimeout(busy_ms);

        // Read-only checks first: a foreign or newer file must stay untouched.
        int app_id = 0, version = 0;
        bool has_tables = false;
        try {
            app_id = db->execAndGet("PRAGMA application_id").getInt();
            version = db->execAndGet("PRAGMA user_version").getInt();
            has_tables = db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0;
        } catch (const SQLite::Exception& e) {
            if (e.getErrorCode() == SQLITE_NOTADB || e.getErrorCode() == SQLITE_CORRUPT)
                throw StorageError(
                    {ErrorCode::StorageFailure, "", {}},
                    fmt::format("{} is not a SponsorDesk database (not an SQLite file)", quote_value(path)));
            throw;
        }
        if (app_id != Database::kApplicationId && (app_id != 0 || has_tables))
            throw StorageError(
                {ErrorCode::StorageFailure, "", {}},
                fmt::format("{} is not a SponsorDesk database (it belongs to another program)", quote_value(path)));
        if (version > schema::latest_version())
            throw StorageError(
                {ErrorCode::StorageFailure, "", {}},
                fmt::format("{} was written by a newer SponsorDesk (schema {}, this program knows up to {}); "
                            "it was left untouched: upgrade SponsorDesk to open it",
                            quote_value(path), version, schema::latest_version()));

        if (!is_memory) db->exec("PRAGMA journal_mode=WAL");
        db->exec("PRAGMA foreign_keys=ON");
        db->exec("PRAGMA synchronous=NORMAL");

        if (version < target) {
            db->exec("BEGIN IMMEDIATE");
            try {
                // Re-read under the write lock: another process may have migrated.
                version = db->execAndGet("PRAGMA user_version").getInt();
                if (version < target) {
                    schema::migrate(*db, version, target);
                    db->exec(fmt::format("PRAGMA application_id={}", Database::kApplicationId));
                    db->exec(fmt::format("PRAGMA user_version={}", target));
                }
                db->exec("COMMIT");
            } catch (...) {
                try {
                    db->exec("ROLLBACK");
                } catch (...) {
                }
                throw;
            }
        }
        return std::make_unique<SqliteConnection>(std::move(db));
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_CANTOPEN)
            throw StorageError({ErrorCode::StorageFailure, "path", {{"path", path}}},
                               fmt::format("cannot open the database file {}", quote_value(path)));
        rethrow_sqlite(e);
    }
}

int sqlite_schema_version(sql::Connection& conn) {
    return typed([&] { return sqlite_handle(conn).execAndGet("PRAGMA user_version").getInt(); });
}

}  // namespace sponsordesk

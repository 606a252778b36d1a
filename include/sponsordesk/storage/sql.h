#pragma once
// The storage's one door to a database engine. Repositories write portable
// SQL (standard SQL, `?` or `:name` parameters, RETURNING-free inserts via
// Statement::insert) against this interface; src/core/storage/sqlite_engine.cpp
// and pg_engine.cpp hold everything that differs between SQLite and
// PostgreSQL. Engine failures arrive here already translated into the core's
// typed errors (errors.h).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace sponsordesk::sql {

enum class Engine { SQLite, PostgreSQL };
enum class Type { Null, Integer, Text, Blob };  // of a value read

// One prepared statement of an engine.
class Cursor {
public:
    virtual ~Cursor() = default;
    virtual void bind_null(int index) = 0;
    virtual void bind_int(int index, std::int64_t value) = 0;
    virtual void bind_text(int index, std::string_view value) = 0;
    virtual void bind_blob(int index, std::string_view bytes) = 0;
    virtual int index_of(const char* name) = 0;  // 0 when the statement has no such parameter
    virtual bool step() = 0;                     // true while there is a row
    virtual int run() = 0;                       // executes; rows changed
    virtual std::int64_t run_insert() = 0;       // executes an INSERT; the new row's id
    virtual void reset() = 0;                    // ready to run again, bindings kept
    virtual bool is_null(int column) = 0;
    virtual std::int64_t int64(int column) = 0;
    virtual std::string_view text(int column) = 0;  // valid until the next step
    virtual std::string blob(int column) = 0;
    virtual int column_count() = 0;
    virtual std::string column_name(int column) = 0;
    virtual Type type(int column) = 0;  // of the current row's value
};

// One open connection of an engine.
class Connection {
public:
    virtual ~Connection() = default;
    virtual Engine engine() const = 0;
    virtual std::unique_ptr<Cursor> prepare(const std::string& sql) = 0;
    // Runs statements without parameters (several, separated by ';').
    virtual void execute(const std::string& sql) = 0;
    virtual bool in_transaction() = 0;
    // Opens the outermost write transaction: writers queue one behind the
    // other (SQLite's BEGIN IMMEDIATE; a transaction-scoped advisory lock on
    // PostgreSQL), so that a rule read before a write still holds at commit.
    virtual void begin_write() = 0;
    // A read transaction: one consistent snapshot for a long report.
    virtual void begin_read() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    // True when another program or user committed a change since the last
    // call (SQLite: PRAGMA data_version; PostgreSQL: LISTEN sponsordesk).
    virtual bool changed_elsewhere() = 0;
};

// One column of the current row.
class Value {
public:
    Value(Cursor& c, int column) : c_(c), column_(column) {}
    bool isNull() const { return c_.is_null(column_); }
    std::int64_t getInt64() const { return c_.int64(column_); }
    int getInt() const { return static_cast<int>(c_.int64(column_)); }
    std::string getString() const { return std::string(c_.text(column_)); }
    std::string_view text() const { return c_.text(column_); }
    std::string blob() const { return c_.blob(column_); }
    sql::Type type() const { return c_.type(column_); }

private:
    Cursor& c_;
    int column_;
};

// A statement: bind by 1-based index or by ":name", step through rows.
class Statement {
public:
    Statement(Connection& conn, const std::string& sql) : c_(conn.prepare(sql)) {}

    void bind(int i) { c_->bind_null(i); }
    void bind(int i, std::int64_t v) { c_->bind_int(i, v); }
    void bind(int i, int v) { c_->bind_int(i, v); }
    void bind(int i, const std::string& v) { c_->bind_text(i, v); }
    void bind(int i, const char* v) { c_->bind_text(i, v); }
    void bind_blob(int i, std::string_view bytes) { c_->bind_blob(i, bytes); }
    template <class T>
    void bind(const char* name, const T& v) {
        bind(index_of(name), v);
    }
    int index_of(const char* name) { return c_->index_of(name); }
    int getIndex(const char* name) { return c_->index_of(name); }

    bool executeStep() { return c_->step(); }
    int exec() { return c_->run(); }
    std::int64_t insert() { return c_->run_insert(); }
    void reset() { c_->reset(); }
    Value getColumn(int i) { return Value(*c_, i); }
    int column_count() { return c_->column_count(); }
    std::string column_name(int i) { return c_->column_name(i); }

private:
    std::unique_ptr<Cursor> c_;
};

}  // namespace sponsordesk::sql

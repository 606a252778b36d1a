// The PostgreSQL engine through libpqxx 6.4. The repositories' SQL arrives
// with `?` and `:name` parameters; here they become $1…$n, typed by what
// was bound (bigint, bytea, or left to the server for text and NULL).
// Results are read as text; PostgreSQL's booleans (a comparison in a select
// list) read as 1 and 0, as SQLite gives them. Failures become the core's
// typed errors: a refused privilege is NotPermitted (exit 6), a broken
// connection ConnectionLost (exit 5).
#include "pg_engine.h"

#include <libpq-fe.h>

#include <charconv>
#include <map>
#include <optional>
#include <regex>
#include <vector>

#include <fmt/format.h>
#include <libpq-fe.h>
#include <pqxx/pqxx>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {
namespace {

// The first line of a server message, without libpq's "ERROR:  ".
std::string primary_message(const std::string& what) {
    std::string s = what.substr(0, what.find('\n'));
    for (const char* prefix : {"ERROR:  ", "FATAL:  "})
        if (s.rfind(prefix, 0) == 0) s = s.substr(std::string(prefix).size());
    return s;
}

// The SQL cut at its parameters: text[i] comes before parameter slot[i].
struct Parsed {
    std::vector<std::string> text;  // slots.size() + 1 pieces
    std::vector<int> slots;         // 1-based parameter number of each slot
    std::map<std::string, int> names;
    int count = 0;
};

Parsed parse_parameters(const std::string& sql) {
    Parsed p;
    std::string cur;
    for (size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {  // a literal or quoted name: copied whole
            const size_t end = sql.find(c, i + 1);
            const size_t stop = end == std::string::npos ? sql.size() : end + 1;
            cur.append(sql, i, stop - i);
            i = stop - 1;
            continue;
        }
        if (c == '?') {
            p.text.push_back(std::move(cur));
            cur.clear();
            p.slots.push_back(++p.count);
            continue;
        }
        const bool name_start =
            i + 1 < sql.size() && (std::isalpha(static_cast<unsigned char>(sql[i + 1])) || sql[i + 1] == '_');
        if (c == ':' && name_start && (i == 0 || sql[i - 1] != ':')) {
            size_t j = i + 1;
            while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_')) ++j;
            const std::string name = sql.substr(i, j - i);
            auto [it, fresh] = p.names.emplace(name, p.count + 1);
            if (fresh) ++p.count;
            p.text.push_back(std::move(cur));
            cur.clear();
            p.slots.push_back(it->second);
            i = j - 1;
            continue;
        }
        cur += c;
    }
    p.text.push_back(std::move(cur));
    return p;
}

std::string hex_bytes(std::string_view bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out = "\\x";
    out.reserve(2 + bytes.size() * 2);
    for (unsigned char b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

}  // namespace

class PgConnection final : public sql::Connection {
public:
    explicit PgConnection(const std::string& uri) : conn_(uri) {
        server_ = conn_.dbname();
        const std::string host = conn_.hostname() ? conn_.hostname() : "";
        const std::string port = conn_.port() ? conn_.port() : "";
        server_ = fmt::format("{}{}/{}", host.empty() ? "localhost" : host,
                              port.empty() || port == "5432" ? "" : ":" + port, conn_.dbname());
        user_ = conn_.username();
        role();  // read now: inside a refused write's transaction it cannot be asked
    }
    sql::Engine engine() const override { return sql::Engine::PostgreSQL; }
    std::unique_ptr<sql::Cursor> prepare(const std::string& text) override;
    void execute(const std::string& text) override {
        typed([&] {
            pqxx::nontransaction t(conn_);
            t.exec(text);
        });
    }
    bool in_transaction() override { return in_tx_; }
    void begin_write() override {
        // One writer at a time, as on an SQLite file: a rule read before the
        // write (a free slot, a competitor, the next invoice number) still
        // holds at commit, and no two writers can deadlock on each other.
        // The role is read first: a refusal names it, and an aborted
        // transaction could no longer read it.
        role();
        execute("BEGIN");
        in_tx_ = true;
        try {
            execute("SELECT pg_advisory_xact_lock(1397769299)");
        } catch (...) {
            rollback_quietly();
            throw;
        }
    }
    void begin_read() override {
        execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
        in_tx_ = true;
    }
    void rollback_quietly() {
        in_tx_ = false;
        try {
            pqxx::nontransaction t(conn_);
            t.exec("ROLLBACK");
        } catch (...) {
        }
    }
    void commit() override {
        // Views of other sessions refresh on this (LISTEN sponsordesk):
        // delivered at commit, dropped with a rollback.
        execute("SELECT pg_notify('sponsordesk', '')");
        in_tx_ = false;
        execute("COMMIT");
    }
    void rollback() override {
        in_tx_ = false;
        execute("ROLLBACK");
    }

    pqxx::result run(const std::string& text, const std::vector<const char*>& params) {
        return typed([&] {
            pqxx::nontransaction t(conn_);
            return t.exec_params(text, pqxx::prepare::make_dynamic_params(params));
        });
    }

    template <class Fn>
    auto typed(Fn&& fn) -> decltype(fn()) {
        try {
            return fn();
        } catch (const pqxx::broken_connection&) {
            throw StorageError(
                {ErrorCode::ConnectionLost, "", {{"server", server_}}},
                fmt::format("lost the connection to the server {}: the unfinished change was not kept", server_));
        } catch (const pqxx::insufficient_privilege& e) {
            // libpqxx 6.4 leaves sqlstate() empty for exec_params: the
            // exception's class is what tells the SQLSTATE.
            const std::string msg = primary_message(e.what());
            throw NotPermitted({ErrorCode::NotPermitted, "", {{"role", role()}, {"reason", msg}}},
                               fmt::format("not permitted for the role {}: {}", role(), msg));
        } catch (const pqxx::integrity_constraint_violation& e) {
            const std::string msg = primary_message(e.what());
            throw Conflict({ErrorCode::StorageFailure, "", {{"reason", msg}}},
                           fmt::format("the database refused the change: {}", msg));
        } catch (const pqxx::plpgsql_raise& e) {
            const std::string msg = primary_message(e.what());
            throw Conflict({ErrorCode::StorageFailure, "", {{"reason", msg}}},
                           fmt::format("the database refused the change: {}", msg));
        } catch (const pqxx::serialization_failure& e) {
            // A serialization failure or a deadlock: nothing was kept; the
            // front end runs the write again. (A statement whose completion
            // is unknown may have committed: it is not retried.)
            throw StorageError(
                {ErrorCode::Locked, "", {{"server", server_}}},
                fmt::format("a concurrent change on {} won the race: {}", server_, primary_message(e.what())));
        } catch (const pqxx::deadlock_detected& e) {
            throw StorageError(
                {ErrorCode::Locked, "", {{"server", server_}}},
                fmt::format("a concurrent change on {} won the race: {}", server_, primary_message(e.what())));
        } catch (const pqxx::disk_full&) {
            throw StorageError({ErrorCode::DiskFull, "", {}}, "the server's disk is full: nothing was written");
        } catch (const pqxx::sql_error& e) {
            const std::string msg = primary_message(e.what());
            throw StorageError({ErrorCode::StorageFailure, "", {{"reason", msg}}},
                               fmt::format("storage error on {}: {}", server_, msg));
        } catch (const pqxx::failure& e) {
            if (!conn_.is_open())
                throw StorageError(
                    {ErrorCode::ConnectionLost, "", {{"server", server_}}},
                    fmt::format("lost the connection to the server {}: the unfinished change was not kept", server_));
            throw StorageError({ErrorCode::StorageFailure, "", {{"reason", primary_message(e.what())}}},
                               fmt::format("storage error on {}: {}", server_, primary_message(e.what())));
        }
    }

    const std::string& server() const { return server_; }
    const std::string& user() const { return user_; }
    // The user's SponsorDesk role (sponsordesk_role(), which db init
    // creates), read once.
    const std::string& role() {
        static const std::string unknown;
        if (!role_ && !in_tx_) {
            try {
                pqxx::nontransaction t(conn_);
                auto r = t.exec("SELECT sponsordesk_role()");
                role_ = r.empty() || r[0][0].is_null() ? std::string() : std::string(r[0][0].c_str());
            } catch (const std::exception&) {
                // Before db init there is no role to name.
            }
        }
        return role_ ? *role_ : unknown;
    }

    bool changed_elsewhere() override {
        if (!listener_) listener_ = std::make_unique<Listener>(*this);
        typed([&] { conn_.get_notifs(); });
        const bool changed = listener_->changed;
        listener_->changed = false;
        return changed;
    }

private:
    struct Listener final : pqxx::notification_receiver {
        explicit Listener(PgConnection& owner)
            : pqxx::notification_receiver(owner.conn_, "sponsordesk"), self(owner.conn_.backendpid()) {}
        void operator()(const std::string&, int backend_pid) override {
            if (backend_pid != self) changed = true;
        }
        int self;
        bool changed = false;
    };

    pqxx::connection conn_;
    std::string server_;
    std::string user_;
    std::optional<std::string> role_;
    std::unique_ptr<Listener> listener_;
    bool in_tx_ = false;
};

namespace {

class PgCursor final : public sql::Cursor {
public:
    PgCursor(PgConnection& conn, const std::string& sql) : conn_(conn), parsed_(parse_parameters(sql)) {
        values_.resize(static_cast<size_t>(parsed_.count));
        kinds_.resize(static_cast<size_t>(parsed_.count), Kind::Null);
    }
    void bind_null(int i) override { set(i, std::nullopt, Kind::Null); }
    void bind_int(int i, std::int64_t v) override { set(i, std::to_string(v), Kind::Int); }
    void bind_text(int i, std::string_view v) override { set(i, std::string(v), Kind::Text); }
    void bind_blob(int i, std::string_view v) override { set(i, hex_bytes(v), Kind::Blob); }
    int index_of(const char* name) override {
        auto it = parsed_.names.find(name);
        return it == parsed_.names.end() ? 0 : it->second;
    }
    bool step() override {
        if (!result_) step_once();
        if (started_) ++row_;
        started_ = true;
        return row_ < result_->size();
    }
    int run() override { return static_cast<int>(execute("").affected_rows()); }
    std::int64_t run_insert() override {
        auto r = execute(" RETURNING id");
        return r.at(0).at(0).as<std::int64_t>();
    }
    void reset() override {
        result_.reset();
        started_ = false;
    }
    bool is_null(int c) override { return field(c).is_null(); }
    std::int64_t int64(int c) override {
        const pqxx::field f = field(c);
        if (f.is_null()) return 0;
        const char* s = f.c_str();
        if (s[0] == 't' && s[1] == 0) return 1;
        if (s[0] == 'f' && s[1] == 0) return 0;
        std::int64_t v = 0;
        const char* end = s + f.size();
        auto [p, ec] = std::from_chars(s, end, v);
        if (ec != std::errc() || (p != end && *p != '.'))
            throw StorageError({ErrorCode::StorageFailure, "", {}},
                               fmt::format("storage error: {} is not a whole number", quote_value(s)));
        return v;
    }
    std::string_view text(int c) override {
        const pqxx::field f = field(c);
        if (f.is_null()) return {};
        return {f.c_str(), f.size()};
    }
    std::string blob(int c) override {
        const pqxx::field f = field(c);
        if (f.is_null()) return {};
        return pqxx::binarystring(f).str();
    }

    int column_count() override {
        if (!result_) step_once();
        return static_cast<int>(result_->columns());
    }
    std::string column_name(int c) override {
        if (!result_) step_once();
        return result_->column_name(static_cast<pqxx::row::size_type>(c));
    }
    sql::Type type(int c) override {
        const pqxx::field f = field(c);
        if (f.is_null()) return sql::Type::Null;
        switch (f.type()) {
            case 16:    // bool
            case 20:    // int8
            case 21:    // int2
            case 23:    // int4
            case 1700:  // numeric (a sum)
                return sql::Type::Integer;
            case 17:  // bytea
                return sql::Type::Blob;
            default:
                return sql::Type::Text;
        }
    }

private:
    enum class Kind { Null, Int, Text, Blob };
    void step_once() {
        result_ = execute("");
        row_ = 0;
    }
    void set(int i, std::optional<std::string> v, Kind k) {
        if (i < 1 || i > parsed_.count)
            throw StorageError({ErrorCode::StorageFailure, "", {}},
                               fmt::format("storage error: no parameter {} in the statement", i));
        values_[static_cast<size_t>(i - 1)] = std::move(v);
        kinds_[static_cast<size_t>(i - 1)] = k;
    }
    pqxx::field field(int c) {
        if (!result_ || row_ >= result_->size())
            throw StorageError({ErrorCode::StorageFailure, "", {}}, "storage error: no row to read");
        return (*result_)[static_cast<pqxx::result::size_type>(row_)][c];
    }
    pqxx::result execute(const char* suffix) {
        std::string sql = parsed_.text[0];
        for (size_t k = 0; k < parsed_.slots.size(); ++k) {
            const int n = parsed_.slots[k];
            sql += '$';
            sql += std::to_string(n);
            switch (kinds_[static_cast<size_t>(n - 1)]) {
                case Kind::Int:
                    sql += "::bigint";
                    break;
                case Kind::Blob:
                    sql += "::bytea";
                    break;
                default:
                    break;
            }
            sql += parsed_.text[k + 1];
        }
        sql += suffix;
        std::vector<const char*> params;
        params.reserve(values_.size());
        for (auto& v : values_) params.push_back(v ? v->c_str() : nullptr);
        return conn_.run(sql, params);
    }

    PgConnection& conn_;
    Parsed parsed_;
    std::vector<std::optional<std::string>> values_;
    std::vector<Kind> kinds_;
    std::optional<pqxx::result> result_;
    size_t row_ = 0;
    bool started_ = false;
};

}  // namespace

std::unique_ptr<sql::Cursor> PgConnection::prepare(const std::string& text) {
    // The repositories write `a CROSS JOIN b ON …` to pin SQLite's join
    // order (the outer table's index order); PostgreSQL plans joins itself
    // and knows the phrase only without ON.
    std::string sql = text;
    for (size_t at = sql.find("CROSS JOIN "); at != std::string::npos; at = sql.find("CROSS JOIN ", at))
        sql.erase(at, 6);
    return std::make_unique<PgCursor>(*this, sql);
}

PgConnection& pg(sql::Connection& conn) {
    auto* c = dynamic_cast<PgConnection*>(&conn);
    if (!c)
        throw StorageError({ErrorCode::ServerOnly, "", {}},
                           "this needs a SponsorDesk database on a PostgreSQL server, not a file");
    return *c;
}

std::string pg_server_name(sql::Connection& conn) { return pg(conn).server(); }
std::string pg_user(sql::Connection& conn) { return pg(conn).user(); }
bool pg_changed_elsewhere(sql::Connection& conn) { return pg(conn).changed_elsewhere(); }

void pg_migrate(sql::Connection&, int from, int to) {
    constexpr int kFirst = 7;  // the version db init creates
    if (from < kFirst || to > kFirst)
        throw StorageError({ErrorCode::StorageFailure, "", {}},
                           fmt::format("storage error: no server schema step from version {} to {}", from, to));
}

namespace {

// libpq's reason without the URI's password: a URI libpq cannot read is
// quoted back in part (a bad percent-encoding, an unclosed bracket), and
// that part may be the password.
std::string without_secret(std::string reason, const std::string& uri) {
    static const std::regex userinfo(R"(^postgres(?:ql)?://[^:@/?]*:([^@/?]*)@)");
    static const std::regex param(R"([?&]password=([^&]*))");
    while (!reason.empty() && (reason.back() == ' ' || reason.back() == '\n')) reason.pop_back();
    for (const std::regex* re : {&userinfo, &param}) {
        std::smatch m;
        if (!std::regex_search(uri, m, *re) || m[1].length() == 0) continue;
        const std::string secret = m[1].str();
        for (size_t at; (at = reason.find(secret)) != std::string::npos;) reason.replace(at, secret.size(), "***");
    }
    return reason;
}

}  // namespace

std::unique_ptr<sql::Connection> open_postgres(const std::string& uri) {
    // A URI libpq cannot read is invalid input (exit 1), not an unreachable server.
    char* parse_error = nullptr;
    if (PQconninfoOption* options = PQconninfoParse(uri.c_str(), &parse_error)) {
        PQconninfoFree(options);
    } else {
        const std::string reason = without_secret(parse_error ? parse_error : "out of memory", uri);
        if (parse_error) PQfreemem(parse_error);
        const std::string shown = Database::without_password(uri);
        throw InvalidInput({ErrorCode::InvalidFormat, "db", {{"value", shown}}},
                           fmt::format("{} is not a valid PostgreSQL URI: {}", quote_value(shown), reason));
    }
    try {
        return std::make_unique<PgConnection>(uri);
    } catch (const std::exception& e) {
        // libpq's reason names host and user, never the password.
        const std::string reason = without_secret(primary_message(e.what()), uri);
        throw StorageError({ErrorCode::ServerUnreachable, "", {{"reason", reason}}},
                           fmt::format("cannot connect to the database server: {}", reason));
    }
}

}  // namespace sponsordesk

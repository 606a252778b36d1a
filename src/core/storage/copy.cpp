// db copy and backup from a server: every table read in id order and
// written with the same ids. Issued invoices arrive as drafts, receive
// their lines, then take their status (and the legacy flag of pre-2026
// invoices): the immutability triggers of both engines stay on and still
// accept the copy.
#include "sponsordesk/storage/copy.h"

#include <fmt/format.h>

#include "pg_engine.h"
#include "sponsordesk/domain/errors.h"

namespace sponsordesk {

const std::vector<std::string>& copied_tables() {
    static const std::vector<std::string> tables = {
        "publisher", "publication",      "placement",        "house_ad",   "issue",        "draft_revision",
        "sponsor",   "contact",          "booking",          "invoice",    "invoice_line", "payment",
        "refund",    "invoice_sequence", "invoice_original", "link_click", "activity"};
    return tables;
}

namespace {

std::string order_of(const std::string& table) {
    if (table == "house_ad") return "placement_id";
    if (table == "invoice_sequence") return "kind, year";
    if (table == "invoice_original") return "invoice_id";
    return "id";
}

std::int64_t count(Database& db, const std::string& table) {
    sql::Statement q(db.connection(), "SELECT count(*) FROM " + table);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

// True when `db` holds nothing but the publisher row a new database has.
bool holds_data(Database& db) {
    for (const auto& t : copied_tables())
        if (t != "publisher" && count(db, t) > 0) return true;
    sql::Statement q(db.connection(), "SELECT name, siren, iban FROM publisher WHERE id = 1");
    return q.executeStep() &&
           (!q.getColumn(0).text().empty() || !q.getColumn(1).text().empty() || !q.getColumn(2).text().empty());
}

void bind_value(sql::Statement& w, int index, sql::Statement& r, int column) {
    sql::Value v = r.getColumn(column);
    switch (v.type()) {
        case sql::Type::Null:
            w.bind(index);
            break;
        case sql::Type::Integer:
            w.bind(index, v.getInt64());
            break;
        case sql::Type::Blob:
            w.bind_blob(index, v.blob());
            break;
        case sql::Type::Text:
            w.bind(index, v.getString());
            break;
    }
}

// Writes rows of `table` as the source's rows come: an INSERT with the
// source's columns (for the publisher's one row, an UPDATE of it).
struct RowWriter {
    std::unique_ptr<sql::Statement> w;
    std::vector<std::string> names;
    int status_col = -1, legacy_col = -1;

    void write(Database& to, const std::string& table, sql::Statement& r) {
        if (!w) {
            const int n = r.column_count();
            std::string cols, marks, set;
            for (int i = 0; i < n; ++i) {
                names.push_back(r.column_name(i));
                if (names[i] == "status") status_col = i;
                if (names[i] == "legacy") legacy_col = i;
                cols += (i ? ", " : "") + names[i];
                marks += i ? ", ?" : "?";
                if (names[i] != "id") set += (set.empty() ? "" : ", ") + names[i] + " = ?";
            }
            w = std::make_unique<sql::Statement>(
                to.connection(), table == "publisher"
                                     ? "UPDATE publisher SET " + set + " WHERE id = 1"
                                     : fmt::format("INSERT INTO {} ({}) VALUES ({})", table, cols, marks));
        }
        w->reset();
        int index = 1;
        for (int i = 0; i < static_cast<int>(names.size()); ++i) {
            if (table == "publisher" && names[i] == "id") continue;
            if (table == "invoice" && i == status_col)
                w->bind(index++, "draft");
            else if (table == "invoice" && i == legacy_col)
                w->bind(index++, 0);
            else
                bind_value(*w, index++, r, i);
        }
        w->exec();
    }
};

void copy_table(Database& from, Database& to, const std::string& table) {
    if (table == "invoice_line") return;  // with their invoice, below
    sql::Statement r(from.connection(), fmt::format("SELECT * FROM {} ORDER BY {}", table, order_of(table)));
    RowWriter rows;
    if (table != "invoice") {
        while (r.executeStep()) rows.write(to, table, r);
        return;
    }
    // Each invoice arrives as a draft, receives its lines, then takes its
    // status and legacy flag, before the next one: a booking invoiced again
    // after a cancellation meets its first invoice already cancelled.
    RowWriter lines;
    sql::Statement l(from.connection(), "SELECT * FROM invoice_line WHERE invoice_id = ? ORDER BY id");
    sql::Statement u(to.connection(), "UPDATE invoice SET legacy = ?, status = ? WHERE id = ?");
    while (r.executeStep()) {
        rows.write(to, table, r);
        const std::int64_t id = r.getColumn(0).getInt64();
        l.reset();
        l.bind(1, id);
        while (l.executeStep()) lines.write(to, "invoice_line", l);
        const std::string status = r.getColumn(rows.status_col).getString();
        const std::int64_t legacy = r.getColumn(rows.legacy_col).getInt64();
        if (status == "draft" && legacy == 0) continue;
        u.reset();
        u.bind(1, legacy);
        u.bind(2, status);
        u.bind(3, id);
        u.exec();
    }
}

}  // namespace

TableCounts count_rows(Database& db) {
    TableCounts out;
    for (const auto& t : copied_tables()) out.emplace_back(t, count(db, t));
    return out;
}

TableCounts copy_database(Database& from, Database& to) {
    if (holds_data(to))
        throw Conflict({ErrorCode::TargetNotEmpty, "target", {{"target", to.path()}}},
                       fmt::format("the target {} already holds data: db copy writes into an empty database only",
                                   quote_value(to.path())));
    sql::Connection& src = from.connection();
    const bool snapshot = !src.in_transaction();
    if (snapshot) src.begin_read();
    try {
        WriteTransaction tx(to);
        if (to.on_server()) to.connection().execute("SET LOCAL sponsordesk.copying = 'on'");
        for (const auto& t : copied_tables()) copy_table(from, to, t);
        if (to.on_server()) {
            // The identity sequences continue after the copied ids.
            for (const auto& t : copied_tables()) {
                if (order_of(t) != "id" || t == "publisher") continue;
                to.connection().execute(fmt::format(
                    "SELECT setval(pg_get_serial_sequence('{0}', 'id'), coalesce((SELECT max(id) FROM {0}), 0) + 1, "
                    "false)",
                    t));
            }
        }
        TableCounts source = count_rows(from);
        TableCounts target = count_rows(to);
        for (size_t i = 0; i < source.size(); ++i)
            if (source[i].second != target[i].second)
                throw StorageError({ErrorCode::StorageFailure, "", {{"table", source[i].first}}},
                                   fmt::format("db copy: table {} has {} rows in the source but {} in the target; "
                                               "nothing was written",
                                               source[i].first, source[i].second, target[i].second));
        tx.commit();
        if (snapshot) src.commit();
        return source;
    } catch (...) {
        if (snapshot) {
            try {
                src.rollback();
            } catch (...) {
            }
        }
        throw;
    }
}

}  // namespace sponsordesk

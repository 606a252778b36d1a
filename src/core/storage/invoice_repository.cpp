#include "sponsordesk/storage/invoice_repository.h"

#include "sponsordesk/storage/sql.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {

constexpr const char* kInvoiceColumns =
    "inv.id, inv.kind, inv.sponsor_id, inv.number, inv.status, inv.issue_date, inv.due_date, inv.currency, "
    "inv.language, inv.credited_invoice_id, inv.seller, inv.buyer, inv.vat_mention, inv.payment_terms_days, "
    "inv.net, inv.vat, inv.gross, inv.created_at, inv.order_reference, inv.buyer_reference, inv.eur_rate_micro, "
    "inv.legacy";
constexpr int kInvoiceColumnCount = 22;

std::optional<Date> opt_date(const sql::Value& c) {
    if (c.isNull()) return std::nullopt;
    return Date::parse(c.getString());
}

Invoice read_invoice(sql::Statement& q) {
    Invoice inv;
    inv.id = q.getColumn(0).getInt64();
    inv.kind = q.getColumn(1).getString() == "credit_note" ? InvoiceKind::CreditNote : InvoiceKind::Invoice;
    inv.sponsor_id = q.getColumn(2).getInt64();
    if (!q.getColumn(3).isNull()) inv.number = q.getColumn(3).getString();
    inv.status = invoice_status_from_stored(q.getColumn(4).getString());
    inv.issue_date = opt_date(q.getColumn(5));
    inv.due_date = opt_date(q.getColumn(6));
    inv.currency = q.getColumn(7).getString();
    inv.language = q.getColumn(8).getString();
    if (!q.getColumn(9).isNull()) inv.credited_invoice_id = q.getColumn(9).getInt64();
    inv.seller = q.getColumn(10).getString();
    inv.buyer = q.getColumn(11).getString();
    inv.vat_mention = q.getColumn(12).getString();
    inv.payment_terms_days = q.getColumn(13).getInt();
    inv.net = q.getColumn(14).getInt64();
    inv.vat = q.getColumn(15).getInt64();
    inv.gross = q.getColumn(16).getInt64();
    inv.created_at = q.getColumn(17).getString();
    inv.order_reference = q.getColumn(18).getString();
    inv.buyer_reference = q.getColumn(19).getString();
    if (!q.getColumn(20).isNull()) inv.eur_rate_micro = q.getColumn(20).getInt64();
    inv.legacy = q.getColumn(21).getInt() != 0;
    return inv;
}

std::string row_select() {
    return fmt::format(
        "SELECT {}, s.name, "
        "  (SELECT coalesce(sum(p.amount), 0) FROM payment p WHERE p.invoice_id = inv.id), "
        "  c.number, c.issue_date, "
        "  (SELECT cn.number FROM invoice cn WHERE cn.credited_invoice_id = inv.id AND cn.kind = 'credit_note' "
        "    ORDER BY cn.id LIMIT 1) "
        "FROM invoice inv JOIN sponsor s ON s.id = inv.sponsor_id "
        "LEFT JOIN invoice c ON c.id = inv.credited_invoice_id ",
        kInvoiceColumns);
}

InvoiceRow read_row(sql::Statement& q) {
    InvoiceRow r;
    r.invoice = read_invoice(q);
    const int c = kInvoiceColumnCount;
    r.sponsor_name = q.getColumn(c).getString();
    r.paid = q.getColumn(c + 1).getInt64();
    if (!q.getColumn(c + 2).isNull()) r.credited_number = q.getColumn(c + 2).getString();
    r.credited_date = opt_date(q.getColumn(c + 3));
    if (!q.getColumn(c + 4).isNull()) r.credit_note_number = q.getColumn(c + 4).getString();
    return r;
}

}  // namespace

std::string to_string(InvoiceStatus s) {
    switch (s) {
        case InvoiceStatus::Draft:
            return "draft";
        case InvoiceStatus::Issued:
            return "issued";
        case InvoiceStatus::Paid:
            return "paid";
        case InvoiceStatus::Cancelled:
            return "cancelled";
    }
    return "draft";
}

InvoiceStatus invoice_status_from_stored(const std::string& s) {
    if (s == "draft") return InvoiceStatus::Draft;
    if (s == "issued") return InvoiceStatus::Issued;
    if (s == "paid") return InvoiceStatus::Paid;
    if (s == "cancelled") return InvoiceStatus::Cancelled;
    throw StorageError({ErrorCode::StorageFailure, "", {}},
                       fmt::format("unknown invoice status {} in the database", quote_value(s)));
}

std::string to_string(InvoiceKind k) { return k == InvoiceKind::CreditNote ? "credit_note" : "invoice"; }

Id InvoiceRepository::insert(const Invoice& inv) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "INSERT INTO invoice (kind, sponsor_id, status, currency, language, credited_invoice_id, "
                         "vat_mention, payment_terms_days, net, vat, gross, order_reference, buyer_reference) "
                         "VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, to_string(inv.kind));
        q.bind(2, static_cast<int64_t>(inv.sponsor_id));
        q.bind(3, inv.currency);
        q.bind(4, inv.language);
        if (inv.credited_invoice_id)
            q.bind(5, static_cast<int64_t>(*inv.credited_invoice_id));
        else
            q.bind(5);
        q.bind(6, inv.vat_mention);
        q.bind(7, inv.payment_terms_days);
        q.bind(8, static_cast<int64_t>(inv.net));
        q.bind(9, static_cast<int64_t>(inv.vat));
        q.bind(10, static_cast<int64_t>(inv.gross));
        q.bind(11, inv.order_reference);
        q.bind(12, inv.buyer_reference);
        return static_cast<Id>(q.insert());
    });
}

Id InvoiceRepository::insert_line(const InvoiceLine& l) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "INSERT INTO invoice_line (invoice_id, booking_id, position, description, service_date, "
                         "quantity, unit_net, net, vat_rate, vat_category, vat, gross, list_unit) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, static_cast<int64_t>(l.invoice_id));
        if (l.booking_id)
            q.bind(2, static_cast<int64_t>(*l.booking_id));
        else
            q.bind(2);
        q.bind(3, l.position);
        q.bind(4, l.description);
        q.bind(5, l.service_date.iso());
        q.bind(6, l.quantity);
        q.bind(7, static_cast<int64_t>(l.unit_net));
        q.bind(8, static_cast<int64_t>(l.net));
        q.bind(9, static_cast<int>(l.vat_rate));
        q.bind(10, l.vat_category);
        q.bind(11, static_cast<int64_t>(l.vat));
        q.bind(12, static_cast<int64_t>(l.gross));
        q.bind(13, static_cast<int64_t>(l.list_unit));
        return static_cast<Id>(q.insert());
    });
}

void InvoiceRepository::update_line_vat(Id line_id, RateBp rate, const std::string& category, Minor vat, Minor gross) {
    guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "UPDATE invoice_line SET vat_rate = ?, vat_category = ?, vat = ?, gross = ? WHERE id = ?");
        q.bind(1, static_cast<int>(rate));
        q.bind(2, category);
        q.bind(3, static_cast<int64_t>(vat));
        q.bind(4, static_cast<int64_t>(gross));
        q.bind(5, static_cast<int64_t>(line_id));
        q.exec();
    });
}

void InvoiceRepository::update_draft(const Invoice& inv) {
    guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "UPDATE invoice SET language = ?, currency = ?, vat_mention = ?, payment_terms_days = ?, "
                         "net = ?, vat = ?, gross = ? WHERE id = ? AND status = 'draft'");
        q.bind(1, inv.language);
        q.bind(2, inv.currency);
        q.bind(3, inv.vat_mention);
        q.bind(4, inv.payment_terms_days);
        q.bind(5, static_cast<int64_t>(inv.net));
        q.bind(6, static_cast<int64_t>(inv.vat));
        q.bind(7, static_cast<int64_t>(inv.gross));
        q.bind(8, static_cast<int64_t>(inv.id));
        if (q.exec() != 1)
            throw Conflict({ErrorCode::NotDraft, "", {}}, fmt::format("invoice {} is not a draft any more", inv.id));
    });
}

void InvoiceRepository::delete_draft(Id id) {
    guard_sql([&] {
        sql::Statement lines(db_.connection(), "DELETE FROM invoice_line WHERE invoice_id = ?");
        lines.bind(1, static_cast<int64_t>(id));
        lines.exec();
        sql::Statement q(db_.connection(), "DELETE FROM invoice WHERE id = ? AND status = 'draft'");
        q.bind(1, static_cast<int64_t>(id));
        if (q.exec() != 1) throw Conflict({ErrorCode::NotDraft, "", {}}, fmt::format("invoice {} is not a draft", id));
    });
}

void InvoiceRepository::set_references(Id id, const std::string& order_reference, const std::string& buyer_reference) {
    guard_sql([&] {
        sql::Statement q(
            db_.connection(),
            "UPDATE invoice SET order_reference = ?, buyer_reference = ? WHERE id = ? AND status = 'draft'");
        q.bind(1, order_reference);
        q.bind(2, buyer_reference);
        q.bind(3, static_cast<int64_t>(id));
        if (q.exec() != 1)
            throw Conflict({ErrorCode::NotDraft, "", {{"invoice", static_cast<std::int64_t>(id)}}},
                           fmt::format("invoice {} is not a draft any more", id));
    });
}

void InvoiceRepository::set_eur_rate(Id id, std::optional<std::int64_t> eur_rate_micro) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), "UPDATE invoice SET eur_rate_micro = ? WHERE id = ? AND status = 'draft'");
        if (eur_rate_micro)
            q.bind(1, static_cast<int64_t>(*eur_rate_micro));
        else
            q.bind(1);
        q.bind(2, static_cast<int64_t>(id));
        if (q.exec() != 1)
            throw Conflict({ErrorCode::NotDraft, "", {{"invoice", static_cast<std::int64_t>(id)}}},
                           fmt::format("invoice {} is not a draft any more", id));
    });
}

std::optional<Invoice> InvoiceRepository::find(Id id) {
    return guard_sql([&]() -> std::optional<Invoice> {
        sql::Statement q(db_.connection(), fmt::format("SELECT {} FROM invoice inv WHERE inv.id = ?", kInvoiceColumns));
        q.bind(1, static_cast<int64_t>(id));
        if (q.executeStep()) return read_invoice(q);
        return std::nullopt;
    });
}

std::optional<Id> InvoiceRepository::find_by_number(const std::string& number) {
    return guard_sql([&]() -> std::optional<Id> {
        sql::Statement q(db_.connection(), "SELECT id FROM invoice WHERE number = ?");
        q.bind(1, number);
        if (q.executeStep()) return q.getColumn(0).getInt64();
        return std::nullopt;
    });
}

std::optional<InvoiceRow> InvoiceRepository::row(Id id) {
    return guard_sql([&]() -> std::optional<InvoiceRow> {
        sql::Statement q(db_.connection(), row_select() + "WHERE inv.id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (q.executeStep()) return read_row(q);
        return std::nullopt;
    });
}

std::vector<InvoiceRow> InvoiceRepository::list(const InvoiceFilter& f) {
    return guard_sql([&] {
        std::string sql = row_select() + "WHERE 1 = 1 ";
        if (f.sponsor_id) sql += "AND inv.sponsor_id = :sponsor ";
        if (f.status) sql += "AND inv.status = :status ";
        if (f.kind) sql += "AND inv.kind = :kind ";
        // Drafts (no date yet) last; numbered documents in issue order.
        sql += "ORDER BY inv.issue_date IS NULL, inv.issue_date, inv.kind DESC, length(inv.number), inv.number, inv.id";
        sql::Statement q(db_.connection(), sql);
        if (f.sponsor_id) q.bind(":sponsor", static_cast<int64_t>(*f.sponsor_id));
        if (f.status) q.bind(":status", to_string(*f.status));
        if (f.kind) q.bind(":kind", to_string(*f.kind));
        std::vector<InvoiceRow> out;
        while (q.executeStep()) out.push_back(read_row(q));
        return out;
    });
}

std::vector<InvoiceLine> InvoiceRepository::lines(Id invoice_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "SELECT id, invoice_id, booking_id, position, description, service_date, quantity, "
                         "unit_net, net, vat_rate, vat_category, vat, gross, list_unit FROM invoice_line "
                         "WHERE invoice_id = ? ORDER BY position, id");
        q.bind(1, static_cast<int64_t>(invoice_id));
        std::vector<InvoiceLine> out;
        while (q.executeStep()) {
            InvoiceLine l;
            l.id = q.getColumn(0).getInt64();
            l.invoice_id = q.getColumn(1).getInt64();
            if (!q.getColumn(2).isNull()) l.booking_id = q.getColumn(2).getInt64();
            l.position = q.getColumn(3).getInt();
            l.description = q.getColumn(4).getString();
            l.service_date = Date::parse(q.getColumn(5).getString());
            l.quantity = q.getColumn(6).getInt();
            l.unit_net = q.getColumn(7).getInt64();
            l.net = q.getColumn(8).getInt64();
            l.vat_rate = static_cast<RateBp>(q.getColumn(9).getInt());
            l.vat_category = q.getColumn(10).getString();
            l.vat = q.getColumn(11).getInt64();
            l.gross = q.getColumn(12).getInt64();
            l.list_unit = q.getColumn(13).getInt64();
            out.push_back(l);
        }
        return out;
    });
}

std::vector<Payment> InvoiceRepository::payments(Id invoice_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "SELECT id, invoice_id, amount, date, method, note FROM payment "
                         "WHERE invoice_id = ? ORDER BY date, id");
        q.bind(1, static_cast<int64_t>(invoice_id));
        std::vector<Payment> out;
        while (q.executeStep()) {
            Payment p;
            p.id = q.getColumn(0).getInt64();
            p.invoice_id = q.getColumn(1).getInt64();
            p.amount = q.getColumn(2).getInt64();
            p.date = Date::parse(q.getColumn(3).getString());
            p.method = q.getColumn(4).getString();
            p.note = q.getColumn(5).getString();
            out.push_back(p);
        }
        return out;
    });
}

Minor InvoiceRepository::paid(Id invoice_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), "SELECT coalesce(sum(amount), 0) FROM payment WHERE invoice_id = ?");
        q.bind(1, static_cast<int64_t>(invoice_id));
        q.executeStep();
        return static_cast<Minor>(q.getColumn(0).getInt64());
    });
}

int InvoiceRepository::peek_next_number(InvoiceKind kind, int year) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), "SELECT last FROM invoice_sequence WHERE kind = ? AND year = ?");
        q.bind(1, to_string(kind));
        q.bind(2, year);
        return q.executeStep() ? q.getColumn(0).getInt() + 1 : 1;
    });
}

int InvoiceRepository::next_number(InvoiceKind kind, int year) {
    return guard_sql([&] {
        // One statement, inside the caller's BEGIN IMMEDIATE: no other writer
        // can read the same value before this transaction commits.
        sql::Statement q(db_.connection(),
                         "INSERT INTO invoice_sequence (kind, year, last) VALUES (?, ?, 1) "
                         "ON CONFLICT (kind, year) DO UPDATE SET last = invoice_sequence.last + 1 RETURNING last");
        q.bind(1, to_string(kind));
        q.bind(2, year);
        if (!q.executeStep())
            throw StorageError({ErrorCode::StorageFailure, "", {}}, "the invoice sequence returned no number");
        const int n = q.getColumn(0).getInt();
        while (q.executeStep()) {
        }
        return n;
    });
}

std::optional<Date> InvoiceRepository::latest_issue_date(InvoiceKind kind, int year) {
    return guard_sql([&]() -> std::optional<Date> {
        sql::Statement q(db_.connection(),
                         "SELECT max(issue_date) FROM invoice WHERE kind = ? AND number IS NOT NULL "
                         "AND issue_date >= ? AND issue_date <= ?");
        q.bind(1, to_string(kind));
        q.bind(2, fmt::format("{:04}-01-01", year));
        q.bind(3, fmt::format("{:04}-12-31", year));
        q.executeStep();
        return opt_date(q.getColumn(0));
    });
}

void InvoiceRepository::issue(Id id, const std::string& number, const Date& issue_date, const Date& due_date,
                              const std::string& seller, const std::string& buyer, InvoiceStatus status) {
    guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "UPDATE invoice SET number = ?, issue_date = ?, due_date = ?, seller = ?, buyer = ?, "
                         "status = ? WHERE id = ? AND status = 'draft'");
        q.bind(1, number);
        q.bind(2, issue_date.iso());
        q.bind(3, due_date.iso());
        q.bind(4, seller);
        q.bind(5, buyer);
        q.bind(6, to_string(status));
        q.bind(7, static_cast<int64_t>(id));
        if (q.exec() != 1)
            throw Conflict({ErrorCode::NotDraft, "", {}}, fmt::format("invoice {} is not a draft any more", id));
    });
}

void InvoiceRepository::set_status(Id id, InvoiceStatus status) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), "UPDATE invoice SET status = ? WHERE id = ?");
        q.bind(1, to_string(status));
        q.bind(2, static_cast<int64_t>(id));
        q.exec();
    });
}

Id InvoiceRepository::insert_payment(const Payment& p) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "INSERT INTO payment (invoice_id, amount, date, method, note) VALUES (?,?,?,?,?)");
        q.bind(1, static_cast<int64_t>(p.invoice_id));
        q.bind(2, static_cast<int64_t>(p.amount));
        q.bind(3, p.date.iso());
        q.bind(4, p.method);
        q.bind(5, p.note);
        return static_cast<Id>(q.insert());
    });
}

std::optional<Id> InvoiceRepository::credit_note_of(Id invoice_id) {
    return guard_sql([&]() -> std::optional<Id> {
        sql::Statement q(db_.connection(),
                         "SELECT id FROM invoice WHERE credited_invoice_id = ? AND kind = 'credit_note' "
                         "ORDER BY id LIMIT 1");
        q.bind(1, static_cast<int64_t>(invoice_id));
        if (q.executeStep()) return q.getColumn(0).getInt64();
        return std::nullopt;
    });
}

void InvoiceRepository::store_original(Id invoice_id, const InvoiceOriginal& original) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), "INSERT INTO invoice_original (invoice_id, pdf, xml) VALUES (?, ?, ?)");
        q.bind(1, static_cast<int64_t>(invoice_id));
        q.bind_blob(2, original.pdf);
        q.bind_blob(3, original.xml);
        q.exec();
    });
}

std::optional<InvoiceOriginal> InvoiceRepository::original(Id invoice_id) {
    return guard_sql([&]() -> std::optional<InvoiceOriginal> {
        sql::Statement q(db_.connection(), "SELECT pdf, xml FROM invoice_original WHERE invoice_id = ?");
        q.bind(1, static_cast<int64_t>(invoice_id));
        if (!q.executeStep()) return std::nullopt;
        auto bytes = [&](int i) { return q.getColumn(i).blob(); };
        return InvoiceOriginal{bytes(0), bytes(1)};
    });
}

Id InvoiceRepository::insert_refund(const Refund& r) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), "INSERT INTO refund (invoice_id, amount, date) VALUES (?, ?, ?)");
        q.bind(1, static_cast<int64_t>(r.invoice_id));
        q.bind(2, static_cast<int64_t>(r.amount));
        q.bind(3, r.date.iso());
        return static_cast<Id>(q.insert());
    });
}

std::vector<Refund> InvoiceRepository::refunds(Id invoice_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "SELECT id, invoice_id, amount, date FROM refund WHERE invoice_id = ? ORDER BY date, id");
        q.bind(1, static_cast<int64_t>(invoice_id));
        std::vector<Refund> out;
        while (q.executeStep()) {
            Refund r;
            r.id = q.getColumn(0).getInt64();
            r.invoice_id = q.getColumn(1).getInt64();
            r.amount = q.getColumn(2).getInt64();
            r.date = Date::parse(q.getColumn(3).getString());
            out.push_back(r);
        }
        return out;
    });
}

Minor InvoiceRepository::refunded(Id invoice_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), "SELECT coalesce(sum(amount), 0) FROM refund WHERE invoice_id = ?");
        q.bind(1, static_cast<int64_t>(invoice_id));
        q.executeStep();
        return static_cast<Minor>(q.getColumn(0).getInt64());
    });
}

}  // namespace sponsordesk

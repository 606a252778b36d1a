#include "sponsordesk/storage/report_repository.h"

#include <SQLiteCpp/Statement.h>

#include <fmt/format.h>

namespace sponsordesk {
namespace {

// Every booking query starts from the issues of the period: issue_by_date
// (or the (publication_id, date) unique index) finds them, booking_by_issue
// their bookings, so the cost follows the period's rows. CROSS JOIN pins
// that order: without ANALYZE statistics the planner may otherwise scan
// booking whole.
std::string scope_where(const ReportScope& s) {
    return std::string("i.date BETWEEN :from AND :to ") + (s.publication_id ? "AND i.publication_id = :pub " : "");
}

// Binds the parameters a statement names; the others are left alone.
void bind_scope(SQLite::Statement& q, const ReportScope& s) {
    auto has = [&](const char* name) { return q.getIndex(name) > 0; };
    if (has(":from")) q.bind(":from", s.from.iso());
    if (has(":to")) q.bind(":to", s.to.iso());
    if (s.publication_id && has(":pub")) q.bind(":pub", static_cast<int64_t>(*s.publication_id));
    if (has(":today")) q.bind(":today", s.today.iso());
}

std::string_view text(SQLite::Statement& q, int col) {
    const SQLite::Column c = q.getColumn(col);
    const char* t = c.getText();
    return {t, static_cast<size_t>(c.getBytes())};
}

std::optional<std::int64_t> opt_int(SQLite::Statement& q, int col) {
    if (q.getColumn(col).isNull()) return std::nullopt;
    return q.getColumn(col).getInt64();
}

// ISO dates written by the core; parsed without allocating.
Date iso_date(std::string_view s) {
    auto num = [&](size_t at, size_t n) {
        int v = 0;
        for (size_t k = at; k < at + n; ++k) {
            if (k >= s.size() || s[k] < '0' || s[k] > '9') return -1;
            v = v * 10 + (s[k] - '0');
        }
        return v;
    };
    const Date d{num(0, 4), num(5, 2), num(8, 2)};
    if (s.size() != 10 || !Date::valid(d.year, d.month, d.day)) return Date::parse(std::string(s));  // names it
    return d;
}

std::string booked_sql(const ReportScope& s) {
    return fmt::format(
        "SELECT i.date, p.name, pl.name, s.name, b.status, b.price, p.currency, "
        "(SELECT coalesce(inv.number, 'draft #' || inv.id) FROM invoice_line l JOIN invoice inv ON inv.id = l.invoice_id "
        "  WHERE l.booking_id = b.id AND inv.kind = 'invoice' AND inv.status <> 'cancelled' LIMIT 1), "
        "i.audience "
        "FROM issue i CROSS JOIN booking b ON b.issue_id = i.id "
        "JOIN publication p ON p.id = i.publication_id "
        "JOIN placement pl ON pl.id = b.placement_id "
        "JOIN sponsor s ON s.id = b.sponsor_id "
        "WHERE {} AND b.status IN {} "
        "ORDER BY i.date, p.name, p.id, pl.position, pl.code, b.slot, b.id",
        scope_where(s), kBookedStatuses);
}

std::string currency_sql(const ReportScope& s) {
    return fmt::format(
        "SELECT p.currency, "
        "sum(b.status IN {0}), sum(CASE WHEN b.status IN {0} THEN b.price ELSE 0 END), "
        "sum(b.status = 'hold' AND coalesce(b.hold_until >= :today, 1)), "
        "sum(CASE WHEN b.status = 'hold' AND coalesce(b.hold_until >= :today, 1) THEN b.price ELSE 0 END), "
        "sum(b.status = 'cancelled') "
        "FROM issue i CROSS JOIN booking b ON b.issue_id = i.id JOIN publication p ON p.id = i.publication_id "
        "WHERE {1} GROUP BY p.currency ORDER BY p.currency",
        kBookedStatuses, scope_where(s));
}

// Per (issue, placement) cell of the inventory grid, then per placement.
// A house ad fills a placement's block only when none of its slots has a
// live booking (SPEC, Drafts): then all its slots count as house.
std::string fill_sql(const ReportScope& s) {
    return fmt::format(
        "WITH iss AS (SELECT i.id, i.publication_id FROM issue i WHERE {1}), "
        "cell AS (SELECT pl.id AS placement_id, pl.slots AS slots, "
        "  (SELECT count(*) FROM booking b WHERE b.issue_id = iss.id AND b.placement_id = pl.id "
        "     AND b.status IN {0}) AS sold, "
        "  (SELECT coalesce(sum(b.price), 0) FROM booking b WHERE b.issue_id = iss.id AND b.placement_id = pl.id "
        "     AND b.status IN {0}) AS revenue, "
        "  (SELECT count(*) FROM booking b WHERE b.issue_id = iss.id AND b.placement_id = pl.id "
        "     AND b.status <> 'cancelled' AND NOT (b.status = 'hold' AND b.hold_until < :today)) AS live "
        "  FROM iss JOIN placement pl ON pl.publication_id = iss.publication_id) "
        "SELECT p.name, p.currency, pl.code, pl.name, ha.placement_id IS NOT NULL, count(*), sum(cell.slots), "
        "  sum(cell.sold), sum(CASE WHEN cell.live = 0 AND ha.placement_id IS NOT NULL THEN cell.slots ELSE 0 END), "
        "  sum(cell.revenue) "
        "FROM cell JOIN placement pl ON pl.id = cell.placement_id JOIN publication p ON p.id = pl.publication_id "
        "LEFT JOIN house_ad ha ON ha.placement_id = pl.id "
        "GROUP BY pl.id HAVING max(pl.active) = 1 OR sum(cell.live) > 0 OR sum(cell.sold) > 0 "
        "ORDER BY p.name, p.id, pl.position, pl.code",
        kBookedStatuses, scope_where(s));
}

std::string sponsor_sql(const ReportScope& s) {
    return fmt::format(
        "SELECT s.name, p.currency, count(*), sum(b.price) "
        "FROM issue i CROSS JOIN booking b ON b.issue_id = i.id JOIN publication p ON p.id = i.publication_id "
        "JOIN sponsor s ON s.id = b.sponsor_id "
        "WHERE {} AND b.status IN {} GROUP BY s.id, p.currency "
        "ORDER BY sum(b.price) DESC, s.name, p.currency LIMIT :limit",
        scope_where(s), kBookedStatuses);
}

std::string performance_sql(const ReportScope& s) {
    return fmt::format(
        "SELECT i.date, p.name, i.number, p.currency, i.audience, i.opens, i.clicks, count(*), sum(b.price) "
        "FROM issue i CROSS JOIN booking b ON b.issue_id = i.id JOIN publication p ON p.id = i.publication_id "
        "WHERE {} AND b.status IN {} GROUP BY i.date, i.publication_id ORDER BY i.date, p.name, p.id",
        scope_where(s), kBookedStatuses);
}

// Amounts are read with abs() so that a credit note counts against the
// invoices whichever sign it was stored with.
constexpr const char* kPaid = "(SELECT coalesce(sum(pay.amount), 0) FROM payment pay WHERE pay.invoice_id = inv.id)";

std::string invoicing_sql(const ReportScope& s) {
    const std::string pub_filter =
        s.publication_id
            ? "AND EXISTS (SELECT 1 FROM invoice_line l JOIN booking b ON b.id = l.booking_id "
              "JOIN issue i ON i.id = b.issue_id WHERE l.invoice_id = coalesce(inv.credited_invoice_id, inv.id) "
              "AND i.publication_id = :pub) "
            : "";
    return fmt::format(
        "SELECT inv.currency, "
        "sum(CASE WHEN inv.kind = 'invoice' THEN abs(inv.net) ELSE -abs(inv.net) END), "
        "sum(CASE WHEN inv.kind = 'invoice' THEN abs(inv.gross) ELSE -abs(inv.gross) END), "
        "sum(CASE WHEN inv.kind = 'invoice' THEN {0} ELSE 0 END), "
        "sum(CASE WHEN inv.kind = 'invoice' AND inv.status <> 'cancelled' THEN max(0, abs(inv.gross) - {0}) ELSE 0 END) "
        "FROM invoice inv WHERE inv.issue_date BETWEEN :from AND :to AND inv.status <> 'draft' {1}"
        "GROUP BY inv.currency ORDER BY inv.currency",
        kPaid, pub_filter);
}

constexpr const char* kBillingWhere = "WHERE inv.issue_date BETWEEN :from AND :to AND inv.status <> 'draft' ";

std::string billing_sql() {
    return std::string(
               "SELECT inv.kind, coalesce(inv.number, ''), inv.issue_date, inv.due_date, s.name, inv.currency, "
               "inv.status, c.number, abs(inv.net), abs(inv.vat), abs(inv.gross), "
               "(SELECT coalesce(sum(pay.amount), 0) FROM payment pay WHERE pay.invoice_id = inv.id "
               "   AND pay.date <= :as_of) "
               "FROM invoice inv JOIN sponsor s ON s.id = inv.sponsor_id "
               "LEFT JOIN invoice c ON c.id = inv.credited_invoice_id ") +
           kBillingWhere + "ORDER BY inv.issue_date, inv.kind DESC, inv.number, inv.id";
}

}  // namespace

ReportRepository::Snapshot::Snapshot(Database& db) : db_(db) {
    // A savepoint opens a deferred read transaction, or nests in the caller's.
    guard_sql([&] { db_.sql().exec("SAVEPOINT report_snapshot"); });
}

ReportRepository::Snapshot::~Snapshot() {
    try {
        db_.sql().exec("RELEASE report_snapshot");
    } catch (...) {
        // Read-only: nothing to undo, and a destructor cannot report it.
    }
}

std::vector<CurrencyBookings> ReportRepository::bookings_by_currency(const ReportScope& s) {
    return guard_sql([&] {
        SQLite::Statement q(db_.sql(), currency_sql(s));
        bind_scope(q, s);
        std::vector<CurrencyBookings> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                           q.getColumn(3).getInt64(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64()});
        return out;
    });
}

std::vector<PlacementFill> ReportRepository::placement_fill(const ReportScope& s) {
    return guard_sql([&] {
        SQLite::Statement q(db_.sql(), fill_sql(s));
        bind_scope(q, s);
        std::vector<PlacementFill> out;
        while (q.executeStep()) {
            PlacementFill f;
            f.publication_name = q.getColumn(0).getString();
            f.currency = q.getColumn(1).getString();
            f.placement_code = q.getColumn(2).getString();
            f.placement_name = q.getColumn(3).getString();
            f.has_house_ad = q.getColumn(4).getInt() != 0;
            f.issues = q.getColumn(5).getInt64();
            f.offered = q.getColumn(6).getInt64();
            f.sold = q.getColumn(7).getInt64();
            f.house = q.getColumn(8).getInt64();
            f.revenue = q.getColumn(9).getInt64();
            out.push_back(std::move(f));
        }
        return out;
    });
}

void ReportRepository::for_each_sponsor(const ReportScope& s, int limit,
                                        const std::function<void(const SponsorRevenue&)>& fn) {
    guard_sql([&] {
        SQLite::Statement q(db_.sql(), sponsor_sql(s));
        bind_scope(q, s);
        q.bind(":limit", limit > 0 ? limit : -1);
        SponsorRevenue r;
        while (q.executeStep()) {
            r.sponsor_name = q.getColumn(0).getString();
            r.currency = q.getColumn(1).getString();
            r.slots = q.getColumn(2).getInt64();
            r.revenue = q.getColumn(3).getInt64();
            fn(r);
        }
    });
}

void ReportRepository::for_each_booked(const ReportScope& s, const std::function<void(const BookedRow&)>& fn) {
    guard_sql([&] {
        SQLite::Statement q(db_.sql(), booked_sql(s));
        bind_scope(q, s);
        BookedRow r;
        while (q.executeStep()) {
            r.issue_date = iso_date(text(q, 0));
            r.publication_name = text(q, 1);
            r.placement_name = text(q, 2);
            r.sponsor_name = text(q, 3);
            r.status = text(q, 4);
            r.price = q.getColumn(5).getInt64();
            r.currency = text(q, 6);
            r.invoice_number = q.getColumn(7).isNull() ? std::nullopt : std::optional<std::string_view>(text(q, 7));
            r.audience = opt_int(q, 8);
            fn(r);
        }
    });
}

std::vector<IssuePerformance> ReportRepository::issue_performance(const ReportScope& s) {
    return guard_sql([&] {
        SQLite::Statement q(db_.sql(), performance_sql(s));
        bind_scope(q, s);
        std::vector<IssuePerformance> out;
        while (q.executeStep()) {
            IssuePerformance p;
            p.date = iso_date(text(q, 0));
            p.publication_name = q.getColumn(1).getString();
            p.number = q.getColumn(2).getInt();
            p.currency = q.getColumn(3).getString();
            p.audience = opt_int(q, 4);
            p.opens = opt_int(q, 5);
            p.clicks = opt_int(q, 6);
            p.booked = q.getColumn(7).getInt64();
            p.revenue = q.getColumn(8).getInt64();
            out.push_back(std::move(p));
        }
        return out;
    });
}

std::vector<InvoicingFigures> ReportRepository::invoicing(const ReportScope& s) {
    return guard_sql([&] {
        SQLite::Statement q(db_.sql(), invoicing_sql(s));
        bind_scope(q, s);
        std::vector<InvoicingFigures> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                           q.getColumn(3).getInt64(), q.getColumn(4).getInt64()});
        return out;
    });
}

std::int64_t ReportRepository::count_billing(const Date& from, const Date& to) {
    return guard_sql([&] {
        SQLite::Statement q(db_.sql(), std::string("SELECT count(*) FROM invoice inv ") + kBillingWhere);
        q.bind(":from", from.iso());
        q.bind(":to", to.iso());
        q.executeStep();
        return q.getColumn(0).getInt64();
    });
}

void ReportRepository::for_each_billing(const Date& from, const Date& to, const Date& as_of,
                                        const std::function<void(const BillingRow&)>& fn) {
    guard_sql([&] {
        SQLite::Statement q(db_.sql(), billing_sql());
        q.bind(":from", from.iso());
        q.bind(":to", to.iso());
        q.bind(":as_of", as_of.iso());
        BillingRow r;
        while (q.executeStep()) {
            r.kind = text(q, 0) == "credit_note" ? BillingKind::CreditNote : BillingKind::Invoice;
            r.number = text(q, 1);
            r.issue_date = iso_date(text(q, 2));
            r.due_date = q.getColumn(3).isNull() ? std::nullopt : std::optional<Date>(iso_date(text(q, 3)));
            r.sponsor_name = text(q, 4);
            r.currency = text(q, 5);
            r.status = text(q, 6);
            r.credited_number = q.getColumn(7).isNull() ? std::nullopt : std::optional<std::string_view>(text(q, 7));
            const Minor sign = r.kind == BillingKind::CreditNote ? -1 : 1;
            r.net = sign * q.getColumn(8).getInt64();
            r.vat = sign * q.getColumn(9).getInt64();
            r.gross = sign * q.getColumn(10).getInt64();
            r.paid = r.kind == BillingKind::CreditNote ? 0 : q.getColumn(11).getInt64();
            const bool owes = r.kind == BillingKind::Invoice && r.status != "cancelled";
            r.outstanding = owes ? std::max<Minor>(0, r.gross - r.paid) : 0;
            fn(r);
        }
    });
}

std::vector<std::pair<std::string, std::string>> ReportRepository::query_plans(const ReportScope& s) {
    const std::vector<std::pair<std::string, std::string>> queries = {
        {"bookings", booked_sql(s)},       {"currency", currency_sql(s)},   {"fill", fill_sql(s)},
        {"sponsors", sponsor_sql(s)},      {"performance", performance_sql(s)},
        {"invoicing", invoicing_sql(s)},   {"billing", billing_sql()},
    };
    return guard_sql([&] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& [name, sql] : queries) {
            SQLite::Statement q(db_.sql(), "EXPLAIN QUERY PLAN " + sql);
            bind_scope(q, s);
            if (q.getIndex(":limit") > 0) q.bind(":limit", 10);
            if (q.getIndex(":as_of") > 0) q.bind(":as_of", s.today.iso());
            std::string plan;
            while (q.executeStep()) plan += q.getColumn(3).getString() + "\n";
            out.emplace_back(name, plan);
        }
        return out;
    });
}

}  // namespace sponsordesk

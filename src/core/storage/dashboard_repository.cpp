#include "sponsordesk/storage/dashboard_repository.h"

#include "sponsordesk/storage/sql.h"

#include <fmt/format.h>

#include "sponsordesk/storage/booking_rules_sql.h"
#include "sponsordesk/storage/invoice_rules_sql.h"

namespace sponsordesk {
namespace {

namespace rules_sql = booking_rules::sql;

// Issues are reached by date (issue_by_date), their bookings by issue
// (booking_by_issue): CROSS JOIN pins that order.
constexpr const char* kBookingFrom =
    "FROM issue i CROSS JOIN booking b ON b.issue_id = i.id "
    "JOIN publication p ON p.id = i.publication_id ";

constexpr const char* kBookingColumns =
    "SELECT b.id, b.sponsor_id, p.id, i.date, p.name, pl.name, s.name, b.status, b.price, p.currency, "
    "b.hold_until, date(i.date, '-' || p.copy_deadline_days || ' days') ";

constexpr const char* kBookingJoins =
    "JOIN placement pl ON pl.id = b.placement_id "
    "JOIN sponsor s ON s.id = b.sponsor_id ";

std::string publication_filter(const DashboardScope& s) {
    return s.publication_id ? "AND i.publication_id = :pub " : "";
}

// A hold ends no later than its issue (booking_rules::hold_until_for), so
// holds ending from today on are on issues from today on.
std::string holds_where(const DashboardScope& s) {
    return fmt::format("WHERE i.date >= :today AND {} {}", rules_sql::kHoldEndingSoon, publication_filter(s));
}

// Copy is late only once due, so only on issues up to the longest deadline ahead.
std::string copy_late_where(const DashboardScope& s) {
    return fmt::format(
        "WHERE i.date < date(:today, '+' || (SELECT coalesce(max(copy_deadline_days), 0) FROM publication) || ' "
        "days') AND {} {}",
        rules_sql::kCopyLate, publication_filter(s));
}

std::string invoice_where(const DashboardScope& s) {
    std::string w = fmt::format("WHERE {} ", invoice_rules::sql::kOverdue);
    if (s.publication_id)
        w += "AND EXISTS (SELECT 1 FROM invoice_line l JOIN booking b ON b.id = l.booking_id "
             "JOIN issue i ON i.id = b.issue_id WHERE l.invoice_id = inv.id AND i.publication_id = :pub) ";
    return w;
}

void bind(sql::Statement& q, const DashboardScope& s) {
    auto has = [&](const char* name) { return q.getIndex(name) > 0; };
    if (has(":today")) q.bind(":today", s.today.iso());
    if (has(":soon")) q.bind(":soon", s.today.add_days(s.hold_days - 1).iso());
    if (s.publication_id && has(":pub")) q.bind(":pub", static_cast<int64_t>(*s.publication_id));
    if (has(":limit")) q.bind(":limit", s.limit);
}

std::vector<DashboardBooking> read_bookings(Database& db, const std::string& sql, const DashboardScope& s) {
    return guard_sql([&] {
        sql::Statement q(db.connection(), sql);
        bind(q, s);
        std::vector<DashboardBooking> out;
        while (q.executeStep()) {
            DashboardBooking b;
            b.booking_id = q.getColumn(0).getInt64();
            b.sponsor_id = q.getColumn(1).getInt64();
            b.publication_id = q.getColumn(2).getInt64();
            b.issue_date = Date::parse(q.getColumn(3).getString());
            b.publication_name = q.getColumn(4).getString();
            b.placement_name = q.getColumn(5).getString();
            b.sponsor_name = q.getColumn(6).getString();
            b.status = booking_status_from(q.getColumn(7).getString());
            b.price = q.getColumn(8).getInt64();
            b.currency = q.getColumn(9).getString();
            if (!q.getColumn(10).isNull()) b.hold_until = Date::parse(q.getColumn(10).getString());
            b.copy_due = Date::parse(q.getColumn(11).getString());
            out.push_back(std::move(b));
        }
        return out;
    });
}

std::int64_t count(Database& db, const std::string& sql, const DashboardScope& s) {
    return guard_sql([&] {
        sql::Statement q(db.connection(), sql);
        bind(q, s);
        q.executeStep();
        return q.getColumn(0).getInt64();
    });
}

std::string holds_sql(const DashboardScope& s) {
    return std::string(kBookingColumns) + kBookingFrom + kBookingJoins + holds_where(s) +
           "ORDER BY b.hold_until, i.date, b.id LIMIT :limit";
}

std::string holds_count_sql(const DashboardScope& s) {
    return std::string("SELECT count(*) ") + kBookingFrom + holds_where(s);
}

std::string copy_late_sql(const DashboardScope& s) {
    return std::string(kBookingColumns) + kBookingFrom + kBookingJoins + copy_late_where(s) +
           "ORDER BY i.date DESC, b.id LIMIT :limit";
}

std::string copy_late_count_sql(const DashboardScope& s) {
    return std::string("SELECT count(*) ") + kBookingFrom + copy_late_where(s);
}

std::string overdue_sql(const DashboardScope& s) {
    return fmt::format(
        "SELECT inv.id, inv.sponsor_id, coalesce(inv.number, ''), s.name, inv.issue_date, inv.due_date, "
        "inv.currency, inv.gross, {} FROM invoice inv JOIN sponsor s ON s.id = inv.sponsor_id {}"
        "ORDER BY inv.due_date, inv.number, inv.id LIMIT :limit",
        invoice_rules::sql::kOutstanding, invoice_where(s));
}

std::string overdue_totals_sql(const DashboardScope& s) {
    return fmt::format(
        "SELECT inv.currency, count(*), sum({}) FROM invoice inv {}"
        "GROUP BY inv.currency ORDER BY inv.currency",
        invoice_rules::sql::kOutstanding, invoice_where(s));
}

}  // namespace

std::vector<DashboardBooking> DashboardRepository::holds_ending(const DashboardScope& s) {
    return read_bookings(db_, holds_sql(s), s);
}

std::int64_t DashboardRepository::count_holds_ending(const DashboardScope& s) {
    return count(db_, holds_count_sql(s), s);
}

std::vector<DashboardBooking> DashboardRepository::copy_late(const DashboardScope& s) {
    return read_bookings(db_, copy_late_sql(s), s);
}

std::int64_t DashboardRepository::count_copy_late(const DashboardScope& s) {
    return count(db_, copy_late_count_sql(s), s);
}

std::vector<DashboardInvoice> DashboardRepository::overdue(const DashboardScope& s) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), overdue_sql(s));
        bind(q, s);
        std::vector<DashboardInvoice> out;
        while (q.executeStep()) {
            DashboardInvoice d;
            d.invoice_id = q.getColumn(0).getInt64();
            d.sponsor_id = q.getColumn(1).getInt64();
            d.number = q.getColumn(2).getString();
            d.sponsor_name = q.getColumn(3).getString();
            d.issue_date = Date::parse(q.getColumn(4).getString());
            d.due_date = Date::parse(q.getColumn(5).getString());
            d.currency = q.getColumn(6).getString();
            d.gross = q.getColumn(7).getInt64();
            d.outstanding = q.getColumn(8).getInt64();
            out.push_back(std::move(d));
        }
        return out;
    });
}

std::vector<CurrencyAmount> DashboardRepository::overdue_totals(const DashboardScope& s) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), overdue_totals_sql(s));
        bind(q, s);
        std::vector<CurrencyAmount> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()});
        return out;
    });
}

std::vector<std::pair<std::string, std::string>> DashboardRepository::query_plans(const DashboardScope& s) {
    const std::vector<std::pair<std::string, std::string>> queries = {
        {"holds", holds_sql(s)},         {"holds count", holds_count_sql(s)},
        {"copy late", copy_late_sql(s)}, {"copy late count", copy_late_count_sql(s)},
        {"overdue", overdue_sql(s)},     {"overdue totals", overdue_totals_sql(s)},
    };
    return guard_sql([&] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& [name, sql] : queries) {
            sql::Statement q(db_.connection(), "EXPLAIN QUERY PLAN " + sql);
            bind(q, s);
            std::string plan;
            while (q.executeStep()) plan += q.getColumn(3).getString() + "\n";
            out.emplace_back(name, plan);
        }
        return out;
    });
}

}  // namespace sponsordesk

#include "sponsordesk/storage/booking_repository.h"

#include "sponsordesk/storage/sql.h"

#include <fmt/format.h>

#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/domain/text.h"
#include "sponsordesk/storage/booking_rules_sql.h"

namespace sponsordesk {
namespace {

namespace rules_sql = booking_rules::sql;

constexpr const char* kBookingColumns =
    "SELECT id, issue_id, placement_id, sponsor_id, slot, price, status, hold_until, copy, link, notes, "
    "allow_competitor, created_at FROM booking ";

Booking read_booking(sql::Statement& q, int c = 0) {
    Booking b;
    b.id = q.getColumn(c + 0).getInt64();
    b.issue_id = q.getColumn(c + 1).getInt64();
    b.placement_id = q.getColumn(c + 2).getInt64();
    b.sponsor_id = q.getColumn(c + 3).getInt64();
    if (!q.getColumn(c + 4).isNull()) b.slot = q.getColumn(c + 4).getInt();
    b.price = q.getColumn(c + 5).getInt64();
    b.status = booking_status_from(q.getColumn(c + 6).getString());
    if (!q.getColumn(c + 7).isNull()) b.hold_until = Date::parse(q.getColumn(c + 7).getString());
    b.copy = q.getColumn(c + 8).getString();
    b.link = q.getColumn(c + 9).getString();
    b.notes = q.getColumn(c + 10).getString();
    b.allow_competitor = q.getColumn(c + 11).getInt() != 0;
    b.created_at = q.getColumn(c + 12).getString();
    return b;
}

std::string view_select() {
    return fmt::format(
        "SELECT b.id, b.issue_id, b.placement_id, b.sponsor_id, b.slot, b.price, b.status, b.hold_until, "
        "b.copy, b.link, b.notes, b.allow_competitor, b.created_at, "
        "i.date, i.number, p.slug, p.name, p.currency, pl.code, pl.name, pl.max_words, s.name, s.category, "
        "p.copy_deadline_days, li.id, pl.price, li.number "
        "FROM booking b JOIN issue i ON i.id = b.issue_id "
        "JOIN publication p ON p.id = i.publication_id "
        "JOIN placement pl ON pl.id = b.placement_id "
        "JOIN sponsor s ON s.id = b.sponsor_id "
        "LEFT JOIN invoice li ON li.id = {} ",
        rules_sql::kLiveInvoiceOf);
}

BookingView read_view(sql::Statement& q, const Date& today) {
    BookingView v;
    v.booking = read_booking(q, 0);
    v.issue_date = Date::parse(q.getColumn(13).getString());
    v.issue_number = q.getColumn(14).getInt();
    v.publication_slug = q.getColumn(15).getString();
    v.publication_name = q.getColumn(16).getString();
    v.currency = q.getColumn(17).getString();
    v.placement_code = q.getColumn(18).getString();
    v.placement_name = q.getColumn(19).getString();
    v.max_words = q.getColumn(20).getInt();
    v.sponsor_name = q.getColumn(21).getString();
    v.sponsor_category = q.getColumn(22).getString();
    const int copy_deadline_days = q.getColumn(23).getInt();
    if (!q.getColumn(24).isNull()) {
        v.invoice = LiveInvoice{q.getColumn(24).getInt64(), std::nullopt};
        if (!q.getColumn(26).isNull()) v.invoice->number = q.getColumn(26).getString();
    }
    v.list_price = q.getColumn(25).getInt64();
    const auto& b = v.booking;
    v.copy_due = booking_rules::copy_due(v.issue_date, copy_deadline_days);
    v.hold_expired = booking_rules::is_expired_hold(b.status, b.hold_until, today);
    v.live = booking_rules::is_live(b.status, b.hold_until, today);
    v.copy_late = booking_rules::is_copy_late(b.status, b.hold_until, v.issue_date, copy_deadline_days, today);
    return v;
}

std::string where_clause(const BookingFilter& f) {
    std::string w = "WHERE 1 = 1 ";
    if (f.publication_id) w += "AND i.publication_id = :pub ";
    if (f.sponsor_id) w += "AND b.sponsor_id = :sponsor ";
    if (!f.sponsor_text.empty())
        w += "AND b.sponsor_id IN (SELECT id FROM sponsor WHERE instr(name_key, :sponsor_text) > 0) ";
    if (f.from) w += "AND i.date >= :from ";
    if (f.to) w += "AND i.date <= :to ";
    if (f.status) w += "AND b.status = :status ";
    if (f.copy_late) w += fmt::format("AND {} ", rules_sql::kCopyLate);
    return w;
}

void bind_filter(sql::Statement& q, const BookingFilter& f) {
    if (f.publication_id) q.bind(":pub", static_cast<int64_t>(*f.publication_id));
    if (f.sponsor_id) q.bind(":sponsor", static_cast<int64_t>(*f.sponsor_id));
    if (!f.sponsor_text.empty()) q.bind(":sponsor_text", text::fold(f.sponsor_text, "sponsor search"));
    if (f.from) q.bind(":from", f.from->iso());
    if (f.to) q.bind(":to", f.to->iso());
    if (f.status) q.bind(":status", to_string(*f.status));
    if (f.copy_late) q.bind(":today", f.today.iso());
}

std::string order_clause(const BookingFilter& f) {
    const char* dir = f.descending ? "DESC" : "ASC";
    std::string key;
    switch (f.sort) {
        case BookingFilter::Sort::IssueDate:
            key = fmt::format("i.date {0}, pl.position {0}, b.slot {0}", dir);
            break;
        case BookingFilter::Sort::Sponsor:
            key = fmt::format("s.name COLLATE NOCASE {0}", dir);
            break;
        case BookingFilter::Sort::Publication:
            key = fmt::format("p.name {0}, i.date {0}", dir);
            break;
        case BookingFilter::Sort::Placement:
            key = fmt::format("pl.code {0}, i.date {0}", dir);
            break;
        case BookingFilter::Sort::Status:
            key = fmt::format("b.status {0}, i.date {0}", dir);
            break;
        case BookingFilter::Sort::Price:
            key = fmt::format("b.price {0}", dir);
            break;
        case BookingFilter::Sort::BookingNumber:
            key = fmt::format("b.id {0}", dir);
            break;
    }
    return "ORDER BY " + key + fmt::format(", b.id {} ", dir);
}

// The list query of for_each, list and query_plan. A page (limit and
// offset) sorts the filtered bookings' ids alone, then computes the view's
// columns (its invoice subquery among them) for that page's rows only:
// sorting the whole view to keep 40 rows of it cost a hundred times more
// at 100,000 bookings.
// In issue date order without a sponsor filter, the issues are walked by
// their date index (CROSS JOIN keeps them the outer loop), so that only
// the bookings of one issue are sorted at a time and a page stops early;
// SQLite would otherwise sort every booking.
std::string list_sql(const BookingFilter& f) {
    if (!f.limit) return view_select() + where_clause(f) + order_clause(f);
    const bool by_date = f.sort == BookingFilter::Sort::IssueDate && !f.sponsor_id && f.sponsor_text.empty();
    return fmt::format(
        "{}WHERE b.id IN (SELECT b.id FROM {} "
        "JOIN publication p ON p.id = i.publication_id JOIN placement pl ON pl.id = b.placement_id "
        "JOIN sponsor s ON s.id = b.sponsor_id {}{}LIMIT {} OFFSET {}) {}",
        view_select(),
        by_date ? "issue i CROSS JOIN booking b ON b.issue_id = i.id" : "booking b JOIN issue i ON i.id = b.issue_id",
        where_clause(f), order_clause(f), *f.limit, f.offset, order_clause(f));
}

}  // namespace

Id BookingRepository::insert(const Booking& b) {
    return guard_sql([&] {
        if (!insert_)
            insert_ = std::make_unique<sql::Statement>(
                db_.connection(),
                "INSERT INTO booking (issue_id, placement_id, sponsor_id, slot, price, status, "
                "hold_until, copy, link, notes, allow_competitor) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        sql::Statement& q = *insert_;
        q.reset();
        q.bind(1, static_cast<int64_t>(b.issue_id));
        q.bind(2, static_cast<int64_t>(b.placement_id));
        q.bind(3, static_cast<int64_t>(b.sponsor_id));
        if (b.slot)
            q.bind(4, *b.slot);
        else
            q.bind(4);
        q.bind(5, static_cast<int64_t>(b.price));
        q.bind(6, to_string(b.status));
        if (b.hold_until)
            q.bind(7, b.hold_until->iso());
        else
            q.bind(7);
        q.bind(8, b.copy);
        q.bind(9, b.link);
        q.bind(10, b.notes);
        q.bind(11, b.allow_competitor ? 1 : 0);
        return static_cast<Id>(q.insert());
    });
}

std::optional<Booking> BookingRepository::find(Id id) {
    return guard_sql([&]() -> std::optional<Booking> {
        sql::Statement q(db_.connection(), std::string(kBookingColumns) + "WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (q.executeStep()) return read_booking(q);
        return std::nullopt;
    });
}

std::optional<BookingView> BookingRepository::view(Id id, const Date& today) {
    return guard_sql([&]() -> std::optional<BookingView> {
        sql::Statement q(db_.connection(), view_select() + "WHERE b.id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (q.executeStep()) return read_view(q, today);
        return std::nullopt;
    });
}

std::vector<SlotHolder> BookingRepository::slot_holders(Id issue_id, Id placement_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "SELECT id, slot, status, hold_until FROM booking "
                         "WHERE issue_id = ? AND placement_id = ? AND slot IS NOT NULL ORDER BY slot");
        q.bind(1, static_cast<int64_t>(issue_id));
        q.bind(2, static_cast<int64_t>(placement_id));
        std::vector<SlotHolder> out;
        while (q.executeStep()) {
            SlotHolder h;
            h.booking_id = q.getColumn(0).getInt64();
            h.slot = q.getColumn(1).getInt();
            h.status = booking_status_from(q.getColumn(2).getString());
            if (!q.getColumn(3).isNull()) h.hold_until = Date::parse(q.getColumn(3).getString());
            out.push_back(h);
        }
        return out;
    });
}

std::vector<IssueCompetitor> BookingRepository::live_in_issue(Id issue_id, const Date& today) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), fmt::format("SELECT b.id, s.id, s.name, s.category FROM booking b "
                                                       "JOIN sponsor s ON s.id = b.sponsor_id "
                                                       "WHERE b.issue_id = :issue AND {} ORDER BY b.id",
                                                       rules_sql::kLive));
        q.bind(":issue", static_cast<int64_t>(issue_id));
        q.bind(":today", today.iso());
        std::vector<IssueCompetitor> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                           q.getColumn(3).getString()});
        return out;
    });
}

void BookingRepository::set_slot(Id booking_id, std::optional<int> slot) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), "UPDATE booking SET slot = ? WHERE id = ?");
        if (slot)
            q.bind(1, *slot);
        else
            q.bind(1);
        q.bind(2, static_cast<int64_t>(booking_id));
        q.exec();
    });
}

void BookingRepository::set_status(Id booking_id, BookingStatus status, std::optional<int> slot) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), "UPDATE booking SET status = ?, slot = ? WHERE id = ?");
        q.bind(1, to_string(status));
        if (slot)
            q.bind(2, *slot);
        else
            q.bind(2);
        q.bind(3, static_cast<int64_t>(booking_id));
        q.exec();
    });
}

void BookingRepository::set_hold_until(Id booking_id, std::optional<Date> until) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), "UPDATE booking SET hold_until = ? WHERE id = ?");
        if (until)
            q.bind(1, until->iso());
        else
            q.bind(1);
        q.bind(2, static_cast<int64_t>(booking_id));
        q.exec();
    });
}

void BookingRepository::set_price(Id booking_id, Minor price) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), "UPDATE booking SET price = ? WHERE id = ?");
        q.bind(1, static_cast<int64_t>(price));
        q.bind(2, static_cast<int64_t>(booking_id));
        q.exec();
    });
}

void BookingRepository::move(Id booking_id, Id issue_id, Id placement_id, int slot, std::optional<Date> hold_until,
                             bool allow_competitor) {
    guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "UPDATE booking SET issue_id = ?, placement_id = ?, slot = ?, hold_until = ?, "
                         "allow_competitor = ? WHERE id = ?");
        q.bind(1, static_cast<int64_t>(issue_id));
        q.bind(2, static_cast<int64_t>(placement_id));
        q.bind(3, slot);
        if (hold_until)
            q.bind(4, hold_until->iso());
        else
            q.bind(4);
        q.bind(5, allow_competitor ? 1 : 0);
        q.bind(6, static_cast<int64_t>(booking_id));
        q.exec();
    });
}

void BookingRepository::set_copy(Id booking_id, const std::string& copy, const std::string& link,
                                 BookingStatus status) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), "UPDATE booking SET copy = ?, link = ?, status = ? WHERE id = ?");
        q.bind(1, copy);
        q.bind(2, link);
        q.bind(3, to_string(status));
        q.bind(4, static_cast<int64_t>(booking_id));
        q.exec();
    });
}

void BookingRepository::for_each(const BookingFilter& f, const std::function<void(const BookingView&)>& fn) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), list_sql(f));
        bind_filter(q, f);
        while (q.executeStep()) fn(read_view(q, f.today));
    });
}

std::string BookingRepository::query_plan(const BookingFilter& f) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), "EXPLAIN QUERY PLAN " + list_sql(f));
        bind_filter(q, f);
        std::string plan;
        while (q.executeStep()) plan += q.getColumn(3).getString() + "\n";
        return plan;
    });
}

std::vector<BookingView> BookingRepository::list(const BookingFilter& f) {
    std::vector<BookingView> out;
    for_each(f, [&](const BookingView& v) { out.push_back(v); });
    return out;
}

std::int64_t BookingRepository::count(const BookingFilter& f) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "SELECT count(*) FROM booking b JOIN issue i ON i.id = b.issue_id "
                         "JOIN publication p ON p.id = i.publication_id " +
                             where_clause(f));
        bind_filter(q, f);
        q.executeStep();
        return static_cast<std::int64_t>(q.getColumn(0).getInt64());
    });
}

std::vector<OpenSlots> BookingRepository::availability(Id publication_id, const Date& from, const Date& to,
                                                       const Date& today) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         fmt::format("SELECT i.date, pl.code, pl.name, pl.price, pl.slots, {} "
                                     "FROM issue i JOIN placement pl ON pl.publication_id = i.publication_id "
                                     "WHERE i.publication_id = :pub AND i.date >= :from AND i.date <= :to "
                                     "  AND pl.active = 1 AND i.status <> 'sent' "
                                     "ORDER BY i.date, pl.position, pl.id",
                                     rules_sql::kOpenSlots));
        q.bind(":pub", static_cast<int64_t>(publication_id));
        q.bind(":from", from.iso());
        q.bind(":to", to.iso());
        q.bind(":today", today.iso());
        std::vector<OpenSlots> out;
        while (q.executeStep()) {
            OpenSlots o;
            o.date = Date::parse(q.getColumn(0).getString());
            o.placement_code = q.getColumn(1).getString();
            o.placement_name = q.getColumn(2).getString();
            o.price = q.getColumn(3).getInt64();
            o.slots = q.getColumn(4).getInt();
            o.open = q.getColumn(5).getInt();
            if (o.open > 0) out.push_back(o);
        }
        return out;
    });
}

std::optional<LiveInvoice> BookingRepository::live_invoice(Id booking_id) {
    return guard_sql([&]() -> std::optional<LiveInvoice> {
        sql::Statement q(db_.connection(), fmt::format("SELECT li.id, li.number FROM booking b "
                                                       "JOIN invoice li ON li.id = {} WHERE b.id = ?",
                                                       rules_sql::kLiveInvoiceOf));
        q.bind(1, static_cast<int64_t>(booking_id));
        if (!q.executeStep()) return std::nullopt;
        LiveInvoice inv{q.getColumn(0).getInt64(), std::nullopt};
        if (!q.getColumn(1).isNull()) inv.number = q.getColumn(1).getString();
        return inv;
    });
}

}  // namespace sponsordesk

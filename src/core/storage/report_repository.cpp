#include "sponsordesk/storage/report_repository.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

#include "sponsordesk/storage/sql.h"

#include <fmt/format.h>

#include "sponsordesk/storage/booking_rules_sql.h"

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
void bind_scope(sql::Statement& q, const ReportScope& s) {
    auto has = [&](const char* name) { return q.getIndex(name) > 0; };
    if (has(":from")) q.bind(":from", s.from.iso());
    if (has(":to")) q.bind(":to", s.to.iso());
    if (s.publication_id && has(":pub")) q.bind(":pub", static_cast<int64_t>(*s.publication_id));
    if (has(":today")) q.bind(":today", s.today.iso());
}

std::string_view text(sql::Statement& q, int col) { return q.getColumn(col).text(); }

std::optional<std::int64_t> opt_int(sql::Statement& q, int col) {
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

std::string bookings_sql(const ReportScope& s) {
    namespace rules_sql = booking_rules::sql;
    return fmt::format(
        "SELECT b.issue_id, b.placement_id, b.sponsor_id, i.date, p.name, pl.name, s.name, b.status, "
        "{0} AS booked, {1} AS live, "
        "b.price, p.currency, "
        "li.id, "
        "i.audience, li.number "
        "FROM issue i CROSS JOIN booking b ON b.issue_id = i.id "
        "JOIN publication p ON p.id = i.publication_id "
        "JOIN placement pl ON pl.id = b.placement_id "
        "JOIN sponsor s ON s.id = b.sponsor_id "
        "LEFT JOIN invoice li ON li.id = CASE WHEN {0} THEN {2} END "
        "WHERE {3}"
        // The order the two indexes give (issue_by_date, booking_by_issue):
        // no sort, so no temporary b-tree growing with the rows.
        "ORDER BY i.date, i.id, b.placement_id, b.id",
        rules_sql::kBooked, rules_sql::kLive, rules_sql::kLiveInvoiceOf, scope_where(s));
}

std::string sales_sql(const ReportScope& s) {
    namespace rules_sql = booking_rules::sql;
    return fmt::format(
        "SELECT b.issue_id, b.placement_id, p.currency, "
        "sum(CASE WHEN {0} THEN 1 ELSE 0 END), sum(CASE WHEN {1} THEN 1 ELSE 0 END), "
        "sum(CASE WHEN {0} THEN b.price ELSE 0 END) "
        "FROM issue i CROSS JOIN booking b ON b.issue_id = i.id "
        "JOIN publication p ON p.id = i.publication_id "
        "WHERE {2}"
        "GROUP BY b.issue_id, b.placement_id, p.currency ORDER BY b.issue_id, b.placement_id",
        rules_sql::kBooked, rules_sql::kLive, scope_where(s));
}

std::string inventory_sql(const ReportScope& s) {
    return fmt::format(
        "SELECT i.id, i.date, i.number, p.name, p.currency, i.audience, i.opens, i.clicks, "
        "pl.id, pl.code, pl.name, pl.slots, pl.active, ha.placement_id IS NOT NULL "
        "FROM issue i CROSS JOIN placement pl ON pl.publication_id = i.publication_id "
        "JOIN publication p ON p.id = i.publication_id "
        "LEFT JOIN house_ad ha ON ha.placement_id = pl.id "
        "WHERE {}ORDER BY p.name, p.id, pl.position, pl.code, i.date",
        scope_where(s));
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
        "sum(CASE WHEN inv.kind = 'invoice' AND inv.status <> 'cancelled' AND abs(inv.gross) > {0} "
        "THEN abs(inv.gross) - {0} ELSE 0 END) "
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
    // A read transaction (one snapshot), or a savepoint nested in the caller's.
    sql::Connection& c = db_.connection();
    nested_ = c.in_transaction();
    if (nested_)
        c.execute("SAVEPOINT report_snapshot");
    else
        c.begin_read();
}

ReportRepository::Snapshot::~Snapshot() {
    try {
        if (nested_)
            db_.connection().execute("RELEASE report_snapshot");
        else
            db_.connection().commit();
    } catch (...) {
        // Read-only: nothing to undo, and a destructor cannot report it.
    }
}

std::int64_t ReportRepository::count_bookings(const ReportScope& s) {
    return guard_sql([&] {
        sql::Statement q(
            db_.connection(),
            "SELECT count(*) FROM issue i CROSS JOIN booking b ON b.issue_id = i.id WHERE " + scope_where(s));
        bind_scope(q, s);
        q.executeStep();
        return q.getColumn(0).getInt64();
    });
}

void ReportRepository::for_each_booking(const ReportScope& s, const std::function<void(const PeriodBooking&)>& fn) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), bookings_sql(s));
        bind_scope(q, s);
        PeriodBooking r;
        while (q.executeStep()) {
            r.issue_id = q.getColumn(0).getInt64();
            r.placement_id = q.getColumn(1).getInt64();
            r.sponsor_id = q.getColumn(2).getInt64();
            r.issue_date = iso_date(text(q, 3));
            r.publication_name = text(q, 4);
            r.placement_name = text(q, 5);
            r.sponsor_name = text(q, 6);
            r.status = text(q, 7);
            r.booked = q.getColumn(8).getInt() != 0;
            r.live = q.getColumn(9).getInt() != 0;
            r.price = q.getColumn(10).getInt64();
            r.currency = text(q, 11);
            r.invoice_id = q.getColumn(12).isNull() ? std::nullopt : std::optional<Id>(q.getColumn(12).getInt64());
            r.invoice_number = q.getColumn(14).isNull() ? std::nullopt : std::optional<std::string_view>(text(q, 14));
            r.audience = opt_int(q, 13);
            fn(r);
        }
    });
}

namespace {

// A batch of bookings copied out of the statement's rows. Batches go round
// between the reader and the caller, so their strings keep their capacity
// and, past the first rounds, reading allocates nothing.
struct BookingBatch {
    struct Row {
        Id issue_id = 0, placement_id = 0, sponsor_id = 0;
        Date issue_date;
        std::string publication_name, placement_name, sponsor_name, status, currency, invoice_number;
        bool booked = false, live = false, has_number = false;
        std::optional<Id> invoice_id;
        Minor price = 0;
        std::optional<std::int64_t> audience;
    };
    std::vector<Row> rows;
    size_t count = 0;
};

constexpr size_t kBatchRows = 512;
constexpr size_t kBatches = 8;  // in flight at most: a few hundred KiB

// The hand-over between the reading thread and the caller: full batches one
// way, emptied ones back, both bounded by the kBatches that exist.
class BatchExchange {
public:
    BatchExchange() {
        for (size_t k = 0; k < kBatches; ++k) {
            auto b = std::make_unique<BookingBatch>();
            b->rows.resize(kBatchRows);
            empty_.push_back(std::move(b));
        }
    }
    // Reader side. nullptr: the caller has stopped.
    std::unique_ptr<BookingBatch> take_empty() {
        std::unique_lock lock(m_);
        empty_ready_.wait(lock, [&] { return stop_ || !empty_.empty(); });
        if (stop_) return nullptr;
        auto b = std::move(empty_.front());
        empty_.pop_front();
        return b;
    }
    void put_full(std::unique_ptr<BookingBatch> b) {
        {
            std::lock_guard lock(m_);
            full_.push_back(std::move(b));
        }
        full_ready_.notify_one();
    }
    void finish(std::exception_ptr error) {
        {
            std::lock_guard lock(m_);
            done_ = true;
            error_ = std::move(error);
        }
        full_ready_.notify_one();
    }
    // Caller side. nullptr: no more rows (then rethrow_error()).
    std::unique_ptr<BookingBatch> take_full() {
        std::unique_lock lock(m_);
        full_ready_.wait(lock, [&] { return done_ || !full_.empty(); });
        if (full_.empty()) return nullptr;
        auto b = std::move(full_.front());
        full_.pop_front();
        return b;
    }
    void put_empty(std::unique_ptr<BookingBatch> b) {
        {
            std::lock_guard lock(m_);
            empty_.push_back(std::move(b));
        }
        empty_ready_.notify_one();
    }
    void stop() {
        {
            std::lock_guard lock(m_);
            stop_ = true;
        }
        empty_ready_.notify_one();
    }
    void rethrow_error() {
        std::lock_guard lock(m_);
        if (error_) std::rethrow_exception(error_);
    }

private:
    std::mutex m_;
    std::condition_variable empty_ready_, full_ready_;
    std::deque<std::unique_ptr<BookingBatch>> empty_, full_;
    bool stop_ = false, done_ = false;
    std::exception_ptr error_;
};

struct ReaderStopped {};  // unwinds the reader when the caller has stopped

}  // namespace

void ReportRepository::for_each_booking_prefetched(const ReportScope& s,
                                                   const std::function<void(const PeriodBooking&)>& fn) {
    BatchExchange exchange;
    // The reader: copies rows into empty batches and hands them over full.
    auto read = [&] {
        std::exception_ptr error;
        try {
            std::unique_ptr<BookingBatch> batch;
            for_each_booking(s, [&](const PeriodBooking& b) {
                if (!batch && !(batch = exchange.take_empty())) throw ReaderStopped{};
                BookingBatch::Row& r = batch->rows[batch->count++];
                r.issue_id = b.issue_id;
                r.placement_id = b.placement_id;
                r.sponsor_id = b.sponsor_id;
                r.issue_date = b.issue_date;
                r.publication_name.assign(b.publication_name);
                r.placement_name.assign(b.placement_name);
                r.sponsor_name.assign(b.sponsor_name);
                r.status.assign(b.status);
                r.currency.assign(b.currency);
                r.invoice_id = b.invoice_id;
                r.has_number = b.invoice_number.has_value();
                if (r.has_number) r.invoice_number.assign(*b.invoice_number);
                r.booked = b.booked;
                r.live = b.live;
                r.price = b.price;
                r.audience = b.audience;
                if (batch->count == batch->rows.size()) exchange.put_full(std::move(batch));
            });
            if (batch) exchange.put_full(std::move(batch));
        } catch (const ReaderStopped&) {
        } catch (...) {
            error = std::current_exception();
        }
        exchange.finish(std::move(error));
    };
    std::thread reader;
    try {
        reader = std::thread(read);
    } catch (const std::system_error&) {
        for_each_booking(s, fn);  // no thread to be had (a system limit): read on this one
        return;
    }
    // Whatever ends the loop below, the reader is stopped and joined before
    // the exchange it uses goes away.
    struct Joiner {
        BatchExchange& exchange;
        std::thread& reader;
        ~Joiner() {
            exchange.stop();
            reader.join();
        }
    } joiner{exchange, reader};

    PeriodBooking view;
    while (auto batch = exchange.take_full()) {
        for (size_t k = 0; k < batch->count; ++k) {
            const BookingBatch::Row& r = batch->rows[k];
            view.issue_id = r.issue_id;
            view.placement_id = r.placement_id;
            view.sponsor_id = r.sponsor_id;
            view.issue_date = r.issue_date;
            view.publication_name = r.publication_name;
            view.placement_name = r.placement_name;
            view.sponsor_name = r.sponsor_name;
            view.status = r.status;
            view.booked = r.booked;
            view.live = r.live;
            view.price = r.price;
            view.currency = r.currency;
            view.invoice_id = r.invoice_id;
            view.invoice_number = r.has_number ? std::optional<std::string_view>(r.invoice_number) : std::nullopt;
            view.audience = r.audience;
            fn(view);
        }
        batch->count = 0;
        exchange.put_empty(std::move(batch));
    }
    exchange.rethrow_error();
}

std::vector<SalesCell> ReportRepository::sales(const ReportScope& s) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), sales_sql(s));
        bind_scope(q, s);
        std::vector<SalesCell> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                           q.getColumn(3).getInt64(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64()});
        return out;
    });
}

std::vector<InventoryCell> ReportRepository::inventory(const ReportScope& s) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), inventory_sql(s));
        bind_scope(q, s);
        std::vector<InventoryCell> out;
        while (q.executeStep()) {
            InventoryCell c;
            c.issue_id = q.getColumn(0).getInt64();
            c.issue_date = iso_date(text(q, 1));
            c.issue_number = q.getColumn(2).getInt();
            c.publication_name = q.getColumn(3).getString();
            c.currency = q.getColumn(4).getString();
            c.audience = opt_int(q, 5);
            c.opens = opt_int(q, 6);
            c.clicks = opt_int(q, 7);
            c.placement_id = q.getColumn(8).getInt64();
            c.placement_code = q.getColumn(9).getString();
            c.placement_name = q.getColumn(10).getString();
            c.slots = q.getColumn(11).getInt();
            c.active = q.getColumn(12).getInt() != 0;
            c.has_house_ad = q.getColumn(13).getInt() != 0;
            out.push_back(std::move(c));
        }
        return out;
    });
}

std::vector<InvoicingFigures> ReportRepository::invoicing(const ReportScope& s) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), invoicing_sql(s));
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
        sql::Statement q(db_.connection(), std::string("SELECT count(*) FROM invoice inv ") + kBillingWhere);
        q.bind(":from", from.iso());
        q.bind(":to", to.iso());
        q.executeStep();
        return q.getColumn(0).getInt64();
    });
}

void ReportRepository::for_each_billing(const Date& from, const Date& to, const Date& as_of,
                                        const std::function<void(const BillingRow&)>& fn) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), billing_sql());
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
        {"bookings", bookings_sql(s)},   {"sales", sales_sql(s)},    {"inventory", inventory_sql(s)},
        {"invoicing", invoicing_sql(s)}, {"billing", billing_sql()},
    };
    return guard_sql([&] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& [name, sql] : queries) {
            sql::Statement q(db_.connection(), "EXPLAIN QUERY PLAN " + sql);
            bind_scope(q, s);
            if (q.getIndex(":as_of") > 0) q.bind(":as_of", s.today.iso());
            std::string plan;
            while (q.executeStep()) plan += q.getColumn(3).getString() + "\n";
            out.emplace_back(name, plan);
        }
        return out;
    });
}

}  // namespace sponsordesk

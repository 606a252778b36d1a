#pragma once
// The lists behind the Dashboard's figures: holds ending soon, copy late and
// overdue invoices, each counted in full and listed up to a limit, filtered
// by the rules' SQL twins (booking_rules_sql.h, invoice_rules_sql.h).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

struct DashboardScope {
    Date today;
    std::optional<Id> publication_id;  // all publications when empty
    int hold_days = 7;                 // holds ending within this many days
    int limit = 50;                    // rows listed at most (counts are complete)
};

// A booking in a Dashboard list.
struct DashboardBooking {
    Id booking_id = 0, sponsor_id = 0, publication_id = 0;
    Date issue_date;
    std::string publication_name;
    std::string placement_name;
    std::string sponsor_name;
    BookingStatus status = BookingStatus::Hold;
    Minor price = 0;
    std::string currency;
    std::optional<Date> hold_until;
    Date copy_due;
};

struct DashboardInvoice {
    Id invoice_id = 0, sponsor_id = 0;
    std::string number;
    std::string sponsor_name;
    Date issue_date, due_date;
    std::string currency;
    Minor gross = 0, outstanding = 0;
};

struct CurrencyAmount {
    std::string currency;
    std::int64_t count = 0;
    Minor amount = 0;
};

class DashboardRepository {
public:
    explicit DashboardRepository(Database& db) : db_(db) {}

    // Holds ending within scope.hold_days, soonest first.
    std::vector<DashboardBooking> holds_ending(const DashboardScope& s);
    std::int64_t count_holds_ending(const DashboardScope& s);
    // Copy late, the nearest issue first (upcoming ones, then the past).
    std::vector<DashboardBooking> copy_late(const DashboardScope& s);
    std::int64_t count_copy_late(const DashboardScope& s);
    // Overdue invoices, the longest overdue first; of a publication: those
    // carrying one of its bookings.
    std::vector<DashboardInvoice> overdue(const DashboardScope& s);
    // Count and outstanding amount per currency.
    std::vector<CurrencyAmount> overdue_totals(const DashboardScope& s);

    // EXPLAIN QUERY PLAN of every query above, for the index tests.
    std::vector<std::pair<std::string, std::string>> query_plans(const DashboardScope& s);

private:
    Database& db_;
};

}  // namespace sponsordesk

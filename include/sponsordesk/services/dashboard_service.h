#pragma once
// The Dashboard's figures for a month: booked revenue against the same month
// a year before, sell-through per placement, holds ending soon, copy late
// and overdue invoices, as plain data with the ids that open each record.
// Every figure is defined where the reports and lists define it
// (PeriodSales, booking_rules, invoice_rules): the Dashboard adds no rule.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/ids.h"
#include "sponsordesk/services/period_sales.h"
#include "sponsordesk/storage/dashboard_repository.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

struct DashboardRequest {
    Month month;
    std::optional<PublicationId> publication;  // all publications when empty
    std::optional<Date> today;                 // default Date::today()
    int limit = 50;                            // rows per list at most; the counts are complete
};

// Booked revenue of one currency: the month's and the same month's a year
// before (the monthly report's "Booked revenue"). Currencies are never added.
struct RevenueComparison {
    std::string currency;
    Minor revenue = 0, last_year = 0;
    std::int64_t booked = 0, last_year_booked = 0;
    // Change against last year in per mille (+125 = +12.5 %), rounded half away
    // from zero; empty when last year had no revenue in this currency.
    std::optional<std::int64_t> change_permille() const;
};

struct DashboardHold {
    BookingId booking;
    SponsorId sponsor;
    PublicationId publication;
    Date issue_date, hold_until;
    std::string publication_name, placement_name, sponsor_name;
    Minor price = 0;
    std::string currency;
};

struct DashboardCopyLate {
    BookingId booking;
    SponsorId sponsor;
    PublicationId publication;
    Date issue_date, copy_due;
    BookingStatus status = BookingStatus::Confirmed;
    std::string publication_name, placement_name, sponsor_name;
};

struct DashboardOverdue {
    InvoiceId invoice;
    SponsorId sponsor;
    std::string number, sponsor_name, currency;
    Date due_date;
    int days_overdue = 0;
    Minor gross = 0, outstanding = 0;
};

struct Dashboard {
    Month month, last_year_month;
    Date today;
    std::vector<RevenueComparison> revenue;  // by currency; empty when neither month booked anything
    // Sell-through = sold / offered, per placement over the month's issues
    // (the monthly report's Summary rows), in publication and position order.
    std::vector<PlacementFill> sell_through;
    int hold_days = booking_rules::kHoldWarningDays;
    std::int64_t holds_count = 0;  // holds ending within hold_days; `holds` lists the first
    std::vector<DashboardHold> holds;
    std::int64_t copy_late_count = 0;
    std::vector<DashboardCopyLate> copy_late;
    std::vector<CurrencyAmount> overdue_totals;  // count and outstanding per currency
    std::int64_t overdue_count = 0;
    std::vector<DashboardOverdue> overdue;
};

class DashboardService {
public:
    explicit DashboardService(Database& db) : db_(db) {}
    // One read snapshot. NotFound for an unknown publication.
    Dashboard compute(const DashboardRequest& request);

private:
    Database& db_;
};

}  // namespace sponsordesk

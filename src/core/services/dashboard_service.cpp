#include "sponsordesk/services/dashboard_service.h"

#include <cstdlib>
#include <map>

#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/invoice_rules.h"
#include "sponsordesk/storage/report_repository.h"

namespace sponsordesk {
namespace {

// Booked revenue and sell-through of one month, as the monthly report adds them up.
PeriodSales month_sales(ReportRepository& repo, const ReportScope& scope) {
    PeriodSales sales;
    for (const SalesCell& c : repo.sales(scope)) sales.add(c);
    return sales;
}

}  // namespace

std::optional<std::int64_t> RevenueComparison::change_permille() const {
    if (last_year <= 0) return std::nullopt;
    // (revenue − last_year) × 1000 / last_year, rounded half away from zero
    // (amounts below 10^15 minor units: no overflow).
    const std::int64_t num = (revenue - last_year) * 1000;
    const std::int64_t q = (2 * std::llabs(num) + last_year) / (2 * last_year);
    return num < 0 ? -q : q;
}

Dashboard DashboardService::compute(const DashboardRequest& req) {
    Dashboard d;
    d.month = req.month;
    d.last_year_month = Month{req.month.year - 1, req.month.month};
    d.today = req.today.value_or(Date::today());
    std::optional<Id> publication_id;
    if (req.publication) publication_id = CatalogService(db_).publication(*req.publication).id;

    ReportRepository repo(db_);
    ReportRepository::Snapshot snapshot(db_);
    const ReportScope scope{d.month.first(), d.month.last(), publication_id, d.today};
    const ReportScope last_scope{d.last_year_month.first(), d.last_year_month.last(), publication_id, d.today};
    const PeriodSales sales = month_sales(repo, scope);
    const PeriodSales last_sales = month_sales(repo, last_scope);

    std::map<std::string, RevenueComparison> revenue;
    for (const CurrencySales& c : sales.revenue()) {
        RevenueComparison& r = revenue[c.currency];
        r.currency = c.currency;
        r.revenue = c.booked_revenue;
        r.booked = c.booked;
    }
    for (const CurrencySales& c : last_sales.revenue()) {
        RevenueComparison& r = revenue[c.currency];
        r.currency = c.currency;
        r.last_year = c.booked_revenue;
        r.last_year_booked = c.booked;
    }
    for (auto& [code, r] : revenue) d.revenue.push_back(r);
    d.sell_through = sales.placement_fill(repo.inventory(scope));

    DashboardRepository lists(db_);
    const DashboardScope ds{d.today, publication_id, d.hold_days, req.limit};
    d.holds_count = lists.count_holds_ending(ds);
    for (const DashboardBooking& b : lists.holds_ending(ds))
        d.holds.push_back({BookingId{b.booking_id}, SponsorId{b.sponsor_id}, PublicationId{b.publication_id},
                           b.issue_date, b.hold_until.value_or(b.issue_date), b.publication_name, b.placement_name,
                           b.sponsor_name, b.price, b.currency});
    d.copy_late_count = lists.count_copy_late(ds);
    for (const DashboardBooking& b : lists.copy_late(ds))
        d.copy_late.push_back({BookingId{b.booking_id}, SponsorId{b.sponsor_id}, PublicationId{b.publication_id},
                               b.issue_date, b.copy_due, b.status, b.publication_name, b.placement_name,
                               b.sponsor_name});
    d.overdue_totals = lists.overdue_totals(ds);
    for (const CurrencyAmount& t : d.overdue_totals) d.overdue_count += t.count;
    for (const DashboardInvoice& i : lists.overdue(ds))
        d.overdue.push_back({InvoiceId{i.invoice_id}, SponsorId{i.sponsor_id}, i.number, i.sponsor_name, i.currency,
                             i.due_date, invoice_rules::days_overdue(i.due_date, d.today), i.gross, i.outstanding});
    return d;
}

}  // namespace sponsordesk

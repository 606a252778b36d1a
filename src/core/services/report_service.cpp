#include "sponsordesk/services/report_service.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/report_xlsx.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/storage/report_repository.h"

namespace sponsordesk {
namespace {

constexpr int kTopSponsors = 10;
constexpr std::int64_t kCheckEvery = 4096;  // rows between progress reports and cancel checks

const char* month_name(int m) {
    static const char* const names[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
    return names[(m - 1) % 12];
}

// Reports progress and stops the work when asked to.
class Tracker {
public:
    explicit Tracker(const Progress& p) : p_(p) {}
    void at(double fraction) {
        if (p_.cancel && p_.cancel->load(std::memory_order_relaxed)) throw ReportCancelled();
        if (p_.report) p_.report(fraction);
    }
    // For streamed rows: `done` of `total`, mapped into [from, to].
    void row(std::int64_t done, std::int64_t total, double from, double to) {
        if (done % kCheckEvery != 0) return;
        at(from + (to - from) * (total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0));
    }

private:
    const Progress& p_;
};

void check_path(const std::string& path) {
    if (path.empty()) throw InvalidInput("no path given for the spreadsheet (--xlsx PATH)");
}

}  // namespace

MonthlyReportResult ReportService::monthly(const MonthlyReportRequest& req, const Progress& progress) {
    check_path(req.path);
    Tracker tracker(progress);
    tracker.at(0.0);
    CatalogService catalog(db_);
    ReportScope scope{req.month.first(), req.month.last(), std::nullopt, req.today.value_or(Date::today())};
    MonthlySummary s;
    s.info.scope = "All publications";
    std::string default_currency = "EUR";
    if (req.publication) {
        const Publication pub = catalog.publication(*req.publication);
        scope.publication_id = pub.id;
        s.info.scope = pub.name;
        default_currency = pub.currency;
    } else if (auto pubs = catalog.publications(); !pubs.empty()) {
        default_currency = pubs.front().currency;
    }
    s.info.title = fmt::format("Monthly report, {} {}", month_name(req.month.month), req.month.year);
    if (req.publication) s.info.title += ", " + s.info.scope;
    s.info.from = scope.from;
    s.info.to = scope.to;
    s.info.generated = scope.today;

    ReportRepository repo(db_);
    ReportRepository::Snapshot snapshot(db_);
    s.info.publisher = catalog.publisher().name;
    s.bookings = repo.bookings_by_currency(scope);
    if (s.bookings.empty()) s.bookings.push_back({default_currency});
    s.invoicing = repo.invoicing(scope);
    s.placements = repo.placement_fill(scope);
    repo.for_each_sponsor(scope, kTopSponsors, [&](const SponsorRevenue& r) { s.top_sponsors.push_back(r); });
    for (const auto& c : s.bookings) s.booked_rows += c.booked;
    const std::vector<IssuePerformance> issues = repo.issue_performance(scope);
    tracker.at(0.05);

    MonthlyReportWorkbook book(req.path, s);
    repo.for_each_booked(scope, [&](const BookedRow& row) {
        book.add_booking(row);
        tracker.row(book.booking_rows(), s.booked_rows, 0.05, 0.9);
    });
    // The streamed prices must add up to the aggregate the Summary shows.
    for (const auto& c : s.bookings) {
        auto it = book.streamed_revenue().find(c.currency);
        const Minor streamed = it == book.streamed_revenue().end() ? 0 : it->second;
        if (streamed != c.booked_revenue)
            throw StorageError(fmt::format("booked revenue in {} is {} on the Bookings sheet but {} in the summary",
                                           c.currency, format_amount(streamed), format_amount(c.booked_revenue)));
    }
    tracker.at(0.9);
    std::int64_t sponsors = 0;
    repo.for_each_sponsor(scope, 0, [&](const SponsorRevenue& r) {
        book.add_sponsor(r);
        ++sponsors;
    });
    book.write_performance(issues);
    tracker.at(0.95);
    book.close();
    tracker.at(1.0);

    MonthlyReportResult result;
    result.path = req.path;
    result.rows = book.booking_rows();
    result.sponsors = sponsors;
    result.issues = static_cast<std::int64_t>(issues.size());
    for (const auto& c : s.bookings) {
        MonthlyCurrencyTotals t{c.currency, c.booked, c.booked_revenue};
        for (const auto& i : s.invoicing)
            if (i.currency == c.currency) {
                t.invoiced = i.invoiced_net;
                t.invoiced_gross = i.invoiced_gross;
                t.collected = i.collected;
                t.outstanding = i.outstanding;
            }
        result.totals.push_back(t);
    }
    for (const auto& i : s.invoicing) {
        bool known = false;
        for (const auto& t : result.totals) known = known || t.currency == i.currency;
        if (!known)
            result.totals.push_back({i.currency, 0, 0, i.invoiced_net, i.invoiced_gross, i.collected, i.outstanding});
    }
    return result;
}

BillingReportResult ReportService::billing(const BillingReportRequest& req, const Progress& progress) {
    check_path(req.path);
    if (req.to < req.from)
        throw InvalidInput(fmt::format("--to {} is before --from {}", req.to.iso(), req.from.iso()));
    Tracker tracker(progress);
    tracker.at(0.0);
    const Date as_of = req.as_of.value_or(Date::today());
    CatalogService catalog(db_);
    ReportRepository repo(db_);
    ReportRepository::Snapshot snapshot(db_);
    ReportInfo info;
    info.title = fmt::format("Billing report, {} to {}", req.from.iso(), req.to.iso());
    info.publisher = catalog.publisher().name;
    info.scope = "All publications";
    info.from = req.from;
    info.to = req.to;
    info.generated = as_of;
    const std::int64_t total = repo.count_billing(req.from, req.to);

    BillingReportWorkbook book(req.path, info, as_of);
    repo.for_each_billing(req.from, req.to, as_of, [&](const BillingRow& row) {
        book.add_document(row);
        tracker.row(book.rows(), total, 0.0, 0.95);
    });
    book.close();
    tracker.at(1.0);

    BillingReportResult result;
    result.path = req.path;
    result.as_of = as_of;
    result.rows = book.rows();
    for (const auto& t : book.totals())
        result.totals.push_back({t.currency, t.invoices, t.credit_notes, t.net, t.vat, t.gross, t.paid, t.outstanding,
                                 std::vector<Minor>(t.aging.begin(), t.aging.end())});
    return result;
}

}  // namespace sponsordesk

#include "sponsordesk/services/report_service.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/c_locale.h"
#include "sponsordesk/export/report_xlsx.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/period_sales.h"
#include "sponsordesk/storage/report_repository.h"

namespace sponsordesk {
namespace {

constexpr int kTopSponsors = 10;
constexpr std::int64_t kCheckEvery = 4096;  // rows between progress reports and cancel checks

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

struct IssueTally {
    std::int64_t booked = 0;
    Minor revenue = 0;
};

// The booked issues of the month with their audience figures, by date.
std::vector<IssuePerformance> issue_performance(const std::vector<InventoryCell>& grid,
                                                const std::map<Id, IssueTally>& issues) {
    std::vector<IssuePerformance> out;
    std::map<Id, bool> done;
    for (const auto& g : grid) {
        auto t = issues.find(g.issue_id);
        if (t == issues.end() || done[g.issue_id]) continue;
        done[g.issue_id] = true;
        out.push_back({g.issue_date, g.publication_name, g.issue_number, g.currency, g.audience, g.opens, g.clicks,
                       t->second.booked, t->second.revenue});
    }
    std::stable_sort(out.begin(), out.end(), [](const IssuePerformance& a, const IssuePerformance& b) {
        return std::tie(a.date, a.publication_name) < std::tie(b.date, b.publication_name);
    });
    return out;
}

// Refused before any work, with the XLSX layer's own checks.
void check_path(const std::string& path) {
    if (path.empty())
        throw InvalidInput({ErrorCode::Empty, "path", {}}, "no path given for the spreadsheet (--xlsx PATH)");
    XlsxWorkbook::check_target(path);
}

}  // namespace

MonthlyReportResult ReportService::monthly(const MonthlyReportRequest& req, const Progress& progress) {
    const CLocaleScope c_locale;  // the GUI's report thread runs under the user's locale
    const ReportLabels& labels = report_labels(req.language);
    check_path(req.path);
    Tracker tracker(progress);
    tracker.at(0.0);
    CatalogService catalog(db_);
    ReportScope scope{req.month.first(), req.month.last(), std::nullopt, req.today.value_or(Date::today())};
    ReportInfo info;
    info.language = req.language;
    info.scope = labels.all_publications;
    std::string default_currency = "EUR";
    if (req.publication) {
        const Publication pub = catalog.publication(*req.publication);
        scope.publication_id = pub.id;
        info.scope = pub.name;
        default_currency = pub.currency;
    } else if (auto pubs = catalog.publications(); !pubs.empty()) {
        default_currency = pubs.front().currency;
    }
    info.title = fmt::format(fmt::runtime(labels.monthly_title),
                             labels.months[static_cast<size_t>(req.month.month - 1) % 12], req.month.year);
    if (req.publication) info.title += ", " + info.scope;
    info.from = scope.from;
    info.to = scope.to;
    info.generated = scope.today;

    ReportRepository repo(db_);
    ReportRepository::Snapshot snapshot(db_);
    info.publisher = catalog.publisher().name;
    const std::int64_t total = repo.count_bookings(scope);
    MonthlyReportWorkbook book(req.path, info);

    // One pass over the month's bookings writes the Bookings sheet and adds
    // up every figure; the tallies are per currency, sponsor, issue and
    // (issue, placement): small whatever the number of rows.
    std::map<std::string, CurrencyBookings, std::less<>> currencies;
    PeriodSales sales;  // booked revenue and sell-through: the Dashboard's figures too
    std::unordered_map<Id, std::vector<SponsorRevenue>> sponsors;
    std::map<Id, IssueTally> issues;
    std::int64_t seen = 0;
    // Rows come by issue: most rows hit the previous row's tally (map nodes
    // do not move), so the map is searched per change.
    Id issue_key = -1;
    IssueTally* issue_tally = nullptr;
    // SQLite reads on a helper thread while this one writes the workbook.
    repo.for_each_booking_prefetched(scope, [&](const PeriodBooking& b) {
        auto cur = currencies.find(b.currency);
        if (cur == currencies.end())
            cur = currencies.emplace(std::string(b.currency), CurrencyBookings{std::string(b.currency)}).first;
        CurrencyBookings& c = cur->second;
        sales.add(b);
        if (b.booked) {
            book.add_booking(b);
            if (!issue_tally || issue_key != b.issue_id) {
                issue_key = b.issue_id;
                issue_tally = &issues[issue_key];
            }
            IssueTally& issue = *issue_tally;
            ++issue.booked;
            issue.revenue += b.price;
            auto& per_currency = sponsors[b.sponsor_id];
            auto sp = std::find_if(per_currency.begin(), per_currency.end(),
                                   [&](const SponsorRevenue& r) { return r.currency == b.currency; });
            if (sp == per_currency.end()) {
                per_currency.push_back({std::string(b.sponsor_name), std::string(b.currency)});
                sp = per_currency.end() - 1;
            }
            ++sp->slots;
            sp->revenue += b.price;
        } else if (b.status == "cancelled") {
            ++c.cancelled;
        } else if (b.status == "hold" && b.live) {
            ++c.holds;
            c.hold_value += b.price;
        }
        tracker.row(++seen, total, 0.0, 0.9);
    });
    tracker.at(0.9);

    MonthlySummary s;
    s.info = info;
    for (const CurrencySales& r : sales.revenue()) {
        CurrencyBookings& c = currencies.at(r.currency);
        c.booked = r.booked;
        c.booked_revenue = r.booked_revenue;
    }
    for (auto& [code, c] : currencies) s.bookings.push_back(c);
    if (s.bookings.empty()) s.bookings.push_back({default_currency});
    s.invoicing = repo.invoicing(scope);
    const std::vector<InventoryCell> inventory = repo.inventory(scope);
    s.placements = sales.placement_fill(inventory);

    std::vector<SponsorRevenue> by_revenue;
    for (auto& [id, list] : sponsors)
        for (auto& r : list) by_revenue.push_back(std::move(r));
    std::sort(by_revenue.begin(), by_revenue.end(), [](const SponsorRevenue& a, const SponsorRevenue& b) {
        return std::tie(b.revenue, a.sponsor_name, a.currency) < std::tie(a.revenue, b.sponsor_name, b.currency);
    });
    s.top_sponsors.assign(by_revenue.begin(),
                          by_revenue.begin() + std::min<std::ptrdiff_t>(kTopSponsors, std::ssize(by_revenue)));
    book.write_summary(s);
    for (const auto& r : by_revenue) book.add_sponsor(r);
    const std::vector<IssuePerformance> performance = issue_performance(inventory, issues);
    book.write_performance(performance);
    tracker.at(0.95);
    book.close();
    tracker.at(1.0);

    MonthlyReportResult result;
    result.path = req.path;
    result.rows = book.booking_rows();
    result.sponsors = static_cast<std::int64_t>(by_revenue.size());
    result.issues = static_cast<std::int64_t>(performance.size());
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
    const CLocaleScope c_locale;
    const ReportLabels& labels = report_labels(req.language);
    check_path(req.path);
    if (req.to < req.from)
        throw InvalidInput({ErrorCode::InvalidPeriod, "to", {{"from", req.from.iso()}, {"to", req.to.iso()}}},
                           fmt::format("--to {} is before --from {}", req.to.iso(), req.from.iso()));
    Tracker tracker(progress);
    tracker.at(0.0);
    const Date as_of = req.as_of.value_or(Date::today());
    CatalogService catalog(db_);
    ReportRepository repo(db_);
    ReportRepository::Snapshot snapshot(db_);
    ReportInfo info;
    info.language = req.language;
    info.title = fmt::format(fmt::runtime(labels.billing_title), report_date_text(req.from, req.language),
                             report_date_text(req.to, req.language));
    info.publisher = catalog.publisher().name;
    info.scope = labels.all_publications;
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

// Report benchmarks, run on demand by scripts/bench-reports (one mode per
// process, so that each peak memory is its own):
//   bench_reports sheet-db DB           database whose March 2026 holds 200,000 booked bookings
//   bench_reports export DB OUT.xlsx    SponsorDesk's monthly report of that month (streamed from SQLite)
//   bench_reports bare OUT.xlsx         the same Bookings cells with bare libxlsxwriter, from memory
//   bench_reports years-db DB           100,000 bookings: 20 years of daily issues, 2,000 sponsors
//   bench_reports monthly DB [RUNS]     median time of the monthly report of one month of that database
//   bench_reports plans DB              EXPLAIN QUERY PLAN of the report queries on it
// Each mode prints "seconds=…" and "peak_kib=…" (getrusage) on its last line.
// tests/tools/report_bench_peer.py writes the same cells with python3-xlsxwriter.
#include <sys/resource.h>
#include <xlsxwriter.h>  // bare libxlsxwriter: the library's own speed, the goal to match

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/services/report_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/issue_repository.h"
#include "sponsordesk/storage/report_repository.h"
#include "sponsordesk/storage/sponsor_repository.h"

using namespace sponsordesk;

namespace {

// The 200,000-row month: 31 daily issues of one placement with 6,452 slots.
// tests/tools/report_bench_peer.py mirrors these formulas exactly.
constexpr int kSheetRows = 200000;
constexpr int kSlotsPerIssue = 6452;
constexpr int kSponsors = 2000;
const char* const kStatuses[] = {"published", "approved", "confirmed"};

std::string sponsor_name(int s) { return fmt::format("Sponsor {:04d} & Fils SARL", s); }
int row_issue(int k) { return k / kSlotsPerIssue; }  // 0 … 30: 1 … 31 March
int row_sponsor(int k) { return (k * 7919) % kSponsors; }
Minor row_price(int k) { return 10000 + (k % 50) * 500; }
std::int64_t issue_audience(int day) { return 50000 + day * 100; }

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

long peak_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

void finish(std::chrono::steady_clock::time_point t0) {
    std::printf("seconds=%.3f peak_kib=%ld\n", seconds_since(t0), peak_kib());
}

Id add_publication(Database& db, const std::string& slug, unsigned cadence) {
    CatalogRepository catalog(db);
    Publisher p = catalog.publisher();
    p.name = "Éditions du Banc d'Essai SAS";
    catalog.save_publisher(p);
    Publication pub;
    pub.name = "La Lettre du Banc";
    pub.slug = slug;
    pub.cadence = cadence;
    return catalog.insert_publication(pub);
}

Id add_placement(Database& db, Id pub, const std::string& code, const std::string& name, Minor price, int slots,
                 int position) {
    Placement pl;
    pl.publication_id = pub;
    pl.code = code;
    pl.name = name;
    pl.price = price;
    pl.slots = slots;
    pl.position = position;
    return CatalogRepository(db).insert_placement(pl);
}

std::vector<Id> add_sponsors(Database& db, int n) {
    std::vector<Id> ids;
    SponsorRepository repo(db);
    for (int s = 0; s < n; ++s) {
        Sponsor sp;
        sp.name = sponsor_name(s);
        ids.push_back(repo.insert(sp));
    }
    return ids;
}

int make_sheet_db(const std::string& path) {
    std::filesystem::remove(path);
    Database db(path);
    const auto t0 = std::chrono::steady_clock::now();
    WriteTransaction tx(db);
    const Id pub = add_publication(db, "banc", 0x7F);
    const Id pl = add_placement(db, pub, "classified", "Classified line", 10000, kSlotsPerIssue, 1);
    const std::vector<Id> sponsors = add_sponsors(db, kSponsors);
    IssueRepository issues(db);
    std::vector<Id> issue_ids;
    for (int d = 0; d < 31; ++d) {
        Issue i;
        i.publication_id = pub;
        i.number = d + 1;
        i.date = {2026, 3, d + 1};
        issue_ids.push_back(issues.insert(i));
        issues.set_stats(issue_ids.back(), issue_audience(d), std::nullopt, std::nullopt);
    }
    BookingRepository bookings(db);
    for (int k = 0; k < kSheetRows; ++k) {
        Booking b;
        b.issue_id = issue_ids[static_cast<size_t>(row_issue(k))];
        b.placement_id = pl;
        b.sponsor_id = sponsors[static_cast<size_t>(row_sponsor(k))];
        b.slot = k % kSlotsPerIssue + 1;
        b.price = row_price(k);
        b.status = booking_status_from(kStatuses[k % 3]);
        bookings.insert(b);
    }
    tx.commit();
    std::printf("database %s: %d booked bookings in March 2026\n", path.c_str(), kSheetRows);
    finish(t0);
    return 0;
}

int export_report(const std::string& db_path, const std::string& out) {
    const auto t0 = std::chrono::steady_clock::now();
    Database db(db_path);
    MonthlyReportRequest r;
    r.month = {2026, 3};
    r.path = out;
    r.today = Date{2026, 4, 15};
    const MonthlyReportResult res = ReportService(db).monthly(r);
    std::printf("SponsorDesk: %lld Bookings rows (+ Summary, Sponsors, Performance)\n",
                static_cast<long long>(res.rows));
    finish(t0);
    return 0;
}

// The Bookings sheet's cells, from memory, with libxlsxwriter alone.
int bare(const std::string& out) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::string> names;
    for (int s = 0; s < kSponsors; ++s) names.push_back(sponsor_name(s));
    lxw_workbook_options opt{};
    opt.constant_memory = LXW_TRUE;
    lxw_workbook* wb = workbook_new_opt(out.c_str(), &opt);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Bookings");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format* money = workbook_add_format(wb);
    format_set_num_format(money, "[$€-1809]#,##0.00");
    const char* header[] = {"Issue date", "Publication", "Placement", "Sponsor",      "Status",
                            "Price",      "Invoice",     "Currency",  "Effective CPM"};
    for (lxw_col_t c = 0; c < 9; ++c) worksheet_write_string(ws, 0, c, header[c], bold);
    for (int k = 0; k < kSheetRows; ++k) {
        const auto r = static_cast<lxw_row_t>(k + 1);
        const int d = row_issue(k);
        lxw_datetime dt{2026, 3, d + 1, 0, 0, 0.0};
        const Minor price = row_price(k);
        const std::int64_t audience = issue_audience(d);
        worksheet_write_datetime(ws, r, 0, &dt, date);
        worksheet_write_string(ws, r, 1, "La Lettre du Banc", nullptr);
        worksheet_write_string(ws, r, 2, "Classified line", nullptr);
        worksheet_write_string(ws, r, 3, names[static_cast<size_t>(row_sponsor(k))].c_str(), nullptr);
        worksheet_write_string(ws, r, 4, kStatuses[k % 3], nullptr);
        worksheet_write_number(ws, r, 5, static_cast<double>(price) / 100.0, money);
        worksheet_write_string(ws, r, 7, "EUR", nullptr);
        worksheet_write_number(ws, r, 8, static_cast<double>((price * 1000 + audience / 2) / audience) / 100.0, money);
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, kSheetRows, 8);
    if (workbook_close(wb) != LXW_NO_ERROR) return 1;
    std::printf("bare libxlsxwriter: %d rows\n", kSheetRows);
    finish(t0);
    return 0;
}

// 20 years of daily issues (7,305), 3 placements (15 slots), 2,000 sponsors,
// 100,000 bookings: 80 % booked, 10 % cancelled, 10 % holds.
int make_years_db(const std::string& path) {
    std::filesystem::remove(path);
    Database db(path);
    const auto t0 = std::chrono::steady_clock::now();
    WriteTransaction tx(db);
    const Id pub = add_publication(db, "quotidien", 0x7F);
    const Id placements[] = {add_placement(db, pub, "main", "Main sponsor", 150000, 1, 1),
                             add_placement(db, pub, "native", "Native", 80000, 2, 2),
                             add_placement(db, pub, "classified", "Classifieds", 20000, 12, 3)};
    const int slots[] = {1, 2, 12};
    CatalogRepository(db).set_house_ad(placements[0], "Our podcast");
    const std::vector<Id> sponsors = add_sponsors(db, kSponsors);
    IssueRepository issues(db);
    std::vector<Id> issue_ids;
    const Date first{2006, 1, 1};
    const int days = static_cast<int>(Date{2025, 12, 31}.days() - first.days()) + 1;
    for (int d = 0; d < days; ++d) {
        Issue i;
        i.publication_id = pub;
        i.number = d + 1;
        i.date = first.add_days(d);
        issue_ids.push_back(issues.insert(i));
        if (d % 3 == 0) issues.set_stats(issue_ids.back(), 40000 + d, 18000 + d / 2, 900 + d % 97);
    }
    BookingRepository bookings(db);
    const int total = 100000;
    for (int k = 0; k < total; ++k) {
        const int d = static_cast<int>(static_cast<long long>(k) * days / total);
        const int within = k - static_cast<int>((static_cast<long long>(d) * total + days - 1) / days);
        int p = 0, slot = within + 1;
        while (p < 2 && slot > slots[p]) slot -= slots[p++];
        Booking b;
        b.issue_id = issue_ids[static_cast<size_t>(d)];
        b.placement_id = placements[p];
        b.sponsor_id = sponsors[static_cast<size_t>((k * 7919) % kSponsors)];
        b.price = p == 0 ? 150000 : p == 1 ? 80000 : 20000;
        b.status = k % 10 == 0   ? BookingStatus::Cancelled
                   : k % 10 == 1 ? BookingStatus::Hold
                                 : BookingStatus::Published;
        if (b.status == BookingStatus::Hold) b.hold_until = first.add_days(d);
        if (b.status != BookingStatus::Cancelled) b.slot = std::min(slot, slots[p]);
        bookings.insert(b);
    }
    tx.commit();
    std::printf("database %s: %d daily issues, %d sponsors, %d bookings\n", path.c_str(), days, kSponsors, total);
    finish(t0);
    return 0;
}

ReportScope bench_scope() { return {{2016, 6, 1}, {2016, 6, 30}, std::nullopt, {2026, 4, 15}}; }

int monthly(const std::string& db_path, int runs) {
    const auto t0 = std::chrono::steady_clock::now();
    Database db(db_path);
    const std::string out = (std::filesystem::temp_directory_path() / "sponsordesk-bench-monthly.xlsx").string();
    std::vector<double> times;
    std::int64_t rows = 0;
    for (int i = 0; i < runs; ++i) {
        const auto t = std::chrono::steady_clock::now();
        MonthlyReportRequest r;
        r.month = {2016, 6};
        r.path = out;
        r.today = Date{2026, 4, 15};
        rows = ReportService(db).monthly(r).rows;
        times.push_back(seconds_since(t) * 1000);
    }
    std::sort(times.begin(), times.end());
    std::filesystem::remove(out);
    std::printf("monthly report of 2016-06 in-process: %lld rows, median %.1f ms, min %.1f ms, max %.1f ms (%d runs)\n",
                static_cast<long long>(rows), times[times.size() / 2], times.front(), times.back(), runs);
    finish(t0);
    return 0;
}

int plans(const std::string& db_path) {
    Database db(db_path);
    for (const auto& [name, plan] : ReportRepository(db).query_plans(bench_scope()))
        std::printf("-- %s\n%s", name.c_str(), plan.c_str());
    return 0;
}

int usage() {
    std::fprintf(stderr,
                 "usage: bench_reports sheet-db DB | export DB OUT | bare OUT | years-db DB | monthly DB [RUNS] "
                 "| plans DB\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    const std::string mode = argv[1];
    try {
        if (mode == "sheet-db") return make_sheet_db(argv[2]);
        if (mode == "export" && argc >= 4) return export_report(argv[2], argv[3]);
        if (mode == "bare") return bare(argv[2]);
        if (mode == "years-db") return make_years_db(argv[2]);
        if (mode == "monthly") return monthly(argv[2], argc > 3 ? std::atoi(argv[3]) : 15);
        if (mode == "plans") return plans(argv[2]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_reports: %s\n", e.what());
        return 1;
    }
    return usage();
}

// The Dashboard computed on a 100,000-booking file, on demand (not a test):
//   bench_dashboard [--db PATH] [--runs N] [--month YYYY-MM] [--today DATE]
// The file has the shape gui_bench makes (five years of a daily newsletter,
// a fifth of the bookings holds until their issue, 500 sponsors), made here
// when absent, plus 2,000 issued invoices of which some are unpaid and due.
// Goal: the whole Dashboard (every figure and list) in under 50 ms.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/dashboard_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/invoice_repository.h"
#include "sponsordesk/storage/sponsor_repository.h"

using namespace sponsordesk;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

constexpr long kRows = 100000;

void generate(const std::string& path) {
    const auto t0 = Clock::now();
    std::filesystem::remove(path);
    Database db(path);
    CatalogService cat(db);
    Publication p;
    p.name = "Le Brief du Matin";
    p.slug = "brief";
    cat.add_publication(p);
    Placement main;
    main.code = "main";
    main.name = "Sponsor principal";
    main.price = 150000;
    main.position = 1;
    main = cat.add_placement("brief", main);
    const std::vector<Issue> issues = IssueService(db).plan("brief", Date{2023, 1, 2}, Date{2027, 12, 31});
    const long per_issue = (kRows + static_cast<long>(issues.size()) - 1) / static_cast<long>(issues.size());
    std::vector<std::pair<Placement, int>> slots{{main, 1}};
    for (long left = per_issue - 1, n = 1; left > 0; left -= 40, ++n) {
        Placement cl;
        cl.code = "classified" + std::to_string(n);
        cl.name = "Petite annonce " + std::to_string(n);
        cl.price = 25000;
        cl.slots = static_cast<int>(std::min(40L, left));
        cl.position = static_cast<int>(n) + 1;
        cl = cat.add_placement("brief", cl);
        for (int k = 1; k <= cl.slots; ++k) slots.push_back({cl, k});
    }
    WriteTransaction tx(db);
    SponsorRepository sponsors(db);
    std::vector<Id> ids;
    for (int i = 0; i < 500; ++i) {
        Sponsor s;
        s.name = "Sponsor " + std::to_string(1000 + i);
        ids.push_back(sponsors.insert(s));
    }
    BookingRepository repo(db);
    const BookingStatus statuses[] = {BookingStatus::Confirmed, BookingStatus::CopyReceived, BookingStatus::Approved,
                                      BookingStatus::Published, BookingStatus::Hold};
    long made = 0;
    for (const Issue& is : issues)
        for (long s = 0; s < per_issue && made < kRows; ++s, ++made) {
            Booking b;
            b.issue_id = is.id;
            const auto& [pl, slot] = slots[static_cast<size_t>(s)];
            b.placement_id = pl.id;
            b.slot = slot;
            b.sponsor_id = ids[static_cast<size_t>(made % 500)];
            b.price = pl.price;
            b.status = statuses[made % 5];
            if (b.status == BookingStatus::Hold) b.hold_until = is.date;
            repo.insert(b);
        }
    tx.commit();
    std::printf("generated %ld bookings over %zu issues in %.0f ms\n", made, issues.size(), ms_since(t0));
}

// Issued invoices over the past three years, one in four still unpaid.
void add_invoices(Database& db, const Date& today) {
    const auto t0 = Clock::now();
    InvoiceRepository invoices(db);
    WriteTransaction tx(db);
    for (int k = 0; k < 2000; ++k) {
        const Date issued = today.add_days(-1095 + k * 1095 / 2000);
        Invoice inv;
        inv.sponsor_id = 1 + k % 500;
        inv.net = 100000 + k;
        inv.vat = inv.net / 5;
        inv.gross = inv.net + inv.vat;
        const Id id = invoices.insert(inv);
        invoices.issue(id, fmt::format("{}-{:04}", issued.year, k + 1), issued, issued.add_days(30), "{}", "{}",
                       InvoiceStatus::Issued);
        if (k % 4 != 0) {
            Payment pay;
            pay.invoice_id = id;
            pay.amount = inv.gross;
            pay.date = issued.add_days(20);
            invoices.insert_payment(pay);
            invoices.set_status(id, InvoiceStatus::Paid);
        }
    }
    tx.commit();
    std::printf("added 2000 invoices in %.0f ms\n", ms_since(t0));
}

}  // namespace

int main(int argc, char** argv) {
    std::string path = (std::filesystem::temp_directory_path() / "sponsordesk-bench-dashboard-100k.db").string();
    int runs = 21;
    Date today = Date::today();
    std::optional<Month> month;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--db"))
            path = argv[i + 1];
        else if (!std::strcmp(argv[i], "--runs"))
            runs = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--month"))
            month = Month::parse(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--today"))
            today = Date::parse(argv[i + 1]);
    }
    bool fresh = !std::filesystem::exists(path);
    if (!fresh) {
        Database db(path);
        BookingFilter f;
        f.today = today;
        fresh = BookingRepository(db).count(f) != kRows;
    }
    if (fresh) generate(path);
    {
        Database db(path);
        if (InvoiceRepository(db).list({}).empty()) add_invoices(db, today);
    }

    Database db(path);
    DashboardRequest r;
    r.month = month.value_or(Month{today.year, today.month});
    r.today = today;
    std::vector<double> times;
    Dashboard d;
    for (int i = 0; i < runs; ++i) {
        const auto t = Clock::now();
        d = DashboardService(db).compute(r);
        times.push_back(ms_since(t));
    }
    std::sort(times.begin(), times.end());
    Minor revenue = 0;
    for (const auto& c : d.revenue) revenue += c.revenue;
    std::printf(
        "dashboard of %s (today %s): revenue %lld (last year %lld), %zu placements, %lld holds ending, "
        "%lld copy late, %lld overdue invoices\n",
        r.month.iso().c_str(), today.iso().c_str(), static_cast<long long>(revenue),
        static_cast<long long>(d.revenue.empty() ? 0 : d.revenue.front().last_year), d.sell_through.size(),
        static_cast<long long>(d.holds_count), static_cast<long long>(d.copy_late_count),
        static_cast<long long>(d.overdue_count));
    std::printf("dashboard computed: median %.1f ms, min %.1f ms, max %.1f ms (%d runs; goal < 50 ms)\n",
                times[times.size() / 2], times.front(), times.back(), runs);
    return times[times.size() / 2] < 50.0 ? 0 : 1;
}

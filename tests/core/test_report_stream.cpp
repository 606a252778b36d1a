// The monthly report's bookings read on a helper thread: the same rows in
// the same order as a plain read, errors and cancellation that stop the
// reader cleanly, and a database that stays usable afterwards.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/report_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/database.h"
#include "sponsordesk/storage/issue_repository.h"
#include "sponsordesk/storage/report_repository.h"
#include "sponsordesk/storage/sponsor_repository.h"

using namespace sponsordesk;
namespace fs = std::filesystem;

namespace {

// More rows than the reader's batches in flight, so that it has to wait for
// the caller; sponsors and publications with names longer than a short string.
constexpr int kRows = 12000;
constexpr int kSlots = 400;
constexpr int kSponsors = 37;

class ReportStream : public ::testing::Test {
protected:
    void SetUp() override {
        WriteTransaction tx(db_);
        CatalogRepository catalog(db_);
        Publication pub;
        pub.name = "La Lettre du Banc d'Essai, édition complète";
        pub.slug = "banc";
        pub.cadence = 0x7F;
        const Id pub_id = catalog.insert_publication(pub);
        Placement pl;
        pl.publication_id = pub_id;
        pl.code = "classified";
        pl.name = "Classified line";
        pl.price = 10000;
        pl.slots = kSlots;
        pl.position = 1;
        const Id pl_id = catalog.insert_placement(pl);
        std::vector<Id> sponsors;
        SponsorRepository sponsor_repo(db_);
        for (int s = 0; s < kSponsors; ++s) {
            Sponsor sp;
            sp.name = fmt::format("Sponsor {:04d} & Fils — Société Anonyme", s);
            sponsors.push_back(sponsor_repo.insert(sp));
        }
        IssueRepository issues(db_);
        std::vector<Id> issue_ids;
        for (int d = 0; d < 31; ++d) {
            Issue i;
            i.publication_id = pub_id;
            i.number = d + 1;
            i.date = {2026, 3, d + 1};
            issue_ids.push_back(issues.insert(i));
            if (d % 2 == 0) issues.set_stats(issue_ids.back(), 1000 + d, std::nullopt, std::nullopt);
        }
        BookingRepository bookings(db_);
        const BookingStatus statuses[] = {BookingStatus::Published, BookingStatus::Confirmed, BookingStatus::Cancelled,
                                          BookingStatus::Hold};
        for (int k = 0; k < kRows; ++k) {
            Booking b;
            b.issue_id = issue_ids[static_cast<size_t>(k / kSlots)];
            b.placement_id = pl_id;
            b.sponsor_id = sponsors[static_cast<size_t>(k % kSponsors)];
            b.price = 10000 + k;
            b.status = statuses[k % 4];
            if (b.status == BookingStatus::Hold) b.hold_until = Date{2026, 3, 1 + k % 31};
            if (b.status != BookingStatus::Cancelled) b.slot = k % kSlots + 1;
            bookings.insert(b);
        }
        tx.commit();
    }

    static ReportScope scope() { return {{2026, 3, 1}, {2026, 3, 31}, std::nullopt, {2026, 3, 15}}; }

    // Every field of a row, so that two reads can be compared whole.
    static std::string digest(const PeriodBooking& b) {
        return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", b.issue_id, b.placement_id, b.sponsor_id,
                           b.issue_date.iso(), b.publication_name, b.placement_name, b.sponsor_name, b.status, b.booked,
                           b.live, b.price, b.currency, b.invoice_id ? std::to_string(*b.invoice_id) : "-",
                           b.invoice_number ? *b.invoice_number : "-", b.audience ? std::to_string(*b.audience) : "-");
    }

    // The Bookings sheet of a monthly report, read back with openpyxl: the
    // booked rows of a plain read (no helper thread), in the same order,
    // none lost, doubled or mixed up at a batch boundary.
    void expect_bookings_sheet_holds_the_booked_rows(const std::string& path) {
        std::vector<std::string> expected;
        ReportRepository(db_).for_each_booking(scope(), [&](const PeriodBooking& b) {
            if (b.booked)
                expected.push_back(fmt::format("{}T00:00:00|{}|{}|{}|{:.2f}", b.issue_date.iso(), b.placement_name,
                                               b.sponsor_name, b.status, static_cast<double>(b.price) / 100));
        });
        ASSERT_EQ(expected.size(), static_cast<size_t>(kRows / 2));
        int status = 0;
        const std::string out = sponsordesk::test::run_command(
            "/usr/bin/python3 '" SPONSORDESK_TEST_DATA "/../tools/sheet_rows.py' '" + path + "' Bookings", &status);
        ASSERT_EQ(status, 0) << "cannot read " << path;
        const nlohmann::json rows = nlohmann::json::parse(out);
        ASSERT_EQ(rows.size(), expected.size() + 1) << "header and one row per booked booking";
        EXPECT_EQ(rows[0][0], "Issue date");
        EXPECT_EQ(rows[0][3], "Sponsor");
        EXPECT_EQ(rows[0][5], "Price");
        std::vector<std::string> seen;
        for (size_t i = 1; i < rows.size(); ++i) {
            const auto& row = rows[i];
            seen.push_back(fmt::format("{}|{}|{}|{}|{:.2f}", row[0].get<std::string>(), row[2].get<std::string>(),
                                       row[3].get<std::string>(), row[4].get<std::string>(), row[5].get<double>()));
        }
        EXPECT_EQ(seen, expected);
    }

    Database db_{":memory:"};
};

TEST_F(ReportStream, PrefetchedReadGivesTheSameRowsInTheSameOrder) {
    ReportRepository repo(db_);
    std::vector<std::string> plain, prefetched;
    repo.for_each_booking(scope(), [&](const PeriodBooking& b) { plain.push_back(digest(b)); });
    repo.for_each_booking_prefetched(scope(), [&](const PeriodBooking& b) { prefetched.push_back(digest(b)); });
    ASSERT_EQ(plain.size(), static_cast<size_t>(kRows));
    EXPECT_EQ(plain, prefetched);
}

TEST_F(ReportStream, AnErrorInTheCallerStopsTheReaderAndTheDatabaseStaysUsable) {
    ReportRepository repo(db_);
    for (int stop_at : {1, 511, 512, 513, 5000}) {
        int seen = 0;
        EXPECT_THROW(repo.for_each_booking_prefetched(scope(),
                                                      [&](const PeriodBooking&) {
                                                          if (++seen == stop_at) throw std::runtime_error("stop");
                                                      }),
                     std::runtime_error);
        EXPECT_EQ(seen, stop_at);
        EXPECT_EQ(repo.count_bookings(scope()), kRows);
    }
    // Nothing to read is an empty loop, not a wait.
    int none = 0;
    repo.for_each_booking_prefetched({{2025, 1, 1}, {2025, 1, 31}, std::nullopt, {2026, 3, 15}},
                                     [&](const PeriodBooking&) { ++none; });
    EXPECT_EQ(none, 0);
}

TEST_F(ReportStream, AReadingErrorReachesTheCaller) {
    ReportRepository repo(db_);
    // The statement fails on the reader thread: the caller gets the typed error.
    guard_sql([&] { db_.sql().exec("ALTER TABLE booking RENAME TO booking_gone"); });
    int seen = 0;
    EXPECT_THROW(repo.for_each_booking_prefetched(scope(), [&](const PeriodBooking&) { ++seen; }), StorageError);
    EXPECT_EQ(seen, 0);
    guard_sql([&] { db_.sql().exec("ALTER TABLE booking_gone RENAME TO booking"); });
    EXPECT_EQ(repo.count_bookings(scope()), kRows);
}

TEST_F(ReportStream, CancellingMidStreamWritesNothingAndReturns) {
    std::random_device rd;
    const fs::path dir = fs::temp_directory_path() / fmt::format("sponsordesk-stream-{:x}{:x}", rd(), rd());
    fs::create_directories(dir);
    std::atomic<bool> stop{false};
    std::vector<double> seen;
    Progress progress;
    progress.cancel = &stop;
    progress.report = [&](double f) {
        seen.push_back(f);
        if (f > 0.2) stop = true;  // part-way through the Bookings rows
    };
    MonthlyReportRequest r;
    r.month = {2026, 3};
    r.path = (dir / "march.xlsx").string();
    r.today = Date{2026, 3, 15};
    EXPECT_THROW(ReportService(db_).monthly(r, progress), ReportCancelled);
    ASSERT_FALSE(seen.empty());
    EXPECT_LT(seen.back(), 0.9);  // stopped while streaming, not after
    EXPECT_TRUE(fs::is_empty(dir));
    // And the same report runs to the end afterwards.
    stop = false;
    progress.report = {};
    const MonthlyReportResult res = ReportService(db_).monthly(r, progress);
    EXPECT_EQ(res.rows, kRows / 2);  // published and confirmed
    expect_bookings_sheet_holds_the_booked_rows(r.path);
    fs::remove_all(dir);
}

}  // namespace

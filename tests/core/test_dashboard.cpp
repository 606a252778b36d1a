// The Dashboard's figures on the example year, each checked against a query
// written here from SPEC's words (not the storage's fragments), and against
// the report and the invoice list that define the same figures.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "test_support.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/dashboard_service.h"
#include "sponsordesk/services/demo_service.h"
#include "sponsordesk/services/invoice_rules.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/report_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/dashboard_repository.h"
#include "sponsordesk/storage/invoice_rules_sql.h"

using namespace sponsordesk;
using sponsordesk::test::TempDir;

namespace {

constexpr const char* kToday = "2026-11-18";

class DashboardTest : public ::testing::Test {
protected:
    // The example year takes seconds to make: once for the suite.
    static void SetUpTestSuite() {
        setenv("SPONSORDESK_TODAY", kToday, 1);
        dir_ = std::make_unique<TempDir>();
        db_ = std::make_unique<Database>(dir_->file("demo.db"));
        DemoService(*db_).fill();
    }
    static void TearDownTestSuite() {
        db_.reset();
        dir_.reset();
        unsetenv("SPONSORDESK_TODAY");
    }
    void SetUp() override { setenv("SPONSORDESK_TODAY", kToday, 1); }

    static Date today() { return Date::parse(kToday); }

    static Dashboard compute(const Month& m, std::optional<PublicationId> pub = std::nullopt, int limit = 100000) {
        DashboardRequest r;
        r.month = m;
        r.publication = pub;
        r.today = today();
        r.limit = limit;
        return DashboardService(*db_).compute(r);
    }

    // Booked revenue per currency, from SPEC: the prices of the bookings that
    // are confirmed or further along (not holds, not cancelled) on the
    // month's issues, in their publication's currency.
    static std::map<std::string, std::pair<Minor, std::int64_t>> revenue_sql(const Month& m,
                                                                             std::optional<Id> pub = std::nullopt) {
        SQLite::Statement q(db_->sql(),
                            "SELECT p.currency, sum(b.price), count(*) FROM booking b "
                            "JOIN issue i ON i.id = b.issue_id JOIN publication p ON p.id = i.publication_id "
                            "WHERE i.date >= ? AND i.date <= ? AND (? IS NULL OR p.id = ?) "
                            "AND b.status IN ('confirmed', 'copy-received', 'approved', 'published') "
                            "GROUP BY p.currency");
        q.bind(1, m.first().iso());
        q.bind(2, m.last().iso());
        if (pub) {
            q.bind(3, static_cast<int64_t>(*pub));
            q.bind(4, static_cast<int64_t>(*pub));
        }
        std::map<std::string, std::pair<Minor, std::int64_t>> out;
        while (q.executeStep())
            out[q.getColumn(0).getString()] = {q.getColumn(1).getInt64(), q.getColumn(2).getInt64()};
        return out;
    }

    static std::set<Id> ids(const std::string& sql) {
        SQLite::Statement q(db_->sql(), sql);
        std::set<Id> out;
        while (q.executeStep()) out.insert(q.getColumn(0).getInt64());
        return out;
    }

    static std::int64_t scalar(const std::string& sql) {
        SQLite::Statement q(db_->sql(), sql);
        q.executeStep();
        return q.getColumn(0).getInt64();
    }

    static inline std::unique_ptr<TempDir> dir_;
    static inline std::unique_ptr<Database> db_;
};

}  // namespace

TEST_F(DashboardTest, BookedRevenueOfTheMonthAndOfTheSameMonthLastYear) {
    // The example year runs from nine months back to three months ahead:
    // February 2027 has a February 2026 to compare with.
    for (const Month m : {Month{2026, 11}, Month{2027, 2}, Month{2026, 6}}) {
        SCOPED_TRACE(m.iso());
        const Dashboard d = compute(m);
        EXPECT_EQ(d.last_year_month.iso(), fmt::format("{}-{:02}", m.year - 1, m.month));
        const auto now = revenue_sql(m);
        const auto before = revenue_sql(d.last_year_month);
        std::set<std::string> currencies;
        for (const auto& [c, v] : now) currencies.insert(c);
        for (const auto& [c, v] : before) currencies.insert(c);
        ASSERT_EQ(d.revenue.size(), currencies.size());
        for (const RevenueComparison& r : d.revenue) {
            SCOPED_TRACE(r.currency);
            const auto n = now.count(r.currency) ? now.at(r.currency) : std::pair<Minor, std::int64_t>{0, 0};
            const auto b = before.count(r.currency) ? before.at(r.currency) : std::pair<Minor, std::int64_t>{0, 0};
            EXPECT_EQ(r.revenue, n.first);
            EXPECT_EQ(r.booked, n.second);
            EXPECT_EQ(r.last_year, b.first);
            EXPECT_EQ(r.last_year_booked, b.second);
        }
    }
    // Something to compare: the example year books both Februaries.
    const Dashboard feb = compute(Month{2027, 2});
    ASSERT_FALSE(feb.revenue.empty());
    EXPECT_GT(feb.revenue.front().revenue, 0);
    EXPECT_GT(feb.revenue.front().last_year, 0);
}

TEST_F(DashboardTest, BookedRevenueIsTheMonthlyReportsFigure) {
    TempDir out;
    MonthlyReportRequest req;
    req.month = Month{2026, 11};
    req.path = out.file("november.xlsx");
    req.today = today();
    const MonthlyReportResult report = ReportService(*db_).monthly(req);
    const Dashboard d = compute(req.month);
    std::map<std::string, Minor> reported, shown;
    for (const auto& t : report.totals)
        if (t.booked_revenue != 0) reported[t.currency] = t.booked_revenue;
    for (const auto& r : d.revenue)
        if (r.revenue != 0) shown[r.currency] = r.revenue;
    EXPECT_EQ(shown, reported);
    EXPECT_FALSE(shown.empty());
}

TEST_F(DashboardTest, ChangeAgainstLastYearRoundsHalfAwayFromZero) {
    RevenueComparison r;
    r.currency = "EUR";
    r.revenue = 112500;
    r.last_year = 100000;
    EXPECT_EQ(r.change_permille(), 125);
    r.revenue = 87500;
    EXPECT_EQ(r.change_permille(), -125);
    r.revenue = 100, r.last_year = 300;  // −666.67 ‰
    EXPECT_EQ(r.change_permille(), -667);
    r.last_year = 0;
    EXPECT_EQ(r.change_permille(), std::nullopt);
}

TEST_F(DashboardTest, SellThroughPerPlacementIsSoldSlotsOverSlotsOffered) {
    const Month m{2026, 11};
    const Dashboard d = compute(m);
    // Every active placement of a publication with issues in the month.
    const std::int64_t placements =
        scalar(fmt::format("SELECT count(*) FROM placement pl WHERE pl.active AND EXISTS (SELECT 1 FROM issue i WHERE "
                           "i.publication_id = pl.publication_id AND i.date BETWEEN '{}' AND '{}')",
                           m.first().iso(), m.last().iso()));
    ASSERT_GT(placements, 0);
    EXPECT_EQ(static_cast<std::int64_t>(d.sell_through.size()), placements);
    std::int64_t sold_somewhere = 0;
    for (const PlacementFill& f : d.sell_through) {
        SCOPED_TRACE(f.publication_name + " " + f.placement_code);
        const std::string placement = fmt::format(
            "(SELECT pl.id FROM placement pl JOIN publication p ON p.id = pl.publication_id "
            "WHERE p.name = '{}' AND pl.code = '{}')",
            f.publication_name, f.placement_code);
        const std::int64_t offered = scalar(fmt::format(
            "SELECT count(*) * (SELECT slots FROM placement WHERE id = {0}) FROM issue i WHERE i.publication_id = "
            "(SELECT publication_id FROM placement WHERE id = {0}) AND i.date BETWEEN '{1}' AND '{2}'",
            placement, m.first().iso(), m.last().iso()));
        const std::int64_t sold = scalar(
            fmt::format("SELECT count(*) FROM booking b JOIN issue i ON i.id = b.issue_id WHERE b.placement_id = {} "
                        "AND i.date BETWEEN '{}' AND '{}' AND b.status IN ('confirmed', 'copy-received', 'approved', "
                        "'published')",
                        placement, m.first().iso(), m.last().iso()));
        EXPECT_EQ(f.offered, offered);
        EXPECT_EQ(f.sold, sold);
        EXPECT_LE(f.sold, f.offered);
        sold_somewhere += sold;
    }
    EXPECT_GT(sold_somewhere, 0);
}

TEST_F(DashboardTest, HoldsExpiringWithinSevenDaysOfToday) {
    const Dashboard d = compute(Month{2026, 11});
    // Holds whose last day is today or one of the next six: gone within a week.
    const std::set<Id> expected = ids(
        "SELECT id FROM booking WHERE status = 'hold' AND hold_until >= '2026-11-18' AND hold_until <= '2026-11-24'");
    ASSERT_FALSE(expected.empty()) << "the example year has holds ending this week";
    std::set<Id> shown;
    for (const DashboardHold& h : d.holds) {
        shown.insert(h.booking.value);
        EXPECT_FALSE(h.hold_until < today());
        EXPECT_TRUE(h.hold_until < today().add_days(7));
    }
    EXPECT_EQ(shown, expected);
    EXPECT_EQ(d.holds_count, static_cast<std::int64_t>(expected.size()));
    for (size_t k = 1; k < d.holds.size(); ++k) EXPECT_FALSE(d.holds[k].hold_until < d.holds[k - 1].hold_until);
}

TEST_F(DashboardTest, CopyLateIsTheBookingListsCopyLate) {
    const Dashboard d = compute(Month{2026, 11});
    // Not approved yet, still holding its slot, and the issue date minus the
    // publication's copy deadline is before today.
    const std::set<Id> expected = ids(
        "SELECT b.id FROM booking b JOIN issue i ON i.id = b.issue_id JOIN publication p ON p.id = i.publication_id "
        "WHERE b.status IN ('hold', 'confirmed', 'copy-received') "
        "AND NOT (b.status = 'hold' AND b.hold_until IS NOT NULL AND b.hold_until < '2026-11-18') "
        "AND julianday(i.date) - p.copy_deadline_days < julianday('2026-11-18')");
    ASSERT_FALSE(expected.empty()) << "the example year has copy late";
    std::set<Id> shown;
    for (const DashboardCopyLate& c : d.copy_late) {
        shown.insert(c.booking.value);
        EXPECT_TRUE(c.copy_due < today());
    }
    EXPECT_EQ(shown, expected);
    EXPECT_EQ(d.copy_late_count, static_cast<std::int64_t>(expected.size()));
    // The same bookings as `booking list --copy-late`.
    BookingFilter f;
    f.today = today();
    f.copy_late = true;
    std::set<Id> listed;
    for (const BookingView& v : BookingRepository(*db_).list(f)) listed.insert(v.booking.id);
    EXPECT_EQ(shown, listed);
}

TEST_F(DashboardTest, OverdueInvoicesAreTheInvoiceListsOverdue) {
    const Dashboard d = compute(Month{2026, 11});
    // Issued, not paid in full, due before today.
    const std::set<Id> expected =
        ids("SELECT inv.id FROM invoice inv WHERE inv.kind = 'invoice' AND inv.status = 'issued' "
            "AND inv.due_date < '2026-11-18' "
            "AND inv.gross > (SELECT coalesce(sum(amount), 0) FROM payment WHERE invoice_id = inv.id)");
    ASSERT_FALSE(expected.empty()) << "the example year has overdue invoices";
    std::set<Id> shown;
    std::map<std::string, Minor> outstanding;
    for (const DashboardOverdue& o : d.overdue) {
        shown.insert(o.invoice.value);
        EXPECT_GT(o.days_overdue, 0);
        EXPECT_GT(o.outstanding, 0);
        EXPECT_LE(o.outstanding, o.gross);
        EXPECT_FALSE(o.number.empty());
        outstanding[o.currency] += o.outstanding;
    }
    EXPECT_EQ(shown, expected);
    EXPECT_EQ(d.overdue_count, static_cast<std::int64_t>(expected.size()));
    for (const CurrencyAmount& t : d.overdue_totals) EXPECT_EQ(t.amount, outstanding[t.currency]) << t.currency;
    // What the Invoices view shows as overdue, with the same days.
    InvoiceQuery q;
    q.state = InvoiceState::Overdue;
    std::set<Id> listed;
    for (const InvoiceView& v : InvoiceService(*db_).list(q)) {
        listed.insert(v.invoice.id);
        for (const DashboardOverdue& o : d.overdue)
            if (o.invoice == v.id()) {
                EXPECT_EQ(o.days_overdue, v.days_overdue);
                EXPECT_EQ(o.outstanding, v.outstanding);
            }
    }
    EXPECT_EQ(shown, listed);
}

TEST_F(DashboardTest, TheOverdueRuleAndItsSqlAgreeOnEveryInvoice) {
    SQLite::Statement q(db_->sql(), fmt::format("SELECT inv.id, {}, {} FROM invoice inv ORDER BY inv.id",
                                                invoice_rules::sql::kOverdue, invoice_rules::sql::kOutstanding));
    int compared = 0;
    // Around the due dates: before, on and after today for many invoices.
    for (const char* when : {"2026-03-15", "2026-07-01", kToday, "2027-01-31"}) {
        const Date day = Date::parse(when);
        q.reset();
        q.bind(":today", day.iso());
        while (q.executeStep()) {
            const InvoiceView v = InvoiceService(*db_).get(InvoiceId{q.getColumn(0).getInt64()});
            const Minor outstanding = v.invoice.kind == InvoiceKind::Invoice ? q.getColumn(2).getInt64() : 0;
            EXPECT_EQ(q.getColumn(1).getInt() != 0,
                      invoice_rules::is_overdue(v.invoice.kind, v.invoice.status, v.invoice.due_date, outstanding, day))
                << "invoice " << v.invoice.id << " on " << when;
            ++compared;
        }
    }
    EXPECT_GT(compared, 40);
}

TEST_F(DashboardTest, OnePublicationShowsOnlyItsFigures) {
    const auto pubs = CatalogService(*db_).publications();
    ASSERT_GE(pubs.size(), 2u);
    const Month m{2026, 11};
    const Dashboard all = compute(m);
    std::int64_t holds = 0, late = 0, placements = 0;
    for (const Publication& p : pubs) {
        SCOPED_TRACE(p.slug);
        const Dashboard d = compute(m, PublicationId{p.id});
        const auto expected = revenue_sql(m, p.id);
        for (const RevenueComparison& r : d.revenue)
            EXPECT_EQ(r.revenue, expected.count(r.currency) ? expected.at(r.currency).first : 0);
        for (const PlacementFill& f : d.sell_through) EXPECT_EQ(f.publication_name, p.name);
        for (const DashboardHold& h : d.holds) EXPECT_EQ(h.publication, PublicationId{p.id});
        for (const DashboardCopyLate& c : d.copy_late) EXPECT_EQ(c.publication, PublicationId{p.id});
        holds += d.holds_count;
        late += d.copy_late_count;
        placements += static_cast<std::int64_t>(d.sell_through.size());
    }
    EXPECT_EQ(holds, all.holds_count);
    EXPECT_EQ(late, all.copy_late_count);
    EXPECT_EQ(placements, static_cast<std::int64_t>(all.sell_through.size()));
}

TEST_F(DashboardTest, ListsStopAtTheLimitAndCountEverything) {
    const Dashboard full = compute(Month{2026, 11});
    const Dashboard two = compute(Month{2026, 11}, std::nullopt, 2);
    ASSERT_GT(full.copy_late_count, 2);
    EXPECT_EQ(two.copy_late.size(), 2u);
    EXPECT_EQ(two.copy_late_count, full.copy_late_count);
    EXPECT_EQ(two.copy_late[0].booking, full.copy_late[0].booking);
    EXPECT_LE(two.holds.size(), 2u);
    EXPECT_EQ(two.holds_count, full.holds_count);
    EXPECT_LE(two.overdue.size(), 2u);
    EXPECT_EQ(two.overdue_count, full.overdue_count);
}

TEST_F(DashboardTest, UnknownPublicationIsNotFound) {
    try {
        compute(Month{2026, 11}, PublicationId{999999});
        FAIL() << "no error";
    } catch (const NotFound&) {
    }
}

TEST(DashboardEmpty, EveryShapeOfDatabaseGivesEmptyFigures) {
    Database db(":memory:");
    DashboardRequest r;
    r.month = Month{2026, 11};
    r.today = Date{2026, 11, 18};
    auto check_empty = [&](const char* shape) {
        SCOPED_TRACE(shape);
        const Dashboard d = DashboardService(db).compute(r);
        EXPECT_TRUE(d.revenue.empty());
        EXPECT_EQ(d.holds_count, 0);
        EXPECT_EQ(d.copy_late_count, 0);
        EXPECT_EQ(d.overdue_count, 0);
        EXPECT_TRUE(d.holds.empty() && d.copy_late.empty() && d.overdue.empty());
        return d;
    };
    EXPECT_TRUE(check_empty("new file").sell_through.empty());
    CatalogService cat(db);
    Publication p;
    p.name = "Le Brief";
    p.slug = "brief";
    cat.add_publication(p);
    EXPECT_TRUE(check_empty("publication only").sell_through.empty());
    Placement pl;
    pl.code = "main";
    pl.name = "Main";
    pl.price = 100000;
    pl.slots = 2;
    cat.add_placement("brief", pl);
    EXPECT_TRUE(check_empty("no issue").sell_through.empty());
    db.sql().exec("INSERT INTO issue (publication_id, number, date) VALUES (1, 1, '2026-11-20')");
    const Dashboard d = check_empty("an issue, no booking");
    ASSERT_EQ(d.sell_through.size(), 1u);
    EXPECT_EQ(d.sell_through[0].offered, 2);
    EXPECT_EQ(d.sell_through[0].sold, 0);
}

TEST_F(DashboardTest, BookingQueriesFollowTheIndexesNotTheWholeTable) {
    for (const bool one_publication : {false, true}) {
        DashboardScope scope{today(), std::nullopt};
        if (one_publication) scope.publication_id = 1;
        for (const auto& [name, plan] : DashboardRepository(*db_).query_plans(scope)) {
            SCOPED_TRACE(name + ":\n" + plan);
            // Bookings are reached from their issues (by date), never scanned.
            EXPECT_EQ(plan.find("SCAN booking"), std::string::npos);
            EXPECT_EQ(plan.find("SCAN b\n"), std::string::npos);
            EXPECT_EQ(plan.find("SCAN b "), std::string::npos);
        }
    }
}

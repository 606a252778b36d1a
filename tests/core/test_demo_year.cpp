// The example year uses what a publisher does in a year, through the same
// services as the command line: multi-issue deals, moved and repriced
// bookings, fees as free invoice lines, and the sent issues' figures and
// link clicks imported from the sending platform's exports. Each test checks
// what a user would look at.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "sponsordesk/drafts/utm.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/demo_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/results_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/database.h"
#include "test_support.h"

using namespace sponsordesk;
using sponsordesk::test::run_command;
using sponsordesk::test::TempDir;

namespace {

constexpr const char* kToday = "2026-11-18";

class DemoYear : public ::testing::Test {
protected:
    // The example year takes seconds to make: once for the suite.
    static void SetUpTestSuite() {
        setenv("SPONSORDESK_TODAY", kToday, 1);
        dir_ = std::make_unique<TempDir>();
        db_ = std::make_unique<Database>(dir_->file("demo.db"));
        summary_ = DemoService(*db_).fill();
    }
    static void TearDownTestSuite() {
        db_.reset();
        dir_.reset();
        unsetenv("SPONSORDESK_TODAY");
    }
    void SetUp() override { setenv("SPONSORDESK_TODAY", kToday, 1); }

    static Date today() { return Date::parse(kToday); }

    static std::vector<BookingView> all_bookings() { return BookingService(*db_).list({}); }

    static std::int64_t scalar(const std::string& sql) {
        SQLite::Statement q(db_->sql(), sql);
        q.executeStep();
        return q.getColumn(0).getInt64();
    }

    // Every row of every table, columns by name, leaving out the wall-clock
    // times of writing (created_at, saved_at, the activity log's at).
    static std::map<std::string, std::vector<std::string>> content(Database& db) {
        std::map<std::string, std::vector<std::string>> out;
        SQLite::Statement tables(db.sql(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (tables.executeStep()) {
            const std::string table = tables.getColumn(0).getString();
            SQLite::Statement rows(db.sql(), "SELECT * FROM \"" + table + "\" ORDER BY rowid");
            while (rows.executeStep()) {
                std::string row;
                for (int c = 0; c < rows.getColumnCount(); ++c) {
                    const std::string name = rows.getColumnName(c);
                    if (name == "created_at" || name == "saved_at" || (table == "activity" && name == "at")) continue;
                    row += name + "=" + (rows.getColumn(c).isNull() ? "NULL" : rows.getColumn(c).getString()) + "|";
                }
                out[table].push_back(row);
            }
        }
        return out;
    }

    static inline std::unique_ptr<TempDir> dir_;
    static inline std::unique_ptr<Database> db_;
    static inline DemoSummary summary_;
};

}  // namespace

TEST_F(DemoYear, DealsAreSeriesOfOneSponsorInOnePlacementAndMovedBookingsSayFromWhere) {
    EXPECT_EQ(summary_.deals, 3);
    // A deal's bookings share its notes (book --dates / --every writes them on each).
    std::map<std::string, std::vector<BookingView>> by_notes;
    for (BookingView& v : all_bookings())
        if (!v.booking.notes.empty()) by_notes[v.booking.notes].push_back(std::move(v));
    int every_weekday = 0, chosen_dates = 0;
    for (const auto& [notes, series] : by_notes) {
        if (series.size() < 3) continue;
        SCOPED_TRACE(notes);
        std::set<int> weekdays;
        std::set<Date> dates;
        for (const BookingView& v : series) {
            EXPECT_EQ(v.booking.sponsor_id, series.front().booking.sponsor_id);
            EXPECT_EQ(v.booking.placement_id, series.front().booking.placement_id);
            EXPECT_EQ(v.booking.price, series.front().booking.price);
            weekdays.insert(v.issue_date.weekday());
            dates.insert(v.issue_date);
        }
        EXPECT_EQ(dates.size(), series.size()) << "one booking per issue";
        // The pattern: every issue of those weekdays from the first date to the last.
        unsigned mask = 0;
        for (int w : weekdays) mask |= 1u << w;
        const Publication pub = CatalogService(*db_).publication(series.front().publication_slug);
        std::set<Date> pattern;
        for (const Issue& is :
             IssueService(*db_).on_weekdays(PublicationId{pub.id}, *dates.begin(), *dates.rbegin(), mask))
            pattern.insert(is.date);
        if (pattern == dates) {
            ++every_weekday;
        } else {
            ++chosen_dates;
            EXPECT_TRUE(std::includes(pattern.begin(), pattern.end(), dates.begin(), dates.end()));
        }
    }
    EXPECT_GE(every_weekday, 1) << "a sponsor buying every Tuesday of a quarter";
    EXPECT_GE(chosen_dates, 1) << "a sponsor buying a list of dates";

    // The bank's quarter: every Tuesday, 15 % under the list price, run and published.
    const auto bank = std::find_if(by_notes.begin(), by_notes.end(),
                                   [](const auto& kv) { return kv.first.rfind("Forfait trimestriel", 0) == 0; });
    ASSERT_NE(bank, by_notes.end());
    ASSERT_GE(bank->second.size(), 12u);
    for (const BookingView& v : bank->second) {
        EXPECT_EQ(v.issue_date.weekday(), 1);
        EXPECT_EQ(v.booking.price, v.list_price - v.list_price * 15 / 100);
        EXPECT_EQ(v.booking.status, BookingStatus::Published);
        EXPECT_EQ(v.placement_code, "MAIN");
    }

    // Two bookings moved a week later, their notes say from where.
    EXPECT_EQ(summary_.moved, 2);
    int moved = 0, published = 0, ahead = 0;
    for (const BookingView& v : all_bookings()) {
        if (v.booking.notes.rfind("Prévu le ", 0) != 0) continue;
        SCOPED_TRACE(v.booking.notes);
        ++moved;
        const Date planned = Date::parse(v.booking.notes.substr(std::string("Prévu le ").size(), 10));
        EXPECT_EQ(v.issue_date, planned.add_days(7));
        // The issue it was first booked in exists, and this booking is not there.
        const Issue first = IssueService(*db_).get(v.publication_slug, planned);
        EXPECT_NE(first.id, v.booking.issue_id);
        EXPECT_TRUE(v.booking.slot.has_value());
        if (v.booking.status == BookingStatus::Published) {
            ++published;
            EXPECT_EQ(v.booking.price, v.list_price);
        } else {
            ++ahead;
            EXPECT_TRUE(today() < v.issue_date);
            EXPECT_TRUE(v.live);
            // Repriced (booking price) for the trouble.
            EXPECT_EQ(v.booking.price, v.list_price - v.list_price * 20 / 100);
        }
    }
    EXPECT_EQ(moved, 2);
    EXPECT_EQ(published, 1);
    EXPECT_EQ(ahead, 1);
}

TEST_F(DemoYear, FeesAreFreeLinesOfIssuedInvoicesAndShowOnTheirPdf) {
    EXPECT_GT(summary_.free_lines, 0);
    InvoiceService invoices(*db_);
    int production = 0, rush = 0;
    std::optional<InvoiceView> deal_invoice;
    for (const InvoiceView& listed : invoices.list({})) {
        if (listed.invoice.kind != InvoiceKind::Invoice || !listed.invoice.number) continue;
        const InvoiceView v = invoices.get(listed.id());
        Minor net = 0;
        for (const InvoiceLine& l : v.lines) {
            net += l.net;
            if (l.booking_id) continue;
            EXPECT_GT(l.net, 0) << l.description;
            if (l.description.rfind("Frais de production", 0) == 0 || l.description.rfind("Production fee", 0) == 0)
                ++production;
            if (l.description.rfind("Frais d'urgence", 0) == 0 || l.description.rfind("Rush fee", 0) == 0) ++rush;
            if (l.description == "Frais de production : rédaction et mise en page des annonces du forfait" &&
                !deal_invoice)
                deal_invoice = v;
        }
        EXPECT_EQ(net, v.invoice.net) << *v.invoice.number << ": the free lines count in the total";
    }
    EXPECT_GT(production, 1);
    EXPECT_GT(rush, 0);

    // The bank's first month of its quarter carries the production of its ads.
    ASSERT_TRUE(deal_invoice.has_value());
    EXPECT_EQ(deal_invoice->sponsor_name, "Qonto Pro");
    TempDir dir;
    const std::string pdf = dir.file("invoice.pdf");
    EXPECT_EQ(invoices.export_pdf(deal_invoice->id(), pdf), InvoiceService::PdfKind::FacturX);
    std::string text = run_command("pdftotext '" + pdf + "' -");
    std::replace(text.begin(), text.end(), '\n', ' ');
    EXPECT_NE(text.find("Frais de production"), std::string::npos) << text;
    EXPECT_NE(text.find("350,00"), std::string::npos) << text;
}

TEST_F(DemoYear, ImportedResultsGiveIssuesFiguresBookingsClicksAndSponsorReportsRatios) {
    int sent = 0, with_sponsor_clicks = 0;
    for (const Publication& p : CatalogService(*db_).publications())
        for (const Issue& is : IssueService(*db_).list(p.slug, std::nullopt, std::nullopt)) {
            SCOPED_TRACE(p.slug + " " + is.date.iso());
            if (!(is.date < today())) {
                EXPECT_NE(is.status, IssueStatus::Sent);
                EXPECT_FALSE(is.audience || is.opens || is.clicks);
                continue;
            }
            ++sent;
            EXPECT_EQ(is.status, IssueStatus::Sent);
            ASSERT_TRUE(is.audience && is.opens && is.clicks);
            EXPECT_GT(*is.audience, 10000);
            EXPECT_GT(*is.opens, *is.audience / 3);
            EXPECT_LT(*is.opens, *is.audience);
            // The issue's clicks are those of all its links: the sponsors' and its own.
            const std::int64_t sponsor_clicks =
                scalar(fmt::format("SELECT coalesce(sum(clicks), 0) FROM link_click WHERE issue_id = {}", is.id));
            if (sponsor_clicks > 0) ++with_sponsor_clicks;
            EXPECT_GT(*is.clicks, sponsor_clicks);
            EXPECT_LT(*is.clicks, *is.audience / 10);
        }
    EXPECT_GT(sent, 200);
    // An issue whose slots were all cancelled ran house ads only.
    EXPECT_GT(with_sponsor_clicks, sent * 9 / 10);
    EXPECT_EQ(summary_.issues_with_results, sent);
    {  // Every run booking's links, matched to it by their UTM tags.
        EXPECT_GT(summary_.links_matched, 500);
        EXPECT_GT(summary_.links_unmatched, 0) << "the newsletter's own links match no booking";
        int published = 0;
        for (const BookingView& v : all_bookings()) {
            if (v.booking.status != BookingStatus::Published) continue;
            ++published;
            SCOPED_TRACE(fmt::format("booking {} ({} {} {})", v.booking.id, v.sponsor_name, v.issue_date.iso(),
                                     v.placement_code));
            SQLite::Statement q(db_->sql(), "SELECT url, clicks FROM link_click WHERE booking_id = ?");
            q.bind(1, static_cast<int64_t>(v.booking.id));
            int links = 0;
            while (q.executeStep()) {
                ++links;
                EXPECT_GT(q.getColumn(1).getInt64(), 0);
                const auto link = read_tagged_link(q.getColumn(0).getString());
                ASSERT_TRUE(link.has_value());
                EXPECT_EQ(link->source, v.publication_slug);
                EXPECT_EQ(link->campaign, v.issue_date.iso());
                EXPECT_EQ(link->content, v.placement_code);
                // The sponsor's own site, the one its copy links to.
                EXPECT_NE(v.booking.copy.find("https://" + link->host), std::string::npos) << link->host;
            }
            EXPECT_GE(links, 1);
        }
        EXPECT_GT(published, 500);
        // Nothing but run bookings has clicks.
        EXPECT_EQ(scalar("SELECT count(*) FROM link_click l JOIN booking b ON b.id = l.booking_id "
                         "WHERE b.status != 'published'"),
                  0);
    }
    {  // The post-campaign report of a deal's sponsor.
        const auto sponsor = SponsorService(*db_).find_by_name("Qonto Pro");
        ASSERT_TRUE(sponsor.has_value());
        SponsorReportRequest r;
        r.sponsor = SponsorId{sponsor->id};
        r.from = Date::parse("2026-01-01");
        r.to = today();
        r.today = today();
        const SponsorReport report = ResultsService(*db_).sponsor_report(r).report;
        ASSERT_GE(report.bookings.size(), 13u);
        for (const CampaignBooking& b : report.bookings) {
            SCOPED_TRACE(b.issue_date.iso());
            EXPECT_TRUE(b.audience && b.opens);
            ASSERT_TRUE(b.clicks.has_value());
            EXPECT_GT(*b.clicks, 0);
            EXPECT_GE(b.links, 1);
        }
        ASSERT_EQ(report.totals.size(), 1u);
        const CampaignTotals& t = report.totals.front();
        ASSERT_TRUE(t.clicks && t.ctr && t.click_to_open && t.cost_per_click && t.effective_cpm);
        EXPECT_GT(*t.clicks, 1000);
        EXPECT_GT(*t.ctr, 0.001);
        EXPECT_LT(*t.ctr, 0.05);
        EXPECT_GT(*t.cost_per_click, 0);
        EXPECT_GT(*t.effective_cpm, 0);
    }
}

TEST_F(DemoYear, TheSameDayGivesTheSameYearAndNoExportIsLeftBehind) {
    Database again(":memory:");
    const DemoSummary second = DemoService(again).fill();
    EXPECT_EQ(second.bookings, summary_.bookings);
    EXPECT_EQ(second.links_unmatched, summary_.links_unmatched);
    const auto first_content = content(*db_);
    const auto second_content = content(again);
    ASSERT_EQ(first_content.size(), second_content.size());
    for (const auto& [table, rows] : first_content) {
        SCOPED_TRACE(table);
        ASSERT_EQ(rows.size(), second_content.at(table).size());
        for (size_t i = 0; i < rows.size(); ++i)
            if (rows[i] != second_content.at(table)[i]) {
                ADD_FAILURE() << "row " << i << " differs";
                break;
            }
    }
    EXPECT_FALSE(first_content.at("link_click").empty());
    // The platform exports it wrote for the import are gone.
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
        EXPECT_NE(entry.path().filename().string().rfind(fmt::format("sponsordesk-demo-{}-", ::getpid()), 0), 0u)
            << entry.path();
}

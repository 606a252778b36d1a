// Campaign results: a sending platform's exports read into the issues'
// figures (import stats) and into each sponsor link's clicks (import
// clicks), matched to bookings by their UTM tags and nothing else.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <fstream>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "../support/test_support.h"
#include "core_fixture.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/metrics.h"
#include "sponsordesk/drafts/utm.h"
#include "sponsordesk/export/sponsor_report.h"
#include "sponsordesk/services/results_service.h"
#include "sponsordesk/storage/results_repository.h"

using namespace sponsordesk;
using namespace sponsordesk::test;

namespace {

// A link as the draft renderer tags it for `date` and `code` of publication `slug`.
std::string tagged(const std::string& url, const std::string& date, const std::string& code,
                   const std::string& slug = "brief") {
    return add_utm(url, slug, Date::parse(date), code);
}

class CampaignResults : public CoreFixture {
protected:
    void SetUp() override {
        CoreFixture::SetUp();
        // Acme in MAIN on 3 March, Cirrus and Dune in the classifieds that day.
        acme = book("Acme", "2026-03-03", "MAIN").booking.id;
        BookingService(*db).set_copy(BookingId{acme}, "Try [Acme](https://acme.example/try)",
                                     "https://www.acme.example/essai");
        cirrus = book("Cirrus", "2026-03-03", "CLASS").booking.id;
        BookingService(*db).set_copy(BookingId{cirrus}, "Cirrus cloud", "https://cirrus.example/");
        dune = book("Dune", "2026-03-03", "CLASS").booking.id;
        BookingService(*db).set_copy(BookingId{dune}, "Dune", "https://dune.example/");
        // Another publication whose links say utm_source=matin.
        Publication p;
        p.name = "Le Matin";
        p.slug = "matin";
        CatalogService(*db).add_publication(p);
    }

    std::string csv(const std::string& content) {
        const std::string path = dir.file("export" + std::to_string(++files) + ".csv");
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    ClicksImportResult clicks(const std::string& content) {
        return ResultsService(*db).import_clicks({"brief", csv(content), {}, {}, {}, {}});
    }
    StatsImportResult stats(const std::string& content) {
        return ResultsService(*db).import_stats({"brief", csv(content), {}, {}, {}, {}});
    }

    // Every row of the tables an import may write, in order.
    std::string dump() {
        std::string out;
        for (const char* text :
             {"SELECT id, issue_id, url, booking_id, clicks, coalesce(CAST(unique_clicks AS TEXT), '-') "
              "FROM link_click ORDER BY id",
              "SELECT id, coalesce(CAST(audience AS TEXT), '-'), coalesce(CAST(opens AS TEXT), '-'), "
              "coalesce(CAST(clicks AS TEXT), '-') FROM issue ORDER BY id"}) {
            sql::Statement q(db->connection(), text);
            while (q.executeStep()) {
                for (int c = 0; c < q.column_count(); ++c) out += q.getColumn(c).getString() + "|";
                out += "\n";
            }
        }
        return out;
    }

    std::optional<std::int64_t> booking_clicks(Id booking) {
        for (const auto& b : ResultsRepository(*db).sponsor_bookings(booking == acme ? 1 : (booking == cirrus ? 3 : 4),
                                                                     Date{2026, 3, 1}, Date{2026, 3, 31}))
            if (b.booking_id == booking) return b.clicks;
        ADD_FAILURE() << "booking " << booking << " not in the sponsor's bookings";
        return std::nullopt;
    }

    static const char* reason_of(const ClicksImportResult& r, int line) {
        for (const auto& u : r.unmatched)
            if (u.line == line) return u.reason.c_str();
        return "(matched)";
    }

    TempDir dir;
    int files = 0;
    Id acme = 0, cirrus = 0, dune = 0;
};

TEST_F(CampaignResults, StatsSetEachIssuesFiguresFromAPlatformExport) {
    const auto r = stats(
        "Campaign,Send Date,Recipients,Unique Opens,Clicks\n"
        "Brief du 3,2026-03-03,\"12,345\",\"5,000\",310\n"
        "Brief du 4,2026-03-04T07:30:00+01:00,1000,400,\n");
    EXPECT_EQ(r.rows, 2);
    EXPECT_EQ(r.issues, 2);
    const Issue third = IssueService(*db).get("brief", Date{2026, 3, 3});
    EXPECT_EQ(third.audience, 12345);
    EXPECT_EQ(third.opens, 5000);
    EXPECT_EQ(third.clicks, 310);
    const Issue fourth = IssueService(*db).get("brief", Date{2026, 3, 4});
    EXPECT_EQ(fourth.audience, 1000);
    EXPECT_FALSE(fourth.clicks);  // an empty cell sets nothing
    ASSERT_EQ(r.columns.size(), 4u);
    EXPECT_EQ(r.columns[1].header, "Recipients");
}

TEST_F(CampaignResults, StatsReadABomSemicolonsFrenchSpacesAndEnglishMonthNames) {
    const auto r = stats(
        "\xEF\xBB\xBF"
        "date;audience;opens;clicks\n"
        "Mar 3, 2026 8:00 am;12\xE2\x80\xAF"
        "345;5\xC2\xA0"
        "000;310\n");
    EXPECT_EQ(r.issues, 1);
    EXPECT_EQ(IssueService(*db).get("brief", Date{2026, 3, 3}).audience, 12345);
    EXPECT_EQ(IssueService(*db).get("brief", Date{2026, 3, 3}).opens, 5000);
}

TEST_F(CampaignResults, StatsListDatesWithoutAnIssueInsteadOfCreatingOne) {
    const auto r = stats("Send Date,Recipients\n2026-03-03,100\n2026-04-20,100\n");
    EXPECT_EQ(r.issues, 1);
    ASSERT_EQ(r.skipped.size(), 1u);
    EXPECT_EQ(r.skipped[0].line, 3);
    EXPECT_EQ(r.skipped[0].value, "2026-04-20");
    EXPECT_FALSE(IssueService(*db).find(PublicationId{1}, Date{2026, 4, 20}));
}

TEST_F(CampaignResults, ABadStatsRowImportsNothingAndNamesItsLine) {
    const std::string before = dump();
    try {
        stats("Send Date,Recipients,Opens\n2026-03-03,100,50\n2026-03-04,100,500\n");
        FAIL() << "opens above the audience were accepted";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::OutOfRange);  // set-stats' own check
        EXPECT_EQ(e.number("line"), 3);
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
    }
    EXPECT_EQ(dump(), before);
    try {
        stats("Send Date,Recipients\n2026-03-03,100\n2026-03-03T18:00:00Z,100\n");
        FAIL() << "the same issue twice was accepted";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::RowRepeated);
        EXPECT_EQ(e.number("first_line"), 2);
    }
    // Day and month orders differ between countries: not guessed.
    try {
        stats("Send Date,Recipients\n03/04/2026,100\n");
        FAIL() << "an ambiguous date was accepted";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidDate);
        EXPECT_EQ(e.text("value"), "03/04/2026");
    }
    EXPECT_THROW(stats("Send Date,Recipients\n2026-03-03,12.34\n"), InvalidInput);  // not a thousands group
    EXPECT_EQ(dump(), before);
}

TEST_F(CampaignResults, LinkClicksGoToTheBookingTheirUtmTagsName) {
    const auto r =
        clicks("URL,Total Clicks,Unique Clicks\n" + tagged("https://www.acme.example/essai", "2026-03-03", "MAIN") +
               ",120,100\n" + tagged("https://acme.example/try", "2026-03-03", "MAIN") + ",30,\n" +
               tagged("https://cirrus.example/", "2026-03-03", "CLASS") + ",\"1,234\",900\n");
    EXPECT_EQ(r.rows, 3);
    EXPECT_EQ(r.matched, 3);
    EXPECT_EQ(r.links, 3);
    EXPECT_TRUE(r.unmatched.empty());
    EXPECT_EQ(booking_clicks(acme), 150);
    EXPECT_EQ(booking_clicks(cirrus), 1234);
    EXPECT_FALSE(booking_clicks(dune));  // nothing imported: no figure, not zero
}

TEST_F(CampaignResults, DecoyLinksAreListedNeverGuessed) {
    const auto r = clicks("URL,Clicks\n" +
                          // Acme's site but tagged for the classifieds, where Acme has no booking.
                          tagged("https://acme.example/essai", "2026-03-03", "CLASS") + ",7\n" +
                          // Acme's link in Le Matin's issue of the same day.
                          tagged("https://acme.example/essai", "2026-03-03", "MAIN", "matin") + ",9\n" +
                          // Tagged for a placement no one booked that day.
                          tagged("https://acme.example/essai", "2026-03-04", "MAIN") + ",3\n" +
                          tagged("https://acme.example/essai", "2026-05-04", "MAIN") + ",3\n" +
                          tagged("https://acme.example/essai", "2026-03-03", "BANNER") + ",3\n" +
                          "https://brief.example/unsubscribe,50\n"
                          "mailto:hello@brief.example,1\n");
    EXPECT_EQ(r.matched, 0);
    EXPECT_STREQ(reason_of(r, 2), "not_sponsor_link");
    EXPECT_STREQ(reason_of(r, 3), "other_publication");
    EXPECT_STREQ(reason_of(r, 4), "no_booking");
    EXPECT_STREQ(reason_of(r, 5), "no_issue");
    EXPECT_STREQ(reason_of(r, 6), "no_placement");
    EXPECT_STREQ(reason_of(r, 7), "no_utm");
    EXPECT_STREQ(reason_of(r, 8), "not_a_link");
    EXPECT_EQ(sql_int("SELECT count(*) FROM link_click"), 0);
}

TEST_F(CampaignResults, TwoSponsorsOnOneSiteInOneSlotAreAmbiguous) {
    Sponsor s;
    s.name = "Acme Jobs";
    const Id jobs = SponsorService(*db).add(s).id;
    const Id b = book("Acme Jobs", "2026-03-03", "CLASS").booking.id;
    BookingService(*db).set_copy(BookingId{b}, "Jobs", "https://cirrus.example/jobs");
    (void)jobs;
    const auto r = clicks("URL,Clicks\n" + tagged("https://cirrus.example/", "2026-03-03", "CLASS") + ",5\n");
    EXPECT_STREQ(reason_of(r, 2), "ambiguous");
}

TEST_F(CampaignResults, ReimportingTheSameExportChangesNothing) {
    const std::string content = "URL,Clicks,Unique Clicks\n" +
                                tagged("https://acme.example/essai", "2026-03-03", "MAIN") + ",120,100\n" +
                                tagged("https://cirrus.example/", "2026-03-03", "CLASS") + ",12,\n";
    clicks(content);
    const std::string once = dump();
    clicks(content);
    EXPECT_EQ(dump(), once);
    // A corrected export replaces the figures, it does not add to them; the
    // same link spelled another way (parameters reordered, host in capitals,
    // a fragment) is the same link.
    clicks(
        "URL,Clicks\nhttps://ACME.example/essai?utm_content=MAIN&utm_campaign=2026-03-03&utm_medium=newsletter&"
        "utm_source=brief#top,130\n");
    EXPECT_EQ(booking_clicks(acme), 130);
    EXPECT_EQ(sql_int("SELECT count(*) FROM link_click"), 2);
}

TEST_F(CampaignResults, ARowDatedAnotherDayThanItsLinkIsUnmatched) {
    const auto r =
        clicks("Link,Clicks,Send Date\n" + tagged("https://acme.example/essai", "2026-03-03", "MAIN") +
               ",5,2026-03-03 08:00\n" + tagged("https://acme.example/try", "2026-03-03", "MAIN") + ",5,2026-03-10\n");
    EXPECT_EQ(r.matched, 1);
    EXPECT_STREQ(reason_of(r, 3), "date_mismatch");
}

TEST_F(CampaignResults, LinesAboutTheCampaignBeforeTheTableAreSkipped) {
    const auto r = clicks("Campaign Report\nTitle:,Le Brief du 3 mars\n\n\"URL\",\"Total Clicks\",\"Unique Clicks\"\n" +
                          tagged("https://acme.example/essai", "2026-03-03", "MAIN") + ",12,10\n");
    EXPECT_EQ(r.matched, 1);
    EXPECT_EQ(booking_clicks(acme), 12);
}

TEST_F(CampaignResults, AMissingColumnNamesTheHeadersPresent) {
    try {
        clicks("Lien;Nombre\nhttps://acme.example/;3\n");
        FAIL() << "a file without a URL column was accepted";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::ColumnNotFound);
        EXPECT_EQ(e.field(), "url_column");
        EXPECT_EQ(e.list("headers"), (std::vector<std::string>{"Lien", "Nombre"}));
        const std::string what = e.what();
        EXPECT_NE(what.find("\"Lien\", \"Nombre\""), std::string::npos) << what;
        EXPECT_NE(what.find("--url-column"), std::string::npos) << what;
    }
    // A header named by the user is found whatever its case.
    const auto r = ResultsService(*db).import_clicks(
        {"brief",
         csv("Lien;Nombre\n" + tagged("https://acme.example/essai", "2026-03-03", "MAIN") + ";3\n"),
         "LIEN",
         "nombre",
         {},
         {}});
    EXPECT_EQ(r.matched, 1);
    // A named header that is absent is an error even when a default exists.
    try {
        ResultsService(*db).import_stats(
            {"brief", csv("Send Date,Recipients\n2026-03-03,1\n"), {}, "Delivered", {}, {}});
        FAIL();
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::ColumnNotFound);
        EXPECT_EQ(e.field(), "audience_column");
    }
}

TEST_F(CampaignResults, ALatin1FileIsRefusedNamingItsLine) {
    const std::string path = csv("URL,Clicks\nhttps://acme.example/,3\nhttps://caf\xE9.example/,4\n");
    try {
        ResultsService(*db).import_clicks({"brief", path, {}, {}, {}, {}});
        FAIL() << "a Latin-1 file was accepted";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::FileNotUtf8);
        EXPECT_EQ(e.number("line"), 3);
        EXPECT_EQ(e.text("path"), path);
    }
}

TEST_F(CampaignResults, GarbageIsRefusedAsInvalidInput) {
    std::string garbage;
    std::mt19937 rng(13);
    for (int i = 0; i < 200000; ++i) garbage += static_cast<char>(rng() & 0xFF);
    EXPECT_THROW(clicks(garbage), InvalidInput);
    // Valid UTF-8 that is no table at all.
    EXPECT_THROW(clicks(std::string(100000, 'x')), InvalidInput);
    EXPECT_THROW(clicks(""), InvalidInput);
}

// The preview is the import's own parsing and matching without writing:
// what it shows is what the import then stores, and it stores nothing.
TEST_F(CampaignResults, ThePreviewOfClicksIsWhatTheImportStoresAndWritesNothing) {
    const std::string path =
        csv("Campaign Report;Le Brief du 3 mars\n\nURL;Total Clicks;Unique Clicks\n" +
            tagged("https://www.acme.example/essai", "2026-03-03", "MAIN") + ";120;100\n" +
            tagged("https://acme.example/essai", "2026-03-03", "CLASS") + ";7;\n" +  // decoy: Acme is not there
            tagged("https://acme.example/try", "2026-03-03", "MAIN") + ";30;\n" +
            tagged("https://cirrus.example/", "2026-03-03", "CLASS") + ";\"1 234\";900\n" +
            tagged("https://www.ACME.example/essai", "2026-03-03", "MAIN") + ";5;5\n" +  // the first link again
            "https://brief.example/unsubscribe;50;\n");
    const ClicksImportRequest request{"brief", path, {}, {}, {}, {}};
    const std::string before = dump();
    const ClicksPreview p = ResultsService(*db).preview_clicks(request, 4);
    EXPECT_EQ(dump(), before);
    EXPECT_EQ(sql_int("SELECT count(*) FROM link_click"), 0);

    // The file as read.
    EXPECT_EQ(p.file.separator, ';');
    EXPECT_EQ(p.file.header_line, 3);
    EXPECT_EQ(p.file.headers, (std::vector<std::string>{"URL", "Total Clicks", "Unique Clicks"}));
    ASSERT_EQ(p.file.rows.size(), 4u);
    EXPECT_EQ(p.file.rows[0].line, 4);
    EXPECT_EQ(p.file.rows[3].cells[1], "1 234");
    // The first rows' matching: the booking, or the reason.
    ASSERT_EQ(p.rows.size(), 4u);
    EXPECT_EQ(p.rows[0].booking_id, acme);
    EXPECT_EQ(p.rows[0].sponsor, "Acme");
    EXPECT_EQ(p.rows[0].issue_date, (Date{2026, 3, 3}));
    EXPECT_EQ(p.rows[0].placement_code, "MAIN");
    EXPECT_EQ(p.rows[0].clicks, 120);
    EXPECT_EQ(p.rows[0].unique, 100);
    EXPECT_EQ(p.rows[1].booking_id, 0);
    EXPECT_EQ(p.rows[1].reason, "not_sponsor_link");
    EXPECT_EQ(p.rows[3].booking_id, cirrus);
    EXPECT_EQ(p.rows[3].clicks, 1234);

    const ClicksImportResult r = ResultsService(*db).import_clicks(request);
    EXPECT_EQ(p.result.rows, r.rows);
    EXPECT_EQ(p.result.matched, r.matched);
    EXPECT_EQ(p.result.links, r.links);
    ASSERT_EQ(p.result.unmatched.size(), r.unmatched.size());
    for (size_t i = 0; i < r.unmatched.size(); ++i) {
        EXPECT_EQ(p.result.unmatched[i].line, r.unmatched[i].line);
        EXPECT_EQ(p.result.unmatched[i].reason, r.unmatched[i].reason);
    }
    ASSERT_EQ(p.result.columns.size(), r.columns.size());
    // Every link the preview announced, stored as announced, and nothing else.
    std::string announced, stored;
    for (const auto& l : p.links)
        announced += fmt::format("{}|{}|{}|{}|{}\n", l.issue_id, l.url, l.booking_id, l.clicks,
                                 l.unique ? std::to_string(*l.unique) : "-");
    sql::Statement q(db->connection(),
                     "SELECT issue_id, url, booking_id, clicks, coalesce(CAST(unique_clicks AS TEXT), '-') "
                     "FROM link_click ORDER BY id");
    while (q.executeStep())
        stored += fmt::format("{}|{}|{}|{}|{}\n", q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                              q.getColumn(2).getInt64(), q.getColumn(3).getInt64(), q.getColumn(4).getString());
    EXPECT_EQ(announced, stored);
    ASSERT_EQ(p.links.size(), 3u);
    EXPECT_EQ(p.links[0].clicks, 125);  // the first link's two rows add up
    EXPECT_EQ(p.links[0].issue_date, (Date{2026, 3, 3}));
}

TEST_F(CampaignResults, ThePreviewOfStatsIsWhatTheImportStoresAndWritesNothing) {
    const std::string path =
        csv("Send Date\tRecipients\tUnique Opens\tClicks\n"
            "2026-03-03\t12000\t5400\t310\n"
            "2026-04-20\t100\t50\t1\n"
            "2026-03-04\t1000\t\t\n");
    const StatsImportRequest request{"brief", path, {}, {}, {}, {}};
    const std::string before = dump();
    const StatsPreview p = ResultsService(*db).preview_stats(request);
    EXPECT_EQ(dump(), before);
    EXPECT_EQ(p.file.separator, '\t');
    EXPECT_EQ(p.file.header_line, 1);
    ASSERT_EQ(p.rows.size(), 3u);
    EXPECT_TRUE(p.rows[0].issue);
    EXPECT_FALSE(p.rows[1].issue);
    EXPECT_EQ(p.result.issues, 2);
    ASSERT_EQ(p.result.skipped.size(), 1u);
    EXPECT_EQ(p.result.skipped[0].line, 3);

    const StatsImportResult r = ResultsService(*db).import_stats(request);
    EXPECT_EQ(r.rows, p.result.rows);
    EXPECT_EQ(r.issues, p.result.issues);
    for (const auto& row : p.rows) {
        if (!row.issue) continue;
        const Issue issue = IssueService(*db).get("brief", row.date);
        EXPECT_EQ(issue.audience, row.audience);
        if (row.opens) {
            EXPECT_EQ(issue.opens, row.opens);
        }
        if (row.clicks) {
            EXPECT_EQ(issue.clicks, row.clicks);
        }
    }
}

TEST_F(CampaignResults, ThePreviewRefusesWhatTheImportRefusesOnTheSameLine) {
    // Opens above the audience the issue already has: set-stats' own check, previewed.
    IssueService(*db).set_stats("brief", Date{2026, 3, 4}, 100, std::nullopt, std::nullopt);
    const std::string before = dump();
    const StatsImportRequest request{"brief", csv("Send Date,Opens\n2026-03-03,10\n2026-03-04,500\n"), {}, {}, {}, {}};
    const StatsPreview p = ResultsService(*db).preview_stats(request);
    ASSERT_TRUE(p.error) << "the preview accepted opens above the audience";
    EXPECT_EQ(p.rows.size(), 2u);  // the rows up to the refused one
    EXPECT_EQ(p.file.headers, (std::vector<std::string>{"Send Date", "Opens"}));
    for (bool preview : {true, false}) {
        try {
            if (preview)
                std::rethrow_exception(p.error);
            else
                ResultsService(*db).import_stats(request);
            FAIL() << "the import accepted opens above the audience";
        } catch (const InvalidInput& e) {
            EXPECT_EQ(e.code(), ErrorCode::OutOfRange);
            EXPECT_EQ(e.field(), "opens");
            EXPECT_EQ(e.number("line"), 3);
        }
        EXPECT_EQ(dump(), before);
    }
    // Before the rows, the preview throws as the import does.
    EXPECT_THROW(ResultsService(*db).preview_clicks({"brief", csv("Lien,Nombre\nx,1\n"), {}, {}, {}, {}}),
                 InvalidInput);
    const ClicksPreview bad = ResultsService(*db).preview_clicks(
        {"brief", csv("URL,Clicks\nhttps://acme.example/,3\nhttps://acme.example/,lots\n"), {}, {}, {}, {}});
    ASSERT_TRUE(bad.error);
    EXPECT_EQ(bad.result.rows, 1);
}

TEST_F(CampaignResults, AnOptionalColumnNamedEmptyIsNotRead) {
    // The platform's "Date" is the day of the click, not the send date: left out, the links match.
    const std::string content =
        "URL,Clicks,Date\n" + tagged("https://acme.example/essai", "2026-03-03", "MAIN") + ",5,2026-03-05\n";
    EXPECT_EQ(ResultsService(*db).preview_clicks({"brief", csv(content), {}, {}, {}, {}}).result.matched, 0);
    const auto r = ResultsService(*db).import_clicks({"brief", csv(content), {}, {}, {}, ""});
    EXPECT_EQ(r.matched, 1);
    ASSERT_EQ(r.columns.size(), 2u);  // url and clicks only
    // A required column cannot be left out.
    EXPECT_THROW(ResultsService(*db).import_clicks({"brief", csv(content), "", {}, {}, {}}), InvalidInput);
}

TEST(TaggedLinks, TheUtmTagsAddUtmWritesAreReadBack) {
    const std::string url = add_utm("https://Www.Acme.example/essai?x=1#cta", "brief", Date{2026, 3, 3}, "MAIN");
    const auto link = read_tagged_link(url);
    ASSERT_TRUE(link);
    EXPECT_EQ(link->source, "brief");
    EXPECT_EQ(link->medium, "newsletter");
    EXPECT_EQ(link->campaign, "2026-03-03");
    EXPECT_EQ(link->content, "MAIN");
    EXPECT_EQ(link->host, "acme.example");
    EXPECT_EQ(link->normalised,
              "https://www.acme.example/essai?utm_campaign=2026-03-03&utm_content=MAIN&utm_medium=newsletter&"
              "utm_source=brief&x=1");
    EXPECT_FALSE(read_tagged_link("mailto:a@b.example"));
    EXPECT_FALSE(read_tagged_link("not a link"));
}

}  // namespace

namespace {

CampaignBooking booking(Minor price, std::optional<std::int64_t> audience, std::optional<std::int64_t> opens,
                        std::optional<std::int64_t> clicks, const std::string& currency = "EUR") {
    CampaignBooking b;
    b.price = price;
    b.audience = audience;
    b.opens = opens;
    b.clicks = clicks;
    b.currency = currency;
    return b;
}

}  // namespace

TEST(CampaignMetrics, AnUnknownOrZeroFigureGivesNoMetricNeverAZero) {
    EXPECT_EQ(metrics::cost_per_click(150000, 240), 625);
    EXPECT_EQ(metrics::cost_per_click(100, 3), 33);  // 33.33… cents
    EXPECT_EQ(metrics::cost_per_click(200, 3), 67);  // 66.67 rounds up
    EXPECT_EQ(metrics::effective_cpm(150000, 12000), 12500);
    EXPECT_FALSE(metrics::cost_per_click(150000, 0));
    EXPECT_FALSE(metrics::cost_per_click(150000, std::nullopt));
    EXPECT_FALSE(metrics::effective_cpm(150000, 0));
    EXPECT_FALSE(metrics::ctr(std::nullopt, 1000));
    EXPECT_DOUBLE_EQ(*metrics::click_to_open(240, 5400), 240.0 / 5400.0);
}

TEST(CampaignMetrics, TotalRatiosUseOnlyTheBookingsThatHaveBothFigures) {
    const auto totals = campaign_totals({booking(150000, 12000, 5400, 240), booking(120000, 10000, 4000, std::nullopt),
                                         booking(50000, std::nullopt, std::nullopt, std::nullopt, "USD")});
    ASSERT_EQ(totals.size(), 2u);
    const CampaignTotals& eur = totals[0];
    EXPECT_EQ(eur.currency, "EUR");
    EXPECT_EQ(eur.bookings, 2);
    EXPECT_EQ(eur.price, 270000);
    EXPECT_EQ(eur.audience, 22000);
    EXPECT_EQ(eur.clicks, 240);
    EXPECT_DOUBLE_EQ(*eur.ctr, 240.0 / 12000.0);  // not / 22000: the second booking has no clicks
    EXPECT_EQ(eur.cost_per_click, 625);           // 1500.00 / 240
    EXPECT_EQ(eur.effective_cpm, 12273);          // 2700.00 / 22
    const CampaignTotals& usd = totals[1];
    EXPECT_FALSE(usd.audience);
    EXPECT_FALSE(usd.clicks);
    EXPECT_FALSE(usd.ctr);
    EXPECT_FALSE(usd.effective_cpm);
}

// The activity log: every write leaves one row per object it changes, in its
// own transaction (a refused write leaves none), stamped with the UTC time
// and the operating-system login for a file; reads leave nothing; nobody can
// change or delete a row.
#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>

#include <fmt/format.h>

#include "core_fixture.h"
#include "invoice_fixture.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/import_service.h"
#include "sponsordesk/services/team_service.h"
#include "sponsordesk/storage/team_repository.h"

namespace sponsordesk::test {
namespace {

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::vector<ActivityEntry> of(Database& db, const std::string& kind, Id id) {
    ActivityFilter f;
    f.object_kind = kind;
    f.object_id = id;
    return TeamService(db).activity(f);
}

std::vector<ActivityEntry> all(Database& db) { return TeamService(db).activity({}); }

// The newest row, checked for its action, object and summary.
void expect_last(Database& db, const std::string& action, const std::string& kind, std::optional<Id> id,
                 const std::string& summary) {
    auto rows = all(db);
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.front().action, action);
    EXPECT_EQ(rows.front().object_kind, kind);
    EXPECT_EQ(rows.front().object_id, id);
    EXPECT_EQ(rows.front().summary, summary);
}

class ActivityTest : public CoreFixture {};

TEST_F(ActivityTest, EachBookingWriteLeavesItsRowWithWhoWhenAndWhat) {
    const std::string before = utc_now();
    BookingView v = book("Acme", "2026-03-02", "MAIN", BookingStatus::Hold);
    const std::string after = utc_now();
    const Id id = v.booking.id;
    auto rows = of(*db, "booking", id);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].action, "book");
    EXPECT_EQ(rows[0].summary, "Acme, brief 2026-03-02 MAIN slot 1, 1500.00 EUR, hold");
    EXPECT_EQ(rows[0].actor, db->user());
    EXPECT_TRUE(std::regex_match(rows[0].at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << rows[0].at;
    EXPECT_LE(before, rows[0].at);
    EXPECT_GE(after, rows[0].at);

    BookingService bookings(*db);
    bookings.change_status(v.id(), BookingStatus::Confirmed);
    expect_last(*db, "booking status", "booking", id, "Acme, brief 2026-03-02 MAIN slot 1, status hold → confirmed");
    bookings.set_price(v.id(), 120000);
    expect_last(*db, "booking price", "booking", id, "Acme, brief 2026-03-02 MAIN slot 1, 1500.00 → 1200.00 EUR");
    bookings.set_copy(v.id(), "Le meilleur café de Paris.", std::string("https://acme.example"));
    expect_last(*db, "booking copy", "booking", id,
                "Acme, brief 2026-03-02 MAIN slot 1, copy of 5 words, link https://acme.example, "
                "status confirmed → copy-received");
    MoveRequest m;
    m.issue = IssueId{IssueService(*db).get("brief", Date::parse("2026-03-03")).id};
    bookings.move(v.id(), m);
    expect_last(*db, "booking move", "booking", id,
                "Acme, brief 2026-03-02 MAIN slot 1 → Acme, brief 2026-03-03 MAIN slot 1");
    bookings.change_status(v.id(), BookingStatus::Cancelled);
    expect_last(*db, "booking status", "booking", id,
                "Acme, brief 2026-03-03 MAIN slot 1, status copy-received → cancelled");

    rows = of(*db, "booking", id);
    ASSERT_EQ(rows.size(), 6u);  // newest first
    for (size_t i = 1; i < rows.size(); ++i) EXPECT_GT(rows[i - 1].id, rows[i].id);
    EXPECT_EQ(rows.back().action, "book");
}

TEST_F(ActivityTest, ARefusedWriteLeavesNoRow) {
    book("Acme", "2026-03-02");
    const size_t n = all(*db).size();
    EXPECT_THROW(book("Cirrus", "2026-03-02"), Conflict);  // the one MAIN slot is taken
    EXPECT_THROW(book("Bobco", "2026-03-02", "CLASS"), CompetitorConflict);
    EXPECT_THROW(BookingService(*db).set_price(BookingId{1}, -5), InvalidInput);
    EXPECT_THROW(add_sponsor("acme", ""), Conflict);  // the name is taken
    // A batch refused on one date writes none of its bookings, nor their rows.
    BookManyRequest r;
    r.placement = PlacementId{CatalogService(*db).placement(CatalogService(*db).publication("brief"), "MAIN").id};
    r.sponsor = test_lookup::sponsor_id(*db, "Dune");
    for (const char* d : {"2026-03-03", "2026-03-02", "2026-03-04"})
        r.issues.push_back(IssueId{IssueService(*db).get("brief", Date::parse(d)).id});
    EXPECT_THROW(BookingService(*db).book_many(r), Conflict);
    EXPECT_EQ(all(*db).size(), n);
}

TEST_F(ActivityTest, ABatchLeavesOneRowPerObject) {
    // The fixture planned March 2026: one "issue plan" row per issue.
    const auto issues = IssueService(*db).list("brief", std::nullopt, std::nullopt);
    ActivityFilter f;
    f.object_kind = "issue";
    auto rows = TeamService(*db).activity(f);
    ASSERT_EQ(rows.size(), issues.size());
    for (const auto& row : rows) EXPECT_EQ(row.action, "issue plan");
    EXPECT_EQ(of(*db, "issue", issues.front().id).at(0).summary, "brief 2026-03-02 #1");

    BookManyRequest r;
    r.placement = PlacementId{CatalogService(*db).placement(CatalogService(*db).publication("brief"), "CLASS").id};
    r.sponsor = test_lookup::sponsor_id(*db, "Dune");
    for (int i = 0; i < 3; ++i) r.issues.push_back(IssueId{issues[i].id});
    auto booked = BookingService(*db).book_many(r);
    ASSERT_EQ(booked.size(), 3u);
    for (const auto& b : booked) {
        auto own = of(*db, "booking", b.booking.id);
        ASSERT_EQ(own.size(), 1u);
        EXPECT_EQ(own[0].action, "book");
    }
}

TEST_F(ActivityTest, SponsorCatalogAndIssueWrites) {
    SponsorService sponsors(*db);
    Sponsor s = sponsors.get(test_lookup::sponsor_id(*db, "Dune"));
    expect_last(*db, "sponsor add", "sponsor", s.id, "Dune");
    s.category = "voyage";
    s.payment_terms_days = 45;
    sponsors.update(s);
    expect_last(*db, "sponsor set", "sponsor", s.id, "Dune: category (none) → voyage; payment terms 30 → 45");
    // The same values saved again change nothing and leave no row.
    const size_t rows_before = all(*db).size();
    sponsors.update(s);
    EXPECT_EQ(all(*db).size(), rows_before);
    Contact c;
    c.name = "Jeanne Martin";
    c.email = "jeanne@dune.example";
    c.role = ContactRole::Billing;
    sponsors.add_contact(SponsorId{s.id}, c);
    expect_last(*db, "contact add", "sponsor", s.id, "Dune: Jeanne Martin <jeanne@dune.example>, billing");
    sponsors.archive(SponsorId{s.id});
    expect_last(*db, "sponsor archive", "sponsor", s.id, "Dune");

    CatalogService catalog(*db);
    const Publication pub = catalog.publication("brief");
    EXPECT_EQ(of(*db, "publication", pub.id).at(0).action, "publication add");
    Placement pl = catalog.placement(pub, "CLASS");
    EXPECT_EQ(of(*db, "placement", pl.id).at(0).summary, "brief CLASS (Petites annonces), 200.00 EUR, 4 slots");
    pl.price = 25000;
    catalog.update_placement(pl);
    expect_last(*db, "placement set", "placement", pl.id, "CLASS: price 200.00 → 250.00");
    catalog.set_house_ad("brief", "CLASS", "Abonnez-vous à notre lettre.");
    expect_last(*db, "house-ad set", "placement", pl.id, "brief CLASS: house ad of 4 words");
    PublisherChanges pc;
    pc.name = "Média Lettres SAS";
    catalog.update_publisher(pc);
    expect_last(*db, "publisher set", "publisher", std::nullopt, "name (none) → Média Lettres SAS");

    IssueService issues(*db);
    const Issue added = issues.add("brief", Date::parse("2026-04-01"), std::nullopt, "");
    expect_last(*db, "issue add", "issue", added.id, "brief 2026-04-01 #23");
    issues.set_draft("brief", added.date, "Bonjour");
    expect_last(*db, "issue set-draft", "issue", added.id,
                "brief 2026-04-01: draft of 7 bytes, status planned → drafting");
    issues.set_status("brief", added.date, IssueStatus::Ready);
    expect_last(*db, "issue set-status", "issue", added.id, "brief 2026-04-01: status drafting → ready");
    issues.set_stats("brief", added.date, 1000, 400, std::nullopt);
    expect_last(*db, "issue set-stats", "issue", added.id,
                "brief 2026-04-01: audience (none) → 1000; opens (none) → 400");
}

TEST_F(ActivityTest, ReadsLeaveNothing) {
    BookingView v = book("Acme", "2026-03-02");
    const size_t n = all(*db).size();
    BookingService bookings(*db);
    bookings.get(v.id());
    bookings.list({});
    bookings.availability(PublicationId{CatalogService(*db).publication("brief").id}, Date::parse("2026-03-01"),
                          Date::parse("2026-03-31"));
    SponsorService(*db).list("", false);
    IssueService(*db).list("brief", std::nullopt, std::nullopt);
    TeamService(*db).activity({});
    EXPECT_EQ(all(*db).size(), n);
}

TEST_F(ActivityTest, FiltersByObjectUserAndDays) {
    BookingView a = book("Acme", "2026-03-02");
    book("Cirrus", "2026-03-03");
    auto rows = of(*db, "booking", a.booking.id);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].object_id, a.booking.id);

    ActivityFilter mine;
    mine.user = db->user();
    EXPECT_EQ(TeamService(*db).activity(mine).size(), all(*db).size());
    ActivityFilter someone_else;
    someone_else.user = db->user() + "-not";
    EXPECT_TRUE(TeamService(*db).activity(someone_else).empty());

    // Days are UTC days, inclusive; the rows were written today (UTC).
    const Date today = Date::parse(utc_now().substr(0, 10));
    ActivityFilter days;
    days.from = today;
    days.to = today;
    EXPECT_EQ(TeamService(*db).activity(days).size(), all(*db).size());
    days.from = today.add_days(1);
    days.to = today.add_days(2);
    EXPECT_TRUE(TeamService(*db).activity(days).empty());
    days.from = today.add_days(-3);
    days.to = today.add_days(-1);
    EXPECT_TRUE(TeamService(*db).activity(days).empty());
    EXPECT_EQ(TeamService(*db).activity({}, 2).size(), 2u);
}

TEST_F(ActivityTest, NoRowCanBeChangedOrDeleted) {
    book("Acme", "2026-03-02");
    const auto before = all(*db);
    EXPECT_ANY_THROW(db->sql().exec("UPDATE activity SET summary = 'x'"));
    EXPECT_ANY_THROW(db->sql().exec("UPDATE activity SET actor = 'someone' WHERE id = 1"));
    EXPECT_ANY_THROW(db->sql().exec("DELETE FROM activity"));
    const auto after = all(*db);
    ASSERT_EQ(after.size(), before.size());
    for (size_t i = 0; i < after.size(); ++i) EXPECT_EQ(after[i].summary, before[i].summary);
}

TEST(ActivityFile, TheActorOfAFileIsTheOperatingSystemLogin) {
    const auto path = std::filesystem::temp_directory_path() / ("sd-activity-" + std::to_string(getpid()) + ".sqlite");
    std::filesystem::remove(path);
    {
        Database db(path.string());
        Sponsor s;
        s.name = "Acme";
        SponsorService(db).add(s);
    }
    Database db(path.string());
    auto rows = all(db);
    ASSERT_EQ(rows.size(), 1u);
    const passwd* pw = getpwuid(geteuid());
    ASSERT_NE(pw, nullptr);
    EXPECT_EQ(rows[0].actor, pw->pw_name);
    EXPECT_EQ(rows[0].action, "sponsor add");
    std::filesystem::remove(path);
}

TEST_F(InvoiceServiceTest, InvoiceWritesLeaveTheirRows) {
    sponsor("Acme", "FR", "", 2000, 45);
    book("Acme", "2026-03-02", 150000);
    book("Acme", "2026-03-16", 120000);
    InvoiceView d = invoices.create_for_month(sid("Acme"), Month::parse("2026-03"));
    const Id id = d.invoice.id;
    expect_last(db, "invoice create", "invoice", id,
                fmt::format("draft #{} for Acme, 2 bookings, 2700.00 EUR net", id));
    invoices.add_line(d.id(), "Frais de création", 10000);
    expect_last(db, "invoice add-line", "invoice", id,
                fmt::format("draft #{}: line Frais de création, 100.00 EUR net", id));
    invoices.issue(d.id());
    expect_last(db, "invoice issue", "invoice", id,
                fmt::format("draft #{} → 2026-0001 for Acme, 3360.00 EUR gross, dated 2026-03-31, due 2026-05-15", id));
    invoices.pay(d.id(), 100000, Date::parse("2026-03-31"));
    expect_last(db, "invoice pay", "invoice", id, "2026-0001: payment of 1000.00 EUR on 2026-03-31");
    // A refused payment (more than what is owed) leaves no row.
    const size_t n = all(db).size();
    EXPECT_THROW(invoices.pay(d.id(), 999999999, Date::parse("2026-03-31")), Conflict);
    EXPECT_EQ(all(db).size(), n);

    CancelResult c = invoices.cancel(d.id());
    ASSERT_TRUE(c.credit_note);
    const Id cn = c.credit_note->invoice.id;
    auto own = of(db, "invoice", id);
    ASSERT_EQ(own.size(), 5u);
    EXPECT_EQ(own[0].action, "invoice cancel");
    EXPECT_EQ(own[0].summary, "2026-0001 cancelled by credit note " + *c.credit_note->invoice.number);
    auto credit = of(db, "invoice", cn);
    ASSERT_EQ(credit.size(), 1u);
    EXPECT_EQ(credit[0].action, "credit note");
    invoices.refund(InvoiceId{cn}, 50000, Date::parse("2026-03-31"));
    expect_last(db, "refund", "invoice", cn,
                fmt::format("{}: refund of 500.00 EUR on 2026-03-31", *c.credit_note->invoice.number));
}

TEST_F(InvoiceServiceTest, ImportsLeaveOneRowPerObject) {
    const auto dir = std::filesystem::temp_directory_path() / ("sd-activity-import-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    {
        std::ofstream(dir / "sponsors.csv")
            << "name,legal_name,address,country,vat_number,category,contact_name,contact_email\n"
               "Zeta,,,,,,Zoé,zoe@zeta.example\n"
               "Yak,,,,,,,\n";
        std::ofstream(dir / "bookings.csv") << "publication,date,placement,sponsor,price,status\n"
                                               "brief,2026-05-04,MAIN,Zeta,900,confirmed\n"
                                               "brief,2026-05-05,MAIN,Yak,,hold\n";
    }
    ImportService(db).sponsors((dir / "sponsors.csv").string());
    ActivityFilter f;
    f.object_kind = "sponsor";
    auto rows = TeamService(db).activity(f);
    ASSERT_GE(rows.size(), 2u);
    EXPECT_EQ(rows[0].action, "import sponsors");
    EXPECT_EQ(rows[0].summary, "Yak");
    EXPECT_EQ(rows[1].summary, "Zeta, contact Zoé");

    ImportService(db).bookings((dir / "bookings.csv").string());
    f.object_kind = "booking";
    rows = TeamService(db).activity(f);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].action, "import bookings");
    EXPECT_EQ(rows[1].summary, "Zeta, brief 2026-05-04 MAIN slot 1, 900.00 EUR, confirmed");
    f.object_kind = "issue";
    rows = TeamService(db).activity(f);
    ASSERT_EQ(rows.size(), 2u);  // the two new issues
    EXPECT_EQ(rows[1].summary, "brief 2026-05-04 #1, new issue");
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sponsordesk::test

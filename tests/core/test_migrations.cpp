#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/database.h"
#include "sponsordesk/storage/invoice_repository.h"
#include "sponsordesk/storage/issue_repository.h"
#include "sponsordesk/storage/sponsor_repository.h"

using namespace sponsordesk;
namespace fs = std::filesystem;

namespace {

struct TempFile {
    fs::path path;
    TempFile() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("sd-migration-" + std::to_string(rd()) + ".db");
    }
    ~TempFile() {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ec);
    }
};

std::string bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The user_version of a file, read without SponsorDesk's code.
int file_schema_version(const fs::path& p) {
    SQLite::Database db(p.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
}

// A copy of a committed database, so that migrating it leaves tests/data alone.
void copy_database(const std::string& name, const TempFile& to) {
    fs::copy_file(fs::path(SPONSORDESK_TEST_DATA) / "migrations" / name, to.path);
}

// What every file of tests/data/migrations holds (README there): made by the
// real program of each schema version from the same commands.
void expect_the_recorded_catalogue_and_bookings(Database& db) {
    CatalogRepository catalog(db);
    EXPECT_EQ(catalog.publisher().name, "Éditions du Matin SAS");
    EXPECT_EQ(catalog.publisher().siren, "732829320");
    const auto pub = catalog.publication_by_slug("brief");
    ASSERT_TRUE(pub);
    EXPECT_EQ(pub->name, "Le Brief");
    EXPECT_EQ(pub->cadence, 0x1Fu);
    const auto main = catalog.placement(pub->id, "MAIN");
    const auto ads = catalog.placement(pub->id, "ANNONCES");
    ASSERT_TRUE(main && ads);
    EXPECT_EQ(main->price, 150000);
    EXPECT_EQ(main->max_words, 80);
    EXPECT_EQ(main->heading, "UN MOT DE NOTRE SPONSOR");
    EXPECT_EQ(ads->slots, 4);
    EXPECT_EQ(catalog.placements(pub->id).size(), 2u);

    IssueRepository issues(db);
    const auto planned = issues.list(pub->id, std::nullopt, std::nullopt);
    ASSERT_EQ(planned.size(), 10u);  // weekdays of 2 to 13 March 2026
    EXPECT_EQ(planned.front().date, (Date{2026, 3, 2}));
    EXPECT_EQ(planned.back().number, 10);
    const auto draft_issue = issues.find(pub->id, Date{2026, 3, 3});
    ASSERT_TRUE(draft_issue);
    EXPECT_EQ(draft_issue->draft, "# Le Brief\n\n{{slot:MAIN}}\n\nBonne lecture.\n");

    SponsorRepository sponsors(db);
    EXPECT_EQ(sponsors.list("", false).size(), 2u);
    const auto acme = sponsors.find_by_name("Acme");
    const auto cafe = sponsors.find_by_name("Café Crème");
    ASSERT_TRUE(acme && cafe);
    EXPECT_EQ(acme->category, "banque");
    EXPECT_EQ(acme->siren, "552100554");
    EXPECT_EQ(cafe->category, "café");
    const auto contacts = sponsors.contacts(acme->id);
    ASSERT_EQ(contacts.size(), 1u);
    EXPECT_EQ(contacts[0].name, "Marie Curie");
    EXPECT_EQ(contacts[0].email, "marie@acme.example");
    EXPECT_EQ(contacts[0].role, ContactRole::Creative);

    BookingFilter all;
    all.today = Date{2026, 3, 2};
    all.sort = BookingFilter::Sort::IssueDate;
    const auto bookings = BookingRepository(db).list(all);
    ASSERT_EQ(bookings.size(), 3u);
    const BookingView& approved = bookings[0];
    EXPECT_EQ(approved.issue_date, (Date{2026, 3, 3}));
    EXPECT_EQ(approved.placement_code, "MAIN");
    EXPECT_EQ(approved.sponsor_name, "Acme");
    EXPECT_EQ(approved.booking.status, BookingStatus::Approved);
    EXPECT_EQ(approved.booking.slot, 1);
    EXPECT_EQ(approved.booking.price, 150000);
    EXPECT_EQ(approved.booking.copy, "**Acme**, la banque simple.");
    EXPECT_EQ(approved.booking.link, "https://acme.example/essai");
    const BookingView& hold = bookings[1];
    EXPECT_EQ(hold.sponsor_name, "Café Crème");
    EXPECT_EQ(hold.booking.status, BookingStatus::Hold);
    EXPECT_EQ(hold.booking.hold_until, (Date{2026, 3, 1}));
    EXPECT_TRUE(hold.hold_expired);
    const BookingView& confirmed = bookings[2];
    EXPECT_EQ(confirmed.issue_date, (Date{2026, 3, 5}));
    EXPECT_EQ(confirmed.placement_code, "ANNONCES");
    EXPECT_EQ(confirmed.booking.status, BookingStatus::Confirmed);
    EXPECT_EQ(confirmed.booking.price, 12000);
}

}  // namespace

// Files written by the real program of each earlier schema version
// (tests/data/migrations/README.md) open with today's code, are migrated to
// the latest version, and keep every record.
TEST(Migrations, FilesWrittenByEachEarlierVersionOpenWithTheirData) {
    for (int version = 1; version <= 5; ++version) {
        SCOPED_TRACE(fmt::format("schema-v{}.db", version));
        TempFile f;
        copy_database(fmt::format("schema-v{}.db", version), f);
        ASSERT_EQ(file_schema_version(f.path), version) << "the committed file is not of that version";
        Database db(f.path.string());
        EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
        expect_the_recorded_catalogue_and_bookings(db);
        if (version < 3 || version == 5) {  // schema-v5.db was recorded without invoices
            EXPECT_TRUE(InvoiceRepository(db).list({}).empty());
        }
        // The migrated file takes new records.
        Sponsor s;
        s.name = "Nouveau sponsor";
        const Id id = SponsorRepository(db).insert(s);
        EXPECT_EQ(SponsorRepository(db).find_by_name("Nouveau sponsor")->id, id);
    }
}

// Version 3 added the storage's own invoice guards: an invoice issued,
// paid in part and a cancelled one with its credit note survive, and the
// guards hold on the migrated file.
TEST(Migrations, InvoicesOfAVersion3FileSurviveWithTheirGuards) {
    TempFile f;
    copy_database("schema-v3.db", f);
    Database db(f.path.string());
    InvoiceRepository invoices(db);
    const auto issued = invoices.find_by_number("2026-0001");
    ASSERT_TRUE(issued);
    const auto row = invoices.row(*issued);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->sponsor_name, "Acme");
    EXPECT_EQ(row->invoice.status, InvoiceStatus::Issued);
    EXPECT_EQ(row->invoice.net, 150000);
    EXPECT_EQ(row->invoice.gross, 180000);
    EXPECT_EQ(row->paid, 50000);
    EXPECT_EQ(invoices.lines(*issued).size(), 1u);
    const auto payments = invoices.payments(*issued);
    ASSERT_EQ(payments.size(), 1u);
    EXPECT_EQ(payments[0].date, (Date{2026, 3, 10}));

    const auto cancelled = invoices.find_by_number("2026-0002");
    const auto credit = invoices.find_by_number("AV-2026-0001");
    ASSERT_TRUE(cancelled && credit);
    EXPECT_EQ(invoices.find(*cancelled)->status, InvoiceStatus::Cancelled);
    EXPECT_EQ(invoices.credit_note_of(*cancelled), credit);
    EXPECT_EQ(invoices.find(*credit)->credited_invoice_id, cancelled);

    // The storage's guards came along: an issued invoice cannot change, a
    // number is never given twice.
    EXPECT_THROW(db.sql().exec("UPDATE invoice SET net = net + 1 WHERE number = '2026-0001'"), SQLite::Exception);
    EXPECT_THROW(db.sql().exec("DELETE FROM invoice_sequence"), SQLite::Exception);
    EXPECT_EQ(invoices.find(*issued)->net, 150000);
}

// Every earlier schema version opens and migrates forward with its data.
TEST(Migrations, EveryEarlierVersionMigratesForwardKeepingItsData) {
    for (int version = 1; version < Database::latest_schema_version(); ++version) {
        TempFile f;
        {
            Database old(f.path.string(), version);
            ASSERT_EQ(old.schema_version(), version);
            // Today's repositories write today's columns (and today's
            // services the activity log of version 7): rows of an old schema
            // are written as that version's program wrote them.
            old.sql().exec("INSERT INTO publication (name, slug) VALUES ('Le Brief', 'brief')");
            old.sql().exec("INSERT INTO sponsor (name) VALUES ('Acme')");
        }
        Database now(f.path.string());
        EXPECT_EQ(now.schema_version(), Database::latest_schema_version()) << "from version " << version;
        EXPECT_EQ(CatalogService(now).publication("brief").name, "Le Brief");
        EXPECT_EQ(SponsorService(now).find_by_name("Acme").value().name, "Acme");
    }
}

TEST(Migrations, AFileFromANewerProgramIsRefusedAndLeftUntouched) {
    TempFile f;
    {
        Database db(f.path.string());
        db.sql().exec("PRAGMA journal_mode=DELETE");
        db.sql().exec("PRAGMA user_version=" + std::to_string(Database::latest_schema_version() + 1));
    }
    const std::string before = bytes_of(f.path);
    try {
        Database db(f.path.string());
        FAIL() << "a newer schema was opened";
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
    EXPECT_EQ(bytes_of(f.path), before);
    EXPECT_FALSE(fs::exists(f.path.string() + "-wal"));
}

TEST(Migrations, AnotherProgramsDatabaseIsRefusedAndLeftUntouched) {
    TempFile f;
    {
        SQLite::Database other(f.path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x')");
    }
    const std::string before = bytes_of(f.path);
    EXPECT_THROW(Database(f.path.string()), StorageError);
    EXPECT_EQ(bytes_of(f.path), before);
}

TEST(Migrations, AFileThatIsNotSqliteIsRefusedAndLeftUntouched) {
    TempFile f;
    {
        std::ofstream out(f.path, std::ios::binary);
        out << "name,price\nAcme,1500\n" << std::string(5000, 'x');
    }
    const std::string before = bytes_of(f.path);
    try {
        Database db(f.path.string());
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find("not a SponsorDesk database"), std::string::npos) << e.what();
    }
    EXPECT_EQ(bytes_of(f.path), before);
}

TEST(Migrations, ANewFileIsMarkedAsOursWithWalAndForeignKeys) {
    TempFile f;
    Database db(f.path.string());
    EXPECT_EQ(db.sql().execAndGet("PRAGMA application_id").getInt(), Database::kApplicationId);
    EXPECT_EQ(db.sql().execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ(db.sql().execAndGet("PRAGMA foreign_keys").getInt(), 1);
    EXPECT_GT(db.sql().execAndGet("PRAGMA busy_timeout").getInt(), 1000);
}

TEST(Migrations, DateRangeQueriesUseTheIndexes) {
    // The plan of the repository's own list query (the bookings view, the
    // GUI's pages), not a copy of it: a change to that SQL is checked too.
    Database db(":memory:");
    BookingRepository bookings(db);
    BookingFilter f;
    f.from = Date{2026, 1, 1};
    f.to = Date{2026, 1, 31};
    for (const bool one_publication : {false, true}) {
        if (one_publication) f.publication_id = 1;
        const std::string p = bookings.query_plan(f);
        SCOPED_TRACE(p);
        // Issues by a date range of an index: issue_by_date, or the
        // (publication, date) key when a publication is chosen.
        EXPECT_NE(
            p.find(one_publication ? "(publication_id=? AND date>? AND date<?)" : "issue_by_date (date>? AND date<?)"),
            std::string::npos);
        EXPECT_NE(p.find("SEARCH b USING INDEX booking_by_issue"), std::string::npos);
        EXPECT_EQ(p.find("SCAN i"), std::string::npos);
        EXPECT_EQ(p.find("SCAN b"), std::string::npos);
        EXPECT_EQ(p.find("SCAN booking"), std::string::npos);
    }
}

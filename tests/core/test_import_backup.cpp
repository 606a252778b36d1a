#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "core_fixture.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/backup_service.h"
#include "sponsordesk/services/import_service.h"

using namespace sponsordesk;
namespace fs = std::filesystem;

namespace {

std::string temp_path(const std::string& name) {
    std::random_device rd;
    return (fs::temp_directory_path() / ("sd-" + std::to_string(rd()) + "-" + name)).string();
}

std::string write_temp(const std::string& name, const std::string& content) {
    std::string p = temp_path(name);
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

}  // namespace

using Import = sponsordesk::test::CoreFixture;

TEST_F(Import, SponsorsWithQuotedFieldsAndContacts) {
    auto path = write_temp("s.csv",
                           "name,legal_name,address,country,vat_number,category,contact_name,contact_email\n"
                           "\"Zeta, Inc.\",Zeta Inc.,\"1 Main St\nSpringfield\",US,,saas,Ann Lee,ann@zeta.example\n"
                           "Ômega,Ômega SAS,Paris,fr,FR40303265045,cloud,,\n");
    ImportResult r = ImportService(*db).sponsors(path);
    EXPECT_EQ(r.rows, 2);
    EXPECT_EQ(r.contacts, 1);
    Sponsor z = *SponsorService(*db).find_by_name("Zeta, Inc.");
    EXPECT_EQ(z.address, "1 Main St\nSpringfield");
    EXPECT_EQ(SponsorService(*db).find_by_name("Ômega").value().country, "FR");
    fs::remove(path);
}

TEST_F(Import, OneBadRowImportsNothingAndNamesItsLine) {
    auto path = write_temp("b.csv",
                           "publication,date,placement,sponsor,price,status\n"
                           "brief,2026-03-10,MAIN,Acme,1500,confirmed\n"
                           "brief,2026-04-01,CLASS,Cirrus,,hold\n"
                           "brief,2026-02-30,CLASS,Dune,200,confirmed\n");
    try {
        ImportService(*db).bookings(path);
        FAIL();
    } catch (const InvalidInput& e) {
        EXPECT_EQ(std::string(e.what()).rfind("line 4:", 0), 0u) << e.what();
        EXPECT_NE(std::string(e.what()).find("2026-02-30"), std::string::npos);
    }
    BookingQuery all;
    EXPECT_TRUE(BookingService(*db).list(all).empty());
    EXPECT_THROW(IssueService(*db).get("brief", Date::parse("2026-04-01")), NotFound);  // not created either
    fs::remove(path);
}

TEST_F(Import, BookingsFollowTheRulesAndCreateIssues) {
    auto path = write_temp("b.csv",
                           "publication,date,placement,sponsor,price,status\n"
                           "brief,2026-04-01,MAIN,Acme,1500,confirmed\n"
                           "brief,2026-04-01,CLASS,Cirrus,,hold\n"
                           "brief,2026-04-02,MAIN,Dune,\"1200,50\",published\n");
    ImportResult r = ImportService(*db).bookings(path);
    EXPECT_EQ(r.rows, 3);
    EXPECT_EQ(r.created_issues, 2);
    auto list = BookingService(*db).list({});
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[1].booking.price, 20000);  // the placement's list price
    EXPECT_EQ(list[2].booking.price, 120050);
    // The same file again: the main slots are taken now.
    try {
        ImportService(*db).bookings(path);
        FAIL();
    } catch (const Conflict& e) {
        EXPECT_EQ(std::string(e.what()).rfind("line 2:", 0), 0u) << e.what();
    }
    EXPECT_EQ(BookingService(*db).list({}).size(), 3u);
    // A competitor in the file is refused like on the command line.
    auto clash = write_temp("c.csv",
                            "publication,date,placement,sponsor,price,status\n"
                            "brief,2026-03-12,MAIN,Acme,,confirmed\nbrief,2026-03-12,CLASS,Bobco,,confirmed\n");
    EXPECT_THROW(ImportService(*db).bookings(clash), Conflict);
    fs::remove(path);
    fs::remove(clash);
}

TEST_F(Import, WrongHeaderOrFieldCountIsRefused) {
    auto bad_header = write_temp("h.csv", "publication,date,placement,sponsor,status\nbrief,2026-03-10,MAIN,Acme,x\n");
    EXPECT_THROW(ImportService(*db).bookings(bad_header), InvalidInput);
    auto short_row = write_temp("r.csv", "publication,date,placement,sponsor,price,status\nbrief,2026-03-10,MAIN\n");
    EXPECT_THROW(ImportService(*db).bookings(short_row), InvalidInput);
    auto broken =
        write_temp("q.csv", "publication,date,placement,sponsor,price,status\nbrief,\"2026-03-10,MAIN,A,1,x\n");
    EXPECT_THROW(ImportService(*db).bookings(broken), InvalidInput);
    EXPECT_THROW(ImportService(*db).bookings("/nonexistent/file.csv"), NotFound);
    for (auto& p : {bad_header, short_row, broken}) fs::remove(p);
}

TEST(Backup, IsAConsistentCopyWhileAnotherConnectionWrites) {
    const std::string src = temp_path("src.db"), copy = temp_path("copy.db");
    {
        Database db(src);
        Publication p;
        p.name = "Le Brief";
        p.slug = "brief";
        CatalogService(db).add_publication(p);
    }
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        Database db(src);
        SponsorService sponsors(db);
        while (!stop) {
            Sponsor s;
            s.name = "Sponsor " + std::to_string(written.load());
            sponsors.add(s);
            ++written;
        }
    });
    while (written < 50) std::this_thread::yield();
    Database reader(src);
    auto bytes = backup_database(reader, copy);
    stop = true;
    writer.join();
    EXPECT_GT(bytes, 0u);
    Database restored(copy);
    auto n = restored.sql().execAndGet("SELECT count(*) FROM sponsor").getInt();
    EXPECT_GE(n, 50);
    EXPECT_LE(n, written.load());
    EXPECT_EQ(restored.sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(CatalogService(restored).publication("brief").name, "Le Brief");
    for (const auto& f : {src, copy})
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(f + suffix);
}

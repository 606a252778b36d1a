// Schema v6: campaign results (link_click). A file of version 5 opens,
// keeps its issues' figures and its bookings, and takes link clicks.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <SQLiteCpp/Database.h>

#include "../support/test_support.h"
#include "sponsordesk/services/results_service.h"
#include "sponsordesk/storage/database.h"
#include "sponsordesk/storage/issue_repository.h"
#include "sponsordesk/storage/results_repository.h"

using namespace sponsordesk;
namespace fs = std::filesystem;

namespace {

// A copy of tests/data/migrations/schema-v5.db (written by the program of
// 8592571, see the README there): the records of record.sh and the figures
// of the issue of 2026-03-03.
fs::path open_v5_copy(const test::TempDir& dir) {
    const fs::path copy = dir.path() / "v5.db";
    fs::copy_file(fs::path(SPONSORDESK_TEST_DATA) / "migrations" / "schema-v5.db", copy);
    SQLite::Database db(copy.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 5) << "the committed file is not of version 5";
    return copy;
}

void write(const std::string& path, const std::string& content) { std::ofstream(path, std::ios::binary) << content; }

}  // namespace

TEST(MigrationV6, AVersion5FileOpensKeepsItsFiguresAndHasNoLinkClicks) {
    test::TempDir dir;
    const fs::path path = open_v5_copy(dir);
    Database db(path.string());
    ASSERT_EQ(db.schema_version(), Database::latest_schema_version());
    ASSERT_GE(db.schema_version(), 6);
    const auto issue = IssueRepository(db).find(1, Date{2026, 3, 3});
    ASSERT_TRUE(issue);
    EXPECT_EQ(issue->audience, 12000);
    EXPECT_EQ(issue->opens, 5400);
    EXPECT_EQ(issue->clicks, 310);
    EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM link_click").getInt(), 0);
    EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM booking").getInt(), 3);
}

TEST(MigrationV6, AMigratedFileTakesTheClicksOfItsApprovedBooking) {
    test::TempDir dir;
    const fs::path path = open_v5_copy(dir);
    Database db(path.string());
    const std::string csv = dir.file("clicks.csv");
    write(csv,
          "URL,Clicks\n"
          "https://acme.example/essai?utm_source=brief&utm_medium=newsletter&utm_campaign=2026-03-03&"
          "utm_content=MAIN,42\n");
    const ClicksImportResult r = ResultsService(db).import_clicks({"brief", csv, {}, {}, {}, {}});
    EXPECT_EQ(r.matched, 1);
    const auto rows = ResultsRepository(db).sponsor_bookings(1, Date{2026, 3, 1}, Date{2026, 3, 31});
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.front().clicks, 42);
    EXPECT_EQ(rows.front().audience, 12000);
}

TEST(SchemaV6, LinkClicksAreOnePerIssueAndUrlAndNeverNegative) {
    Database db(":memory:");
    db.sql().exec(
        "INSERT INTO publication (id, name, slug) VALUES (1, 'P', 'p');"
        "INSERT INTO placement (id, publication_id, code, name, price) VALUES (1, 1, 'MAIN', 'Main', 100);"
        "INSERT INTO issue (id, publication_id, number, date) VALUES (1, 1, 1, '2026-03-03');"
        "INSERT INTO sponsor (id, name) VALUES (1, 'Acme');"
        "INSERT INTO booking (id, issue_id, placement_id, sponsor_id, slot, price, status) "
        "VALUES (1, 1, 1, 1, 1, 100, 'confirmed');"
        "INSERT INTO link_click (issue_id, url, booking_id, clicks) VALUES (1, 'https://a.example/', 1, 3);");
    EXPECT_THROW(db.sql().exec("INSERT INTO link_click (issue_id, url, booking_id, clicks) "
                               "VALUES (1, 'https://a.example/', 1, 4)"),
                 SQLite::Exception);
    EXPECT_THROW(db.sql().exec("INSERT INTO link_click (issue_id, url, booking_id, clicks) "
                               "VALUES (1, 'https://b.example/', 1, -1)"),
                 SQLite::Exception);
}

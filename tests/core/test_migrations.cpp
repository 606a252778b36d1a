#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <SQLiteCpp/Database.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/database.h"

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

}  // namespace

// Every earlier schema version opens and migrates forward with its data.
TEST(Migrations, EveryEarlierVersionMigratesForwardKeepingItsData) {
    for (int version = 1; version < Database::latest_schema_version(); ++version) {
        TempFile f;
        {
            Database old(f.path.string(), version);
            ASSERT_EQ(old.schema_version(), version);
            Publication p;
            p.name = "Le Brief";
            p.slug = "brief";
            CatalogService(old).add_publication(p);
            // Today's repositories write today's columns: rows of an old
            // schema are written as that version's program wrote them.
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
    Database db(":memory:");
    auto plan = [&](const std::string& sql) {
        SQLite::Statement q(db.sql(), "EXPLAIN QUERY PLAN " + sql);
        std::string out;
        while (q.executeStep()) out += q.getColumn(3).getString() + "\n";
        return out;
    };
    std::string p = plan(
        "SELECT b.id FROM booking b JOIN issue i ON i.id = b.issue_id WHERE i.date >= '2026-01-01' AND "
        "i.date <= '2026-01-31'");
    EXPECT_NE(p.find("issue_by_date"), std::string::npos) << p;
    EXPECT_NE(p.find("booking_by_issue"), std::string::npos) << p;
    EXPECT_EQ(p.find("SCAN b"), std::string::npos) << p;
}

// Schema v4: sponsors' folded keys, filled for every existing row.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/database.h"

using namespace sponsordesk;
namespace fs = std::filesystem;

namespace {
struct TempDb {
    fs::path path = fs::temp_directory_path() / ("sd-v4-" + std::to_string(std::random_device{}()) + ".db");
    ~TempDb() {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ec);
    }
};
}  // namespace

TEST(MigrationV4, AVersion3FileOpensWithFoldedKeysForItsSponsorsEvenWithNamesThatDifferOnlyByCase) {
    TempDb f;
    {
        Database v3(f.path.string(), 3);
        ASSERT_EQ(v3.schema_version(), 3);
        // Written by the v3 program, which compared names exactly.
        v3.sql().exec(
            "INSERT INTO sponsor (name, legal_name, category) VALUES "
            "('Acme', 'Acme SAS', 'Énergie'), ('ACME', '', 'ÉNERGIE'), ('Volt', '', 'banque')");
    }
    Database now(f.path.string());
    ASSERT_EQ(now.schema_version(), Database::latest_schema_version());
    ASSERT_GE(now.schema_version(), 4);
    EXPECT_EQ(now.sql().execAndGet("SELECT count(*) FROM sponsor").getInt(), 3);
    EXPECT_EQ(now.sql()
                  .execAndGet("SELECT group_concat(name_key || '/' || category_key, ',') FROM "
                              "(SELECT * FROM sponsor ORDER BY id)")
                  .getString(),
              "acme/énergie,acme/énergie,volt/banque");
    SponsorService sponsors(now);
    EXPECT_EQ(sponsors.list("acme sas", false).size(), 1u);
    EXPECT_EQ(sponsors.list("énergie", false).size(), 2u);
    Sponsor s;
    s.name = "acme";
    EXPECT_THROW(sponsors.add(s), Conflict);
    // Both old sponsors still resolve by their exact names.
    EXPECT_EQ(sponsors.find_by_name("ACME")->name, "ACME");
    EXPECT_EQ(sponsors.find_by_name("Acme")->name, "Acme");
}

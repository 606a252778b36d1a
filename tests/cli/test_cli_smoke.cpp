#include <gtest/gtest.h>

#include "cli_runner.h"

using namespace sponsordesk::test;

TEST(CliSmoke, BookingRoundTripOnAFreshDatabase) {
    TempDir dir;
    const std::string db = dir.file("s.db");
    ASSERT_EQ(run_db(db, {"publication", "add", "--name", "Le Brief", "--slug", "brief"}).status, 0);
    ASSERT_EQ(run_db(db, {"placement", "add", "--publication", "brief", "--code", "MAIN", "--name", "Main", "--price",
                          "1500"})
                  .status,
              0);
    ASSERT_EQ(run_db(db, {"issue", "add", "--publication", "brief", "--date", "2026-12-01"}).status, 0);
    ASSERT_EQ(run_db(db, {"sponsor", "add", "--name", "Acme"}).status, 0);
    auto r = run_db(
        db, {"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-12-01", "--placement", "MAIN"},
        "2026-11-20");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "1\n");
    auto again = run_db(
        db, {"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-12-01", "--placement", "MAIN"},
        "2026-11-20");
    EXPECT_EQ(again.status, 4);
    EXPECT_NE(again.err.find("no open slot"), std::string::npos) << again.err;
}

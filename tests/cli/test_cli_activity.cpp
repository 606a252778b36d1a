// `activity` on a file: every write's row, newest first, filtered by object,
// user and days; a refused write (exit 4) leaves none.
#include <pwd.h>
#include <unistd.h>

#include <ctime>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "test_database.h"

using namespace sponsordesk::test;
using nlohmann::json;

namespace {

std::string utc_today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

}  // namespace

TEST(CliActivity, EveryWriteIsLoggedAndARefusedOneIsNot) {
    TempDir dir;
    const std::string db = dir.file("s.db");
    const std::string today = "2026-11-20";
    ASSERT_EQ(run_db(db, {"publication", "add", "--name", "Le Brief", "--slug", "brief"}).status, 0);
    ASSERT_EQ(run_db(db, {"placement", "add", "--publication", "brief", "--code", "MAIN", "--name", "Main", "--price",
                          "1500"})
                  .status,
              0);
    ASSERT_EQ(run_db(db, {"issue", "add", "--publication", "brief", "--date", "2026-12-01"}).status, 0);
    ASSERT_EQ(run_db(db, {"sponsor", "add", "--name", "Acme"}).status, 0);
    ASSERT_EQ(run_db(db, {"sponsor", "add", "--name", "Bobco"}).status, 0);
    const std::vector<std::string> book = {"book",       "--publication", "brief", "--date",
                                           "2026-12-01", "--placement",   "MAIN"};
    auto with = [&](std::vector<std::string> args, const std::string& sponsor) {
        args.push_back("--sponsor");
        args.push_back(sponsor);
        return args;
    };
    ASSERT_EQ(run_db(db, with(book, "Acme"), today).status, 0);

    auto all = json::parse(run_db(db, {"--json", "activity"}).out)["activity"];
    ASSERT_EQ(all.size(), 6u);
    EXPECT_EQ(all[0]["action"], "book");  // newest first
    EXPECT_EQ(all[5]["action"], "publication add");
    const passwd* pw = getpwuid(geteuid());
    ASSERT_NE(pw, nullptr);
    // Who: the operating-system login for a file; on the test server the
    // database user its URI names (scripts/pg-test-server: postgres).
    const std::string who = sponsordesk::test::on_postgresql() ? "postgres" : pw->pw_name;
    for (const auto& row : all) EXPECT_EQ(row["user"], who);

    // Two sponsors for one slot: the second gets exit 4, and no row.
    auto taken = run_db(db, with(book, "Bobco"), today);
    EXPECT_EQ(taken.status, 4) << taken.err;
    EXPECT_EQ(json::parse(run_db(db, {"--json", "activity"}).out)["activity"].size(), 6u);

    auto one = run_db(db, {"activity", "--object", "booking:1"});
    ASSERT_EQ(one.status, 0) << one.err;
    EXPECT_NE(one.out.find("book"), std::string::npos) << one.out;
    EXPECT_NE(one.out.find("Acme, brief 2026-12-01 MAIN slot 1, 1500.00 EUR, confirmed"), std::string::npos) << one.out;
    EXPECT_EQ(json::parse(run_db(db, {"--json", "activity", "--object", "booking:1"}).out)["activity"].size(), 1u);
    EXPECT_EQ(json::parse(run_db(db, {"--json", "activity", "--object", "sponsor:2"}).out)["activity"].size(), 1u);
    EXPECT_EQ(json::parse(run_db(db, {"--json", "activity", "--user", who}).out)["activity"].size(), 6u);
    EXPECT_EQ(json::parse(run_db(db, {"--json", "activity", "--user", "nobody-here"}).out)["activity"].size(), 0u);
    EXPECT_EQ(
        json::parse(run_db(db, {"--json", "activity", "--from", utc_today(), "--to", utc_today()}).out)["activity"]
            .size(),
        6u);
    EXPECT_EQ(json::parse(run_db(db, {"--json", "activity", "--to", "2020-01-01"}).out)["activity"].size(), 0u);
}

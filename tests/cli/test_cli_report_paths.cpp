// Spreadsheets asked for in a folder that does not exist (or is a file):
// exactly one line on stderr, naming the path, with the storage status, and
// no "[ERROR]" line of libxlsxwriter's own; nothing written anywhere.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

using namespace sponsordesk::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kToday = "2026-04-15";

class CliReportPaths : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = dir_.file("r.db");
        ok(issuing_publisher());
        ok({"publication", "add", "--name", "La Lettre", "--slug", "lettre"});
        ok({"placement", "add", "--publication", "lettre", "--code", "main", "--name", "Main sponsor", "--price",
            "1500"});
        ok({"issue", "plan", "--publication", "lettre", "--from", "2026-03-01", "--to", "2026-03-31"});
        ok(issuing_sponsor("Acme", "552100554"));
        ok({"book", "--sponsor", "Acme", "--publication", "lettre", "--date", "2026-03-02", "--placement", "main",
            "--status", "confirmed"});
        invoice_ =
            json::parse(ok({"--json", "invoice", "create", "--sponsor", "Acme", "--month", "2026-03"}))["id"].dump();
        ok({"invoice", "issue", invoice_, "--date", "2026-03-31"});
    }

    std::string ok(const std::vector<std::string>& args) {
        CliResult r = run_db(db_, args, kToday);
        EXPECT_EQ(r.status, 0) << r.err;
        return r.out;
    }

    // One clear line naming `path`, exit 5 (storage), nothing on stdout.
    void expect_one_line(const std::vector<std::string>& args, const std::string& path, const std::string& why) {
        const CliResult r = run_db(db_, args, kToday);
        EXPECT_EQ(r.status, 5) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.err.find("[ERROR]"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(why), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
    }

    TempDir dir_;
    std::string db_;
    std::string invoice_;
};

TEST_F(CliReportPaths, MissingFolderIsOneLineForEverySpreadsheet) {
    const std::string missing = "/nonexistent-sponsordesk/x.xlsx";
    expect_one_line({"report", "monthly", "--month", "2026-03", "--xlsx", missing}, missing, "does not exist");
    expect_one_line({"report", "billing", "--from", "2026-03-01", "--to", "2026-03-31", "--xlsx", missing}, missing,
                    "does not exist");
    expect_one_line({"invoice", "export", invoice_, "--xlsx", missing}, missing, "does not exist");
    expect_one_line({"invoice", "statement", "--sponsor", "Acme", "--xlsx", missing}, missing, "does not exist");
    const std::string nested = dir_.file("no/such/dir/x.xlsx");
    expect_one_line({"invoice", "export", invoice_, "--xlsx", nested}, nested, "does not exist");
}

TEST_F(CliReportPaths, AFileWhereAFolderShouldBeIsOneLine) {
    write_file(dir_.file("plain.txt"), "not a folder\n");
    const std::string under_file = dir_.file("plain.txt") + "/x.xlsx";
    expect_one_line({"report", "monthly", "--month", "2026-03", "--xlsx", under_file}, under_file, "not a folder");
    expect_one_line({"invoice", "export", invoice_, "--xlsx", under_file}, under_file, "not a folder");
    const std::string folder = dir_.file("out.xlsx");
    fs::create_directories(folder);
    expect_one_line({"invoice", "export", invoice_, "--xlsx", folder}, folder, "is a folder");
    expect_one_line({"report", "monthly", "--month", "2026-03", "--xlsx", folder}, folder, "is a folder");
    // No temporary workbook was left behind.
    for (const auto& e : fs::directory_iterator(dir_.path()))
        EXPECT_EQ(e.path().string().find(".partial"), std::string::npos) << e.path();
    EXPECT_TRUE(fs::is_empty(folder));
}

}  // namespace

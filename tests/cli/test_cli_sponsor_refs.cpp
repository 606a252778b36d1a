// Naming sponsors on the command line: by exact name or id, "#12" always the
// id, and a value that is one sponsor's name and another's id refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

using namespace sponsordesk::test;

namespace {

const std::string kToday = "2026-03-01";

class CliSponsorRefs : public ::testing::Test {
protected:
    void SetUp() override {
        db = dir.file("refs.db");
        ok({"publication", "add", "--name", "Le Brief", "--slug", "brief"});
        ok({"placement", "add", "--publication", "brief", "--code", "MAIN", "--name", "Main", "--price", "1500"});
        ok({"issue", "plan", "--publication", "brief", "--from", "2026-03-02", "--to", "2026-03-13"});
        ok({"sponsor", "add", "--name", "Acme"});  // id 1
        ok({"sponsor", "add", "--name", "1"});     // id 2: its name is Acme's id
    }
    CliResult run(const std::vector<std::string>& args) { return run_db(db, args, kToday); }
    std::string ok(const std::vector<std::string>& args) {
        auto r = run(args);
        EXPECT_EQ(r.status, 0) << r.err;
        return r.out;
    }
    nlohmann::json sponsor_json(const std::string& name) {
        for (const auto& s : nlohmann::json::parse(ok({"--json", "sponsor", "list"})))
            if (s["name"] == name) return s;
        for (const auto& s : nlohmann::json::parse(ok({"--json", "sponsor", "list", "--archived"})))
            if (s["name"] == name) return s;
        ADD_FAILURE() << "no sponsor " << name;
        return {};
    }
    TempDir dir;
    std::string db;
};

}  // namespace

TEST_F(CliSponsorRefs, HashNumberIsAlwaysTheId) {
    EXPECT_EQ(ok({"sponsor", "archive", "#1"}), "archived Acme\n");
    EXPECT_TRUE(sponsor_json("Acme")["archived"].get<bool>());
    EXPECT_FALSE(sponsor_json("1")["archived"].get<bool>());
    EXPECT_EQ(ok({"sponsor", "restore", "#1"}), "restored Acme\n");
    EXPECT_EQ(ok({"sponsor", "archive", "#2"}), "archived 1\n");
}

TEST_F(CliSponsorRefs, ANameThatIsAnotherSponsorsIdIsRefusedAsAmbiguous) {
    const std::string before = fingerprint(db);
    auto r = run({"sponsor", "archive", "1"});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("\"1\""), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("ambiguous"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("#2"), std::string::npos) << r.err;  // how to name each one
    EXPECT_NE(r.err.find("#1"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
    EXPECT_EQ(fingerprint(db), before);

    r = run({"book", "--sponsor", "1", "--publication", "brief", "--date", "2026-03-03", "--placement", "MAIN"});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("ambiguous"), std::string::npos) << r.err;
    r = run({"invoice", "list", "--sponsor", "1"});
    EXPECT_EQ(r.status, 1) << r.err;
}

TEST_F(CliSponsorRefs, BookingAndInvoicingByNameOrIdUseThatSponsor) {
    const std::string id =
        ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-03-03", "--placement", "MAIN"});
    const auto booking = nlohmann::json::parse(ok({"--json", "booking", "show", id.substr(0, id.size() - 1)}));
    EXPECT_EQ(booking["sponsor"], "Acme");
    ok({"book", "--sponsor", "#2", "--publication", "brief", "--date", "2026-03-04", "--placement", "MAIN"});
    const auto inv =
        nlohmann::json::parse(ok({"--json", "invoice", "create", "--sponsor", "#2", "--month", "2026-03"}));
    EXPECT_EQ(inv["sponsor"], "1");
    EXPECT_EQ(inv["lines"].size(), 1u);
    // A plain id still works when no other sponsor is named like it.
    const auto acme = nlohmann::json::parse(ok({"--json", "invoice", "uninvoiced", "--sponsor", "Acme"}));
    ASSERT_EQ(acme.size(), 1u);
    EXPECT_EQ(acme[0]["sponsor"], "Acme");
}

TEST_F(CliSponsorRefs, UnknownReferencesKeepTheirMessages) {
    auto r = run({"sponsor", "archive", "Nobody"});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err, "sponsordesk-cli: no sponsor \"Nobody\"\n");
    r = run({"sponsor", "archive", "#99"});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err, "sponsordesk-cli: no sponsor with id 99\n");
    r = run({"sponsor", "archive", "#x"});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("\"#x\""), std::string::npos) << r.err;
    // Plain digits that are nobody's name fall back to the id, as before.
    EXPECT_EQ(ok({"contact", "add", "--sponsor", "2", "--name", "Zoé"}).empty(), false);
}

TEST_F(CliSponsorRefs, TodaysMessagesAreUnchanged) {
    ok({"sponsor", "add", "--name", "Banque A", "--category", "banque"});
    ok({"sponsor", "add", "--name", "Banque B", "--category", "banque"});
    ok({"placement", "add", "--publication", "brief", "--code", "CLASS", "--name", "Classifieds", "--price", "200",
        "--slots", "4"});
    ok({"book", "--sponsor", "Banque A", "--publication", "brief", "--date", "2026-03-05", "--placement", "CLASS"});
    auto r = run(
        {"book", "--sponsor", "Banque B", "--publication", "brief", "--date", "2026-03-05", "--placement", "CLASS"});
    EXPECT_EQ(r.status, 4);
    EXPECT_EQ(r.err,
              "sponsordesk-cli: competitor in the issue: \"Banque A\" (category \"banque\") already has booking 1; "
              "book with --allow-competitor to override\n");
    r = run({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-04-01", "--placement", "MAIN"});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err, "sponsordesk-cli: brief has no issue on 2026-04-01\n");
    r = run({"book", "--sponsor", "Acme", "--publication", "nope", "--date", "2026-03-03", "--placement", "MAIN"});
    EXPECT_EQ(r.err, "sponsordesk-cli: no publication with slug \"nope\"\n");
    r = run({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-03-03", "--placement", "X"});
    EXPECT_EQ(r.err, "sponsordesk-cli: no placement \"X\" in publication brief\n");
    r = run({"invoice", "show", "2026-0009"});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err, "sponsordesk-cli: no invoice \"2026-0009\" (give an id or a number such as 2026-0001)\n");
    ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-03-03", "--placement", "MAIN"});
    ok({"invoice", "create", "--sponsor", "Acme", "--month", "2026-03"});
    r = run({"invoice", "issue", "1", "--date", "2026-03-01"});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err.rfind("sponsordesk-cli: cannot issue invoice draft #1: missing the seller's legal name (publisher "
                          "set --name); the seller's street address (publisher set --address-line);",
                          0),
              0u)
        << r.err;
}

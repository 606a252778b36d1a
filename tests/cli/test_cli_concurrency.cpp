// SPEC "Working as a team": several people at once on one PostgreSQL
// database, through real CLI processes started in parallel. Two users
// taking the last slot: one wins, the other gets exit 4 naming the slot;
// invoice numbers stay gapless when several finance users issue at once.
// On the throw-away server of $SPONSORDESK_TEST_PG; skipped without.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "pg_server.h"

using namespace sponsordesk::test;
using nlohmann::json;

namespace {

constexpr const char* kToday = "2026-03-02";
constexpr int kClients = 8;
// One slot in each of 100 daily issues: 800 attempts, each a whole CLI
// process. 200 issues (1,600 attempts) took 115 s on 2 cores busy with
// other builds (load 7); scripts/bench races for 200.
constexpr int kSlots = 100;

std::string day(int i) {
    // 2026-04-01 + i days, i < 365.
    static const int month_days[] = {30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28, 31};  // April 2026 onwards
    int month = 0, d = i;
    while (d >= month_days[month]) d -= month_days[month++];
    const int m = (3 + month) % 12 + 1, y = 2026 + (3 + month) / 12;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d + 1);
    return buf;
}

std::string dates(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
        if (i) out += ",";
        out += day(i);
    }
    return out;
}

class CliConcurrency : public ::testing::Test {
protected:
    void SetUp() override {
        SPONSORDESK_REQUIRE_TEST_PG();
        pg = std::make_unique<PgDatabase>("race");
        ok({"db", "init"});
        ok({"publication", "add", "--name", "Le Quotidien", "--slug", "daily", "--language", "fr", "--cadence",
            "mon,tue,wed,thu,fri,sat,sun"});
        ok({"placement", "add", "--publication", "daily", "--code", "MAIN", "--name", "Main", "--price", "500",
            "--slots", "1"});
        ok({"issue", "plan", "--publication", "daily", "--from", day(0), "--to", day(kSlots - 1)});
    }
    std::string ok(const std::vector<std::string>& args, const std::string& user = "postgres") {
        const CliResult r = run_db(pg->uri(user), args, kToday);
        EXPECT_EQ(r.status, 0) << args[0] << " " << args[1] << ": " << r.err;
        return r.out;
    }
    std::unique_ptr<PgDatabase> pg;
};

TEST_F(CliConcurrency, EightClientsRaceForTheSameSlots) {
    std::vector<std::string> sellers;
    for (int k = 0; k < kClients; ++k) {
        sellers.push_back(pg->user("seller" + std::to_string(k)));
        ok({"user", "add", sellers.back(), "--role", "sales"});
        ok({"sponsor", "add", "--name", "Client " + std::to_string(k)});
    }
    struct Attempt {
        int slot;
        CliResult result;
    };
    std::vector<std::vector<Attempt>> attempts(kClients);
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> clients;
    for (int k = 0; k < kClients; ++k)
        clients.emplace_back([&, k] {
            // Half the clients go in the same order, the others start
            // elsewhere: races on the same slot at the same moment and later.
            const int start = k % 2 == 0 ? 0 : (k * kSlots / kClients);
            for (int i = 0; i < kSlots; ++i) {
                const int slot = (start + i) % kSlots;
                attempts[k].push_back(
                    {slot, run_db(pg->uri(sellers[k]),
                                  {"book", "--sponsor", "Client " + std::to_string(k), "--publication", "daily",
                                   "--date", day(slot), "--placement", "MAIN"},
                                  kToday)});
            }
        });
    for (auto& c : clients) c.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    std::map<int, int> winners;  // slot -> client
    int lost = 0;
    for (int k = 0; k < kClients; ++k)
        for (const auto& a : attempts[k]) {
            if (a.result.status == 0) {
                EXPECT_FALSE(winners.count(a.slot)) << "slot " << day(a.slot) << " won twice";
                winners[a.slot] = k;
            } else {
                ++lost;
                EXPECT_EQ(a.result.status, 4) << day(a.slot) << ": " << a.result.err;
                EXPECT_NE(a.result.err.find("no open slot: placement MAIN"), std::string::npos)
                    << day(a.slot) << ": " << a.result.err;
            }
        }
    EXPECT_EQ(winners.size(), static_cast<size_t>(kSlots));
    EXPECT_EQ(lost, kClients * kSlots - kSlots);

    // The database agrees: one booking per issue, by its winner.
    const json list = json::parse(ok({"booking", "list", "--json"}));
    ASSERT_EQ(list.size(), static_cast<size_t>(kSlots));
    std::set<std::string> days;
    for (const auto& b : list) {
        days.insert(b.at("date").get<std::string>());
        int slot = -1;
        for (int i = 0; i < kSlots; ++i)
            if (day(i) == b.at("date")) slot = i;
        ASSERT_GE(slot, 0);
        EXPECT_EQ(b.at("sponsor"), "Client " + std::to_string(winners[slot])) << b.at("date");
    }
    EXPECT_EQ(days.size(), static_cast<size_t>(kSlots));
    std::set<int> winning_clients;
    for (auto& [slot, k] : winners) winning_clients.insert(k);
    RecordProperty("seconds", std::to_string(seconds));
    std::printf("%d clients x %d slots: %.1f s, %.0f attempts/s, %zu clients won slots\n", kClients, kSlots, seconds,
                kClients * kSlots / seconds, winning_clients.size());
}

TEST_F(CliConcurrency, FourFinanceUsersIssueAtOnceWithoutGaps) {
    constexpr int kUsers = 4, kEach = 50;
    ok({"sponsor", "add", "--name", "Acme", "--address-line", "2 place Bellecour", "--postcode", "69002", "--city",
        "Lyon", "--siren", "552100554"});
    ok(issuing_publisher());
    ok({"issue", "plan", "--publication", "daily", "--from", day(kSlots), "--to", day(kUsers * kEach - 1)});
    // 200 bookings in one command, then a draft invoice for each.
    const json booked = json::parse(ok({"book", "--sponsor", "Acme", "--publication", "daily", "--dates",
                                        dates(kUsers * kEach), "--placement", "MAIN", "--json"}));
    std::vector<long long> booking_ids;
    for (const auto& b : booked.is_array() ? booked : booked.at("bookings")) booking_ids.push_back(b.at("id"));
    ASSERT_EQ(booking_ids.size(), static_cast<size_t>(kUsers * kEach));
    std::vector<std::string> drafts;
    for (long long id : booking_ids)
        drafts.push_back(std::to_string(
            json::parse(ok({"invoice", "create", "--sponsor", "Acme", "--bookings", std::to_string(id), "--json"}))
                .at("id")
                .get<long long>()));
    std::vector<std::string> finance;
    for (int u = 0; u < kUsers; ++u) {
        finance.push_back(pg->user("fin" + std::to_string(u)));
        ok({"user", "add", finance.back(), "--role", "finance"});
    }

    std::vector<std::vector<CliResult>> results(kUsers);
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int u = 0; u < kUsers; ++u)
        threads.emplace_back([&, u] {
            // Interleaved: user u issues drafts u, u+4, u+8…
            for (int i = 0; i < kEach; ++i)
                results[u].push_back(run_db(
                    pg->uri(finance[u]),
                    {"invoice", "issue", drafts[static_cast<size_t>(i * kUsers + u)], "--date", kToday}, kToday));
        });
    for (auto& t : threads) t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (int u = 0; u < kUsers; ++u)
        for (const auto& r : results[u]) EXPECT_EQ(r.status, 0) << finance[u] << ": " << r.err;

    const json invoices = json::parse(ok({"invoice", "list", "--json"}));
    ASSERT_EQ(invoices.size(), static_cast<size_t>(kUsers * kEach));
    std::set<std::string> numbers;
    for (const auto& inv : invoices) {
        ASSERT_FALSE(inv.at("number").is_null()) << inv.dump();
        numbers.insert(inv.at("number").get<std::string>());
    }
    ASSERT_EQ(numbers.size(), static_cast<size_t>(kUsers * kEach)) << "a number was given twice";
    // Same prefix, counters 1..200: no gap, no repeat.
    const std::string first = *numbers.begin();
    const std::string prefix = first.substr(0, first.find_last_not_of("0123456789") + 1);
    std::set<int> counters;
    for (const auto& n : numbers) {
        ASSERT_EQ(n.substr(0, prefix.size()), prefix) << n;
        counters.insert(std::stoi(n.substr(prefix.size())));
    }
    EXPECT_EQ(*counters.begin(), 1);
    EXPECT_EQ(*counters.rbegin(), kUsers * kEach);
    EXPECT_EQ(counters.size(), static_cast<size_t>(kUsers * kEach));
    std::printf("%d finance users x %d invoices issued at once: %.1f s, %s .. %s\n", kUsers, kEach, seconds,
                numbers.begin()->c_str(), numbers.rbegin()->c_str());
}

}  // namespace

// On-demand benchmark of the foundation (not run by CTest): builds a
// 100,000-booking database over 20 years of daily issues with 2,000
// sponsors, and a 1,000-booking one, through the real CSV import, then
// times whole sponsordesk-cli processes on both.
//
// With $SPONSORDESK_BENCH_PG (a libpq URI of a server's postgres database
// as a superuser, e.g. over a Unix socket; scripts/bench starts a throw-away
// server) the same two databases are copied to PostgreSQL (db copy) and
// timed there too, beside SQLite, and 8 clients race to book the same 200
// slots on the server.
//
//   bench_foundation PATH/TO/sponsordesk-cli WORKDIR [RUNS]
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/database.h"

extern char** environ;
using namespace sponsordesk;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// CPU time (user + system) of the last run, in ms: less sensitive than wall
// time to other work on the machine.
double last_cpu_ms = 0;

int last_status = 0;

// Runs a whole process and returns its wall time; a failure throws unless
// `may_fail` (then last_status says how it ended).
double run(const std::string& cli, std::vector<std::string> args, bool may_fail = false) {
    std::vector<char*> argv;
    args.insert(args.begin(), cli);
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    if (may_fail) posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    auto t0 = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, cli.c_str(), &fa, nullptr, argv.data(), environ) != 0) throw std::runtime_error("spawn");
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    auto t1 = Clock::now();
    last_cpu_ms =
        (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
    posix_spawn_file_actions_destroy(&fa);
    last_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (!may_fail && last_status != 0)
        throw std::runtime_error(fmt::format("{} failed with {}", args[1 < args.size() ? 3 : 0], WEXITSTATUS(status)));
    return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// A daily newsletter with a main slot and 20 classifieds, sponsors, and a
// CSV of `bookings` spread evenly over the days from `from` to `to`.
void build(const std::string& cli, const std::string& db_path, const std::string& dir, const Date& from, const Date& to,
           int sponsors, int bookings) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path + suffix);
    {
        Database db(db_path);
        WriteTransaction tx(db);
        CatalogService catalog(db);
        Publication p;
        p.name = "Bench Daily";
        p.slug = "daily";
        p.cadence = 0x7F;
        catalog.add_publication(p);
        Placement main;
        main.code = "MAIN";
        main.name = "Main";
        main.price = 100000;
        catalog.add_placement("daily", main);
        Placement cls;
        cls.code = "CLASS";
        cls.name = "Classifieds";
        cls.price = 15000;
        cls.slots = 20;
        catalog.add_placement("daily", cls);
        SponsorService ss(db);
        for (int i = 0; i < sponsors; ++i) {
            Sponsor s;
            s.name = fmt::format("Sponsor {:04}", i);
            s.category = i % 3 == 0 ? "" : fmt::format("cat{}", i % 300);
            ss.add(s);
        }
        tx.commit();
    }
    const long days = to.days() - from.days() + 1;
    const std::string csv = dir + "/bookings.csv";
    {
        std::ofstream out(csv);
        out << "publication,date,placement,sponsor,price,status\n";
        const long per_day = (bookings + days - 1) / days;
        int written = 0;
        for (long d = 0; d < days && written < bookings; ++d) {
            const Date date = from.add_days(d);
            for (long k = 0; k < per_day && written < bookings; ++k, ++written) {
                // Consecutive sponsors in one issue: their categories differ.
                const long sponsor = (d * per_day + k) % sponsors;
                out << "daily," << date.iso() << "," << (k == 0 ? "MAIN" : "CLASS") << ","
                    << fmt::format("Sponsor {:04}", sponsor) << ",," << (written % 50 == 0 ? "cancelled" : "confirmed")
                    << "\n";
            }
        }
    }
    const double ms = run(cli, {"--db", db_path, "import", "bookings", "--csv", csv});
    fmt::print("  built {}: {} bookings imported through the CLI in {:.0f} ms\n", db_path, bookings, ms);
}

struct Figures {
    double book, availability, list;              // wall, median
    double book_cpu, availability_cpu, list_cpu;  // CPU, median
};

Figures measure(const std::string& cli, const std::string& db, int runs, const Date& book_from) {
    std::vector<double> book, avail, list, book_cpu, avail_cpu, list_cpu;
    for (int i = 0; i < runs; ++i) {
        // Each run books a new issue's main slot... the first free day.
        const Date d = book_from.add_days(i);
        book.push_back(run(cli, {"--db", db, "book", "--sponsor", "Sponsor 0000", "--publication", "daily", "--date",
                                 d.iso(), "--placement", "CLASS", "--allow-competitor"}));
        book_cpu.push_back(last_cpu_ms);
        avail.push_back(run(
            cli, {"--db", db, "availability", "--publication", "daily", "--from", "2027-01-01", "--to", "2027-12-31"}));
        avail_cpu.push_back(last_cpu_ms);
        list.push_back(run(cli, {"--db", db, "booking", "list", "--from", "2027-03-01", "--to", "2027-03-31"}));
        list_cpu.push_back(last_cpu_ms);
    }
    return {median(book), median(avail), median(list), median(book_cpu), median(avail_cpu), median(list_cpu)};
}

// The base URI with another database: postgresql://AUTH/DB?PARAMS.
std::string pg_uri(const std::string& base, const std::string& db) {
    const auto q = base.find('?');
    const std::string head = base.substr(0, q);
    const auto slash = head.find('/', head.find("://") + 3);
    return (slash == std::string::npos ? head : head.substr(0, slash)) + "/" + db +
           (q == std::string::npos ? "" : base.substr(q));
}

// A new database on the server, prepared by db init.
std::string pg_database(const std::string& cli, const std::string& base, const std::string& name) {
    const std::string cmd = "psql -X -q '" + base + "' -c 'DROP DATABASE IF EXISTS " + name +
                            " WITH (FORCE)' -c 'CREATE DATABASE " + name + "' >/dev/null";
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("cannot create the database " + name);
    // The group roles of an earlier run of the same name go with it.
    for (const char* g : {"_admin", "_sales", "_editor", "_finance", "_owner"})
        std::system(("psql -X -q '" + base + "' -c 'DROP ROLE IF EXISTS " + name + g + "' >/dev/null 2>&1").c_str());
    const std::string uri = pg_uri(base, name);
    run(cli, {"--db", uri, "db", "init"});
    return uri;
}

// 8 clients (whole CLI processes, each client's attempts one after the
// other) try to book the same 200 one-slot issues.
void race(const std::string& cli, const std::string& base) {
    constexpr int clients = 8, slots = 200;
    const std::string uri = pg_database(cli, base, "bench_race");
    run(cli, {"--db", uri, "publication", "add", "--name", "Race Daily", "--slug", "race", "--cadence",
              "mon,tue,wed,thu,fri,sat,sun"});
    run(cli, {"--db", uri, "placement", "add", "--publication", "race", "--code", "MAIN", "--name", "Main", "--price",
              "100"});
    const Date first = Date::parse("2027-01-01");
    run(cli, {"--db", uri, "issue", "plan", "--publication", "race", "--from", first.iso(), "--to",
              first.add_days(slots - 1).iso()});
    for (int k = 0; k < clients; ++k) run(cli, {"--db", uri, "sponsor", "add", "--name", fmt::format("Racer {}", k)});
    std::atomic<int> won{0}, taken{0}, other{0};
    std::vector<std::vector<double>> times(clients);
    const auto t0 = Clock::now();
    std::vector<std::thread> threads;
    for (int k = 0; k < clients; ++k)
        threads.emplace_back([&, k] {
            const int start = k % 2 == 0 ? 0 : k * slots / clients;
            for (int i = 0; i < slots; ++i) {
                const Date d = first.add_days((start + i) % slots);
                // run() keeps its status in a global: a local copy per call.
                std::vector<std::string> args = {
                    "--db",   uri,     "book",        "--sponsor", fmt::format("Racer {}", k), "--publication", "race",
                    "--date", d.iso(), "--placement", "MAIN"};
                std::vector<char*> argv;
                args.insert(args.begin(), cli);
                for (auto& a : args) argv.push_back(a.data());
                argv.push_back(nullptr);
                posix_spawn_file_actions_t fa;
                posix_spawn_file_actions_init(&fa);
                posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
                posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
                const auto a0 = Clock::now();
                pid_t pid = 0;
                int status = 0;
                if (posix_spawn(&pid, cli.c_str(), &fa, nullptr, argv.data(), environ) == 0) waitpid(pid, &status, 0);
                posix_spawn_file_actions_destroy(&fa);
                times[k].push_back(std::chrono::duration<double, std::milli>(Clock::now() - a0).count());
                const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
                (code == 0 ? won : code == 4 ? taken : other)++;
            }
        });
    for (auto& t : threads) t.join();
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    std::vector<double> all;
    for (auto& v : times) all.insert(all.end(), v.begin(), v.end());
    fmt::print(
        "\nrace on PostgreSQL: {} clients x {} one-slot issues = {} attempts in {:.1f} s ({:.0f} attempts/s, "
        "{:.0f} bookings/s); median attempt {:.1f} ms\n",
        clients, slots, clients * slots, secs, clients * slots / secs, won / secs, median(all));
    fmt::print("  booked {} (goal {}), slot taken (exit 4) {}, other errors {}\n", won.load(), slots, taken.load(),
               other.load());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s SPONSORDESK_CLI WORKDIR [RUNS]\n", argv[0]);
        return 2;
    }
    const std::string cli = argv[1], dir = argv[2];
    const int runs = argc > 3 ? std::atoi(argv[3]) : 31;
    fs::create_directories(dir);
    const std::string big = dir + "/big.db", small = dir + "/small.db";
    fmt::print("building the databases (20 years / 100,000 bookings / 2,000 sponsors, and 1 year / 1,000)\n");
    build(cli, big, dir, Date::parse("2010-01-01"), Date::parse("2029-12-31"), 2000, 100000);
    build(cli, small, dir, Date::parse("2027-01-01"), Date::parse("2027-12-31"), 2000, 1000);
    const char* pg_env = std::getenv("SPONSORDESK_BENCH_PG");
    const std::string pg_base = pg_env && *pg_env && std::string(pg_env) != "off" ? pg_env : "";
    std::string pg_big, pg_small;
    if (!pg_base.empty()) {
        fmt::print("copying both to PostgreSQL ({})\n", pg_base);
        pg_big = pg_database(cli, pg_base, "bench_big");
        pg_small = pg_database(cli, pg_base, "bench_small");
        double ms = run(cli, {"--db", big, "db", "copy", "--to", pg_big});
        fmt::print("  db copy of the 100k database: {:.0f} ms\n", ms);
        ms = run(cli, {"--db", small, "db", "copy", "--to", pg_small});
        fmt::print("  db copy of the 1k database: {:.0f} ms\n", ms);
    }
    fmt::print("timing {} runs of each command (median, whole process)\n", runs);
    Figures b = measure(cli, big, runs, Date::parse("2028-01-01"));
    Figures s = measure(cli, small, runs, Date::parse("2027-06-01"));
    fmt::print("\n{:<30} {:>14} {:>14} {:>7}   {:>12} {:>12} {:>7}\n", "command (median)", "wall 1k", "wall 100k",
               "ratio", "CPU 1k", "CPU 100k", "ratio");
    auto row = [](const char* name, double sw, double bw, double sc, double bc) {
        fmt::print("{:<30} {:>11.1f} ms {:>11.1f} ms {:>6.2f}x   {:>9.1f} ms {:>9.1f} ms {:>6.2f}x\n", name, sw, bw,
                   bw / sw, sc, bc, bc / sc);
    };
    row("book", s.book, b.book, s.book_cpu, b.book_cpu);
    row("availability over 2027", s.availability, b.availability, s.availability_cpu, b.availability_cpu);
    row("booking list for 2027-03", s.list, b.list, s.list_cpu, b.list_cpu);
    // The floor: a process that opens nothing.
    std::vector<double> help, help_cpu;
    for (int i = 0; i < runs; ++i) {
        help.push_back(run(cli, {"--help"}));
        help_cpu.push_back(last_cpu_ms);
    }
    fmt::print("{:<30} {:>11.1f} ms {:>14} {:>7}   {:>9.1f} ms\n", "--help (process start)", median(help), "", "",
               median(help_cpu));
    fmt::print("\ngoals: book < 15 ms, availability of a year < 50 ms, 100k within 1.5x of 1k\n");
    if (!pg_base.empty()) {
        Figures pb = measure(cli, pg_big, runs, Date::parse("2028-01-01"));
        Figures ps = measure(cli, pg_small, runs, Date::parse("2027-06-01"));
        fmt::print("\nPostgreSQL over {} beside SQLite (median wall, whole process; CPU is the client's only)\n",
                   pg_base.find("host=/") != std::string::npos ? "a Unix socket" : "the network");
        fmt::print("{:<26} {:>11} {:>11} {:>6}   {:>11} {:>11} {:>6}   {:>9}\n", "command", "SQLite 1k", "PG 1k",
                   "PG/SQ", "SQLite 100k", "PG 100k", "PG/SQ", "PG CPU 1k");
        auto prow = [](const char* name, double s1, double p1, double s100, double p100, double pcpu) {
            fmt::print("{:<26} {:>8.1f} ms {:>8.1f} ms {:>5.2f}x   {:>8.1f} ms {:>8.1f} ms {:>5.2f}x   {:>6.1f} ms\n",
                       name, s1, p1, p1 / s1, s100, p100, p100 / s100, pcpu);
        };
        prow("book", s.book, ps.book, b.book, pb.book, ps.book_cpu);
        prow("availability over 2027", s.availability, ps.availability, b.availability, pb.availability,
             ps.availability_cpu);
        prow("booking list for 2027-03", s.list, ps.list, b.list, pb.list, ps.list_cpu);
        race(cli, pg_base);
    }
    return 0;
}

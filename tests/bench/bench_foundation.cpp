// On-demand benchmark of the foundation (not run by CTest): builds a
// 100,000-booking database over 20 years of daily issues with 2,000
// sponsors, and a 1,000-booking one, through the real CSV import, then
// times whole sponsordesk-cli processes on both.
//
//   bench_foundation PATH/TO/sponsordesk-cli WORKDIR [RUNS]
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>

#include <algorithm>
#include <chrono>
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

double run(const std::string& cli, std::vector<std::string> args) {
    std::vector<char*> argv;
    args.insert(args.begin(), cli);
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
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
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
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
    return 0;
}

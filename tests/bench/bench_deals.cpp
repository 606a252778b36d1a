// On-demand benchmark of a booking over many issues (not run by CTest):
// `book --every mon,tue,wed,thu,fri` over a year of weekday issues (260
// bookings, all checked before any is written), whole sponsordesk-cli
// processes, each on a fresh copy of the same database. Goal: under 200 ms.
//
//   bench_deals PATH/TO/sponsordesk-cli WORKDIR [RUNS]
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/database.h"

extern char** environ;
using namespace sponsordesk;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Run {
    double wall_ms = 0, cpu_ms = 0;
    std::string out;
};

// Runs the CLI, its standard output captured in `out_path`.
Run run(const std::string& cli, std::vector<std::string> args, const std::string& out_path) {
    std::vector<char*> argv;
    args.insert(args.begin(), cli);
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const auto t0 = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, cli.c_str(), &fa, nullptr, argv.data(), environ) != 0) throw std::runtime_error("spawn");
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    const auto t1 = Clock::now();
    posix_spawn_file_actions_destroy(&fa);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(fmt::format("sponsordesk-cli failed with {}", WEXITSTATUS(status)));
    Run r;
    r.wall_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    r.cpu_ms =
        (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
    return r;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// A weekday newsletter with a main slot and classifieds, its 2027 issues
// planned, 2,000 sponsors in 300 categories, and a booked classified in
// every issue (so that the competitor check has rows to read).
void build(const std::string& path) {
    fs::remove(path);
    Database db(path);
    WriteTransaction tx(db);
    CatalogService catalog(db);
    Publication p;
    p.name = "Bench Daily";
    p.slug = "daily";
    p.cadence = 0x1F;
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
    SponsorService sponsors(db);
    for (int i = 0; i < 2000; ++i) {
        Sponsor s;
        s.name = fmt::format("Sponsor {:04}", i);
        s.category = i % 3 == 0 ? "" : fmt::format("cat{}", i % 300);
        sponsors.add(s);
    }
    IssueService(db).plan("daily", Date{2027, 1, 1}, Date{2027, 12, 31});
    tx.commit();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s SPONSORDESK_CLI WORKDIR [RUNS]\n", argv[0]);
        return 2;
    }
    const std::string cli = argv[1], dir = argv[2];
    const int runs = argc > 3 ? std::atoi(argv[3]) : 15;
    fs::create_directories(dir);
    const std::string base = dir + "/deals-base.db", db = dir + "/deals.db", out = dir + "/deals.out";
    build(base);
    // A classified of another sponsor in every issue: rows for the competitor check.
    fs::copy_file(base, db, fs::copy_options::overwrite_existing);
    run(cli,
        {"--db", db, "book", "--sponsor", "Sponsor 0001", "--publication", "daily", "--placement", "CLASS", "--every",
         "mon,tue,wed,thu,fri", "--from", "2027-01-01", "--to", "2027-12-31"},
        out);
    fs::copy_file(db, base, fs::copy_options::overwrite_existing);

    std::vector<double> wall, cpu;
    size_t booked = 0;
    for (int i = 0; i < runs; ++i) {
        fs::copy_file(base, db, fs::copy_options::overwrite_existing);
        const Run r = run(cli,
                          {"--db", db, "book", "--sponsor", "Sponsor 0002", "--publication", "daily", "--placement",
                           "MAIN", "--every", "mon,tue,wed,thu,fri", "--from", "2027-01-04", "--to", "2027-12-31"},
                          out);
        wall.push_back(r.wall_ms);
        cpu.push_back(r.cpu_ms);
        booked = 0;
        std::FILE* f = std::fopen(out.c_str(), "r");
        for (int c; f && (c = std::fgetc(f)) != EOF;) booked += c == '\n';
        if (f) std::fclose(f);
    }
    fmt::print(
        "book --every mon..fri over 2027-01-04..2027-12-31: {} bookings, median of {} runs: wall {:.1f} ms, "
        "CPU {:.1f} ms (min {:.1f} / max {:.1f} ms wall)\n",
        booked, runs, median(wall), median(cpu), *std::min_element(wall.begin(), wall.end()),
        *std::max_element(wall.begin(), wall.end()));
    fmt::print("goal: under 200 ms\n");
    return booked == 260 ? 0 : 1;
}

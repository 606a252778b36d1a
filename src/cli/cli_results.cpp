// Campaign results: import stats / import clicks (a sending platform's CSV
// exports) and report sponsor (the post-campaign report).
#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/results_service.h"

namespace sponsordesk::cli {
namespace {

std::string headers_help(const char* what, ResultColumn column) {
    std::string list;
    for (const auto& h : default_headers(column)) list += (list.empty() ? "" : ", ") + ("\"" + h + "\"");
    return fmt::format("header of the {} column (any case); default: the first of {}", what, list);
}

nlohmann::json columns_json(const std::vector<UsedColumn>& columns) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& c : columns) j[c.column] = c.header;
    return j;
}

std::string columns_text(const std::vector<UsedColumn>& columns) {
    std::string out;
    for (const auto& c : columns) out += fmt::format("{}{} = \"{}\"", out.empty() ? "" : ", ", c.column, c.header);
    return out;
}

nlohmann::json skipped_json(const std::vector<SkippedRow>& rows, const char* value_key) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& r : rows) a.push_back({{"line", r.line}, {value_key, r.value}, {"reason", r.reason}});
    return a;
}

std::optional<std::string> named(const Given& g) { return g.opt(); }

void register_results(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    CLI::App* import = app.get_subcommand("import");

    auto* stats = import->add_subcommand(
        "stats",
        "a sending platform's campaign export, one row per issue: sets each issue's audience, opens and clicks "
        "(as issue set-stats); dates with no issue are listed");
    auto& spub = required(stats, store, "--publication", "the publication (slug)");
    auto& spath = required(stats, store, "--csv", "CSV file: UTF-8, comma or semicolon separated, at most 50 MB");
    auto& sdate = add(
        stats, store, "--date-column",
        headers_help("send date", ResultColumn::Date) + "; dates as YYYY-MM-DD, an ISO date-time or \"Mar 3, 2026\"");
    auto& saud = add(stats, store, "--audience-column", headers_help("audience", ResultColumn::Audience));
    auto& sopens = add(stats, store, "--opens-column", headers_help("opens", ResultColumn::Opens));
    auto& sclicks = add(stats, store, "--clicks-column", headers_help("clicks", ResultColumn::Clicks));
    stats->callback([&] {
        ctx.run = [&] {
            StatsImportRequest r{spub.value, spath.value, named(sdate), named(saud), named(sopens), named(sclicks)};
            StatsImportResult res = ResultsService(ctx.db()).import_stats(r);
            ctx.emit({{"rows", res.rows},
                      {"issues", res.issues},
                      {"columns", columns_json(res.columns)},
                      {"skipped", skipped_json(res.skipped, "date")}},
                     [&] {
                         std::cout << fmt::format("{} row{} read, {} issue{} updated ({})\n", res.rows,
                                                  res.rows == 1 ? "" : "s", res.issues, res.issues == 1 ? "" : "s",
                                                  columns_text(res.columns));
                         for (const auto& s : res.skipped)
                             std::cout << fmt::format("skipped line {}: {}: no issue of {} on that date\n", s.line,
                                                      s.value, r.publication);
                     });
        };
    });

    auto* clicks = import->add_subcommand(
        "clicks",
        "a sending platform's click export, one row per link per issue: each link's clicks go to the booking "
        "named by its UTM tags; links that match no booking are listed");
    auto& cpub = required(clicks, store, "--publication", "the publication (slug): its links carry utm_source=SLUG");
    auto& cpath = required(clicks, store, "--csv", "CSV file: UTF-8, comma or semicolon separated, at most 50 MB");
    auto& curl = add(clicks, store, "--url-column", headers_help("link", ResultColumn::Url));
    auto& cclicks = add(clicks, store, "--clicks-column", headers_help("clicks", ResultColumn::LinkClicks));
    auto& cunique = add(clicks, store, "--unique-column",
                        headers_help("unique clicks", ResultColumn::UniqueClicks) + " (optional)");
    auto& cdate = add(clicks, store, "--date-column",
                      headers_help("send date", ResultColumn::Date) +
                          " (optional: when present, a row whose date is not the link's issue is unmatched)");
    clicks->callback([&] {
        ctx.run = [&] {
            ClicksImportRequest r{cpub.value, cpath.value, named(curl), named(cclicks), named(cunique), named(cdate)};
            ClicksImportResult res = ResultsService(ctx.db()).import_clicks(r);
            ctx.emit({{"rows", res.rows},
                      {"matched", res.matched},
                      {"links", res.links},
                      {"columns", columns_json(res.columns)},
                      {"unmatched", skipped_json(res.unmatched, "url")}},
                     [&] {
                         std::cout << fmt::format(
                             "{} link row{} read: {} matched to bookings ({} link{} stored), "
                             "{} unmatched ({})\n",
                             res.rows, res.rows == 1 ? "" : "s", res.matched, res.links, res.links == 1 ? "" : "s",
                             res.unmatched.size(), columns_text(res.columns));
                         for (const auto& u : res.unmatched)
                             std::cout << fmt::format("unmatched line {}: {} ({})\n", u.line, u.value,
                                                      unmatched_reason_text(u.reason));
                     });
        };
    });
}

}  // namespace

// After `import` (cli_data.cpp) and `report` (cli_report.cpp) exist.
REGISTER_COMMANDS(register_results, 85);

}  // namespace sponsordesk::cli

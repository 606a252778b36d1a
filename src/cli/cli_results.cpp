// Campaign results: import stats / import clicks (a sending platform's CSV
// exports) and report sponsor (the post-campaign report).
#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "resolve.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/metrics.h"
#include "sponsordesk/export/report_labels.h"
#include "sponsordesk/services/results_service.h"

namespace sponsordesk::cli {
namespace {

std::string headers_help(const char* what, ResultColumn column) {
    std::string list;
    for (const auto& h : default_headers(column)) list += (list.empty() ? "" : ", ") + ("\"" + h + "\"");
    return fmt::format("header of the {} column (case, spaces, _ and - ignored); default: the first of {} found", what,
                       list);
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

nlohmann::json opt_json(std::optional<std::int64_t> v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
nlohmann::json opt_json(std::optional<double> v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
nlohmann::json money_json(std::optional<Minor> v) { return v ? nlohmann::json(format_amount(*v)) : nlohmann::json(); }

nlohmann::json to_json(const SponsorReportRequest& req, const SponsorReportResult& res) {
    const SponsorReport& r = res.report;
    nlohmann::json bookings = nlohmann::json::array();
    for (const auto& b : r.bookings)
        bookings.push_back({{"booking", b.booking_id},
                            {"issue_date", b.issue_date.iso()},
                            {"publication", b.publication_name},
                            {"placement", b.placement_code},
                            {"placement_name", b.placement_name},
                            {"audience", opt_json(b.audience)},
                            {"opens", opt_json(b.opens)},
                            {"clicks", opt_json(b.clicks)},
                            {"unique_clicks", opt_json(b.unique_clicks)},
                            {"links", b.links},
                            {"ctr", opt_json(metrics::ctr(b.clicks, b.audience))},
                            {"click_to_open", opt_json(metrics::click_to_open(b.clicks, b.opens))},
                            {"price", format_amount(b.price)},
                            {"cost_per_click", money_json(metrics::cost_per_click(b.price, b.clicks))},
                            {"effective_cpm", money_json(metrics::effective_cpm(b.price, b.audience))},
                            {"currency", b.currency}});
    nlohmann::json totals = nlohmann::json::array();
    for (const auto& t : r.totals)
        totals.push_back({{"currency", t.currency},
                          {"bookings", t.bookings},
                          {"price", format_amount(t.price)},
                          {"audience", opt_json(t.audience)},
                          {"opens", opt_json(t.opens)},
                          {"clicks", opt_json(t.clicks)},
                          {"ctr", opt_json(t.ctr)},
                          {"click_to_open", opt_json(t.click_to_open)},
                          {"cost_per_click", money_json(t.cost_per_click)},
                          {"effective_cpm", money_json(t.effective_cpm)}});
    auto path = [](const std::optional<std::string>& p) { return p ? nlohmann::json(*p) : nlohmann::json(); };
    return {{"report", "sponsor"},
            {"sponsor", r.sponsor},
            {"from", r.from.iso()},
            {"to", r.to.iso()},
            {"pdf", path(req.pdf_path)},
            {"pdf_language", res.pdf_language.empty() ? nlohmann::json() : nlohmann::json(res.pdf_language)},
            {"xlsx", path(req.xlsx_path)},
            {"xlsx_language", res.xlsx_language.empty() ? nlohmann::json() : nlohmann::json(res.xlsx_language)},
            {"bookings", bookings},
            {"totals", totals}};
}

void print_report(const SponsorReportRequest& req, const SponsorReportResult& res) {
    const SponsorReport& r = res.report;
    auto count = [](std::optional<std::int64_t> v) { return v ? std::to_string(*v) : std::string("n/a"); };
    auto pct = [](std::optional<double> v) { return v ? fmt::format("{:.1f}%", *v * 100) : std::string("n/a"); };
    auto amount = [](std::optional<Minor> v) { return v ? format_amount(*v) : std::string("n/a"); };
    if (req.pdf_path) std::cout << fmt::format("wrote {} ({})\n", *req.pdf_path, res.pdf_language);
    if (req.xlsx_path) std::cout << fmt::format("wrote {} ({})\n", *req.xlsx_path, res.xlsx_language);
    std::cout << fmt::format("campaign of {}, issues {} to {}:\n", r.sponsor, r.from.iso(), r.to.iso());
    for (const auto& b : r.bookings)
        std::cout << fmt::format(
            "{} {} {}: audience {}, opens {}, clicks {}, CTR {}, click-to-open {}, price {} {}, cost per click {}, "
            "effective CPM {}\n",
            b.issue_date.iso(), b.publication_name, b.placement_code, count(b.audience), count(b.opens),
            count(b.clicks), pct(metrics::ctr(b.clicks, b.audience)), pct(metrics::click_to_open(b.clicks, b.opens)),
            format_amount(b.price), b.currency, amount(metrics::cost_per_click(b.price, b.clicks)),
            amount(metrics::effective_cpm(b.price, b.audience)));
    for (const auto& t : r.totals)
        std::cout << fmt::format(
            "total {}: {} booking{}, audience {}, opens {}, clicks {}, CTR {}, click-to-open {}, price {} {}, "
            "cost per click {}, effective CPM {}\n",
            t.currency, t.bookings, t.bookings == 1 ? "" : "s", count(t.audience), count(t.opens), count(t.clicks),
            pct(t.ctr), pct(t.click_to_open), format_amount(t.price), t.currency, amount(t.cost_per_click),
            amount(t.effective_cpm));
}

void register_results(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    CLI::App* import = app.get_subcommand("import");

    auto* stats = import->add_subcommand(
        "stats",
        "a sending platform's campaign export, one row per issue: sets each issue's audience, opens and clicks "
        "(as issue set-stats); dates with no issue are listed");
    auto& spub = required(stats, store, "--publication", "the publication (slug)");
    auto& spath = required(stats, store, "--csv",
                           "CSV file: UTF-8 (with or without BOM), comma, semicolon or tab separated, at most 50 MB");
    auto& sdate = add(
        stats, store, "--date-column",
        headers_help("send date", ResultColumn::Date) + "; dates as YYYY-MM-DD, an ISO date-time or \"Mar 3, 2026\"");
    auto& saud = add(stats, store, "--audience-column",
                     headers_help("audience", ResultColumn::Audience) + "; '' to leave it out");
    auto& sopens =
        add(stats, store, "--opens-column", headers_help("opens", ResultColumn::Opens) + "; '' to leave it out");
    auto& sclicks =
        add(stats, store, "--clicks-column", headers_help("clicks", ResultColumn::Clicks) + "; '' to leave it out");
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
    auto& cpath = required(clicks, store, "--csv",
                           "CSV file: UTF-8 (with or without BOM), comma, semicolon or tab separated, at most 50 MB");
    auto& curl = add(clicks, store, "--url-column", headers_help("link", ResultColumn::Url));
    auto& cclicks = add(clicks, store, "--clicks-column", headers_help("clicks", ResultColumn::LinkClicks));
    auto& cunique = add(clicks, store, "--unique-column",
                        headers_help("unique clicks", ResultColumn::UniqueClicks) + " (optional; '' to leave it out)");
    auto& cdate =
        add(clicks, store, "--date-column",
            headers_help("send date", ResultColumn::Date) +
                " (optional: when present, a row whose date is not the link's issue is unmatched; '' to leave "
                "it out)");
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

    CLI::App* report = app.get_subcommand("report");
    auto* sponsor = report->add_subcommand(
        "sponsor",
        "the post-campaign report of a sponsor: per booking audience, opens, clicks on its links, CTR, "
        "click-to-open, cost per click and effective CPM, with totals and definitions; a PDF with a chart "
        "and/or a workbook");
    auto& rsponsor = required(sponsor, store, "--sponsor", "the sponsor (name or id)");
    auto& rfrom = required(sponsor, store, "--from", "first issue date");
    auto& rto = required(sponsor, store, "--to", "last issue date");
    auto& rpdf = add(sponsor, store, "--pdf", "the PDF to write (- for stdout)");
    auto& rxlsx = add(sponsor, store, "--xlsx", "the workbook to write (- for stdout)");
    auto& rlanguage = add(sponsor, store, "--language",
                          "en or fr for both documents; default: the PDF in the publication's language, the "
                          "workbook in English");
    sponsor->callback([&] {
        ctx.run = [&] {
            SponsorReportRequest r;
            r.from = Date::parse(rfrom.value);
            r.to = Date::parse(rto.value);
            if (rpdf.given()) r.pdf_path = ctx.output(rpdf.value);
            if (rxlsx.given()) r.xlsx_path = ctx.output(rxlsx.value);
            if (rlanguage.given()) {
                r.language = rlanguage.value;
                report_labels(*r.language);  // refused before the database is opened
            }
            r.sponsor = sponsor_id(ctx.db(), rsponsor.value);
            SponsorReportResult res = ResultsService(ctx.db()).sponsor_report(r);
            ctx.emit(to_json(r, res), [&] { print_report(r, res); });
        };
    });
}

}  // namespace

// After `import` (cli_data.cpp) and `report` (cli_report.cpp) exist.
REGISTER_COMMANDS(register_results, 85);

}  // namespace sponsordesk::cli

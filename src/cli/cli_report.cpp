// report monthly / report billing: spreadsheets written by the report service.
#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/report_labels.h"
#include "sponsordesk/services/report_service.h"

namespace sponsordesk::cli {
namespace {

nlohmann::json money_fields(const std::string& currency, std::initializer_list<std::pair<const char*, Minor>> amounts) {
    nlohmann::json j = {{"currency", currency}};
    for (const auto& [name, amount] : amounts) j[name] = format_amount(amount);
    return j;
}

nlohmann::json to_json(const MonthlyReportResult& r, const std::string& month, const ReportLabels& l) {
    nlohmann::json totals = nlohmann::json::array();
    for (const auto& t : r.totals) {
        nlohmann::json j = money_fields(t.currency, {{"booked_revenue", t.booked_revenue},
                                                     {"invoiced", t.invoiced},
                                                     {"invoiced_gross", t.invoiced_gross},
                                                     {"collected", t.collected},
                                                     {"outstanding", t.outstanding}});
        j["booked"] = t.booked;
        totals.push_back(j);
    }
    nlohmann::json doc = {{"report", "monthly"},
                          {"path", r.path},
                          {"month", month},
                          {"rows", r.rows},
                          {"sponsors", r.sponsors},
                          {"issues", r.issues},
                          {"language", l.language},
                          {"sheets", {l.summary_sheet, l.bookings_sheet, l.sponsors_sheet, l.performance_sheet}}};
    // One currency (the usual case): its figures at the top level too.
    if (r.totals.size() == 1)
        for (const auto& [key, value] : totals[0].items()) doc[key] = value;
    doc["totals"] = totals;
    return doc;
}

nlohmann::json to_json(const BillingReportResult& r, const std::string& from, const std::string& to,
                       const ReportLabels& l) {
    nlohmann::json totals = nlohmann::json::array();
    for (const auto& t : r.totals) {
        nlohmann::json j = money_fields(
            t.currency,
            {{"net", t.net}, {"vat", t.vat}, {"gross", t.gross}, {"paid", t.paid}, {"outstanding", t.outstanding}});
        j["invoices"] = t.invoices;
        j["credit_notes"] = t.credit_notes;
        nlohmann::json aging = nlohmann::json::object();
        const char* const keys[] = {"current", "1_30", "31_60", "61_90", "over_90"};
        for (size_t b = 0; b < t.aging.size() && b < 5; ++b) aging[keys[b]] = format_amount(t.aging[b]);
        j["aging"] = aging;
        totals.push_back(j);
    }
    nlohmann::json doc = {{"report", "billing"},    {"path", r.path},
                          {"from", from},           {"to", to},
                          {"as_of", r.as_of.iso()}, {"rows", r.rows},
                          {"language", l.language}, {"sheets", {l.invoices_sheet, l.aging_sheet}}};
    if (r.totals.size() == 1)
        for (const auto& [key, value] : totals[0].items()) doc[key] = value;
    doc["totals"] = totals;
    return doc;
}

constexpr const char* kLanguageHelp =
    "en or fr (default en): sheet names, labels and date formats of the workbook; "
    "scripts can rely on the English names";

void register_report(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();

    auto* report = app.add_subcommand(
        "report", "monthly and billing reports as spreadsheets, the sponsor report as PDF and spreadsheet");
    report->require_subcommand(1);

    auto* monthly = report->add_subcommand(
        "monthly", "Summary, Bookings, Sponsors and Performance sheets of one month, with a chart");
    auto& month = required(monthly, store, "--month", "the month, YYYY-MM");
    auto& mpath = required(monthly, store, "--xlsx", "the workbook to write (- for stdout)");
    auto& pub = add(monthly, store, "--publication", "only this publication (slug)");
    auto& mlanguage = add(monthly, store, "--language", kLanguageHelp);
    monthly->callback([&] {
        ctx.run = [&] {
            MonthlyReportRequest r;
            r.month = Month::parse(month.value);
            r.path = ctx.output(mpath.value);
            r.publication = pub.opt();
            if (mlanguage.given()) r.language = mlanguage.value;
            const ReportLabels& labels = report_labels(r.language);  // refused before the database is opened
            MonthlyReportResult res = ReportService(ctx.db()).monthly(r);
            ctx.emit(to_json(res, r.month.iso(), labels), [&] {
                std::string figures;
                for (const auto& t : res.totals)
                    figures += fmt::format(", booked revenue {} {}", format_amount(t.booked_revenue), t.currency);
                std::cout << fmt::format("wrote {}: monthly report {}, {} booking{}{}\n", res.path, r.month.iso(),
                                         res.rows, res.rows == 1 ? "" : "s", figures);
            });
        };
    });

    auto* billing =
        report->add_subcommand("billing", "every invoice and credit note issued in a period, with totals and aging");
    auto& from = required(billing, store, "--from", "first issue date of the invoices");
    auto& to = required(billing, store, "--to", "last issue date of the invoices");
    auto& bpath = required(billing, store, "--xlsx", "the workbook to write (- for stdout)");
    auto& as_of = add(billing, store, "--as-of", "paid, outstanding and days overdue as of this date (default today)");
    auto& blanguage = add(billing, store, "--language", kLanguageHelp);
    billing->callback([&] {
        ctx.run = [&] {
            BillingReportRequest r;
            r.from = Date::parse(from.value);
            r.to = Date::parse(to.value);
            r.path = ctx.output(bpath.value);
            if (as_of.given()) r.as_of = Date::parse(as_of.value);
            if (blanguage.given()) r.language = blanguage.value;
            const ReportLabels& labels = report_labels(r.language);
            BillingReportResult res = ReportService(ctx.db()).billing(r);
            ctx.emit(to_json(res, r.from.iso(), r.to.iso(), labels), [&] {
                std::string figures;
                for (const auto& t : res.totals)
                    figures += fmt::format(", gross {} {}, outstanding {} {}", format_amount(t.gross), t.currency,
                                           format_amount(t.outstanding), t.currency);
                std::cout << fmt::format("wrote {}: billing report {} to {}, {} document{}{}\n", res.path, r.from.iso(),
                                         r.to.iso(), res.rows, res.rows == 1 ? "" : "s", figures);
            });
        };
    });
}

}  // namespace

REGISTER_COMMANDS(register_report, 70);

}  // namespace sponsordesk::cli

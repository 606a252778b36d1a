// The sponsor report as a workbook: one sheet, one row per booking, totals
// rows, and beside the table the report's facts and every definition.
// Small (a sponsor's bookings), so written in normal mode.
#include <algorithm>

#include <fmt/format.h>

#include "sponsor_report_labels.h"
#include "sponsordesk/domain/metrics.h"
#include "sponsordesk/export/c_locale.h"
#include "sponsordesk/export/sponsor_report.h"
#include "sponsordesk/export/report_xlsx.h"
#include "sponsordesk/export/xlsx_writer.h"

namespace sponsordesk {
namespace {

enum Col {
    CDate,
    CPub,
    CPlacement,
    CAudience,
    COpens,
    CClicks,
    CCtr,
    CCto,
    CPrice,
    CCpc,
    CCpm,
    CCurrency,
    CLast = CCurrency
};
constexpr int kNotesCol = CLast + 2;

}  // namespace

void write_sponsor_report_xlsx(const SponsorReport& report, const std::string& path) {
    const CLocaleScope c_locale;
    const SponsorReportLabels& l = sponsor_report_labels(report.language);
    XlsxWorkbook book(path, {false, report.language});
    XlsxProperties props;
    props.title = fmt::format(fmt::runtime(l.title), report.sponsor);
    props.subject = report.sponsor;
    props.author = report.publisher;
    props.company = report.publisher;
    props.custom = {
        {"report", "sponsor"}, {"from", report.from.iso()}, {"to", report.to.iso()}, {"language", l.language}};
    props.created = report.generated;
    book.set_properties(props);
    XlsxSheet& ws = book.add_sheet(l.sheet);

    ws.write_header(0, {l.issue_date, l.publication, l.placement, l.audience, l.opens, l.clicks, l.ctr, l.click_to_open,
                        l.price, l.cost_per_click, l.effective_cpm, l.currency});
    ws.freeze_rows(1);

    auto count = [&](int r, int c, std::optional<std::int64_t> v, CellStyle style = {}) {
        if (v)
            ws.write_number(r, c, static_cast<double>(*v), NumberFormat::Integer, style);
        else
            ws.write_text(r, c, l.not_available, style);
    };
    auto percent = [&](int r, int c, std::optional<double> v, CellStyle style = {}) {
        if (v)
            ws.write_number(r, c, *v, NumberFormat::Percent1, style);
        else
            ws.write_text(r, c, l.not_available, style);
    };
    auto money = [&](int r, int c, std::optional<Minor> v, const std::string& currency, CellStyle style = {}) {
        if (v)
            ws.write_money(r, c, *v, currency, style);
        else
            ws.write_text(r, c, l.not_available, style);
    };

    int r = 0;
    for (const auto& b : report.bookings) {
        ++r;
        ws.write_date(r, CDate, b.issue_date);
        ws.write_text(r, CPub, b.publication_name);  // user text: always a string cell
        ws.write_text(r, CPlacement, b.placement_name);
        count(r, CAudience, b.audience);
        count(r, COpens, b.opens);
        count(r, CClicks, b.clicks);
        percent(r, CCtr, metrics::ctr(b.clicks, b.audience));
        percent(r, CCto, metrics::click_to_open(b.clicks, b.opens));
        ws.write_money(r, CPrice, b.price, b.currency);
        money(r, CCpc, metrics::cost_per_click(b.price, b.clicks), b.currency);
        money(r, CCpm, metrics::effective_cpm(b.price, b.audience), b.currency);
        ws.write_text(r, CCurrency, b.currency);
    }
    const int last_booking = r;
    const bool several = report.totals.size() > 1;
    for (const auto& t : report.totals) {
        ++r;
        ws.write_text(r, CDate, several ? fmt::format("{} {}", l.total, t.currency) : std::string(l.total), kTotal);
        for (int c = CPub; c <= CPlacement; ++c) ws.write_text(r, c, "", kTotal);
        count(r, CAudience, t.audience, kTotal);
        count(r, COpens, t.opens, kTotal);
        count(r, CClicks, t.clicks, kTotal);
        percent(r, CCtr, t.ctr, kTotal);
        percent(r, CCto, t.click_to_open, kTotal);
        ws.write_money(r, CPrice, t.price, t.currency, kTotal);
        money(r, CCpc, t.cost_per_click, t.currency, kTotal);
        money(r, CCpm, t.effective_cpm, t.currency, kTotal);
        ws.write_text(r, CCurrency, t.currency, kTotal);
    }
    ws.autofilter(0, 0, std::max(last_booking, 1), CLast);

    // The facts and the definitions beside the table.
    int n = 0;
    ws.write_text(n++, kNotesCol, fmt::format(fmt::runtime(l.title), report.sponsor), kBold);
    if (!report.publisher.empty())
        ws.write_text(n++, kNotesCol, fmt::format(fmt::runtime(l.fact), l.publisher, report.publisher));
    ws.write_text(n++, kNotesCol,
                  fmt::format(fmt::runtime(l.period), report_date_text(report.from, report.language),
                              report_date_text(report.to, report.language)));
    ws.write_text(n++, kNotesCol,
                  fmt::format(fmt::runtime(l.fact), l.generated, report_date_text(report.generated, report.language)));
    ++n;
    ws.write_text(n++, kNotesCol, l.definitions, kBold);
    for (const auto& d : sponsor_report_definitions(report.language)) ws.write_text(n++, kNotesCol, d);
    // A native chart of clicks per booking, as the PDF draws it, when any were imported.
    if (std::any_of(report.bookings.begin(), report.bookings.end(),
                    [](const auto& b) { return b.clicks.has_value(); })) {
        ColumnChart chart;
        chart.title = l.chart_title;
        chart.series_name = l.clicks;
        chart.categories = "=" + sheet_range(l.sheet, 1, CDate, last_booking);
        chart.values = "=" + sheet_range(l.sheet, 1, CClicks, last_booking);
        chart.value_format = "#,##0";
        chart.row = n + 1;
        chart.col = kNotesCol;
        insert_column_chart(book, ws, chart);
    }
    for (int c = CAudience; c <= CCpm; ++c) ws.set_min_width(c, 12);
    ws.set_min_width(CDate, 12);
    book.close();
}

}  // namespace sponsordesk

// The monthly report workbook. The Bookings rows are streamed first; the
// Summary follows with figures added up from the same rows, its booked
// revenue a formula over the Bookings sheet (with the value cached), so the
// two agree by construction and a reader sees where the figure comes from.
#include <set>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/report_xlsx.h"

namespace sponsordesk {
namespace {

// Columns of the Bookings sheet.
enum BookingCol { BIssueDate, BPublication, BPlacement, BSponsor, BStatus, BPrice, BInvoice, BCurrency, BCpm };

// Columns of the Summary's placement table.
enum FillCol {
    FPublication,
    FPlacement,
    FIssues,
    FOffered,
    FSold,
    FHouse,
    FSellThrough,
    FFillRate,
    FRevenue,
    FCurrency
};
constexpr int kFillNotesCol = FCurrency + 2;

// price / (audience / 1000), rounded half up to the cent; prices are never negative.
Minor effective_cpm(Minor price, std::int64_t audience) { return (price * 1000 + audience / 2) / audience; }

XlsxWorkbook& with_properties(XlsxWorkbook& book, const ReportInfo& info, const ReportLabels& l) {
    XlsxProperties p;
    p.title = info.title;
    p.subject = info.scope;
    p.author = info.publisher;
    p.company = info.publisher;
    p.comments = l.def_booked;
    // Machine-readable keys and values stay the same in every language.
    p.custom = {{"report", "monthly"}, {"from", info.from.iso()}, {"to", info.to.iso()}, {"language", l.language}};
    p.created = info.generated;
    book.set_properties(p);
    return book;
}

// Notes written in one column beside a table, one a row, while the table's
// rows go out in order (constant-memory sheets cannot go back up).
class SideNotes {
public:
    SideNotes(XlsxSheet& sheet, int col, int first_row, std::vector<std::string> lines)
        : sheet_(sheet), col_(col), first_(first_row), lines_(std::move(lines)) {}
    void at(int row) {  // call once per row, in order
        const int k = row - first_;
        if (k >= 0 && k < static_cast<int>(lines_.size()) && k >= done_) {
            sheet_.write_text(row, col_, lines_[static_cast<size_t>(k)], k == 0 ? kBold : CellStyle{});
            done_ = k + 1;
        }
    }
    int rest(int from_row) {  // writes what is left from from_row on; returns the next free row
        int row = std::max(from_row, first_ + done_);
        for (; done_ < static_cast<int>(lines_.size()); ++done_, ++row)
            sheet_.write_text(row, col_, lines_[static_cast<size_t>(done_)], done_ == 0 ? kBold : CellStyle{});
        return row;
    }

private:
    XlsxSheet& sheet_;
    int col_, first_;
    std::vector<std::string> lines_;
    int done_ = 0;
};

}  // namespace

MonthlyReportWorkbook::MonthlyReportWorkbook(const std::string& path, const ReportInfo& info)
    : l_(report_labels(info.language)),
      book_(path, {true, info.language}),
      summary_(with_properties(book_, info, l_).add_sheet(l_.summary_sheet)),
      bookings_(book_.add_sheet(l_.bookings_sheet)),
      sponsors_(book_.add_sheet(l_.sponsors_sheet)),
      performance_(book_.add_sheet(l_.performance_sheet)) {
    bookings_.write_header(0, {l_.issue_date, l_.publication, l_.placement, l_.sponsor, l_.status, l_.price, l_.invoice,
                               l_.currency, l_.effective_cpm});
    bookings_.freeze_rows(1);
    sponsors_.write_header(0, {l_.sponsor, l_.currency, l_.slots, l_.booked_revenue, l_.share});
    sponsors_.write_text(0, 6, l_.share_definition);
    sponsors_.freeze_rows(1);
}

void MonthlyReportWorkbook::write_summary(const MonthlySummary& s) {
    finish_bookings();
    for (const auto& c : s.bookings) currency_totals_[c.currency] += c.booked_revenue;
    XlsxSheet& ws = summary_;
    const int n = booking_row_;
    std::set<std::string> currencies;
    for (const auto& c : s.bookings) currencies.insert(c.currency);
    for (const auto& c : s.invoicing) currencies.insert(c.currency);
    const bool several = currencies.size() > 1;

    int r = 0;
    ws.write_text(r++, 0, s.info.title, kBold);
    ws.write_text(r, 0, l_.publisher);
    ws.write_text(r++, 1, s.info.publisher);
    ws.write_text(r, 0, l_.publication);
    ws.write_text(r++, 1, s.info.scope);
    ws.write_text(r, 0, l_.from);
    ws.write_date(r++, 1, s.info.from);
    ws.write_text(r, 0, l_.to);
    ws.write_date(r++, 1, s.info.to);
    ws.write_text(r, 0, l_.generated);
    ws.write_date(r++, 1, s.info.generated);
    ++r;
    ws.write_header(r++, {l_.figure, l_.amount, l_.currency, l_.definition});

    auto figure = [&](const std::string& label, const std::string& currency, Minor amount, const char* definition,
                      const std::string& formula = {}) {
        ws.write_text(r, 0, label, kBold);
        if (formula.empty())
            ws.write_money(r, 1, amount, currency);
        else
            ws.write_money_formula(r, 1, formula, amount, currency);
        ws.write_text(r, 2, currency);
        ws.write_text(r, 3, definition);
        ++r;
    };
    auto booked_for = [&](const std::string& cur) {
        for (const auto& c : s.bookings)
            if (c.currency == cur) return c;
        return CurrencyBookings{cur};
    };
    auto invoiced_for = [&](const std::string& cur) {
        for (const auto& c : s.invoicing)
            if (c.currency == cur) return c;
        return InvoicingFigures{cur};
    };
    const std::string prices = sheet_range(l_.bookings_sheet, 1, BPrice, n);
    const std::string curs = sheet_range(l_.bookings_sheet, 1, BCurrency, n);
    for (const auto& cur : currencies) {
        const std::string formula = n == 0    ? std::string()
                                    : several ? fmt::format("=SUMIF({},\"{}\",{})", curs, cur, prices)
                                              : fmt::format("=SUM({})", prices);
        figure(l_.booked_revenue, cur, booked_for(cur).booked_revenue, l_.def_booked, formula);
    }
    for (const auto& cur : currencies) figure(l_.invoiced, cur, invoiced_for(cur).invoiced_net, l_.def_invoiced);
    for (const auto& cur : currencies)
        figure(l_.invoiced_gross, cur, invoiced_for(cur).invoiced_gross, l_.def_invoiced_gross);
    for (const auto& cur : currencies) figure(l_.collected, cur, invoiced_for(cur).collected, l_.def_collected);
    for (const auto& cur : currencies) figure(l_.outstanding, cur, invoiced_for(cur).outstanding, l_.def_outstanding);

    std::int64_t booked = 0, holds = 0, cancelled = 0;
    for (const auto& c : s.bookings) {
        booked += c.booked;
        holds += c.holds;
        cancelled += c.cancelled;
    }
    auto count = [&](const std::string& label, std::int64_t value, const std::string& definition) {
        ws.write_text(r, 0, label, kBold);
        ws.write_number(r, 1, static_cast<double>(value), NumberFormat::Integer);
        ws.write_text(r, 3, definition);
        ++r;
    };
    count(l_.booked_slots, booked, l_.booked_slots_definition);
    count(l_.unexpired_holds, holds, l_.unexpired_holds_definition);
    for (const auto& c : s.bookings)
        if (c.holds > 0) figure(l_.hold_value, c.currency, c.hold_value, l_.hold_value_definition);
    count(l_.cancelled_bookings, cancelled, l_.cancelled_bookings_definition);

    // Inventory per placement, with the metrics' definitions beside it.
    ++r;
    ws.write_text(r++, 0, l_.inventory_title, kBold);
    const int fill_header = r;
    SideNotes notes(ws, kFillNotesCol, fill_header,
                    {l_.definitions, l_.def_offered, l_.def_sell_through, l_.def_fill_rate, l_.def_booked});
    ws.write_header(r, {l_.publication, l_.placement, l_.issues, l_.slots_offered, l_.sold, l_.house, l_.sell_through,
                        l_.fill_rate, l_.booked_revenue, l_.currency});
    notes.at(r++);
    const int first_fill = r;
    for (const auto& p : s.placements) {
        ws.write_text(r, FPublication, p.publication_name);
        ws.write_text(r, FPlacement, p.placement_name);
        ws.write_number(r, FIssues, static_cast<double>(p.issues), NumberFormat::Integer);
        ws.write_number(r, FOffered, static_cast<double>(p.offered), NumberFormat::Integer);
        ws.write_number(r, FSold, static_cast<double>(p.sold), NumberFormat::Integer);
        ws.write_number(r, FHouse, static_cast<double>(p.house), NumberFormat::Integer);
        const std::string offered = XlsxSheet::cell_name(r, FOffered), sold = XlsxSheet::cell_name(r, FSold),
                          house = XlsxSheet::cell_name(r, FHouse);
        const double o = static_cast<double>(p.offered);
        ws.write_formula(r, FSellThrough, fmt::format("=IF({0}>0,{1}/{0},0)", offered, sold),
                         p.offered > 0 ? static_cast<double>(p.sold) / o : 0.0, NumberFormat::Percent1);
        ws.write_formula(r, FFillRate, fmt::format("=IF({0}>0,({1}+{2})/{0},0)", offered, sold, house),
                         p.offered > 0 ? static_cast<double>(p.sold + p.house) / o : 0.0, NumberFormat::Percent1);
        ws.write_money(r, FRevenue, p.revenue, p.currency);
        ws.write_text(r, FCurrency, p.currency);
        notes.at(r++);
    }
    const int last_fill = r - 1;
    if (s.placements.empty()) {
        ws.write_text(r, 0, l_.no_issue);
        notes.at(r++);
    }
    r = notes.rest(r);

    ++r;
    ws.write_text(r++, 0, l_.top_sponsors, kBold);
    ws.write_header(r++, {l_.rank, l_.sponsor, l_.slots, l_.booked_revenue, l_.currency, l_.share});
    int rank = 0;
    for (const auto& sp : s.top_sponsors) {
        ws.write_number(r, 0, ++rank, NumberFormat::Integer);
        ws.write_text(r, 1, sp.sponsor_name);
        ws.write_number(r, 2, static_cast<double>(sp.slots), NumberFormat::Integer);
        ws.write_money(r, 3, sp.revenue, sp.currency);
        ws.write_text(r, 4, sp.currency);
        const Minor total = currency_totals_[sp.currency];
        ws.write_number(r, 5, total > 0 ? static_cast<double>(sp.revenue) / static_cast<double>(total) : 0.0,
                        NumberFormat::Percent1);
        ++r;
    }
    if (s.top_sponsors.empty()) ws.write_text(r++, 0, l_.no_booking);
    ws.freeze_rows(1);
    ws.set_min_width(3, 40);

    if (!s.placements.empty()) {
        ColumnChart chart;
        chart.title = l_.chart_title;
        chart.series_name = l_.booked_revenue;
        chart.categories = "=" + sheet_range(l_.summary_sheet, first_fill, FPlacement, last_fill);
        chart.values = "=" + sheet_range(l_.summary_sheet, first_fill, FRevenue, last_fill);
        chart.value_format = "#,##0";
        chart.row = r + 1;
        chart.col = 0;
        insert_column_chart(book_, ws, chart);
    }
}

void MonthlyReportWorkbook::add_booking(const PeriodBooking& b) {
    if (bookings_done_)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}}, "bookings added after the Bookings sheet was finished");
    const int r = ++booking_row_;
    XlsxSheet& ws = bookings_;
    // The money format is looked up when the currency changes, not per cell.
    if (!booking_money_ || booking_money_->currency() != b.currency) {
        auto it = booking_money_formats_.find(b.currency);
        if (it == booking_money_formats_.end()) {
            const std::string currency(b.currency);
            it = booking_money_formats_.emplace(currency, book_.money_format(currency)).first;
        }
        booking_money_ = &it->second;
    }
    const MoneyFormat& money = *booking_money_;
    // Everything that comes from users goes through write_text: always a string cell.
    ws.write_date(r, BIssueDate, b.issue_date);
    ws.write_text(r, BPublication, b.publication_name);
    ws.write_text(r, BPlacement, b.placement_name);
    ws.write_text(r, BSponsor, b.sponsor_name);
    ws.write_text(r, BStatus, l_.booking_status(b.status));
    ws.write_money(r, BPrice, b.price, money);
    if (b.invoice_number)
        ws.write_text(r, BInvoice, *b.invoice_number);
    else if (b.invoice_id)
        ws.write_text(r, BInvoice, fmt::format(fmt::runtime(l_.draft_invoice), *b.invoice_id));
    ws.write_text(r, BCurrency, money.currency());
    if (b.audience && *b.audience > 0) ws.write_money(r, BCpm, effective_cpm(b.price, *b.audience), money);
}

void MonthlyReportWorkbook::finish_bookings() {
    if (bookings_done_) return;
    bookings_done_ = true;
    bookings_.autofilter(0, 0, std::max(booking_row_, 1), BCpm);
    bookings_.set_min_width(BInvoice, 10);
    bookings_.set_min_width(BCpm, 13);
}

void MonthlyReportWorkbook::add_sponsor(const SponsorRevenue& sp) {
    const int r = ++sponsor_row_;
    sponsors_.write_text(r, 0, sp.sponsor_name);
    sponsors_.write_text(r, 1, sp.currency);
    sponsors_.write_number(r, 2, static_cast<double>(sp.slots), NumberFormat::Integer);
    sponsors_.write_money(r, 3, sp.revenue, sp.currency);
    const Minor total = currency_totals_[sp.currency];
    sponsors_.write_number(r, 4, total > 0 ? static_cast<double>(sp.revenue) / static_cast<double>(total) : 0.0,
                           NumberFormat::Percent1);
}

void MonthlyReportWorkbook::write_performance(const std::vector<IssuePerformance>& issues) {
    XlsxSheet& ws = performance_;
    enum { Date_, Pub, Num, Aud, Opens, Clicks, OpenRate, Ctr, Cto, Slots, Revenue, Cur, Cpm, Last = Cpm };
    ws.write_header(0, {l_.issue_date, l_.publication, l_.issue, l_.audience, l_.opens, l_.clicks, l_.open_rate, l_.ctr,
                        l_.click_to_open, l_.booked_slots, l_.booked_revenue, l_.currency, l_.effective_cpm});
    SideNotes notes(ws, Last + 2, 0,
                    {l_.definitions, l_.def_open_rate, l_.def_ctr, l_.def_click_to_open,
                     std::string(l_.def_cpm) + l_.cpm_price_note, l_.blank_figure});
    notes.at(0);
    ws.freeze_rows(1);
    auto ratio = [&](int r, int col, const std::optional<std::int64_t>& num, const std::optional<std::int64_t>& den) {
        if (num && den && *den > 0)
            ws.write_number(r, col, static_cast<double>(*num) / static_cast<double>(*den), NumberFormat::Percent1);
    };
    auto count = [&](int r, int col, const std::optional<std::int64_t>& v) {
        if (v) ws.write_number(r, col, static_cast<double>(*v), NumberFormat::Integer);
    };
    int r = 0;
    for (const auto& i : issues) {
        ++r;
        ws.write_date(r, Date_, i.date);
        ws.write_text(r, Pub, i.publication_name);
        ws.write_number(r, Num, i.number, NumberFormat::Integer);
        count(r, Aud, i.audience);
        count(r, Opens, i.opens);
        count(r, Clicks, i.clicks);
        ratio(r, OpenRate, i.opens, i.audience);
        ratio(r, Ctr, i.clicks, i.audience);
        ratio(r, Cto, i.clicks, i.opens);
        ws.write_number(r, Slots, static_cast<double>(i.booked), NumberFormat::Integer);
        ws.write_money(r, Revenue, i.revenue, i.currency);
        ws.write_text(r, Cur, i.currency);
        if (i.audience && *i.audience > 0) ws.write_money(r, Cpm, effective_cpm(i.revenue, *i.audience), i.currency);
        notes.at(r);
    }
    ws.autofilter(0, 0, std::max(r, 1), Last);
    notes.rest(r + 1);
    for (int c = Aud; c <= Cto; ++c) ws.set_min_width(c, 12);
    ws.set_min_width(Cpm, 13);
}

void MonthlyReportWorkbook::close() {
    finish_bookings();
    sponsors_.autofilter(0, 0, std::max(sponsor_row_, 1), 4);
    book_.close();
}

}  // namespace sponsordesk

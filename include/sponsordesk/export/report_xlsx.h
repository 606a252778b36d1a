#pragma once
// The monthly and billing report workbooks, written in constant-memory mode:
// each sheet's rows go out in order, so the caller hands over small
// aggregates first and then streams the long tables row by row.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/money.h"
#include "sponsordesk/export/report_labels.h"
#include "sponsordesk/export/xlsx_writer.h"
#include "sponsordesk/storage/report_repository.h"

namespace sponsordesk {

struct ReportInfo {  // the facts on top of a report and in its document properties
    std::string title;
    std::string publisher;
    std::string scope;  // "All publications" or a publication's name
    Date from, to;
    Date generated;               // also the workbook's creation date, so that a report is reproducible
    std::string language = "en";  // en | fr: sheet names, labels, number and date formats (report_labels.h)
};

struct CurrencyBookings {  // booked, held and cancelled bookings of one currency
    std::string currency;
    std::int64_t booked = 0;
    Minor booked_revenue = 0;
    std::int64_t holds = 0;  // unexpired holds
    Minor hold_value = 0;
    std::int64_t cancelled = 0;
};

struct PlacementFill {  // a placement's inventory over the period's issues
    std::string publication_name;
    std::string currency;
    std::string placement_code;
    std::string placement_name;
    bool has_house_ad = false;
    std::int64_t issues = 0;
    std::int64_t offered = 0;  // issues × slots per issue
    std::int64_t sold = 0;     // booked slots
    std::int64_t house = 0;    // slots of issues where it has no live booking and a house ad fills its block
    Minor revenue = 0;         // booked
};

struct SponsorRevenue {
    std::string sponsor_name;
    std::string currency;
    std::int64_t slots = 0;
    Minor revenue = 0;
};

struct IssuePerformance {  // a booked issue of the period with its figures
    Date date;
    std::string publication_name;
    int number = 0;
    std::string currency;
    std::optional<std::int64_t> audience, opens, clicks;
    std::int64_t booked = 0;
    Minor revenue = 0;
};

struct MonthlySummary {
    ReportInfo info;
    std::vector<CurrencyBookings> bookings;   // one per currency of the scope
    std::vector<InvoicingFigures> invoicing;  // one per currency invoiced
    std::vector<PlacementFill> placements;
    std::vector<SponsorRevenue> top_sponsors;
};

// Monthly report: Summary (with a chart), Bookings, Sponsors, Performance.
// Sheets keep their own row order in constant-memory mode, not a common
// one: the Bookings rows are streamed first while the caller adds up the
// figures, then the Summary (whose booked revenue is a formula over the
// Bookings rows), the Sponsors and the Performance sheets are written.
class MonthlyReportWorkbook {
public:
    MonthlyReportWorkbook(const std::string& path, const ReportInfo& info);
    void add_booking(const PeriodBooking& booked);
    void write_summary(const MonthlySummary& summary);  // after the last add_booking
    void add_sponsor(const SponsorRevenue& sponsor);
    void write_performance(const std::vector<IssuePerformance>& issues);
    void close();

    std::int64_t booking_rows() const { return booking_row_; }

private:
    void finish_bookings();

    const ReportLabels& l_;
    XlsxWorkbook book_;
    XlsxSheet& summary_;
    XlsxSheet& bookings_;
    XlsxSheet& sponsors_;
    XlsxSheet& performance_;
    std::map<std::string, Minor> currency_totals_;
    std::map<std::string, MoneyFormat, std::less<>> booking_money_formats_;
    const MoneyFormat* booking_money_ = nullptr;  // the last row's currency
    int booking_row_ = 0;
    int sponsor_row_ = 0;
    bool bookings_done_ = false;
};

// The aging bucket of an outstanding amount by days past the due date:
// an index into ReportLabels::aging_buckets (current, 1–30 … > 90 days).
int aging_bucket(std::int64_t days_overdue);

struct BillingTotals {  // per currency
    std::string currency;
    std::int64_t invoices = 0, credit_notes = 0;
    Minor net = 0, vat = 0, gross = 0, paid = 0, outstanding = 0;
    std::array<Minor, 5> aging{};
    std::array<std::int64_t, 5> aging_count{};  // invoices with something outstanding, per bucket
};

// Billing report: Invoices (one row per invoice and credit note, totals row
// of formulas) and Aging. Stream add_document, then close.
class BillingReportWorkbook {
public:
    BillingReportWorkbook(const std::string& path, const ReportInfo& info, const Date& as_of);
    void add_document(const BillingRow& row);
    void close();

    std::int64_t rows() const { return row_; }
    const std::vector<BillingTotals>& totals() const { return totals_; }

private:
    BillingTotals& totals_for(std::string_view currency);

    const ReportLabels& l_;
    XlsxWorkbook book_;
    XlsxSheet& invoices_;
    XlsxSheet& aging_;
    ReportInfo info_;
    Date as_of_;
    std::vector<BillingTotals> totals_;
    int row_ = 0;
};

// A native column chart of a range of one sheet, one series, no legend.
struct ColumnChart {
    std::string title;
    std::string series_name;
    std::string categories;  // "=Summary!$B$20:$B$24"
    std::string values;
    std::string value_format;  // number format of the value axis
    int row = 0, col = 0;      // top-left cell
};
void insert_column_chart(XlsxWorkbook& book, XlsxSheet& sheet, const ColumnChart& chart);

// "'My sheet'!$B$2:$B$9": an absolute range for formulas and charts.
std::string sheet_range(const std::string& sheet, int first_row, int col, int last_row, int last_col = -1);

}  // namespace sponsordesk

#pragma once
// XlsxWorkbook / XlsxSheet: the one place that talks to libxlsxwriter, so that
// every export writes dates as date cells, money as numeric currency cells and
// user text as strings, sizes its columns and reports failures as typed errors.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/money.h"
#include "sponsordesk/export/c_locale.h"

// libxlsxwriter's types, kept out of the includers' way.
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;
struct lxw_chart;

namespace sponsordesk {

class OutputFile;

// How a cell looks besides its number format. Defaults are a plain cell.
struct CellStyle {
    bool bold = false;
    bool top_border = false;  // totals rows
    bool wrap = false;        // multi-line text (addresses)
    auto operator<=>(const CellStyle&) const = default;
};

inline constexpr CellStyle kBold{true, false, false};
inline constexpr CellStyle kTotal{true, true, false};

// Number formats for write_number (money has write_money, dates write_date).
enum class NumberFormat {
    General,   // as Excel shows it
    Integer,   // 1,234
    Decimal2,  // 1,234.56
    Percent1,  // 12.5%
};

struct XlsxOptions {
    // Streams rows to a temporary file: memory stays flat whatever the row
    // count, but rows must be written in order (an earlier row is refused
    // with InvalidInput) and ranges cannot be merged.
    bool constant_memory = false;
    // "fr" or "en": where the currency symbol goes in money formats, and
    // how dates (fr 31/12/2026, en 2026-12-31) and percentages are shown.
    std::string language = "en";
};

struct XlsxProperties {
    std::string title;
    std::string subject;
    std::string author;
    std::string company;
    std::string comments;
    std::map<std::string, std::string> custom;  // custom text properties
    // The document's creation date (at 00:00 UTC) in docProps/core.xml.
    // Without it libxlsxwriter writes the current time, and two exports of
    // the same data differ: writers pass the document's own date.
    std::optional<Date> created;
};

// Excel's money format for a currency, e.g. EUR in fr: `#,##0.00 [$€-40C]`,
// in en: `[$€-1809]#,##0.00`; numbers stay numbers, the symbol is display.
std::string money_number_format(const std::string& currency, const std::string& language);

// Characters an amount takes when shown as "-1,234,567.89 €" (digits, group
// separators, decimals, sign, symbol), counted without formatting it.
int money_display_width(Minor amount, std::string_view currency);

// A currency's money format resolved once (XlsxWorkbook::money_format), so
// that write_money in a long loop does no lookup at all. Valid for the
// workbook that made it, until it closes.
class MoneyFormat {
public:
    MoneyFormat() = default;
    const std::string& currency() const { return currency_; }

private:
    friend class XlsxWorkbook;
    friend class XlsxSheet;
    const class XlsxWorkbook* book_ = nullptr;
    lxw_format* format_ = nullptr;
    std::string currency_;
    double scale_ = 1.0;      // bold cells are wider
    int currency_width_ = 0;  // characters the symbol adds
};

enum class ChartType { Column, Bar, Line, Pie };

// A native chart (XlsxWorkbook::add_chart): series over sheet ranges, then
// placed on a sheet with XlsxSheet::insert_chart. Owned by the workbook.
class XlsxChart {
public:
    XlsxChart(const XlsxChart&) = delete;
    XlsxChart& operator=(const XlsxChart&) = delete;

    // Categories and values are absolute ranges such as
    // "='Summary'!$B$20:$B$24" (XlsxSheet::range gives them).
    XlsxChart& add_series(const std::string& name, const std::string& categories, const std::string& values);
    // The same over one sheet: categories and values are columns of rows first_row..last_row.
    XlsxChart& add_series(const std::string& name, const class XlsxSheet& sheet, int first_row, int last_row,
                          int category_col, int value_col);
    XlsxChart& set_title(const std::string& title);
    XlsxChart& set_legend(bool shown);
    // Number format of the value axis ("#,##0").
    XlsxChart& set_value_format(const std::string& number_format);

private:
    friend class XlsxWorkbook;
    friend class XlsxSheet;
    XlsxChart(class XlsxWorkbook& book, lxw_chart* chart, ChartType type);

    class XlsxWorkbook& book_;
    lxw_chart* chart_;
    ChartType type_;
    int series_ = 0;
    bool inserted_ = false;
};

// One worksheet. Rows and columns are 0-based. Every write widens the
// column's tracked width; widths are applied when the workbook closes.
class XlsxSheet {
public:
    XlsxSheet(const XlsxSheet&) = delete;
    XlsxSheet& operator=(const XlsxSheet&) = delete;

    // Always a string cell: "=HYPERLINK(...)" or "+33 1 23" stays text.
    // Invalid UTF-8 is replaced by U+FFFD and control characters by spaces;
    // text over Excel's 32,767 characters is refused with InvalidInput.
    // Clean text (the usual case) goes to libxlsxwriter without a copy.
    void write_text(int row, int col, const std::string& text, CellStyle style = {});
    void write_text(int row, int col, const char* text, CellStyle style = {});
    void write_text(int row, int col, std::string_view text, CellStyle style = {});
    // A real date cell (serial number) shown as yyyy-mm-dd.
    void write_date(int row, int col, Date date, CellStyle style = {});
    // Numeric cell of minor / 100 in the currency's money format.
    void write_money(int row, int col, Minor amount, const std::string& currency, CellStyle style = {});
    void write_money(int row, int col, Minor amount, const MoneyFormat& format);
    void write_number(int row, int col, double value, NumberFormat format = NumberFormat::General,
                      CellStyle style = {});
    // A rate in basis points (2000) as a percentage cell (20.0%).
    void write_rate(int row, int col, RateBp rate, CellStyle style = {});
    // A formula ("=SUM(D2:D9)") with its value cached, so that viewers that
    // do not recalculate (and openpyxl) see the right number.
    void write_formula(int row, int col, const std::string& formula, double cached,
                       NumberFormat format = NumberFormat::General, CellStyle style = {});
    void write_money_formula(int row, int col, const std::string& formula, Minor cached, const std::string& currency,
                             CellStyle style = {});
    // Bold header cells from `first_col` on.
    void write_header(int row, const std::vector<std::string>& titles, int first_col = 0);

    // Keeps rows 0..row-1 in view when scrolling (row = 1 freezes row 0).
    void freeze_rows(int row);
    void autofilter(int first_row, int first_col, int last_row, int last_col);
    // A column at least this many characters wide (labels of empty columns).
    void set_min_width(int col, double chars);
    void set_max_width(double chars) { max_width_ = chars; }
    // Places a chart with its top-left corner in cell (row, col), scaled
    // from Excel's default 480 × 288 pixels. A chart goes on one sheet once.
    void insert_chart(int row, int col, XlsxChart& chart, double x_scale = 1.0, double y_scale = 1.0);

    const std::string& name() const { return name_; }
    int last_row() const { return last_row_; }  // -1 before any write

    // "D12" for (11, 3).
    static std::string cell_name(int row, int col);
    // "'Sheet name'!$B$2:$B$9": an absolute range for formulas and charts.
    static std::string range(const std::string& sheet, int first_row, int first_col, int last_row, int last_col);
    std::string range(int first_row, int first_col, int last_row, int last_col) const {
        return range(name_, first_row, first_col, last_row, last_col);
    }

private:
    friend class XlsxWorkbook;
    XlsxSheet(class XlsxWorkbook& book, lxw_worksheet* sheet, std::string name);
    void check(int err, int row, int col, const char* what);
    void track(int row, int col, double width);
    // Writes text known to end with '\0' at text[size]; copies it only to clean it.
    void write_c_text(int row, int col, const char* text, std::size_t size, CellStyle style);
    void apply_widths();

    XlsxWorkbook& book_;
    lxw_worksheet* sheet_;
    std::string name_;
    std::vector<double> widths_;
    std::string terminated_;  // reused: a view's copy with its '\0'
    std::string cleaned_;     // reused: text with its bad bytes replaced
    double max_width_ = 60;
    int last_row_ = -1;
    int filter_first_col_ = -1, filter_last_col_ = -2;  // none
};

// An .xlsx file being written, under the "C" locale for the calling thread
// while the object lives (numbers in the XML never follow LC_NUMERIC); use
// it on the thread that made it. Nothing appears at `path` until close()
// succeeds (the workbook is written beside it and renamed; a device, a FIFO
// or "-" for standard output gets it written in place: see OutputFile), so a
// failed or abandoned export never leaves a half-written file or clobbers an
// old one.
class XlsxWorkbook {
public:
    // StorageError naming the path when its folder is missing, not a folder
    // or not writable: refused before anything is built (and before
    // libxlsxwriter could print its own message on stderr).
    explicit XlsxWorkbook(std::string path, XlsxOptions options = {});
    ~XlsxWorkbook();  // without close(): discards everything
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    // The checks of the constructor short of creating a file, for callers
    // that want to refuse a bad path before doing any work.
    static void check_target(const std::string& path);

    void set_properties(const XlsxProperties& properties);
    // Sheet names: at most 31 characters, none of []:*?/\ (InvalidInput).
    XlsxSheet& add_sheet(const std::string& name);
    // A chart to fill with series and place with XlsxSheet::insert_chart;
    // one that is never placed is left out of the file.
    XlsxChart& add_chart(ChartType type);
    // The money format of a currency in a style, for XlsxSheet::write_money.
    MoneyFormat money_format(const std::string& currency, CellStyle style = {});
    // Writes the file; throws StorageError naming the path when it cannot.
    void close();

    const std::string& path() const { return path_; }
    const XlsxOptions& options() const { return options_; }

private:
    friend class XlsxSheet;
    friend class XlsxChart;
    enum class Kind { Text, Date, Money, Number, Rate };
    static constexpr int kKinds = 5, kNumberFormats = 4, kStyles = 8;
    static int style_bits(CellStyle style) {
        return (style.bold ? 1 : 0) | (style.top_border ? 2 : 0) | (style.wrap ? 4 : 0);
    }
    // Formats without a currency: one slot per (kind, number format, style).
    lxw_format* format(Kind kind, NumberFormat number, CellStyle style);
    lxw_format* money(std::string_view currency, CellStyle style);
    lxw_format* make_format(Kind kind, std::string_view currency, NumberFormat number, CellStyle style);

    struct MoneyEntry {
        std::string currency;
        int style;
        lxw_format* format;
    };

    // First member: the "C" locale holds from before libxlsxwriter starts
    // until after it has written (or freed) everything.
    CLocaleScope c_locale_;
    std::string path_;
    std::unique_ptr<OutputFile> output_;  // where the workbook is written, then delivered
    XlsxOptions options_;
    lxw_workbook* book_ = nullptr;
    std::vector<std::unique_ptr<XlsxSheet>> sheets_;
    std::vector<std::unique_ptr<XlsxChart>> charts_;
    std::array<lxw_format*, kKinds * kNumberFormats * kStyles> formats_{};
    std::array<bool, kKinds * kNumberFormats * kStyles> made_{};
    std::vector<MoneyEntry> money_formats_;  // a few currencies × styles
    bool closed_ = false;
};

}  // namespace sponsordesk

#pragma once
// XlsxWorkbook / XlsxSheet: the one place that talks to libxlsxwriter, so that
// every export writes dates as date cells, money as numeric currency cells and
// user text as strings, sizes its columns and reports failures as typed errors.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/money.h"

// libxlsxwriter's types, kept out of the includers' way.
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace sponsordesk {

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
    // "fr" or "en": where the currency symbol goes in money formats.
    std::string language = "en";
};

struct XlsxProperties {
    std::string title;
    std::string subject;
    std::string author;
    std::string company;
    std::string comments;
    std::map<std::string, std::string> custom;  // custom text properties
};

// Excel's money format for a currency, e.g. EUR in fr: `#,##0.00 [$€-40C]`,
// in en: `[$€-1809]#,##0.00`; numbers stay numbers, the symbol is display.
std::string money_number_format(const std::string& currency, const std::string& language);

// One worksheet. Rows and columns are 0-based. Every write widens the
// column's tracked width; widths are applied when the workbook closes.
class XlsxSheet {
public:
    XlsxSheet(const XlsxSheet&) = delete;
    XlsxSheet& operator=(const XlsxSheet&) = delete;

    // Always a string cell: "=HYPERLINK(...)" or "+33 1 23" stays text.
    // Invalid UTF-8 is replaced by U+FFFD; text over Excel's 32,767
    // characters is refused with InvalidInput.
    void write_text(int row, int col, const std::string& text, CellStyle style = {});
    // A real date cell (serial number) shown as yyyy-mm-dd.
    void write_date(int row, int col, Date date, CellStyle style = {});
    // Numeric cell of minor / 100 in the currency's money format.
    void write_money(int row, int col, Minor amount, const std::string& currency, CellStyle style = {});
    void write_number(int row, int col, double value, NumberFormat format = NumberFormat::General,
                      CellStyle style = {});
    // A rate in basis points (2000) as a percentage cell (20.0%).
    void write_rate(int row, int col, RateBp rate, CellStyle style = {});
    // A formula ("=SUM(D2:D9)") with its value cached, so that viewers that
    // do not recalculate (and openpyxl) see the right number.
    void write_formula(int row, int col, const std::string& formula, double cached,
                       NumberFormat format = NumberFormat::General, CellStyle style = {});
    void write_money_formula(int row, int col, const std::string& formula, Minor cached,
                             const std::string& currency, CellStyle style = {});
    // Bold header cells from `first_col` on.
    void write_header(int row, const std::vector<std::string>& titles, int first_col = 0);

    // Keeps rows 0..row-1 in view when scrolling (row = 1 freezes row 0).
    void freeze_rows(int row);
    void autofilter(int first_row, int first_col, int last_row, int last_col);
    // A column at least this many characters wide (labels of empty columns).
    void set_min_width(int col, double chars);
    void set_max_width(double chars) { max_width_ = chars; }

    const std::string& name() const { return name_; }
    int last_row() const { return last_row_; }  // -1 before any write

    // "D12" for (11, 3).
    static std::string cell_name(int row, int col);

private:
    friend class XlsxWorkbook;
    XlsxSheet(class XlsxWorkbook& book, lxw_worksheet* sheet, std::string name);
    void check(int err, int row, int col, const char* what);
    void track(int row, int col, double width);
    void apply_widths();

    XlsxWorkbook& book_;
    lxw_worksheet* sheet_;
    std::string name_;
    std::vector<double> widths_;
    double max_width_ = 60;
    int last_row_ = -1;
    int filter_first_col_ = -1, filter_last_col_ = -2;  // none
};

// An .xlsx file being written. Nothing appears at `path` until close()
// succeeds (the workbook is written beside it and renamed), so a failed or
// abandoned export never leaves a half-written file or clobbers an old one.
class XlsxWorkbook {
public:
    explicit XlsxWorkbook(std::string path, XlsxOptions options = {});
    ~XlsxWorkbook();  // without close(): discards everything
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    void set_properties(const XlsxProperties& properties);
    // Sheet names: at most 31 characters, none of []:*?/\ (InvalidInput).
    XlsxSheet& add_sheet(const std::string& name);
    // Writes the file; throws StorageError naming the path when it cannot.
    void close();

    const std::string& path() const { return path_; }
    const XlsxOptions& options() const { return options_; }

private:
    friend class XlsxSheet;
    enum class Kind { Text, Date, Money, Number, Rate };
    lxw_format* format(Kind kind, const std::string& currency, NumberFormat number, CellStyle style);

    std::string path_;
    std::string temp_path_;
    XlsxOptions options_;
    lxw_workbook* book_ = nullptr;
    std::vector<std::unique_ptr<XlsxSheet>> sheets_;
    std::map<std::tuple<int, int, std::string, CellStyle>, lxw_format*> formats_;
    bool closed_ = false;
};

}  // namespace sponsordesk

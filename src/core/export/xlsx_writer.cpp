#include "sponsordesk/export/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/io/output_file.h"

namespace sponsordesk {
namespace {

constexpr int kMaxCellChars = 32767;  // Excel's limit for one cell
constexpr double kBoldScale = 1.1;    // bold glyphs are wider
constexpr double kDateWidth = 10;     // yyyy-mm-dd

double scale(CellStyle style) { return style.bold ? kBoldScale : 1.0; }

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence at s[i] (1 … 4), or 0 when it is not
// one: truncated, overlong, a surrogate, past U+10FFFF, or U+FFFE / U+FFFF.
size_t utf8_sequence(const unsigned char* s, size_t i, size_t n) {
    const unsigned char c = s[i];
    size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > n) return 0;
    for (size_t k = 1; k < len; ++k) {
        const unsigned char cc = s[i + k];
        if (!is_continuation(cc)) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return len;
}

// Control characters that XML 1.0 cannot carry.
bool is_bad_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

// Replaces each invalid UTF-8 sequence by U+FFFD and control characters that
// XML 1.0 cannot carry by a space: Excel asks to "repair" a file with either.
void clean_utf8(std::string_view in, std::string& out) {
    out.clear();
    out.reserve(in.size() + 8);
    const auto* s = reinterpret_cast<const unsigned char*>(in.data());
    const size_t n = in.size();
    for (size_t i = 0; i < n;) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            out += is_bad_control(c) ? ' ' : static_cast<char>(c);
            ++i;
            continue;
        }
        if (const size_t len = utf8_sequence(s, i, n)) {
            out.append(in.data() + i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
}

std::string clean_utf8(std::string_view in) {
    std::string out;
    clean_utf8(in, out);
    return out;
}

// What one pass over a text finds: whether it can be written as it is, its
// length in characters and its widest line (the column width it asks for).
struct TextScan {
    bool clean = true;
    size_t chars = 0;
    size_t widest_line = 0;
};

TextScan scan_text(std::string_view text) {
    TextScan r;
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    size_t line = 0;
    for (size_t i = 0; i < n;) {
        const unsigned char c = s[i];
        if (c >= 0x20 && c < 0x80) {  // printable ASCII: most of every report
            ++line;
            ++i;
            continue;
        }
        if (c < 0x80) {
            if (c == '\n') {
                r.chars += line + 1;
                r.widest_line = std::max(r.widest_line, line);
                line = 0;
            } else {
                if (is_bad_control(c)) r.clean = false;
                ++line;
            }
            ++i;
            continue;
        }
        const size_t len = utf8_sequence(s, i, n);
        if (len == 0) {
            r.clean = false;  // becomes U+FFFD: one character
            ++i;
        } else {
            i += len;
        }
        ++line;
    }
    r.chars += line;
    r.widest_line = std::max(r.widest_line, line);
    return r;
}

size_t code_points(std::string_view s) {
    size_t count = 0;
    for (char c : s)
        if (!is_continuation(static_cast<unsigned char>(c))) ++count;
    return count;
}

std::string currency_symbol(const std::string& currency) {
    if (currency == "EUR") return "€";
    if (currency == "USD") return "$";
    if (currency == "GBP") return "£";
    return currency;
}

void check_finite(double v, const std::string& sheet, int row, int col) {
    if (!std::isfinite(v))
        throw InvalidInput(
            {ErrorCode::ExportFailure, "", {}},
            fmt::format("cell {}!{} would hold a number that is not finite", sheet, XlsxSheet::cell_name(row, col)));
}

// Characters of a number shown with two decimals ("-1234.50"), without
// formatting it into a string on the heap.
double number_width(double v) {
    char buf[64];
    const auto end = fmt::format_to_n(buf, sizeof buf, "{:.2f}", v);
    return static_cast<double>(end.size);
}

// Excel's serial day number of a date (1900-01-01 is 1). Excel keeps Lotus
// 1-2-3's 29 February 1900, so the days before 1 March 1900 are one less.
double excel_serial(const Date& d) {
    constexpr long kEpoch = -25569;  // 1899-12-30 in days since 1970-01-01
    const long serial = d.days() - kEpoch;
    return static_cast<double>(serial < 61 ? serial - 1 : serial);
}

std::string column_letters(int col) {
    std::string letters;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters;
}

}  // namespace

std::string money_number_format(const std::string& currency, const std::string& language) {
    // [$SYMBOL-LCID] is how Excel and LibreOffice both spell a currency
    // format: the cell stays a number, the symbol is only display.
    const std::string symbol = currency_symbol(currency);
    if (language == "fr") {
        if (symbol == currency) return "#,##0.00 [$" + currency + "]";
        return "#,##0.00 [$" + symbol + "-40C]";
    }
    if (currency == "EUR") return "[$€-1809]#,##0.00";
    if (currency == "USD") return "[$$-409]#,##0.00";
    if (currency == "GBP") return "[$£-809]#,##0.00";
    return "#,##0.00 [$" + currency + "]";
}

namespace {

// Characters the currency adds to an amount shown by format_money(…, "en"):
// a symbol before it, or " CHF" after it.
int currency_width(std::string_view currency) {
    if (currency == "EUR" || currency == "USD" || currency == "GBP") return 1;
    if (currency.size() == 3) return 4;
    return static_cast<int>(code_points(currency));
}

// Unsigned, so that the most negative amount has a size too.
int amount_width(Minor amount, int currency_chars) {
    const bool negative = amount < 0;
    std::uint64_t units =
        (negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount)) / 100;
    int digits = 1;
    while (units >= 10) {
        units /= 10;
        ++digits;
    }
    return (negative ? 1 : 0) + digits + (digits - 1) / 3 + 3 + currency_chars;  // 3: ".56"
}

}  // namespace

int money_display_width(Minor amount, std::string_view currency) {
    // As format_money(amount, currency, "en") shows it: "-€1,234.56" or "1,234.56 CHF".
    return amount_width(amount, currency_width(currency));
}

// ---------------------------------------------------------------- XlsxChart

XlsxChart::XlsxChart(XlsxWorkbook& book, lxw_chart* chart, ChartType type) : book_(book), chart_(chart), type_(type) {}

XlsxChart& XlsxChart::add_series(const std::string& name, const std::string& categories, const std::string& values) {
    if (values.empty())
        throw InvalidInput({ErrorCode::ExportFailure, "", {}}, "a chart series needs a range of values");
    lxw_chart_series* series =
        chart_add_series(chart_, categories.empty() ? nullptr : categories.c_str(), values.c_str());
    if (!series)
        throw StorageError({ErrorCode::StorageFailure, "", {}},
                           fmt::format("cannot add a chart series to {}", quote_value(book_.path())));
    if (!name.empty()) chart_series_set_name(series, name.c_str());
    ++series_;
    return *this;
}

XlsxChart& XlsxChart::add_series(const std::string& name, const XlsxSheet& sheet, int first_row, int last_row,
                                 int category_col, int value_col) {
    // Appended rather than "=" + range: GCC 12 warns (-Wrestrict) on the latter.
    std::string categories = "=", values = "=";
    categories += sheet.range(first_row, category_col, last_row, category_col);
    values += sheet.range(first_row, value_col, last_row, value_col);
    return add_series(name, categories, values);
}

XlsxChart& XlsxChart::set_title(const std::string& title) {
    chart_title_set_name(chart_, clean_utf8(title).c_str());
    return *this;
}

XlsxChart& XlsxChart::set_legend(bool shown) {
    if (shown)
        chart_legend_set_position(chart_, LXW_CHART_LEGEND_RIGHT);
    else
        chart_legend_set_position(chart_, LXW_CHART_LEGEND_NONE);
    return *this;
}

XlsxChart& XlsxChart::set_value_format(const std::string& number_format) {
    // A pie has no axes; libxlsxwriter would print a warning.
    if (type_ != ChartType::Pie) chart_axis_set_num_format(chart_->y_axis, number_format.c_str());
    return *this;
}

// ---------------------------------------------------------------- XlsxSheet

XlsxSheet::XlsxSheet(XlsxWorkbook& book, lxw_worksheet* sheet, std::string name)
    : book_(book), sheet_(sheet), name_(std::move(name)) {}

std::string XlsxSheet::cell_name(int row, int col) { return column_letters(col) + std::to_string(row + 1); }

std::string XlsxSheet::range(const std::string& sheet, int first_row, int first_col, int last_row, int last_col) {
    std::string quoted = "'";
    for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    quoted += "'";
    return fmt::format("{}!${}${}:${}${}", quoted, column_letters(first_col), first_row + 1, column_letters(last_col),
                       last_row + 1);
}

void XlsxSheet::check(int err, int row, int col, const char* what) {
    if (err == LXW_NO_ERROR) return;
    throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                       fmt::format("cannot write {} to {}!{} of {}: {}", what, name_, cell_name(row, col),
                                   quote_value(book_.path()), lxw_strerror(static_cast<lxw_error>(err))));
}

void XlsxSheet::track(int row, int col, double width) {
    if (row < 0 || col < 0 || row >= LXW_ROW_MAX || col >= LXW_COL_MAX)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("cell row {} column {} is outside a worksheet", row, col));
    if (row < last_row_ && book_.options().constant_memory)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("row {} of sheet {} written after row {}: in constant-memory mode "
                                       "rows must be written in order",
                                       row + 1, name_, last_row_ + 1));
    last_row_ = std::max(last_row_, row);
    const auto c = static_cast<size_t>(col);
    if (c >= widths_.size()) widths_.resize(c + 1, 0);
    if (width > widths_[c]) widths_[c] = width;
}

void XlsxSheet::write_c_text(int row, int col, const char* text, size_t size, CellStyle style) {
    TextScan scan = scan_text({text, size});
    if (!scan.clean) {
        clean_utf8({text, size}, cleaned_);
        text = cleaned_.c_str();
        size = cleaned_.size();
        scan = scan_text(cleaned_);
    }
    if (scan.chars > kMaxCellChars)
        throw InvalidInput(
            {ErrorCode::ExportFailure, "", {}},
            fmt::format("text of {} characters does not fit in cell {}!{} (Excel holds "
                        "at most {}): {}",
                        scan.chars, name_, cell_name(row, col), kMaxCellChars, quote_value(std::string(text, size))));
    track(row, col, static_cast<double>(scan.widest_line) * scale(style));
    lxw_format* f = book_.format(XlsxWorkbook::Kind::Text, NumberFormat::General, style);
    check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), text, f), row, col,
          "text");
}

void XlsxSheet::write_text(int row, int col, const std::string& text, CellStyle style) {
    write_c_text(row, col, text.c_str(), text.size(), style);
}

void XlsxSheet::write_text(int row, int col, const char* text, CellStyle style) {
    if (!text) text = "";
    write_c_text(row, col, text, std::strlen(text), style);
}

void XlsxSheet::write_text(int row, int col, std::string_view text, CellStyle style) {
    // A view may not end with '\0': libxlsxwriter gets a terminated copy.
    terminated_.assign(text);
    write_c_text(row, col, terminated_.c_str(), terminated_.size(), style);
}

void XlsxSheet::write_header(int row, const std::vector<std::string>& titles, int first_col) {
    int col = first_col;
    for (const auto& t : titles) write_text(row, col++, t, kBold);
}

void XlsxSheet::write_date(int row, int col, Date date, CellStyle style) {
    if (date.year < 1900 || date.year > 9999 || !Date::valid(date.year, date.month, date.day))
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("date {} cannot be written to {}!{}: spreadsheets hold 1900-9999", date.iso(),
                                       name_, cell_name(row, col)));
    track(row, col, kDateWidth * scale(style));
    lxw_format* f = book_.format(XlsxWorkbook::Kind::Date, NumberFormat::General, style);
    // What worksheet_write_datetime writes for a date: its serial number.
    check(
        worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), excel_serial(date), f),
        row, col, "a date");
}

void XlsxSheet::write_money(int row, int col, Minor amount, const MoneyFormat& format) {
    if (format.book_ != &book_ || !format.format_)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("money format of another workbook used on sheet {}", name_));
    // Shown as "-€1,234,567.89": digits, group separators, symbol; 2 of margin.
    track(row, col, static_cast<double>(amount_width(amount, format.currency_width_) + 2) * format.scale_);
    // The only place cents become a floating-point value: the cell itself.
    check(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                 static_cast<double>(amount) / 100.0, format.format_),
          row, col, "an amount");
}

void XlsxSheet::write_money(int row, int col, Minor amount, const std::string& currency, CellStyle style) {
    track(row, col, static_cast<double>(money_display_width(amount, currency) + 2) * scale(style));
    lxw_format* f = book_.money(currency, style);
    check(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                 static_cast<double>(amount) / 100.0, f),
          row, col, "an amount");
}

void XlsxSheet::write_number(int row, int col, double value, NumberFormat format, CellStyle style) {
    check_finite(value, name_, row, col);
    track(row, col, (number_width(value) + 2) * scale(style));
    lxw_format* f = book_.format(XlsxWorkbook::Kind::Number, format, style);
    check(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value, f), row, col,
          "a number");
}

void XlsxSheet::write_rate(int row, int col, RateBp rate, CellStyle style) {
    write_number(row, col, static_cast<double>(rate) / 10000.0, NumberFormat::Percent1, style);
}

void XlsxSheet::write_formula(int row, int col, const std::string& formula, double cached, NumberFormat format,
                              CellStyle style) {
    check_finite(cached, name_, row, col);
    track(row, col, (number_width(cached) + 2) * scale(style));
    lxw_format* f = book_.format(XlsxWorkbook::Kind::Number, format, style);
    check(worksheet_write_formula_num(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), formula.c_str(),
                                      f, cached),
          row, col, "a formula");
}

void XlsxSheet::write_money_formula(int row, int col, const std::string& formula, Minor cached,
                                    const std::string& currency, CellStyle style) {
    track(row, col, static_cast<double>(money_display_width(cached, currency) + 2) * scale(style));
    lxw_format* f = book_.money(currency, style);
    check(worksheet_write_formula_num(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), formula.c_str(),
                                      f, static_cast<double>(cached) / 100.0),
          row, col, "a formula");
}

void XlsxSheet::freeze_rows(int row) { worksheet_freeze_panes(sheet_, static_cast<lxw_row_t>(row), 0); }

void XlsxSheet::autofilter(int first_row, int first_col, int last_row, int last_col) {
    check(worksheet_autofilter(sheet_, static_cast<lxw_row_t>(first_row), static_cast<lxw_col_t>(first_col),
                               static_cast<lxw_row_t>(last_row), static_cast<lxw_col_t>(last_col)),
          first_row, first_col, "an autofilter");
    filter_first_col_ = first_col;
    filter_last_col_ = last_col;
}

void XlsxSheet::set_min_width(int col, double chars) {
    if (col < 0 || col >= LXW_COL_MAX) return;
    if (static_cast<size_t>(col) >= widths_.size()) widths_.resize(static_cast<size_t>(col) + 1, 0);
    widths_[static_cast<size_t>(col)] = std::max(widths_[static_cast<size_t>(col)], chars);
}

void XlsxSheet::insert_chart(int row, int col, XlsxChart& chart, double x_scale, double y_scale) {
    if (&chart.book_ != &book_)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("a chart of another workbook cannot go on sheet {}", name_));
    // libxlsxwriter would only print a warning for these.
    if (chart.inserted_)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("the chart is already placed; not again on sheet {}", name_));
    if (chart.series_ == 0)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("a chart without series cannot go on sheet {}", name_));
    if (row < 0 || col < 0 || row >= LXW_ROW_MAX || col >= LXW_COL_MAX)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("cell row {} column {} is outside a worksheet", row, col));
    if (!(x_scale > 0) || !(y_scale > 0) || !std::isfinite(x_scale) || !std::isfinite(y_scale))
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("chart scale {} × {} is not a positive number", x_scale, y_scale));
    lxw_chart_options options{};
    options.x_scale = x_scale;
    options.y_scale = y_scale;
    const lxw_error err = worksheet_insert_chart_opt(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                                     chart.chart_, &options);
    if (err != LXW_NO_ERROR)
        throw StorageError({ErrorCode::StorageFailure, "", {}},
                           fmt::format("cannot place the chart on sheet {} of {}: {}", name_, quote_value(book_.path()),
                                       lxw_strerror(err)));
    chart.inserted_ = true;
}

void XlsxSheet::apply_widths() {
    for (size_t c = 0; c < widths_.size(); ++c) {
        if (widths_[c] <= 0) continue;
        // The filter's drop-down button covers about two characters.
        const int col = static_cast<int>(c);
        const double button = col >= filter_first_col_ && col <= filter_last_col_ ? 2 : 0;
        // One character of margin; never narrower than Excel's default.
        const double w = std::clamp(widths_[c] + 1 + button, LXW_DEF_COL_WIDTH, max_width_);
        worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr);
    }
}

// ------------------------------------------------------------- XlsxWorkbook

XlsxWorkbook::XlsxWorkbook(std::string path, XlsxOptions options)
    : path_(std::move(path)), options_(std::move(options)) {
    if (path_.empty()) throw InvalidInput({ErrorCode::ExportFailure, "", {}}, "no path given for the spreadsheet");
    if (options_.language != "fr" && options_.language != "en")
        throw InvalidInput({ErrorCode::InvalidChoice, "language", {{"value", options_.language}}},
                           fmt::format("language {} is not fr or en", quote_value(options_.language)));
    // libxlsxwriter only finds out at workbook_close() that it cannot create
    // the file, and then prints its own "[ERROR]" line on stderr: OutputFile
    // finds out first, by creating the file it is to write.
    output_ = std::make_unique<OutputFile>(path_, "spreadsheet");
    lxw_workbook_options opt{};
    opt.constant_memory = options_.constant_memory ? LXW_TRUE : LXW_FALSE;
    opt.tmpdir = nullptr;
    opt.use_zip64 = LXW_FALSE;
    book_ = workbook_new_opt(output_->temp_path().c_str(), &opt);
    if (!book_) {
        output_.reset();
        throw StorageError(
            {ErrorCode::StorageFailure, "", {}},
            fmt::format("cannot start spreadsheet {}: out of memory or no temporary file", quote_value(path_)));
    }
}

void XlsxWorkbook::check_target(const std::string& path) { OutputFile::check(path, "spreadsheet"); }

XlsxWorkbook::~XlsxWorkbook() {
    // Abandoned: nothing is written (the OutputFile removes its temporary file).
    if (!closed_ && book_) lxw_workbook_free(book_);
}

void XlsxWorkbook::set_properties(const XlsxProperties& p) {
    // libxlsxwriter copies the strings; its struct just is not const-correct.
    lxw_doc_properties props{};
    auto set = [](const std::string& s) { return s.empty() ? nullptr : const_cast<char*>(s.c_str()); };
    props.title = set(p.title);
    props.subject = set(p.subject);
    props.author = set(p.author);
    props.company = set(p.company);
    props.comments = set(p.comments);
    if (p.created) props.created = static_cast<time_t>(p.created->days()) * 86400;
    if (workbook_set_properties(book_, &props) != LXW_NO_ERROR)
        throw StorageError({ErrorCode::StorageFailure, "", {}},
                           fmt::format("cannot set the properties of spreadsheet {}", quote_value(path_)));
    for (const auto& [name, value] : p.custom) {
        if (name.empty() || name.size() > 255 || value.size() > 255)
            throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                               fmt::format("custom property {} is empty or longer than 255 bytes", quote_value(name)));
        const std::string n = clean_utf8(name), v = clean_utf8(value);
        if (workbook_set_custom_property_string(book_, n.c_str(), v.c_str()) != LXW_NO_ERROR)
            throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                               fmt::format("cannot set custom property {}", quote_value(name)));
    }
}

XlsxSheet& XlsxWorkbook::add_sheet(const std::string& name) {
    const lxw_error err = workbook_validate_sheet_name(book_, name.c_str());
    if (err != LXW_NO_ERROR)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           fmt::format("sheet name {} is not valid: {}", quote_value(name), lxw_strerror(err)));
    lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
    if (!ws)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}}, fmt::format("cannot add sheet {}", quote_value(name)));
    sheets_.push_back(std::unique_ptr<XlsxSheet>(new XlsxSheet(*this, ws, name)));
    return *sheets_.back();
}

XlsxChart& XlsxWorkbook::add_chart(ChartType type) {
    std::uint8_t lxw_type = LXW_CHART_COLUMN;
    switch (type) {
        case ChartType::Column:
            lxw_type = LXW_CHART_COLUMN;
            break;
        case ChartType::Bar:
            lxw_type = LXW_CHART_BAR;
            break;
        case ChartType::Line:
            lxw_type = LXW_CHART_LINE;
            break;
        case ChartType::Pie:
            lxw_type = LXW_CHART_PIE;
            break;
    }
    lxw_chart* chart = workbook_add_chart(book_, lxw_type);
    if (!chart)
        throw StorageError({ErrorCode::StorageFailure, "", {}},
                           fmt::format("cannot add a chart to {}", quote_value(path_)));
    charts_.push_back(std::unique_ptr<XlsxChart>(new XlsxChart(*this, chart, type)));
    return *charts_.back();
}

MoneyFormat XlsxWorkbook::money_format(const std::string& currency, CellStyle style) {
    MoneyFormat m;
    m.book_ = this;
    m.format_ = money(currency, style);
    m.currency_ = currency;
    m.scale_ = scale(style);
    m.currency_width_ = currency_width(currency);
    return m;
}

lxw_format* XlsxWorkbook::format(Kind kind, NumberFormat number, CellStyle style) {
    const auto slot = static_cast<size_t>(
        (static_cast<int>(kind) * kNumberFormats + static_cast<int>(number)) * kStyles + style_bits(style));
    if (made_[slot]) return formats_[slot];
    // A plain text cell needs no format at all.
    formats_[slot] = kind == Kind::Text && style_bits(style) == 0 ? nullptr : make_format(kind, {}, number, style);
    made_[slot] = true;
    return formats_[slot];
}

lxw_format* XlsxWorkbook::money(std::string_view currency, CellStyle style) {
    const int bits = style_bits(style);
    for (const auto& m : money_formats_)
        if (m.style == bits && m.currency == currency) return m.format;
    lxw_format* f = make_format(Kind::Money, currency, NumberFormat::General, style);
    money_formats_.push_back({std::string(currency), bits, f});
    return f;
}

lxw_format* XlsxWorkbook::make_format(Kind kind, std::string_view currency, NumberFormat number, CellStyle style) {
    lxw_format* f = workbook_add_format(book_);
    if (!f)
        throw StorageError({ErrorCode::StorageFailure, "", {}},
                           fmt::format("out of memory writing {}", quote_value(path_)));
    switch (kind) {
        case Kind::Text:
            break;
        case Kind::Date:
            format_set_num_format(f, options_.language == "fr" ? "dd/mm/yyyy" : "yyyy-mm-dd");
            break;
        case Kind::Money:
            format_set_num_format(f, money_number_format(std::string(currency), options_.language).c_str());
            break;
        case Kind::Number:
        case Kind::Rate:
            switch (number) {
                case NumberFormat::General:
                    break;
                case NumberFormat::Integer:
                    format_set_num_format(f, "#,##0");
                    break;
                case NumberFormat::Decimal2:
                    format_set_num_format(f, "#,##0.00");
                    break;
                case NumberFormat::Percent1:
                    // French writes a space before the sign: 12,5 %.
                    format_set_num_format(f, options_.language == "fr" ? "0.0\\ %" : "0.0%");
                    break;
            }
            break;
    }
    if (style.bold) format_set_bold(f);
    if (style.top_border) format_set_top(f, LXW_BORDER_THIN);
    if (style.wrap) {
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    }
    return f;
}

void XlsxWorkbook::close() {
    if (closed_) return;
    for (auto& s : sheets_) s->apply_widths();
    closed_ = true;
    const lxw_error err = workbook_close(book_);  // frees the workbook in every case
    book_ = nullptr;
    if (err != LXW_NO_ERROR)
        throw StorageError(
            {ErrorCode::CannotWrite, "path", {{"path", path_}, {"reason", std::string(lxw_strerror(err))}}},
            fmt::format("cannot write spreadsheet {}: {}", quote_value(path_), lxw_strerror(err)));
    output_->commit();
}

}  // namespace sponsordesk

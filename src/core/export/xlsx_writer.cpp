#include "sponsordesk/export/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {

constexpr int kMaxCellChars = 32767;  // Excel's limit for one cell

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Replaces each invalid UTF-8 sequence by U+FFFD and control characters that
// XML 1.0 cannot carry by a space: Excel asks to "repair" a file with either.
std::string clean_utf8(const std::string& in) {
    std::string out;
    out.reserve(in.size());
    const size_t n = in.size();
    for (size_t i = 0; i < n;) {
        const auto c = static_cast<unsigned char>(in[i]);
        if (c < 0x80) {
            out += (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? ' ' : static_cast<char>(c);
            ++i;
            continue;
        }
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
        }
        bool ok = len > 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(in[i + k]);
            ok = is_continuation(cc);
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid too.
        if (ok && ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
                   (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || cp == 0xFFFE || cp == 0xFFFF))
            ok = false;
        if (ok) {
            out.append(in, i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

size_t code_points(const std::string& s) {
    size_t count = 0;
    for (char c : s)
        if (!is_continuation(static_cast<unsigned char>(c))) ++count;
    return count;
}

// Widest line of a text, in characters.
double text_width(const std::string& s) {
    size_t widest = 0, start = 0;
    while (start <= s.size()) {
        size_t end = s.find('\n', start);
        if (end == std::string::npos) end = s.size();
        widest = std::max(widest, code_points(s.substr(start, end - start)));
        start = end + 1;
    }
    return static_cast<double>(widest);
}

std::string currency_symbol(const std::string& currency) {
    if (currency == "EUR") return "€";
    if (currency == "USD") return "$";
    if (currency == "GBP") return "£";
    return currency;
}

void check_finite(double v, const std::string& sheet, int row, int col) {
    if (!std::isfinite(v))
        throw InvalidInput(fmt::format("cell {}!{} would hold a number that is not finite", sheet,
                                       XlsxSheet::cell_name(row, col)));
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

// ---------------------------------------------------------------- XlsxSheet

XlsxSheet::XlsxSheet(XlsxWorkbook& book, lxw_worksheet* sheet, std::string name)
    : book_(book), sheet_(sheet), name_(std::move(name)) {}

std::string XlsxSheet::cell_name(int row, int col) {
    std::string letters;
    for (int c = col + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row + 1);
}

void XlsxSheet::check(int err, int row, int col, const char* what) {
    if (err == LXW_NO_ERROR) return;
    throw InvalidInput(fmt::format("cannot write {} to {}!{} of {}: {}", what, name_, cell_name(row, col),
                                   quote_value(book_.path()), lxw_strerror(static_cast<lxw_error>(err))));
}

void XlsxSheet::track(int row, int col, double width) {
    if (row < 0 || col < 0 || row >= LXW_ROW_MAX || col >= LXW_COL_MAX)
        throw InvalidInput(fmt::format("cell row {} column {} is outside a worksheet", row, col));
    if (book_.options().constant_memory && row < last_row_)
        throw InvalidInput(fmt::format("row {} of sheet {} written after row {}: in constant-memory mode "
                                       "rows must be written in order",
                                       row + 1, name_, last_row_ + 1));
    last_row_ = std::max(last_row_, row);
    if (static_cast<size_t>(col) >= widths_.size()) widths_.resize(static_cast<size_t>(col) + 1, 0);
    widths_[static_cast<size_t>(col)] = std::max(widths_[static_cast<size_t>(col)], width);
}

void XlsxSheet::write_text(int row, int col, const std::string& text, CellStyle style) {
    const std::string clean = clean_utf8(text);
    const size_t chars = code_points(clean);
    if (chars > kMaxCellChars)
        throw InvalidInput(fmt::format("text of {} characters does not fit in cell {}!{} (Excel holds "
                                       "at most {}): {}",
                                       chars, name_, cell_name(row, col), kMaxCellChars, quote_value(clean)));
    track(row, col, text_width(clean) * (style.bold ? 1.1 : 1.0));
    auto* f = book_.format(XlsxWorkbook::Kind::Text, "", NumberFormat::General, style);
    check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), clean.c_str(), f),
          row, col, "text");
}

void XlsxSheet::write_header(int row, const std::vector<std::string>& titles, int first_col) {
    int col = first_col;
    for (const auto& t : titles) write_text(row, col++, t, kBold);
}

void XlsxSheet::write_date(int row, int col, Date date, CellStyle style) {
    if (date.year < 1900 || date.year > 9999 || !Date::valid(date.year, date.month, date.day))
        throw InvalidInput(fmt::format("date {} cannot be written to {}!{}: spreadsheets hold 1900-9999",
                                       date.iso(), name_, cell_name(row, col)));
    track(row, col, 10 * (style.bold ? 1.1 : 1.0));
    lxw_datetime dt{date.year, date.month, date.day, 0, 0, 0.0};
    auto* f = book_.format(XlsxWorkbook::Kind::Date, "", NumberFormat::General, style);
    check(worksheet_write_datetime(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), &dt, f), row,
          col, "a date");
}

void XlsxSheet::write_money(int row, int col, Minor amount, const std::string& currency, CellStyle style) {
    // Shown as "-1,234,567.89 €": digits, group separators, symbol.
    const std::string shown = format_money(amount, currency, "en");
    track(row, col, (static_cast<double>(code_points(shown)) + 2) * (style.bold ? 1.1 : 1.0));
    auto* f = book_.format(XlsxWorkbook::Kind::Money, currency, NumberFormat::General, style);
    // The only place cents become a floating-point value: the cell itself.
    check(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                 static_cast<double>(amount) / 100.0, f),
          row, col, "an amount");
}

void XlsxSheet::write_number(int row, int col, double value, NumberFormat format, CellStyle style) {
    check_finite(value, name_, row, col);
    track(row, col, static_cast<double>(fmt::format("{:.2f}", value).size() + 2) * (style.bold ? 1.1 : 1.0));
    auto* f = book_.format(XlsxWorkbook::Kind::Number, "", format, style);
    check(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value, f), row,
          col, "a number");
}

void XlsxSheet::write_rate(int row, int col, RateBp rate, CellStyle style) {
    write_number(row, col, static_cast<double>(rate) / 10000.0, NumberFormat::Percent1, style);
}

void XlsxSheet::write_formula(int row, int col, const std::string& formula, double cached, NumberFormat format,
                              CellStyle style) {
    check_finite(cached, name_, row, col);
    track(row, col, static_cast<double>(fmt::format("{:.2f}", cached).size() + 2) * (style.bold ? 1.1 : 1.0));
    auto* f = book_.format(XlsxWorkbook::Kind::Number, "", format, style);
    check(worksheet_write_formula_num(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                      formula.c_str(), f, cached),
          row, col, "a formula");
}

void XlsxSheet::write_money_formula(int row, int col, const std::string& formula, Minor cached,
                                    const std::string& currency, CellStyle style) {
    const std::string shown = format_money(cached, currency, "en");
    track(row, col, (static_cast<double>(code_points(shown)) + 2) * (style.bold ? 1.1 : 1.0));
    auto* f = book_.format(XlsxWorkbook::Kind::Money, currency, NumberFormat::General, style);
    check(worksheet_write_formula_num(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                      formula.c_str(), f, static_cast<double>(cached) / 100.0),
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

XlsxWorkbook::XlsxWorkbook(std::string path, XlsxOptions options) : path_(std::move(path)), options_(std::move(options)) {
    if (path_.empty()) throw InvalidInput("no path given for the spreadsheet");
    if (options_.language != "fr" && options_.language != "en")
        throw InvalidInput(fmt::format("language {} is not fr or en", quote_value(options_.language)));
    temp_path_ = fmt::format("{}.{}.partial", path_, static_cast<long>(getpid()));
    lxw_workbook_options opt{};
    opt.constant_memory = options_.constant_memory ? LXW_TRUE : LXW_FALSE;
    opt.tmpdir = nullptr;
    opt.use_zip64 = LXW_FALSE;
    book_ = workbook_new_opt(temp_path_.c_str(), &opt);
    if (!book_) throw StorageError(fmt::format("cannot start spreadsheet {}: out of memory or no temporary file",
                                               quote_value(path_)));
}

XlsxWorkbook::~XlsxWorkbook() {
    if (!closed_ && book_) lxw_workbook_free(book_);  // abandoned: nothing is written
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
    if (workbook_set_properties(book_, &props) != LXW_NO_ERROR)
        throw StorageError(fmt::format("cannot set the properties of spreadsheet {}", quote_value(path_)));
    for (const auto& [name, value] : p.custom) {
        if (name.empty() || name.size() > 255 || value.size() > 255)
            throw InvalidInput(fmt::format("custom property {} is empty or longer than 255 bytes", quote_value(name)));
        const std::string n = clean_utf8(name), v = clean_utf8(value);
        if (workbook_set_custom_property_string(book_, n.c_str(), v.c_str()) != LXW_NO_ERROR)
            throw InvalidInput(fmt::format("cannot set custom property {}", quote_value(name)));
    }
}

XlsxSheet& XlsxWorkbook::add_sheet(const std::string& name) {
    const lxw_error err = workbook_validate_sheet_name(book_, name.c_str());
    if (err != LXW_NO_ERROR)
        throw InvalidInput(fmt::format("sheet name {} is not valid: {}", quote_value(name), lxw_strerror(err)));
    lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
    if (!ws) throw InvalidInput(fmt::format("cannot add sheet {}", quote_value(name)));
    sheets_.push_back(std::unique_ptr<XlsxSheet>(new XlsxSheet(*this, ws, name)));
    return *sheets_.back();
}

lxw_format* XlsxWorkbook::format(Kind kind, const std::string& currency, NumberFormat number, CellStyle style) {
    auto key = std::make_tuple(static_cast<int>(kind), static_cast<int>(number), currency, style);
    auto it = formats_.find(key);
    if (it != formats_.end()) return it->second;
    if (kind == Kind::Text && !style.bold && !style.top_border && !style.wrap) return formats_[key] = nullptr;
    lxw_format* f = workbook_add_format(book_);
    if (!f) throw StorageError(fmt::format("out of memory writing {}", quote_value(path_)));
    switch (kind) {
        case Kind::Text:
            break;
        case Kind::Date:
            format_set_num_format(f, "yyyy-mm-dd");
            break;
        case Kind::Money:
            format_set_num_format(f, money_number_format(currency, options_.language).c_str());
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
                    format_set_num_format(f, "0.0%");
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
    return formats_[key] = f;
}

void XlsxWorkbook::close() {
    if (closed_) return;
    for (auto& s : sheets_) s->apply_widths();
    closed_ = true;
    const lxw_error err = workbook_close(book_);  // frees the workbook in every case
    book_ = nullptr;
    std::error_code ec;
    if (err != LXW_NO_ERROR) {
        std::filesystem::remove(temp_path_, ec);
        throw StorageError(fmt::format("cannot write spreadsheet {}: {}", quote_value(path_), lxw_strerror(err)));
    }
    std::filesystem::rename(temp_path_, path_, ec);
    if (ec) {
        const std::string why = ec.message();
        std::filesystem::remove(temp_path_, ec);
        throw StorageError(fmt::format("cannot write spreadsheet {}: {}", quote_value(path_), why));
    }
}

}  // namespace sponsordesk

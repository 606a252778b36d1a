// Native charts for the report workbooks.
//
// The shared XLSX layer (xlsx_writer.h) offers no chart and keeps its
// libxlsxwriter handles private. Until it gains one (an add_chart() or a raw
// handle accessor, asked for), this file reaches the two handles through the
// standard's explicit-instantiation access rule ([temp.spec.general]/6):
// well-defined C++, checked by the compiler, and confined to this file. If
// XlsxWorkbook::book_ or XlsxSheet::sheet_ are renamed, this file stops
// compiling instead of misbehaving; delete this access part then.
#include <xlsxwriter.h>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/report_xlsx.h"

namespace sponsordesk {
namespace {

struct WorkbookHandle {
    using type = lxw_workbook* XlsxWorkbook::*;
    friend type member(WorkbookHandle);
};
struct SheetHandle {
    using type = lxw_worksheet* XlsxSheet::*;
    friend type member(SheetHandle);
};

template <class Tag, typename Tag::type Member>
struct Expose {
    friend typename Tag::type member(Tag) { return Member; }
};
template struct Expose<WorkbookHandle, &XlsxWorkbook::book_>;
template struct Expose<SheetHandle, &XlsxSheet::sheet_>;

std::string column_letters(int col) {
    const std::string cell = XlsxSheet::cell_name(0, col);
    return cell.substr(0, cell.size() - 1);
}

}  // namespace

std::string sheet_range(const std::string& sheet, int first_row, int col, int last_row, int last_col) {
    if (last_col < 0) last_col = col;
    std::string quoted = "'";
    for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    quoted += "'";
    return fmt::format("{}!${}${}:${}${}", quoted, column_letters(col), first_row + 1, column_letters(last_col),
                       last_row + 1);
}

void insert_column_chart(XlsxWorkbook& book, XlsxSheet& sheet, const ColumnChart& c) {
    lxw_workbook* wb = book.*member(WorkbookHandle{});
    lxw_worksheet* ws = sheet.*member(SheetHandle{});
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
    if (!chart) throw StorageError(fmt::format("cannot add a chart to {}", quote_value(book.path())));
    lxw_chart_series* series = chart_add_series(chart, c.categories.c_str(), c.values.c_str());
    if (!series) throw StorageError(fmt::format("cannot add a chart series to {}", quote_value(book.path())));
    chart_series_set_name(series, c.series_name.c_str());
    chart_title_set_name(chart, c.title.c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    if (!c.value_format.empty()) chart_axis_set_num_format(chart->y_axis, c.value_format.c_str());
    lxw_chart_options options{};
    options.x_scale = 1.5;
    options.y_scale = 1.2;
    const lxw_error err = worksheet_insert_chart_opt(ws, static_cast<lxw_row_t>(c.row),
                                                     static_cast<lxw_col_t>(c.col), chart, &options);
    if (err != LXW_NO_ERROR)
        throw StorageError(fmt::format("cannot place the chart on sheet {}: {}", sheet.name(), lxw_strerror(err)));
}

}  // namespace sponsordesk

// The report workbooks' native charts, on the XLSX layer's chart API.
#include "sponsordesk/export/report_xlsx.h"

namespace sponsordesk {

std::string sheet_range(const std::string& sheet, int first_row, int col, int last_row, int last_col) {
    return XlsxSheet::range(sheet, first_row, col, last_row, last_col < 0 ? col : last_col);
}

void insert_column_chart(XlsxWorkbook& book, XlsxSheet& sheet, const ColumnChart& c) {
    XlsxChart& chart = book.add_chart(ChartType::Column);
    chart.add_series(c.series_name, c.categories, c.values).set_title(c.title).set_legend(false);
    if (!c.value_format.empty()) chart.set_value_format(c.value_format);
    sheet.insert_chart(c.row, c.col, chart, 1.5, 1.2);
}

}  // namespace sponsordesk

// The shared XLSX layer, read back with openpyxl: what Excel and LibreOffice
// will see (types, formats, frozen panes, filters, widths).
#include <gtest/gtest.h>

#include "test_support.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <random>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/xlsx_writer.h"

using namespace sponsordesk;
namespace fs = std::filesystem;
using nlohmann::json;

using sponsordesk::test::read_xlsx;
using sponsordesk::test::run_tool;
using sponsordesk::test::TempDir;

namespace {

const json& sheet(const json& book, const std::string& name) {
    for (const auto& s : book["sheets"])
        if (s["name"] == name) return s;
    throw std::runtime_error("no sheet " + name);
}

}  // namespace

TEST(XlsxWriter, UserTextStaysTextMoneyIsNumericDatesAreDates) {
    TempDir dir;
    const std::string path = dir.file("cells.xlsx");
    {
        XlsxWorkbook book(path, {false, "fr"});
        XlsxSheet& ws = book.add_sheet("Bookings");
        ws.write_header(0, {"Sponsor", "Phone", "Date", "Price"});
        ws.write_text(1, 0, "=HYPERLINK(\"http://x\",\"y\")");
        ws.write_text(1, 1, "+33 1 23");
        ws.write_date(1, 2, {2026, 3, 12});
        ws.write_money(1, 3, 150050, "EUR");
        ws.write_text(2, 0, "Café Crème — Ünïcode €");
        ws.write_text(2, 1, "0612");
        ws.write_date(2, 2, {2026, 12, 31});
        ws.write_money(2, 3, 5, "EUR");
        ws.freeze_rows(1);
        ws.autofilter(0, 0, 2, 3);
        book.close();
    }
    const json book = read_xlsx(path);
    const json& ws = sheet(book, "Bookings");
    const json& c = ws["cells"];
    EXPECT_EQ(c["A2"]["type"], "s");
    EXPECT_EQ(c["A2"]["value"], "=HYPERLINK(\"http://x\",\"y\")");
    EXPECT_EQ(c["B2"]["type"], "s");
    EXPECT_EQ(c["B2"]["value"], "+33 1 23");
    EXPECT_EQ(c["B3"]["value"], "0612");  // leading zero kept
    EXPECT_EQ(c["A3"]["value"], "Café Crème — Ünïcode €");
    EXPECT_TRUE(c["C2"]["is_date"].get<bool>());
    EXPECT_EQ(c["C2"]["value"], "2026-03-12T00:00:00");
    EXPECT_EQ(c["C2"]["format"], "dd/mm/yyyy");  // a French workbook: 12/03/2026
    EXPECT_EQ(c["D2"]["type"], "n");
    EXPECT_DOUBLE_EQ(c["D2"]["value"].get<double>(), 1500.50);
    EXPECT_DOUBLE_EQ(c["D3"]["value"].get<double>(), 0.05);
    EXPECT_FALSE(c["D2"]["is_date"].get<bool>());
    EXPECT_EQ(c["D2"]["format"], "#,##0.00 [$€-40C]");
    EXPECT_TRUE(c["A1"]["bold"].get<bool>());
    EXPECT_EQ(ws["freeze"], "A2");
    EXPECT_EQ(ws["autofilter"], "A1:D3");
}

TEST(XlsxWriter, ColumnsAreSizedToTheirWidestValue) {
    TempDir dir;
    const std::string path = dir.file("widths.xlsx");
    const std::string long_name = "Fédération nationale des cafés-crème de France et d'ailleurs";  // 60 characters
    {
        XlsxWorkbook book(path);
        XlsxSheet& ws = book.add_sheet("Sponsors");
        ws.write_header(0, {"Name", "N"});
        ws.write_text(1, 0, long_name);
        ws.write_text(2, 0, "Line one\nand a much longer second line of the address");
        ws.write_number(1, 1, 3, NumberFormat::Integer);
        book.close();
    }
    const json ws = sheet(read_xlsx(path), "Sponsors");
    const double a = ws["widths"]["A"].get<double>();
    // Counted in characters, not UTF-8 bytes (the accents would add 2).
    EXPECT_GE(a, 60);
    EXPECT_LE(a, 63);
    // A short column keeps Excel's default width (8.43, stored as 9.14
    // with its padding) rather than shrinking.
    ASSERT_TRUE(ws["widths"].contains("B"));
    EXPECT_NEAR(ws["widths"]["B"].get<double>(), 9.14, 0.1);
}

TEST(XlsxWriter, FormulasCarryTheirCachedValue) {
    TempDir dir;
    const std::string path = dir.file("formulas.xlsx");
    {
        XlsxWorkbook book(path, {true, "en"});
        XlsxSheet& ws = book.add_sheet("Totals");
        ws.write_money(0, 0, 1999, "USD");
        ws.write_money(1, 0, 1, "USD");
        ws.write_money_formula(2, 0, "=SUM(A1:A2)", 2000, "USD", kTotal);
        ws.write_formula(3, 0, "=A3/A1", 2000.0 / 1999.0, NumberFormat::Percent1);
        book.close();
    }
    const json c = sheet(read_xlsx(path), "Totals")["cells"];
    EXPECT_EQ(c["A3"]["value"], "=SUM(A1:A2)");
    EXPECT_DOUBLE_EQ(c["A3"]["cached"].get<double>(), 20.00);
    EXPECT_EQ(c["A3"]["format"], "[$$-409]#,##0.00");
    EXPECT_EQ(c["A4"]["format"], "0.0%");
    EXPECT_NEAR(c["A4"]["cached"].get<double>(), 1.0005, 0.0001);
}

TEST(XlsxWriter, MoneyFormatsNameTheCurrency) {
    EXPECT_EQ(money_number_format("EUR", "fr"), "#,##0.00 [$€-40C]");
    EXPECT_EQ(money_number_format("EUR", "en"), "[$€-1809]#,##0.00");
    EXPECT_EQ(money_number_format("GBP", "en"), "[$£-809]#,##0.00");
    EXPECT_EQ(money_number_format("CHF", "fr"), "#,##0.00 [$CHF]");
    EXPECT_EQ(money_number_format("CHF", "en"), "#,##0.00 [$CHF]");
}

TEST(XlsxWriter, ConstantMemoryRefusesAnEarlierRow) {
    TempDir dir;
    XlsxWorkbook book(dir.file("stream.xlsx"), {true, "en"});
    XlsxSheet& ws = book.add_sheet("Rows");
    ws.write_text(5, 0, "row 6");
    ws.write_text(5, 1, "same row is fine");
    EXPECT_THROW(ws.write_text(4, 0, "row 5"), InvalidInput);
    // Without constant memory any order works.
    XlsxWorkbook free_order(dir.file("free.xlsx"));
    XlsxSheet& ws2 = free_order.add_sheet("Rows");
    ws2.write_text(5, 0, "row 6");
    EXPECT_NO_THROW(ws2.write_text(4, 0, "row 5"));
}

TEST(XlsxWriter, UnwritablePathIsAStorageErrorAndNothingIsLeft) {
    TempDir dir;
    // Refused when the workbook is made, before libxlsxwriter could print
    // its own "[ERROR]" line at close.
    const std::string path = dir.file("missing/dir/out.xlsx");
    try {
        XlsxWorkbook book(path);
        FAIL() << "no error";
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
    }
    // A workbook dropped without close() writes nothing.
    {
        XlsxWorkbook dropped(dir.file("dropped.xlsx"));
        dropped.add_sheet("S").write_text(0, 0, "x");
    }
    EXPECT_FALSE(fs::exists(dir.file("dropped.xlsx")));
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(XlsxWriter, RefusesWhatExcelCannotHold) {
    TempDir dir;
    XlsxWorkbook book(dir.file("limits.xlsx"));
    EXPECT_THROW(book.add_sheet("Bad/Name"), InvalidInput);
    EXPECT_THROW(book.add_sheet("A sheet name longer than thirty-one"), InvalidInput);
    XlsxSheet& ws = book.add_sheet("Limits");
    EXPECT_THROW(book.add_sheet("Limits"), InvalidInput);
    EXPECT_THROW(ws.write_text(0, 0, std::string(32768, 'x')), InvalidInput);
    EXPECT_THROW(ws.write_date(0, 1, {1899, 12, 31}), InvalidInput);
    EXPECT_THROW(ws.write_number(0, 2, std::numeric_limits<double>::quiet_NaN()), InvalidInput);
    EXPECT_THROW(ws.write_text(-1, 0, "x"), InvalidInput);
    EXPECT_NO_THROW(ws.write_text(0, 0, std::string(32767, 'x')));
}

TEST(XlsxWriter, BrokenUtf8AndControlCharactersStillOpen) {
    TempDir dir;
    const std::string path = dir.file("dirty.xlsx");
    {
        XlsxWorkbook book(path, {true, "en"});
        XlsxSheet& ws = book.add_sheet("Dirty");
        ws.write_text(0, 0, std::string("Caf\xE9 Cr\xC3\xA8me\x01"));  // Latin-1 é, a control character
        book.close();
    }
    const json c = sheet(read_xlsx(path), "Dirty")["cells"];
    EXPECT_EQ(c["A1"]["value"], "Caf\uFFFD Crème ");
}

TEST(XlsxWriter, DocumentPropertiesAreSet) {
    TempDir dir;
    const std::string path = dir.file("props.xlsx");
    {
        XlsxWorkbook book(path);
        XlsxProperties p;
        p.title = "Rapport mensuel — mars 2026";
        p.author = "Éditions Lumière";
        p.custom = {{"month", "2026-03"}};
        book.set_properties(p);
        book.add_sheet("Summary").write_text(0, 0, "x");
        book.close();
    }
    const json book = read_xlsx(path);
    EXPECT_EQ(book["properties"]["title"], "Rapport mensuel — mars 2026");
    EXPECT_EQ(book["properties"]["creator"], "Éditions Lumière");
    EXPECT_EQ(book["custom"]["month"], "2026-03");
}

// The width is counted, not formatted: it must agree with what
// format_money shows (the text Excel's money format displays).
TEST(XlsxWriter, MoneyWidthIsTheShownAmountsLength) {
    const Minor amounts[] = {0,
                             1,
                             99,
                             100,
                             999,
                             1000,
                             99999,
                             100000,
                             123456,
                             99999999,
                             100000000,
                             123456789012,
                             -1,
                             -100,
                             -99999,
                             -100000,
                             -123456789012,
                             std::numeric_limits<Minor>::max(),
                             std::numeric_limits<Minor>::min() + 1};
    for (const std::string currency : {"EUR", "USD", "GBP", "CHF", "JPY"})
        for (Minor a : amounts) {
            const std::string shown = format_money(a, currency, "en");
            size_t chars = 0;
            for (unsigned char c : shown) chars += (c & 0xC0) != 0x80;
            EXPECT_EQ(money_display_width(a, currency), static_cast<int>(chars)) << shown;
        }
    // -€92,233,720,368,547,758.08: sign, symbol, 17 digits and 5 commas, ".08"
    EXPECT_EQ(money_display_width(std::numeric_limits<Minor>::min(), "EUR"), 1 + 1 + 22 + 3);
}

TEST(XlsxWriter, MoneyFormatHandleAndTextOverloadsWriteTheSameCells) {
    TempDir dir;
    const std::string path = dir.file("handles.xlsx");
    {
        XlsxWorkbook book(path, {true, "fr"});
        XlsxSheet& ws = book.add_sheet("Rows");
        const MoneyFormat eur = book.money_format("EUR");
        const MoneyFormat chf_total = book.money_format("CHF", kTotal);
        EXPECT_EQ(eur.currency(), "EUR");
        ws.write_money(0, 0, 123456, eur);
        ws.write_money(0, 1, 123456, "EUR");
        ws.write_money(0, 2, -5, chf_total);
        const std::string backing = "Sponsor SARLxyz";
        ws.write_text(1, 0, std::string_view(backing).substr(0, 12));  // not terminated where it ends
        ws.write_text(1, 1, "=1+1");
        ws.write_text(1, 2, std::string_view("Caf\xE9\x02"));  // dirty view: cleaned
        ws.write_text(1, 3, std::string("a\0b", 3));           // an embedded NUL becomes a space
        // A handle of another workbook is refused rather than writing a dangling format.
        XlsxWorkbook other(dir.file("other.xlsx"));
        const MoneyFormat foreign = other.money_format("EUR");
        EXPECT_THROW(ws.write_money(2, 0, 1, foreign), InvalidInput);
        EXPECT_THROW(ws.write_money(2, 0, 1, MoneyFormat{}), InvalidInput);
        book.close();
    }
    const json c = sheet(read_xlsx(path), "Rows")["cells"];
    EXPECT_EQ(c["A1"]["type"], "n");
    EXPECT_DOUBLE_EQ(c["A1"]["value"].get<double>(), 1234.56);
    EXPECT_EQ(c["A1"]["format"], "#,##0.00 [$€-40C]");
    EXPECT_EQ(c["A1"]["format"], c["B1"]["format"]);
    EXPECT_DOUBLE_EQ(c["C1"]["value"].get<double>(), -0.05);
    EXPECT_EQ(c["C1"]["format"], "#,##0.00 [$CHF]");
    EXPECT_TRUE(c["C1"]["bold"].get<bool>());
    EXPECT_EQ(c["A2"]["value"], "Sponsor SARL");
    EXPECT_EQ(c["B2"]["type"], "s");
    EXPECT_EQ(c["B2"]["value"], "=1+1");
    EXPECT_EQ(c["C2"]["value"], "Caf\uFFFD ");
    EXPECT_EQ(c["D2"]["value"], "a b");
}

TEST(XlsxWriter, WidthsCountCharactersOfCleanAndCleanedText) {
    TempDir dir;
    const std::string path = dir.file("widths2.xlsx");
    {
        XlsxWorkbook book(path, {true, "en"});
        XlsxSheet& ws = book.add_sheet("W");
        ws.write_text(0, 0, std::string(30, 'x'));
        ws.write_text(0, 1, "ééééééééééééééééééééééééé");  // 25 characters, 50 bytes
        ws.write_text(0, 2, std::string(20, '\xFF'));      // 20 × U+FFFD
        ws.write_text(0, 3, "short\n" + std::string(40, 'y') + "\nshort");
        ws.write_date(0, 4, {2026, 3, 1});
        ws.write_money(0, 5, -123456789, "CHF");  // "-1,234,567.89 CHF": 17
        book.close();
    }
    const json w = sheet(read_xlsx(path), "W")["widths"];
    // Tracked width + 1 of margin; openpyxl reads libxlsxwriter's stored width (+0.71 padding).
    auto stored = [](double chars) { return chars + 1 + 0.71; };
    EXPECT_NEAR(w["A"].get<double>(), stored(30), 0.1);
    EXPECT_NEAR(w["B"].get<double>(), stored(25), 0.1);
    EXPECT_NEAR(w["C"].get<double>(), stored(20), 0.1);
    EXPECT_NEAR(w["D"].get<double>(), stored(40), 0.1);
    EXPECT_NEAR(w["E"].get<double>(), stored(10), 0.1);
    EXPECT_NEAR(w["F"].get<double>(), stored(17 + 2), 0.1);
}

TEST(XlsxWriter, DatesAreExcelSerialsIncludingLotusLeapDay) {
    TempDir dir;
    const std::string path = dir.file("dates.xlsx");
    {
        XlsxWorkbook book(path);
        XlsxSheet& ws = book.add_sheet("D");
        ws.write_date(0, 0, {1900, 1, 1});
        ws.write_date(1, 0, {1900, 2, 28});
        ws.write_date(2, 0, {1900, 3, 1});
        ws.write_date(3, 0, {2026, 3, 1});
        ws.write_date(4, 0, {9999, 12, 31});
        book.close();
    }
    const json c = sheet(read_xlsx(path), "D")["cells"];
    EXPECT_EQ(c["A1"]["value"], "1900-01-01T00:00:00");
    EXPECT_EQ(c["A2"]["value"], "1900-02-28T00:00:00");
    EXPECT_EQ(c["A3"]["value"], "1900-03-01T00:00:00");
    EXPECT_EQ(c["A4"]["value"], "2026-03-01T00:00:00");
    EXPECT_EQ(c["A5"]["value"], "9999-12-31T00:00:00");
    EXPECT_TRUE(c["A4"]["is_date"].get<bool>());
    EXPECT_EQ(c["A4"]["format"], "yyyy-mm-dd");
}

// The chart API: a column chart over a sheet's range, placed on another sheet.
TEST(XlsxWriter, ChartsAreNativeAndPlacedOnce) {
    TempDir dir;
    const std::string path = dir.file("chart.xlsx");
    {
        XlsxWorkbook book(path, {true, "en"});
        XlsxSheet& summary = book.add_sheet("Summary");
        XlsxSheet& data = book.add_sheet("Data sheet");
        data.write_header(0, {"Placement", "Revenue"});
        data.write_text(1, 0, "Main");
        data.write_money(1, 1, 150000, "EUR");
        data.write_text(2, 0, "Native");
        data.write_money(2, 1, 80000, "EUR");
        XlsxChart& chart = book.add_chart(ChartType::Column);
        EXPECT_THROW(summary.insert_chart(2, 0, chart), InvalidInput);  // no series yet
        chart.add_series("Revenue", data, 1, 2, 0, 1).set_title("Revenue").set_legend(false).set_value_format("#,##0");
        summary.insert_chart(2, 0, chart, 1.5, 1.2);
        EXPECT_THROW(summary.insert_chart(20, 0, chart), InvalidInput);  // libxlsxwriter would only warn
        XlsxChart& pie = book.add_chart(ChartType::Pie);
        pie.add_series("Share", "=" + data.range(1, 0, 2, 0), "=" + data.range(1, 1, 2, 1)).set_value_format("0");
        data.insert_chart(4, 3, pie);
        book.add_chart(ChartType::Line);  // never placed: left out
        XlsxWorkbook other(dir.file("other.xlsx"));
        EXPECT_THROW(other.add_sheet("S").insert_chart(0, 0, pie), InvalidInput);
        book.close();
    }
    const json parts = run_tool("report_parts.py", path);
    ASSERT_TRUE(parts.is_object());
    ASSERT_EQ(parts["charts"].size(), 2u);
    EXPECT_EQ(parts["charts"][0]["kinds"], json::array({"bar"}));
    EXPECT_EQ(parts["charts"][0]["ranges"], json::array({"'Data sheet'!$A$2:$A$3", "'Data sheet'!$B$2:$B$3"}));
    EXPECT_EQ(parts["charts"][1]["kinds"], json::array({"pie"}));
    EXPECT_EQ(parts["sheets_with_drawings"], json::array({"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}));
}

TEST(XlsxWriter, TargetsThatCannotBeWrittenAreRefusedWhenTheWorkbookIsMade) {
    TempDir dir;
    auto refusal = [](const std::string& path) -> std::string {
        try {
            XlsxWorkbook book(path);
        } catch (const StorageError& e) {
            return e.what();
        }
        return "";
    };
    const std::string is_folder = refusal(dir.path().string());
    EXPECT_NE(is_folder.find("is a folder"), std::string::npos) << is_folder;
    {
        std::FILE* f = std::fopen(dir.file("plain").c_str(), "w");
        ASSERT_NE(f, nullptr);
        std::fclose(f);
    }
    const std::string under_file = refusal(dir.file("plain") + "/x.xlsx");
    EXPECT_NE(under_file.find("is not a folder"), std::string::npos) << under_file;
    // A bare file name goes in the working folder.
    const fs::path cwd = fs::current_path();
    fs::current_path(dir.path());
    {
        XlsxWorkbook book("here.xlsx");
        book.add_sheet("S").write_text(0, 0, "x");
        book.close();
    }
    fs::current_path(cwd);
    EXPECT_TRUE(fs::exists(dir.file("here.xlsx")));
}

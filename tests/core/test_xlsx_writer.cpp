// The shared XLSX layer, read back with openpyxl: what Excel and LibreOffice
// will see (types, formats, frozen panes, filters, widths).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/xlsx_writer.h"

using namespace sponsordesk;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() / fmt::format("sponsordesk-xlsx-{:x}{:x}", rd(), rd());
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// The workbook as tests/tools/read_xlsx.py sees it (Debian's python3 has openpyxl).
json read_xlsx(const std::string& path) {
    const std::string cmd = fmt::format("/usr/bin/python3 '{}/../tools/read_xlsx.py' '{}'", SPONSORDESK_TEST_DATA, path);
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return json();
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    const int status = pclose(p);
    EXPECT_EQ(status, 0) << "openpyxl could not read " << path;
    return out.empty() ? json() : json::parse(out);
}

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
    EXPECT_EQ(c["C2"]["format"], "yyyy-mm-dd");
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
    const std::string path = dir.file("missing/dir/out.xlsx");
    XlsxWorkbook book(path);
    book.add_sheet("S").write_text(0, 0, "x");
    try {
        book.close();
        FAIL() << "no error";
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
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

#include "sponsordesk/services/csv_table.h"

#include <csv.h>

#include <algorithm>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/text.h"
#include "sponsordesk/io/input_file.h"

namespace sponsordesk {
namespace {

struct Parser {
    std::vector<std::vector<std::string>> records;
    std::vector<int> lines;
    std::vector<std::string> current;
    int line = 1;         // physical line being read
    int record_line = 1;  // line where the current record started
    bool record_started = false;
};

void on_field(void* data, size_t len, void* p) {
    auto* parser = static_cast<Parser*>(p);
    if (!parser->record_started) {
        parser->record_started = true;
        parser->record_line = parser->line;
    }
    parser->current.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
}

void on_record(int, void* p) {
    auto* parser = static_cast<Parser*>(p);
    if (!parser->record_started) parser->record_line = parser->line;
    parser->records.push_back(std::move(parser->current));
    parser->lines.push_back(parser->record_line);
    parser->current.clear();
    parser->record_started = false;
}

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (a == std::string::npos) return "";
    size_t b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

}  // namespace

std::vector<CsvRow> read_csv(const std::string& path, const std::vector<std::string>& columns) {
    InputFile in(path, kCsvFileMaxBytes, "CSV file");

    csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0)
        throw StorageError({ErrorCode::StorageFailure, "", {}}, "cannot start the CSV parser");
    Parser parser;
    std::string chunk(64 * 1024, '\0');
    bool failed = false;
    while (!failed) {
        size_t n = 0;
        try {
            n = in.read(chunk.data(), chunk.size());
        } catch (...) {
            csv_free(&p);
            throw;
        }
        if (n == 0) break;
        // Feed line by line so that record lines are known.
        size_t start = 0;
        while (start < n) {
            size_t nl = chunk.find('\n', start);
            size_t end = (nl == std::string::npos || nl >= n) ? n : nl + 1;
            if (csv_parse(&p, chunk.data() + start, end - start, on_field, on_record, &parser) != end - start) {
                failed = true;
                break;
            }
            if (end <= n && end > 0 && chunk[end - 1] == '\n') ++parser.line;
            start = end;
        }
    }
    if (!failed && csv_fini(&p, on_field, on_record, &parser) != 0) failed = true;
    if (failed) {
        std::string why = csv_strerror(csv_error(&p));
        csv_free(&p);
        throw InvalidInput({ErrorCode::InvalidFile, "", {}}, fmt::format("CSV file {} is malformed near line {}: {}",
                                                                         quote_value(path), parser.line, why));
    }
    csv_free(&p);

    if (parser.records.empty())
        throw InvalidInput({ErrorCode::InvalidFile, "", {}}, fmt::format("CSV file {} is empty", quote_value(path)));
    std::vector<std::string> header;
    for (const auto& h : parser.records[0]) header.push_back(trim(h));
    auto expected = columns;
    auto got = header;
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    if (expected != got) {
        std::string want;
        for (const auto& c : columns) want += (want.empty() ? "" : ",") + c;
        std::string have;
        for (const auto& c : header) have += (have.empty() ? "" : ",") + c;
        throw InvalidInput({ErrorCode::InvalidFile, "", {}},
                           fmt::format("CSV header {} is not {}", quote_value(have), want));
    }
    std::vector<CsvRow> rows;
    for (size_t r = 1; r < parser.records.size(); ++r) {
        const auto& rec = parser.records[r];
        if (rec.size() == 1 && rec[0].empty()) continue;  // blank line
        if (rec.size() != header.size())
            throw InvalidInput(
                {ErrorCode::InvalidFile, "", {}},
                fmt::format("line {}: {} fields where the header has {}", parser.lines[r], rec.size(), header.size()));
        CsvRow row;
        row.line = parser.lines[r];
        for (size_t c = 0; c < header.size(); ++c) row.fields[header[c]] = trim(rec[c]);
        rows.push_back(std::move(row));
    }
    return rows;
}

namespace {

// The first line (outside quotes) decides: the separator it holds most of.
char detect_separator(std::string_view text) {
    size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        comma += c == ',';
        semicolon += c == ';';
        tab += c == '\t';
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
}

}  // namespace

void rethrow_at_line(const Error& e, int line) {
    ErrorInfo info = e.info();
    info.values["line"] = std::int64_t{line};
    throw_error(e.kind(), std::move(info), fmt::format("line {}: {}", line, e.what()));
}

CsvRecords read_csv_records(const std::string& path) {
    const std::string content = read_input_file(path, kCsvFileMaxBytes, "CSV file");
    std::string_view text(content);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

    // Line by line, so that the line is named; a line break is never part
    // of a multi-byte sequence, so a valid file is valid line by line.
    int line = 1;
    for (size_t start = 0; start < text.size(); ++line) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        if (!text::is_utf8(text.substr(start, end - start)))
            throw InvalidInput({ErrorCode::FileNotUtf8, "csv", {{"path", path}, {"line", std::int64_t{line}}}},
                               fmt::format("CSV file {} is not UTF-8 text (line {}): export it or save it as CSV UTF-8",
                                           quote_value(path), line));
        start = end + 1;
    }

    CsvRecords out;
    out.separator = detect_separator(text);
    csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0)
        throw StorageError({ErrorCode::StorageFailure, "", {}}, "cannot start the CSV parser");
    csv_set_delim(&p, static_cast<unsigned char>(out.separator));
    Parser parser;
    bool failed = false;
    for (size_t start = 0; start < text.size() && !failed;) {
        size_t nl = text.find('\n', start);
        const size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
        if (csv_parse(&p, text.data() + start, end - start, on_field, on_record, &parser) != end - start) {
            failed = true;
            break;
        }
        if (nl != std::string_view::npos) ++parser.line;
        start = end;
    }
    if (!failed && csv_fini(&p, on_field, on_record, &parser) != 0) failed = true;
    if (failed) {
        std::string why = csv_strerror(csv_error(&p));
        csv_free(&p);
        throw InvalidInput(
            {ErrorCode::InvalidFile, "csv", {{"path", path}, {"line", std::int64_t{parser.line}}, {"reason", why}}},
            fmt::format("CSV file {} is malformed near line {}: {}", quote_value(path), parser.line, why));
    }
    csv_free(&p);
    for (size_t r = 0; r < parser.records.size(); ++r) {
        auto& rec = parser.records[r];
        if (rec.size() == 1 && trim(rec[0]).empty()) continue;  // blank line
        for (auto& field : rec) field = trim(field);
        out.records.push_back(std::move(rec));
        out.lines.push_back(parser.lines[r]);
    }
    if (out.records.empty())
        throw InvalidInput({ErrorCode::InvalidFile, "csv", {{"path", path}, {"reason", "empty"}}},
                           fmt::format("CSV file {} is empty", quote_value(path)));
    return out;
}

}  // namespace sponsordesk

#pragma once
// Reads a CSV file (RFC 4180, via libcsv) into rows keyed by a fixed header.
#include <map>
#include <string>
#include <vector>

namespace sponsordesk {

class Error;

struct CsvRow {
    int line = 0;  // line of the file where the record starts (header = 1)
    std::map<std::string, std::string> fields;
    const std::string& operator[](const std::string& column) const { return fields.at(column); }
};

// Throws InvalidInput when the file is malformed, when a row has the wrong
// number of fields, or when the header is not exactly `columns` (in any
// order); NotFound when the file cannot be read.
std::vector<CsvRow> read_csv(const std::string& path, const std::vector<std::string>& columns);

// Re-throws `e` with the CSV line in front ("line 7: …"), keeping its kind
// (exit status), code, field and values; the line joins the values.
[[noreturn]] void rethrow_at_line(const Error& e, int line);

// A CSV file whose header is not fixed (a sending platform's export), read
// as records: a UTF-8 byte order mark is skipped; the separator is the one
// of comma, semicolon and tab that the first line holds most of (French
// Excel writes semicolons); fields are trimmed; blank lines are left out.
struct CsvRecords {
    char separator = ',';
    std::vector<std::vector<std::string>> records;
    std::vector<int> lines;  // the line of the file where each record starts
};
// InvalidInput FileNotUtf8 naming the file and the first line that is not
// UTF-8 (a Latin-1 export), checked before anything is parsed; InvalidFile
// when the CSV is malformed or empty; the errors of InputFile.
CsvRecords read_csv_records(const std::string& path);

}  // namespace sponsordesk

#pragma once
// Reads a CSV file (RFC 4180, via libcsv) into rows keyed by a fixed header.
#include <map>
#include <string>
#include <vector>

namespace sponsordesk {

struct CsvRow {
    int line = 0;  // line of the file where the record starts (header = 1)
    std::map<std::string, std::string> fields;
    const std::string& operator[](const std::string& column) const { return fields.at(column); }
};

// Throws InvalidInput when the file is malformed, when a row has the wrong
// number of fields, or when the header is not exactly `columns` (in any
// order); NotFound when the file cannot be read.
std::vector<CsvRow> read_csv(const std::string& path, const std::vector<std::string>& columns);

}  // namespace sponsordesk

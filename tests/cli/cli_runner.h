#pragma once
// Runs the real sponsordesk-cli binary on a temporary database and captures
// its exit status, stdout and stderr.
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace sponsordesk::test {

struct CliResult {
    int status = -1;
    std::string out;
    std::string err;
};

// Runs sponsordesk-cli with args (no shell: arguments are passed verbatim),
// with $SPONSORDESK_DB unset, $SPONSORDESK_TODAY set to `today` when not
// empty, and stdin from /dev/null.
CliResult run_cli(const std::vector<std::string>& args, const std::string& today = "");

// Runs cli with "--db <db>" prepended.
CliResult run_db(const std::string& db, std::vector<std::string> args, const std::string& today = "");

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);
std::string fingerprint(const std::string& path);  // content hash + size, for "unchanged" checks

}  // namespace sponsordesk::test

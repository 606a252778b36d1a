#pragma once
// Runs the real sponsordesk-cli binary on a temporary database and captures
// its exit status, stdout and stderr.
#include <filesystem>
#include <string>
#include <vector>

#include "test_database.h"
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

// The database a test's file path stands for: the path itself, or, with
// SPONSORDESK_TEST_ENGINE=postgresql, a fresh PostgreSQL database on the
// test server, one per distinct path not yet on disk (made on first use,
// the same for every later use of that path). A path that already exists
// as a file (a backup, a file the test wrote) stays that file.
std::string test_db(const std::string& path);

// Runs cli with "--db <test_db(db)>" prepended.
CliResult run_db(const std::string& db, std::vector<std::string> args, const std::string& today = "");

// `publisher set` arguments for a profile from which invoices can be issued
// under the 2026 French rules: legal name, structured address, SIREN, VAT
// number (its key matches the SIREN), legal form, registry and IBAN.
inline std::vector<std::string> issuing_publisher(const std::string& name = "Éditions du Matin SAS") {
    return {"publisher",      "set",
            "--name",         name,
            "--address-line", "1 rue de la Paix",
            "--postcode",     "75002",
            "--city",         "Paris",
            "--siren",        "732829320",
            "--vat-number",   "FR44732829320",
            "--legal-form",   "SAS",
            "--registry",     "RCS Paris",
            "--iban",         "FR7630006000011234567890189"};
}

// `sponsor add` arguments for a French business that can be invoiced: a
// structured address and its SIREN (Luhn-valid: 552100554, 404833048,
// 443061841, 380129866, 790967368…).
inline std::vector<std::string> issuing_sponsor(const std::string& name, const std::string& siren) {
    return {"sponsor",    "add",   "--name", name,   "--address-line", "2 place Bellecour",
            "--postcode", "69002", "--city", "Lyon", "--siren",        siren};
}

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);
std::string fingerprint(const std::string& path);  // content hash + size, for "unchanged" checks
// Every row of every table of the PostgreSQL database test_db(path) stands
// for, as text: what "unchanged" compares on a server.
std::string server_rows(const std::string& path);

}  // namespace sponsordesk::test

#pragma once
// The command line's shared pieces: context, command registry, value parsing.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk::cli {

struct Context {
    std::string db_path;
    bool json = false;
    std::function<void()> run;  // the chosen command, set by its parse callback

    Database& db();
    // Prints a JSON document (in --json mode) or calls `text` to print lines;
    // nothing once a document went to standard output.
    void emit(const nlohmann::json& doc, const std::function<void()>& text);
    // A path the command writes a document to, returned as given. "-" means
    // standard output and may be given once per command (UsageError for a
    // second); the command's summary is then left out, so that standard
    // output holds the document alone.
    const std::string& output(const std::string& path);

private:
    std::unique_ptr<Database> db_;
    bool document_on_stdout_ = false;
};

// Each cli_*.cpp registers its commands at start-up with REGISTER_COMMANDS.
using Registrar = void (*)(CLI::App& app, Context& ctx);
bool register_commands(Registrar r, int order);
void run_registrars(CLI::App& app, Context& ctx);

#define SPONSORDESK_CONCAT2(a, b) a##b
#define SPONSORDESK_CONCAT(a, b) SPONSORDESK_CONCAT2(a, b)
#define REGISTER_COMMANDS(fn, order) \
    static const bool SPONSORDESK_CONCAT(registered_, __LINE__) = ::sponsordesk::cli::register_commands(fn, order)

// An option taken as text, remembering whether it was given.
struct Given {
    std::string value;
    CLI::Option* option = nullptr;
    bool given() const { return option && option->count() > 0; }
    std::optional<std::string> opt() const { return given() ? std::optional<std::string>(value) : std::nullopt; }
};
using OptionStore = std::vector<std::unique_ptr<Given>>;
OptionStore& option_store();  // lives as long as the program
Given& add(CLI::App* app, OptionStore& store, const std::string& name, const std::string& help);
Given& required(CLI::App* app, OptionStore& store, const std::string& name, const std::string& help);

inline CLI::Option* add_flag(CLI::App* app, const std::string& name, const std::string& help) {
    return app->add_flag(name, help);
}

// Values are taken as text and parsed here, so that a malformed value is
// invalid input (exit 1) naming the value, not a usage error.
long long parse_int(const std::string& field, const std::string& text, long long min, long long max);
Id parse_id(const std::string& field, const std::string& text);
bool parse_yes_no(const std::string& field, const std::string& text);  // yes | no, else InvalidChoice
std::optional<Date> opt_date(const std::string& text);                 // empty → nullopt
std::vector<std::string> split_list(const std::string& text);          // "a, b": each part, spaces trimmed
std::vector<BookingId> parse_booking_ids(const std::string& text);     // "12,13": each a booking id
std::string read_text_file(const std::string& path);                   // NotFound / InvalidInput
// --text or --file, exactly one.
std::string text_or_file(const std::string& text, const std::string& file, bool text_given, bool file_given);

}  // namespace sponsordesk::cli

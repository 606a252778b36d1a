#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/io/input_file.h"
#include "sponsordesk/domain/validation.h"

namespace sponsordesk::cli {

OptionStore& option_store() {
    static OptionStore store;
    return store;
}

Given& add(CLI::App* app, OptionStore& store, const std::string& name, const std::string& help) {
    store.push_back(std::make_unique<Given>());
    store.back()->option = app->add_option(name, store.back()->value, help);
    return *store.back();
}

Given& required(CLI::App* app, OptionStore& store, const std::string& name, const std::string& help) {
    Given& g = add(app, store, name, help);
    g.option->required();
    return g;
}

Database& Context::db() {
    if (!db_) db_ = std::make_unique<Database>(db_path.empty() ? Database::default_path() : db_path);
    return *db_;
}

void Context::emit(const nlohmann::json& doc, const std::function<void()>& text) {
    if (document_on_stdout_) return;
    if (json)
        std::cout << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else
        text();
}

const std::string& Context::output(const std::string& path) {
    if (path != "-") return path;
    if (document_on_stdout_) throw UsageError("only one document can go to standard output (-)");
    document_on_stdout_ = true;
    return path;
}

bool parse_yes_no(const std::string& field, const std::string& text) {
    if (text == "yes") return true;
    if (text == "no") return false;
    throw InvalidInput({ErrorCode::InvalidChoice,
                        validate::field_key(field),
                        {{"value", text}, {"choices", std::vector<std::string>{"yes", "no"}}}},
                       fmt::format("{} {} is not one of yes, no", field, quote_value(text)));
}

long long parse_int(const std::string& field, const std::string& text, long long min, long long max) {
    bool ok = !text.empty() && text.size() <= 18;
    size_t i = 0;
    if (ok && text[0] == '-') i = 1;
    if (i >= text.size()) ok = false;
    for (size_t k = i; ok && k < text.size(); ++k)
        if (text[k] < '0' || text[k] > '9') ok = false;
    if (!ok)
        throw InvalidInput({ErrorCode::NotWholeNumber, validate::field_key(field), {{"value", text}}},
                           fmt::format("{} {} is not a whole number", field, quote_value(text)));
    long long v = std::stoll(text);
    if (v < min || v > max)
        throw InvalidInput(
            {ErrorCode::OutOfRange,
             validate::field_key(field),
             {{"value", text}, {"min", static_cast<std::int64_t>(min)}, {"max", static_cast<std::int64_t>(max)}}},
            fmt::format("{} {} is out of range ({} to {})", field, quote_value(text), min, max));
    return v;
}

Id parse_id(const std::string& field, const std::string& text) {
    return static_cast<Id>(parse_int(field, text, 1, 999999999999LL));
}

std::optional<Date> opt_date(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return Date::parse(text);
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        std::string part = text.substr(start, comma - start);
        while (!part.empty() && part.front() == ' ') part.erase(part.begin());
        while (!part.empty() && part.back() == ' ') part.pop_back();
        parts.push_back(std::move(part));
        start = comma + 1;
    }
    return parts;
}

std::vector<BookingId> parse_booking_ids(const std::string& text) {
    std::vector<BookingId> ids;
    for (const std::string& part : split_list(text)) ids.push_back(BookingId{parse_id("booking id", part)});
    return ids;
}

std::string read_text_file(const std::string& path) { return read_input_file(path, kTextFileMaxBytes, "file"); }

std::string text_or_file(const std::string& text, const std::string& file, bool text_given, bool file_given) {
    if (text_given == file_given) throw UsageError("give exactly one of --text or --file");
    return text_given ? text : read_text_file(file);
}

}  // namespace sponsordesk::cli

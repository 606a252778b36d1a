#include "sponsordesk/drafts/issue_formats.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {

bool is_french(const std::string& language) {
    if (language == "fr") return true;
    if (language == "en") return false;
    throw InvalidInput({ErrorCode::InvalidChoice,
                        "language",
                        {{"value", language}, {"choices", std::vector<std::string>{"fr", "en"}}}},
                       fmt::format("language {} is not supported: use fr or en", quote_value(language)));
}

}  // namespace

std::string format_issue_date(const Date& date, const std::string& language) {
    static const char* const fr_days[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
    static const char* const en_days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static const char* const fr_months[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                            "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    static const char* const en_months[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
    bool fr = is_french(language);
    if (!Date::valid(date.year, date.month, date.day))
        throw InvalidInput({ErrorCode::InvalidDate, "date", {}},
                           fmt::format("issue date {}-{}-{} is not a date", date.year, date.month, date.day));
    int wd = date.weekday();
    if (fr) {
        std::string day = date.day == 1 ? "1er" : std::to_string(date.day);
        return fmt::format("{} {} {} {}", fr_days[wd], day, fr_months[date.month - 1], date.year);
    }
    return fmt::format("{} {} {} {}", en_days[wd], date.day, en_months[date.month - 1], date.year);
}

std::string format_reading_time(int seconds, const std::string& language) {
    bool fr = is_french(language);
    if (seconds < 0)
        throw InvalidInput({ErrorCode::OutOfRange,
                            "reading_time",
                            {{"value", static_cast<std::int64_t>(seconds)}, {"min", std::int64_t{0}}}},
                           fmt::format("reading time {} s is negative", seconds));
    int minutes = seconds / 60, rest = seconds % 60;
    if (minutes == 0) return fmt::format("{} s", rest);
    if (rest == 0) return fmt::format("{} min", minutes);
    return fr ? fmt::format("{} min {:02}", minutes, rest) : fmt::format("{} min {:02} s", minutes, rest);
}

int reading_seconds(int words, int words_per_minute) {
    if (words_per_minute <= 0)
        throw InvalidInput({ErrorCode::OutOfRange,
                            "words_per_minute",
                            {{"value", static_cast<std::int64_t>(words_per_minute)}, {"min", std::int64_t{1}}}},
                           fmt::format("reading speed of {} words per minute must be positive", words_per_minute));
    long long w = words;
    return static_cast<int>((w * 60 + words_per_minute / 2) / words_per_minute);
}

std::string not_approved_marker(const std::string& sponsor, const std::string& language) {
    // French puts a no-break space before the colon.
    if (language == "fr") return "[TEXTE NON VALID\u00C9\u00A0: " + sponsor + "]";
    return "[COPY NOT APPROVED: " + sponsor + "]";
}

}  // namespace sponsordesk

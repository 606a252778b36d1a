#include "sponsordesk/domain/date.h"

#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool digits(const std::string& s, size_t from, size_t count) {
    for (size_t i = from; i < from + count; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

int num(const std::string& s, size_t from, size_t count) {
    int v = 0;
    for (size_t i = from; i < from + count; ++i) v = v * 10 + (s[i] - '0');
    return v;
}

const char* kCodes[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

}  // namespace

int days_in_month(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && leap(year)) return 29;
    return kDays[month - 1];
}

bool Date::valid(int y, int m, int d) {
    return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

Date Date::parse(const std::string& iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !digits(iso, 0, 4) || !digits(iso, 5, 2) ||
        !digits(iso, 8, 2))
        throw InvalidInput({ErrorCode::InvalidDate, "date", {{"value", iso}}},
                           fmt::format("date {} is not valid: write it as YYYY-MM-DD", quote_value(iso)));
    Date d{num(iso, 0, 4), num(iso, 5, 2), num(iso, 8, 2)};
    if (!valid(d.year, d.month, d.day))
        throw InvalidInput({ErrorCode::InvalidDate, "date", {{"value", iso}}},
                           fmt::format("date {} does not exist in the calendar", quote_value(iso)));
    return d;
}

// Days from civil, after Howard Hinnant's public-domain algorithm.
long Date::days() const {
    int y = year - (month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int Date::weekday() const {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    long w = (days() + 3) % 7;
    if (w < 0) w += 7;
    return static_cast<int>(w);
}

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

Date Date::today() {
    if (const char* env = std::getenv("SPONSORDESK_TODAY"); env && *env) return parse(env);
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Month Month::parse(const std::string& text) {
    if (text.size() != 7 || text[4] != '-' || !digits(text, 0, 4) || !digits(text, 5, 2))
        throw InvalidInput({ErrorCode::InvalidDate, "month", {{"value", text}}},
                           fmt::format("month {} is not valid: write it as YYYY-MM", quote_value(text)));
    Month m{num(text, 0, 4), num(text, 5, 2)};
    if (m.year < 1900 || m.month < 1 || m.month > 12)
        throw InvalidInput({ErrorCode::InvalidDate, "month", {{"value", text}}},
                           fmt::format("month {} does not exist", quote_value(text)));
    return m;
}

Date Month::last() const { return Date{year, month, days_in_month(year, month)}; }

std::string Month::iso() const { return fmt::format("{:04}-{:02}", year, month); }

const char* weekday_code(int weekday) { return kCodes[weekday % 7]; }

int parse_weekday_code(const std::string& code) {
    for (int i = 0; i < 7; ++i)
        if (code == kCodes[i]) return i;
    return -1;
}

}  // namespace sponsordesk

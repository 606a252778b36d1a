#pragma once
// Calendar dates (no time of day) and months, ISO-formatted.
#include <compare>
#include <string>

namespace sponsordesk {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    static Date parse(const std::string& iso);  // YYYY-MM-DD, throws InvalidInput
    static bool valid(int y, int m, int d);
    static Date from_days(long days);  // days since 1970-01-01
    static Date today();               // local date; $SPONSORDESK_TODAY overrides (tests)

    long days() const;    // days since 1970-01-01
    int weekday() const;  // 0 = Monday … 6 = Sunday
    Date add_days(long n) const { return from_days(days() + n); }
    std::string iso() const;
    auto operator<=>(const Date&) const = default;
};

struct Month {
    int year = 1970;
    int month = 1;
    static Month parse(const std::string& text);  // YYYY-MM, throws InvalidInput
    Date first() const { return {year, month, 1}; }
    Date last() const;
    std::string iso() const;
};

int days_in_month(int year, int month);

// Weekday names used by cadences: "mon" … "sun".
const char* weekday_code(int weekday);
int parse_weekday_code(const std::string& code);  // -1 when unknown

}  // namespace sponsordesk

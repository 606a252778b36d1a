#include "sponsordesk/domain/holidays.h"

#include <algorithm>

namespace sponsordesk::holidays {

Date easter_sunday(int year) {
    // Meeus/Jones/Butcher: the Gregorian paschal full moon and the Sunday after it.
    const int a = year % 19;
    const int b = year / 100, c = year % 100;
    const int d = b / 4, e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date{year, month, day};
}

std::vector<Date> french_public_holidays(int year) {
    const Date easter = easter_sunday(year);
    std::vector<Date> days = {
        {year, 1, 1},  easter.add_days(1), {year, 5, 1},  {year, 5, 8},   easter.add_days(39), easter.add_days(50),
        {year, 7, 14}, {year, 8, 15},      {year, 11, 1}, {year, 11, 11}, {year, 12, 25},
    };
    // Ascension can fall on 1 or 8 May (2008: 1 May): one day, listed once.
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

bool is_french_public_holiday(const Date& date) {
    const auto days = french_public_holidays(date.year);
    return std::binary_search(days.begin(), days.end(), date);
}

bool known_calendar(const std::string& code) { return code == "fr"; }

bool is_public_holiday(const std::string& calendar, const Date& date) {
    return calendar == "fr" && is_french_public_holiday(date);
}

}  // namespace sponsordesk::holidays

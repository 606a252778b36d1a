#pragma once
// Public holidays that issue planning can skip (issue plan --skip-holidays).
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"

namespace sponsordesk::holidays {

// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
Date easter_sunday(int year);

// The eleven French public holidays of a year, in date order: 1 January,
// Easter Monday, 1 May, 8 May, Ascension (Easter + 39), Whit Monday
// (Easter + 50), 14 July, 15 August, 1 November, 11 November, 25 December.
std::vector<Date> french_public_holidays(int year);
bool is_french_public_holiday(const Date& date);

// The calendars `issue plan --skip-holidays` knows: "fr".
bool known_calendar(const std::string& code);
// Whether `date` is a public holiday of that calendar (false for an unknown one).
bool is_public_holiday(const std::string& calendar, const Date& date);

}  // namespace sponsordesk::holidays

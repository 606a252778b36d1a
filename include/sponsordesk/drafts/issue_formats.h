#pragma once
// Dates and reading times written in a publication's language (fr or en).
#include <string>

#include "sponsordesk/domain/date.h"

namespace sponsordesk {

// "mardi 28 janvier 2025", "mercredi 1er janvier 2025" / "Tuesday 28 January
// 2025". Throws InvalidInput for a language other than fr or en.
std::string format_issue_date(const Date& date, const std::string& language);

// "45 s", "3 min", "3 min 05" (fr) / "3 min 05 s" (en). Throws InvalidInput
// for a negative time or a language other than fr or en.
std::string format_reading_time(int seconds, const std::string& language);
// The marker a booked slot shows while its copy is not approved, in the
// publication's language: "[TEXTE NON VALIDÉ : Acme]", "[COPY NOT APPROVED: Acme]".
std::string not_approved_marker(const std::string& sponsor, const std::string& language);

// Seconds needed to read `words` at `words_per_minute`, rounded to the
// nearest second. Throws InvalidInput when words_per_minute is not positive.
int reading_seconds(int words, int words_per_minute);

}  // namespace sponsordesk

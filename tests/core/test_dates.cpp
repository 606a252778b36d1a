#include <gtest/gtest.h>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/model.h"

using namespace sponsordesk;

TEST(Dates, ParsesRealCalendarDatesOnly) {
    EXPECT_EQ(Date::parse("2026-03-02").iso(), "2026-03-02");
    EXPECT_EQ(Date::parse("2024-02-29").day, 29);
    for (const char* bad :
         {"2026-02-30", "2023-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "26-03-02", "2026/03/02", "2026-3-2",
          "", "2026-03-02T10:00", " 2026-03-02", "abcd-ef-gh", "1800-01-01"})
        EXPECT_THROW(Date::parse(bad), InvalidInput) << bad;
}

TEST(Dates, DayArithmeticAndWeekdays) {
    EXPECT_EQ(Date::parse("1970-01-01").days(), 0);
    EXPECT_EQ(Date::parse("2026-12-31").add_days(1).iso(), "2027-01-01");
    EXPECT_EQ(Date::parse("2024-03-01").add_days(-1).iso(), "2024-02-29");
    EXPECT_EQ(Date::parse("2026-11-29").weekday(), 6);  // a Sunday
    EXPECT_EQ(Date::parse("2026-11-30").weekday(), 0);  // a Monday
    for (long d = -1000; d < 30000; d += 37) EXPECT_EQ(Date::from_days(d).days(), d);
}

TEST(Dates, MonthsAndCadences) {
    EXPECT_EQ(Month::parse("2024-02").last().iso(), "2024-02-29");
    EXPECT_THROW(Month::parse("2024-13"), InvalidInput);
    EXPECT_THROW(Month::parse("2024-2"), InvalidInput);
    EXPECT_EQ(cadence_to_text(cadence_from_text("mon,wed,fri")), "mon,wed,fri");
    EXPECT_THROW(cadence_from_text("mon,funday"), InvalidInput);
    EXPECT_THROW(cadence_from_text(""), InvalidInput);
}

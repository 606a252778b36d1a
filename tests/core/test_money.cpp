#include <gtest/gtest.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/money.h"

using namespace sponsordesk;

TEST(Money, ParsesDotAndCommaDecimals) {
    EXPECT_EQ(parse_amount("1500"), 150000);
    EXPECT_EQ(parse_amount("1500.00"), 150000);
    EXPECT_EQ(parse_amount("1500,5"), 150050);
    EXPECT_EQ(parse_amount("0,05"), 5);
    EXPECT_EQ(parse_amount("0"), 0);
}

TEST(Money, RefusesMalformedAndNegativeAmounts) {
    for (const char* bad : {"", "-1", "1.234", "1,2,3", "1.", ".5", "abc", "1 500", "1e3", "+5",
                            "12345678901234", "１２"}) {
        EXPECT_THROW(parse_amount(bad), InvalidInput) << bad;
    }
}

TEST(Money, FormatsMachineAmounts) {
    EXPECT_EQ(format_amount(150000), "1500.00");
    EXPECT_EQ(format_amount(5), "0.05");
    EXPECT_EQ(format_amount(-1234), "-12.34");
}

TEST(Money, FormatsForPeopleInEachLanguage) {
    EXPECT_EQ(format_money(150050, "EUR", "fr"), "1\u202F500,50\u00A0€");
    EXPECT_EQ(format_money(150050, "EUR", "en"), "€1,500.50");
    EXPECT_EQ(format_money(99, "CHF", "en"), "0.99 CHF");
}

TEST(Money, RatesRoundHalfAwayFromZero) {
    EXPECT_EQ(apply_rate(3333, 2000), 667);    // 666.6 -> 667
    EXPECT_EQ(apply_rate(2, 2500), 1);         // 0.5 -> 1
    EXPECT_EQ(apply_rate(-2, 2500), -1);       // -0.5 -> -1
    EXPECT_EQ(apply_rate(1, 4999), 0);         // 0.4999 -> 0
    EXPECT_EQ(apply_rate(150000, 550), 8250);  // 5.5 % of 1500.00
    EXPECT_EQ(parse_rate("5.5"), 550);
    EXPECT_EQ(format_rate(550), "5.5");
    EXPECT_THROW(parse_rate("101"), InvalidInput);
}

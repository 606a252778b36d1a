#include <utility>

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
    for (const char* bad :
         {"", "-1", "1.234", "1,2,3", "1.", ".5", "abc", "1 500", "1e3", "+5", "12345678901234", "１２"}) {
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

// Issue 9: amounts typed as the French do were refused ("1 500,00 €").
TEST(TypedAmount, FrenchFormsAreAccepted) {
    const AmountStyle fr = amount_style("fr");
    const std::pair<const char*, Minor> cases[] = {{"1 500,00 €", 150000},
                                                   {"1 500", 150000},
                                                   {"1500,5", 150050},
                                                   {"1500", 150000},
                                                   {"1\u00A0500,00\u00A0€", 150000},
                                                   {"1\u202F500,00\u202F€", 150000},
                                                   {"1\u2009500", 150000},
                                                   {"  1500,50  ", 150050},
                                                   {"1500.50", 150050},
                                                   {"1 500 EUR", 150000},
                                                   {"1500eur", 150000},
                                                   {"€ 1 500", 150000},
                                                   {"1 234 567,89", 123456789},
                                                   {"0,05", 5},
                                                   {"0", 0}};
    for (const auto& [typed, minor] : cases) EXPECT_EQ(parse_typed_amount(typed, fr, "EUR"), minor) << typed;
}

TEST(TypedAmount, EnglishFormsAreAccepted) {
    const AmountStyle en = amount_style("en");
    EXPECT_EQ(parse_typed_amount("1,500.00", en, "EUR"), 150000);
    EXPECT_EQ(parse_typed_amount("€1,500", en, "EUR"), 150000);
    EXPECT_EQ(parse_typed_amount("$1500.5", en, "USD"), 150050);
    EXPECT_EQ(parse_typed_amount("1500 USD", en, "USD"), 150000);
    EXPECT_EQ(parse_typed_amount("1 500.25", en, "GBP"), 150025);
}

TEST(TypedAmount, MalformedAmountsAreRefused) {
    const AmountStyle fr = amount_style("fr"), en = amount_style("en");
    for (const char* bad : {"",           " ",          "€",       "-1",    "-1 500", "1,234",          "1,2,3",
                            "1,",         ",5",         "abc",     "15 00", "1 5000", "1  500",         "1 500 ,00",
                            "1 500,00 $", "$1500",      "1500 €€", "1e3",   "+5",     "12345678901234", "１２",
                            "1.500,00",   "1 500 000 0"}) {
        EXPECT_FALSE(parse_typed_amount(bad, fr, "EUR").has_value()) << bad;
    }
    // In English a comma only groups thousands: "1500,5" is a typo, not 15005.
    for (const char* bad : {"1500,5", "1,50", "1,500,00", "1.500.00", "€1500 EUR x"}) {
        EXPECT_FALSE(parse_typed_amount(bad, en, "EUR").has_value()) << bad;
    }
}

TEST(TypedAmount, FormsArePrefilledTheLanguagesWayAndReadBack) {
    const AmountStyle fr = amount_style("fr"), en = amount_style("en");
    EXPECT_EQ(format_typed_amount(150000, fr), "1\u202F500,00");
    EXPECT_EQ(format_typed_amount(150000, en), "1,500.00");
    EXPECT_EQ(format_typed_amount(5, fr), "0,05");
    EXPECT_EQ(format_typed_amount(123456789, en), "1,234,567.89");
    for (Minor m : {Minor{0}, Minor{5}, Minor{99999}, Minor{100000}, Minor{123456789}, Minor{999999999999999}}) {
        EXPECT_EQ(parse_typed_amount(format_typed_amount(m, fr), fr, "EUR"), m) << m;
        EXPECT_EQ(parse_typed_amount(format_typed_amount(m, en), en, "EUR"), m) << m;
        EXPECT_EQ(parse_typed_amount(format_money(m, "EUR", "fr"), fr, "EUR"), m) << m;
        EXPECT_EQ(parse_typed_amount(format_money(m, "EUR", "en"), en, "EUR"), m) << m;
    }
}

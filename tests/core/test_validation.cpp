// Checks on single values, with the findings of the fuzz target fuzz_values
// kept as regression tests.
#include <gtest/gtest.h>

#include <string>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/validation.h"

using namespace sponsordesk;

// Found by fuzz_values: is_utf8 took any lead byte with the right number of
// continuation bytes, so UTF-16 surrogates, overlong forms and code points
// past U+10FFFF were stored in names and notes, and broke the JSON output
// and the desktop app's conversion later.
TEST(Validation, Utf8IsWellFormedUtf8Only) {
    for (const std::string& ok :
         {std::string(""), std::string("Café Crème"), std::string("\xE2\x80\xAF"), std::string("\xF0\x9F\x99\x82"),
          std::string("\xF4\x8F\xBF\xBF"), std::string("\xED\x9F\xBF"), std::string("\xEE\x80\x80")})
        EXPECT_TRUE(validate::is_utf8(ok)) << ok;
    for (const std::string& bad :
         {std::string("\xED\xA0\x80"),      // U+D800, a surrogate
          std::string("\xED\xBF\xBF"),      // U+DFFF
          std::string("\xC0\xAF"),          // overlong '/'
          std::string("\xE0\x80\xAF"),      // overlong '/'
          std::string("\xF0\x80\x80\xAF"),  // overlong '/'
          std::string("\xF4\x90\x80\x80"),  // U+110000
          std::string("\xF5\x80\x80\x80"),  // no such lead byte
          std::string("\xFF"), std::string("\x80"), std::string("Caf\xC3"), std::string("\xE2\x82")})
        EXPECT_FALSE(validate::is_utf8(bad)) << testing::PrintToString(bad);
    EXPECT_THROW(validate::name("sponsor name", "Acme \xED\xA0\x80"), InvalidInput);
    EXPECT_THROW(validate::text("notes", "note \xC0\xAF"), InvalidInput);
}

// Found by fuzz_values: an email address was never checked for UTF-8, so a
// stray byte reached the database and every JSON listing of the contact.
TEST(Validation, EmailMustBeUtf8) {
    EXPECT_EQ(validate::email(" marie@café.example "), "marie@café.example");
    EXPECT_THROW(validate::email("marie@acme.example\xFF"), InvalidInput);
    EXPECT_THROW(validate::email("m\xC0\xAF@acme.example"), InvalidInput);
}

TEST(Validation, IdentifiersAreNormalisedAndChecked) {
    EXPECT_EQ(validate::siren("732 829 320"), "732829320");
    EXPECT_THROW(validate::siren("73282932"), InvalidInput);
    EXPECT_EQ(validate::vat_number("fr 44 732829320"), "FR44732829320");
    EXPECT_EQ(validate::iban("FR76 3000 6000 0112 3456 7890 189"), "FR7630006000011234567890189");
    EXPECT_THROW(validate::iban("FR76 3000 6000 0112 3456 7890 188"), InvalidInput);
    EXPECT_EQ(validate::bic("agrifrppxxx"), "AGRIFRPPXXX");
}

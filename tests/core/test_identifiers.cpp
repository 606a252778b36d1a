// French company identifiers checked by their keys (SIREN, SIRET, VAT),
// postcodes, countries and electronic addresses.
#include <gtest/gtest.h>

#include <string>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/validation.h"

using namespace sponsordesk;

namespace {

// The error a check throws, or a failed test when it throws none.
template <class Fn>
InvalidInput refusal(Fn&& fn) {
    try {
        fn();
    } catch (const InvalidInput& e) {
        return e;
    }
    ADD_FAILURE() << "no InvalidInput";
    return InvalidInput({}, "");
}

}  // namespace

TEST(Identifiers, SirenByLuhnKey) {
    // Registered companies' SIRENs (Luhn-valid), and La Poste's.
    for (const char* ok : {"732829320", "552100554", "542065479", "552032534", "443061841", "383474814", "572015246",
                           "120027016", "130005481", "356000000"}) {
        EXPECT_TRUE(validate::luhn_valid(ok)) << ok;
        EXPECT_EQ(validate::siren(ok), ok);
    }
    EXPECT_EQ(validate::siren(" 732 829 320 "), "732829320");
    EXPECT_EQ(validate::siren(""), "");
    // One digit changed, two digits swapped, the issue's "853123456".
    for (const char* bad : {"732829321", "732829302", "853123456", "812345678", "123456789", "775665019"}) {
        EXPECT_FALSE(validate::luhn_valid(bad)) << bad;
        const auto e = refusal([&] { validate::siren(bad); });
        EXPECT_EQ(e.code(), ErrorCode::InvalidChecksum) << bad;
        EXPECT_EQ(e.field(), "siren");
        EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
    for (const char* malformed : {"73282932", "7328293200", "73282932A", "SIREN"}) {
        const auto e = refusal([&] { validate::siren(malformed); });
        EXPECT_EQ(e.code(), ErrorCode::InvalidFormat) << malformed;
        EXPECT_NE(std::string(e.what()).find(malformed), std::string::npos) << e.what();
    }
}

TEST(Identifiers, AFourteenDigitSirenIsASiretAndSaysSo) {
    const auto e = refusal([] { validate::siren("73282932000074"); });
    EXPECT_EQ(e.code(), ErrorCode::SiretAsSiren);
    EXPECT_EQ(e.field(), "siren");
    EXPECT_EQ(e.text("value"), "73282932000074");
    const std::string what = e.what();
    EXPECT_NE(what.find("73282932000074"), std::string::npos) << what;
    EXPECT_NE(what.find("--siret"), std::string::npos) << what;
    // Even with a wrong key it is named a SIRET: the length says what it is.
    EXPECT_EQ(refusal([] { validate::siren("85312345600011"); }).code(), ErrorCode::SiretAsSiren);
}

TEST(Identifiers, SiretByLuhnKeyAndLaPostesOwnRule) {
    for (const char* ok : {"73282932000074", "73282932000009", "35600000000048" /* La Poste's head office: Luhn */}) {
        EXPECT_TRUE(validate::siret_key_valid(ok)) << ok;
        EXPECT_EQ(validate::siret(ok), ok);
    }
    EXPECT_EQ(validate::siret("732 829 320 00074"), "73282932000074");
    // La Poste's establishments: digits adding up to a multiple of 5, Luhn or not.
    for (const char* ok : {"35600000052135", "35600000010000"}) {
        EXPECT_FALSE(validate::luhn_valid(ok)) << ok;
        EXPECT_EQ(validate::siret(ok), ok);
    }
    // Luhn-valid but not La Poste's rule: refused for that SIREN.
    EXPECT_TRUE(validate::luhn_valid("35600000010013"));
    EXPECT_EQ(refusal([] { validate::siret("35600000010013"); }).code(), ErrorCode::InvalidChecksum);
    for (const char* bad : {"73282932000075", "73282932000047", "85312345600011"}) {
        const auto e = refusal([&] { validate::siret(bad); });
        EXPECT_EQ(e.code(), ErrorCode::InvalidChecksum) << bad;
        EXPECT_EQ(e.field(), "siret");
        EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
    for (const char* malformed : {"732829320", "7328293200007", "7328293200007A"})
        EXPECT_EQ(refusal([&] { validate::siret(malformed); }).code(), ErrorCode::InvalidFormat) << malformed;
}

TEST(Identifiers, SiretBeginsWithTheSiren) {
    validate::siret_of_siren("73282932000074", "732829320");
    validate::siret_of_siren("", "732829320");
    validate::siret_of_siren("73282932000074", "");
    const auto e = refusal([] { validate::siret_of_siren("73282932000074", "552100554"); });
    EXPECT_EQ(e.code(), ErrorCode::SiretOtherSiren);
    EXPECT_EQ(e.field(), "siret");
    EXPECT_EQ(e.text("siren"), "552100554");
    EXPECT_NE(std::string(e.what()).find("73282932000074"), std::string::npos);
}

TEST(Identifiers, FrenchVatKeyTable) {
    // key = (12 + 3 × (SIREN mod 97)) mod 97
    const struct {
        const char* siren;
        int key;
    } table[] = {{"732829320", 44}, {"552100554", 96}, {"542065479", 82}, {"356000000", 39},
                 {"853123456", 63}, {"443061841", 64}, {"000000000", 12}};
    for (const auto& row : table) EXPECT_EQ(validate::french_vat_key(row.siren), row.key) << row.siren;
    for (const char* ok : {"FR44732829320", "FR96552100554", "FR82542065479", "FR39356000000"})
        EXPECT_EQ(validate::vat_number(ok), ok);
    EXPECT_EQ(validate::vat_number("fr 44 732 829 320"), "FR44732829320");
    // The example year's old publisher number, a wrong key, a SIREN that fails its own key.
    for (const char* bad : {"FR40853123456", "FR45732829320", "FR40552100554", "FR32123456789"}) {
        const auto e = refusal([&] { validate::vat_number(bad); });
        EXPECT_EQ(e.code(), ErrorCode::InvalidChecksum) << bad;
        EXPECT_EQ(e.field(), "vat_number");
        EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
    for (const char* malformed : {"FR4473282932", "FRXX732829320", "FR447328293201"})
        EXPECT_EQ(refusal([&] { validate::vat_number(malformed); }).code(), ErrorCode::InvalidFormat) << malformed;
    // Other countries: their shape only.
    EXPECT_EQ(validate::vat_number("DE129273398"), "DE129273398");
    EXPECT_EQ(validate::vat_number("be 0123 456 749"), "BE0123456749");
}

TEST(Identifiers, AFrenchVatNumberCarriesTheSiren) {
    validate::vat_of_siren("FR44732829320", "732829320");
    validate::vat_of_siren("FR44732829320", "");
    validate::vat_of_siren("DE129273398", "732829320");  // a foreign number carries no SIREN
    const auto e = refusal([] { validate::vat_of_siren("FR96552100554", "732829320"); });
    EXPECT_EQ(e.code(), ErrorCode::VatOtherSiren);
    EXPECT_EQ(e.field(), "vat_number");
    EXPECT_EQ(e.text("siren"), "732829320");
    EXPECT_NE(std::string(e.what()).find("FR96552100554"), std::string::npos);
}

TEST(Identifiers, IbanByIso13616) {
    EXPECT_EQ(validate::iban("FR76 3000 6000 0112 3456 7890 189"), "FR7630006000011234567890189");
    EXPECT_EQ(validate::iban("DE89370400440532013000"), "DE89370400440532013000");
    EXPECT_EQ(validate::iban("GB29NWBK60161331926819"), "GB29NWBK60161331926819");
    for (const char* bad : {"FR7630006000011234567890188", "DE89370400440532013001", "GB29NWBK6016133192681"}) {
        const auto e = refusal([&] { validate::iban(bad); });
        EXPECT_EQ(e.code(), ErrorCode::InvalidChecksum) << bad;
        EXPECT_NE(std::string(e.what()).find(bad), std::string::npos);
    }
}

TEST(Identifiers, CountriesAreAssignedIsoCodes) {
    for (const char* ok : {"FR", "de", "US", "GB", "MC", "CH", "re"}) EXPECT_NO_THROW(validate::country(ok)) << ok;
    for (const char* bad : {"XX", "UK", "EL", "ZZ", "FRA", "F", "1A"}) {
        const auto e = refusal([&] { validate::country(bad); });
        EXPECT_EQ(e.field(), "country");
        EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
}

TEST(Identifiers, PostcodesFollowTheCountry) {
    EXPECT_EQ(validate::postcode("75002", "FR"), "75002");
    EXPECT_EQ(validate::postcode(" 98000 ", "MC"), "98000");
    EXPECT_EQ(validate::postcode("97400", "RE"), "97400");
    EXPECT_EQ(validate::postcode("", "FR"), "");
    for (const char* bad : {"7500A", "750021", "7500", "75 002", "SW1A 1AA"}) {
        const auto e = refusal([&] { validate::postcode(bad, "FR"); });
        EXPECT_EQ(e.code(), ErrorCode::InvalidFormat) << bad;
        EXPECT_EQ(e.field(), "postcode");
        EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
    EXPECT_EQ(validate::postcode("sw1a 1aa", "GB"), "SW1A 1AA");
    EXPECT_EQ(validate::postcode("10115", "DE"), "10115");
    EXPECT_EQ(validate::postcode("94105-1234", "US"), "94105-1234");
    EXPECT_EQ(validate::postcode("H3Z 2Y7", "CA"), "H3Z 2Y7");
    for (const char* bad : {"1", "12345678901", "-1234", "10115/2"})
        EXPECT_EQ(refusal([&] { validate::postcode(bad, "DE"); }).field(), "postcode") << bad;
}

TEST(Identifiers, PostalAddressChecksEachPartUnderItsOwnKey) {
    PostalAddress a{" 12 rue des Lilas ", "", "69003", "Lyon", ""};
    const PostalAddress v = validate::postal_address(a);
    EXPECT_EQ(v.line1, "12 rue des Lilas");
    EXPECT_EQ(v.country, "FR");
    a.line1 = "12 rue\x01";
    EXPECT_EQ(refusal([&] { validate::postal_address(a); }).field(), "address_line1");
    a.line1 = "12 rue des Lilas";
    a.line2 = std::string(201, 'x');
    EXPECT_EQ(refusal([&] { validate::postal_address(a); }).field(), "address_line2");
    a.line2 = "";
    a.city = "Ly\non";
    EXPECT_EQ(refusal([&] { validate::postal_address(a); }).field(), "city");
    a.city = "Lyon";
    a.country = "XX";
    EXPECT_EQ(refusal([&] { validate::postal_address(a); }).field(), "country");
    a.country = "FR";
    a.postcode = "69OO3";
    EXPECT_EQ(refusal([&] { validate::postal_address(a); }).field(), "postcode");
}

TEST(Identifiers, ElectronicAddressIsAnEmailOrAKeyedSirenOrSiret) {
    for (const char* ok : {"factures@acme.example", "732829320", "73282932000074", "732829320_FACTURES"})
        EXPECT_EQ(validate::einvoice_address(ok), ok);
    for (const char* bad : {"732829321", "factures@", "not an address", "732829320_", "73282932000075"}) {
        const auto e = refusal([&] { validate::einvoice_address(bad); });
        EXPECT_EQ(e.field(), "einvoice_address") << bad;
        EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
}

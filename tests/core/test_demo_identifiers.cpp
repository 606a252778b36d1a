// The example year carries the data the 2026 invoice rules ask for: valid
// identifiers that agree with each other and structured addresses.
#include <gtest/gtest.h>

#include <set>

#include "sponsordesk/domain/validation.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/demo_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/database.h"

using namespace sponsordesk;

namespace {

// Every check the command line and the forms make, run again on what the
// example year stored (the validators throw naming the bad value).
void expect_valid_identifiers(const std::string& who, const std::string& siren, const std::string& siret,
                              const std::string& vat) {
    SCOPED_TRACE(who);
    EXPECT_NO_THROW(validate::siren(siren));
    EXPECT_NO_THROW(validate::siret(siret));
    EXPECT_NO_THROW(validate::vat_number(vat));
    EXPECT_NO_THROW(validate::siret_of_siren(siret, siren));
    EXPECT_NO_THROW(validate::vat_of_siren(vat, siren));
}

void expect_valid_address(const std::string& who, const PostalAddress& a) {
    SCOPED_TRACE(who);
    EXPECT_FALSE(a.line1.empty());
    EXPECT_FALSE(a.postcode.empty());
    EXPECT_FALSE(a.city.empty());
    EXPECT_NO_THROW(validate::postal_address(a));
}

}  // namespace

TEST(DemoIdentifiers, EverySirenSiretAndVatNumberOfTheExampleYearValidates) {
    Database db(":memory:");
    DemoService(db).fill();

    const Publisher p = CatalogService(db).publisher();
    expect_valid_identifiers("publisher", p.siren, p.siret, p.vat_number);
    EXPECT_EQ(p.vat_number.substr(4), p.siren);  // the publisher's VAT number is its own
    EXPECT_FALSE(p.siret.empty());
    EXPECT_FALSE(p.legal_form.empty());
    EXPECT_GE(p.share_capital, 0);
    EXPECT_FALSE(p.registry.empty());
    EXPECT_NO_THROW(validate::iban(p.iban));
    expect_valid_address("publisher", p.postal);

    SponsorService sponsors(db);
    auto all = sponsors.list("", false);
    const auto archived = sponsors.list("", true);
    all.insert(all.end(), archived.begin(), archived.end());
    ASSERT_EQ(all.size(), 40u);
    int french_businesses = 0, private_persons = 0;
    std::set<std::string> countries;
    for (const Sponsor& s : all) {
        expect_valid_identifiers(s.name, s.siren, s.siret, s.vat_number);
        expect_valid_address(s.name, s.postal);
        EXPECT_EQ(s.postal.country, s.country) << s.name;
        countries.insert(s.country);
        if (!s.business) {
            ++private_persons;
            EXPECT_TRUE(s.siren.empty() && s.vat_number.empty()) << s.name;
        } else if (s.country == "FR") {
            ++french_businesses;
            // A French business buyer's SIREN is mandatory since 2026-09-01.
            EXPECT_FALSE(s.siren.empty()) << s.name;
        }
    }
    EXPECT_GE(private_persons, 2);
    EXPECT_GE(french_businesses, 20);
    EXPECT_GE(countries.size(), 5u);  // foreign addresses with their postcodes too
}

// The publisher profile's 2026 fields through CatalogService: what changes
// is checked, and how it agrees with what stays.
#include <gtest/gtest.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/database.h"

using namespace sponsordesk;

TEST(PublisherProfile, AnOldFilesBadSirenDoesNotBlockAnUnrelatedChangeButIsCheckedAgainstANewVatNumber) {
    Database db(":memory:");
    {
        // As a program that checked lengths only wrote it.
        Publisher old = CatalogRepository(db).publisher();
        old.siren = "853123456";
        CatalogRepository(db).save_publisher(old);
    }
    CatalogService catalog(db);
    PublisherChanges email;
    email.email = "factures@matin.example";
    EXPECT_EQ(catalog.update_publisher(email).email, "factures@matin.example");

    PublisherChanges vat;
    vat.vat_number = "FR44732829320";  // valid, but of another SIREN than the stored one
    try {
        catalog.update_publisher(vat);
        FAIL() << "accepted";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::VatOtherSiren);
        EXPECT_EQ(e.field(), "vat_number");
    }
    EXPECT_EQ(catalog.publisher().vat_number, "");

    PublisherChanges both;
    both.siren = "732829320";
    both.vat_number = "FR44732829320";
    both.siret = "73282932000074";
    const Publisher p = catalog.update_publisher(both);
    EXPECT_EQ(p.siren, "732829320");
    EXPECT_EQ(p.siret, "73282932000074");
}

TEST(PublisherProfile, AddressPartsAreCheckedForTheCountryAndAllOrNothingIsWritten) {
    Database db(":memory:");
    CatalogService catalog(db);
    PublisherChanges c;
    c.address_line1 = "Hauptstraße 5";
    c.postcode = "10115";
    c.city = "Berlin";
    c.country = "de";
    c.legal_form = "GmbH";
    c.share_capital = 2500000;
    const Publisher p = catalog.update_publisher(c);
    EXPECT_EQ(p.postal.country, "DE");
    EXPECT_EQ(p.share_capital, 2500000);

    PublisherChanges bad;
    bad.country = "FR";  // 10115 is a German postcode shape, fine for FR too; letters are not
    bad.postcode = "1O115";
    bad.registry = "RCS Paris";
    EXPECT_THROW(catalog.update_publisher(bad), InvalidInput);
    const Publisher after = catalog.publisher();
    EXPECT_EQ(after.postal.country, "DE");
    EXPECT_EQ(after.postal.postcode, "10115");
    EXPECT_EQ(after.registry, "");

    PublisherChanges negative;
    negative.share_capital = -2;
    EXPECT_THROW(catalog.update_publisher(negative), InvalidInput);
    PublisherChanges none;
    none.share_capital = -1;  // an EI has no capital
    EXPECT_EQ(catalog.update_publisher(none).share_capital, -1);
}

// What issuing requires of seller and buyer, the euro rate, the end-of-month
// rule: the pure rules of services/invoice_rules.h.
#include <gtest/gtest.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/invoice_rules.h"

using namespace sponsordesk;
using namespace sponsordesk::invoice_rules;

namespace {

Publisher complete_publisher() {
    Publisher p;
    p.name = "Média Lettres SAS";
    p.postal = {"3 rue du Croissant", "", "75002", "Paris", "FR"};
    p.siren = "732829320";
    p.vat_number = "FR44732829320";
    p.legal_form = "SAS";
    p.registry = "RCS Paris";
    p.iban = "FR7630006000011234567890189";
    return p;
}

Sponsor french_business() {
    Sponsor s;
    s.name = "Acme";
    s.country = "FR";
    s.postal = {"1 place Bellecour", "", "69002", "Lyon", "FR"};
    s.siren = "552100554";
    return s;
}

Contact billing(const std::string& email) {
    Contact c;
    c.name = "Compta";
    c.email = email;
    c.role = ContactRole::Billing;
    return c;
}

}  // namespace

TEST(InvoiceRules, ACompleteSellerLacksNothing) { EXPECT_TRUE(missing_seller_data(complete_publisher()).empty()); }

TEST(InvoiceRules, AnEmptySellerLacksEveryMandatoryDatumInFormOrder) {
    EXPECT_EQ(missing_seller_data(Publisher{}),
              (std::vector<std::string>{"seller.name", "seller.address_line", "seller.postcode", "seller.city",
                                        "seller.siren", "seller.vat_number", "seller.legal_form", "seller.registry",
                                        "seller.iban"}));
}

TEST(InvoiceRules, UnderTheFranchiseRegimeTheSellerNeedsNoVatNumber) {
    Publisher p = complete_publisher();
    p.vat_number.clear();
    EXPECT_EQ(missing_seller_data(p), std::vector<std::string>{"seller.vat_number"});
    p.vat_regime = VatRegime::Franchise;
    EXPECT_TRUE(missing_seller_data(p).empty());
}

TEST(InvoiceRules, AFrenchBusinessBuyerNeedsItsSirenAPrivatePersonDoesNot) {
    Sponsor s = french_business();
    EXPECT_TRUE(missing_buyer_data(s, {}).empty());
    s.siren.clear();
    // Without a SIREN there is no electronic address to fall back on either.
    EXPECT_EQ(missing_buyer_data(s, {}), (std::vector<std::string>{"buyer.siren", "buyer.einvoice_address"}));
    EXPECT_EQ(missing_buyer_data(s, {billing("compta@acme.fr")}), std::vector<std::string>{"buyer.siren"});
    s.business = false;
    EXPECT_EQ(missing_buyer_data(s, {}), std::vector<std::string>{"buyer.einvoice_address"});
    EXPECT_TRUE(missing_buyer_data(s, {billing("jeanne@example.fr")}).empty());
}

TEST(InvoiceRules, AForeignBuyerNeedsAPostcodeWhereItsCountryHasThem) {
    Sponsor s;
    s.name = "Kaffee";
    s.country = "DE";
    s.postal = {"Unter den Linden 1", "", "", "Berlin", "DE"};
    const std::vector<Contact> contacts = {billing("rechnung@kaffee.de")};
    EXPECT_EQ(missing_buyer_data(s, contacts), std::vector<std::string>{"buyer.postcode"});
    s.country = s.postal.country = "HK";
    s.postal.city = "Hong Kong";
    EXPECT_TRUE(missing_buyer_data(s, contacts).empty());
}

TEST(InvoiceRules, ElectronicAddressesFallBackOnTheSirenThenTheBillingEmail) {
    const Publisher p = complete_publisher();
    EXPECT_EQ(seller_einvoice_address(p).value, "732829320");
    EXPECT_EQ(seller_einvoice_address(p).scheme, "0225");
    Sponsor s = french_business();
    EXPECT_EQ(buyer_einvoice_address(s, {}).scheme, "0225");
    s.country = "BE";
    EXPECT_EQ(buyer_einvoice_address(s, {billing("factures@acme.be")}).value, "factures@acme.be");
    EXPECT_EQ(buyer_einvoice_address(s, {billing("factures@acme.be")}).scheme, "EM");
    s.einvoice_address = "acme@peppol.example";
    EXPECT_EQ(buyer_einvoice_address(s, {billing("factures@acme.be")}).value, "acme@peppol.example");
}

TEST(InvoiceRules, EveryMissingKeyHasEnglishWordsAndTheCommandThatSetsIt) {
    std::vector<std::string> keys = missing_seller_data(Publisher{});
    Sponsor nobody;
    nobody.postal.country = nobody.country = "";
    for (const auto& k : missing_buyer_data(nobody, {})) keys.push_back(k);
    for (const auto& k : keys) {
        const std::string label = english_label(k);
        EXPECT_NE(label, k) << k;
        EXPECT_NE(label.find(" set --"), std::string::npos) << label;
    }
}

TEST(InvoiceRules, AMonthsInvoiceIssuedAfterTheMonthEndedIsNamed) {
    const std::vector<Date> march = {{2026, 3, 3}, {2026, 3, 31}};
    EXPECT_FALSE(month_ended_before(march, {2026, 3, 31}));
    const auto late = month_ended_before(march, {2026, 4, 2});
    ASSERT_TRUE(late);
    EXPECT_EQ(late->iso(), "2026-03");
    // Services of two months: not "a month's invoice".
    EXPECT_FALSE(month_ended_before({{2026, 3, 3}, {2026, 4, 7}}, {2026, 5, 2}));
    EXPECT_FALSE(month_ended_before({}, {2026, 5, 2}));
}

TEST(InvoiceRules, EurRatesAreReadAsMillionthsWithoutFloatingPoint) {
    EXPECT_EQ(parse_eur_rate("0.9235"), 923500);
    EXPECT_EQ(parse_eur_rate("0,9235"), 923500);
    EXPECT_EQ(parse_eur_rate("1"), 1000000);
    EXPECT_EQ(parse_eur_rate("155.123456"), 155123456);
    for (const char* bad : {"", "0", "0.0", "-1", "1.2345678", "1e3", "1.", ".", "1,2,3", "abc", "1 000"}) {
        try {
            parse_eur_rate(bad);
            ADD_FAILURE() << "accepted " << bad;
        } catch (const InvalidInput& e) {
            EXPECT_EQ(e.field(), "eur_rate");
            EXPECT_NE(std::string(e.what()).find(quote_value(bad)), std::string::npos) << e.what();
        }
    }
}

TEST(InvoiceRules, EuroAmountsAreRoundedHalfAwayFromZero) {
    EXPECT_EQ(to_eur(30000, 923500), 27705);  // 300.00 USD × 0.9235
    EXPECT_EQ(to_eur(1, 1500000), 2);         // 0.015 → 0.02
    EXPECT_EQ(to_eur(-1, 1500000), -2);       // credit notes are stored negative
    EXPECT_EQ(to_eur(123456789, 1000000), 123456789);
    EXPECT_EQ(to_eur(99999999999, 999999999999), 99999999998900000);  // no overflow at the limits
}

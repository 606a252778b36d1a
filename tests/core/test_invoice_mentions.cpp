// The wording derived from an invoice's data (invoice_mentions.cpp): one
// place for VAT exemptions, countries, addresses and identifiers, used by
// the PDF, the workbook and the CII XML.
#include <gtest/gtest.h>

#include "facturx_samples.h"

#include <string>
#include <vector>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/invoice_labels.h"

using namespace sponsordesk;
using namespace sponsordesk::test;

TEST(InvoiceMentions, EachCategoryHasItsCodeAndItsLegalWords) {
    EXPECT_EQ(vat_exemption("S", "fr").code, "");
    EXPECT_EQ(vat_exemption("S", "en").reason, "");
    EXPECT_EQ(vat_exemption("AE", "fr").code, "VATEX-EU-AE");
    EXPECT_EQ(vat_exemption("AE", "fr").reason, "Autoliquidation");
    // "Autoliquidation" whatever the language.
    EXPECT_EQ(vat_exemption("AE", "en").reason.rfind("Autoliquidation", 0), 0u);
    EXPECT_EQ(vat_exemption("G", "en").code, "VATEX-EU-G");
    EXPECT_EQ(vat_exemption("E", "fr").code, "VATEX-FR-FRANCHISE");
    EXPECT_EQ(vat_exemption("E", "fr").reason, "TVA non applicable, art. 293 B du CGI");
    // The French words are the legal mention, in English too.
    EXPECT_EQ(vat_exemption("E", "en").reason.rfind("TVA non applicable, art. 293 B du CGI", 0), 0u);
    EXPECT_THROW(vat_exemption("Z", "fr"), InvalidInput);
}

TEST(InvoiceMentions, MentionsFollowTheBreakdownAndTheDebitsOption) {
    EXPECT_TRUE(vat_mentions(fx_french_invoice()).empty());
    EXPECT_EQ(vat_mentions(fx_reverse_charge("fr")), std::vector<std::string>{"Autoliquidation"});
    const auto multi = vat_mentions(fx_multi_rate());
    ASSERT_EQ(multi.size(), 1u);
    EXPECT_EQ(multi[0], "Option pour le paiement de la taxe d'après les débits");
    // A legacy document keeps the mention it was issued with, and only it.
    auto legacy = fx_reverse_charge("fr");
    legacy.legacy = true;
    legacy.vat_mention = "Autoliquidation (2025)";
    EXPECT_EQ(vat_mentions(legacy), std::vector<std::string>{"Autoliquidation (2025)"});
}

TEST(InvoiceMentions, CountriesAddressesAndIdentifiers) {
    EXPECT_EQ(country_name("DE", "fr"), "Allemagne");
    EXPECT_EQ(country_name("DE", "en"), "Germany");
    EXPECT_EQ(country_name("US", "fr"), "États-Unis");
    EXPECT_EQ(country_name("US", "en"), "United States");
    EXPECT_EQ(country_name("FR", "en"), "France");
    EXPECT_EQ(country_name("ZZ", "fr"), "ZZ");  // unknown: the code as given

    const PostalAddress paris{"1 rue de Rivoli", "", "75001", "Paris", "FR"};
    EXPECT_EQ(postal_lines(paris, "fr"), (std::vector<std::string>{"1 rue de Rivoli", "75001 Paris"}));
    EXPECT_EQ(postal_lines(paris, "en", "DE"), (std::vector<std::string>{"1 rue de Rivoli", "75001 Paris", "France"}));
    const PostalAddress sf{"500 Market Street", "Suite 300", "94105", "San Francisco", "US"};
    EXPECT_EQ(postal_lines(sf, "fr"),
              (std::vector<std::string>{"500 Market Street", "Suite 300", "San Francisco 94105", "États-Unis"}));

    EXPECT_EQ(format_siren("732829320"), "732 829 320");
    EXPECT_EQ(format_siret("73282932000074"), "732 829 320 00074");
    EXPECT_EQ(format_siren("73282932000074"), "73282932000074");  // not a SIREN: as given
    EXPECT_EQ(format_siret("ABC"), "ABC");

    InvoiceSeller s;
    s.siren = "732829320";
    s.legal_form = "SAS";
    s.share_capital = 1000000;
    s.registry = "RCS Lyon";
    EXPECT_EQ(seller_legal_line(s, "fr"), "SAS au capital de 10\u202F000\u00A0€ — RCS Lyon 732 829 320");
    EXPECT_EQ(seller_legal_line(s, "en"), "SAS with a share capital of €10,000 — RCS Lyon 732 829 320");
    s.share_capital = 150050;
    EXPECT_EQ(seller_legal_line(s, "en"), "SAS with a share capital of €1,500.50 — RCS Lyon 732 829 320");
    s.legal_form = "EI";
    s.share_capital = -1;
    s.registry = "Dispensé d'immatriculation";
    EXPECT_EQ(seller_legal_line(s, "fr"), "EI — Dispensé d'immatriculation");

    EXPECT_EQ(format_eur_rate(922200, "fr"), "0,9222");
    EXPECT_EQ(format_eur_rate(1084300, "en"), "1.0843");
    EXPECT_EQ(format_eur_rate(2000000, "en"), "2");
}

TEST(InvoiceMentions, ValidationKnowsTheCategories) {
    auto doc = fx_french_invoice();
    doc.lines[0].vat_category = "E";  // franchise category for a seller under the normal regime
    EXPECT_THROW(validate_invoice_document(doc), InvalidInput);
    doc = fx_franchise();
    EXPECT_NO_THROW(validate_invoice_document(doc));
    doc.lines[0] = fx_line("x", {2026, 9, 12}, 40000, 2000);  // a franchise seller charging VAT
    fx_total(doc);
    EXPECT_THROW(validate_invoice_document(doc), InvalidInput);
    doc = fx_french_invoice();
    doc.lines[0] = fx_line("x", {2026, 9, 10}, 150000, 0);  // 0 % standard rate: no exemption named
    fx_total(doc);
    EXPECT_THROW(validate_invoice_document(doc), InvalidInput);
    doc.legacy = true;  // issued so before the categories existed
    EXPECT_NO_THROW(validate_invoice_document(doc));
    doc = fx_french_invoice();
    doc.vat_breakdown[0].vat_category = "AE";  // breakdown and lines disagree on the category
    EXPECT_THROW(validate_invoice_document(doc), InvalidInput);
}

// The 2026 invoice fields in the desktop forms (Preferences' publisher
// profile, the sponsor form): saved through the core, and each refusal
// shown beside the field it concerns, naming the value.
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui_fixture.h"
#include "preferences_dialog.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsors_panel.h"

namespace sponsordesk::gui::test {
namespace {
class InvoiceFieldsForms : public GuiTest {};
}  // namespace

TEST_F(InvoiceFieldsForms, PublisherProfileSavesTheNewFieldsAndShowsEachErrorBesideItsField) {
    OpenWindow();
    PreferencesDialog prefs(frame_, *frame_->db());
    prefs.publisher_field("name")->SetValue(wxS("Éditions du Matin SAS"));
    // The SIRET typed as a SIREN: refused beside the SIREN, naming it.
    prefs.publisher_field("siren")->SetValue(wxS("73282932000074"));
    EXPECT_FALSE(prefs.SavePublisher());
    EXPECT_TRUE(prefs.publisher_error("siren")->IsShown());
    EXPECT_NE(prefs.publisher_error("siren")->GetLabel().Find(wxS("73282932000074")), wxNOT_FOUND)
        << prefs.publisher_error("siren")->GetLabel();
    EXPECT_EQ(CatalogService(*db_).publisher().siren, "");

    prefs.publisher_field("siren")->SetValue(wxS("732829320"));
    prefs.publisher_field("siret")->SetValue(wxS("73282932000075"));
    EXPECT_FALSE(prefs.SavePublisher());
    EXPECT_TRUE(prefs.publisher_error("siret")->IsShown());
    EXPECT_FALSE(prefs.publisher_error("siren")->IsShown());

    prefs.publisher_field("siret")->SetValue(wxS("73282932000074"));
    prefs.publisher_field("postcode")->SetValue(wxS("69OO3"));
    EXPECT_FALSE(prefs.SavePublisher());
    EXPECT_TRUE(prefs.publisher_error("postcode")->IsShown());
    EXPECT_NE(prefs.publisher_error("postcode")->GetLabel().Find(wxS("69OO3")), wxNOT_FOUND);

    prefs.publisher_field("postcode")->SetValue(wxS("69003"));
    prefs.publisher_field("share_capital")->SetValue(wxS("dix mille"));
    EXPECT_FALSE(prefs.SavePublisher());
    EXPECT_TRUE(prefs.publisher_error("share_capital")->IsShown());

    prefs.publisher_field("share_capital")->SetValue(wxS("10000"));
    prefs.publisher_field("address_line1")->SetValue(wxS("12 rue des Lilas"));
    prefs.publisher_field("city")->SetValue(wxS("Lyon"));
    prefs.publisher_field("legal_form")->SetValue(wxS("SAS"));
    prefs.publisher_field("registry")->SetValue(wxS("RCS Lyon"));
    prefs.vat_on_debits_field()->SetValue(true);
    prefs.vat_regime_field()->SetSelection(1);
    EXPECT_TRUE(prefs.PublisherChanged());
    ASSERT_TRUE(prefs.SavePublisher());
    EXPECT_FALSE(prefs.PublisherChanged());
    const Publisher p = CatalogService(*db_).publisher();
    EXPECT_EQ(p.siret, "73282932000074");
    EXPECT_EQ(p.postal.line1, "12 rue des Lilas");
    EXPECT_EQ(p.postal.postcode, "69003");
    EXPECT_EQ(p.postal.city, "Lyon");
    EXPECT_EQ(p.share_capital, 1000000);
    EXPECT_EQ(p.legal_form, "SAS");
    EXPECT_EQ(p.registry, "RCS Lyon");
    EXPECT_TRUE(p.vat_on_debits);
    EXPECT_EQ(p.vat_regime, VatRegime::Franchise);
    // Unticking the option is a change to save.
    prefs.vat_on_debits_field()->SetValue(false);
    EXPECT_TRUE(prefs.PublisherChanged());
}

TEST_F(InvoiceFieldsForms, SponsorFormSavesTheNewFieldsAndShowsEachErrorBesideItsField) {
    OpenWindow();
    frame_->ShowView(kSponsors);
    SponsorsPanel* panel = frame_->sponsors();
    ASSERT_TRUE(panel->SelectSponsor("Acme"));
    Yield();
    panel->field("siren")->SetValue(wxS("552100554"));
    panel->field("vat_number")->SetValue(wxS("FR44732829320"));  // another company's
    EXPECT_FALSE(panel->Save());
    EXPECT_TRUE(panel->field_error("vat_number")->IsShown());
    EXPECT_NE(panel->field_error("vat_number")->GetLabel().Find(wxS("FR44732829320")), wxNOT_FOUND)
        << panel->field_error("vat_number")->GetLabel();

    panel->field("vat_number")->SetValue(wxS("FR96552100554"));
    panel->field("siret")->SetValue(wxS("73282932000074"));  // not of this SIREN
    EXPECT_FALSE(panel->Save());
    EXPECT_TRUE(panel->field_error("siret")->IsShown());
    EXPECT_FALSE(panel->field_error("vat_number")->IsShown());

    panel->field("siret")->SetValue(wxS("55210055400013"));
    panel->field("postcode")->SetValue(wxS("6900A"));
    EXPECT_FALSE(panel->Save());
    EXPECT_TRUE(panel->field_error("postcode")->IsShown());
    EXPECT_EQ(SponsorService(*db_).find_by_name("Acme").value().siren, "");  // nothing written

    panel->field("postcode")->SetValue(wxS("69002"));
    panel->field("address_line1")->SetValue(wxS("3 place Bellecour"));
    panel->field("city")->SetValue(wxS("Lyon"));
    panel->field("buyer_reference")->SetValue(wxS("ACME-MKT"));
    panel->field("einvoice_address")->SetValue(wxS("factures@acme.example"));
    ASSERT_TRUE(panel->Save()) << panel->field_error("name")->GetLabel();
    Sponsor s = SponsorService(*db_).find_by_name("Acme").value();
    EXPECT_EQ(s.siret, "55210055400013");
    EXPECT_EQ(s.postal.line1, "3 place Bellecour");
    EXPECT_EQ(s.postal.postcode, "69002");
    EXPECT_EQ(s.buyer_reference, "ACME-MKT");
    EXPECT_EQ(s.einvoice_address, "factures@acme.example");
    EXPECT_TRUE(s.business);

    panel->business_field()->SetValue(false);
    EXPECT_TRUE(panel->IsDirty());
    ASSERT_TRUE(panel->Save());
    EXPECT_FALSE(SponsorService(*db_).find_by_name("Acme").value().business);
}

}  // namespace sponsordesk::gui::test

// Sponsors: typing into the form, the core's refusal beside the field.
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "../support/test_lookup.h"
#include "gui_fixture.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsors_panel.h"

namespace sponsordesk::gui::test {
namespace {
class Sponsors : public GuiTest {};
}  // namespace

TEST_F(Sponsors, ValidationShownBesideField) {
    OpenWindow();
    frame_->ShowView(kSponsors);
    SponsorsPanel* panel = frame_->sponsors();
    ASSERT_TRUE(panel->SelectSponsor("Acme"));
    Yield();
    wxTextCtrl* siren = panel->field("siren");
    siren->SetFocus();
    siren->SelectAll();
    Yield();
    wxUIActionSimulator sim;
    sim.Text("12345");
    Yield();
    EXPECT_EQ(siren->GetValue(), wxS("12345"));
    ClickOn(wxWindow::FindWindowById(wxID_SAVE, panel));
    Yield();
    wxStaticText* err = panel->field_error("siren");
    EXPECT_TRUE(err->IsShown());
    EXPECT_NE(err->GetLabel().Find(wxS("SIREN")), wxNOT_FOUND) << err->GetLabel();
    EXPECT_EQ(SponsorService(*db_).find_by_name("Acme").value().siren, "");

    siren->SetValue(wxS("732829320"));
    EXPECT_TRUE(panel->Save());
    EXPECT_FALSE(err->IsShown());
    EXPECT_EQ(SponsorService(*db_).find_by_name("Acme").value().siren, "732829320");
}

TEST_F(Sponsors, AddSponsorAndContact) {
    OpenWindow();
    frame_->ShowView(kSponsors);
    SponsorsPanel* panel = frame_->sponsors();
    panel->NewSponsor();
    panel->field("name")->SetValue(wxString::FromUTF8("Éditions Lumière"));
    panel->field("category")->SetValue(wxS("books"));
    ASSERT_TRUE(panel->Save());
    Sponsor s = SponsorService(*db_).find_by_name("Éditions Lumière").value();
    EXPECT_EQ(s.category, "books");
    // Its creative contact, typed into the contact row and added.
    panel->contact_field(0)->SetValue(wxS("Inès Roy"));
    panel->contact_field(1)->SetValue(wxS("ines@lumiere.example"));
    ASSERT_TRUE(panel->AddContact()) << panel->contact_error()->GetLabel();
    const auto contacts = SponsorService(*db_).contacts(SponsorId{s.id});
    ASSERT_EQ(contacts.size(), 1u);
    EXPECT_EQ(contacts[0].name, "Inès Roy");
    EXPECT_EQ(contacts[0].email, "ines@lumiere.example");
    EXPECT_EQ(contacts[0].role, ContactRole::Creative);
    EXPECT_EQ(panel->contact_list()->GetItemCount(), 1);
    EXPECT_EQ(panel->contact_list()->GetItemText(0, 1), wxS("ines@lumiere.example"));
    // A contact without a name is refused beside the contact row.
    panel->contact_field(1)->SetValue(wxS("nobody@lumiere.example"));
    EXPECT_FALSE(panel->AddContact());
    EXPECT_TRUE(panel->contact_error()->IsShown());
    EXPECT_EQ(SponsorService(*db_).contacts(SponsorId{s.id}).size(), 1u);
    // A duplicate name is refused beside the name field.
    panel->NewSponsor();
    panel->field("name")->SetValue(wxS("Acme"));
    EXPECT_FALSE(panel->Save());
    EXPECT_TRUE(panel->field_error("name")->IsShown());
    EXPECT_EQ(SponsorService(*db_).list("", false).size(), 4u);
}

}  // namespace sponsordesk::gui::test

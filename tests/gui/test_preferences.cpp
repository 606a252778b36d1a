// Preferences: publications and placements edited in place, the core's
// refusals (currency once booked, slots below one in use) beside the field.
#include <wx/scrolwin.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/testing.h>
#include <wx/textctrl.h>

#include "../support/test_lookup.h"
#include "catalog_dialogs.h"
#include "gui_fixture.h"
#include "preferences_dialog.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"

namespace sponsordesk::gui::test {
namespace {

class Preferences : public GuiTest {
protected:
    void Book(const std::string& sponsor, const std::string& placement) {
        BookRequest r = test_lookup::book_request(*db_, sponsor, "brief", Date{2026, 3, 10}, placement);
        r.allow_competitor = true;
        BookingService(*db_).book(r);
    }
};

class ExpectPublicationEdit : public wxExpectModalBase<PublicationDialog, ExpectPublicationEdit> {
protected:
    int OnInvoked(PublicationDialog* dlg) const override {
        EXPECT_EQ(dlg->slug_field()->GetValue(), wxS("brief"));
        EXPECT_FALSE(dlg->slug_field()->IsEditable());
        // The publication has a booking priced in EUR: its currency stays.
        dlg->currency_field()->SetValue(wxS("USD"));
        EXPECT_FALSE(dlg->Commit());
        EXPECT_TRUE(dlg->currency_error()->IsShown());
        EXPECT_NE(dlg->currency_error()->GetLabel().Find(wxS("EUR")), wxNOT_FOUND) << dlg->currency_error()->GetLabel();
        EXPECT_FALSE(dlg->name_error()->IsShown());
        // An empty name is refused beside the name.
        dlg->currency_field()->SetValue(wxS("EUR"));
        dlg->name_field()->SetValue(wxString());
        EXPECT_FALSE(dlg->Commit());
        EXPECT_TRUE(dlg->name_error()->IsShown());
        EXPECT_FALSE(dlg->currency_error()->IsShown());
        // Everything else may change.
        dlg->name_field()->SetValue(wxS("Le Brief du Soir"));
        dlg->language_field()->SetSelection(1);
        dlg->cadence_day(5)->SetValue(true);
        dlg->wpm_field()->SetValue(200);
        dlg->deadline_field()->SetValue(5);
        EXPECT_TRUE(dlg->Commit()) << dlg->error_line()->GetLabel();
        return wxID_OK;
    }
};

class ExpectPlacementEdit : public wxExpectModalBase<PlacementDialog, ExpectPlacementEdit> {
protected:
    int OnInvoked(PlacementDialog* dlg) const override {
        EXPECT_EQ(dlg->code_field()->GetValue(), wxS("classified"));
        EXPECT_FALSE(dlg->code_field()->IsEditable());
        EXPECT_EQ(dlg->slots_field()->GetValue(), 3);
        // Slot 2 is booked: the placement cannot offer only one.
        dlg->slots_field()->SetValue(1);
        EXPECT_FALSE(dlg->Commit());
        EXPECT_TRUE(dlg->slots_error()->IsShown());
        EXPECT_NE(dlg->slots_error()->GetLabel().Find(wxS(" 2")), wxNOT_FOUND) << dlg->slots_error()->GetLabel();
        dlg->price_field()->SetValue(wxS("not a price"));
        dlg->slots_field()->SetValue(2);
        EXPECT_FALSE(dlg->Commit());
        EXPECT_TRUE(dlg->price_error()->IsShown());
        EXPECT_FALSE(dlg->slots_error()->IsShown());
        dlg->price_field()->SetValue(wxS("300"));
        dlg->name_field()->SetValue(wxS("Petites annonces"));
        dlg->heading_field()->SetValue(wxS("En bref"));
        dlg->words_field()->SetValue(40);
        dlg->position_field()->SetValue(9);
        dlg->active_field()->SetValue(false);
        EXPECT_TRUE(dlg->Commit()) << dlg->error_line()->GetLabel();
        return wxID_OK;
    }
};

}  // namespace

TEST_F(Preferences, EditPublicationAndPlacement) {
    Book("Acme", "main");
    Book("Bankia", "classified");
    Book("Cafe Noir", "classified");
    OpenWindow();
    auto* dlg = new PreferencesDialog(frame_, *db_);
    PreferencesDialog& prefs = *dlg;
    prefs.Show();
    Yield();

    ASSERT_EQ(prefs.publications_list()->GetItemCount(), 1);
    wxTEST_DIALOG({ EXPECT_TRUE(prefs.EditPublication(0)); }, ExpectPublicationEdit());
    Publication p = CatalogService(*db_).publication("brief");
    EXPECT_EQ(p.name, "Le Brief du Soir");
    EXPECT_EQ(p.language, "en");
    EXPECT_EQ(p.currency, "EUR");
    EXPECT_EQ(p.cadence, 0x3Fu);
    EXPECT_EQ(p.words_per_minute, 200);
    EXPECT_EQ(p.copy_deadline_days, 5);
    EXPECT_EQ(prefs.publications_list()->GetItemText(0), wxS("Le Brief du Soir"));

    long row = -1;
    for (long i = 0; i < prefs.placements_list()->GetItemCount(); ++i)
        if (prefs.placements_list()->GetItemText(i) == wxS("classified")) row = i;
    ASSERT_GE(row, 0);
    wxTEST_DIALOG({ EXPECT_TRUE(prefs.EditPlacement(row)); }, ExpectPlacementEdit());
    Placement pl = CatalogService(*db_).placement(p, "classified");
    EXPECT_EQ(pl.name, "Petites annonces");
    EXPECT_EQ(pl.heading, "En bref");
    EXPECT_EQ(pl.price, 30000);
    EXPECT_EQ(pl.max_words, 40);
    EXPECT_EQ(pl.slots, 2);
    EXPECT_EQ(pl.position, 9);
    EXPECT_FALSE(pl.active);
    // The list shows the edit; the bookings kept their price.
    bool shown = false;
    for (long i = 0; i < prefs.placements_list()->GetItemCount(); ++i)
        shown = shown || prefs.placements_list()->GetItemText(i, 1) == wxS("Petites annonces");
    EXPECT_TRUE(shown);
    BookingQuery q;
    for (const BookingView& v : BookingService(*db_).list(q)) {
        if (v.placement_code == "classified") {
            EXPECT_EQ(v.booking.price, 25000);
        }
    }
    dlg->Destroy();
    Yield();
}

// The wheel over the VAT regime list, while scrolling down the profile,
// scrolls the profile: it does not switch the regime of a user who did not
// click the list.
TEST_F(Preferences, WheelOverAnUnfocusedListScrollsTheFormInstead) {
    OpenWindow();
    auto* dlg = new PreferencesDialog(frame_, *db_);
    dlg->SetSize(wxSize(900, 420));  // the profile needs scrolling
    dlg->Show();
    Yield();
    wxChoice* regime = dlg->vat_regime_field();
    auto* page = dynamic_cast<wxScrolledWindow*>(regime->GetParent());
    ASSERT_NE(page, nullptr);
    dlg->vat_on_debits_field()->SetFocus();  // (which scrolls to it)
    Yield();
    page->Scroll(0, 0);
    Yield();
    const int before = regime->GetSelection();
    ASSERT_EQ(page->GetViewStart().y, 0);
    wxMouseEvent wheel(wxEVT_MOUSEWHEEL);
    wheel.SetEventObject(regime);
    wheel.SetId(regime->GetId());
    wheel.m_wheelRotation = -120;  // down
    wheel.m_wheelDelta = 120;
    wheel.m_linesPerAction = 3;
    wheel.m_wheelAxis = wxMOUSE_WHEEL_VERTICAL;
    regime->GetEventHandler()->ProcessEvent(wheel);
    Yield();
    EXPECT_EQ(regime->GetSelection(), before);
    EXPECT_GT(page->GetViewStart().y, 0) << "the profile scrolled down";
    dlg->Destroy();
    Yield();
}

}  // namespace sponsordesk::gui::test

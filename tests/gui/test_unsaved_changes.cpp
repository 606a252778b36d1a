// wx/stc/stc.h needs narrow-literal conversions (see src/gui/draft_panel.cpp).
#undef wxNO_IMPLICIT_WXSTRING_ENCODING
// No lost work: the draft asks Save / Discard / Cancel on issue switch, view
// switch and quit; Ctrl+S saves it; a recovery copy survives a crash; the
// sponsor form and the publisher profile ask too.
#include <filesystem>

#include <wx/choice.h>
#include <wx/html/htmlwin.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>
#include <wx/testing.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "draft_panel.h"
#include "gui_fixture.h"
#include "preferences_dialog.h"
#include "sponsordesk/drafts/issue_formats.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsors_panel.h"

namespace sponsordesk::gui::test {
namespace {

class Unsaved : public GuiTest {
protected:
    DraftPanel* OpenDraft() {
        OpenWindow();
        frame_->ShowView(kDraft);
        DraftPanel* panel = frame_->draft();
        EXPECT_TRUE(panel->SelectIssue("brief", Date{2026, 3, 3}));
        return panel;
    }
    // What the user does with the issue menu: picks another entry.
    static void PickIssue(DraftPanel* panel, int index) {
        wxChoice* choice = panel->issue_choice();
        choice->SetSelection(index);
        wxCommandEvent e(wxEVT_CHOICE, choice->GetId());
        e.SetEventObject(choice);
        e.SetInt(index);
        choice->ProcessWindowEvent(e);
    }
    std::string DraftOf(int day) { return IssueService(*db_).get("brief", Date{2026, 3, day}).draft; }
};

}  // namespace

TEST_F(Unsaved, DraftAsksOnIssueSwitch) {
    DraftPanel* panel = OpenDraft();
    const int from = panel->issue_choice()->GetSelection();
    panel->editor()->SetText(wxS("Typed and not saved\n"));
    ASSERT_TRUE(panel->IsDirty());

    // Cancel: the same issue, the text still there.
    wxTEST_DIALOG(PickIssue(panel, from + 1), wxExpectModal<wxMessageDialog>(wxID_CANCEL));
    EXPECT_EQ(panel->issue_choice()->GetSelection(), from);
    EXPECT_EQ(panel->editor()->GetText(), wxS("Typed and not saved\n"));
    EXPECT_EQ(DraftOf(3), "");

    // Save: written, then the other issue opens.
    wxTEST_DIALOG(PickIssue(panel, from + 1), wxExpectModal<wxMessageDialog>(wxID_YES));
    EXPECT_EQ(DraftOf(3), "Typed and not saved\n");
    EXPECT_EQ(panel->issue_choice()->GetSelection(), from + 1);
    EXPECT_FALSE(panel->IsDirty());

    // Discard: nothing written, the switch happens.
    panel->editor()->SetText(wxS("Thrown away\n"));
    wxTEST_DIALOG(PickIssue(panel, from), wxExpectModal<wxMessageDialog>(wxID_NO));
    EXPECT_EQ(DraftOf(4), "");
    EXPECT_EQ(panel->issue_choice()->GetSelection(), from);
    EXPECT_EQ(panel->editor()->GetText(), wxS("Typed and not saved\n"));
}

TEST_F(Unsaved, DraftAsksOnViewSwitchAndQuit) {
    DraftPanel* panel = OpenDraft();
    panel->editor()->SetText(wxS("Half an issue\n"));
    wxTEST_DIALOG(frame_->ShowView(kCalendar), wxExpectModal<wxMessageDialog>(wxID_CANCEL));
    EXPECT_EQ(frame_->CurrentView(), kDraft);

    // Quit, then Cancel: the window stays, the text too.
    wxTEST_DIALOG(frame_->Close(), wxExpectModal<wxMessageDialog>(wxID_CANCEL));
    Yield();
    EXPECT_FALSE(frame_->IsBeingDeleted());
    EXPECT_EQ(panel->editor()->GetText(), wxS("Half an issue\n"));
    EXPECT_EQ(DraftOf(3), "");

    // Quit, then Save: written before the window goes.
    wxTEST_DIALOG(frame_->Close(), wxExpectModal<wxMessageDialog>(wxID_YES));
    frame_ = nullptr;  // destroyed by its own close
    Yield();
    EXPECT_EQ(DraftOf(3), "Half an issue\n");
}

TEST_F(Unsaved, CtrlSSavesTheDraftAndTheStatusForgetsItOnTheNextEdit) {
    DraftPanel* panel = OpenDraft();
    panel->editor()->SetFocus();
    Yield();
    wxUIActionSimulator sim;
    sim.Text("Hello");
    Yield();
    ASSERT_EQ(panel->editor()->GetText(), wxS("Hello"));
    sim.Char('s', wxMOD_CONTROL);
    Yield(5);
    EXPECT_EQ(DraftOf(3), "Hello");
    EXPECT_FALSE(panel->IsDirty());
    EXPECT_TRUE(frame_->GetStatusBar()->GetStatusText(0) == _("Draft saved; the previous text is kept as a revision."))
        << frame_->GetStatusBar()->GetStatusText(0);
    sim.Text("!");
    Yield();
    EXPECT_EQ(frame_->GetStatusBar()->GetStatusText(0), wxString());
}

TEST_F(Unsaved, RecoveryCopyOfferedAfterACrash) {
    DraftPanel* panel = OpenDraft();
    panel->editor()->SetText(wxS("Written before the power cut\n"));
    panel->WriteRecovery();
    const std::string copy = panel->RecoveryPath();
    ASSERT_TRUE(std::filesystem::exists(copy)) << copy;
    // A crash: the window goes without any question or save.
    frame_->Destroy();
    frame_ = nullptr;
    Yield();
    EXPECT_EQ(DraftOf(3), "");

    OpenWindow();
    frame_->ShowView(kDraft);
    panel = frame_->draft();
    wxTEST_DIALOG(panel->SelectIssue("brief", Date{2026, 3, 3}), wxExpectModal<wxMessageDialog>(wxID_YES));
    EXPECT_EQ(panel->editor()->GetText(), wxS("Written before the power cut\n"));
    EXPECT_TRUE(panel->IsDirty());
    ASSERT_TRUE(panel->Save());
    EXPECT_EQ(DraftOf(3), "Written before the power cut\n");
    EXPECT_FALSE(std::filesystem::exists(copy));
}

TEST_F(Unsaved, SponsorNotesKeptOnNewSponsor) {
    OpenWindow();
    frame_->ShowView(kSponsors);
    SponsorsPanel* panel = frame_->sponsors();
    ASSERT_TRUE(panel->SelectSponsor("Acme"));
    panel->field("notes")->SetValue(wxS("Pays late, call Camille first"));
    ASSERT_TRUE(panel->IsDirty());
    wxTEST_DIALOG(panel->NewSponsor(), wxExpectModal<wxMessageDialog>(wxID_CANCEL));
    EXPECT_EQ(panel->field("notes")->GetValue(), wxS("Pays late, call Camille first"));
    wxTEST_DIALOG(panel->NewSponsor(), wxExpectModal<wxMessageDialog>(wxID_YES));
    EXPECT_EQ(SponsorService(*db_).find_by_name("Acme")->notes, "Pays late, call Camille first");
    EXPECT_EQ(panel->field("name")->GetValue(), wxString());  // the new sponsor's empty form
}

TEST_F(Unsaved, PublisherProfileAsksOnClose) {
    OpenWindow();
    PreferencesDialog prefs(frame_, *frame_->db());
    prefs.publisher_field("email")->SetValue(wxS("factures@matin.example"));
    // No name: the profile is refused, and Close keeps the dialog open.
    wxTEST_DIALOG(EXPECT_FALSE(prefs.TryClose()), wxExpectModal<wxMessageDialog>(wxID_YES));
    EXPECT_TRUE(prefs.publisher_error("name")->IsShown());
    prefs.publisher_field("name")->SetValue(wxS("Les Éditions du Matin SAS"));
    EXPECT_FALSE(prefs.publisher_error("name")->IsShown());  // the stale error goes with the fix
    ASSERT_TRUE(prefs.PublisherChanged());
    wxTEST_DIALOG(EXPECT_FALSE(prefs.TryClose()), wxExpectModal<wxMessageDialog>(wxID_CANCEL));
    EXPECT_EQ(CatalogService(*db_).publisher().email, "");
    prefs.Show();
    wxTEST_DIALOG(EXPECT_TRUE(prefs.TryClose()), wxExpectModal<wxMessageDialog>(wxID_YES));
    EXPECT_EQ(CatalogService(*db_).publisher().email, "factures@matin.example");
}

// Rendering marks the lines of the warnings in the editor's margin: that is
// no edit. It used to count as one, so a draft with an unknown tag was
// rendered again and again and its recovery copy, put off at every render,
// was never written.
TEST_F(Unsaved, MarkingWarningsIsNoEditAndTheRecoveryCopyIsWritten) {
    DraftPanel* panel = OpenDraft();
    panel->editor()->SetText(wxS("Bonjour {{inconnu}}\n{{slot:PODCAST}}\n"));
    ASSERT_TRUE(panel->IsDirty());
    panel->RenderNow();
    EXPECT_GT(panel->editor()->MarkerNext(0, 1), -1) << "the warnings' lines are marked";
    EXPECT_FALSE(panel->RenderPending());
    // The recovery copy comes 3 s after the last keystroke, renders or not.
    const auto until = wxGetLocalTimeMillis() + 6000;
    while (!std::filesystem::exists(panel->RecoveryPath()) && wxGetLocalTimeMillis() < until) {
        wxMilliSleep(50);
        Yield();
    }
    EXPECT_TRUE(std::filesystem::exists(panel->RecoveryPath())) << panel->RecoveryPath();
}

// The preview is the loaded issue's, even while the issue menu shows another
// one (the question whether to save is open, or was answered Cancel).
TEST_F(Unsaved, PreviewShowsTheLoadedIssueNotTheMenusChoice) {
    DraftPanel* panel = OpenDraft();
    const int from = panel->issue_choice()->GetSelection();
    panel->editor()->SetText(wxS("Date {{issue_date}}\n"));
    panel->issue_choice()->SetSelection(from + 1);  // shown, not loaded
    panel->RenderNow();
    const wxString shown = panel->preview()->ToText();
    EXPECT_NE(shown.Find(wxString::FromUTF8(format_issue_date(Date{2026, 3, 3}, "fr"))), wxNOT_FOUND) << shown;
    EXPECT_EQ(shown.Find(wxString::FromUTF8(format_issue_date(Date{2026, 3, 4}, "fr"))), wxNOT_FOUND) << shown;
}

}  // namespace sponsordesk::gui::test

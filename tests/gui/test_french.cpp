// wx/stc/stc.h needs narrow-literal conversions (see src/gui/draft_panel.cpp).
#undef wxNO_IMPLICIT_WXSTRING_ENCODING
// French UI: the catalogue is loaded, menus and the calendar speak French,
// and booking through the French window writes the same data.
#include <wx/grid.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>
#include <wx/testing.h>

#include "../support/test_lookup.h"
#include "book_dialog.h"
#include "draft_panel.h"
#include "calendar_panel.h"
#include "gui_fixture.h"
#include "gui_util.h"
#include "i18n.h"
#include "sponsordesk/drafts/issue_formats.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/draft_service.h"

namespace sponsordesk::gui::test {
namespace {

class French : public GuiTest {
protected:
    void TearDown() override {
        GuiTest::TearDown();
        SetupTranslations();  // back to the language of the locale the suite runs under
    }
};

class ExpectBookHold : public wxExpectModalBase<BookDialog, ExpectBookHold> {
protected:
    int OnInvoked(BookDialog* dlg) const override {
        EXPECT_EQ(dlg->GetTitle(), wxString::FromUTF8("Réserver un emplacement"));
        EXPECT_TRUE(dlg->SelectSponsor("Cafe Noir"));
        dlg->SetHold(Date{2026, 3, 5});
        return dlg->Commit() ? wxID_OK : wxID_CANCEL;
    }
};

// Copy as HTML on an issue with warnings: the question lists them in French.
class ExpectFrenchCopyQuestion : public wxExpectModalBase<wxMessageDialog, ExpectFrenchCopyQuestion> {
protected:
    int OnInvoked(wxMessageDialog* dlg) const override {
        const wxString message = dlg->GetMessage();
        EXPECT_TRUE(message.StartsWith(wxString::FromUTF8("Ce numéro a 2 avertissements"))) << message;
        EXPECT_NE(message.Find(wxString::FromUTF8("• Ligne 5 : « {{slot:XYZ}} » : cette publication n’a pas "
                                                  "d’emplacement de code « XYZ ».")),
                  wxNOT_FOUND)
            << message;
        EXPECT_EQ(message.Find(wxS("not approved")), wxNOT_FOUND) << message;
        return wxID_NO;
    }
};

}  // namespace

TEST_F(French, MenusAndCalendarInFrench) {
    SetupTranslations(wxLANGUAGE_FRENCH);
    ASSERT_EQ(ui_language(), "fr");
    OpenWindow();
    wxMenuBar* bar = frame_->GetMenuBar();
    EXPECT_EQ(bar->GetMenuLabelText(0), wxS("Fichier"));
    EXPECT_EQ(bar->GetMenuLabelText(2), wxS("Affichage"));
    frame_->ShowView(kCalendar);
    CalendarPanel* cal = frame_->calendar();
    cal->SetMonth(2026, 3);
    EXPECT_EQ(cal->grid()->GetRowLabelValue(0), wxString::FromUTF8("lun. 02/03  #1"));
    EXPECT_NE(cal->grid()->GetColLabelValue(0).Find(wxS("500,00")), wxNOT_FOUND) << cal->grid()->GetColLabelValue(0);

    const int row = cal->IssueRow(Date{2026, 3, 16});
    const int col = cal->SlotColumn("main", 1);
    wxTEST_DIALOG({ cal->BookCell(row, col); }, ExpectBookHold());
    BookingQuery q;
    q.from = q.to = Date{2026, 3, 16};
    auto made = BookingService(*db_).list(q);
    ASSERT_EQ(made.size(), 1u);
    EXPECT_EQ(made[0].sponsor_name, "Cafe Noir");
    EXPECT_EQ(made[0].booking.status, BookingStatus::Hold);
    ASSERT_TRUE(made[0].booking.hold_until.has_value());
    EXPECT_EQ(*made[0].booking.hold_until, (Date{2026, 3, 5}));
}

// The draft's status line used to say "temps de lecture 0 min 22": it now
// writes the reading time as the core does for French ("22 s", "3 min 30").
TEST_F(French, DraftReadingTimeInFrench) {
    SetupTranslations(wxLANGUAGE_FRENCH);
    OpenWindow();
    frame_->ShowView(kDraft);
    DraftPanel* panel = frame_->draft();
    ASSERT_TRUE(panel->SelectIssue("brief", Date{2026, 3, 3}));
    wxString text;
    for (int i = 0; i < 80; ++i) text += wxS("mot ");
    panel->editor()->SetText(text + wxS("\n"));
    panel->RenderNow();
    const RenderedDraft r =
        DraftService(*db_).render("brief", Date{2026, 3, 3}, DraftFormat::Html, utf8(panel->editor()->GetText()));
    ASSERT_LT(r.reading_seconds, 60);
    const wxString label = panel->stats()->GetLabel();
    EXPECT_NE(label.Find(wxS("temps de lecture ") + wx(format_reading_time(r.reading_seconds, "fr"))), wxNOT_FOUND)
        << label;
    EXPECT_EQ(label.Find(wxS("0 min")), wxNOT_FOUND) << label;
}

// Issue 9: draft warnings were the core's English sentences inside a French
// window; the desktop app now words each warning's code itself.
TEST_F(French, DraftWarningsInFrench) {
    SetupTranslations(wxLANGUAGE_FRENCH);
    BookRequest r = test_lookup::book_request(*db_, "Acme", "brief", Date{2026, 3, 3}, "main");
    const BookingId id = BookingService(*db_).book(r).id();
    BookingService(*db_).set_copy(id, "Acme banks you.", std::nullopt);  // received, not approved
    OpenWindow();
    frame_->ShowView(kDraft);
    DraftPanel* panel = frame_->draft();
    ASSERT_TRUE(panel->SelectIssue("brief", Date{2026, 3, 3}));
    panel->editor()->SetText(wxS("# Bonjour\n\n{{slot:main}}\n\n{{slot:XYZ}}\n"));
    panel->RenderNow();
    wxListBox* list = panel->warnings();
    ASSERT_EQ(list->GetCount(), 2u);
    EXPECT_EQ(list->GetString(0),
              wxString::Format(wxString::FromUTF8("Ligne 3 : Le texte de Acme (réservation n° %lld) dans « main » "
                                                  "n’est pas validé (Texte reçu) : un repère est affiché à sa place."),
                               static_cast<long long>(id.value)));
    EXPECT_EQ(list->GetString(1), wxString::FromUTF8("Ligne 5 : « {{slot:XYZ}} » : cette publication n’a pas "
                                                     "d’emplacement de code « XYZ »."));
    EXPECT_NE(panel->stats()->GetLabel().Find(wxS("2 avertissements")), wxNOT_FOUND) << panel->stats()->GetLabel();
    wxTEST_DIALOG(EXPECT_FALSE(panel->CopyAs(static_cast<int>(DraftFormat::Html))), ExpectFrenchCopyQuestion());
}

}  // namespace sponsordesk::gui::test

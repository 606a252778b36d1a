// Bookings: the paged list, copy over the word limit, status buttons.
#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/testing.h>
#include <wx/textctrl.h>

#include "../support/test_lookup.h"
#include "booking_dialog.h"
#include "booking_list_model.h"
#include "bookings_panel.h"
#include "gui_fixture.h"
#include "gui_util.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/issue_service.h"

namespace sponsordesk::gui::test {
namespace {

class Bookings : public GuiTest {
protected:
    Id Book(const std::string& sponsor, const Date& d, const std::string& placement = "main") {
        BookRequest r = test_lookup::book_request(*db_, sponsor, "brief", d, placement);
        r.allow_competitor = true;
        return BookingService(*db_).book(r).booking.id;
    }
};

class ExpectCopyEdit : public wxExpectModalBase<BookingDialog, ExpectCopyEdit> {
protected:
    int OnInvoked(BookingDialog* dlg) const override {
        // Eleven words against a limit of ten: counted live, refused on save.
        dlg->copy_editor()->SetValue(wxS("one two three four five six seven eight nine ten eleven"));
        EXPECT_EQ(dlg->word_count()->GetLabel(), wxString::Format(_("%d / %d words"), 11, 10));
        EXPECT_FALSE(dlg->SaveCopy());
        EXPECT_TRUE(dlg->error_line()->IsShown());
        EXPECT_NE(dlg->error_line()->GetLabel().Find(wxS("11")), wxNOT_FOUND) << dlg->error_line()->GetLabel();
        // Within the limit it is saved.
        dlg->copy_editor()->SetValue(wxS("Try **Acme** today: [ten](https://acme.example) words at most here."));
        EXPECT_TRUE(dlg->SaveCopy()) << dlg->error_line()->GetLabel();
        return wxID_CLOSE;
    }
};

}  // namespace

TEST_F(Bookings, VirtualListPagesSortsAndFilters) {
    // 22 issues × (1 main + 3 classified) = 88 bookings, more than a page would need.
    std::vector<Date> dates;
    for (const Issue& i : IssueService(*db_).list("brief", std::nullopt, std::nullopt)) dates.push_back(i.date);
    const char* who[] = {"Acme", "Bankia", "Cafe Noir"};
    int n = 0;
    for (const Date& d : dates) {
        Book(who[n++ % 3], d);
        for (int s = 0; s < 3; ++s) Book(who[(n + s) % 3], d, "classified");
    }
    OpenWindow();
    frame_->ShowView(kBookings);
    BookingsPanel* panel = frame_->bookings();
    BookingListModel* model = panel->model();
    EXPECT_EQ(model->GetCount(), 88u);

    panel->SortBy(BookingListModel::ColSponsor, false);
    EXPECT_EQ(model->Row(0)->sponsor_name, "Acme");
    panel->SortBy(BookingListModel::ColSponsor, true);
    EXPECT_EQ(model->Row(0)->sponsor_name, "Cafe Noir");

    // Clicking a column header sorts too, by SQL through the model's filter.
    const int x = 70 + 110 + 150 + 140;  // No., Issue date, Publication, Placement (GTK reports 0 until sized)
    Click(panel->list()->GetScreenPosition() + wxPoint(x + 40, 12));
    Yield(5);
    EXPECT_EQ(model->filter().sort, BookingFilter::Sort::Sponsor);
    Click(panel->list()->GetScreenPosition() + wxPoint(x + 40, 12));
    Yield(5);
    EXPECT_TRUE(model->filter().descending);

    panel->SortBy(BookingListModel::ColDate, false);
    EXPECT_EQ(model->Row(0)->issue_date, (Date{2026, 3, 2}));
    panel->SortBy(BookingListModel::ColDate, true);
    EXPECT_EQ(model->Row(0)->issue_date, (Date{2026, 3, 31}));

    panel->sponsor_search()->SetValue(wxS("Bankia"));
    panel->ApplyFilter();
    EXPECT_GT(model->GetCount(), 0u);
    for (unsigned i = 0; i < model->GetCount(); ++i) EXPECT_EQ(model->Row(i)->sponsor_name, "Bankia");

    // Part of a name in any case: every sponsor it matches, not just the first.
    panel->sponsor_search()->SetValue(wxS("NK"));
    panel->ApplyFilter();
    EXPECT_EQ(model->GetCount(), 88u / 3);
    for (unsigned i = 0; i < model->GetCount(); ++i) EXPECT_EQ(model->Row(i)->sponsor_name, "Bankia");
    panel->sponsor_search()->SetValue(wxS("c"));  // Acme and Cafe Noir
    panel->ApplyFilter();
    EXPECT_EQ(model->GetCount(), 88u - 88u / 3);
    panel->sponsor_search()->SetValue(wxS("zzz"));
    panel->ApplyFilter();
    EXPECT_EQ(model->GetCount(), 0u);
}

TEST_F(Bookings, CopyOverWordLimitIsRefused) {
    const Id id = Book("Acme", Date{2026, 3, 12});
    OpenWindow();
    frame_->ShowView(kBookings);
    BookingsPanel* panel = frame_->bookings();
    panel->SelectRow(0);
    ASSERT_EQ(panel->SelectedBooking(), id);
    wxWindow* open = wxWindow::FindWindowByLabel(_("&Open…"), panel);
    ASSERT_NE(open, nullptr);
    wxTEST_DIALOG(
        {
            ClickOn(open);
            Yield(5);
        },
        ExpectCopyEdit());
    BookingView v = BookingService(*db_).get(BookingId{id});
    EXPECT_EQ(v.booking.copy, "Try **Acme** today: [ten](https://acme.example) words at most here.");
    EXPECT_EQ(v.booking.status, BookingStatus::CopyReceived);
}

TEST_F(Bookings, StatusChangeFromButtons) {
    BookRequest r = test_lookup::book_request(*db_, "Cafe Noir", "brief", Date{2026, 3, 13}, "main");
    r.hold_until = Date{2026, 3, 6};
    const Id id = BookingService(*db_).book(r).booking.id;
    OpenWindow();
    frame_->ShowView(kBookings);
    BookingsPanel* panel = frame_->bookings();
    panel->SelectRow(0);
    wxWindow* confirm = wxWindow::FindWindowByLabel(_("&Confirm"), panel);
    ASSERT_NE(confirm, nullptr);
    ASSERT_TRUE(confirm->IsEnabled());
    ClickOn(confirm);
    Yield(5);
    EXPECT_EQ(BookingService(*db_).get(BookingId{id}).booking.status, BookingStatus::Confirmed);

    wxWindow* cancel = wxWindow::FindWindowByLabel(_("Cancel &Booking"), panel);
    ASSERT_NE(cancel, nullptr);
    panel->SelectRow(0);
    wxTEST_DIALOG(
        {
            ClickOn(cancel);
            Yield(5);
        },
        wxExpectModal<wxMessageDialog>(wxYES));
    EXPECT_EQ(BookingService(*db_).get(BookingId{id}).booking.status, BookingStatus::Cancelled);
}

}  // namespace sponsordesk::gui::test

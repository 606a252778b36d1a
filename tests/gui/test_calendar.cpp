// Calendar: book an open slot by clicking it, the competitor override, months.
#include <wx/uiaction.h>
#include <wx/grid.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/testing.h>

#include "../support/test_lookup.h"
#include "book_dialog.h"
#include "calendar_panel.h"
#include "gui_fixture.h"
#include "sponsordesk/services/booking_service.h"

namespace sponsordesk::gui::test {
namespace {

class Calendar : public GuiTest {};

// Answers the booking dialog as a user would: picks a sponsor, presses Book.
class ExpectBook : public wxExpectModalBase<BookDialog, ExpectBook> {
public:
    explicit ExpectBook(std::string sponsor, wxString* refusal = nullptr)
        : sponsor_(std::move(sponsor)), refusal_(refusal) {}

protected:
    int OnInvoked(BookDialog* dlg) const override {
        EXPECT_TRUE(dlg->SelectSponsor(sponsor_));
        const bool booked = dlg->Commit();
        if (refusal_) *refusal_ = booked ? wxString() : dlg->error_line()->GetLabel();
        return booked ? wxID_OK : wxID_CANCEL;
    }

private:
    std::string sponsor_;
    wxString* refusal_;
};

// The override question: records its text, answers `answer` (wxID_YES or wxID_NO).
class ExpectOverrideQuestion : public wxExpectModalBase<wxMessageDialog, ExpectOverrideQuestion> {
public:
    ExpectOverrideQuestion(int answer, wxString* text) : answer_(answer), text_(text) {}

protected:
    int OnInvoked(wxMessageDialog* dlg) const override {
        *text_ = dlg->GetMessage();
        return answer_;
    }

private:
    int answer_;
    wxString* text_;
};

wxPoint CellOnScreen(wxGrid* grid, int row, int col) {
    wxRect r = grid->CellToRect(row, col);
    wxPoint p = grid->CalcScrolledPosition(r.GetPosition()) + wxPoint(r.width / 2, r.height / 2);
    return grid->GetGridWindow()->ClientToScreen(p);
}

std::vector<BookingView> Bookings(Database& db, const Date& d) {
    BookingQuery q;
    q.from = d;
    q.to = d;
    return BookingService(db).list(q);
}

}  // namespace

TEST_F(Calendar, BookOpenSlotFromCalendar) {
    OpenWindow();
    frame_->ShowView(kCalendar);
    CalendarPanel* cal = frame_->calendar();
    cal->SetMonth(2026, 3);
    Yield();
    const int row = cal->IssueRow(Date{2026, 3, 10});
    const int col = cal->SlotColumn("main", 1);
    ASSERT_GE(row, 0);
    ASSERT_GE(col, 0);
    ASSERT_FALSE(cal->Cell(row, col).has_value());

    wxTEST_DIALOG(
        {
            Click(CellOnScreen(cal->grid(), row, col));
            Yield(5);
        },
        ExpectBook("Acme"));

    auto made = Bookings(*db_, Date{2026, 3, 10});
    ASSERT_EQ(made.size(), 1u);
    EXPECT_EQ(made[0].sponsor_name, "Acme");
    EXPECT_EQ(made[0].placement_code, "main");
    EXPECT_EQ(made[0].booking.status, BookingStatus::Confirmed);
    EXPECT_EQ(made[0].booking.price, 150000);
    ASSERT_TRUE(cal->Cell(row, col).has_value());
    EXPECT_EQ(cal->grid()->GetCellValue(row, col), wxS("Acme"));
}

TEST_F(Calendar, CompetitorClashOfferedOverride) {
    BookRequest r = test_lookup::book_request(*db_, "Acme", "brief", Date{2026, 3, 11}, "main");
    BookingService(*db_).book(r);
    OpenWindow();
    frame_->ShowView(kCalendar);
    CalendarPanel* cal = frame_->calendar();
    cal->SetMonth(2026, 3);
    const int row = cal->IssueRow(Date{2026, 3, 11});
    const int col = cal->SlotColumn("classified", 1);

    // First answer "No" to the override: nothing is booked, the reason stays shown.
    // Recognised by the error's type (CompetitorConflict), worded for the window:
    // the competitor named, the CLI's --allow-competitor hint not shown.
    wxString question, refusal;
    wxTEST_DIALOG(
        {
            Click(CellOnScreen(cal->grid(), row, col));
            Yield(5);
        },
        ExpectBook("Bankia", &refusal), ExpectOverrideQuestion(wxID_NO, &question));
    EXPECT_EQ(Bookings(*db_, Date{2026, 3, 11}).size(), 1u);
    EXPECT_NE(question.Find(wxS("Acme")), wxNOT_FOUND) << question;
    EXPECT_NE(question.Find(wxS("bank")), wxNOT_FOUND) << question;
    EXPECT_EQ(question.Find(wxS("--allow")), wxNOT_FOUND) << question;
    EXPECT_NE(refusal.Find(wxS("Acme")), wxNOT_FOUND) << refusal;
    EXPECT_EQ(refusal.Find(wxS("--allow")), wxNOT_FOUND) << refusal;
    wxMilliSleep(800);  // so that the next click is not taken for a double-click

    // Then "Yes": booked with the override recorded.
    wxTEST_DIALOG(
        {
            Click(CellOnScreen(cal->grid(), row, col));
            Yield(5);
        },
        ExpectBook("Bankia"), wxExpectModal<wxMessageDialog>(wxYES));
    auto made = Bookings(*db_, Date{2026, 3, 11});
    ASSERT_EQ(made.size(), 2u);
    EXPECT_EQ(made[1].sponsor_name, "Bankia");
    EXPECT_TRUE(made[1].booking.allow_competitor);
}

TEST_F(Calendar, MonthNavigationAndPublicationFilter) {
    OpenWindow();
    frame_->ShowView(kCalendar);
    CalendarPanel* cal = frame_->calendar();
    cal->SetMonth(2026, 3);
    EXPECT_EQ(cal->grid()->GetNumberRows(), 22);  // weekdays of March 2026
    EXPECT_EQ(cal->grid()->GetNumberCols(), 4);   // main + 3 classifieds
    cal->ShiftMonth(1);
    EXPECT_EQ(cal->month(), 4);
    EXPECT_EQ(cal->grid()->GetNumberRows(), 0);  // nothing planned in April
    cal->ShiftMonth(-13);
    EXPECT_EQ(cal->year(), 2025);
    EXPECT_EQ(cal->month(), 3);
    EXPECT_TRUE(cal->SelectPublication("brief"));
    EXPECT_FALSE(cal->SelectPublication("nope"));
}

// Ctrl+1 … Ctrl+8 switch views from anywhere, the calendar's grid included
// (it took the keys for itself, so they did nothing there).
TEST_F(Calendar, ViewShortcutsWorkWhileTheGridHasTheFocus) {
    OpenWindow();
    frame_->ShowView(kCalendar);
    frame_->Raise();
    frame_->calendar()->grid()->SetFocus();
    Yield(3);
    wxUIActionSimulator sim;
    sim.Char('3', wxMOD_CONTROL);
    Yield(5);
    EXPECT_EQ(frame_->CurrentView(), kCalendar + 1);
}

}  // namespace sponsordesk::gui::test

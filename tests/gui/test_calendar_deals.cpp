// Deals in the calendar (issue 13): several open slots booked at once (a
// selection, or a weekday series) with the total shown first, a booking
// dragged to another date, and the price edited in the booking dialog.
#include <wx/button.h>
#include <wx/grid.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/testing.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "../support/test_lookup.h"
#include "booking_dialog.h"
#include "calendar_panel.h"
#include "gui_fixture.h"
#include "gui_util.h"
#include "multi_book_dialog.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/invoice_service.h"

namespace sponsordesk::gui::test {
namespace {

const Date kTuesdays[] = {{2026, 3, 3}, {2026, 3, 10}, {2026, 3, 17}, {2026, 3, 24}};

class CalendarDeals : public GuiTest {
protected:
    CalendarPanel* OpenCalendar() {
        OpenWindow();
        frame_->ShowView(kCalendar);
        CalendarPanel* cal = frame_->calendar();
        cal->SetMonth(2026, 3);
        Yield();
        return cal;
    }
    wxString Status() { return frame_->GetStatusBar()->GetStatusText(0); }
    BookingView Book(const std::string& sponsor, const Date& d, const std::string& placement,
                     std::optional<Minor> price = std::nullopt) {
        BookRequest r = test_lookup::book_request(*db_, sponsor, "brief", d, placement);
        r.price = price;
        return BookingService(*db_).book(r);
    }
    std::vector<BookingView> All() { return BookingService(*db_).list(BookingQuery{}); }
    void CtrlClick(const wxPoint& at) {
        wxUIActionSimulator sim;
        sim.MouseMove(at);
        Yield(2);
        sim.KeyDown(WXK_CONTROL);
        Yield(2);
        sim.MouseClick();
        Yield(2);
        sim.KeyUp(WXK_CONTROL);
        Yield(2);
    }
};

wxString French(const char* fr, const char* en) { return ui_language() == "fr" ? wxString::FromUTF8(fr) : wx(en); }

wxPoint CellOnScreen(wxGrid* grid, int row, int col) {
    wxRect r = grid->CellToRect(row, col);
    wxPoint p = grid->CalcScrolledPosition(r.GetPosition()) + wxPoint(r.width / 2, r.height / 2);
    return grid->GetGridWindow()->ClientToScreen(p);
}

// The multi-issue booking dialog as a user fills it: what it shows is
// recorded, then the sponsor is picked and Book pressed.
struct MultiSeen {
    std::vector<Date> dates;
    std::vector<wxString> lines;  // the issues as listed
    wxString total, refusal, title;
    bool booked = false;
};

class ExpectMultiBook : public wxExpectModalBase<MultiBookDialog, ExpectMultiBook> {
public:
    ExpectMultiBook(std::string sponsor, MultiSeen* seen, std::function<void(MultiBookDialog*)> fill = {})
        : sponsor_(std::move(sponsor)), seen_(seen), fill_(std::move(fill)) {}

protected:
    int OnInvoked(MultiBookDialog* dlg) const override {
        if (fill_) fill_(dlg);
        for (const Issue& is : dlg->issues()) seen_->dates.push_back(is.date);
        for (unsigned i = 0; i < dlg->issue_list()->GetCount(); ++i)
            seen_->lines.push_back(dlg->issue_list()->GetString(i));
        seen_->total = dlg->total_line()->GetLabel();
        seen_->title = dlg->GetTitle();
        EXPECT_EQ(dlg->issue_list()->GetCount(), dlg->issues().size());
        EXPECT_TRUE(dlg->SelectSponsor(sponsor_));
        seen_->booked = dlg->Commit();
        if (!seen_->booked) seen_->refusal = dlg->error_line()->GetLabel();
        return seen_->booked ? wxID_OK : wxID_CANCEL;
    }

private:
    std::string sponsor_;
    MultiSeen* seen_;
    std::function<void(MultiBookDialog*)> fill_;
};

// A message box: its text recorded, answered `answer`.
class ExpectMessage : public wxExpectModalBase<wxMessageDialog, ExpectMessage> {
public:
    ExpectMessage(int answer, wxString* text) : answer_(answer), text_(text) {}

protected:
    int OnInvoked(wxMessageDialog* dlg) const override {
        *text_ = dlg->GetMessage();
        return answer_;
    }

private:
    int answer_;
    wxString* text_;
};

}  // namespace

// The issue's test: four Tuesdays Ctrl+clicked in the calendar and booked at
// once; the dialog lists them and shows 4 × the price before booking.
TEST_F(CalendarDeals, BookFourTuesdaysAtOnce) {
    CalendarPanel* cal = OpenCalendar();
    const int col = cal->SlotColumn("main", 1);
    for (const Date& d : kTuesdays) CtrlClick(CellOnScreen(cal->grid(), cal->IssueRow(d), col));
    const auto selected = cal->SelectedCells();
    ASSERT_EQ(selected.size(), 4u);
    for (size_t i = 0; i < 4; ++i) EXPECT_EQ(selected[i], std::make_pair(cal->IssueRow(kTuesdays[i]), col));
    EXPECT_TRUE(All().empty());  // selecting books nothing

    MultiSeen seen;
    wxTEST_DIALOG(
        {
            EXPECT_TRUE(cal->BookSelection());
            Yield();
        },
        ExpectMultiBook("Acme", &seen));
    ASSERT_TRUE(seen.booked) << seen.refusal;
    EXPECT_EQ(seen.dates, std::vector<Date>(std::begin(kTuesdays), std::end(kTuesdays)));
    // 4 × 1 500,00 € = 6 000,00 €, in the UI language's words and format.
    EXPECT_EQ(seen.total, wxString::Format(French("Total : %d numéros × %s = %s", "Total: %d issues × %s = %s"), 4,
                                           format_money_ui(150000, "EUR"), format_money_ui(600000, "EUR")));

    const auto made = All();
    ASSERT_EQ(made.size(), 4u);
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(made[i].issue_date, kTuesdays[i]);
        EXPECT_EQ(made[i].sponsor_name, "Acme");
        EXPECT_EQ(made[i].placement_code, "main");
        EXPECT_EQ(made[i].booking.price, 150000);
        EXPECT_EQ(made[i].booking.status, BookingStatus::Confirmed);
        EXPECT_TRUE(cal->grid()->GetCellValue(cal->IssueRow(kTuesdays[i]), col).EndsWith(wxS("Acme")));
    }
    EXPECT_EQ(Status(), French("4 réservations faites.", "4 bookings made."));
}

// A weekday series over a period: the core's --every selection previewed,
// a price typed the locale's way, the total following it.
TEST_F(CalendarDeals, BookSeriesOfTuesdaysWithTypedPrice) {
    CalendarPanel* cal = OpenCalendar();
    MultiSeen seen;
    wxTEST_DIALOG(
        {
            EXPECT_TRUE(cal->BookSeries());
            Yield();
        },
        ExpectMultiBook("Cafe Noir", &seen, [](MultiBookDialog* dlg) {
            EXPECT_TRUE(dlg->series());
            EXPECT_TRUE(dlg->issues().empty());  // no weekday ticked yet
            EXPECT_FALSE(dlg->book_button()->IsEnabled());
            EXPECT_TRUE(dlg->SelectPlacement("classified"));
            dlg->SetPeriod(Date{2026, 3, 2}, Date{2026, 3, 27});
            dlg->SetWeekdays(1u << 1);  // Tuesday
            dlg->price_field()->SetValue(French("312,5", "312.5"));
        }));
    ASSERT_TRUE(seen.booked) << seen.refusal;
    EXPECT_EQ(seen.dates, std::vector<Date>(std::begin(kTuesdays), std::end(kTuesdays)));
    EXPECT_EQ(seen.total, wxString::Format(French("Total : %d numéros × %s = %s", "Total: %d issues × %s = %s"), 4,
                                           format_money_ui(31250, "EUR"), format_money_ui(125000, "EUR")));
    const auto made = All();
    ASSERT_EQ(made.size(), 4u);
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(made[i].issue_date, kTuesdays[i]);
        EXPECT_EQ(made[i].placement_code, "classified");
        EXPECT_EQ(made[i].booking.price, 31250);
    }
}

// One Tuesday already taken: a series over the period is refused whole, the
// refusal naming the date and the reason in the user's language; a selection
// leaves the taken cell out.
TEST_F(CalendarDeals, OneRefusedDateBooksNothing) {
    Book("Cafe Noir", kTuesdays[2], "main");
    CalendarPanel* cal = OpenCalendar();
    const auto before = All();
    MultiSeen refused;
    wxTEST_DIALOG(cal->BookSeries(), ExpectMultiBook("Acme", &refused, [](MultiBookDialog* dlg) {
                      EXPECT_TRUE(dlg->SelectPlacement("main"));
                      dlg->SetPeriod(Date{2026, 3, 1}, Date{2026, 3, 25});
                      dlg->SetWeekdays(1u << 1);
                  }));
    EXPECT_FALSE(refused.booked);
    EXPECT_EQ(refused.dates, std::vector<Date>(std::begin(kTuesdays), std::end(kTuesdays)));
    // The full issue is marked in the list before booking.
    ASSERT_EQ(refused.lines.size(), 4u);
    EXPECT_EQ(refused.lines[2],
              wxString::Format(French("mar. %s — numéro %d  — complet", "Tue %s — issue #%d  — no open slot"),
                               format_date(kTuesdays[2]), 12));
    EXPECT_EQ(refused.lines[1].Find(French("complet", "no open slot")), wxNOT_FOUND);
    EXPECT_EQ(refused.refusal,
              wxString::Format(French("Rien n’a été réservé : cette date ne peut pas être réservée : %s (%s).",
                                      "Nothing was booked: this date cannot be booked: %s (%s)."),
                               format_date(kTuesdays[2]), French("emplacement pris", "slot taken")));
    const auto after = All();
    ASSERT_EQ(after.size(), before.size());
    EXPECT_EQ(after[0].booking.id, before[0].booking.id);

    // The taken Tuesday selected with the others is not open: left out.
    const int col = cal->SlotColumn("main", 1);
    for (const Date& d : kTuesdays) cal->grid()->SelectBlock(cal->IssueRow(d), col, cal->IssueRow(d), col, true);
    MultiSeen seen;
    wxTEST_DIALOG(cal->BookSelection(), ExpectMultiBook("Acme", &seen));
    EXPECT_EQ(seen.dates, (std::vector<Date>{kTuesdays[0], kTuesdays[1], kTuesdays[3]}));
    EXPECT_TRUE(seen.booked) << seen.refusal;
    EXPECT_EQ(All().size(), 4u);
}

// The issue's test: a booking dragged to another date keeps its id, price,
// copy and status; the calendar shows it in its new cell.
TEST_F(CalendarDeals, DragBookingToAnotherDate) {
    const BookingView b = Book("Acme", kTuesdays[0], "main", 120000);
    BookingService(*db_).set_copy(b.id(), "Savings for everyone", std::nullopt);
    CalendarPanel* cal = OpenCalendar();
    const int col = cal->SlotColumn("main", 1);
    const int from = cal->IssueRow(kTuesdays[0]), to = cal->IssueRow(Date{2026, 3, 12});

    wxString question;
    wxTEST_DIALOG(EXPECT_TRUE(cal->MoveBooking(from, col, to, col)), ExpectMessage(wxID_YES, &question));
    EXPECT_NE(question.Find(wxS("Acme")), wxNOT_FOUND) << question;
    EXPECT_NE(question.Find(format_date(kTuesdays[0])), wxNOT_FOUND) << question;
    EXPECT_NE(question.Find(format_date(Date{2026, 3, 12})), wxNOT_FOUND) << question;
    EXPECT_TRUE(question.StartsWith(French("Déplacer la réservation de Acme", "Move the booking of Acme"))) << question;

    const auto all = All();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].booking.id, b.booking.id);
    EXPECT_EQ(all[0].issue_date, (Date{2026, 3, 12}));
    EXPECT_EQ(all[0].placement_code, "main");
    EXPECT_EQ(all[0].booking.price, 120000);
    EXPECT_EQ(all[0].booking.copy, "Savings for everyone");
    EXPECT_EQ(all[0].booking.status, BookingStatus::CopyReceived);
    EXPECT_FALSE(cal->Cell(from, col).has_value());
    ASSERT_TRUE(cal->Cell(to, col).has_value());
    EXPECT_EQ(cal->Cell(to, col)->booking.id, b.booking.id);

    // Answering no to the question leaves it where it is.
    wxTEST_DIALOG(EXPECT_FALSE(cal->MoveBooking(to, col, from, col)), wxExpectModal<wxMessageDialog>(wxID_NO));
    EXPECT_EQ(All()[0].issue_date, (Date{2026, 3, 12}));
}

// A drop on a taken cell is refused before anything is asked; a move the
// core refuses (the booking is invoiced) shows its reason; nothing changes.
TEST_F(CalendarDeals, RefusedMovesChangeNothing) {
    const BookingView acme = Book("Acme", kTuesdays[0], "main");
    Book("Cafe Noir", kTuesdays[1], "main");
    CalendarPanel* cal = OpenCalendar();
    const int col = cal->SlotColumn("main", 1);
    const int from = cal->IssueRow(kTuesdays[0]);
    const auto before = All();

    EXPECT_FALSE(cal->MoveBooking(from, col, cal->IssueRow(kTuesdays[1]), col));  // no dialog expected
    EXPECT_NE(Status().Find(wxS("Cafe Noir")), wxNOT_FOUND) << Status();
    EXPECT_TRUE(Status().StartsWith(French("Non déplacée", "Not moved"))) << Status();
    EXPECT_EQ(All().size(), before.size());
    EXPECT_EQ(All()[0].issue_date, kTuesdays[0]);
    EXPECT_EQ(All()[1].issue_date, kTuesdays[1]);

    InvoiceService(*db_).create_for_bookings(test_lookup::sponsor_id(*db_, "Acme"), {acme.id()});
    wxString refusal;
    wxTEST_DIALOG(EXPECT_FALSE(cal->MoveBooking(from, col, cal->IssueRow(Date{2026, 3, 5}), col)),
                  wxExpectModal<wxMessageDialog>(wxID_YES), ExpectMessage(wxID_OK, &refusal));
    EXPECT_TRUE(refusal.StartsWith(
        wxString::Format(French("La réservation %lld figure sur la facture", "Booking %lld is on invoice"),
                         static_cast<long long>(acme.booking.id))))
        << refusal;
    EXPECT_EQ(All()[0].issue_date, kTuesdays[0]);
    EXPECT_TRUE(cal->Cell(from, col).has_value());
}

// The mouse path: press on a booking, drag past the threshold, release on an
// open cell, answer the question.
TEST_F(CalendarDeals, DragWithTheMouse) {
    const BookingView b = Book("Acme", kTuesdays[0], "main");
    CalendarPanel* cal = OpenCalendar();
    const int col = cal->SlotColumn("main", 1);
    const wxPoint from = CellOnScreen(cal->grid(), cal->IssueRow(kTuesdays[0]), col);
    const wxPoint to = CellOnScreen(cal->grid(), cal->IssueRow(Date{2026, 3, 6}), cal->SlotColumn("classified", 2));
    wxString question;
    wxTEST_DIALOG(
        {
            wxUIActionSimulator sim;
            sim.MouseMove(from);
            Yield();
            sim.MouseDown();
            Yield();
            for (int step = 1; step <= 8; ++step) {
                sim.MouseMove(from + (to - from) * step / 8);
                Yield(2);
            }
            EXPECT_TRUE(cal->Dragging());
            sim.MouseUp();
            Yield(6);
        },
        ExpectMessage(wxID_YES, &question));
    EXPECT_FALSE(cal->Dragging());
    const auto all = All();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].booking.id, b.booking.id);
    EXPECT_EQ(all[0].issue_date, (Date{2026, 3, 6}));
    EXPECT_EQ(all[0].placement_code, "classified");
    EXPECT_EQ(all[0].booking.price, 150000);         // the agreed price travels with it
    EXPECT_TRUE(cal->SelectedCells().size() <= 1u);  // a drag of a booking selects nothing
}

// The price in the booking dialog: typed the locale's way and saved through
// the core; an unsaved change is asked about on close; refused once invoiced.
TEST_F(CalendarDeals, PriceEditedInBookingDialog) {
    const BookingView b = Book("Acme", kTuesdays[0], "main");
    OpenWindow();
    {
        BookingDialog dlg(frame_, *db_, b.booking.id);
        ASSERT_TRUE(dlg.price_field()->IsEnabled());
        EXPECT_EQ(dlg.price_field()->GetValue(), format_amount_ui(150000));
        EXPECT_FALSE(dlg.HasUnsavedPrice());
        dlg.price_field()->SetValue(French("1 234,5", "1,234.5"));
        EXPECT_TRUE(dlg.HasUnsavedPrice());
        ASSERT_TRUE(dlg.SavePrice()) << dlg.price_error()->GetLabel();
        EXPECT_EQ(BookingService(*db_).get(b.id()).booking.price, 123450);
        EXPECT_EQ(dlg.price_field()->GetValue(), format_amount_ui(123450));
        EXPECT_FALSE(dlg.HasUnsavedPrice());

        // Not an amount: said beside the field, nothing saved.
        dlg.price_field()->SetValue(wxS("abc"));
        EXPECT_FALSE(dlg.SavePrice());
        EXPECT_TRUE(dlg.price_error()->IsShown());
        EXPECT_EQ(BookingService(*db_).get(b.id()).booking.price, 123450);

        // Closing with a typed price asks; Save saves it.
        dlg.price_field()->SetValue(French("1100", "1100"));
        wxString question;
        wxTEST_DIALOG(EXPECT_TRUE(dlg.TryClose()), ExpectMessage(wxID_YES, &question));
        EXPECT_NE(question.Find(French("prix", "price")), wxNOT_FOUND) << question;
        EXPECT_EQ(BookingService(*db_).get(b.id()).booking.price, 110000);
    }
    {
        // Invoiced while the dialog is open: the core refuses the change.
        BookingDialog dlg(frame_, *db_, b.booking.id);
        InvoiceService(*db_).create_for_bookings(test_lookup::sponsor_id(*db_, "Acme"), {b.id()});
        dlg.price_field()->SetValue(French("900", "900"));
        EXPECT_FALSE(dlg.SavePrice());
        EXPECT_NE(dlg.price_error()->GetLabel().Find(French("facture", "invoice")), wxNOT_FOUND)
            << dlg.price_error()->GetLabel();
        EXPECT_EQ(BookingService(*db_).get(b.id()).booking.price, 110000);
    }
    {
        // Opened once invoiced: the field is disabled, with the reason.
        BookingDialog dlg(frame_, *db_, b.booking.id);
        EXPECT_FALSE(dlg.price_field()->IsEnabled());
        EXPECT_FALSE(dlg.save_price_button()->IsEnabled());
        EXPECT_NE(dlg.price_note()->GetLabel().Find(French("facture", "invoice")), wxNOT_FOUND)
            << dlg.price_note()->GetLabel();
        EXPECT_EQ(dlg.price_field()->GetToolTipText(), dlg.price_note()->GetLabel());
        EXPECT_FALSE(dlg.HasUnsavedPrice());
    }
}

}  // namespace sponsordesk::gui::test

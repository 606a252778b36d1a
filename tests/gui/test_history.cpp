// The History tab of a booking, a sponsor and an invoice: the activity log's
// rows of that object, newest first, read-only, dates in the user's format.
#include <wx/listctrl.h>
#include <wx/notebook.h>

#include "../support/test_lookup.h"
#include "booking_dialog.h"
#include "gui_fixture.h"
#include "gui_util.h"
#include "history_list.h"
#include "invoices_panel.h"
#include "main_frame.h"
#include "sponsors_panel.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/team_service.h"

namespace sponsordesk::gui::test {
namespace {

class History : public GuiTest {
protected:
    BookingView Book(const std::string& sponsor, const Date& d) {
        return BookingService(*db_).book(test_lookup::book_request(*db_, sponsor, "brief", d, "main"));
    }

    // The notebook page titled "History" (in the UI language), or null.
    static wxWindow* HistoryPage(wxNotebook* tabs) {
        for (size_t i = 0; i < tabs->GetPageCount(); ++i)
            if (tabs->GetPageText(i) == _("History")) return tabs->GetPage(i);
        return nullptr;
    }

    static wxString Cell(wxListCtrl* list, long row, int column) { return list->GetItemText(row, column); }
};

}  // namespace

TEST_F(History, ABookingShowsItsCreationInItsHistoryTab) {
    const BookingView b = Book("Acme", Date{2026, 3, 3});
    OpenWindow();
    BookingDialog dlg(frame_, *db_, b.booking.id);
    ASSERT_NE(dlg.tabs(), nullptr);
    wxWindow* page = HistoryPage(dlg.tabs());
    ASSERT_NE(page, nullptr) << "no History tab";
    auto* list = dynamic_cast<wxListCtrl*>(page);
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->GetItemCount(), 1);
    const ActivityEntry row = TeamService(*db_).activity({}, 1).front();
    EXPECT_EQ(Cell(list, 0, 0), format_timestamp(row.at));  // local time, the user's date format
    EXPECT_EQ(Cell(list, 0, 1), wx(db_->user()));
    EXPECT_EQ(Cell(list, 0, 2), wxS("book"));
    EXPECT_NE(Cell(list, 0, 3).Find(wxS("Acme, brief 2026-03-03 main slot 1")), wxNOT_FOUND) << Cell(list, 0, 3);

    // A change made in the dialog shows on top at once.
    ASSERT_TRUE(dlg.ChangeStatus(BookingStatus::Cancelled));
    ASSERT_EQ(list->GetItemCount(), 2);
    EXPECT_EQ(Cell(list, 0, 2), wxS("booking status"));
    EXPECT_EQ(Cell(list, 1, 2), wxS("book"));
    // Read-only: no label editing.
    EXPECT_FALSE(list->HasFlag(wxLC_EDIT_LABELS));
}

TEST_F(History, ASponsorAndAnInvoiceShowTheirHistory) {
    Book("Acme", Date{2026, 3, 3});
    const Id draft =
        InvoiceService(*db_)
            .create_for_bookings(test_lookup::sponsor_id(*db_, "Acme"), {BookingService(*db_).list({}).front().id()})
            .invoice.id;
    OpenWindow();
    frame_->ShowView(kSponsors);
    SponsorsPanel* sponsors = frame_->sponsors();
    ASSERT_TRUE(sponsors->SelectSponsor("Acme"));
    Yield();
    ASSERT_NE(sponsors->history(), nullptr);
    ASSERT_GE(sponsors->history()->GetItemCount(), 1);
    const long last = sponsors->history()->GetItemCount() - 1;  // the oldest: the sponsor's creation
    EXPECT_EQ(Cell(sponsors->history(), last, 2), wxS("sponsor add"));

    frame_->ShowView(kInvoices);
    InvoicesPanel* invoices = frame_->invoices();
    ASSERT_TRUE(invoices->SelectInvoice(draft));
    Yield();
    ASSERT_EQ(invoices->history()->GetItemCount(), 1);
    EXPECT_EQ(Cell(invoices->history(), 0, 2), wxS("invoice create"));
}

}  // namespace sponsordesk::gui::test

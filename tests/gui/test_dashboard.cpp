// The Dashboard: the first view of a new user, shown on every shape of
// database, its figures those of DashboardService, and each row opening
// what is behind it.
#include <filesystem>

#include <wx/config.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/testing.h>

#include "booking_dialog.h"
#include "calendar_panel.h"
#include "dashboard_panel.h"
#include "gui_fixture.h"
#include "gui_util.h"
#include "invoices_panel.h"
#include "settings.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/demo_service.h"
#include "test_lookup.h"

namespace sponsordesk::gui::test {
namespace {

// Records the booking the dialog shows, then closes it unchanged.
class ExpectBookingDialog : public wxExpectModalBase<BookingDialog, ExpectBookingDialog> {
public:
    explicit ExpectBookingDialog(wxString* title) : title_(title) {}

protected:
    int OnInvoked(BookingDialog* dlg) const override {
        *title_ = dlg->GetTitle();
        return wxID_CANCEL;
    }

private:
    wxString* title_;
};

class Dashboard : public GuiTest {
protected:
    void SetUp() override {
        GuiTest::SetUp();
        // A new user: nothing remembered.
        wxConfigBase::Get()->DeleteEntry(wxS("/UI/LastViewName"));
        wxConfigBase::Get()->DeleteEntry(wxS("/UI/LastView"));
    }

    // A database of its own, filled by `fill`.
    void OpenOn(const std::function<void(Database&)>& fill) {
        db_.reset();
        std::filesystem::remove(path_);
        db_ = std::make_unique<Database>(path_);
        fill(*db_);
        OpenWindow();
    }

    static void Publication(Database& db) {
        sponsordesk::Publication p;
        p.name = "Le Brief";
        p.slug = "brief";
        CatalogService(db).add_publication(p);
    }
};

}  // namespace

TEST_F(Dashboard, IsTheFirstViewOfANewUser) {
    OpenWindow();
    EXPECT_EQ(frame_->CurrentView(), kDashboard);
    EXPECT_FALSE(frame_->ShowingWelcome());
    EXPECT_TRUE(frame_->dashboard()->IsShownOnScreen());
    // First in the View menu, on Ctrl+1.
    wxMenu* view = frame_->GetMenuBar()->GetMenu(2);  // File, Edit, View
    ASSERT_NE(view, nullptr);
    const wxMenuItem* first = view->FindItemByPosition(0);
    EXPECT_EQ(first->GetItemLabelText(), wxStripMenuCodes(MainFrame::ViewName(kDashboard)));
    EXPECT_TRUE(first->GetItemLabel().EndsWith(wxS("\tCtrl+1"))) << first->GetItemLabel();
    EXPECT_EQ(frame_->dashboard()->EmptyStateText(), wxString());
}

TEST_F(Dashboard, TheRememberedViewIsStillHonoured) {
    Settings::LastView(wxS("bookings"));
    OpenWindow();
    EXPECT_EQ(frame_->CurrentView(), kBookings);
    frame_->ShowView(kInvoices);
    frame_->Destroy();
    frame_ = nullptr;
    Yield();
    EXPECT_EQ(Settings::LastView(), wxS("invoices"));
    // A setting written before the Dashboard existed (0 was the calendar).
    wxConfigBase::Get()->DeleteEntry(wxS("/UI/LastViewName"));
    wxConfigBase::Get()->Write(wxS("/UI/LastView"), 0L);
    OpenWindow();
    EXPECT_EQ(frame_->CurrentView(), kCalendar);
}

TEST_F(Dashboard, ShowsOnEveryShapeOfDatabase) {
    // A new file: the first steps stand in for it.
    OpenOn([](Database&) {});
    EXPECT_TRUE(frame_->ShowingWelcome());
    frame_->Destroy();
    frame_ = nullptr;
    Yield();

    // A publication only: no placement to chart, nothing listed.
    OpenOn([](Database& db) { Publication(db); });
    ASSERT_EQ(frame_->CurrentView(), kDashboard);
    ASSERT_FALSE(frame_->ShowingWelcome());
    DashboardPanel* d = frame_->dashboard();
    frame_->Update();
    Yield();
    EXPECT_TRUE(d->chart()->fills().empty());
    EXPECT_FALSE(d->chart()->empty_text().empty());
    EXPECT_FALSE(d->holds_list()->IsShown());
    EXPECT_FALSE(d->copy_late_list()->IsShown());
    EXPECT_FALSE(d->overdue_list()->IsShown());
    EXPECT_FALSE(d->revenue_label()->GetLabel().empty());
    // Double-clicks on rows that are not there do nothing.
    EXPECT_FALSE(d->OpenHold(0));
    d->OpenOverdue(3);
    d->ShiftMonth(-13);
    d->ShiftMonth(25);
    EXPECT_EQ(frame_->CurrentView(), kDashboard);
}

TEST_F(Dashboard, ExampleYearFiguresAndAHoldOpensItsBooking) {
    OpenOn([](Database& db) { DemoService(db).fill(); });
    ASSERT_EQ(frame_->CurrentView(), kDashboard);
    DashboardPanel* d = frame_->dashboard();
    ASSERT_TRUE(d->figures().has_value());
    const sponsordesk::Dashboard& f = *d->figures();
    // What the window shows is what the core computed.
    ASSERT_FALSE(f.revenue.empty());
    EXPECT_TRUE(d->revenue_label()->GetLabel().StartsWith(format_money_ui(f.revenue[0].revenue, f.revenue[0].currency)))
        << d->revenue_label()->GetLabel();
    EXPECT_FALSE(d->chart()->fills().empty());
    EXPECT_EQ(d->holds_list()->GetItemCount(), static_cast<int>(f.holds.size()));
    EXPECT_EQ(d->copy_late_list()->GetItemCount(), static_cast<int>(f.copy_late.size()));
    EXPECT_EQ(d->overdue_list()->GetItemCount(), static_cast<int>(f.overdue.size()));
    ASSERT_GT(f.holds.size(), 0u) << "the example year has holds ending this week";
    ASSERT_GT(f.overdue.size(), 0u);

    // Double-clicking a hold opens that booking.
    const DashboardHold hold = f.holds[0];
    wxString title;
    wxTEST_DIALOG(
        {
            wxListEvent activate(wxEVT_LIST_ITEM_ACTIVATED, d->holds_list()->GetId());
            activate.SetEventObject(d->holds_list());
            activate.m_itemIndex = 0;
            d->holds_list()->GetEventHandler()->ProcessEvent(activate);
        },
        ExpectBookingDialog(&title));
    EXPECT_TRUE(title.EndsWith(wxString::Format(wxS(" %lld"), static_cast<long long>(hold.booking.value)))) << title;

    // An overdue invoice opens the invoices view with it selected.
    d->OpenOverdue(0);
    EXPECT_EQ(frame_->CurrentView(), kInvoices);
    EXPECT_EQ(frame_->invoices()->SelectedInvoice(), f.overdue[0].invoice.value);

    // The revenue opens the calendar on the month.
    frame_->ShowView(kDashboard);
    d->ShiftMonth(1);
    d->OpenRevenue();
    EXPECT_EQ(frame_->CurrentView(), kCalendar);
    EXPECT_EQ(frame_->calendar()->month(), d->month().month);
    EXPECT_EQ(frame_->calendar()->year(), d->month().year);
}

TEST_F(Dashboard, RefreshesWhenDataChanges) {
    OpenWindow();
    DashboardPanel* d = frame_->dashboard();
    d->SetMonth(Month{2026, 3});
    ASSERT_TRUE(d->figures().has_value());
    EXPECT_TRUE(d->figures()->revenue.empty());
    // Booked elsewhere in the window (another view), then back on the Dashboard.
    frame_->ShowView(kBookings);
    auto req = test_lookup::book_request(*db_, "Acme", "brief", Date{2026, 3, 2}, "main");
    req.status = BookingStatus::Confirmed;
    BookingService(*db_).book(req);
    frame_->DataChanged();
    frame_->ShowView(kDashboard);
    ASSERT_TRUE(d->figures().has_value());
    ASSERT_EQ(d->figures()->revenue.size(), 1u);
    EXPECT_EQ(d->figures()->revenue[0].revenue, 150000);
    EXPECT_TRUE(d->revenue_label()->GetLabel().StartsWith(format_money_ui(150000, "EUR")));
}

}  // namespace sponsordesk::gui::test

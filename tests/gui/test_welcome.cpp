// An empty file opens on the welcome panel; a publication replaces it by the views.
#include <filesystem>

#include <wx/button.h>
#include <wx/grid.h>

#include "calendar_panel.h"
#include "gui_fixture.h"
#include "welcome_panel.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"

namespace sponsordesk::gui::test {
namespace {
class Welcome : public GuiTest {};
}  // namespace

TEST_F(Welcome, EmptyDatabaseOffersFirstSteps) {
    const std::string empty = path_ + ".empty.db";
    std::filesystem::remove(empty);
    frame_ = new MainFrame(wxString::FromUTF8(empty));
    frame_->Show();
    Yield(5);
    EXPECT_TRUE(frame_->ShowingWelcome());
    frame_->ShowView(kBookings);
    EXPECT_TRUE(frame_->ShowingWelcome());  // nothing to list before a publication exists
    {
        Database db(empty);
        Publication p;
        p.name = "Weekly";
        p.slug = "weekly";
        CatalogService(db).add_publication(p);
    }
    frame_->ShowView(kCalendar);
    EXPECT_FALSE(frame_->ShowingWelcome());
    EXPECT_EQ(frame_->CurrentView(), kCalendar);
    frame_->Destroy();
    frame_ = nullptr;
    Yield();
    std::filesystem::remove(empty);
}

// End to end: an empty file, the welcome panel's "Load the Example Year"
// button, and the calendar it opens shows the example's bookings.
TEST_F(Welcome, LoadExampleYearShowsBookingsInCalendar) {
    const std::string empty = path_ + ".example.db";
    std::filesystem::remove(empty);
    frame_ = new MainFrame(wxString::FromUTF8(empty));
    frame_->Show();
    Yield(5);
    ASSERT_TRUE(frame_->ShowingWelcome());
    wxButton* demo = frame_->welcome()->demo_button();
    ASSERT_TRUE(demo->IsShownOnScreen());
    // The button's own handler, run outside a yield: it shows a progress
    // dialog that yields by itself while the worker thread fills the file.
    wxCommandEvent click(wxEVT_BUTTON, demo->GetId());
    click.SetEventObject(demo);
    demo->ProcessWindowEvent(click);
    Yield(5);

    EXPECT_FALSE(frame_->ShowingWelcome());
    EXPECT_EQ(frame_->CurrentView(), kCalendar);
    {
        Database db(empty);
        BookingQuery all;
        EXPECT_GT(BookingService(db).list(all).size(), 0u);
    }
    CalendarPanel* cal = frame_->calendar();
    ASSERT_NE(cal, nullptr);
    wxGrid* grid = cal->grid();
    EXPECT_GT(grid->GetNumberRows(), 0);
    int booked = 0;
    for (int r = 0; r < grid->GetNumberRows(); ++r)
        for (int c = 0; c < grid->GetNumberCols(); ++c)
            if (cal->Cell(r, c).has_value()) ++booked;
    EXPECT_GT(booked, 0) << "calendar " << cal->year() << "-" << cal->month();
    frame_->Destroy();
    frame_ = nullptr;
    Yield();
    std::filesystem::remove(empty);
}

}  // namespace sponsordesk::gui::test

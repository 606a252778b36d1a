// An empty file opens on the welcome panel; a publication replaces it by the views.
#include <filesystem>

#include "gui_fixture.h"
#include "sponsordesk/services/catalog_service.h"

namespace sponsordesk::gui::test {
namespace {
class Welcome : public GuiTest {};
}

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

}  // namespace sponsordesk::gui::test

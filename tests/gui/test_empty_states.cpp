// Every view on every shape of database a user can reach: nothing crashes,
// and an empty view says what to do next instead of showing an empty grid.
// Regression for issue 9 point 1: Plan Issues before any placement made the
// calendar read cells of zero columns (SIGSEGV on every later start).
#include <map>
#include <filesystem>

#include <wx/grid.h>

#include "bookings_panel.h"
#include "calendar_panel.h"
#include "dashboard_panel.h"
#include "draft_panel.h"
#include "gui_fixture.h"
#include "invoices_panel.h"
#include "reports_panel.h"
#include "test_lookup.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/demo_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsors_panel.h"
#include "welcome_panel.h"

namespace sponsordesk::gui::test {
namespace {

enum class Shape {
    NewFile,
    PublicationOnly,
    IssuesWithoutPlacements,
    PlacementsWithoutIssues,
    OneBookingWithoutCopy,
    ExampleYear
};

class EmptyStates : public GuiTest {
protected:
    void SetUp() override {
        static int n = 0;
        path_ = (std::filesystem::temp_directory_path() /
                 ("sponsordesk-gui-empty-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db"))
                    .string();
        std::filesystem::remove(path_);
        db_ = std::make_unique<Database>(path_);
    }

    void AddPublication() {
        Publication p;
        p.name = "Le Brief";
        p.slug = "brief";
        CatalogService(*db_).add_publication(p);
    }
    void AddPlacement() {
        Placement main;
        main.code = "main";
        main.name = "Main sponsor";
        main.price = 150000;
        main.max_words = 10;
        CatalogService(*db_).add_placement("brief", main);
    }
    // Issues over this month and the next two: around whatever "today" is.
    void PlanIssues() {
        const Date today = Date::today();
        IssueService(*db_).plan("brief", Date{today.year, today.month, 1}, today.add_days(62));
    }

    void Make(Shape shape) {
        switch (shape) {
            case Shape::NewFile:
                break;
            case Shape::PublicationOnly:
                AddPublication();
                break;
            case Shape::IssuesWithoutPlacements:
                AddPublication();
                PlanIssues();
                break;
            case Shape::PlacementsWithoutIssues:
                AddPublication();
                AddPlacement();
                break;
            case Shape::OneBookingWithoutCopy: {
                AddPublication();
                AddPlacement();
                PlanIssues();
                Sponsor s;
                s.name = "Acme";
                SponsorService(*db_).add(s);
                BookingService(*db_).book(test_lookup::book_request(
                    *db_, "Acme", "brief", IssueService(*db_).list("brief", Date::today(), std::nullopt).front().date,
                    "main"));
                break;
            }
            case Shape::ExampleYear:
                DemoService(*db_).fill();
                break;
        }
    }

    View* ViewOf(int v) {
        switch (v) {
            case kDashboard:
                return frame_->dashboard();
            case kCalendar:
                return frame_->calendar();
            case kBookings:
                return frame_->bookings();
            case kSponsors:
                return frame_->sponsors();
            case kDraft:
                return frame_->draft();
            case kInvoices:
                return frame_->invoices();
            case kReports:
                return frame_->reports();
        }
        return nullptr;
    }

    // Shows every view in turn (the calendar painted, cells asked for) and
    // returns what each says in place of its content ("welcome" when the
    // first-steps page stands in for it).
    // The empty state opens with these words, in English or in French (the
    // suite runs under both locales).
    static bool Opens(const wxString& said, const char* english) {
        static const std::map<std::string, const char*> french = {
            {"No sponsor yet", "Aucun annonceur pour l’instant"},
            {"No invoice yet", "Aucune facture pour l’instant"},
            {"No booking yet", "Aucune réservation pour l’instant"},
            {"No issue planned in", "Aucun numéro prévu en"},
        };
        if (said.StartsWith(wxString::FromUTF8(english))) return true;
        auto it = french.find(english);
        return it != french.end() && said.StartsWith(wxString::FromUTF8(it->second));
    }

    // The text holds these words, in English or in French (labels wrap).
    static bool Mentions(wxString said, const char* english) {
        static const std::map<std::string, const char*> french = {
            {"no placement yet", "pas encore d’emplacement"},
            {"no issue planned", "aucun numéro prévu"},
        };
        said.Replace(wxS("\n"), wxS(" "));
        if (said.Find(wxString::FromUTF8(english)) != wxNOT_FOUND) return true;
        auto it = french.find(english);
        return it != french.end() && said.Find(wxString::FromUTF8(it->second)) != wxNOT_FOUND;
    }

    std::vector<wxString> VisitEveryView() {
        std::vector<wxString> said;
        for (int v = 0; v < kViewCount; ++v) {
            frame_->ShowView(v);
            frame_->Refresh();
            frame_->Update();
            Yield(5);
            if (frame_->ShowingWelcome()) {
                said.push_back(wxS("welcome"));
                continue;
            }
            EXPECT_EQ(frame_->CurrentView(), v);
            said.push_back(ViewOf(v)->EmptyStateText());
        }
        // What the crash did: the grid asking the table for a cell of a
        // month with rows and no placement column.
        wxGridTableBase* table = frame_->calendar()->grid()->GetTable();
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c) {
                wxGridCellAttr* a = table->GetAttr(r, c, wxGridCellAttr::Any);
                if (a) a->DecRef();
                (void)table->GetValue(r, c);
            }
        return said;
    }
};

}  // namespace

TEST_F(EmptyStates, NewFile) {
    Make(Shape::NewFile);
    OpenWindow();
    auto said = VisitEveryView();
    EXPECT_EQ(said[kDashboard], wxS("welcome"));
    EXPECT_EQ(said[kCalendar], wxS("welcome"));
    EXPECT_EQ(said[kBookings], wxS("welcome"));
    EXPECT_EQ(said[kDraft], wxS("welcome"));
    EXPECT_EQ(said[kReports], wxS("welcome"));
    EXPECT_TRUE(Opens(said[kSponsors], "No sponsor yet")) << said[kSponsors];
    EXPECT_TRUE(Opens(said[kInvoices], "No sponsor yet")) << said[kInvoices];
}

TEST_F(EmptyStates, PublicationOnly) {
    Make(Shape::PublicationOnly);
    OpenWindow();
    auto said = VisitEveryView();
    // The Dashboard shows its figures, each saying what is missing (test_dashboard.cpp).
    EXPECT_EQ(said[kDashboard], wxString());
    EXPECT_NE(Mentions(said[kCalendar], "no placement yet"), false) << said[kCalendar];
    EXPECT_TRUE(Opens(said[kBookings], "No booking yet")) << said[kBookings];
    EXPECT_TRUE(Opens(said[kSponsors], "No sponsor yet")) << said[kSponsors];
    EXPECT_NE(Mentions(said[kDraft], "no issue planned"), false) << said[kDraft];
    EXPECT_TRUE(Opens(said[kInvoices], "No sponsor yet")) << said[kInvoices];
    EXPECT_TRUE(Opens(said[kReports], "No booking yet")) << said[kReports];
}

TEST_F(EmptyStates, IssuesWithoutPlacementsDoNotCrashTheCalendar) {
    Make(Shape::IssuesWithoutPlacements);
    // Twice: the crash also came back on every later start.
    for (int start = 0; start < 2; ++start) {
        OpenWindow();
        auto said = VisitEveryView();
        EXPECT_NE(Mentions(said[kCalendar], "no placement yet"), false) << said[kCalendar];
        EXPECT_EQ(frame_->calendar()->grid()->GetNumberCols(), 0);
        // Issues exist: the draft editor is there, with nothing to insert.
        EXPECT_EQ(said[kDraft], wxString());
        EXPECT_TRUE(Opens(said[kBookings], "No booking yet")) << said[kBookings];
        frame_->Destroy();
        frame_ = nullptr;
        Yield();
    }
}

TEST_F(EmptyStates, PlacementsWithoutIssues) {
    Make(Shape::PlacementsWithoutIssues);
    OpenWindow();
    auto said = VisitEveryView();
    EXPECT_TRUE(Opens(said[kCalendar], "No issue planned in")) << said[kCalendar];
    EXPECT_NE(Mentions(said[kDraft], "no issue planned"), false) << said[kDraft];
    EXPECT_TRUE(Opens(said[kBookings], "No booking yet")) << said[kBookings];
}

TEST_F(EmptyStates, OneBookingWithoutCopy) {
    Make(Shape::OneBookingWithoutCopy);
    OpenWindow();
    auto said = VisitEveryView();
    EXPECT_EQ(said[kCalendar], wxString());
    EXPECT_EQ(said[kBookings], wxString());
    EXPECT_EQ(said[kSponsors], wxString());
    EXPECT_EQ(said[kDraft], wxString());
    EXPECT_TRUE(Opens(said[kInvoices], "No invoice yet")) << said[kInvoices];
    EXPECT_EQ(said[kReports], wxString());
}

TEST_F(EmptyStates, ExampleYear) {
    Make(Shape::ExampleYear);
    OpenWindow();
    auto said = VisitEveryView();
    for (int v = 0; v < kViewCount; ++v) EXPECT_EQ(said[static_cast<size_t>(v)], wxString()) << MainFrame::ViewName(v);
    // The bookings list opens near today, not on the first booking of the year.
    BookingsPanel* bookings = frame_->bookings();
    frame_->ShowView(kBookings);
    Yield();
    const Id selected = bookings->SelectedBooking();
    ASSERT_NE(selected, 0);
    EXPECT_FALSE(BookingService(*db_).get(BookingId{selected}).issue_date < Date::today());
}

}  // namespace sponsordesk::gui::test

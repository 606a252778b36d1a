// The desktop app as a French office user sees it (issue 9, point 4): amounts
// typed and shown the French way, dates in French order, every menu and the
// stock buttons in French, weekday names, plural forms, the legend's "Libre".
// The tests pick French themselves, so they hold under C.UTF-8 too.
#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/filepicker.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include "book_dialog.h"
#include "booking_dialog.h"
#include "booking_list_model.h"
#include "bookings_panel.h"
#include "calendar_panel.h"
#include "catalog_dialogs.h"
#include "gui_fixture.h"
#include "gui_util.h"
#include "i18n.h"
#include "preferences_dialog.h"
#include "reports_panel.h"
#include "test_lookup.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"

namespace sponsordesk::gui::test {
namespace {

// What French typography puts in amounts: a narrow no-break space between
// digit groups, a no-break space before the symbol.
const wxString kNarrow = wxString::FromUTF8("\u202F");
const wxString kNoBreak = wxString::FromUTF8("\u00A0");

class FrenchUser : public GuiTest {
protected:
    void SetUp() override {
        GuiTest::SetUp();
        SetupTranslations(wxLANGUAGE_FRENCH);
        ASSERT_EQ(ui_language(), "fr");
    }
    void TearDown() override {
        GuiTest::TearDown();
        SetupTranslations();  // the language of the locale the suite runs under
    }

    Placement PlacementOf(const std::string& code) {
        for (const Placement& p : CatalogService(*db_).placements("brief"))
            if (p.code == code) return p;
        ADD_FAILURE() << "no placement " << code;
        return {};
    }

    Id Book(const std::string& sponsor, const Date& d, const std::string& placement = "main") {
        return BookingService(*db_).book(test_lookup::book_request(*db_, sponsor, "brief", d, placement)).booking.id;
    }
};

// Every menu item's label, menus in order, items depth first.
std::vector<wxString> MenuLabels(wxMenuBar* bar) {
    std::vector<wxString> out;
    std::function<void(wxMenu*)> walk = [&](wxMenu* m) {
        for (wxMenuItem* item : m->GetMenuItems()) {
            if (item->IsSeparator()) continue;
            out.push_back(item->GetItemLabelText());
            if (item->GetSubMenu()) walk(item->GetSubMenu());
        }
    };
    for (size_t i = 0; i < bar->GetMenuCount(); ++i) {
        out.push_back(bar->GetMenuLabelText(i));
        walk(bar->GetMenu(i));
    }
    return out;
}

template <typename T>
T* FindChild(wxWindow* w) {
    if (auto* t = dynamic_cast<T*>(w)) return t;
    for (wxWindow* c : w->GetChildren())
        if (T* t = FindChild<T>(c)) return t;
    return nullptr;
}

}  // namespace

// Issue 9: "1 500,00 €" was refused and the field pre-filled "1500.00".
TEST_F(FrenchUser, PriceTypedTheFrenchWayInTheBookingDialogIsStored) {
    const Publication pub = CatalogService(*db_).publication("brief");
    const Issue issue = IssueService(*db_).get("brief", Date{2026, 3, 10});
    BookDialog dlg(nullptr, *db_, pub, issue, PlacementOf("classified"));
    EXPECT_EQ(dlg.price_field()->GetValue(), wxS("250,00"));
    ASSERT_TRUE(dlg.SelectSponsor("Cafe Noir"));

    // A malformed amount is refused beside the price, naming it and the text.
    dlg.price_field()->SetValue(wxS("12,345"));
    EXPECT_FALSE(dlg.Commit());
    EXPECT_TRUE(dlg.price_error()->IsShown());
    EXPECT_TRUE(dlg.price_error()->GetLabel().StartsWith(wxS("Prix"))) << dlg.price_error()->GetLabel();
    EXPECT_NE(dlg.price_error()->GetLabel().Find(wxS("12,345")), wxNOT_FOUND) << dlg.price_error()->GetLabel();
    dlg.price_field()->SetValue(wxS("-10"));
    EXPECT_FALSE(dlg.Commit());
    EXPECT_TRUE(BookingService(*db_).list({}).empty());

    dlg.price_field()->SetValue(wxString::FromUTF8("1 500,00 €"));
    ASSERT_TRUE(dlg.Commit()) << dlg.error_line()->GetLabel() << dlg.price_error()->GetLabel();
    EXPECT_FALSE(dlg.price_error()->IsShown());
    const auto made = BookingService(*db_).list({});
    ASSERT_EQ(made.size(), 1u);
    EXPECT_EQ(made[0].booking.price, 150000);
}

TEST_F(FrenchUser, PlacementPriceTypedTheFrenchWayIsStored) {
    const Placement classified = PlacementOf("classified");
    const Placement main = PlacementOf("main");
    {
        PlacementDialog dlg(nullptr, *db_, "brief", &main);
        EXPECT_EQ(dlg.price_field()->GetValue(), wxS("1") + kNarrow + wxS("500,00"));  // not "1500.00"
    }
    PlacementDialog dlg(nullptr, *db_, "brief", &classified);
    dlg.price_field()->SetValue(wxS("1 5OO"));
    EXPECT_FALSE(dlg.Commit());
    EXPECT_TRUE(dlg.price_error()->IsShown());
    EXPECT_NE(dlg.price_error()->GetLabel().Find(wxS("Prix catalogue")), wxNOT_FOUND) << dlg.price_error()->GetLabel();
    EXPECT_EQ(PlacementOf("classified").price, 25000);

    dlg.price_field()->SetValue(wxString::FromUTF8("1 500,00 €"));
    ASSERT_TRUE(dlg.Commit()) << dlg.error_line()->GetLabel() << dlg.price_error()->GetLabel();
    EXPECT_EQ(PlacementOf("classified").price, 150000);
    dlg.price_field()->SetValue(wxS("1500,5"));
    ASSERT_TRUE(dlg.Commit());
    EXPECT_EQ(PlacementOf("classified").price, 150050);
}

TEST_F(FrenchUser, ScreensShowFrenchAmountsDatesAndWords) {
    Book("Acme", Date{2026, 3, 12});
    OpenWindow();
    const wxString amount = wxS("1") + kNarrow + wxS("500,00") + kNoBreak + wxString::FromUTF8("€");

    frame_->ShowView(kCalendar);
    CalendarPanel* cal = frame_->calendar();
    cal->SetMonth(2026, 3);
    const int col = cal->SlotColumn("main", 1);
    EXPECT_NE(cal->grid()->GetColLabelValue(col).Find(amount), wxNOT_FOUND) << cal->grid()->GetColLabelValue(col);
    // The open slot is "Libre" in the legend, not "Ouvrir" (the verb).
    EXPECT_NE(wxWindow::FindWindowByLabel(wxS("Libre"), cal), nullptr);
    EXPECT_EQ(wxWindow::FindWindowByLabel(wxS("Ouvrir"), cal), nullptr);

    frame_->ShowView(kBookings);
    Yield();
    BookingListModel* model = frame_->bookings()->model();
    ASSERT_EQ(model->GetCount(), 1u);
    wxVariant v;
    model->GetValueByRow(v, 0, BookingListModel::ColPrice);
    EXPECT_EQ(v.GetString(), amount);
    model->GetValueByRow(v, 0, BookingListModel::ColDate);
    EXPECT_EQ(v.GetString(), wxS("12/03/2026"));
    model->GetValueByRow(v, 0, BookingListModel::ColStatus);
    EXPECT_EQ(v.GetString(), wxString::FromUTF8("Confirmée"));
    // One booking: the singular form.
    EXPECT_EQ(frame_->GetStatusBar()->GetStatusText(0), wxString::FromUTF8("1 réservation"));

    // Back on the calendar (shown before: not reloaded), the status line no
    // longer speaks of the bookings.
    frame_->ShowView(kCalendar);
    Yield();
    EXPECT_EQ(frame_->GetStatusBar()->GetStatusText(0), wxString());
    frame_->ShowView(kReports);
    Yield();
    // Nor English file names: the monthly report is proposed as "mensuel".
    auto* picker = FindChild<wxFilePickerCtrl>(frame_->reports());
    ASSERT_NE(picker, nullptr);
    EXPECT_NE(picker->GetPath().Find(wxS("sponsordesk-mensuel-")), wxNOT_FOUND) << picker->GetPath();
}

TEST_F(FrenchUser, PluralFormsFollowFrenchRules) {
    // French uses the singular for 0 and 1.
    EXPECT_EQ(wxString::Format(wxPLURAL("%lld booking", "%lld bookings", 0), 0LL), wxString::FromUTF8("0 réservation"));
    EXPECT_EQ(wxString::Format(wxPLURAL("%lld booking", "%lld bookings", 1), 1LL), wxString::FromUTF8("1 réservation"));
    EXPECT_EQ(wxString::Format(wxPLURAL("%lld booking", "%lld bookings", 2), 2LL),
              wxString::FromUTF8("2 réservations"));
    EXPECT_EQ(wxString::Format(wxPLURAL("%zu sponsor", "%zu sponsors", size_t{3}), size_t{3}),
              wxString::FromUTF8("3 annonceurs"));
}

TEST_F(FrenchUser, EveryMenuIsInFrench) {
    // The same window in English, then in French: every label must change,
    // but for the few words French shares with English.
    SetupTranslations(wxLANGUAGE_ENGLISH_US);
    OpenWindow();
    const std::vector<wxString> english = MenuLabels(frame_->GetMenuBar());
    frame_->Destroy();
    frame_ = nullptr;
    Yield();
    SetupTranslations(wxLANGUAGE_FRENCH);
    OpenWindow();
    const std::vector<wxString> french = MenuLabels(frame_->GetMenuBar());
    ASSERT_EQ(french.size(), english.size());
    ASSERT_GE(french.size(), 20u);
    const wxString same_in_both[] = {wxS("Publication")};
    for (size_t i = 0; i < french.size(); ++i) {
        if (std::find(std::begin(same_in_both), std::end(same_in_both), french[i]) != std::end(same_in_both)) continue;
        if (french[i].EndsWith(wxS(".db"))) continue;  // Open Recent lists file names
        EXPECT_TRUE(french[i] != english[i]) << "menu label not translated: " << english[i].utf8_str();
    }
    EXPECT_EQ(french[0], wxS("Fichier"));
    EXPECT_NE(std::find(french.begin(), french.end(), wxS("Quitter")), french.end());
}

// Issue 9: stock buttons said Cancel/Browse: wx's own catalogue (wxstd, from
// Debian's wx3.2-i18n) must be loaded for them.
TEST_F(FrenchUser, StockButtonsInFrench) {
    const Publication pub = CatalogService(*db_).publication("brief");
    const Issue issue = IssueService(*db_).get("brief", Date{2026, 3, 10});
    BookDialog dlg(nullptr, *db_, pub, issue, PlacementOf("main"));
    auto* cancel = dynamic_cast<wxButton*>(dlg.FindWindow(wxID_CANCEL));
    ASSERT_NE(cancel, nullptr);
    EXPECT_EQ(cancel->GetLabelText(), wxS("Annuler"));
    auto* ok = dynamic_cast<wxButton*>(dlg.FindWindow(wxID_OK));
    ASSERT_NE(ok, nullptr);
    EXPECT_EQ(ok->GetLabelText(), wxS("Réserver"));

    OpenWindow();
    frame_->ShowView(kReports);
    Yield();
    auto* picker = FindChild<wxFilePickerCtrl>(frame_->reports());
    ASSERT_NE(picker, nullptr);
    EXPECT_EQ(picker->GetPickerCtrl()->GetLabelText(), wxS("Parcourir"));
}

// Issue 9: weekdays showed as "mon,tue,wed"; dates read day first.
TEST_F(FrenchUser, WeekdaysAndDatesTheFrenchWay) {
    EXPECT_EQ(format_date(Date{2026, 12, 2}), wxS("02/12/2026"));
    {
        // Stored in UTC, shown at the user's clock: a revision saved at 22:30
        // UTC on 1 July was saved after midnight in Paris.
        const char* was = std::getenv("TZ");
        const std::string saved = was ? was : "";
        ::setenv("TZ", "Europe/Paris", 1);
        ::tzset();
        EXPECT_EQ(format_timestamp("2026-03-02T10:15:00Z"), wxS("02/03/2026 11:15"));
        EXPECT_EQ(format_timestamp("2026-07-01T22:30:00Z"), wxS("02/07/2026 00:30"));
        EXPECT_EQ(format_timestamp("not a time"), wxS("not a time"));
        if (was)
            ::setenv("TZ", saved.c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }
    EXPECT_EQ(format_day(Date{2026, 3, 3}), wxS("mar. 03/03"));
    EXPECT_EQ(format_cadence(0x1F), wxS("lun., mar., mer., jeu., ven."));
    EXPECT_EQ(format_cadence(0x41), wxS("lun., dim."));
    PreferencesDialog prefs(nullptr, *db_);
    ASSERT_GE(prefs.publications_list()->GetItemCount(), 1);
    std::vector<wxString> row;
    for (int c = 0; c < prefs.publications_list()->GetColumnCount(); ++c)
        row.push_back(prefs.publications_list()->GetItemText(0, c));
    EXPECT_NE(std::find(row.begin(), row.end(), wxS("lun., mar., mer., jeu., ven.")), row.end());
    EXPECT_NE(std::find(row.begin(), row.end(), wxString::FromUTF8("Français")), row.end());

    const Publication pub = CatalogService(*db_).publication("brief");
    PublicationDialog dlg(nullptr, *db_, &pub);
    EXPECT_EQ(dlg.cadence_day(0)->GetLabel(), wxS("lun."));
    EXPECT_EQ(dlg.cadence_day(6)->GetLabel(), wxS("dim."));
}

// CTest runs the suite under fr_FR.UTF-8 and C.UTF-8 (gui_tests --locale=…):
// the process really is in that locale, and the interface follows it.
TEST(SuiteLocale, InterfaceFollowsTheLocale) {
    const char* wanted = std::getenv("LC_ALL");
    if (!wanted || !*wanted) GTEST_SKIP() << "run without --locale";
    const char* current = std::setlocale(LC_ALL, nullptr);
    ASSERT_NE(current, nullptr);
    EXPECT_EQ(std::string(current), std::string(wanted));
    EXPECT_EQ(ui_language(), std::string(wanted).rfind("fr", 0) == 0 ? "fr" : "en");
}

// The window and its dialogs fit a 1024×600 screen in French (the review
// found the booking dialog 653 px tall, its Close button off the screen):
// no dialog needs more than the screen less a panel bar.
TEST_F(FrenchUser, DialogsNeedNoMoreThanA1024x600Screen) {
    const Id booking = Book("Acme", Date{2026, 3, 10});
    const wxSize screen(1024, 600 - 40);
    auto fits = [&](wxDialog& dlg, const char* what) {
        dlg.Layout();
        const wxSize need = dlg.GetSizer()->GetMinSize() + (dlg.GetSize() - dlg.GetClientSize());
        EXPECT_LE(need.x, screen.x) << what;
        EXPECT_LE(need.y, screen.y) << what;
    };
    {
        BookingDialog dlg(nullptr, *db_, booking);
        fits(dlg, "booking dialog");
    }
    {
        PreferencesDialog dlg(nullptr, *db_);
        fits(dlg, "preferences");
    }
    {
        const Publication pub = CatalogService(*db_).publication("brief");
        BookDialog dlg(nullptr, *db_, pub, IssueService(*db_).get("brief", Date{2026, 3, 12}), PlacementOf("main"));
        fits(dlg, "book dialog");
    }
}

}  // namespace sponsordesk::gui::test

// The Reports view writes the workbook in the interface's language, and a
// French user's workbook opens (issue 9, problems 2 and 4): exported from
// the window under the fr_FR.UTF-8 locale, read back with openpyxl.
#include <clocale>
#include <filesystem>
#include <string>
#include <vector>

#include "gui_fixture.h"
#include "gui_util.h"
#include "i18n.h"
#include "reports_panel.h"
#include "test_support.h"

namespace sponsordesk::gui::test {
namespace {

class ReportsLanguage : public GuiTest {
protected:
    void SetUp() override {
        previous_locale_ = std::setlocale(LC_ALL, nullptr);
        GuiTest::SetUp();
    }
    void TearDown() override {
        GuiTest::TearDown();
        SetupTranslations(wxLANGUAGE_ENGLISH_US);
        std::setlocale(LC_ALL, previous_locale_.c_str());
    }

    // Exports March 2026's monthly report from the Reports view and reads it back.
    nlohmann::json ExportMonthly(const std::string& name) {
        OpenWindow();
        frame_->ShowView(kReports);
        ReportsPanel* panel = frame_->reports();
        panel->open_when_done = false;
        const std::string path = dir_.file(name);
        panel->SetMonthly(2026, 3, wxString::FromUTF8(path));
        panel->Start();
        for (int i = 0; i < 1000 && panel->running(); ++i) Yield(1);
        for (int i = 0; i < 20 && panel->last_file().empty(); ++i) Yield(1);  // Finish() comes by CallAfter
        EXPECT_FALSE(panel->running());
        EXPECT_EQ(panel->last_file(), wxString::FromUTF8(path)) << panel->last_message();
        return sponsordesk::test::read_xlsx(path);
    }

    static std::vector<std::string> SheetNames(const nlohmann::json& book) {
        std::vector<std::string> names;
        for (const auto& s : book["sheets"]) names.push_back(s["name"]);
        return names;
    }

    sponsordesk::test::TempDir dir_;
    std::string previous_locale_;
};

}  // namespace

TEST_F(ReportsLanguage, FrenchInterfaceWritesAFrenchWorkbookThatOpens) {
    // What wxUILocale::UseDefault() sets for a French user.
    if (!std::setlocale(LC_ALL, "fr_FR.UTF-8"))
        GTEST_SKIP() << "fr_FR.UTF-8 is not installed (scripts/test generates it with localedef)";
    SetupTranslations(wxLANGUAGE_FRENCH);
    ASSERT_EQ(ui_language(), "fr");
    const nlohmann::json book = ExportMonthly("rapport-mars.xlsx");
    ASSERT_TRUE(book.contains("sheets"));
    EXPECT_EQ(SheetNames(book), (std::vector<std::string>{"Synthèse", "Réservations", "Sponsors", "Performance"}));
    EXPECT_EQ(book["sheets"][0]["cells"]["A1"]["value"], "Rapport mensuel, mars 2026");
}

TEST_F(ReportsLanguage, EnglishInterfaceWritesTheEnglishWorkbook) {
    SetupTranslations(wxLANGUAGE_ENGLISH_US);
    ASSERT_EQ(ui_language(), "en");
    const nlohmann::json book = ExportMonthly("march.xlsx");
    ASSERT_TRUE(book.contains("sheets"));
    EXPECT_EQ(SheetNames(book), (std::vector<std::string>{"Summary", "Bookings", "Sponsors", "Performance"}));
}

}  // namespace sponsordesk::gui::test

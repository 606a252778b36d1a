// GUI test runner: a wxApp without a main window, then GoogleTest. Exits 77
// (skipped for CTest) when there is no display to open windows on.
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/uilocale.h>

#include "i18n.h"

namespace {

class TestApp : public wxApp {
public:
    bool OnInit() override {
        wxUILocale::UseDefault();
        SetAppName(wxS("sponsordesk-tests"));
        // Settings of the tests stay out of the user's.
        auto cfg = std::filesystem::temp_directory_path() / ("sponsordesk-gui-tests-" + std::to_string(::getpid()) + ".ini");
        wxConfigBase::Set(new wxFileConfig(wxString(), wxString(), wxString::FromUTF8(cfg.string()), wxString(),
                                           wxCONFIG_USE_LOCAL_FILE));
        // Recovery copies of drafts (under $XDG_DATA_HOME) stay out of the user's too.
        auto data = std::filesystem::temp_directory_path() / ("sponsordesk-gui-tests-data-" + std::to_string(::getpid()));
        ::setenv("XDG_DATA_HOME", data.c_str(), 1);
        sponsordesk::gui::SetupTranslations(wxLANGUAGE_ENGLISH_US);
        return true;
    }
};

void AssertToGTest(const wxString& file, int line, const wxString& func, const wxString& cond, const wxString& msg) {
    ADD_FAILURE_AT(file.utf8_str(), line) << "wx assertion in " << func.utf8_str() << ": " << cond.utf8_str() << " "
                                          << msg.utf8_str();
}

}  // namespace

int main(int argc, char** argv) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        std::fprintf(stderr, "GUI tests skipped: no DISPLAY (run under xvfb-run)\n");
        return 77;
    }
    ::testing::InitGoogleTest(&argc, argv);
    wxApp::SetInstance(new TestApp);
    if (!wxEntryStart(argc, argv) || !wxTheApp->CallOnInit()) {
        std::fprintf(stderr, "GUI tests skipped: cannot open the display %s\n", display);
        return 77;
    }
    wxSetAssertHandler(AssertToGTest);
    int rc = RUN_ALL_TESTS();
    wxTheApp->OnExit();
    wxEntryCleanup();
    return rc;
}

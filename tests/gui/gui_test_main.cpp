// GUI test runner: a wxApp without a main window, then GoogleTest.
//   gui_tests [gtest flags] [--locale=fr_FR.UTF-8]
// --locale runs the tests as a user of that locale would (LC_ALL and LANG
// set before wx reads them; the interface language follows it); CTest runs
// every case under fr_FR.UTF-8 and under C.UTF-8. Listing the tests needs no
// display (CTest discovers them at build time); running them exits 77
// (skipped for CTest) when there is no display to open windows on.
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/uilocale.h>

#include "form.h"
#include "i18n.h"

namespace {

std::filesystem::path SettingsFile() {
    return std::filesystem::temp_directory_path() / ("sponsordesk-gui-tests-" + std::to_string(::getpid()) + ".ini");
}

std::filesystem::path DataFolder() {
    return std::filesystem::temp_directory_path() / ("sponsordesk-gui-tests-data-" + std::to_string(::getpid()));
}

class TestApp : public wxApp {
public:
    bool OnInit() override {
        wxUILocale::UseDefault();
        SetAppName(wxS("sponsordesk-tests"));
        // Settings of the tests stay out of the user's, and start empty: a
        // file left by an earlier process of the same id (the last view,
        // recent files) would make a test see another test's state.
        std::filesystem::remove(SettingsFile());
        wxConfigBase::Set(new wxFileConfig(wxString(), wxString(), wxString::FromUTF8(SettingsFile().string()),
                                           wxString(), wxCONFIG_USE_LOCAL_FILE));
        // Recovery copies of drafts (under $XDG_DATA_HOME) stay out of the user's too.
        std::filesystem::remove_all(DataFolder());
        ::setenv("XDG_DATA_HOME", DataFolder().c_str(), 1);
        // The language the locale asks for, as the application does.
        sponsordesk::gui::SetupTranslations();
        sponsordesk::gui::InstallWheelGuard();  // as the application does
        return true;
    }
};

void AssertToGTest(const wxString& file, int line, const wxString& func, const wxString& cond, const wxString& msg) {
    ADD_FAILURE_AT(file.utf8_str(), line)
        << "wx assertion in " << func.utf8_str() << ": " << cond.utf8_str() << " " << msg.utf8_str();
}

// Takes --locale=NAME out of argv and makes it the process's locale.
bool ApplyLocaleFlag(int& argc, char** argv) {
    const char* flag = "--locale=";
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], flag, std::strlen(flag)) != 0) continue;
        const std::string name = argv[i] + std::strlen(flag);
        for (int j = i; j + 1 < argc; ++j) argv[j] = argv[j + 1];
        --argc;
        ::setenv("LC_ALL", name.c_str(), 1);
        ::setenv("LANG", name.c_str(), 1);
        ::unsetenv("LANGUAGE");
        if (!std::setlocale(LC_ALL, "")) {
            std::fprintf(stderr, "GUI tests: the locale %s is not installed (scripts/test generates fr_FR.UTF-8)\n",
                         name.c_str());
            return false;
        }
        std::setlocale(LC_ALL, "C");  // wx sets it again in OnInit
        return true;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (!ApplyLocaleFlag(argc, argv)) return 1;
    ::testing::InitGoogleTest(&argc, argv);
    if (GTEST_FLAG_GET(list_tests)) return RUN_ALL_TESTS();  // lists only: no display needed
    // The tests' calendar is fixed; accessibility bridges only slow Xvfb down.
    ::setenv("SPONSORDESK_TODAY", "2026-03-02", 0);
    ::setenv("NO_AT_BRIDGE", "1", 0);
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        std::fprintf(stderr, "GUI tests skipped: no DISPLAY (run under xvfb-run)\n");
        return 77;
    }
    wxApp::SetInstance(new TestApp);
    if (!wxEntryStart(argc, argv) || !wxTheApp->CallOnInit()) {
        std::fprintf(stderr, "GUI tests skipped: cannot open the display %s\n", display);
        return 77;
    }
    wxSetAssertHandler(AssertToGTest);
    int rc = RUN_ALL_TESTS();
    wxTheApp->OnExit();
    wxEntryCleanup();
    std::error_code ignored;
    std::filesystem::remove(SettingsFile(), ignored);
    std::filesystem::remove_all(DataFolder(), ignored);
    return rc;
}

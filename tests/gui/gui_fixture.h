#pragma once
// A temporary database with a publication, placements, issues and sponsors,
// and the real main window opened on it.
#include <string>

#include <gtest/gtest.h>
#include <wx/gdicmn.h>

#include "main_frame.h"

class wxWindow;

namespace sponsordesk::gui::test {

class GuiTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // Seeds: publication "brief" (fr, EUR), placements main (max 10 words,
    // 1 slot, 1500) and classified (3 slots, 250), issues every weekday of
    // March 2026, sponsors Acme and Bankia (category "bank"), Cafe Noir.
    void Seed();
    void OpenWindow();
    static void Yield(int rounds = 3);
    // Centre of a window in screen coordinates.
    static wxPoint Centre(wxWindow* w);
    void Click(const wxPoint& screen);
    void ClickOn(wxWindow* w) { Click(Centre(w)); }

    std::string path_;
    MainFrame* frame_ = nullptr;
    std::unique_ptr<Database> db_;  // a second connection to check what the window wrote
};

}  // namespace sponsordesk::gui::test

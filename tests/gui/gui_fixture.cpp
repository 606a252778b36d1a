#include "gui_fixture.h"
#include "../support/test_lookup.h"

#include <cstdio>
#include <filesystem>

#include <wx/app.h>
#include <wx/uiaction.h>
#include <wx/window.h>

#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"

namespace sponsordesk::gui::test {

void GuiTest::SetUp() {
    static int n = 0;
    path_ = (std::filesystem::temp_directory_path() /
             ("sponsordesk-gui-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db"))
                .string();
    std::filesystem::remove(path_);
    Seed();
}

void GuiTest::TearDown() {
    if (frame_) {
        frame_->Destroy();
        frame_ = nullptr;
        Yield();
    }
    db_.reset();
    std::filesystem::remove(path_);
}

void GuiTest::Seed() {
    db_ = std::make_unique<Database>(path_);
    CatalogService cat(*db_);
    Publication p;
    p.name = "Le Brief";
    p.slug = "brief";
    cat.add_publication(p);
    Placement main;
    main.code = "main";
    main.name = "Main sponsor";
    main.heading = "A WORD FROM OUR SPONSOR";
    main.price = 150000;
    main.max_words = 10;
    main.position = 1;
    cat.add_placement("brief", main);
    Placement cl;
    cl.code = "classified";
    cl.name = "Classified";
    cl.price = 25000;
    cl.slots = 3;
    cl.position = 2;
    cat.add_placement("brief", cl);
    IssueService(*db_).plan("brief", Date{2026, 3, 1}, Date{2026, 3, 31});
    SponsorService sp(*db_);
    for (auto [name, category] : {std::pair{"Acme", "bank"}, {"Bankia", "bank"}, {"Cafe Noir", ""}}) {
        Sponsor s;
        s.name = name;
        s.category = category;
        sp.add(s);
    }
    Contact c;
    c.name = "Camille";
    c.email = "camille@acme.example";
    c.role = ContactRole::Creative;
    sp.add_contact(test_lookup::sponsor_id(*db_, "Acme"), c);
}

void GuiTest::OpenWindow() {
    frame_ = new MainFrame(wxString::FromUTF8(path_));
    frame_->SetSize(wxRect(0, 0, 1400, 900));
    frame_->Show();
    frame_->Raise();
    Yield(10);
}

void GuiTest::Yield(int rounds) {
    for (int i = 0; i < rounds; ++i) {
        wxTheApp->ProcessPendingEvents();
        wxYield();
        wxMilliSleep(10);
    }
}

wxPoint GuiTest::Centre(wxWindow* w) {
    return w->ClientToScreen(wxPoint(w->GetClientSize().x / 2, w->GetClientSize().y / 2));
}

void GuiTest::Click(const wxPoint& screen) {
    wxUIActionSimulator sim;
    sim.MouseMove(screen);
    Yield();
    sim.MouseClick();
    Yield();
}

}  // namespace sponsordesk::gui::test

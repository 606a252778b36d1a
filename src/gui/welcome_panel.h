#pragma once
// Shown while the database has no publication: offers the first steps.
#include "view.h"

class wxButton;

namespace sponsordesk::gui {

class WelcomePanel : public View {
public:
    WelcomePanel(wxWindow* parent, Database& db, ViewHost& host);
    void Reload() override {}
    wxButton* create_button() { return create_; }
    wxButton* demo_button() { return demo_; }
    // Fills the empty file with the core's example year; false when refused.
    bool LoadExample();

private:
    wxButton* create_ = nullptr;
    wxButton* demo_ = nullptr;
};

}  // namespace sponsordesk::gui

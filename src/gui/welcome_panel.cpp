#include "welcome_panel.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "background.h"
#include "catalog_dialogs.h"
#include "gui_util.h"
#include "main_frame.h"
#include "sponsordesk/services/demo_service.h"

namespace sponsordesk::gui {

WelcomePanel::WelcomePanel(wxWindow* parent, Database& db, ViewHost& host) : View(parent, db, host) {
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->AddStretchSpacer(2);
    auto* icon = new wxStaticBitmap(
        this, wxID_ANY,
        wxArtProvider::GetBitmapBundle(wxS("x-office-calendar"), wxASCII_STR(wxART_OTHER), wxSize(96, 96)));
    box->Add(icon, 0, wxALIGN_CENTER | wxBOTTOM, 16);
    auto* title = new wxStaticText(this, wxID_ANY, _("Welcome to SponsorDesk"));
    title->SetFont(title->GetFont().Scaled(1.8f).Bold());
    box->Add(title, 0, wxALIGN_CENTER | wxBOTTOM, 12);
    auto* text = new wxStaticText(this, wxID_ANY,
                                  _("This file has no publication yet. Create your first newsletter, then add its "
                                    "placements and plan its issues to start selling slots."),
                                  wxDefaultPosition, wxDefaultSize, wxALIGN_CENTER_HORIZONTAL);
    text->Wrap(520);
    box->Add(text, 0, wxALIGN_CENTER | wxBOTTOM, 24);
    create_ = new wxButton(this, wxID_ANY, _("Create a Publication…"));
    create_->SetDefault();
    box->Add(create_, 0, wxALIGN_CENTER | wxBOTTOM, 8);
    demo_ = new wxButton(this, wxID_ANY, _("Load the Example Year"));
    demo_->SetToolTip(
        _("Fill this empty file with a realistic year: publications, sponsors, bookings in every status, drafts and "
          "invoices."));
    enable_for(create_, true, Capability::Administer);
    enable_for(demo_, true, Capability::Administer);
    box->Add(demo_, 0, wxALIGN_CENTER | wxBOTTOM, 8);
    box->AddStretchSpacer(3);
    SetSizer(box);
    create_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (ShowNewPublicationDialog(this, db_)) {
            host_.DataChanged();
            host_.ShowView(kCalendar);
        }
    });
    demo_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { LoadExample(); });
}

bool WelcomePanel::LoadExample() {
    const std::string path = db_.reopen_location();
    bool cancelled = false;
    wxString error = RunWithProgress(
        this, _("Example Year"), _("Writing an example year of bookings, drafts and invoices…"),
        [path](const WorkerControl& control) {
            Progress p;
            p.cancel = control.cancel;
            p.report = control.report;
            Database db(path);
            DemoService(db).fill(p);
        },
        &cancelled);
    if (!error.empty()) {
        if (!cancelled) wxMessageBox(error, _("Example Year"), wxOK | wxICON_WARNING, this);
        return false;
    }
    host_.DataChanged();
    host_.ShowView(kCalendar);
    return true;
}

}  // namespace sponsordesk::gui

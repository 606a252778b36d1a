#include "connect_dialog.h"

#include <wx/button.h>
#include <wx/combobox.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui_util.h"
#include "settings.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk::gui {
namespace {

// Percent-encodes a password for a URI's query string.
std::string uri_escape(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace

ConnectDialog::ConnectDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Connect to Server"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName(wxS("ConnectDialog"));
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(new wxStaticText(this, wxID_ANY,
                              _("A team's SponsorDesk database on a PostgreSQL server, as a URI:\n"
                                "postgresql://user@host/database")),
             0, wxALL, 12);
    auto* grid = new wxFlexGridSizer(2, 8, 8);
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Server:")), 0, wxALIGN_CENTER_VERTICAL);
    uri_ = new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(460, -1), Settings::RecentServers(),
                          wxCB_DROPDOWN);
    uri_->SetName(wxS("server_uri"));
    if (uri_->GetCount() > 0) uri_->SetSelection(0);
    grid->Add(uri_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Password:")), 0, wxALIGN_CENTER_VERTICAL);
    password_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    password_->SetName(wxS("server_password"));
    password_->SetHint(_("empty: from ~/.pgpass or PGPASSWORD"));
    grid->Add(password_, 1, wxEXPAND);
    box->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    box->Add(new wxStaticText(this, wxID_ANY, _("The password is not remembered.")), 0, wxALL, 12);
    auto* buttons = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(this, wxID_OK, _("Connect"));
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL));
    buttons->Realize();
    box->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(box);
    ok->Bind(wxEVT_BUTTON, &ConnectDialog::OnOk, this);
    (uri_->GetValue().empty() ? static_cast<wxWindow*>(uri_) : password_)->SetFocus();
}

std::string ConnectDialog::Uri() const { return Database::without_password(utf8(uri_->GetValue().Trim().Trim(false))); }

std::string ConnectDialog::Location() const {
    std::string loc = utf8(uri_->GetValue().Trim().Trim(false));
    const std::string pw = utf8(password_->GetValue());
    if (!pw.empty()) {
        loc.append(loc.find('?') == std::string::npos ? "?" : "&");
        loc.append("password=");
        loc.append(uri_escape(pw));
    }
    return loc;
}

void ConnectDialog::OnOk(wxCommandEvent& e) {
    const std::string uri = utf8(uri_->GetValue().Trim().Trim(false));
    if (!Database::is_server_uri(uri)) {
        wxMessageBox(wxString::Format(_("%s is not a server address: it starts with postgresql://"), wx(uri)),
                     _("Connect to Server"), wxOK | wxICON_WARNING, this);
        uri_->SetFocus();
        return;
    }
    e.Skip();
}

}  // namespace sponsordesk::gui

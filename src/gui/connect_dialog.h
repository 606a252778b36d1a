#pragma once
// File ▸ Connect to Server…: a team's PostgreSQL database by URI, with a
// password prompt. Recent servers are offered without their passwords.
#include <string>

#include <wx/dialog.h>

class wxComboBox;
class wxTextCtrl;

namespace sponsordesk::gui {

class ConnectDialog : public wxDialog {
public:
    explicit ConnectDialog(wxWindow* parent);
    // The URI as typed (no password) and the connection location to open
    // (the URI with the password added; never shown or stored).
    std::string Uri() const;
    std::string Location() const;

private:
    void OnOk(wxCommandEvent& e);
    wxComboBox* uri_ = nullptr;
    wxTextCtrl* password_ = nullptr;
};

}  // namespace sponsordesk::gui

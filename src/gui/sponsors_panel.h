#pragma once
// Sponsors: searchable list, details form validated field by field, contacts,
// the sponsor's bookings, archive.
#include <map>
#include <string>
#include <vector>

#include "view.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxListView;
class wxSearchCtrl;
class wxSplitterWindow;
class wxStaticText;
class wxTextCtrl;

namespace sponsordesk::gui {

class SponsorsPanel : public View {
public:
    SponsorsPanel(wxWindow* parent, Database& db, ViewHost& host);
    void Reload() override;
    void SaveState() override;

    bool SelectSponsor(const std::string& name);
    void NewSponsor();
    // Saves the form; false with the core's message beside the field.
    bool Save();
    bool AddContact();
    wxTextCtrl* field(const std::string& name) { return fields_.at(name); }
    wxStaticText* field_error(const std::string& name) { return errors_.at(name); }
    wxListView* sponsor_list() { return list_; }

private:
    void FillList();
    void ShowSponsor(const Sponsor* s);
    void ToggleArchive();

    wxSplitterWindow* splitter_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    wxCheckBox* archived_ = nullptr;
    wxListView* list_ = nullptr;
    std::map<std::string, wxTextCtrl*> fields_;
    std::map<std::string, wxStaticText*> errors_;
    wxStaticText* title_ = nullptr;
    wxButton *save_, *archive_;
    wxListView *contacts_, *bookings_, *invoices_;
    wxTextCtrl *contact_name_, *contact_email_, *contact_phone_;
    wxChoice* contact_role_;
    wxStaticText* contact_err_;
    std::vector<Sponsor> sponsors_;
    Sponsor current_;
    bool editing_new_ = false;
};

}  // namespace sponsordesk::gui

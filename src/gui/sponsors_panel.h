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
class wxBoxSizer;
class wxSizer;
class wxStaticText;
class wxTextCtrl;

namespace sponsordesk::gui {

class HistoryList;

class SponsorsPanel : public View {
public:
    SponsorsPanel(wxWindow* parent, Database& db, ViewHost& host);
    void Reload() override;
    void SaveState() override;

    bool CanLeave() override;
    bool SaveChanges() override { return Save(); }
    // The form differs from the sponsor shown (or a new one is being typed).
    bool IsDirty() const;

    bool SelectSponsor(const std::string& name);
    void NewSponsor();
    // Saves the form; false with the core's message beside the field.
    bool Save();
    bool AddContact();
    wxTextCtrl* field(const std::string& name) { return fields_.at(name); }
    wxCheckBox* business_field() { return business_; }
    wxStaticText* field_error(const std::string& name) { return errors_.at(name); }
    wxListView* sponsor_list() { return list_; }
    wxListView* contact_list() { return contacts_; }
    wxTextCtrl* contact_field(int i) { return i == 0 ? contact_name_ : i == 1 ? contact_email_ : contact_phone_; }
    wxStaticText* contact_error() { return contact_err_; }
    HistoryList* history() { return history_; }

private:
    wxWindow* BuildListPane(wxWindow* parent);
    wxSizer* BuildForm(wxWindow* right);
    wxWindow* BuildTabs(wxWindow* right);
    void BindEvents();
    void OnListSelect(long index);
    void RefreshDetails();
    void FillList();
    void ShowSponsor(const Sponsor* s);
    void ToggleArchive();

    wxSplitterWindow* splitter_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    wxCheckBox* archived_ = nullptr;
    wxListView* list_ = nullptr;
    std::map<std::string, wxTextCtrl*> fields_;
    std::map<std::string, wxStaticText*> errors_;
    wxCheckBox* business_ = nullptr;  // Sponsor::business
    bool shown_business_ = true;
    std::map<std::string, wxString> shown_;  // the form as last filled, to tell edits
    bool selecting_ = false;
    wxBoxSizer* form_columns_ = nullptr;  // the list's selection is being set by code
    wxStaticText* title_ = nullptr;
    wxButton *save_, *archive_, *add_ = nullptr, *add_contact_ = nullptr;
    wxListView *contacts_, *bookings_, *invoices_;
    HistoryList* history_ = nullptr;
    wxTextCtrl *contact_name_, *contact_email_, *contact_phone_;
    wxChoice* contact_role_;
    wxStaticText* contact_err_;
    std::vector<Sponsor> sponsors_;
    Sponsor current_;
    bool editing_new_ = false;
};

}  // namespace sponsordesk::gui

#pragma once
// Books a sponsor into a slot: sponsor picker with search, price, hold or
// confirmed; the core's conflicts shown in words, the competitor override
// offered when that is the reason.
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

class wxChoice;
class wxDatePickerCtrl;
class wxListBox;
class wxPanel;
class wxSearchCtrl;
class wxStaticText;
class wxTextCtrl;

namespace sponsordesk::gui {

// A sponsor picker: a search field above a list `list_height` high.
wxPanel* MakeSponsorPicker(wxWindow* parent, int list_height, wxSearchCtrl** search, wxListBox** list);
// Fills a sponsor list with the active sponsors whose name holds `search`
// ("Nom (catégorie)"), selects the only one; a failure goes to `error`.
// Returns the sponsors in the list's order.
std::vector<Sponsor> FillSponsorPicker(Database& db, const wxString& search, wxListBox* list, wxStaticText* error);

class BookDialog : public wxDialog {
public:
    BookDialog(wxWindow* parent, Database& db, const Publication& pub, const Issue& issue, const Placement& placement);

    // Books with the fields as they are; false (and the reason shown) when the
    // core refuses.
    bool Commit();
    bool SelectSponsor(const std::string& name);
    void SetHold(const Date& until);
    std::optional<Id> booked() const { return booked_; }
    wxStaticText* error_line() { return error_; }
    wxSearchCtrl* search() { return search_; }
    wxTextCtrl* price_field() { return price_; }
    wxStaticText* price_error() { return price_err_; }

private:
    void FillSponsors();
    void UpdateHold();
    // Shows a refusal of the core beside the field it concerns.
    void ShowRefusal(const std::exception& e);

    Database& db_;
    Publication pub_;
    Issue issue_;
    Placement placement_;
    std::vector<Sponsor> sponsors_;
    wxSearchCtrl* search_;
    wxListBox* list_;
    wxTextCtrl* price_;
    wxChoice* status_;
    wxDatePickerCtrl* hold_until_;
    wxTextCtrl* notes_;
    wxStaticText *sponsor_err_, *price_err_, *hold_err_, *error_;
    std::optional<Id> booked_;
};

}  // namespace sponsordesk::gui

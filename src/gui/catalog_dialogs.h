#pragma once
// Dialogs that add to the catalogue or edit it: a publication, a placement,
// planned issues. The core's refusals are shown next to the field they name.
#include <string>

#include <wx/dialog.h>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

class wxCheckBox;
class wxChoice;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace sponsordesk::gui {

// A new publication, or (given one) every field of it but its slug.
class PublicationDialog : public wxDialog {
public:
    PublicationDialog(wxWindow* parent, Database& db, const Publication* existing = nullptr);
    // Writes through the core; false with the reason shown beside its field.
    bool Commit();

    wxTextCtrl* name_field() { return name_; }
    wxTextCtrl* slug_field() { return slug_; }
    wxTextCtrl* currency_field() { return currency_; }
    wxChoice* language_field() { return language_; }
    wxCheckBox* cadence_day(int weekday) { return cadence_[weekday]; }  // 0 = Monday
    wxSpinCtrl* wpm_field() { return wpm_; }
    wxSpinCtrl* deadline_field() { return deadline_; }
    wxStaticText* name_error() { return name_err_; }
    wxStaticText* currency_error() { return currency_err_; }
    wxStaticText* error_line() { return error_; }

private:
    static wxString Slugify(const wxString& name);

    Database& db_;
    Id id_ = 0;  // 0 for a new publication
    wxTextCtrl *name_, *slug_, *currency_;
    wxChoice* language_;
    wxCheckBox* cadence_[7];
    wxSpinCtrl *wpm_, *deadline_;
    wxStaticText *name_err_, *slug_err_, *language_err_, *currency_err_, *cadence_err_, *wpm_err_, *deadline_err_,
        *error_;
    bool slug_edited_ = false;
};

// A new placement of a publication, or (given one) every field but its code.
class PlacementDialog : public wxDialog {
public:
    PlacementDialog(wxWindow* parent, Database& db, std::string publication_slug, const Placement* existing = nullptr);
    bool Commit();

    wxTextCtrl* code_field() { return code_; }
    wxTextCtrl* name_field() { return name_; }
    wxTextCtrl* heading_field() { return heading_; }
    wxTextCtrl* price_field() { return price_; }
    wxSpinCtrl* words_field() { return words_; }
    wxSpinCtrl* slots_field() { return slots_; }
    wxSpinCtrl* position_field() { return position_; }
    wxCheckBox* active_field() { return active_; }
    wxStaticText* slots_error() { return slots_err_; }
    wxStaticText* price_error() { return price_err_; }
    wxStaticText* error_line() { return error_; }

private:
    Database& db_;
    std::string slug_;
    std::string currency_;  // the publication's: its symbol or code may be typed with the price
    Placement old_;         // id 0 for a new placement
    wxTextCtrl *code_, *name_, *heading_, *price_;
    wxSpinCtrl *words_, *slots_, *position_;
    wxCheckBox* active_;
    wxStaticText *code_err_, *name_err_, *heading_err_, *price_err_, *words_err_, *slots_err_, *position_err_, *error_;
};

// Each returns true when something was written.
bool ShowNewPublicationDialog(wxWindow* parent, Database& db);
bool ShowEditPublicationDialog(wxWindow* parent, Database& db, const Publication& publication);
bool ShowNewPlacementDialog(wxWindow* parent, Database& db, const std::string& publication_slug);
bool ShowEditPlacementDialog(wxWindow* parent, Database& db, const std::string& publication_slug,
                             const Placement& placement);
bool ShowPlanIssuesDialog(wxWindow* parent, Database& db);

}  // namespace sponsordesk::gui

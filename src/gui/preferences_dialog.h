#pragma once
// Preferences: publisher profile, publications, placements and house ads.
#include <map>
#include <string>
#include <vector>

#include <wx/checkbox.h>
#include <wx/dialog.h>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

class wxChoice;
class wxListView;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace sponsordesk::gui {

class PreferencesDialog : public wxDialog {
public:
    PreferencesDialog(wxWindow* parent, Database& db);
    bool SavePublisher();
    // The profile's fields differ from what is saved.
    bool PublisherChanged() const;
    // Close, asking Save / Discard / Cancel about an unsaved profile; false
    // when the dialog stays open.
    bool TryClose();
    wxTextCtrl* publisher_field(const std::string& key) { return publisher_.at(key); }
    wxCheckBox* vat_on_debits_field() { return vat_on_debits_; }
    wxChoice* vat_regime_field() { return vat_regime_; }
    wxStaticText* publisher_error(const std::string& key) { return publisher_err_.at(key); }
    // Open the edit dialog for a row of the Publications / Placements page;
    // true when something was written (the lists are then refilled).
    bool EditPublication(long row);
    bool EditPlacement(long row);
    wxListView* publications_list() { return publications_; }
    wxListView* placements_list() { return placements_; }
    wxChoice* placement_publication() { return placement_pub_; }

private:
    wxWindow* PublisherPage(wxNotebook* book);
    wxWindow* PublicationsPage(wxNotebook* book);
    wxWindow* PlacementsPage(wxNotebook* book);
    wxWindow* HouseAdsPage(wxNotebook* book);
    void FillPublications();
    void FillPlacements();
    void FillHouseAd();

    Database& db_;
    std::map<std::string, wxTextCtrl*> publisher_;
    std::map<std::string, wxStaticText*> publisher_err_;
    std::map<std::string, wxString> publisher_shown_;
    // The 2026 invoice choices; their saved state beside them.
    wxCheckBox* vat_on_debits_ = nullptr;
    wxChoice* vat_regime_ = nullptr;
    bool shown_debits_ = false;
    int shown_regime_ = 0;
    wxStaticText* publisher_status_ = nullptr;
    wxListView* publications_ = nullptr;
    wxChoice* placement_pub_ = nullptr;
    wxListView* placements_ = nullptr;
    wxChoice *ad_pub_ = nullptr, *ad_placement_ = nullptr;
    wxTextCtrl* ad_text_ = nullptr;
    wxStaticText* ad_status_ = nullptr;
    std::vector<Publication> pubs_;
    std::vector<Placement> ad_placements_;
    std::vector<Placement> placement_rows_;  // the rows of placements_
};

}  // namespace sponsordesk::gui

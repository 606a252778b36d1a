#pragma once
// Books one sponsor into one placement of several issues at once: the open
// slots selected in the calendar, or every issue on some weekdays over a
// period (a series). The issues and the total (count × price) are shown
// before the booking is made; the core books all of them or none and names
// every refused date with its reason.
#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxDatePickerCtrl;
class wxListBox;
class wxSearchCtrl;
class wxStaticText;
class wxTextCtrl;

namespace sponsordesk::gui {

class MultiBookDialog : public wxDialog {
public:
    // The issues picked in the calendar, in one placement.
    MultiBookDialog(wxWindow* parent, Database& db, const Publication& pub, std::vector<Issue> issues,
                    const Placement& placement);
    // A series: the weekdays and the period are chosen in the dialog (the
    // period starts as given), the placement too (`placement` first when given).
    MultiBookDialog(wxWindow* parent, Database& db, const Publication& pub, const Date& from, const Date& to,
                    std::optional<Id> placement = std::nullopt);

    // Books with the fields as they are; false (and the reason shown) when
    // nothing was booked.
    bool Commit();
    bool SelectSponsor(const std::string& name);
    void SetHold(const Date& until);
    // Series only: the weekdays (bit i = weekday i, 0 = Monday), the period
    // and the placement, each refreshing the list of issues and the total.
    void SetWeekdays(unsigned weekdays);
    void SetPeriod(const Date& from, const Date& to);
    bool SelectPlacement(const std::string& code);

    bool series() const { return series_; }
    // The issues that would be booked, by date.
    const std::vector<Issue>& issues() const { return issues_; }
    const std::vector<Id>& booked() const { return booked_; }
    wxListBox* issue_list() { return issue_list_; }
    wxStaticText* total_line() { return total_; }
    wxStaticText* error_line() { return error_; }
    wxTextCtrl* price_field() { return price_; }
    wxButton* book_button() { return ok_; }

private:
    void Build(const wxString& heading);
    void FillSponsors();
    void UpdateHold();
    // Series: re-reads the issues of the weekdays over the period.
    void Preview();
    // Shows the issues and the total for the price as typed.
    void ShowIssues();
    void UpdateTotal();
    const Placement& placement() const;
    unsigned weekdays() const;

    Database& db_;
    Publication pub_;
    bool series_ = false;
    std::vector<Issue> issues_;
    std::vector<Placement> placements_;  // series: the choices; else the one placement
    std::vector<Sponsor> sponsors_;
    std::vector<Id> booked_;

    wxSearchCtrl* search_ = nullptr;
    wxListBox* list_ = nullptr;
    wxTextCtrl* price_ = nullptr;
    wxChoice* status_ = nullptr;
    wxDatePickerCtrl* hold_until_ = nullptr;
    wxTextCtrl* notes_ = nullptr;
    wxChoice* placement_choice_ = nullptr;
    wxCheckBox* days_[7] = {};
    wxDatePickerCtrl *from_ = nullptr, *to_ = nullptr;
    wxStaticText* preview_note_ = nullptr;
    wxListBox* issue_list_ = nullptr;
    wxStaticText* total_ = nullptr;
    wxButton* ok_ = nullptr;
    wxStaticText *sponsor_err_ = nullptr, *price_err_ = nullptr, *hold_err_ = nullptr, *error_ = nullptr;
};

}  // namespace sponsordesk::gui

#pragma once
// Bookings: every booking in a paged virtual list, sorted by SQL, filtered by
// status, publication, sponsor and dates; status changes and copy from here.
#include <vector>

#include "view.h"

class wxButton;
class wxChoice;
class wxDataViewCtrl;
class wxDataViewEvent;
class wxDatePickerCtrl;
class wxSearchCtrl;

namespace sponsordesk::gui {

class BookingListModel;

class BookingsPanel : public View {
public:
    BookingsPanel(wxWindow* parent, Database& db, ViewHost& host);
    ~BookingsPanel() override;
    void Reload() override;

    wxDataViewCtrl* list() { return list_; }
    BookingListModel* model() { return model_; }
    void SortBy(int column, bool descending);
    void ApplyFilter();
    // The booking of the selected row, 0 when none.
    Id SelectedBooking() const;
    void SelectRow(unsigned row);
    wxSearchCtrl* sponsor_search() { return sponsor_; }
    wxChoice* status_filter() { return status_; }

private:
    void OpenSelected();
    void ChangeSelected(BookingStatus to);
    void RemindSelected();
    void UpdateButtons();
    void SelectNearToday();

    BookingListModel* model_ = nullptr;
    wxDataViewCtrl* list_ = nullptr;
    wxChoice *status_, *publication_;
    wxSearchCtrl* sponsor_;
    wxDatePickerCtrl *from_, *to_;
    wxButton *open_, *confirm_, *approve_, *publish_, *cancel_, *remind_;
    std::vector<Publication> publications_;
    int sort_column_ = 1;
    bool descending_ = false;
    bool opened_ = false;  // the first showing selects the row nearest today
};

}  // namespace sponsordesk::gui

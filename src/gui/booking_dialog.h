#pragma once
// One booking: its facts, status changes along the pipeline, and the copy
// editor with a live word count against the placement's limit.
#include <wx/dialog.h>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace sponsordesk::gui {

class BookingDialog : public wxDialog {
public:
    BookingDialog(wxWindow* parent, Database& db, Id booking_id);

    bool SaveCopy();
    bool ChangeStatus(BookingStatus to);
    wxTextCtrl* copy_editor() { return copy_; }
    wxStaticText* error_line() { return error_; }
    wxStaticText* word_count() { return words_; }
    wxButton* save_button() { return save_; }
    bool changed() const { return changed_; }

private:
    void Load();
    void UpdateWordCount();
    void SendReminder();

    Database& db_;
    Id id_;
    BookingView view_;
    wxStaticText *title_, *facts_, *status_, *words_, *error_, *late_;
    wxTextCtrl *copy_, *link_;
    wxButton *confirm_, *approve_, *publish_, *cancel_, *save_, *remind_;
    bool changed_ = false;
};

// Shows the dialog; true when the booking changed.
bool ShowBookingDialog(wxWindow* parent, Database& db, Id booking_id);

}  // namespace sponsordesk::gui

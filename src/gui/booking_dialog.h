#pragma once
// One booking: its facts, status changes along the pipeline, and the copy
// editor with a live word count against the placement's limit.
#include <wx/dialog.h>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/services/booking_service.h"
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
    // Copy or link typed and not saved.
    bool HasUnsavedCopy() const;
    // Close, asking Save / Discard / Cancel about unsaved copy; false when
    // the dialog stays open (cancelled, or the copy was refused).
    bool TryClose();

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

// Says what cancelling the booking does and asks; true to go ahead.
bool ConfirmCancelBooking(wxWindow* parent, const BookingView& v);

// Opens the mail program on the reminder; without one, offers to copy the
// reminder to the clipboard. True when it was handed to either.
bool SendCopyReminder(wxWindow* parent, const CopyReminder& r);

}  // namespace sponsordesk::gui

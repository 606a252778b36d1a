#pragma once
// One booking: its facts, its price (until invoiced), status changes along
// the pipeline, and the copy editor with a live word count against the
// placement's limit.
#include <wx/dialog.h>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/storage/database.h"

class wxButton;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace sponsordesk::gui {

class HistoryList;

class BookingDialog : public wxDialog {
public:
    BookingDialog(wxWindow* parent, Database& db, Id booking_id);

    bool SaveCopy();
    // Saves the price as typed (the core's price change); false, with the
    // reason beside the field, when it is no amount or the core refuses it.
    bool SavePrice();
    bool ChangeStatus(BookingStatus to);
    wxTextCtrl* copy_editor() { return copy_; }
    wxStaticText* error_line() { return error_; }
    wxStaticText* word_count() { return words_; }
    wxButton* save_button() { return save_; }
    wxTextCtrl* price_field() { return price_; }
    wxButton* save_price_button() { return save_price_; }
    wxStaticText* price_error() { return price_err_; }
    // Why the price cannot change (on an invoice), or empty.
    wxStaticText* price_note() { return price_note_; }
    bool changed() const { return changed_; }
    // The tabs: the booking, then its history (activity log, newest first).
    wxNotebook* tabs() { return tabs_; }
    HistoryList* history() { return history_; }
    // Copy or link typed and not saved.
    bool HasUnsavedCopy() const;
    // A price typed and not saved.
    bool HasUnsavedPrice() const;
    // Close, asking Save / Discard / Cancel about unsaved copy or price;
    // false when the dialog stays open (cancelled, or the save was refused).
    bool TryClose();

private:
    void Load();
    void UpdateWordCount();
    void SendReminder();

    Database& db_;
    Id id_;
    BookingView view_;
    wxStaticText *title_, *facts_, *status_, *words_, *error_, *late_, *price_err_, *price_note_, *price_label_;
    wxTextCtrl *copy_, *link_, *price_;
    wxButton *confirm_, *approve_, *publish_, *cancel_, *save_, *remind_, *save_price_;
    wxNotebook* tabs_ = nullptr;
    HistoryList* history_ = nullptr;
    bool changed_ = false;
    bool loaded_ = false;
};

// Shows the dialog; true when the booking changed.
bool ShowBookingDialog(wxWindow* parent, Database& db, Id booking_id);

// Says what cancelling the booking does and asks; true to go ahead.
bool ConfirmCancelBooking(wxWindow* parent, const BookingView& v);

// Opens the mail program on the reminder; without one, offers to copy the
// reminder to the clipboard. True when it was handed to either.
bool SendCopyReminder(wxWindow* parent, const CopyReminder& r);

}  // namespace sponsordesk::gui

#pragma once
// A view of the main window (calendar, bookings, sponsors…) and what it may
// ask of the window that holds it.
#include <functional>
#include <optional>

#include <wx/panel.h>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

class wxStaticText;

namespace sponsordesk::gui {

class ViewHost {
public:
    virtual ~ViewHost() = default;
    // Something was written: other views re-read before they are next shown.
    virtual void DataChanged() = 0;
    virtual void SetStatus(const wxString& text) = 0;
    virtual void ShowView(int view) = 0;
    // The calendar on a month, of one publication when given.
    virtual void OpenCalendar(const Month& month, std::optional<PublicationId> publication) = 0;
    // The invoices view with one invoice selected.
    virtual void OpenInvoice(InvoiceId invoice) = 0;
};

class View : public wxPanel {
public:
    View(wxWindow* parent, Database& db, ViewHost& host) : wxPanel(parent), db_(db), host_(host) {}
    // Re-reads what the view shows from the database. Unsaved edits survive it.
    virtual void Reload() = 0;
    // Called before the window closes, to remember splitters and the like.
    virtual void SaveState() {}
    // Unsaved changes, if any: asks Save / Discard / Cancel. False when the
    // user cancelled (or saving failed): the caller must stay where it is.
    virtual bool CanLeave() { return true; }
    // File ▸ Save (Ctrl+S): saves what the view edits; false when nothing was saved.
    virtual bool SaveChanges() { return false; }
    // The sentence shown in place of the view's content when there is
    // nothing to show (what to do next), or empty when content is shown.
    wxString EmptyStateText() const;

protected:
    // The label that replaces `content` when the view is empty; the caller
    // adds it to the sizer beside `content`.
    wxStaticText* MakeEmptyState(wxWindow* parent, wxWindow* content);
    // Shows `text` instead of the content, or the content when `text` is empty.
    void ShowEmptyState(const wxString& text);

    Database& db_;
    ViewHost& host_;

private:
    wxStaticText* empty_ = nullptr;
    wxWindow* content_ = nullptr;
};

// Whether the user may leave unsaved changes behind (switch issue or view,
// close a dialog, quit). With `dirty` false, yes without a question; else
// asks Save / Discard / Cancel about the changes `what` describes: Save runs
// `save` (yes when it succeeded: refused input stays where it was), Discard
// runs `discard` if given (yes), Cancel is no. On no, the caller stays put.
bool MayLeave(wxWindow* parent, bool dirty, const wxString& what, const std::function<bool()>& save,
              const std::function<void()>& discard = {});

}  // namespace sponsordesk::gui

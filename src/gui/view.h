#pragma once
// A view of the main window (calendar, bookings, sponsors…) and what it may
// ask of the window that holds it.
#include <wx/panel.h>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk::gui {

class ViewHost {
public:
    virtual ~ViewHost() = default;
    // Something was written: other views re-read before they are next shown.
    virtual void DataChanged() = 0;
    virtual void SetStatus(const wxString& text) = 0;
    virtual void ShowView(int view) = 0;
};

class View : public wxPanel {
public:
    View(wxWindow* parent, Database& db, ViewHost& host) : wxPanel(parent), db_(db), host_(host) {}
    // Re-reads what the view shows from the database.
    virtual void Reload() = 0;
    // Called before the window closes, to remember splitters and the like.
    virtual void SaveState() {}

protected:
    Database& db_;
    ViewHost& host_;
};

}  // namespace sponsordesk::gui

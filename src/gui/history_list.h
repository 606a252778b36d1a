#pragma once
// What happened to one object (a booking, a sponsor, an invoice), from the
// activity log: when (local time), who, what; newest first; read-only.
#include <optional>
#include <string>

#include <wx/listctrl.h>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk::gui {

class HistoryList : public wxListView {
public:
    explicit HistoryList(wxWindow* parent, const wxSize& size = wxSize(-1, 160));
    // Shows the object's rows (kind as `activity --object KIND:ID` takes it);
    // an error reading the log is shown as the list's one row.
    void ShowObject(Database& db, const std::string& kind, Id id);
    void Clear() { DeleteAllItems(); }
};

// The tab's title, one word for every object.
wxString HistoryTabTitle();

}  // namespace sponsordesk::gui

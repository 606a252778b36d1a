#include "history_list.h"

#include "error_text.h"
#include "gui_util.h"
#include "sponsordesk/services/team_service.h"

namespace sponsordesk::gui {

HistoryList::HistoryList(wxWindow* parent, const wxSize& size)
    : wxListView(parent, wxID_ANY, wxDefaultPosition, size, wxLC_REPORT | wxLC_SINGLE_SEL) {
    AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, 130);
    AppendColumn(_("User"), wxLIST_FORMAT_LEFT, 100);
    AppendColumn(_("Action"), wxLIST_FORMAT_LEFT, 120);
    AppendColumn(_("Summary"), wxLIST_FORMAT_LEFT, 420);
}

void HistoryList::ShowObject(Database& db, const std::string& kind, Id id) {
    Freeze();
    DeleteAllItems();
    try {
        ActivityFilter f;
        f.object_kind = kind;
        f.object_id = id;
        const auto rows = TeamService(db).activity(f);  // newest first
        for (size_t i = 0; i < rows.size(); ++i) {
            const long row = InsertItem(static_cast<long>(i), format_timestamp(rows[i].at));
            SetItem(row, 1, wx(rows[i].actor));
            SetItem(row, 2, wx(rows[i].action));
            SetItem(row, 3, wx(rows[i].summary));
        }
    } catch (const std::exception& e) {
        const long row = InsertItem(0, wxString());
        SetItem(row, 3, error_text(e));
    }
    Thaw();
}

wxString HistoryTabTitle() { return _("History"); }

}  // namespace sponsordesk::gui

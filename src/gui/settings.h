#pragma once
// Typed access to what the program remembers between runs (over wxConfig),
// so that no raw key is spelled anywhere else.
#include <wx/arrstr.h>
#include <wx/string.h>

class wxFileHistory;

namespace sponsordesk::gui {

class Settings {
public:
    // The last view's name (MainFrame::ViewKey); a setting written by a
    // version that stored the view's number is read as the view it meant.
    static wxString LastView();
    static void LastView(const wxString& view);

    static int SplitterPosition(const wxString& name, int fallback);
    static void SaveSplitterPosition(const wxString& name, int pos);

    static wxString LastPublication();
    static void LastPublication(const wxString& slug);

    static void LoadRecent(wxFileHistory& history);
    static void SaveRecent(wxFileHistory& history);

    // Servers connected to, newest first, as URIs without any password.
    static wxArrayString RecentServers();
    static void AddRecentServer(const wxString& uri_without_password);
};

}  // namespace sponsordesk::gui

#include "settings.h"

#include <wx/config.h>
#include <wx/filehistory.h>

namespace sponsordesk::gui {

wxString Settings::LastView() {
    wxConfigBase* config = wxConfigBase::Get();
    wxString name;
    if (config->Read(wxS("/UI/LastViewName"), &name)) return name;
    // Before the Dashboard, the number of the view: 0 calendar … 5 reports.
    static const char* const numbered[] = {"calendar", "bookings", "sponsors", "draft", "invoices", "reports"};
    long number = -1;
    if (config->Read(wxS("/UI/LastView"), &number) && number >= 0 && number < 6)
        return wxString::FromAscii(numbered[number]);
    return wxString();
}
void Settings::LastView(const wxString& view) { wxConfigBase::Get()->Write(wxS("/UI/LastViewName"), view); }

int Settings::SplitterPosition(const wxString& name, int fallback) {
    return static_cast<int>(wxConfigBase::Get()->ReadLong(wxS("/UI/Splitters/") + name, fallback));
}
void Settings::SaveSplitterPosition(const wxString& name, int pos) {
    wxConfigBase::Get()->Write(wxS("/UI/Splitters/") + name, static_cast<long>(pos));
}

wxString Settings::LastPublication() { return wxConfigBase::Get()->Read(wxS("/UI/LastPublication"), wxString()); }
void Settings::LastPublication(const wxString& slug) { wxConfigBase::Get()->Write(wxS("/UI/LastPublication"), slug); }

void Settings::LoadRecent(wxFileHistory& history) {
    wxConfigBase* c = wxConfigBase::Get();
    c->SetPath(wxS("/RecentFiles"));
    history.Load(*c);
    c->SetPath(wxS("/"));
}
void Settings::SaveRecent(wxFileHistory& history) {
    wxConfigBase* c = wxConfigBase::Get();
    c->SetPath(wxS("/RecentFiles"));
    history.Save(*c);
    c->SetPath(wxS("/"));
    c->Flush();
}

wxArrayString Settings::RecentServers() {
    wxConfigBase* c = wxConfigBase::Get();
    wxArrayString out;
    for (int i = 1; i <= 8; ++i) {
        wxString uri;
        if (c->Read(wxString::Format(wxS("/RecentServers/server%d"), i), &uri) && !uri.empty()) out.Add(uri);
    }
    return out;
}

void Settings::AddRecentServer(const wxString& uri) {
    wxArrayString list = RecentServers();
    const int at = list.Index(uri);
    if (at != wxNOT_FOUND) list.RemoveAt(static_cast<size_t>(at));
    list.Insert(uri, 0);
    wxConfigBase* c = wxConfigBase::Get();
    c->DeleteGroup(wxS("/RecentServers"));
    for (size_t i = 0; i < list.size() && i < 8; ++i)
        c->Write(wxString::Format(wxS("/RecentServers/server%zu"), i + 1), list[i]);
    c->Flush();
}

}  // namespace sponsordesk::gui

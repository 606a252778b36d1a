#include "settings.h"

#include <wx/config.h>
#include <wx/filehistory.h>

namespace sponsordesk::gui {

int Settings::LastView() { return static_cast<int>(wxConfigBase::Get()->ReadLong(wxS("/UI/LastView"), 0)); }
void Settings::LastView(int view) { wxConfigBase::Get()->Write(wxS("/UI/LastView"), static_cast<long>(view)); }

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

}  // namespace sponsordesk::gui

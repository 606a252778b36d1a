#include "i18n.h"

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include "gui_util.h"

namespace sponsordesk::gui {

void SetupTranslations(wxLanguage language) {
    static bool paths_added = false;
    if (!paths_added) {
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxS(SPONSORDESK_BUILD_LOCALEDIR));
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxS(SPONSORDESK_INSTALL_LOCALEDIR));
        wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
        exe.RemoveLastDir();
        exe.AppendDir(wxS("share"));
        exe.AppendDir(wxS("locale"));
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe.GetPath());
        paths_added = true;
    }
    auto* t = new wxTranslations;
    if (language != wxLANGUAGE_DEFAULT) t->SetLanguage(language);
    wxTranslations::Set(t);  // owns it; replaces (and deletes) the previous one
    t->AddStdCatalog();
    const bool french = t->AddCatalog(wxS("sponsordesk"), wxLANGUAGE_ENGLISH_US) &&
                        t->GetBestTranslation(wxS("sponsordesk"), wxLANGUAGE_ENGLISH_US).StartsWith(wxS("fr"));
    set_ui_language(french ? "fr" : "en");
}

}  // namespace sponsordesk::gui

#pragma once
// Chooses the UI language: the French catalogue when the system (or the
// caller) asks for French, else English; looks in the build tree, then in
// the install tree, then beside the executable.
#include <wx/language.h>

namespace sponsordesk::gui {

// wxLANGUAGE_DEFAULT follows the system (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
void SetupTranslations(wxLanguage language = wxLANGUAGE_DEFAULT);

}  // namespace sponsordesk::gui

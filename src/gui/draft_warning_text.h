#pragma once
// The desktop app's words for a draft's warnings: a sentence in the UI
// language built from the warning's code and values (the English of
// english_text() is the command line's).
#include <wx/string.h>

#include "sponsordesk/drafts/draft_warning.h"

namespace sponsordesk::gui {

// "{{slot:XYZ}}: no placement has the code “XYZ” in this publication."
wxString draft_warning_text(const DraftWarning& w);
// The same, after "Line 5: " when the warning has a line.
wxString draft_warning_line(const DraftWarning& w);

}  // namespace sponsordesk::gui

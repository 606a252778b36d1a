#pragma once
// The desktop app's words for the core's errors: a sentence in the UI
// language built from the error's code and values (never from its English
// text, which is the command line's), and the form field it concerns.
#include <exception>
#include <string>

#include <wx/string.h>

namespace sponsordesk::gui {

// The sentence for any exception: a core Error worded from its code and
// values; anything else by its own text.
wxString error_text(const std::exception& e);
// The stable key of the field the error concerns ("price", "name",
// "hold_until"…), or "" when it concerns none.
std::string error_field(const std::exception& e);
// A field's name as a form labels it, in the UI language.
wxString field_label(const std::string& key);
// A team role ("sales", "editor", "finance", "admin") in the user's language.
wxString role_name(const std::string& role);

}  // namespace sponsordesk::gui

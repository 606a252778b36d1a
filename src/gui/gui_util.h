#pragma once
// The GUI's edge: UTF-8 std::string <-> wxString, people's formats for dates
// and money in the UI language, and the colours of booking states.
#include <exception>
#include <optional>
#include <string>

#include <wx/colour.h>
#include <wx/datetime.h>
#include <wx/string.h>
#include <wx/translation.h>

#include "sponsordesk/domain/model.h"

class wxWindow;

// Message ids are UTF-8 (typographic "…" and "—" included), which wx's own
// _() would read as ASCII under wxNO_IMPLICIT_WXSTRING_ENCODING.
#undef _
#define _(s) ::sponsordesk::gui::tr(s)

namespace sponsordesk::gui {

inline wxString tr(const char* msgid) { return wxGetTranslation(wxString::FromUTF8(msgid)); }
inline wxString wx(const std::string& s) { return wxString::FromUTF8(s.data(), s.size()); }
inline std::string utf8(const wxString& s) {
    const wxScopedCharBuffer b = s.utf8_str();
    return std::string(b.data(), b.length());
}

// "fr" when the French catalogue is in use, else "en".
std::string ui_language();
void set_ui_language(const std::string& lang);

wxString format_date(const Date& d);       // fr 28/01/2026, en 2026-01-28
wxString format_day(const Date& d);        // "mar. 28/01" / "Tue 01-28"
wxString format_month(int year, int month);  // "janvier 2026" / "January 2026"
wxString format_money_ui(Minor minor, const std::string& currency);

wxDateTime to_wx(const Date& d);
Date from_wx(const wxDateTime& d);

// The state a slot shows in the calendar and the bookings list.
enum class SlotState { Open, Hold, ExpiredHold, Confirmed, CopyReceived, Approved, Published, Cancelled };
SlotState slot_state(const BookingView& v);
wxString state_label(SlotState s);
wxString status_label(BookingStatus s);
wxColour state_colour(SlotState s);

// Shows a core error as a message box worded in the UI language (see
// error_text.h), titled by its kind.
void show_error(wxWindow* parent, const std::exception& e);
wxString error_title(const std::exception& e);

}  // namespace sponsordesk::gui

#pragma once
// The GUI's edge: UTF-8 std::string <-> wxString, people's formats for dates
// and money in the UI language, and the colours of booking states.
#include <exception>
#include <optional>
#include <string>
#include <type_traits>

#include <wx/colour.h>
#include <wx/datetime.h>
#include <wx/string.h>
#include <wx/translation.h>

class wxWindow;

#include "sponsordesk/domain/model.h"
#include "sponsordesk/domain/roles.h"
#include "sponsordesk/domain/money.h"

class wxWindow;

// Message ids are UTF-8 (typographic "…" and "—" included), which wx's own
// _(), wxPLURAL and wxGETTEXT_IN_CONTEXT would read as ASCII under
// wxNO_IMPLICIT_WXSTRING_ENCODING. resources/locale/update_po.py extracts
// these three keywords.
#undef _
#define _(s) ::sponsordesk::gui::tr(s)
#undef wxPLURAL
#define wxPLURAL(singular, plural, n) ::sponsordesk::gui::tr_plural(singular, plural, n)
#undef wxGETTEXT_IN_CONTEXT
#define wxGETTEXT_IN_CONTEXT(context, s) ::sponsordesk::gui::tr_ctx(context, s)

namespace sponsordesk::gui {

inline wxString tr(const char* msgid) { return wxGetTranslation(wxString::FromUTF8(msgid)); }
// A short word whose translation depends on what it names ("Open" slot vs
// the Open command): the context tells translators which one.
inline wxString tr_ctx(const char* context, const char* msgid) {
    return wxGetTranslation(wxString::FromUTF8(msgid), wxString(), wxString::FromUTF8(context));
}
template <typename Count>
wxString tr_plural(const char* singular, const char* plural, Count n) {
    // Plural rules look at the count modulo large powers of ten at most.
    unsigned long long u = static_cast<unsigned long long>(n);
    if constexpr (std::is_signed_v<Count>) u = n < 0 ? 0ULL : u;
    const unsigned rule_n = static_cast<unsigned>(u > 1000000000ULL ? 1000000000ULL + u % 1000000ULL : u);
    return wxGetTranslation(wxString::FromUTF8(singular), wxString::FromUTF8(plural), rule_n);
}
inline wxString wx(const std::string& s) { return wxString::FromUTF8(s.data(), s.size()); }
inline std::string utf8(const wxString& s) {
    const wxScopedCharBuffer b = s.utf8_str();
    return std::string(b.data(), b.length());
}

// "fr" when the French catalogue is in use, else "en".
std::string ui_language();
void set_ui_language(const std::string& lang);

wxString format_date(const Date& d);         // fr 28/01/2026, en 2026-01-28
wxString format_day(const Date& d);          // "mar. 28/01" / "Tue 01-28"
wxString format_month(int year, int month);  // "janvier 2026" / "January 2026"
wxString format_money_ui(Minor minor, const std::string& currency);
wxString format_timestamp(const std::string& iso);  // "2026-03-02T10:15:00Z": fr "02/03/2026 10:15"
// An invoice by its number, or "brouillon n°4" / "draft #4" before it has one.
wxString invoice_ref(Id id, const std::optional<std::string>& number);
inline wxString invoice_ref(const LiveInvoice& inv) { return invoice_ref(inv.id, inv.number); }
wxString weekday_short(int weekday);              // 0 = Monday: "lun." / "Mon"
wxString format_cadence(unsigned cadence);        // "lun., mer., ven." / "Mon, Wed, Fri"
wxString language_name(const std::string& code);  // "fr" -> "French" in the UI language

// Amounts in form fields, written and read the UI language's way (the core's
// parse_typed_amount holds the rule): fields are pre-filled "1 500,00" in
// French, "1,500.00" in English; "1 500,00 €", "1 500", "1500,5" are read.
AmountStyle ui_amount_style();
wxString format_amount_ui(Minor minor);
// false when `text` is not an amount; `error` then names the field and the text.
bool read_amount(const wxString& text, const std::string& currency, const wxString& field, Minor& out, wxString& error);

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

// The user's role on the open database ("admin" for a file), set when it
// opens. Actions the role may not do are disabled with a tooltip saying why.
void set_current_role(const std::string& role);
const std::string& current_role();
bool permits(Capability c);
// Enables `w` when `enable` and the role permits `c`; a control the role
// forbids gets the tooltip "Your role (sales) may not do this."
void enable_for(wxWindow* w, bool enable, Capability c);
wxString role_refusal();

}  // namespace sponsordesk::gui

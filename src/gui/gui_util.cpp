#include "gui_util.h"

#include "error_text.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/translation.h>
#include <wx/window.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk::gui {
namespace {
std::string g_language = "en";
}

std::string ui_language() { return g_language; }
void set_ui_language(const std::string& lang) { g_language = lang == "fr" ? "fr" : "en"; }

wxString format_date(const Date& d) {
    if (g_language == "fr") return wxString::Format(wxS("%02d/%02d/%04d"), d.day, d.month, d.year);
    return wx(d.iso());
}

wxString format_day(const Date& d) {
    const wxString name = weekday_short(d.weekday());
    if (g_language == "fr") return name + wxString::Format(wxS(" %02d/%02d"), d.day, d.month);
    return name + wxString::Format(wxS(" %02d-%02d"), d.month, d.day);
}

wxString invoice_ref(Id id, const std::optional<std::string>& number) {
    if (number) return wx(*number);
    return wxString::Format(_("draft #%lld"), static_cast<long long>(id));
}

wxString format_timestamp(const std::string& iso) {
    // Stored in UTC as 2026-03-02T10:15:00Z; shown in the user's time zone.
    wxDateTime t;
    const wxString stored = wx(iso.size() == 20 && iso.back() == 'Z' ? iso.substr(0, 19) : std::string());
    if (stored.empty() || !t.ParseISOCombined(stored) || !t.IsValid()) {
        try {
            return format_date(Date::parse(iso.substr(0, 10)));
        } catch (const std::exception&) {
            return wx(iso);  // not a date: shown as stored rather than hidden
        }
    }
    t.MakeFromUTC();
    const Date local{t.GetYear(), static_cast<int>(t.GetMonth()) + 1, t.GetDay()};
    return format_date(local) + wxString::Format(wxS(" %02d:%02d"), t.GetHour(), t.GetMinute());
}

wxString weekday_short(int weekday) {
    switch (weekday) {
        // TRANSLATORS: short weekday name, as in a calendar ("lun.").
        case 0:
            return wxGETTEXT_IN_CONTEXT("weekday", "Mon");
        case 1:
            return wxGETTEXT_IN_CONTEXT("weekday", "Tue");
        case 2:
            return wxGETTEXT_IN_CONTEXT("weekday", "Wed");
        case 3:
            return wxGETTEXT_IN_CONTEXT("weekday", "Thu");
        case 4:
            return wxGETTEXT_IN_CONTEXT("weekday", "Fri");
        case 5:
            return wxGETTEXT_IN_CONTEXT("weekday", "Sat");
        case 6:
            return wxGETTEXT_IN_CONTEXT("weekday", "Sun");
    }
    return {};
}

wxString format_cadence(unsigned cadence) {
    wxString out;
    for (int wd = 0; wd < 7; ++wd) {
        if (!((cadence >> wd) & 1u)) continue;
        if (!out.empty()) out += wxS(", ");
        out += weekday_short(wd);
    }
    return out;
}

wxString language_name(const std::string& code) {
    if (code == "fr") return _("French");
    if (code == "en") return _("English");
    return wx(code);
}

AmountStyle ui_amount_style() { return amount_style(g_language); }

wxString format_amount_ui(Minor minor) { return wx(format_typed_amount(minor, ui_amount_style())); }

bool read_amount(const wxString& text, const std::string& currency, const wxString& field, Minor& out,
                 wxString& error) {
    const std::optional<Minor> v = parse_typed_amount(utf8(text), ui_amount_style(), currency);
    if (v) {
        out = *v;
        error.clear();
        return true;
    }
    wxString t = text;
    t.Trim().Trim(false);
    if (t.StartsWith(wxS("-")))
        // TRANSLATORS: %s is the field's name ("Price").
        error = wxString::Format(_("%s: an amount cannot be negative."), field);
    else if (t.empty())
        error = wxString::Format(_("%s: enter an amount."), field);
    else
        // TRANSLATORS: the field's name, what was typed, then an example amount ("1 500,50").
        error =
            wxString::Format(_("%s: “%s” is not an amount; write it as in %s."), field, t, format_amount_ui(150050));
    return false;
}

wxString format_month(int year, int month) {
    static const char* fr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                               "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    static const char* en[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
    const char* name = (g_language == "fr" ? fr : en)[(month - 1) % 12];
    return wxString::FromUTF8(name) + wxString::Format(wxS(" %d"), year);
}

wxString format_money_ui(Minor minor, const std::string& currency) {
    return wx(format_money(minor, currency.empty() ? "EUR" : currency, g_language));
}

wxDateTime to_wx(const Date& d) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d.day), static_cast<wxDateTime::Month>(d.month - 1),
                      d.year);
}

Date from_wx(const wxDateTime& d) { return Date{d.GetYear(), static_cast<int>(d.GetMonth()) + 1, d.GetDay()}; }

SlotState slot_state(const BookingView& v) {
    switch (v.booking.status) {
        case BookingStatus::Hold:
            return v.hold_expired ? SlotState::ExpiredHold : SlotState::Hold;
        case BookingStatus::Confirmed:
            return SlotState::Confirmed;
        case BookingStatus::CopyReceived:
            return SlotState::CopyReceived;
        case BookingStatus::Approved:
            return SlotState::Approved;
        case BookingStatus::Published:
            return SlotState::Published;
        case BookingStatus::Cancelled:
            return SlotState::Cancelled;
    }
    return SlotState::Open;
}

wxString state_label(SlotState s) {
    switch (s) {
        // TRANSLATORS: a free slot in the calendar's legend (an adjective, not the verb "open a file").
        case SlotState::Open:
            return wxGETTEXT_IN_CONTEXT("slot state", "Open");
        case SlotState::Hold:
            return wxGETTEXT_IN_CONTEXT("booking status", "Hold");
        case SlotState::ExpiredHold:
            return wxGETTEXT_IN_CONTEXT("booking status", "Expired hold");
        case SlotState::Confirmed:
            return wxGETTEXT_IN_CONTEXT("booking status", "Confirmed");
        case SlotState::CopyReceived:
            return wxGETTEXT_IN_CONTEXT("booking status", "Copy received");
        case SlotState::Approved:
            return wxGETTEXT_IN_CONTEXT("booking status", "Approved");
        case SlotState::Published:
            return wxGETTEXT_IN_CONTEXT("booking status", "Published");
        case SlotState::Cancelled:
            return wxGETTEXT_IN_CONTEXT("booking status", "Cancelled");
    }
    return {};
}

wxString status_label(BookingStatus s) {
    switch (s) {
        // TRANSLATORS: the state of a booking (feminine in French: "une réservation").
        case BookingStatus::Hold:
            return wxGETTEXT_IN_CONTEXT("booking status", "Hold");
        case BookingStatus::Confirmed:
            return wxGETTEXT_IN_CONTEXT("booking status", "Confirmed");
        case BookingStatus::CopyReceived:
            return wxGETTEXT_IN_CONTEXT("booking status", "Copy received");
        case BookingStatus::Approved:
            return wxGETTEXT_IN_CONTEXT("booking status", "Approved");
        case BookingStatus::Published:
            return wxGETTEXT_IN_CONTEXT("booking status", "Published");
        case BookingStatus::Cancelled:
            return wxGETTEXT_IN_CONTEXT("booking status", "Cancelled");
    }
    return {};
}

wxColour state_colour(SlotState s) {
    // Light tints readable with dark text; one hue family per stage.
    switch (s) {
        case SlotState::Open:
            return wxColour(255, 255, 255);
        case SlotState::Hold:
            return wxColour(255, 236, 179);
        case SlotState::ExpiredHold:
            return wxColour(224, 224, 224);
        case SlotState::Confirmed:
            return wxColour(187, 222, 251);
        case SlotState::CopyReceived:
            return wxColour(209, 196, 233);
        case SlotState::Approved:
            return wxColour(200, 230, 201);
        case SlotState::Published:
            return wxColour(129, 199, 132);
        case SlotState::Cancelled:
            return wxColour(255, 205, 210);
    }
    return *wxWHITE;
}

wxString error_title(const std::exception& e) {
    if (auto* err = dynamic_cast<const Error*>(&e)) {
        switch (err->kind()) {
            case ErrorKind::InvalidInput:
            case ErrorKind::Usage:
                return _("Invalid input");
            case ErrorKind::NotFound:
                return _("Not found");
            case ErrorKind::Conflict:
                return _("Not possible");
            case ErrorKind::Storage:
                return _("Storage error");
            case ErrorKind::NotPermitted:
                return _("Not permitted");
        }
    }
    return _("Error");
}

void show_error(wxWindow* parent, const std::exception& e) {
    wxMessageBox(error_text(e), error_title(e), wxOK | wxICON_WARNING, parent);
}

namespace {
std::string& role_storage() {
    static std::string role = "admin";
    return role;
}
}  // namespace

void set_current_role(const std::string& role) { role_storage() = role; }
const std::string& current_role() { return role_storage(); }
bool permits(Capability c) { return role_may(current_role(), c); }

wxString role_refusal() { return wxString::Format(_("Your role (%s) may not do this."), role_name(current_role())); }

void enable_for(wxWindow* w, bool enable, Capability c) {
    const bool allowed = permits(c);
    w->Enable(enable && allowed);
    if (!allowed)
        w->SetToolTip(role_refusal());
    else if (w->GetToolTip() && w->GetToolTipText() == role_refusal())
        w->UnsetToolTip();
}

}  // namespace sponsordesk::gui

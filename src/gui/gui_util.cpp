#include "gui_util.h"

#include "error_text.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/translation.h>

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
    static const char* fr[] = {"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."};
    static const char* en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    const int wd = d.weekday();
    if (g_language == "fr") return wxString::FromUTF8(fr[wd]) + wxString::Format(wxS(" %02d/%02d"), d.day, d.month);
    return wxString::FromUTF8(en[wd]) + wxString::Format(wxS(" %02d-%02d"), d.month, d.day);
}

wxString format_month(int year, int month) {
    static const char* fr[] = {"janvier", "février", "mars", "avril", "mai", "juin",
                               "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
    static const char* en[] = {"January", "February", "March", "April", "May", "June",
                               "July", "August", "September", "October", "November", "December"};
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
    case BookingStatus::Hold: return v.hold_expired ? SlotState::ExpiredHold : SlotState::Hold;
    case BookingStatus::Confirmed: return SlotState::Confirmed;
    case BookingStatus::CopyReceived: return SlotState::CopyReceived;
    case BookingStatus::Approved: return SlotState::Approved;
    case BookingStatus::Published: return SlotState::Published;
    case BookingStatus::Cancelled: return SlotState::Cancelled;
    }
    return SlotState::Open;
}

wxString state_label(SlotState s) {
    switch (s) {
    case SlotState::Open: return _("Open");
    case SlotState::Hold: return _("Hold");
    case SlotState::ExpiredHold: return _("Expired hold");
    case SlotState::Confirmed: return _("Confirmed");
    case SlotState::CopyReceived: return _("Copy received");
    case SlotState::Approved: return _("Approved");
    case SlotState::Published: return _("Published");
    case SlotState::Cancelled: return _("Cancelled");
    }
    return {};
}

wxString status_label(BookingStatus s) {
    switch (s) {
    case BookingStatus::Hold: return _("Hold");
    case BookingStatus::Confirmed: return _("Confirmed");
    case BookingStatus::CopyReceived: return _("Copy received");
    case BookingStatus::Approved: return _("Approved");
    case BookingStatus::Published: return _("Published");
    case BookingStatus::Cancelled: return _("Cancelled");
    }
    return {};
}

wxColour state_colour(SlotState s) {
    // Light tints readable with dark text; one hue family per stage.
    switch (s) {
    case SlotState::Open: return wxColour(255, 255, 255);
    case SlotState::Hold: return wxColour(255, 236, 179);
    case SlotState::ExpiredHold: return wxColour(224, 224, 224);
    case SlotState::Confirmed: return wxColour(187, 222, 251);
    case SlotState::CopyReceived: return wxColour(209, 196, 233);
    case SlotState::Approved: return wxColour(200, 230, 201);
    case SlotState::Published: return wxColour(129, 199, 132);
    case SlotState::Cancelled: return wxColour(255, 205, 210);
    }
    return *wxWHITE;
}

wxString error_title(const std::exception& e) {
    if (auto* err = dynamic_cast<const Error*>(&e)) {
        switch (err->kind()) {
        case ErrorKind::InvalidInput:
        case ErrorKind::Usage: return _("Invalid input");
        case ErrorKind::NotFound: return _("Not found");
        case ErrorKind::Conflict: return _("Not possible");
        case ErrorKind::Storage: return _("Storage error");
        }
    }
    return _("Error");
}

void show_error(wxWindow* parent, const std::exception& e) {
    wxMessageBox(error_text(e), error_title(e), wxOK | wxICON_WARNING, parent);
}

}  // namespace sponsordesk::gui

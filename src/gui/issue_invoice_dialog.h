#pragma once
// The question asked before a draft invoice is issued: the number it will
// get (the core's, for the chosen date), the date (choosable), the due date,
// and what issuing means. Issuing itself is the caller's.
#include <wx/dialog.h>

#include "sponsordesk/services/invoice_service.h"

class wxButton;
class wxDatePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace sponsordesk::gui {

class IssueInvoiceDialog : public wxDialog {
public:
    IssueInvoiceDialog(wxWindow* parent, Database& db, const InvoiceView& draft);

    Date date() const { return date_; }
    // Euros per unit of the invoice's currency, when it is not EUR.
    std::optional<std::int64_t> eur_rate() const { return eur_rate_; }
    wxTextCtrl* eur_rate_field() { return rate_; }
    // The number shown for the chosen date (empty when the date is refused).
    const wxString& number() const { return number_; }
    wxDatePickerCtrl* date_picker() { return picker_; }
    wxStaticText* number_label() { return number_label_; }
    // Sets the date as if picked, and updates number and due date.
    void SetDate(const Date& d);

private:
    void Update();

    Database& db_;
    InvoiceView draft_;
    Date date_;
    std::optional<std::int64_t> eur_rate_;
    wxString number_;
    wxTextCtrl* rate_ = nullptr;
    wxStaticText* month_note_;
    wxDatePickerCtrl* picker_;
    wxStaticText *number_label_, *due_label_, *error_;
    wxButton* ok_;
};

}  // namespace sponsordesk::gui

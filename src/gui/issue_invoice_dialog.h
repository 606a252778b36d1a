#pragma once
// The question asked before a draft invoice is issued: the number it will
// get (the core's, for the chosen date), the date (choosable), the due date,
// and what issuing means. Issuing itself is the caller's.
#include <wx/dialog.h>

#include "sponsordesk/services/invoice_service.h"

class wxButton;
class wxDatePickerCtrl;
class wxStaticText;

namespace sponsordesk::gui {

class IssueInvoiceDialog : public wxDialog {
public:
    IssueInvoiceDialog(wxWindow* parent, Database& db, const InvoiceView& draft);

    Date date() const { return date_; }
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
    wxString number_;
    wxDatePickerCtrl* picker_;
    wxStaticText *number_label_, *due_label_, *error_;
    wxButton* ok_;
};

}  // namespace sponsordesk::gui

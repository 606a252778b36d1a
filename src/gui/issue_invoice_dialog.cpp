#include "issue_invoice_dialog.h"

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "form.h"
#include "error_text.h"
#include "gui_util.h"
#include "sponsordesk/services/invoice_rules.h"
#include "sponsordesk/services/sponsor_service.h"

namespace sponsordesk::gui {

IssueInvoiceDialog::IssueInvoiceDialog(wxWindow* parent, Database& db, const InvoiceView& draft)
    : wxDialog(parent, wxID_ANY, _("Issue Invoice")), db_(db), draft_(draft), date_(Date::today()) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   wxControl::EscapeMnemonics(wxString::Format(
                                       _("Issue the draft invoice for %s (%s before VAT)?"), wx(draft_.sponsor_name),
                                       format_money_ui(draft_.invoice.net, draft_.invoice.currency))));
    intro->Wrap(460);
    top->Add(intro, 0, wxALL, 12);

    FormGrid form(this);
    picker_ = new wxDatePickerCtrl(this, wxID_ANY, to_wx(date_));
    picker_->SetRange(wxInvalidDateTime, to_wx(Date::today()));
    form.Add(_("Issue date:"), picker_);
    number_label_ = new wxStaticText(this, wxID_ANY, wxString());
    number_label_->SetFont(number_label_->GetFont().Bold());
    form.Add(_("Invoice number:"), number_label_);
    due_label_ = new wxStaticText(this, wxID_ANY, wxString());
    form.Add(_("Due date:"), due_label_);
    if (draft_.invoice.currency != "EUR") {
        // The VAT total is also shown in euros: the rate of the issue date.
        rate_ = new wxTextCtrl(this, wxID_ANY);
        // TRANSLATORS: %s is a currency code, e.g. USD.
        form.Add(wxString::Format(_("Euros per %s:"), wx(draft_.invoice.currency)), rate_);
        rate_->SetHint(_("e.g. 0,9235"));
        rate_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Update(); });
    }
    top->Add(form.sizer(), 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    month_note_ = new wxStaticText(this, wxID_ANY, wxString());
    top->Add(month_note_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);

    auto* warning = new wxStaticText(this, wxID_ANY,
                                     _("Once issued, an invoice keeps its number and can no longer be changed or "
                                       "deleted: only cancelled by a credit note."));
    warning->Wrap(460);
    top->Add(warning, 0, wxALL, 12);
    error_ = MakeErrorLine(this);
    top->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);

    auto* buttons = new wxStdDialogButtonSizer;
    ok_ = new wxButton(this, wxID_OK, _("&Issue Invoice"));
    buttons->AddButton(ok_);
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    buttons->AddButton(cancel);
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizer(top);
    // Nothing irreversible on Enter: the safe answer has the focus.
    cancel->SetDefault();
    cancel->SetFocus();

    WarnOnRejectedDate(picker_, [this](const wxString& m) { ShowErrorLine(error_, m); });
    picker_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) {
        date_ = from_wx(picker_->GetValue());
        Update();
    });
    Update();
    Fit();
    CentreOnParent();
}

void IssueInvoiceDialog::SetDate(const Date& d) {
    picker_->SetValue(to_wx(d));
    date_ = d;
    Update();
}

void IssueInvoiceDialog::Update() {
    ShowErrorLine(error_, {});
    number_.clear();
    try {
        number_ = wx(InvoiceService(db_).next_number(InvoiceId{draft_.invoice.id}, date_));
        const Sponsor s = SponsorService(db_).get(SponsorId{draft_.invoice.sponsor_id});
        due_label_->SetLabel(format_date(date_.add_days(s.payment_terms_days)));
    } catch (const std::exception& e) {
        ShowErrorLine(error_, error_text(e));
        due_label_->SetLabel(wxString());
    }
    number_label_->SetLabel(number_.empty() ? wxString::FromUTF8("—") : number_);
    eur_rate_.reset();
    bool rate_ok = true;
    if (rate_) {
        try {
            eur_rate_ = invoice_rules::parse_eur_rate(utf8(rate_->GetValue().Strip(wxString::both)));
        } catch (const std::exception&) {
            rate_ok = false;
            if (!rate_->GetValue().Strip(wxString::both).empty() && !number_.empty())
                ShowErrorLine(error_, _("Type the euros per unit as a number above 0, e.g. 0,9235."));
        }
    }
    std::vector<Date> dates;
    for (const auto& l : draft_.lines) dates.push_back(l.service_date);
    const auto month = invoice_rules::month_ended_before(dates, date_);
    month_note_->SetLabel(month ? wxString::Format(_("This invoice covers %s, which has ended: a monthly invoice "
                                                     "is due by the end of the month (art. 289 I-3 CGI)."),
                                                   format_month(month->year, month->month))
                                : wxString());
    month_note_->Show(month.has_value());
    month_note_->Wrap(460);
    ok_->Enable(!number_.empty() && rate_ok);
    Layout();
    Fit();
}

}  // namespace sponsordesk::gui

#include "booking_dialog.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "error_text.h"
#include "form.h"
#include "gui_util.h"
#include "sponsordesk/drafts/copy_rules.h"
#include "sponsordesk/services/booking_service.h"

namespace sponsordesk::gui {

BookingDialog::BookingDialog(wxWindow* parent, Database& db, Id booking_id)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Booking %lld"), static_cast<long long>(booking_id)),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db), id_(booking_id) {
    title_ = new wxStaticText(this, wxID_ANY, wxString());
    title_->SetFont(title_->GetFont().Scaled(1.3f).Bold());
    facts_ = new wxStaticText(this, wxID_ANY, wxString());
    status_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE);
    status_->SetFont(status_->GetFont().Bold());
    late_ = new wxStaticText(this, wxID_ANY, wxString());
    late_->SetForegroundColour(wxColour(198, 40, 40));

    auto* pipeline = new wxBoxSizer(wxHORIZONTAL);
    confirm_ = new wxButton(this, wxID_ANY, _("&Confirm"));
    approve_ = new wxButton(this, wxID_ANY, _("&Approve Copy"));
    publish_ = new wxButton(this, wxID_ANY, _("Mark &Published"));
    cancel_ = new wxButton(this, wxID_ANY, _("Cancel &Booking"));
    remind_ = new wxButton(this, wxID_ANY, _("Send Copy &Reminder…"));
    for (wxButton* b : {confirm_, approve_, publish_, cancel_}) pipeline->Add(b, 0, wxRIGHT, 6);
    pipeline->AddStretchSpacer();
    pipeline->Add(remind_);

    copy_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 200),
                           wxTE_MULTILINE | wxTE_WORDWRAP);
    link_ = new wxTextCtrl(this, wxID_ANY);
    link_->SetHint(_("https://… (call-to-action link)"));
    words_ = new wxStaticText(this, wxID_ANY, wxString());
    save_ = new wxButton(this, wxID_SAVE, _("&Save Copy"));
    error_ = MakeErrorLine(this);

    auto* copy_bar = new wxBoxSizer(wxHORIZONTAL);
    copy_bar->Add(words_, 1, wxALIGN_CENTER_VERTICAL);
    copy_bar->Add(save_, 0);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(title_, 0, wxLEFT | wxRIGHT | wxTOP, 12);
    top->Add(facts_, 0, wxLEFT | wxRIGHT | wxTOP, 12);
    auto* st = new wxBoxSizer(wxHORIZONTAL);
    st->Add(new wxStaticText(this, wxID_ANY, _("Status:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    st->Add(status_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    st->Add(late_, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(st, 0, wxALL, 12);
    top->Add(pipeline, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    top->Add(new wxStaticLine(this), 0, wxEXPAND | wxALL, 12);
    top->Add(new wxStaticText(this, wxID_ANY, _("Copy (Markdown: paragraphs, **bold**, *italic*, [links](url)):")), 0,
             wxLEFT | wxRIGHT, 12);
    top->Add(copy_, 1, wxEXPAND | wxALL, 12);
    auto* lk = new wxBoxSizer(wxHORIZONTAL);
    lk->Add(new wxStaticText(this, wxID_ANY, _("Link:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    lk->Add(link_, 1);
    top->Add(lk, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    top->Add(copy_bar, 0, wxEXPAND | wxALL, 12);
    top->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    auto* buttons = new wxStdDialogButtonSizer;
    buttons->AddButton(new wxButton(this, wxID_CLOSE));
    buttons->Realize();
    SetEscapeId(wxID_CLOSE);
    top->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizer(top);
    SetSize(wxSize(720, 640));
    SetMinSize(wxSize(600, 520));
    CentreOnParent();

    Load();
    copy_->ChangeValue(wx(view_.booking.copy));
    link_->ChangeValue(wx(view_.booking.link));
    UpdateWordCount();

    copy_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdateWordCount(); });
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveCopy(); });
    confirm_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeStatus(BookingStatus::Confirmed); });
    approve_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeStatus(BookingStatus::Approved); });
    publish_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeStatus(BookingStatus::Published); });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (wxMessageBox(_("Cancel this booking? Its slot becomes free."), _("Cancel Booking"),
                         wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) == wxYES)
            ChangeStatus(BookingStatus::Cancelled);
    });
    remind_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendReminder(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);
}

void BookingDialog::Load() {
    view_ = BookingService(db_).get(BookingId{id_});
    const Booking& b = view_.booking;
    title_->SetLabel(wx(view_.sponsor_name));
    wxString facts = wxString::Format(_("%s — issue #%d of %s — %s (slot %d)"), wx(view_.publication_name),
                                      view_.issue_number, format_date(view_.issue_date), wx(view_.placement_name),
                                      b.slot ? *b.slot : 0);
    facts += wxS("\n") + wxString::Format(_("Price: %s    Copy due: %s"), format_money_ui(b.price, view_.currency),
                                     format_date(view_.copy_due));
    if (view_.invoice_number) facts += wxS("    ") + wxString::Format(_("Invoice: %s"), wx(*view_.invoice_number));
    facts_->SetLabel(facts);
    SlotState s = slot_state(view_);
    wxString label = wxS(" ") + state_label(s) + wxS(" ");
    if (b.status == BookingStatus::Hold && b.hold_until)
        label = wxS(" ") + wxString::Format(_("%s until %s"), state_label(s), format_date(*b.hold_until)) + wxS(" ");
    status_->SetLabel(label);
    status_->SetBackgroundColour(state_colour(s));
    late_->SetLabel(view_.copy_late ? wxString::FromUTF8("⚠ ") + _("Copy late") : wxString());
    confirm_->Enable(b.status == BookingStatus::Hold);
    approve_->Enable(b.status == BookingStatus::CopyReceived);
    publish_->Enable(b.status == BookingStatus::Approved);
    cancel_->Enable(b.status != BookingStatus::Published && b.status != BookingStatus::Cancelled);
    remind_->Show(view_.copy_late);
    const bool editable = b.status != BookingStatus::Published && b.status != BookingStatus::Cancelled;
    copy_->SetEditable(editable);
    link_->SetEditable(editable);
    save_->Enable(editable);
    Layout();
}

void BookingDialog::UpdateWordCount() {
    const int n = count_words(utf8(copy_->GetValue()));
    const int max = view_.max_words;
    if (max > 0) {
        words_->SetLabel(wxString::Format(_("%d / %d words"), n, max));
        words_->SetForegroundColour(n > max ? wxColour(198, 40, 40) : wxColour(46, 125, 50));
    } else {
        words_->SetLabel(wxString::Format(wxPLURAL("%d word", "%d words", n), n));
        words_->SetForegroundColour(GetForegroundColour());
    }
    words_->Refresh();
}

bool BookingDialog::SaveCopy() {
    ShowErrorLine(error_, {});
    try {
        std::string link = utf8(link_->GetValue());
        BookingService(db_).set_copy(BookingId{id_}, utf8(copy_->GetValue()),
                                     link.empty() ? std::nullopt : std::optional<std::string>(link));
        changed_ = true;
        Load();
        return true;
    } catch (const std::exception& e) {
        ShowErrorLine(error_, wxString::Format(_("Copy not saved: %s"), error_text(e)));
        return false;
    }
}

bool BookingDialog::ChangeStatus(BookingStatus to) {
    ShowErrorLine(error_, {});
    try {
        BookingService(db_).change_status(BookingId{id_}, to);
        changed_ = true;
        Load();
        return true;
    } catch (const std::exception& e) {
        ShowErrorLine(error_, error_text(e));
        return false;
    }
}

void BookingDialog::SendReminder() {
    try {
        std::string url = BookingService(db_).copy_reminder_mailto(BookingId{id_});
        if (url.empty()) {
            ShowErrorLine(error_, _("Nobody at this sponsor has an email address: add a contact first."));
            return;
        }
        if (!wxLaunchDefaultBrowser(wx(url)))
            ShowErrorLine(error_, _("Could not open the mail program."));
    } catch (const std::exception& e) {
        ShowErrorLine(error_, error_text(e));
    }
}

bool ShowBookingDialog(wxWindow* parent, Database& db, Id booking_id) {
    try {
        BookingDialog dlg(parent, db, booking_id);
        dlg.ShowModal();
        return dlg.changed();
    } catch (const std::exception& e) {
        show_error(parent, e);
        return false;
    }
}

}  // namespace sponsordesk::gui

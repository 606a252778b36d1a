#include "booking_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/display.h>
#include <wx/clipbrd.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include "error_text.h"
#include "form.h"
#include "gui_util.h"
#include "history_list.h"
#include "sponsordesk/drafts/copy_rules.h"
#include "sponsordesk/services/booking_service.h"
#include "view.h"

namespace sponsordesk::gui {

BookingDialog::BookingDialog(wxWindow* parent, Database& db, Id booking_id)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Booking %lld"), static_cast<long long>(booking_id)),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db),
      id_(booking_id) {
    // Two tabs: the booking itself, and its history from the activity log.
    tabs_ = new wxNotebook(this, wxID_ANY);
    auto* page = new wxPanel(tabs_);
    title_ = new wxStaticText(page, wxID_ANY, wxString());
    title_->SetFont(title_->GetFont().Scaled(1.3f).Bold());
    facts_ = new wxStaticText(page, wxID_ANY, wxString());
    status_ = new wxStaticText(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE);
    status_->SetFont(status_->GetFont().Bold());
    late_ = new wxStaticText(page, wxID_ANY, wxString());
    late_->SetForegroundColour(wxColour(198, 40, 40));
    // The agreed price, typed the locale's way, until the booking is invoiced.
    price_ = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxSize(140, -1), wxTE_PROCESS_ENTER);
    save_price_ = new wxButton(page, wxID_ANY, _("Save &Price"));
    price_err_ = MakeErrorLine(page);
    price_note_ = new wxStaticText(page, wxID_ANY, wxString());
    price_note_->SetForegroundColour(wxColour(110, 110, 110));

    // Wraps rather than clips the long French labels ("Relancer pour le texte…").
    auto* pipeline = new wxWrapSizer(wxHORIZONTAL);
    confirm_ = new wxButton(page, wxID_ANY, _("&Confirm"));
    approve_ = new wxButton(page, wxID_ANY, _("&Approve Copy"));
    publish_ = new wxButton(page, wxID_ANY, _("Mark &Published"));
    cancel_ = new wxButton(page, wxID_ANY, _("Cancel &Booking"));
    remind_ = new wxButton(page, wxID_ANY, _("Send Copy &Reminder…"));
    for (wxButton* b : {confirm_, approve_, publish_, cancel_, remind_}) pipeline->Add(b, 0, wxRIGHT | wxBOTTOM, 6);

    copy_ =
        new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 120), wxTE_MULTILINE | wxTE_WORDWRAP);
    link_ = new wxTextCtrl(page, wxID_ANY);
    link_->SetHint(_("https://… (call-to-action link)"));
    words_ = new wxStaticText(page, wxID_ANY, wxString());
    save_ = new wxButton(page, wxID_SAVE, _("&Save Copy"));
    error_ = MakeErrorLine(page);

    auto* copy_bar = new wxBoxSizer(wxHORIZONTAL);
    copy_bar->Add(words_, 1, wxALIGN_CENTER_VERTICAL);
    copy_bar->Add(save_, 0);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(title_, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    top->Add(facts_, 0, wxLEFT | wxRIGHT | wxTOP, 12);
    auto* pr = new wxBoxSizer(wxHORIZONTAL);
    price_label_ = new wxStaticText(page, wxID_ANY, wxString());
    pr->Add(price_label_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    pr->Add(price_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    pr->Add(save_price_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    pr->Add(price_note_, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(pr, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    top->Add(price_err_, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    auto* st = new wxBoxSizer(wxHORIZONTAL);
    st->Add(new wxStaticText(page, wxID_ANY, _("Status:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    st->Add(status_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    st->Add(late_, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(st, 0, wxALL, 12);
    top->Add(pipeline, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    top->Add(new wxStaticLine(page), 0, wxEXPAND | wxALL, 6);
    top->Add(new wxStaticText(page, wxID_ANY, _("Copy (Markdown: paragraphs, **bold**, *italic*, [links](url)):")), 0,
             wxLEFT | wxRIGHT, 12);
    top->Add(copy_, 1, wxEXPAND | wxALL, 12);
    auto* lk = new wxBoxSizer(wxHORIZONTAL);
    lk->Add(new wxStaticText(page, wxID_ANY, _("Link:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    lk->Add(link_, 1);
    top->Add(lk, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    top->Add(copy_bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    top->AddSpacer(6);
    top->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    auto* buttons = new wxStdDialogButtonSizer;
    auto* close = new wxButton(this, wxID_CLOSE);
    buttons->AddButton(close);
    buttons->Realize();
    // Escape and the window's close box go through the same question as Close.
    SetEscapeId(wxID_NONE);
    close->SetDefault();
    page->SetSizer(top);
    history_ = new HistoryList(tabs_);
    tabs_->AddPage(page, _("Booking"));
    tabs_->AddPage(history_, HistoryTabTitle());
    auto* outer = new wxBoxSizer(wxVERTICAL);
    // Margins kept small: the tabs' header must not push Close off a
    // 1024×600 screen.
    outer->Add(tabs_, 1, wxEXPAND | wxALL, 6);
    outer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    SetSizer(outer);
    // Never taller or wider than the screen (1024×600 included).
    const wxRect screen = wxDisplay(wxDisplay::GetFromWindow(parent ? parent : this) == wxNOT_FOUND
                                        ? 0u
                                        : static_cast<unsigned>(wxDisplay::GetFromWindow(parent ? parent : this)))
                              .GetClientArea();
    SetMinSize(wxSize(std::min(600, screen.width - 20), std::min(480, screen.height - 20)));
    SetSize(wxSize(std::min(720, screen.width - 20), std::min(640, screen.height - 20)));
    CentreOnParent();

    Load();
    copy_->ChangeValue(wx(view_.booking.copy));
    link_->ChangeValue(wx(view_.booking.link));
    UpdateWordCount();
    // The dialog opens on the copy, never on an irreversible button.
    if (copy_->IsEditable())
        copy_->SetFocus();
    else
        close->SetFocus();

    copy_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        UpdateWordCount();
        ShowErrorLine(error_, {});  // the refusal was about the text as it was
    });
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveCopy(); });
    save_price_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SavePrice(); });
    price_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { SavePrice(); });
    price_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { ShowErrorLine(price_err_, {}); });
    confirm_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeStatus(BookingStatus::Confirmed); });
    approve_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeStatus(BookingStatus::Approved); });
    publish_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeStatus(BookingStatus::Published); });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (ConfirmCancelBooking(this, view_)) ChangeStatus(BookingStatus::Cancelled);
    });
    remind_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendReminder(); });
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { TryClose(); }, wxID_CLOSE);
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE)
            TryClose();
        else
            e.Skip();
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        if (!TryClose() && e.CanVeto()) e.Veto();
    });
}

bool BookingDialog::HasUnsavedCopy() const {
    if (!copy_->IsEditable()) return false;
    return utf8(copy_->GetValue()) != view_.booking.copy || utf8(link_->GetValue()) != view_.booking.link;
}

bool BookingDialog::HasUnsavedPrice() const {
    if (!price_->IsEnabled()) return false;
    const wxString typed = price_->GetValue();
    if (typed == format_amount_ui(view_.booking.price)) return false;
    Minor price = 0;
    wxString ignored;
    // "1500" for 1 500,00 is no change; a text that is no amount is one.
    return !read_amount(typed, view_.currency, _("Price"), price, ignored) || price != view_.booking.price;
}

bool BookingDialog::TryClose() {
    // Refused copy (over the word limit…) stays in the editor with the reason,
    // a refused price in its field.
    const bool copy = HasUnsavedCopy(), price = HasUnsavedPrice();
    const wxString what = copy && price ? _("The copy and the price of this booking have changes that are not saved.")
                          : price       ? _("The price of this booking has a change that is not saved.")
                                        : _("The copy of this booking has changes that are not saved.");
    if (!MayLeave(this, copy || price, what,
                  [this, copy, price] { return (!price || SavePrice()) && (!copy || SaveCopy()); }))
        return false;
    if (IsModal())
        EndModal(wxID_CLOSE);
    else
        Hide();
    return true;
}

bool ConfirmCancelBooking(wxWindow* parent, const BookingView& v) {
    wxString what =
        wxString::Format(_("Cancel the booking of %s in issue #%d of %s (%s, %s)?"), wx(v.sponsor_name), v.issue_number,
                         format_date(v.issue_date), wx(v.placement_name), format_money_ui(v.booking.price, v.currency));
    what += wxS("\n\n") + _("Its slot becomes free for another sponsor and the booking can no longer be changed. "
                            "This cannot be undone.");
    if (v.invoice)
        what += wxS("\n") + wxString::Format(_("It stays on invoice %s: cancel that invoice with a credit note if it "
                                               "should not be paid."),
                                             invoice_ref(*v.invoice));
    wxMessageDialog ask(parent, what, _("Cancel Booking"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetYesNoLabels(_("Cancel the &Booking"), _("&Keep It"));
    return ask.ShowModal() == wxID_YES;
}

void BookingDialog::Load() {
    view_ = BookingService(db_).get(BookingId{id_});
    const Booking& b = view_.booking;
    title_->SetLabelText(wx(view_.sponsor_name));  // a name, not markup: "Graines & Cie"
    wxString facts =
        wxString::Format(_("%s — issue #%d of %s — %s (slot %d)"), wx(view_.publication_name), view_.issue_number,
                         format_date(view_.issue_date), wx(view_.placement_name), b.slot ? *b.slot : 0);
    facts += wxS("\n") + wxString::Format(_("Copy due: %s"), format_date(view_.copy_due));
    if (view_.invoice) facts += wxS("    ") + wxString::Format(_("Invoice: %s"), invoice_ref(*view_.invoice));
    facts_->SetLabel(facts);
    price_label_->SetLabel(wxString::Format(_("Price (%s):"), wx(view_.currency)));
    // What was typed and not saved survives a reload (after a status change).
    if (!loaded_ || !HasUnsavedPrice()) price_->ChangeValue(format_amount_ui(b.price));
    loaded_ = true;
    const bool priced = !view_.invoice.has_value();
    wxString why;
    if (!priced)
        why = wxString::Format(_("On invoice %s: the price can no longer change (cancel the invoice to change it)."),
                               invoice_ref(*view_.invoice));
    else if (b.price != view_.list_price)
        why = wxString::Format(_("List price: %s"), format_money_ui(view_.list_price, view_.currency));
    price_->Enable(priced);
    save_price_->Enable(priced);
    price_note_->SetLabel(why);
    for (wxWindow* w :
         {static_cast<wxWindow*>(price_), static_cast<wxWindow*>(save_price_), static_cast<wxWindow*>(price_note_)})
        if (priced)
            w->UnsetToolTip();
        else
            w->SetToolTip(why);
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
    history_->ShowObject(db_, "booking", id_);
    tabs_->GetPage(0)->Layout();  // labels and buttons above changed size
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
    const wxString typed_copy = copy_->GetValue(), typed_link = link_->GetValue();
    try {
        std::string link = utf8(link_->GetValue());
        BookingService(db_).set_copy(BookingId{id_}, utf8(copy_->GetValue()),
                                     link.empty() ? std::nullopt : std::optional<std::string>(link));
        changed_ = true;
        Load();
        return true;
    } catch (const std::exception& e) {
        // What was typed stays in the editor, to be shortened and saved again.
        if (copy_->GetValue() != typed_copy) copy_->ChangeValue(typed_copy);
        if (link_->GetValue() != typed_link) link_->ChangeValue(typed_link);
        ShowErrorLine(error_, wxString::Format(_("Copy not saved: %s"), error_text(e)));
        return false;
    }
}

bool BookingDialog::SavePrice() {
    ShowErrorLine(price_err_, {});
    Minor price = 0;
    wxString error;
    if (!read_amount(price_->GetValue(), view_.currency, _("Price"), price, error)) {
        ShowErrorLine(price_err_, error);
        return false;
    }
    if (price == view_.booking.price) {
        price_->ChangeValue(format_amount_ui(price));
        return true;
    }
    try {
        BookingService(db_).set_price(BookingId{id_}, price);
        changed_ = true;
        price_->ChangeValue(format_amount_ui(price));
        Load();
        return true;
    } catch (const std::exception& e) {
        // The price typed stays in the field, with the reason; the dialog
        // shows what the booking is now (on an invoice since it was opened…).
        const wxString typed = price_->GetValue();
        try {
            Load();
        } catch (const std::exception&) {
        }
        if (price_->GetValue() != typed) price_->ChangeValue(typed);
        ShowErrorLine(price_err_, wxString::Format(_("Price not saved: %s"), error_text(e)));
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
        auto reminder = BookingService(db_).copy_reminder(BookingId{id_});
        if (!reminder) {
            ShowErrorLine(error_, _("Nobody at this sponsor has an email address: add a contact first."));
            return;
        }
        SendCopyReminder(this, *reminder);
    } catch (const std::exception& e) {
        ShowErrorLine(error_, error_text(e));
    }
}

bool SendCopyReminder(wxWindow* parent, const CopyReminder& r) {
    // wxLaunchDefaultBrowser logs its own (very long) error: keep it quiet
    // and say what matters, with a way out.
    bool launched = false;
    {
        wxLogNull quiet;
        launched = wxLaunchDefaultBrowser(wx(r.mailto()));
    }
    if (launched) return true;
    wxMessageDialog ask(parent,
                        _("No mail program could be opened on this computer.\n\nCopy the reminder (recipient, "
                          "subject and text) to the clipboard, to paste it into your mail?"),
                        _("Copy Reminder"), wxYES_NO | wxICON_INFORMATION);
    ask.SetYesNoLabels(_("&Copy to Clipboard"), _("Close"));
    if (ask.ShowModal() != wxID_YES) return false;
    const wxString text = wxString::Format(_("To: %s"), wx(r.to)) + wxS("\n") +
                          wxString::Format(_("Subject: %s"), wx(r.subject)) + wxS("\n\n") + wx(r.body) + wxS("\n");
    wxClipboardLocker lock;
    if (!lock) return false;
    wxTheClipboard->SetData(new wxTextDataObject(text));
    wxTheClipboard->Flush();
    return true;
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

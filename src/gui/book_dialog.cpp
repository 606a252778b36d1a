#include "book_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/srchctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "error_text.h"
#include "form.h"
#include "gui_util.h"
#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/sponsor_service.h"

namespace sponsordesk::gui {

BookDialog::BookDialog(wxWindow* parent, Database& db, const Publication& pub, const Issue& issue,
                       const Placement& placement)
    : wxDialog(parent, wxID_ANY, _("Book a Slot"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db),
      pub_(pub),
      issue_(issue),
      placement_(placement) {
    auto* what = new wxStaticText(this, wxID_ANY,
                                  wxString::Format(_("%s — issue #%d of %s — %s"), wx(pub.name), issue.number,
                                                   format_date(issue.date), wx(placement.name)));
    what->SetFont(what->GetFont().Bold());

    FormGrid form(this);
    wxPanel* picker = MakeSponsorPicker(this, 180, &search_, &list_);
    sponsor_err_ = form.Add(_("Sponsor:"), picker, 1);

    price_ = new wxTextCtrl(this, wxID_ANY, format_amount_ui(placement.price));
    price_err_ = form.Add(wxString::Format(_("Price (%s):"), wx(pub.currency)), price_);
    status_ = new wxChoice(this, wxID_ANY);
    status_->Append(status_label(BookingStatus::Confirmed));
    status_->Append(status_label(BookingStatus::Hold));
    status_->SetSelection(0);
    form.Add(_("Status:"), status_);
    Date today = Date::today();
    hold_until_ = new wxDatePickerCtrl(this, wxID_ANY, to_wx(booking_rules::default_hold_until(today, issue.date)));
    hold_err_ = form.Add(_("Hold until:"), hold_until_);
    notes_ = new wxTextCtrl(this, wxID_ANY);
    form.Add(_("Notes:"), notes_);
    error_ = MakeErrorLine(this);
    WarnOnRejectedDate(hold_until_, [this](const wxString& m) { ShowErrorLine(error_, m); });

    auto* buttons = new wxStdDialogButtonSizer;
    // TRANSLATORS: the button that makes the booking (a verb).
    auto* ok = new wxButton(this, wxID_OK, wxGETTEXT_IN_CONTEXT("verb", "Book"));
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL));
    buttons->Realize();

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(what, 0, wxALL, 12);
    top->Add(form.sizer(), 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    top->Add(error_, 0, wxEXPAND | wxALL, 12);
    top->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(top);
    SetMinSize(wxSize(560, 480));
    SetSize(wxSize(580, 540));
    CentreOnParent();

    FillSponsors();
    UpdateHold();
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { FillSponsors(); });
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        search_->Clear();
        FillSponsors();
    });
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) {
        if (Commit()) EndModal(wxID_OK);
    });
    status_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateHold(); });
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (Commit()) EndModal(wxID_OK);
        },
        wxID_OK);
    search_->SetFocus();
}

wxPanel* MakeSponsorPicker(wxWindow* parent, int list_height, wxSearchCtrl** search, wxListBox** list) {
    auto* picker = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    *search = new wxSearchCtrl(picker, wxID_ANY);
    (*search)->ShowCancelButton(true);
    (*search)->SetDescriptiveText(_("Search sponsors"));
    *list = new wxListBox(picker, wxID_ANY, wxDefaultPosition, wxSize(-1, list_height));
    sizer->Add(*search, 0, wxEXPAND | wxBOTTOM, 4);
    sizer->Add(*list, 1, wxEXPAND);
    picker->SetSizer(sizer);
    return picker;
}

std::vector<Sponsor> FillSponsorPicker(Database& db, const wxString& search, wxListBox* list, wxStaticText* error) {
    std::vector<Sponsor> sponsors;
    try {
        sponsors = SponsorService(db).list(utf8(search), false);
    } catch (const std::exception& e) {
        ShowErrorLine(error, error_text(e));
    }
    wxArrayString names;
    for (const auto& s : sponsors) {
        wxString line = wx(s.name);
        if (!s.category.empty()) line += wxS(" (") + wx(s.category) + wxS(")");
        names.Add(line);
    }
    list->Set(names);
    if (sponsors.size() == 1) list->SetSelection(0);
    return sponsors;
}

void BookDialog::FillSponsors() { sponsors_ = FillSponsorPicker(db_, search_->GetValue(), list_, error_); }

void BookDialog::UpdateHold() { hold_until_->Enable(status_->GetSelection() == 1); }

bool BookDialog::SelectSponsor(const std::string& name) {
    for (size_t i = 0; i < sponsors_.size(); ++i)
        if (sponsors_[i].name == name) {
            list_->SetSelection(static_cast<int>(i));
            return true;
        }
    return false;
}

void BookDialog::SetHold(const Date& until) {
    status_->SetSelection(1);
    hold_until_->SetValue(to_wx(until));
    UpdateHold();
}

void BookDialog::ShowRefusal(const std::exception& e) {
    const std::string field = error_field(e);
    wxStaticText* line = error_;
    if (field == "price" || field == "amount")
        line = price_err_;
    else if (field == "hold_until")
        line = hold_err_;
    ShowErrorLine(line, error_text(e));
}

bool BookDialog::Commit() {
    for (wxStaticText* l : {sponsor_err_, price_err_, hold_err_, error_}) ShowErrorLine(l, {});
    int sel = list_->GetSelection();
    if (sel == wxNOT_FOUND) {
        ShowErrorLine(sponsor_err_, _("Choose the sponsor to book."));
        return false;
    }
    BookRequest r;
    r.sponsor = SponsorId{sponsors_[static_cast<size_t>(sel)].id};
    r.issue = IssueId{issue_.id};
    r.placement = PlacementId{placement_.id};
    r.notes = utf8(notes_->GetValue());
    wxString price_error;
    Minor price = 0;
    if (!read_amount(price_->GetValue(), pub_.currency, _("Price"), price, price_error)) {
        ShowErrorLine(price_err_, price_error);
        return false;
    }
    r.price = price;
    if (status_->GetSelection() == 1) {
        r.status = BookingStatus::Hold;
        r.hold_until = from_wx(hold_until_->GetValue());
    } else {
        r.status = BookingStatus::Confirmed;
    }
    try {
        booked_ = BookingService(db_).book(r).booking.id;
        return true;
    } catch (const CompetitorConflict& clash) {
        // The override is the user's call; the error names the competitors,
        // worded here in the UI language (never the CLI's option).
        const wxString who = error_text(clash);
        int answer =
            wxMessageBox(wxString::Format(_("A competitor is already booked in this issue:\n%s\n\nBook anyway?"), who),
                         _("Competitor in the Issue"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this);
        if (answer != wxYES) {
            ShowErrorLine(error_, wxString::Format(_("Not booked: %s"), who));
            return false;
        }
        r.allow_competitor = true;
        try {
            booked_ = BookingService(db_).book(r).booking.id;
            return true;
        } catch (const std::exception& e2) {
            ShowRefusal(e2);
            return false;
        }
    } catch (const std::exception& e) {
        ShowRefusal(e);
        return false;
    }
}

}  // namespace sponsordesk::gui

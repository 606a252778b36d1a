#include "multi_book_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/display.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "book_dialog.h"
#include "error_text.h"
#include "form.h"
#include "gui_util.h"
#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"

namespace sponsordesk::gui {
namespace {

// Every refused date was refused for a competitor in the issue: the one
// refusal the user may override.
bool only_competitors(const Error& e) {
    if (e.code() != ErrorCode::DatesRefused) return false;
    const auto reasons = e.list("reasons");
    return !reasons.empty() && std::all_of(reasons.begin(), reasons.end(), [](const std::string& r) {
        return r == to_string(ErrorCode::CompetitorConflict);
    });
}

}  // namespace

MultiBookDialog::MultiBookDialog(wxWindow* parent, Database& db, const Publication& pub, std::vector<Issue> issues,
                                 const Placement& placement)
    : wxDialog(parent, wxID_ANY, _("Book Several Issues"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db),
      pub_(pub),
      issues_(std::move(issues)),
      placements_{placement} {
    std::sort(issues_.begin(), issues_.end(), [](const Issue& a, const Issue& b) { return a.date < b.date; });
    issues_.erase(
        std::unique(issues_.begin(), issues_.end(), [](const Issue& a, const Issue& b) { return a.id == b.id; }),
        issues_.end());
    // TRANSLATORS: the publication, then the placement.
    Build(wxString::Format(_("%s — %s"), wx(pub.name), wx(placement.name)));
}

MultiBookDialog::MultiBookDialog(wxWindow* parent, Database& db, const Publication& pub, const Date& from,
                                 const Date& to, std::optional<Id> placement)
    : wxDialog(parent, wxID_ANY, _("Book a Series"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db),
      pub_(pub),
      series_(true) {
    try {
        for (Placement& pl : CatalogService(db_).placements(pub.slug))
            if (pl.active) placements_.push_back(std::move(pl));
    } catch (const std::exception&) {
        placements_.clear();
    }
    if (placement)
        std::stable_partition(placements_.begin(), placements_.end(),
                              [&](const Placement& pl) { return pl.id == *placement; });
    // Build() needs a placement for the price; an empty publication gets a
    // blank one and a refusal on Book.
    if (placements_.empty()) placements_.push_back(Placement{});
    Build(wxString::Format(_("%s — every issue on the chosen weekdays"), wx(pub.name)));
    from_->SetValue(to_wx(from));
    to_->SetValue(to_wx(to));
    Preview();
}

void MultiBookDialog::Build(const wxString& heading) {
    auto* what = new wxStaticText(this, wxID_ANY, heading);
    what->SetFont(what->GetFont().Bold());

    // Left: who books, at what price and status.
    FormGrid form(this);
    wxPanel* picker = MakeSponsorPicker(this, 120, &search_, &list_);
    sponsor_err_ = form.Add(_("Sponsor:"), picker, 1);
    price_ = new wxTextCtrl(this, wxID_ANY, format_amount_ui(placement().price));
    price_err_ = form.Add(wxString::Format(_("Price per issue (%s):"), wx(pub_.currency)), price_);
    status_ = new wxChoice(this, wxID_ANY);
    status_->Append(status_label(BookingStatus::Confirmed));
    status_->Append(status_label(BookingStatus::Hold));
    status_->SetSelection(0);
    form.Add(_("Status:"), status_);
    hold_until_ = new wxDatePickerCtrl(this, wxID_ANY, to_wx(Date::today()));
    hold_err_ = form.Add(_("Hold until:"), hold_until_);
    notes_ = new wxTextCtrl(this, wxID_ANY);
    form.Add(_("Notes:"), notes_);

    // A series: the pattern over the whole width (seven weekdays need it).
    FormGrid pattern(this);
    if (series_) {
        auto* which = new wxPanel(this);
        auto* ws = new wxBoxSizer(wxHORIZONTAL);
        placement_choice_ = new wxChoice(which, wxID_ANY);
        for (const Placement& pl : placements_) placement_choice_->Append(wx(pl.name));
        placement_choice_->SetSelection(0);
        ws->Add(placement_choice_, 0, wxALIGN_CENTER_VERTICAL);
        which->SetSizer(ws);
        pattern.Add(_("Placement:"), which);
        auto* days = new wxPanel(this);
        auto* ds = new wxBoxSizer(wxHORIZONTAL);
        for (int i = 0; i < 7; ++i) {
            days_[i] = new wxCheckBox(days, wxID_ANY, weekday_short(i));
            ds->Add(days_[i], 0, wxRIGHT, 6);
        }
        days->SetSizer(ds);
        pattern.Add(_("Every:"), days);
        auto* period = new wxPanel(this);
        auto* pr = new wxBoxSizer(wxHORIZONTAL);
        from_ = new wxDatePickerCtrl(period, wxID_ANY);
        to_ = new wxDatePickerCtrl(period, wxID_ANY);
        pr->Add(from_, 0, wxALIGN_CENTER_VERTICAL);
        // TRANSLATORS: between the two dates of a period ("from [date] to [date]").
        pr->Add(new wxStaticText(period, wxID_ANY, _("to")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, 8);
        pr->Add(to_, 0, wxALIGN_CENTER_VERTICAL);
        period->SetSizer(pr);
        pattern.Add(_("From:"), period);
    }
    // Right: which issues, and what they come to.
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, _("Issues to book:")), 0, wxBOTTOM, 4);
    preview_note_ = new wxStaticText(this, wxID_ANY, wxString());
    preview_note_->SetForegroundColour(wxColour(110, 110, 110));
    right->Add(preview_note_, 0, wxEXPAND | wxBOTTOM, 4);
    issue_list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(300, 120));
    right->Add(issue_list_, 1, wxEXPAND);
    total_ = new wxStaticText(this, wxID_ANY, wxString());
    total_->SetFont(total_->GetFont().Scaled(1.15f).Bold());
    right->Add(total_, 0, wxEXPAND | wxTOP, 8);

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(form.sizer(), 1, wxEXPAND | wxRIGHT, 16);
    body->Add(right, 1, wxEXPAND);

    error_ = MakeErrorLine(this);
    WarnOnRejectedDate(hold_until_, [this](const wxString& m) { ShowErrorLine(error_, m); });

    auto* buttons = new wxStdDialogButtonSizer;
    ok_ = new wxButton(this, wxID_OK, wxGETTEXT_IN_CONTEXT("verb", "Book"));
    ok_->SetDefault();
    buttons->AddButton(ok_);
    buttons->AddButton(new wxButton(this, wxID_CANCEL));
    buttons->Realize();

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(what, 0, wxALL, 12);
    if (series_) top->Add(pattern.sizer(), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    top->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    top->Add(error_, 0, wxEXPAND | wxALL, 12);
    top->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizer(top);
    // Never taller or wider than the screen (1024×600 included).
    const int display = wxDisplay::GetFromWindow(GetParent() ? GetParent() : this);
    const wxRect screen = wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    SetMinSize(wxSize(std::min(760, screen.width - 20), std::min(series_ ? 500 : 440, screen.height - 20)));
    SetSize(wxSize(std::min(900, screen.width - 20), std::min(series_ ? 560 : 500, screen.height - 20)));
    CentreOnParent();

    FillSponsors();
    ShowIssues();
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
    price_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdateTotal(); });
    if (series_) {
        for (wxCheckBox* day : days_) day->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { Preview(); });
        from_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { Preview(); });
        to_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { Preview(); });
        placement_choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
            price_->ChangeValue(format_amount_ui(placement().price));
            ShowIssues();
        });
    }
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (Commit()) EndModal(wxID_OK);
        },
        wxID_OK);
    search_->SetFocus();
}

const Placement& MultiBookDialog::placement() const {
    if (placement_choice_) {
        const int sel = placement_choice_->GetSelection();
        if (sel != wxNOT_FOUND && static_cast<size_t>(sel) < placements_.size())
            return placements_[static_cast<size_t>(sel)];
    }
    return placements_.front();
}

unsigned MultiBookDialog::weekdays() const {
    unsigned mask = 0;
    for (int i = 0; i < 7; ++i)
        if (days_[i] && days_[i]->GetValue()) mask |= 1u << i;
    return mask;
}

void MultiBookDialog::FillSponsors() { sponsors_ = FillSponsorPicker(db_, search_->GetValue(), list_, error_); }

void MultiBookDialog::UpdateHold() {
    const bool hold = status_->GetSelection() == 1;
    // A hold ends by default before the first issue, as a single booking's.
    if (!hold && !issues_.empty())
        hold_until_->SetValue(to_wx(booking_rules::default_hold_until(Date::today(), issues_.front().date)));
    hold_until_->Enable(hold);
}

void MultiBookDialog::Preview() {
    issues_.clear();
    preview_note_->SetLabel(wxString());
    const unsigned mask = weekdays();
    const Date from = from_wx(from_->GetValue()), to = from_wx(to_->GetValue());
    if (!mask) {
        preview_note_->SetLabel(_("Tick the weekdays to book."));
    } else if (to < from) {
        preview_note_->SetLabel(_("The period ends before it starts."));
    } else {
        // The core's selection of `book --every`: one rule for both front ends.
        try {
            issues_ = IssueService(db_).on_weekdays(PublicationId{pub_.id}, from, to, mask);
        } catch (const Error& e) {
            if (e.code() == ErrorCode::NoIssuesSelected)
                preview_note_->SetLabel(wxString::Format(
                    _("No issue on %s in this period: choose other weekdays or dates."), format_cadence(mask)));
            else
                preview_note_->SetLabel(error_text(e));
        } catch (const std::exception& e) {
            preview_note_->SetLabel(error_text(e));
        }
    }
    ShowIssues();
    UpdateHold();
}

void MultiBookDialog::ShowIssues() {
    // Issues where the placement has no open slot (or that are sent) are
    // marked before the user books: the core would refuse them, and so all.
    std::vector<Date> open;
    bool known = false;
    if (!issues_.empty()) {
        try {
            for (const OpenSlots& o :
                 BookingService(db_).availability(PublicationId{pub_.id}, issues_.front().date, issues_.back().date))
                if (o.placement_code == placement().code) open.push_back(o.date);
            known = true;
        } catch (const std::exception&) {
            // The preview goes without; booking says what is refused.
        }
    }
    wxArrayString lines;
    for (const Issue& is : issues_) {
        // TRANSLATORS: weekday, date, then the issue's number.
        wxString line =
            wxString::Format(_("%s %s — issue #%d"), weekday_short(is.date.weekday()), format_date(is.date), is.number);
        if (is.status == IssueStatus::Sent)
            line += wxS("  — ") + _("already sent");
        else if (known && std::find(open.begin(), open.end(), is.date) == open.end())
            line += wxS("  — ") + _("no open slot");
        lines.Add(line);
    }
    issue_list_->Set(lines);
    preview_note_->Show(!preview_note_->GetLabel().empty());
    UpdateTotal();
    Layout();
}

void MultiBookDialog::UpdateTotal() {
    const size_t n = issues_.size();
    Minor price = 0;
    wxString ignored;
    if (n == 0)
        total_->SetLabel(_("Total: nothing to book"));
    else if (!read_amount(price_->GetValue(), pub_.currency, _("Price"), price, ignored))
        // TRANSLATORS: the number of issues; the price typed cannot be read.
        total_->SetLabel(wxString::Format(
            wxPLURAL("Total: %zu issue × a price to type", "Total: %zu issues × a price to type", n), n));
    else
        // TRANSLATORS: number of issues × price per issue = total.
        total_->SetLabel(wxString::Format(wxPLURAL("Total: %zu issue × %s = %s", "Total: %zu issues × %s = %s", n), n,
                                          format_money_ui(price, pub_.currency),
                                          format_money_ui(price * static_cast<Minor>(n), pub_.currency)));
    ok_->SetLabel(n ? wxString::Format(wxPLURAL("&Book %zu Issue", "&Book %zu Issues", n), n)
                    : wxString(wxGETTEXT_IN_CONTEXT("verb", "Book")));
    ok_->Enable(n > 0);
    Layout();
}

bool MultiBookDialog::SelectSponsor(const std::string& name) {
    for (size_t i = 0; i < sponsors_.size(); ++i)
        if (sponsors_[i].name == name) {
            list_->SetSelection(static_cast<int>(i));
            return true;
        }
    return false;
}

void MultiBookDialog::SetHold(const Date& until) {
    status_->SetSelection(1);
    UpdateHold();
    hold_until_->SetValue(to_wx(until));
}

void MultiBookDialog::SetWeekdays(unsigned mask) {
    if (!series_) return;
    for (int i = 0; i < 7; ++i) days_[i]->SetValue((mask >> i) & 1u);
    Preview();
}

void MultiBookDialog::SetPeriod(const Date& from, const Date& to) {
    if (!series_) return;
    from_->SetValue(to_wx(from));
    to_->SetValue(to_wx(to));
    Preview();
}

bool MultiBookDialog::SelectPlacement(const std::string& code) {
    if (!series_) return placement().code == code;
    for (size_t i = 0; i < placements_.size(); ++i)
        if (placements_[i].code == code) {
            placement_choice_->SetSelection(static_cast<int>(i));
            price_->ChangeValue(format_amount_ui(placements_[i].price));
            ShowIssues();
            return true;
        }
    return false;
}

bool MultiBookDialog::Commit() {
    for (wxStaticText* l : {sponsor_err_, price_err_, hold_err_, error_}) ShowErrorLine(l, {});
    if (issues_.empty()) {
        ShowErrorLine(
            error_, series_ ? _("No issue to book: tick the weekdays and choose the period.") : _("No issue to book."));
        return false;
    }
    const int sel = list_->GetSelection();
    if (sel == wxNOT_FOUND) {
        ShowErrorLine(sponsor_err_, _("Choose the sponsor to book."));
        return false;
    }
    BookManyRequest r;
    r.sponsor = SponsorId{sponsors_[static_cast<size_t>(sel)].id};
    for (const Issue& is : issues_) r.issues.push_back(IssueId{is.id});
    r.placement = PlacementId{placement().id};
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
    auto refused = [this](const std::exception& e) {
        const std::string field = error_field(e);
        wxStaticText* line = error_;
        if (field == "price" || field == "amount")
            line = price_err_;
        else if (field == "hold_until")
            line = hold_err_;
        ShowErrorLine(line, error_text(e));
        return false;
    };
    try {
        booked_.clear();
        for (const BookingView& v : BookingService(db_).book_many(r)) booked_.push_back(v.booking.id);
        return true;
    } catch (const Error& e) {
        if (!only_competitors(e)) return refused(e);
        // The override is the user's call, as for a single booking.
        const int answer = wxMessageBox(
            wxString::Format(_("%s\n\nA competitor is already booked in these issues. Book anyway?"), error_text(e)),
            _("Competitor in the Issue"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this);
        if (answer != wxYES) return refused(e);
        r.allow_competitor = true;
        try {
            for (const BookingView& v : BookingService(db_).book_many(r)) booked_.push_back(v.booking.id);
            return true;
        } catch (const std::exception& e2) {
            return refused(e2);
        }
    } catch (const std::exception& e) {
        return refused(e);
    }
}

}  // namespace sponsordesk::gui

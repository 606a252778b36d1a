#include "catalog_dialogs.h"

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dialog.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include "error_text.h"
#include "sponsordesk/domain/text.h"
#include "form.h"
#include "gui_util.h"
#include "sponsordesk/domain/money.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"

namespace sponsordesk::gui {
namespace {

wxStdDialogButtonSizer* OkCancel(wxDialog* dlg, const wxString& ok_label) {
    auto* buttons = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(dlg, wxID_OK, ok_label);
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(dlg, wxID_CANCEL));
    buttons->Realize();
    return buttons;
}

// The error line of the field the core's error names (by its key); else
// the dialog's general error line.
wxStaticText* FieldFor(const std::exception& e, std::initializer_list<std::pair<const char*, wxStaticText*>> routes,
                       wxStaticText* general) {
    const std::string key = error_field(e);
    for (const auto& [field, line] : routes)
        if (key == field) return line;
    return general;
}

}  // namespace

PublicationDialog::PublicationDialog(wxWindow* parent, Database& db, const Publication* existing)
    : wxDialog(parent, wxID_ANY, existing ? _("Edit Publication") : _("New Publication"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db) {
    Publication p;
    if (existing) {
        p = *existing;
        id_ = existing->id;
    } else {
        p.language = ui_language() == "fr" ? "fr" : "en";
    }
    FormGrid form(this);
    name_ = new wxTextCtrl(this, wxID_ANY, wx(p.name));
    name_err_ = form.Add(_("Name:"), name_);
    slug_ = new wxTextCtrl(this, wxID_ANY, wx(p.slug));
    if (existing) {
        // Scripts, file names and UTM tags use the slug: the core keeps it.
        slug_->SetEditable(false);
        slug_->SetToolTip(_("The slug cannot change: scripts and links use it."));
    } else {
        slug_->SetHint(_("short-name, used in file names and links"));
    }
    slug_err_ = form.Add(_("Slug:"), slug_);
    language_ = new wxChoice(this, wxID_ANY);
    language_->Append(_("French"));
    language_->Append(_("English"));
    language_->SetSelection(p.language == "en" ? 1 : 0);
    language_err_ = form.Add(_("Language:"), language_);
    currency_ = new wxTextCtrl(this, wxID_ANY, wx(p.currency));
    currency_err_ = form.Add(_("Currency:"), currency_);
    auto* days = new wxPanel(this);
    auto* days_sizer = new wxBoxSizer(wxHORIZONTAL);
    for (int i = 0; i < 7; ++i) {
        cadence_[i] = new wxCheckBox(days, wxID_ANY, weekday_short(i));
        cadence_[i]->SetValue((p.cadence >> i) & 1u);
        days_sizer->Add(cadence_[i], 0, wxRIGHT, 8);
    }
    days->SetSizer(days_sizer);
    cadence_err_ = form.Add(_("Sent on:"), days);
    wpm_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 50, 1000,
                          p.words_per_minute);
    wpm_err_ = form.Add(_("Reading speed (words/min):"), wpm_);
    deadline_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 90,
                               p.copy_deadline_days);
    deadline_err_ = form.Add(_("Copy due (days before issue):"), deadline_);
    error_ = MakeErrorLine(this);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(form.sizer(), 1, wxEXPAND | wxALL, 12);
    top->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    top->Add(OkCancel(this, existing ? _("Save") : _("Create")), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(top);
    SetMinSize(wxSize(560, -1));
    Fit();
    if (!existing) {
        name_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            if (!slug_edited_) slug_->ChangeValue(Slugify(name_->GetValue()));
        });
        slug_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { slug_edited_ = true; });
    }
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (Commit()) EndModal(wxID_OK);
        },
        wxID_OK);
}

bool PublicationDialog::Commit() {
    for (wxStaticText* l :
         {name_err_, slug_err_, language_err_, currency_err_, cadence_err_, wpm_err_, deadline_err_, error_})
        ShowErrorLine(l, {});
    Publication p;
    p.id = id_;
    p.name = utf8(name_->GetValue());
    p.slug = utf8(slug_->GetValue());
    p.language = language_->GetSelection() == 1 ? "en" : "fr";
    p.currency = utf8(currency_->GetValue().Upper());
    p.cadence = 0;
    for (int i = 0; i < 7; ++i)
        if (cadence_[i]->GetValue()) p.cadence |= 1u << i;
    p.words_per_minute = wpm_->GetValue();
    p.copy_deadline_days = deadline_->GetValue();
    try {
        if (id_)
            CatalogService(db_).update_publication(p);
        else
            CatalogService(db_).add_publication(p);
        return true;
    } catch (const std::exception& e) {
        ShowErrorLine(FieldFor(e,
                               {{"slug", slug_err_},
                                {"currency", currency_err_},
                                {"cadence", cadence_err_},
                                {"words_per_minute", wpm_err_},
                                {"copy_deadline_days", deadline_err_},
                                {"language", language_err_},
                                {"name", name_err_}},
                               error_),
                      error_text(e));
        Fit();
        return false;
    }
}

wxString PublicationDialog::Slugify(const wxString& name) { return wx(text::slug_from(utf8(name))); }

PlacementDialog::PlacementDialog(wxWindow* parent, Database& db, std::string publication_slug,
                                 const Placement* existing)
    : wxDialog(parent, wxID_ANY, existing ? _("Edit Placement") : _("New Placement"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db),
      slug_(std::move(publication_slug)) {
    if (existing) {
        old_ = *existing;
    } else {
        old_.max_words = 80;
        try {
            old_.position = static_cast<int>(CatalogService(db_).placements(slug_).size()) + 1;
        } catch (const std::exception&) {
            old_.position = 1;
        }
    }
    try {
        currency_ = CatalogService(db_).publication(slug_).currency;
    } catch (const std::exception&) {
        // Left empty: a price is then read without a currency, and Commit()
        // reports the missing publication when it writes.
    }
    FormGrid form(this);
    code_ = new wxTextCtrl(this, wxID_ANY, wx(old_.code));
    if (existing) {
        // Drafts name the placement by its code ({{slot:main}}): the core keeps it.
        code_->SetEditable(false);
        code_->SetToolTip(_("The code cannot change: drafts use it."));
    } else {
        code_->SetHint(_("e.g. main, classified"));
    }
    code_err_ = form.Add(_("Code:"), code_);
    name_ = new wxTextCtrl(this, wxID_ANY, wx(old_.name));
    name_err_ = form.Add(_("Name:"), name_);
    heading_ = new wxTextCtrl(this, wxID_ANY, wx(old_.heading));
    heading_->SetHint(_("printed above the copy"));
    heading_err_ = form.Add(_("Heading:"), heading_);
    price_ = new wxTextCtrl(this, wxID_ANY, existing ? format_amount_ui(old_.price) : wxString());
    price_err_ = form.Add(existing ? _("List price (new bookings):") : _("List price:"), price_);
    words_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 5000,
                            old_.max_words);
    words_err_ = form.Add(_("Maximum words (0 = no limit):"), words_);
    slots_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 50,
                            old_.slots);
    slots_err_ = form.Add(_("Slots per issue:"), slots_);
    position_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, -1000,
                               1000, old_.position);
    position_err_ = form.Add(_("Position in the issue:"), position_);
    active_ = new wxCheckBox(this, wxID_ANY, _("Offered for new bookings"));
    active_->SetValue(old_.active);
    form.Add(_("Active:"), active_);
    error_ = MakeErrorLine(this);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(form.sizer(), 1, wxEXPAND | wxALL, 12);
    top->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    top->Add(OkCancel(this, existing ? _("Save") : _("Add")), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(top);
    SetMinSize(wxSize(480, -1));
    Fit();
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (Commit()) EndModal(wxID_OK);
        },
        wxID_OK);
}

bool PlacementDialog::Commit() {
    for (wxStaticText* l :
         {code_err_, name_err_, heading_err_, price_err_, words_err_, slots_err_, position_err_, error_})
        ShowErrorLine(l, {});
    Placement p = old_;
    p.code = utf8(code_->GetValue());
    p.name = utf8(name_->GetValue());
    p.heading = utf8(heading_->GetValue());
    p.max_words = words_->GetValue();
    p.slots = slots_->GetValue();
    p.position = position_->GetValue();
    p.active = active_->GetValue();
    wxString price_error;
    if (!read_amount(price_->GetValue(), currency_, _("List price"), p.price, price_error)) {
        ShowErrorLine(price_err_, price_error);
        Fit();
        return false;
    }
    try {
        if (p.id)
            CatalogService(db_).update_placement(p);
        else
            CatalogService(db_).add_placement(slug_, p);
        return true;
    } catch (const std::exception& e) {
        ShowErrorLine(FieldFor(e,
                               {{"code", code_err_},
                                {"slots", slots_err_},
                                {"heading", heading_err_},
                                {"price", price_err_},
                                {"max_words", words_err_},
                                {"position", position_err_},
                                {"name", name_err_}},
                               error_),
                      error_text(e));
        Fit();
        return false;
    }
}

namespace {

class PlanIssuesDialog : public wxDialog {
public:
    PlanIssuesDialog(wxWindow* parent, Database& db) : wxDialog(parent, wxID_ANY, _("Plan Issues")), db_(db) {
        FormGrid form(this);
        pub_ = new wxChoice(this, wxID_ANY);
        for (const auto& p : CatalogService(db_).publications()) {
            pub_->Append(wx(p.name));
            slugs_.push_back(p.slug);
        }
        if (!slugs_.empty()) pub_->SetSelection(0);
        form.Add(_("Publication:"), pub_);
        Date today = Date::today();
        from_ = new wxDatePickerCtrl(this, wxID_ANY, to_wx(today));
        form.Add(_("From:"), from_);
        to_ = new wxDatePickerCtrl(this, wxID_ANY, to_wx(today.add_days(90)));
        form.Add(_("To:"), to_);
        // Checked for a French user: a newsletter rarely goes out on 25 December.
        holidays_ = new wxCheckBox(this, wxID_ANY, _("Skip French public holidays"));
        holidays_->SetValue(ui_language() == "fr");
        holidays_->SetToolTip(
            _("1 January, Easter Monday, 1 and 8 May, Ascension, Whit Monday, 14 July, 15 August, "
              "1 and 11 November, 25 December"));
        form.Add(wxString(), holidays_);
        error_ = MakeErrorLine(this);
        auto* top = new wxBoxSizer(wxVERTICAL);
        top->Add(
            new wxStaticText(this, wxID_ANY,
                             _("One issue is created per sending day of the publication; existing issues are kept.")),
            0, wxALL, 12);
        top->Add(form.sizer(), 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
        top->Add(error_, 0, wxEXPAND | wxALL, 12);
        top->Add(OkCancel(this, _("Plan")), 0, wxEXPAND | wxALL, 12);
        SetSizerAndFit(top);
        Bind(
            wxEVT_BUTTON,
            [this](wxCommandEvent&) {
                if (Commit()) EndModal(wxID_OK);
            },
            wxID_OK);
    }

    bool Commit() {
        if (pub_->GetSelection() == wxNOT_FOUND) return false;
        try {
            auto made =
                IssueService(db_).plan(slugs_[static_cast<size_t>(pub_->GetSelection())], from_wx(from_->GetValue()),
                                       from_wx(to_->GetValue()), holidays_->GetValue() ? "fr" : "");
            wxMessageBox(
                wxString::Format(wxPLURAL("%zu issue planned.", "%zu issues planned.", made.size()), made.size()),
                _("Plan Issues"), wxOK | wxICON_INFORMATION, this);
            return true;
        } catch (const std::exception& e) {
            ShowErrorLine(error_, error_text(e));
            Fit();
            return false;
        }
    }

private:
    Database& db_;
    wxChoice* pub_;
    std::vector<std::string> slugs_;
    wxDatePickerCtrl *from_, *to_;
    wxCheckBox* holidays_;
    wxStaticText* error_;
};

}  // namespace

bool ShowNewPublicationDialog(wxWindow* parent, Database& db) {
    PublicationDialog dlg(parent, db);
    return dlg.ShowModal() == wxID_OK;
}

bool ShowEditPublicationDialog(wxWindow* parent, Database& db, const Publication& publication) {
    PublicationDialog dlg(parent, db, &publication);
    return dlg.ShowModal() == wxID_OK;
}

bool ShowNewPlacementDialog(wxWindow* parent, Database& db, const std::string& publication_slug) {
    PlacementDialog dlg(parent, db, publication_slug);
    return dlg.ShowModal() == wxID_OK;
}

bool ShowEditPlacementDialog(wxWindow* parent, Database& db, const std::string& publication_slug,
                             const Placement& placement) {
    PlacementDialog dlg(parent, db, publication_slug, &placement);
    return dlg.ShowModal() == wxID_OK;
}

bool ShowPlanIssuesDialog(wxWindow* parent, Database& db) {
    PlanIssuesDialog dlg(parent, db);
    return dlg.ShowModal() == wxID_OK;
}

}  // namespace sponsordesk::gui

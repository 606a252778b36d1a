#include "preferences_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/display.h>
#include <wx/scrolwin.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "catalog_dialogs.h"
#include "error_text.h"
#include "form.h"
#include "gui_util.h"
#include "sponsordesk/services/catalog_service.h"
#include "view.h"

namespace sponsordesk::gui {

PreferencesDialog::PreferencesDialog(wxWindow* parent, Database& db)
    : wxDialog(parent, wxID_ANY, _("Preferences"), wxDefaultPosition, wxSize(780, 620),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db) {
    auto* book = new wxNotebook(this, wxID_ANY);
    try {
        pubs_ = CatalogService(db_).publications();
    } catch (const std::exception& e) {
        show_error(this, e);
    }
    book->AddPage(PublisherPage(book), _("Publisher"));
    book->AddPage(PublicationsPage(book), _("Publications"));
    book->AddPage(PlacementsPage(book), _("Placements"));
    book->AddPage(HouseAdsPage(book), _("House Ads"));
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(book, 1, wxEXPAND | wxALL, 8);
    auto* buttons = new wxStdDialogButtonSizer;
    buttons->AddButton(new wxButton(this, wxID_CLOSE));
    buttons->Realize();
    // Escape and the close box ask about an unsaved profile, as Close does.
    SetEscapeId(wxID_NONE);
    top->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);
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
    // A 1024×600 screen: the dialog never asks for more than it has.
    const int display = wxDisplay::GetFromWindow(parent ? parent : this);
    const wxRect screen = wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    SetSize(wxSize(std::min(780, screen.width - 20), std::min(620, screen.height - 20)));
    CentreOnParent();
}

bool PreferencesDialog::PublisherChanged() const {
    for (const auto& [key, field] : publisher_) {
        auto it = publisher_shown_.find(key);
        if (it == publisher_shown_.end() || field->GetValue() != it->second) return true;
    }
    return vat_on_debits_->GetValue() != shown_debits_ || vat_regime_->GetSelection() != shown_regime_;
}

bool PreferencesDialog::TryClose() {
    if (!MayLeave(this, PublisherChanged(), _("The publisher profile has changes that are not saved."),
                  [this] { return SavePublisher(); }))
        return false;
    if (IsModal())
        EndModal(wxID_CLOSE);
    else
        Hide();
    return true;
}

wxWindow* PreferencesDialog::PublisherPage(wxNotebook* book) {
    // Scrolled: the whole profile and its Save button on a small screen.
    auto* page = new wxScrolledWindow(book);
    page->SetScrollRate(10, 10);
    FormGrid form(page);
    Publisher p;
    wxString load_error;
    try {
        p = CatalogService(db_).publisher();
    } catch (const std::exception& e) {
        load_error = wxString::Format(_("The publisher profile could not be read: %s"), wx(e.what()));
    }
    auto add = [&](const std::string& key, const wxString& label, const std::string& value, long style = 0) {
        auto* t = new wxTextCtrl(page, wxID_ANY, wx(value), wxDefaultPosition, wxSize(-1, style ? 60 : -1), style);
        publisher_[key] = t;
        publisher_err_[key] = form.Add(label, t);
    };
    add("name", _("Legal name:"), p.name);
    add("legal_form", _("Legal form:"), p.legal_form);
    add("share_capital", _("Share capital (EUR):"),
        p.share_capital < 0 ? std::string() : utf8(format_amount_ui(p.share_capital)));
    add("registry", _("Registry:"), p.registry);
    publisher_["registry"]->SetHint(_("RCS Paris, RM 75, or Dispensé d'immatriculation"));
    add("address_line1", _("Street:"), p.postal.line1);
    add("address_line2", _("Address line 2:"), p.postal.line2);
    add("postcode", _("Postcode:"), p.postal.postcode);
    add("city", _("City:"), p.postal.city);
    add("country", _("Country (ISO):"), p.postal.country);
    // Files made before structured addresses: still printed while the
    // fields above are empty.
    add("address", _("Address (free text):"), p.address, wxTE_MULTILINE);
    add("siren", _("SIREN:"), p.siren);
    add("siret", _("SIRET:"), p.siret);
    add("vat_number", _("VAT number:"), p.vat_number);
    add("einvoice_address", _("E-invoicing address:"), p.einvoice_address);
    publisher_["einvoice_address"]->SetHint(_("Default: the SIREN"));
    vat_regime_ = new wxChoice(page, wxID_ANY);
    vat_regime_->Append(_("Normal (VAT charged)"));
    // TRANSLATORS: the French VAT exemption of small businesses, art. 293 B du CGI.
    vat_regime_->Append(_("Franchise (art. 293 B, no VAT)"));
    vat_regime_->SetSelection(p.vat_regime == VatRegime::Franchise ? 1 : 0);
    publisher_err_["vat_regime"] = form.Add(_("VAT regime:"), vat_regime_);
    vat_on_debits_ = new wxCheckBox(page, wxID_ANY, _("Pay VAT on debits (option chosen)"));
    vat_on_debits_->SetValue(p.vat_on_debits);
    publisher_err_["vat_on_debits"] = form.Add(wxString(), vat_on_debits_);
    shown_debits_ = p.vat_on_debits;
    shown_regime_ = vat_regime_->GetSelection();
    add("iban", _("IBAN:"), p.iban);
    add("bic", _("BIC:"), p.bic);
    add("email", _("Email:"), p.email);
    add("payment_terms", _("Payment terms (days):"), std::to_string(p.payment_terms_days));
    add("footer", _("Invoice footer:"), p.footer, wxTE_MULTILINE);
    auto* save = new wxButton(page, wxID_SAVE, _("&Save Profile"));
    publisher_status_ = new wxStaticText(page, wxID_ANY, load_error);
    // Saving the blank form would overwrite the profile that could not be read.
    if (!load_error.empty()) save->Disable();
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(form.sizer(), 1, wxEXPAND | wxALL, 12);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(save, 0, wxRIGHT, 12);
    row->Add(publisher_status_, 1, wxALIGN_CENTER_VERTICAL);
    s->Add(row, 0, wxEXPAND | wxALL, 12);
    page->SetSizer(s);
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SavePublisher(); });
    for (auto& [key, field] : publisher_) {
        publisher_shown_[key] = field->GetValue();
        wxStaticText* err = publisher_err_[key];
        field->Bind(wxEVT_TEXT, [this, err](wxCommandEvent& e) {
            e.Skip();
            if (err->IsShown()) ShowErrorLine(err, {});
            publisher_status_->SetLabel(wxString());
        });
    }
    return page;
}

bool PreferencesDialog::SavePublisher() {
    for (auto& [k, e] : publisher_err_) ShowErrorLine(e, {});
    PublisherChanges c;
    c.name = utf8(publisher_["name"]->GetValue());
    c.address = utf8(publisher_["address"]->GetValue());
    c.siren = utf8(publisher_["siren"]->GetValue());
    c.siret = utf8(publisher_["siret"]->GetValue());
    c.vat_number = utf8(publisher_["vat_number"]->GetValue());
    c.legal_form = utf8(publisher_["legal_form"]->GetValue());
    c.registry = utf8(publisher_["registry"]->GetValue());
    c.address_line1 = utf8(publisher_["address_line1"]->GetValue());
    c.address_line2 = utf8(publisher_["address_line2"]->GetValue());
    c.postcode = utf8(publisher_["postcode"]->GetValue());
    c.city = utf8(publisher_["city"]->GetValue());
    c.country = utf8(publisher_["country"]->GetValue());
    c.einvoice_address = utf8(publisher_["einvoice_address"]->GetValue());
    c.vat_on_debits = vat_on_debits_->GetValue();
    c.vat_regime = vat_regime_->GetSelection() == 1 ? VatRegime::Franchise : VatRegime::Normal;
    const wxString capital = publisher_["share_capital"]->GetValue();
    if (capital.Strip(wxString::both).empty()) {
        c.share_capital = -1;
    } else {
        Minor amount = 0;
        wxString error;
        if (!read_amount(capital, "EUR", _("Share capital"), amount, error)) {
            ShowErrorLine(publisher_err_["share_capital"], error);
            return false;
        }
        c.share_capital = amount;
    }
    c.iban = utf8(publisher_["iban"]->GetValue());
    c.bic = utf8(publisher_["bic"]->GetValue());
    c.email = utf8(publisher_["email"]->GetValue());
    c.footer = utf8(publisher_["footer"]->GetValue());
    long terms = 0;
    if (!publisher_["payment_terms"]->GetValue().ToLong(&terms)) {
        ShowErrorLine(publisher_err_["payment_terms"], _("Payment terms are a number of days."));
        return false;
    }
    c.payment_terms_days = terms;
    try {
        CatalogService(db_).update_publisher(c);
        for (auto& [key, field] : publisher_) publisher_shown_[key] = field->GetValue();
        shown_debits_ = vat_on_debits_->GetValue();
        shown_regime_ = vat_regime_->GetSelection();
        publisher_status_->SetLabel(_("Profile saved."));
        return true;
    } catch (const std::exception& e) {
        // The form's field for the key the error names.
        std::string key = error_field(e);
        if (key == "payment_terms_days") key = "payment_terms";
        if (!publisher_err_.count(key)) key = "name";
        ShowErrorLine(publisher_err_[key], error_text(e));
        publisher_status_->SetLabel(wxString());
        return false;
    }
}

wxWindow* PreferencesDialog::PublicationsPage(wxNotebook* book) {
    auto* page = new wxPanel(book);
    publications_ = new wxListView(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    publications_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 200);
    publications_->AppendColumn(_("Slug"), wxLIST_FORMAT_LEFT, 120);
    publications_->AppendColumn(_("Language"), wxLIST_FORMAT_LEFT, 80);
    publications_->AppendColumn(_("Currency"), wxLIST_FORMAT_LEFT, 80);
    publications_->AppendColumn(_("Sent on"), wxLIST_FORMAT_LEFT, 160);
    publications_->AppendColumn(_("Copy due"), wxLIST_FORMAT_RIGHT, 80);
    auto* add = new wxButton(page, wxID_ADD, _("&New Publication…"));
    auto* edit = new wxButton(page, wxID_EDIT, _("&Edit Publication…"));
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(publications_, 1, wxEXPAND | wxALL, 12);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(add, 0, wxRIGHT, 6);
    buttons->Add(edit, 0);
    s->Add(buttons, 0, wxLEFT | wxBOTTOM, 12);
    page->SetSizer(s);
    FillPublications();
    edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditPublication(publications_->GetFirstSelected()); });
    edit->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(publications_->GetFirstSelected() >= 0); });
    publications_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { EditPublication(e.GetIndex()); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (ShowNewPublicationDialog(this, db_)) {
            pubs_ = CatalogService(db_).publications();
            FillPublications();
        }
    });
    return page;
}

bool PreferencesDialog::EditPublication(long row) {
    if (row < 0 || static_cast<size_t>(row) >= pubs_.size()) return false;
    if (!ShowEditPublicationDialog(this, db_, pubs_[static_cast<size_t>(row)])) return false;
    try {
        pubs_ = CatalogService(db_).publications();
    } catch (const std::exception& e) {
        show_error(this, e);
    }
    FillPublications();
    publications_->Select(row);
    FillPlacements();  // prices are shown in the publication's currency
    return true;
}

void PreferencesDialog::FillPublications() {
    publications_->DeleteAllItems();
    for (size_t i = 0; i < pubs_.size(); ++i) {
        const Publication& p = pubs_[i];
        long row = publications_->InsertItem(static_cast<long>(i), wx(p.name));
        publications_->SetItem(row, 1, wx(p.slug));
        publications_->SetItem(row, 2, language_name(p.language));
        publications_->SetItem(row, 3, wx(p.currency));
        publications_->SetItem(row, 4, format_cadence(p.cadence));
        publications_->SetItem(
            row, 5, wxString::Format(wxPLURAL("%d day", "%d days", p.copy_deadline_days), p.copy_deadline_days));
    }
    for (wxChoice* c : {placement_pub_, ad_pub_}) {
        if (!c) continue;
        int keep = c->GetSelection();
        c->Clear();
        for (const auto& p : pubs_) c->Append(wx(p.name));
        c->SetSelection(keep != wxNOT_FOUND ? keep : (pubs_.empty() ? wxNOT_FOUND : 0));
    }
}

wxWindow* PreferencesDialog::PlacementsPage(wxNotebook* book) {
    auto* page = new wxPanel(book);
    placement_pub_ = new wxChoice(page, wxID_ANY);
    for (const auto& p : pubs_) placement_pub_->Append(wx(p.name));
    if (!pubs_.empty()) placement_pub_->SetSelection(0);
    placements_ = new wxListView(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    placements_->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, 100);
    placements_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 170);
    placements_->AppendColumn(_("Heading"), wxLIST_FORMAT_LEFT, 190);
    placements_->AppendColumn(_("Price"), wxLIST_FORMAT_RIGHT, 100);
    placements_->AppendColumn(_("Max words"), wxLIST_FORMAT_RIGHT, 80);
    placements_->AppendColumn(_("Slots"), wxLIST_FORMAT_RIGHT, 60);
    placements_->AppendColumn(_("Position"), wxLIST_FORMAT_RIGHT, 70);
    placements_->AppendColumn(_("Active"), wxLIST_FORMAT_LEFT, 70);
    auto* add = new wxButton(page, wxID_ADD, _("&New Placement…"));
    auto* edit = new wxButton(page, wxID_EDIT, _("&Edit Placement…"));
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(page, wxID_ANY, _("Publication:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    row->Add(placement_pub_, 0);
    s->Add(row, 0, wxALL, 12);
    s->Add(placements_, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(add, 0, wxRIGHT, 6);
    buttons->Add(edit, 0);
    s->Add(buttons, 0, wxALL, 12);
    page->SetSizer(s);
    FillPlacements();
    edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditPlacement(placements_->GetFirstSelected()); });
    edit->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(placements_->GetFirstSelected() >= 0); });
    placements_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { EditPlacement(e.GetIndex()); });
    placement_pub_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { FillPlacements(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        int sel = placement_pub_->GetSelection();
        if (sel == wxNOT_FOUND) return;
        if (ShowNewPlacementDialog(this, db_, pubs_[static_cast<size_t>(sel)].slug)) {
            FillPlacements();
            FillHouseAd();
        }
    });
    return page;
}

bool PreferencesDialog::EditPlacement(long row) {
    const int sel = placement_pub_->GetSelection();
    if (sel == wxNOT_FOUND || row < 0 || static_cast<size_t>(row) >= placement_rows_.size()) return false;
    if (!ShowEditPlacementDialog(this, db_, pubs_[static_cast<size_t>(sel)].slug,
                                 placement_rows_[static_cast<size_t>(row)]))
        return false;
    FillPlacements();
    placements_->Select(row);
    FillHouseAd();
    return true;
}

void PreferencesDialog::FillPlacements() {
    if (!placements_) return;
    placements_->DeleteAllItems();
    placement_rows_.clear();
    int sel = placement_pub_->GetSelection();
    if (sel == wxNOT_FOUND) return;
    const Publication& pub = pubs_[static_cast<size_t>(sel)];
    try {
        placement_rows_ = CatalogService(db_).placements(pub.slug);
        for (size_t i = 0; i < placement_rows_.size(); ++i) {
            const Placement& p = placement_rows_[i];
            long row = placements_->InsertItem(static_cast<long>(i), wx(p.code));
            placements_->SetItem(row, 1, wx(p.name));
            placements_->SetItem(row, 2, wx(p.heading));
            placements_->SetItem(row, 3, format_money_ui(p.price, pub.currency));
            placements_->SetItem(row, 4,
                                 p.max_words ? wxString::Format(wxS("%d"), p.max_words) : wxString::FromUTF8("—"));
            placements_->SetItem(row, 5, wxString::Format(wxS("%d"), p.slots));
            placements_->SetItem(row, 6, wxString::Format(wxS("%d"), p.position));
            placements_->SetItem(row, 7, p.active ? _("yes") : _("no"));
        }
    } catch (const std::exception& e) {
        show_error(this, e);
    }
}

wxWindow* PreferencesDialog::HouseAdsPage(wxNotebook* book) {
    auto* page = new wxPanel(book);
    ad_pub_ = new wxChoice(page, wxID_ANY);
    for (const auto& p : pubs_) ad_pub_->Append(wx(p.name));
    if (!pubs_.empty()) ad_pub_->SetSelection(0);
    ad_placement_ = new wxChoice(page, wxID_ANY);
    ad_text_ = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_MULTILINE);
    ad_status_ = new wxStaticText(page, wxID_ANY, wxString());
    auto* save = new wxButton(page, wxID_SAVE, _("&Save House Ad"));
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(page, wxID_ANY, _("Publication:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    row->Add(ad_pub_, 0, wxRIGHT, 16);
    row->Add(new wxStaticText(page, wxID_ANY, _("Placement:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    row->Add(ad_placement_, 0);
    s->Add(row, 0, wxALL, 12);
    s->Add(new wxStaticText(page, wxID_ANY,
                            _("Shown in the issue when every slot of the placement is unsold (Markdown):")),
           0, wxLEFT | wxRIGHT, 12);
    s->Add(ad_text_, 1, wxEXPAND | wxALL, 12);
    auto* row2 = new wxBoxSizer(wxHORIZONTAL);
    row2->Add(save, 0, wxRIGHT, 12);
    row2->Add(ad_status_, 1, wxALIGN_CENTER_VERTICAL);
    s->Add(row2, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    page->SetSizer(s);
    FillHouseAd();
    ad_pub_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { FillHouseAd(); });
    ad_placement_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        int i = ad_placement_->GetSelection();
        ad_text_->ChangeValue(
            i == wxNOT_FOUND
                ? wxString()
                : wx(CatalogService(db_).house_ad(ad_placements_[static_cast<size_t>(i)].id).value_or("")));
        ad_status_->SetLabel(wxString());
    });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        int p = ad_pub_->GetSelection(), i = ad_placement_->GetSelection();
        if (p == wxNOT_FOUND || i == wxNOT_FOUND) return;
        try {
            CatalogService(db_).set_house_ad(pubs_[static_cast<size_t>(p)].slug,
                                             ad_placements_[static_cast<size_t>(i)].code, utf8(ad_text_->GetValue()));
            ad_status_->SetForegroundColour(GetForegroundColour());
            ad_status_->SetLabel(_("House ad saved."));
        } catch (const std::exception& e) {
            ad_status_->SetForegroundColour(wxColour(198, 40, 40));
            ad_status_->SetLabelText(error_text(e));
        }
    });
    return page;
}

void PreferencesDialog::FillHouseAd() {
    ad_placement_->Clear();
    ad_placements_.clear();
    ad_text_->ChangeValue(wxString());
    int sel = ad_pub_->GetSelection();
    if (sel == wxNOT_FOUND) return;
    try {
        ad_placements_ = CatalogService(db_).placements(pubs_[static_cast<size_t>(sel)].slug);
        for (const auto& p : ad_placements_) ad_placement_->Append(wx(p.name));
        if (!ad_placements_.empty()) {
            ad_placement_->SetSelection(0);
            ad_text_->ChangeValue(wx(CatalogService(db_).house_ad(ad_placements_[0].id).value_or("")));
        }
    } catch (const std::exception& e) {
        show_error(this, e);
    }
}

}  // namespace sponsordesk::gui

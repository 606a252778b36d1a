#include "sponsors_panel.h"

#include <cstdlib>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "booking_dialog.h"
#include "error_text.h"
#include "form.h"
#include "gui_util.h"
#include "history_list.h"
#include "invoices_panel.h"
#include "settings.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/booking_repository.h"

namespace sponsordesk::gui {
namespace {

// Below this width the sponsor form's two columns are stacked.
constexpr int kTwoColumnWidth = 820;

// The form field an error concerns, by the key the core gives it.
std::string FieldOf(const std::exception& e) {
    const std::string key = error_field(e);
    if (key == "payment_terms_days") return "payment_terms";
    static const char* const known[] = {"name",     "legal_name", "address",          "country",
                                        "siren",    "vat_number", "category",         "vat_rate",
                                        "notes",    "siret",      "address_line1",    "address_line2",
                                        "postcode", "city",       "einvoice_address", "buyer_reference"};
    for (const char* k : known)
        if (key == k) return key;
    return "name";
}

}  // namespace

SponsorsPanel::SponsorsPanel(wxWindow* parent, Database& db, ViewHost& host) : View(parent, db, host) {
    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    splitter_->SetMinimumPaneSize(220);
    wxWindow* left = BuildListPane(splitter_);

    // Right: details form, then contacts, bookings and invoices; scrolled,
    // so that a small screen reaches every field and button.
    auto* right = new wxScrolledWindow(splitter_);
    right->SetScrollRate(10, 10);
    auto* rs = new wxBoxSizer(wxVERTICAL);
    title_ = new wxStaticText(right, wxID_ANY, wxString());
    title_->SetFont(title_->GetFont().Scaled(1.4f).Bold());
    rs->Add(title_, 0, wxBOTTOM, 8);
    rs->Add(BuildForm(right), 0, wxEXPAND);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    save_ = new wxButton(right, wxID_SAVE, _("&Save"));
    archive_ = new wxButton(right, wxID_ANY, _("&Archive"));
    buttons->Add(save_, 0, wxRIGHT, 6);
    buttons->Add(archive_, 0);
    rs->Add(buttons, 0, wxTOP | wxBOTTOM, 8);
    rs->Add(BuildTabs(right), 1, wxEXPAND | wxTOP, 4);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(rs, 1, wxEXPAND | wxALL, 12);
    right->SetSizer(outer);

    splitter_->SplitVertically(left, right, Settings::SplitterPosition(wxS("Sponsors"), 340));
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(splitter_, 1, wxEXPAND);
    SetSizer(top);
    BindEvents();
    ShowSponsor(nullptr);
}

// Left: search, the list (or the sentence saying how to start) and New Sponsor.
wxWindow* SponsorsPanel::BuildListPane(wxWindow* parent) {
    auto* left = new wxPanel(parent);
    auto* ls = new wxBoxSizer(wxVERTICAL);
    search_ = new wxSearchCtrl(left, wxID_ANY);
    search_->SetDescriptiveText(_("Search name, category, notes"));
    search_->ShowCancelButton(true);
    archived_ = new wxCheckBox(left, wxID_ANY, _("Show archived sponsors"));
    list_ = new wxListView(left, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("Sponsor"), wxLIST_FORMAT_LEFT, 200);
    list_->AppendColumn(_("Category"), wxLIST_FORMAT_LEFT, 110);
    add_ = new wxButton(left, wxID_ADD, _("&New Sponsor"));
    ls->Add(search_, 0, wxEXPAND | wxBOTTOM, 6);
    ls->Add(archived_, 0, wxBOTTOM, 6);
    ls->Add(list_, 1, wxEXPAND | wxBOTTOM, 6);
    ls->Add(MakeEmptyState(left, list_), 1, wxEXPAND | wxALL, 12);
    ls->Add(add_, 0);
    auto* lwrap = new wxBoxSizer(wxVERTICAL);
    lwrap->Add(ls, 1, wxEXPAND | wxALL, 8);
    left->SetSizer(lwrap);
    return left;
}

// The details form in two columns; each field has its error line below it.
wxSizer* SponsorsPanel::BuildForm(wxWindow* right) {
    FormGrid form(right);
    FormGrid form2(right);
    auto add_field = [&](FormGrid& g, const std::string& key, const wxString& label, long style = 0, int height = -1) {
        auto* t = new wxTextCtrl(right, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, height), style);
        fields_[key] = t;
        errors_[key] = g.Add(label, t);
    };
    add_field(form, "name", _("Name:"));
    add_field(form, "legal_name", _("Legal name:"));
    add_field(form, "address_line1", _("Street:"));
    add_field(form, "address_line2", _("Address line 2:"));
    add_field(form, "postcode", _("Postcode:"));
    add_field(form, "city", _("City:"));
    add_field(form, "country", _("Country (ISO):"));
    // Files made before structured addresses: still printed while the
    // fields above are empty.
    add_field(form, "address", _("Address (free text):"), wxTE_MULTILINE, 48);
    add_field(form, "notes", _("Notes:"), wxTE_MULTILINE, 64);
    business_ = new wxCheckBox(right, wxID_ANY, wxString());
    business_->SetToolTip(_("Untick for a private person (no SIREN needed)"));
    errors_["business"] = form2.Add(_("Business:"), business_);
    add_field(form2, "siren", _("SIREN:"));
    add_field(form2, "siret", _("SIRET:"));
    add_field(form2, "vat_number", _("VAT number:"));
    add_field(form2, "einvoice_address", _("E-invoicing address:"));
    fields_["einvoice_address"]->SetHint(_("Default: SIREN or billing email"));
    add_field(form2, "buyer_reference", _("Buyer reference:"));
    add_field(form2, "category", _("Category:"));
    fields_["category"]->SetHint(_("for competitor exclusivity"));
    add_field(form2, "payment_terms", _("Payment terms (days):"));
    add_field(form2, "vat_rate", _("VAT rate (%):"));
    // Two columns side by side when the pane is wide, one above the other
    // when it is narrow (a 1024-pixel screen): see the size handler.
    form_columns_ = new wxBoxSizer(wxHORIZONTAL);
    form_columns_->Add(form.sizer(), 3, wxEXPAND | wxRIGHT | wxBOTTOM, 16);
    form_columns_->Add(form2.sizer(), 2, wxEXPAND | wxBOTTOM, 8);
    right->Bind(wxEVT_SIZE, [this, right](wxSizeEvent& e) {
        e.Skip();
        const int want = e.GetSize().x >= kTwoColumnWidth ? wxHORIZONTAL : wxVERTICAL;
        if (form_columns_->GetOrientation() != want) {
            form_columns_->SetOrientation(want);
            right->CallAfter([right] {
                right->FitInside();
                right->Layout();
            });
        }
    });
    return form_columns_;
}

wxWindow* SponsorsPanel::BuildTabs(wxWindow* right) {
    auto* tabs = new wxNotebook(right, wxID_ANY);
    auto* cpage = new wxPanel(tabs);
    auto* cs = new wxBoxSizer(wxVERTICAL);
    contacts_ = new wxListView(cpage, wxID_ANY, wxDefaultPosition, wxSize(-1, 130), wxLC_REPORT | wxLC_SINGLE_SEL);
    contacts_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 180);
    contacts_->AppendColumn(_("Email"), wxLIST_FORMAT_LEFT, 220);
    contacts_->AppendColumn(_("Phone"), wxLIST_FORMAT_LEFT, 130);
    contacts_->AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, 100);
    cs->Add(contacts_, 1, wxEXPAND | wxALL, 6);
    auto* cadd = new wxBoxSizer(wxHORIZONTAL);
    contact_name_ = new wxTextCtrl(cpage, wxID_ANY);
    contact_name_->SetHint(_("Name"));
    contact_email_ = new wxTextCtrl(cpage, wxID_ANY);
    contact_email_->SetHint(_("Email"));
    contact_phone_ = new wxTextCtrl(cpage, wxID_ANY);
    contact_phone_->SetHint(_("Phone"));
    contact_role_ = new wxChoice(cpage, wxID_ANY);
    for (const wxString& r : {_("Billing"), _("Creative"), _("Sales"), _("Other")}) contact_role_->Append(r);
    contact_role_->SetSelection(1);
    // Narrow minimums: the row shrinks with the pane instead of widening the form.
    for (wxWindow* w : {static_cast<wxWindow*>(contact_name_), static_cast<wxWindow*>(contact_email_),
                        static_cast<wxWindow*>(contact_phone_)})
        w->SetMinSize(wxSize(60, -1));
    add_contact_ = new wxButton(cpage, wxID_ANY, _("Add &Contact"));
    cadd->Add(contact_name_, 2, wxRIGHT, 4);
    cadd->Add(contact_email_, 3, wxRIGHT, 4);
    cadd->Add(contact_phone_, 2, wxRIGHT, 4);
    cadd->Add(contact_role_, 0, wxRIGHT, 4);
    cadd->Add(add_contact_, 0);
    cs->Add(cadd, 0, wxEXPAND | wxLEFT | wxRIGHT, 6);
    contact_err_ = MakeErrorLine(cpage);
    cs->Add(contact_err_, 0, wxEXPAND | wxALL, 6);
    cpage->SetSizer(cs);
    tabs->AddPage(cpage, _("Contacts"));

    auto list_page = [tabs](const wxString& title, wxListView*& list,
                            std::initializer_list<std::pair<wxString, int>> cols) {
        auto* page = new wxPanel(tabs);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        list = new wxListView(page, wxID_ANY, wxDefaultPosition, wxSize(-1, 160), wxLC_REPORT | wxLC_SINGLE_SEL);
        for (const auto& [name, width] : cols)
            list->AppendColumn(name, width < 0 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, std::abs(width));
        sizer->Add(list, 1, wxEXPAND | wxALL, 6);
        page->SetSizer(sizer);
        tabs->AddPage(page, title);
    };
    // A negative width: the column is right-aligned (numbers, money).
    list_page(_("Bookings"), bookings_,
              {{_("No."), -60},
               {_("Issue date"), 100},
               {_("Publication"), 150},
               {_("Placement"), 140},
               {_("Status"), 120},
               {_("Price"), -100},
               {_("Invoice"), 100}});
    tabs->SetMinSize(wxSize(300, 220));
    list_page(_("Invoices"), invoices_,
              {{_("Number"), 120},
               {wxGETTEXT_IN_CONTEXT("column", "Issued"), 100},
               {_("Gross"), -110},
               {_("Outstanding"), -110},
               {_("Status"), 100}});
    history_ = new HistoryList(tabs);
    tabs->AddPage(history_, HistoryTabTitle());
    return tabs;
}

void SponsorsPanel::BindEvents() {
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { FillList(); });
    archived_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { FillList(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { OnListSelect(e.GetIndex()); });
    add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewSponsor(); });
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    archive_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ToggleArchive(); });
    add_contact_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddContact(); });
    // An error line speaks of the value as it was: it goes once the field changes.
    for (auto& [key, field] : fields_) {
        wxStaticText* err = errors_[key];
        field->Bind(wxEVT_TEXT, [err](wxCommandEvent& e) {
            e.Skip();
            if (err->IsShown()) ShowErrorLine(err, {});
        });
    }
    for (wxTextCtrl* t : {contact_name_, contact_email_, contact_phone_})
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
            e.Skip();
            if (contact_err_->IsShown()) ShowErrorLine(contact_err_, {});
        });
    bookings_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        Id id = static_cast<Id>(bookings_->GetItemData(e.GetIndex()));
        if (ShowBookingDialog(this, db_, id)) {
            host_.DataChanged();
            RefreshDetails();
        }
    });
}

void SponsorsPanel::OnListSelect(long index) {
    if (index < 0 || static_cast<size_t>(index) >= sponsors_.size() || selecting_) return;
    const Id target = sponsors_[static_cast<size_t>(index)].id;
    if (!editing_new_ && target == current_.id) {
        if (!IsDirty()) ShowSponsor(&sponsors_[static_cast<size_t>(index)]);
        return;
    }
    if (!CanLeave()) {
        // Back to the sponsor whose changes the user kept.
        selecting_ = true;
        list_->Select(index, false);
        for (size_t i = 0; i < sponsors_.size(); ++i)
            if (!editing_new_ && sponsors_[i].id == current_.id) list_->Select(static_cast<long>(i));
        selecting_ = false;
        return;
    }
    // Saving may have refilled the list: find the wanted sponsor again.
    for (size_t i = 0; i < sponsors_.size(); ++i)
        if (sponsors_[i].id == target) {
            selecting_ = true;
            list_->Select(static_cast<long>(i));
            selecting_ = false;
            ShowSponsor(&sponsors_[i]);
            return;
        }
}

void SponsorsPanel::RefreshDetails() {
    if (editing_new_ || !current_.id) return;
    Sponsor keep = current_;
    ShowSponsor(&keep);
}

bool SponsorsPanel::IsDirty() const {
    for (const auto& [key, field] : fields_) {
        auto it = shown_.find(key);
        if (it == shown_.end() || field->GetValue() != it->second) return true;
    }
    return business_->GetValue() != shown_business_;
}

bool SponsorsPanel::CanLeave() {
    const wxString what = editing_new_
                              ? _("The new sponsor is not saved yet.")
                              : wxString::Format(_("The changes to sponsor %s are not saved."), wx(current_.name));
    const auto save = [this] { return Save(); };
    const auto discard = [this] {
        if (editing_new_)
            ShowSponsor(nullptr);
        else
            RefreshDetails();
    };
    return MayLeave(this, IsDirty(), what, save, discard);
}

void SponsorsPanel::SaveState() {
    if (splitter_->GetSashPosition() >= 220)
        Settings::SaveSplitterPosition(wxS("Sponsors"), splitter_->GetSashPosition());
}

void SponsorsPanel::Reload() {
    Id keep = current_.id;
    FillList();
    for (size_t i = 0; i < sponsors_.size(); ++i)
        if (sponsors_[i].id == keep && keep) {
            list_->Select(static_cast<long>(i));  // re-reads the details unless edited
            list_->EnsureVisible(static_cast<long>(i));
            return;
        }
    if (!sponsors_.empty() && !IsDirty()) list_->Select(0);
}

void SponsorsPanel::FillList() {
    try {
        sponsors_ = SponsorService(db_).list(utf8(search_->GetValue()), false);
        if (archived_->GetValue())
            for (const Sponsor& s : SponsorService(db_).list(utf8(search_->GetValue()), true))
                if (s.archived) sponsors_.push_back(s);
    } catch (const std::exception& e) {
        host_.SetStatus(error_text(e));
        sponsors_.clear();
    }
    list_->DeleteAllItems();
    for (size_t i = 0; i < sponsors_.size(); ++i) {
        long row = list_->InsertItem(static_cast<long>(i), wx(sponsors_[i].name));
        list_->SetItem(row, 1, wx(sponsors_[i].category));
        if (sponsors_[i].archived) list_->SetItemTextColour(row, wxColour(130, 130, 130));
    }
    host_.SetStatus(wxString::Format(wxPLURAL("%zu sponsor", "%zu sponsors", sponsors_.size()), sponsors_.size()));
    if (!sponsors_.empty())
        ShowEmptyState(wxString());
    else if (!search_->GetValue().empty())
        ShowEmptyState(_("No sponsor matches this search."));
    else
        ShowEmptyState(_("No sponsor yet: fill in the form on the right and click Save to add the first one."));
}

bool SponsorsPanel::SelectSponsor(const std::string& name) {
    for (size_t i = 0; i < sponsors_.size(); ++i)
        if (sponsors_[i].name == name) {
            selecting_ = true;
            list_->Select(static_cast<long>(i));
            selecting_ = false;
            ShowSponsor(&sponsors_[i]);
            return true;
        }
    return false;
}

void SponsorsPanel::NewSponsor() {
    if (!CanLeave()) return;
    selecting_ = true;
    list_->Select(list_->GetFirstSelected(), false);
    selecting_ = false;
    ShowSponsor(nullptr);
    editing_new_ = true;
    title_->SetLabel(_("New sponsor"));
    fields_["name"]->SetFocus();
}

void SponsorsPanel::ShowSponsor(const Sponsor* s) {
    editing_new_ = s == nullptr;
    current_ = s ? *s : Sponsor{};
    for (auto& [k, e] : errors_) ShowErrorLine(e, {});
    title_->SetLabel(s ? wx(s->name) + (s->archived ? wxS(" ") + _("(archived)") : wxString()) : _("New sponsor"));
    fields_["name"]->ChangeValue(wx(current_.name));
    fields_["legal_name"]->ChangeValue(wx(current_.legal_name));
    fields_["address"]->ChangeValue(wx(current_.address));
    fields_["country"]->ChangeValue(wx(current_.country));
    fields_["notes"]->ChangeValue(wx(current_.notes));
    fields_["siren"]->ChangeValue(wx(current_.siren));
    fields_["vat_number"]->ChangeValue(wx(current_.vat_number));
    fields_["address_line1"]->ChangeValue(wx(current_.postal.line1));
    fields_["address_line2"]->ChangeValue(wx(current_.postal.line2));
    fields_["postcode"]->ChangeValue(wx(current_.postal.postcode));
    fields_["city"]->ChangeValue(wx(current_.postal.city));
    fields_["siret"]->ChangeValue(wx(current_.siret));
    fields_["einvoice_address"]->ChangeValue(wx(current_.einvoice_address));
    fields_["buyer_reference"]->ChangeValue(wx(current_.buyer_reference));
    business_->SetValue(current_.business);
    shown_business_ = current_.business;
    fields_["category"]->ChangeValue(wx(current_.category));
    fields_["payment_terms"]->ChangeValue(wxString::Format(wxS("%d"), current_.payment_terms_days));
    fields_["vat_rate"]->ChangeValue(wx(format_rate(current_.vat_rate)));
    shown_.clear();
    for (const auto& [key, field] : fields_) shown_[key] = field->GetValue();
    enable_for(archive_, s != nullptr, Capability::Sell);
    enable_for(save_, true, Capability::Sell);
    enable_for(add_, true, Capability::Sell);
    enable_for(add_contact_, true, Capability::Sell);
    archive_->SetLabel(s && s->archived ? _("&Restore") : _("&Archive"));

    contacts_->DeleteAllItems();
    bookings_->DeleteAllItems();
    invoices_->DeleteAllItems();
    history_->Clear();
    if (s) {
        try {
            auto cs = SponsorService(db_).contacts(SponsorId{s->id});
            for (size_t i = 0; i < cs.size(); ++i) {
                long row = contacts_->InsertItem(static_cast<long>(i), wx(cs[i].name));
                contacts_->SetItem(row, 1, wx(cs[i].email));
                contacts_->SetItem(row, 2, wx(cs[i].phone));
                const wxString roles[] = {_("Billing"), _("Creative"), _("Sales"), _("Other")};
                contacts_->SetItem(row, 3, roles[static_cast<int>(cs[i].role)]);
            }
            BookingFilter f;
            f.sponsor_id = s->id;
            f.today = Date::today();
            f.descending = true;
            f.limit = 500;
            auto bs = BookingRepository(db_).list(f);
            for (size_t i = 0; i < bs.size(); ++i) {
                const BookingView& v = bs[i];
                long row = bookings_->InsertItem(static_cast<long>(i),
                                                 wxString::Format(wxS("%lld"), static_cast<long long>(v.booking.id)));
                bookings_->SetItemData(row, static_cast<long>(v.booking.id));
                bookings_->SetItem(row, 1, format_date(v.issue_date));
                bookings_->SetItem(row, 2, wx(v.publication_name));
                bookings_->SetItem(row, 3, wx(v.placement_name));
                bookings_->SetItem(row, 4, state_label(slot_state(v)));
                bookings_->SetItem(row, 5, format_money_ui(v.booking.price, v.currency));
                bookings_->SetItem(row, 6, v.invoice ? invoice_ref(*v.invoice) : wxString());
            }
            auto invs = InvoiceService(db_).list_for_sponsor(SponsorId{s->id});
            for (size_t i = 0; i < invs.size(); ++i) {
                const InvoiceView& v = invs[i];
                long row =
                    invoices_->InsertItem(static_cast<long>(i), v.invoice.number ? wx(*v.invoice.number) : _("draft"));
                invoices_->SetItem(row, 1, v.invoice.issue_date ? format_date(*v.invoice.issue_date) : wxString());
                invoices_->SetItem(row, 2, format_money_ui(v.invoice.gross, v.invoice.currency));
                invoices_->SetItem(row, 3,
                                   v.outstanding ? format_money_ui(v.outstanding, v.invoice.currency) : wxString());
                invoices_->SetItem(row, 4, InvoiceStateLabel(v.state));
            }
            history_->ShowObject(db_, "sponsor", s->id);
        } catch (const std::exception& e) {
            host_.SetStatus(error_text(e));
        }
    }
    Layout();
}

bool SponsorsPanel::Save() {
    for (auto& [k, e] : errors_) ShowErrorLine(e, {});
    Sponsor s = current_;
    s.name = utf8(fields_["name"]->GetValue());
    s.legal_name = utf8(fields_["legal_name"]->GetValue());
    s.address = utf8(fields_["address"]->GetValue());
    s.country = utf8(fields_["country"]->GetValue().Upper());
    s.notes = utf8(fields_["notes"]->GetValue());
    s.siren = utf8(fields_["siren"]->GetValue());
    s.vat_number = utf8(fields_["vat_number"]->GetValue());
    s.category = utf8(fields_["category"]->GetValue());
    s.postal.line1 = utf8(fields_["address_line1"]->GetValue());
    s.postal.line2 = utf8(fields_["address_line2"]->GetValue());
    s.postal.postcode = utf8(fields_["postcode"]->GetValue());
    s.postal.city = utf8(fields_["city"]->GetValue());
    s.siret = utf8(fields_["siret"]->GetValue());
    s.einvoice_address = utf8(fields_["einvoice_address"]->GetValue());
    s.buyer_reference = utf8(fields_["buyer_reference"]->GetValue());
    s.business = business_->GetValue();
    long terms = 0;
    if (!fields_["payment_terms"]->GetValue().ToLong(&terms)) {
        ShowErrorLine(errors_["payment_terms"], _("Payment terms are a number of days."));
        return false;
    }
    s.payment_terms_days = static_cast<int>(terms);
    try {
        s.vat_rate = parse_rate(utf8(fields_["vat_rate"]->GetValue()));
    } catch (const std::exception& e) {
        ShowErrorLine(errors_["vat_rate"], error_text(e));
        return false;
    }
    try {
        SponsorService svc(db_);
        Sponsor saved = editing_new_ ? svc.add(s) : svc.update(s);
        host_.DataChanged();
        current_ = saved;
        editing_new_ = false;
        FillList();
        SelectSponsor(saved.name);
        host_.SetStatus(wxString::Format(_("Sponsor %s saved."), wx(saved.name)));
        return true;
    } catch (const std::exception& e) {
        const std::string field = FieldOf(e);
        ShowErrorLine(errors_[field], error_text(e));
        fields_[field]->SetFocus();
        return false;
    }
}

bool SponsorsPanel::AddContact() {
    ShowErrorLine(contact_err_, {});
    if (editing_new_ || !current_.id) {
        ShowErrorLine(contact_err_, _("Save the sponsor before adding contacts."));
        return false;
    }
    Contact c;
    c.name = utf8(contact_name_->GetValue());
    c.email = utf8(contact_email_->GetValue());
    c.phone = utf8(contact_phone_->GetValue());
    c.role = static_cast<ContactRole>(contact_role_->GetSelection());
    try {
        SponsorService(db_).add_contact(SponsorId{current_.id}, c);
        contact_name_->Clear();
        contact_email_->Clear();
        contact_phone_->Clear();
        RefreshDetails();
        return true;
    } catch (const std::exception& e) {
        ShowErrorLine(contact_err_, error_text(e));
        return false;
    }
}

void SponsorsPanel::ToggleArchive() {
    if (!current_.id) return;
    try {
        SponsorService svc(db_);
        const SponsorId id{current_.id};
        Sponsor s = current_.archived ? svc.unarchive(id) : svc.archive(id);
        host_.DataChanged();
        current_ = s;
        FillList();
        if (!SelectSponsor(s.name)) ShowSponsor(&s);
        host_.SetStatus(s.archived ? wxString::Format(_("%s archived."), wx(s.name))
                                   : wxString::Format(_("%s restored."), wx(s.name)));
    } catch (const std::exception& e) {
        show_error(this, e);
    }
}

}  // namespace sponsordesk::gui

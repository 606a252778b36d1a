#include "invoices_panel.h"

#include "error_text.h"
#include <map>

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/html/htmlwin.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include "form.h"
#include "gui_util.h"
#include "history_list.h"
#include "issue_invoice_dialog.h"
#include "sponsordesk/services/sponsor_service.h"

namespace sponsordesk::gui {
wxString InvoiceStateLabel(InvoiceState s) {
    switch (s) {
        // TRANSLATORS: the state of an invoice (feminine in French: "une facture").
        case InvoiceState::Draft:
            return wxGETTEXT_IN_CONTEXT("invoice status", "Draft");
        case InvoiceState::Issued:
            return wxGETTEXT_IN_CONTEXT("invoice status", "Issued");
        case InvoiceState::Paid:
            return wxGETTEXT_IN_CONTEXT("invoice status", "Paid");
        case InvoiceState::Overdue:
            return wxGETTEXT_IN_CONTEXT("invoice status", "Overdue");
        case InvoiceState::Cancelled:
            return wxGETTEXT_IN_CONTEXT("invoice status", "Cancelled");
    }
    return {};
}

namespace {

wxColour StateColour(InvoiceState s) {
    switch (s) {
        case InvoiceState::Draft:
            return wxColour(245, 245, 245);
        case InvoiceState::Issued:
            return wxColour(227, 242, 253);
        case InvoiceState::Paid:
            return wxColour(232, 245, 233);
        case InvoiceState::Overdue:
            return wxColour(255, 235, 238);
        case InvoiceState::Cancelled:
            return wxColour(238, 238, 238);
    }
    return *wxWHITE;
}

std::string Escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '&')
            out += "&amp;";
        else
            out += c;
    }
    return out;
}

// Picks the bookings of a new invoice: the sponsor's uninvoiced ones, all ticked.
class NewInvoiceDialog : public wxDialog {
public:
    NewInvoiceDialog(wxWindow* parent, Database& db, const std::vector<Sponsor>& sponsors, int preselect)
        : wxDialog(parent, wxID_ANY, _("New Invoice"), wxDefaultPosition, wxSize(640, 520),
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          db_(db),
          sponsors_(sponsors) {
        sponsor_ = new wxChoice(this, wxID_ANY);
        for (const auto& s : sponsors_) sponsor_->Append(wx(s.name));
        bookings_ = new wxCheckListBox(this, wxID_ANY);
        error_ = MakeErrorLine(this);
        auto* top = new wxBoxSizer(wxVERTICAL);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(new wxStaticText(this, wxID_ANY, _("Sponsor:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
        row->Add(sponsor_, 1);
        top->Add(row, 0, wxEXPAND | wxALL, 12);
        top->Add(new wxStaticText(this, wxID_ANY, _("Uninvoiced bookings (confirmed or later):")), 0, wxLEFT | wxRIGHT,
                 12);
        top->Add(bookings_, 1, wxEXPAND | wxALL, 12);
        top->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
        auto* buttons = new wxStdDialogButtonSizer;
        ok_ = new wxButton(this, wxID_OK, _("Create Draft"));
        ok_->SetDefault();
        buttons->AddButton(ok_);
        buttons->AddButton(new wxButton(this, wxID_CANCEL));
        buttons->Realize();
        top->Add(buttons, 0, wxEXPAND | wxALL, 12);
        SetSizer(top);
        sponsor_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Fill(); });
        bookings_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { UpdateOk(); });
        Bind(
            wxEVT_BUTTON,
            [this](wxCommandEvent&) {
                if (Commit()) EndModal(wxID_OK);
            },
            wxID_OK);
        if (preselect >= 0) sponsor_->SetSelection(preselect);
        Fill();
        CentreOnParent();
    }

    bool Commit() {
        int s = sponsor_->GetSelection();
        if (s == wxNOT_FOUND) return false;
        std::vector<BookingId> ids;
        for (unsigned i = 0; i < bookings_->GetCount(); ++i)
            if (bookings_->IsChecked(i)) ids.push_back(BookingId{rows_[i].booking.id});
        if (ids.empty()) {
            ShowErrorLine(error_, _("Tick at least one booking."));
            return false;
        }
        try {
            created_ = InvoiceService(db_)
                           .create_for_bookings(SponsorId{sponsors_[static_cast<size_t>(s)].id}, ids)
                           .invoice.id;
            return true;
        } catch (const std::exception& e) {
            ShowErrorLine(error_, error_text(e));
            return false;
        }
    }
    Id created() const { return created_; }

private:
    // "Create Draft" only when there is something to create; the reason otherwise.
    void UpdateOk() {
        unsigned ticked = 0;
        for (unsigned i = 0; i < bookings_->GetCount(); ++i) ticked += bookings_->IsChecked(i) ? 1 : 0;
        ok_->Enable(ticked > 0);
        if (sponsor_->GetSelection() == wxNOT_FOUND)
            ShowErrorLine(error_, sponsors_.empty() ? _("No sponsor yet: add one in the Sponsors view first.")
                                                    : _("Choose the sponsor to invoice."));
        else if (rows_.empty() && error_->GetLabel().empty())
            ShowErrorLine(error_, _("This sponsor has no booking to invoice: only confirmed bookings (or later) "
                                    "not yet invoiced can be."));
        else if (!rows_.empty())
            ShowErrorLine(error_, ticked ? wxString() : _("Tick at least one booking."));
    }

    void Fill() {
        bookings_->Clear();
        rows_.clear();
        ShowErrorLine(error_, {});
        int s = sponsor_->GetSelection();
        if (s == wxNOT_FOUND) {
            UpdateOk();
            return;
        }
        try {
            rows_ = InvoiceService(db_).uninvoiced_bookings(SponsorId{sponsors_[static_cast<size_t>(s)].id});
        } catch (const std::exception& e) {
            ShowErrorLine(error_, error_text(e));
        }
        for (const auto& v : rows_) {
            bookings_->Append(format_date(v.issue_date) + wxS("  ") + wx(v.publication_name) + wxS(" — ") +
                              wx(v.placement_name) + wxS("  ") + format_money_ui(v.booking.price, v.currency));
            bookings_->Check(bookings_->GetCount() - 1);
        }
        UpdateOk();
    }

    Database& db_;
    std::vector<Sponsor> sponsors_;
    std::vector<BookingView> rows_;
    wxChoice* sponsor_;
    wxCheckListBox* bookings_;
    wxStaticText* error_;
    wxButton* ok_;
    Id created_ = 0;
};

class PaymentDialog : public wxDialog {
public:
    PaymentDialog(wxWindow* parent, const InvoiceView& v)
        : wxDialog(parent, wxID_ANY, _("Record Payment")), currency_(v.invoice.currency) {
        FormGrid form(this);
        amount_ = new wxTextCtrl(this, wxID_ANY, format_amount_ui(v.outstanding));
        err_ = form.Add(wxString::Format(_("Amount (%s):"), wx(v.invoice.currency)), amount_);
        date_ = new wxDatePickerCtrl(this, wxID_ANY, to_wx(Date::today()));
        form.Add(_("Received on:"), date_);
        WarnOnRejectedDate(date_, [this](const wxString& m) {
            ShowErrorLine(err_, m);
            Fit();
        });
        auto* top = new wxBoxSizer(wxVERTICAL);
        top->Add(new wxStaticText(this, wxID_ANY,
                                  wxString::Format(_("Invoice %s — outstanding %s"), wx(v.invoice.number.value_or("")),
                                                   format_money_ui(v.outstanding, v.invoice.currency))),
                 0, wxALL, 12);
        top->Add(form.sizer(), 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
        auto* buttons = new wxStdDialogButtonSizer;
        auto* ok = new wxButton(this, wxID_OK, _("Record"));
        ok->SetDefault();
        buttons->AddButton(ok);
        buttons->AddButton(new wxButton(this, wxID_CANCEL));
        buttons->Realize();
        top->Add(buttons, 0, wxEXPAND | wxALL, 12);
        SetSizerAndFit(top);
        Bind(
            wxEVT_BUTTON,
            [this](wxCommandEvent&) {
                wxString why;
                if (!read_amount(amount_->GetValue(), currency_, _("Amount"), amount, why)) {
                    ShowErrorLine(err_, why);
                    Fit();
                    return;
                }
                date = from_wx(date_->GetValue());
                EndModal(wxID_OK);
            },
            wxID_OK);
    }
    Minor amount = 0;
    Date date;

private:
    std::string currency_;
    wxTextCtrl* amount_;
    wxDatePickerCtrl* date_;
    wxStaticText* err_;
};

}  // namespace

InvoicesPanel::InvoicesPanel(wxWindow* parent, Database& db, ViewHost& host) : View(parent, db, host) {
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Sponsor:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    sponsor_ = new wxChoice(this, wxID_ANY);
    sponsor_->SetMinSize(wxSize(200, -1));
    bar->Add(sponsor_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Status:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    state_ = new wxChoice(this, wxID_ANY);
    state_->Append(_("All"));
    for (InvoiceState s : {InvoiceState::Draft, InvoiceState::Issued, InvoiceState::Paid, InvoiceState::Overdue,
                           InvoiceState::Cancelled})
        state_->Append(InvoiceStateLabel(s));
    state_->SetSelection(0);
    bar->Add(state_, 0, wxALIGN_CENTER_VERTICAL);
    bar->AddStretchSpacer();
    new_ = new wxButton(this, wxID_NEW, _("&New Invoice…"));
    bar->Add(new_, 0, wxALIGN_CENTER_VERTICAL);

    auto* split =
        new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    list_ = new wxListView(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    const std::pair<wxString, int> cols[] = {
        {_("Number"), 120}, {_("Sponsor"), 200},     {wxGETTEXT_IN_CONTEXT("column", "Issued"), 100},
        {_("Due"), 100},    {_("Net"), 110},         {_("VAT"), 100},
        {_("Gross"), 110},  {_("Outstanding"), 110}, {_("Status"), 110}};
    int i = 0;
    for (const auto& [title, width] : cols)
        list_->AppendColumn(title, i++ >= 4 && i <= 8 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, width);
    // Below the list: the selected invoice's lines and payments, and its
    // history from the activity log.
    auto* below = new wxNotebook(split, wxID_ANY);
    details_ =
        new wxHtmlWindow(below, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    below->AddPage(details_, _("Details"));
    history_ = new HistoryList(below);
    below->AddPage(history_, HistoryTabTitle());
    split->SplitHorizontally(list_, below);
    split->SetMinimumPaneSize(120);
    split->SetSashGravity(0.5);
    // Once the splitter has its real height, the details get about 300 px.
    split->Bind(wxEVT_SIZE, [split](wxSizeEvent& e) {
        e.Skip();
        const int h = e.GetSize().y;
        if (h < 500 || split->GetClientData()) return;
        split->SetClientData(split);
        split->CallAfter([split, h] { split->SetSashPosition(h - 300); });
    });

    auto* actions = new wxWrapSizer(wxHORIZONTAL);
    issue_ = new wxButton(this, wxID_ANY, _("&Issue…"));
    preview_ = new wxButton(this, wxID_ANY, _("Pre&view PDF"));
    preview_->SetToolTip(_("The draft as a PDF marked \"not an invoice\", without a number"));
    pay_ = new wxButton(this, wxID_ANY, _("Record &Payment…"));
    cancel_ = new wxButton(this, wxID_ANY, _("Cancel with Credit &Note…"));
    pdf_ = new wxButton(this, wxID_ANY, _("Export P&DF…"));
    xlsx_ = new wxButton(this, wxID_ANY, _("Export &XLSX…"));
    statement_ = new wxButton(this, wxID_ANY, _("Sponsor &Statement…"));
    // The buttons wrap onto a second line on a narrow window (French labels
    // at 1024 pixels) instead of being cut off.
    for (wxButton* b : {issue_, preview_, pay_, cancel_, pdf_, xlsx_, statement_})
        actions->Add(b, 0, wxRIGHT | wxBOTTOM, 6);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(bar, 0, wxEXPAND | wxALL, 8);
    top->Add(split, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    top->Add(MakeEmptyState(this, split), 1, wxEXPAND | wxALL, 40);
    top->Add(actions, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);

    sponsor_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Fill(); });
    state_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Fill(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        ShowDetails();
        UpdateButtons();
    });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) {
        ShowDetails();
        UpdateButtons();
    });
    new_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnNew(); });
    issue_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnIssue(); });
    preview_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnPreview(); });
    pay_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnPay(); });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnCancel(); });
    pdf_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnExport(true); });
    xlsx_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnExport(false); });
    statement_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnStatement(); });
    UpdateButtons();
}

void InvoicesPanel::Reload() {
    int keep = sponsor_->GetSelection();
    Id keep_id =
        keep > 0 && static_cast<size_t>(keep) <= sponsors_.size() ? sponsors_[static_cast<size_t>(keep) - 1].id : 0;
    try {
        sponsors_ = SponsorService(db_).list("", false);
    } catch (const std::exception& e) {
        host_.SetStatus(error_text(e));
    }
    sponsor_->Clear();
    sponsor_->Append(_("All"));
    int pick = 0;
    for (size_t i = 0; i < sponsors_.size(); ++i) {
        sponsor_->Append(wx(sponsors_[i].name));
        if (sponsors_[i].id == keep_id) pick = static_cast<int>(i) + 1;
    }
    sponsor_->SetSelection(pick);
    Fill();
}

void InvoicesPanel::Fill() {
    Id keep = SelectedInvoice();
    InvoiceQuery q;
    int s = sponsor_->GetSelection();
    if (s > 0) q.sponsor = SponsorId{sponsors_[static_cast<size_t>(s) - 1].id};
    int st = state_->GetSelection();
    if (st > 0) q.state = static_cast<InvoiceState>(st - 1);
    try {
        invoices_ = InvoiceService(db_).list(q);
    } catch (const std::exception& e) {
        host_.SetStatus(error_text(e));
        invoices_.clear();
    }
    list_->DeleteAllItems();
    std::map<std::string, Minor> outstanding;  // by currency: euros and dollars do not add up
    for (size_t i = 0; i < invoices_.size(); ++i) {
        const InvoiceView& v = invoices_[i];
        const Invoice& inv = v.invoice;
        wxString number = invoice_ref(inv.id, inv.number);
        long row = list_->InsertItem(static_cast<long>(i), number);
        list_->SetItem(row, 1, wx(v.sponsor_name));
        list_->SetItem(row, 2, inv.issue_date ? format_date(*inv.issue_date) : wxString());
        list_->SetItem(row, 3, inv.due_date ? format_date(*inv.due_date) : wxString());
        list_->SetItem(row, 4, format_money_ui(inv.net, inv.currency));
        list_->SetItem(row, 5, format_money_ui(inv.vat, inv.currency));
        list_->SetItem(row, 6, format_money_ui(inv.gross, inv.currency));
        list_->SetItem(row, 7, v.outstanding ? format_money_ui(v.outstanding, inv.currency) : wxString());
        wxString state = InvoiceStateLabel(v.state);
        if (v.state == InvoiceState::Overdue) state += wxString::Format(_(" (%d d)"), v.days_overdue);
        list_->SetItem(row, 8, state);
        list_->SetItemBackgroundColour(row, StateColour(v.state));
        if (inv.kind == InvoiceKind::CreditNote) list_->SetItemTextColour(row, wxColour(173, 20, 87));
        if (v.outstanding) outstanding[inv.currency] += v.outstanding;
        if (inv.id == keep) list_->Select(row);
    }
    if (list_->GetFirstSelected() < 0 && list_->GetItemCount() > 0) list_->Select(0);
    wxString owed;
    for (const auto& [currency, amount] : outstanding)
        owed += (owed.empty() ? wxString() : wxS(" + ")) + format_money_ui(amount, currency);
    host_.SetStatus(wxString::Format(wxPLURAL("%zu invoice", "%zu invoices", invoices_.size()), invoices_.size()) +
                    wxS("  —  ") +
                    (owed.empty() ? _("nothing outstanding") : wxString::Format(_("outstanding %s"), owed)));
    if (!invoices_.empty())
        ShowEmptyState(wxString());
    else if (sponsors_.empty())
        ShowEmptyState(
            _("No sponsor yet: add sponsors in the Sponsors view and book their slots; invoices are made "
              "from their confirmed bookings."));
    else if (sponsor_->GetSelection() > 0 || state_->GetSelection() > 0)
        ShowEmptyState(_("No invoice matches these filters: choose All to see every invoice."));
    else
        ShowEmptyState(_("No invoice yet: click New Invoice… to invoice a sponsor's confirmed bookings."));
    ShowDetails();
    UpdateButtons();
}

Id InvoicesPanel::SelectedInvoice() const {
    long i = list_->GetFirstSelected();
    return i >= 0 && static_cast<size_t>(i) < invoices_.size() ? invoices_[static_cast<size_t>(i)].invoice.id : 0;
}

bool InvoicesPanel::SelectInvoice(Id id) {
    for (size_t i = 0; i < invoices_.size(); ++i)
        if (invoices_[i].invoice.id == id) {
            list_->Select(static_cast<long>(i));
            list_->EnsureVisible(static_cast<long>(i));
            ShowDetails();
            UpdateButtons();
            return true;
        }
    return false;
}

void InvoicesPanel::UpdateButtons() {
    long i = list_->GetFirstSelected();
    const InvoiceView* v = i >= 0 ? &invoices_[static_cast<size_t>(i)] : nullptr;
    const bool invoice = v && v->invoice.kind == InvoiceKind::Invoice;
    enable_for(issue_, v && v->state == InvoiceState::Draft, Capability::Bill);
    preview_->Enable(v && v->state == InvoiceState::Draft);
    enable_for(pay_, invoice && (v->state == InvoiceState::Issued || v->state == InvoiceState::Overdue),
               Capability::Bill);
    enable_for(cancel_, invoice && v->state != InvoiceState::Cancelled, Capability::Bill);
    enable_for(new_, true, Capability::Bill);
    cancel_->SetLabel(v && v->state == InvoiceState::Draft ? _("Delete &Draft…") : _("Cancel with Credit &Note…"));
    pdf_->Enable(v && v->state != InvoiceState::Draft);
    xlsx_->Enable(v && v->state != InvoiceState::Draft);
    statement_->Enable(v != nullptr || sponsor_->GetSelection() > 0);
    Layout();
}

void InvoicesPanel::ShowDetails() {
    long i = list_->GetFirstSelected();
    if (i < 0) {
        history_->Clear();
        details_->SetPage(wxS("<html><body><p><i>") + _("Select an invoice to see its lines and payments.") +
                          wxS("</i></p></body></html>"));
        return;
    }
    const InvoiceView& v = invoices_[static_cast<size_t>(i)];
    const Invoice& inv = v.invoice;
    const std::string cur = inv.currency;
    history_->ShowObject(db_, "invoice", inv.id);
    std::string html = "<html><body><h3>";
    html += Escape(inv.kind == InvoiceKind::CreditNote ? utf8(_("Credit note")) : utf8(_("Invoice")));
    html += " " + Escape(inv.number.value_or(utf8(_("(draft)")))) + " — " + Escape(v.sponsor_name) + "</h3>";
    if (v.credited_number)
        html += "<p>" + Escape(utf8(wxString::Format(_("Cancels invoice %s."), wx(*v.credited_number)))) + "</p>";
    if (v.credit_note_number)
        html += "<p>" + Escape(utf8(wxString::Format(_("Cancelled by credit note %s."), wx(*v.credit_note_number)))) +
                "</p>";
    html += "<table width=\"100%\" cellpadding=\"3\" border=\"0\"><tr bgcolor=\"#eeeeee\"><th align=\"left\">" +
            utf8(_("Line")) + "</th><th align=\"left\">" + utf8(_("Service date")) + "</th><th align=\"right\">" +
            utf8(_("Net")) + "</th><th align=\"right\">" + utf8(_("VAT")) + "</th></tr>";
    for (const InvoiceLine& l : v.lines)
        html += "<tr><td>" + Escape(l.description) + "</td><td>" + utf8(format_date(l.service_date)) +
                "</td><td align=\"right\">" + utf8(format_money_ui(l.net, cur)) + "</td><td align=\"right\">" +
                utf8(format_money_ui(l.vat, cur)) + " (" + format_rate(l.vat_rate) + " %)</td></tr>";
    html += "<tr><td colspan=\"2\" align=\"right\"><b>" + utf8(_("Total")) + "</b></td><td align=\"right\"><b>" +
            utf8(format_money_ui(inv.net, cur)) + "</b></td><td align=\"right\"><b>" +
            utf8(format_money_ui(inv.vat, cur)) + "</b></td></tr></table>";
    html += "<p><b>" + utf8(wxString::Format(_("Gross: %s"), format_money_ui(inv.gross, cur))) + "</b>";
    if (!inv.vat_mention.empty()) html += "<br><i>" + Escape(inv.vat_mention) + "</i>";
    html += "</p>";
    if (!v.payments.empty()) {
        html += "<p><b>" + utf8(_("Payments")) + "</b></p><ul>";
        for (const Payment& p : v.payments)
            html += "<li>" + utf8(format_date(p.date)) + " — " + utf8(format_money_ui(p.amount, cur)) + "</li>";
        html += "</ul>";
    }
    html += "</body></html>";
    details_->SetPage(wx(html));
}

bool InvoicesPanel::CreateFor(SponsorId sponsor, const std::vector<BookingId>& bookings) {
    try {
        InvoiceView v = InvoiceService(db_).create_for_bookings(sponsor, bookings);
        host_.DataChanged();
        Fill();
        SelectInvoice(v.invoice.id);
        return true;
    } catch (const std::exception& e) {
        show_error(this, e);
        return false;
    }
}

void InvoicesPanel::OnNew() {
    int s = sponsor_->GetSelection();
    NewInvoiceDialog dlg(this, db_, sponsors_, s > 0 ? s - 1 : -1);
    if (dlg.ShowModal() != wxID_OK) return;
    host_.DataChanged();
    state_->SetSelection(0);
    Fill();
    SelectInvoice(dlg.created());
}

bool InvoicesPanel::IssueSelected(std::optional<Date> date, std::optional<std::int64_t> eur_rate) {
    Id id = SelectedInvoice();
    if (!id) return false;
    try {
        InvoiceView v = InvoiceService(db_).issue(InvoiceId{id}, date, eur_rate);
        host_.DataChanged();
        Fill();
        SelectInvoice(id);
        host_.SetStatus(wxString::Format(_("Invoice %s issued."), wx(v.invoice.number.value_or(""))));
        return true;
    } catch (const std::exception& e) {
        show_error(this, e);
        return false;
    }
}

void InvoicesPanel::OnIssue() {
    long i = list_->GetFirstSelected();
    if (i < 0) return;
    IssueInvoiceDialog dlg(this, db_, invoices_[static_cast<size_t>(i)]);
    if (dlg.ShowModal() == wxID_OK) IssueSelected(dlg.date(), dlg.eur_rate());
}

bool InvoicesPanel::PreviewSelected(const std::string& path, bool open) {
    Id id = SelectedInvoice();
    if (!id) return false;
    try {
        InvoiceService(db_).export_preview_pdf(InvoiceId{id}, Date::today(), path);
        host_.SetStatus(wxString::Format(_("Preview written to %s: it is not an invoice."), wx(path)));
        if (open && !wxLaunchDefaultApplication(wx(path)))
            wxMessageBox(wxString::Format(_("The preview is in %s, but no application could open it."), wx(path)),
                         _("Preview PDF"), wxOK | wxICON_INFORMATION, this);
        return true;
    } catch (const std::exception& e) {
        show_error(this, e);
        return false;
    }
}

void InvoicesPanel::OnPreview() {
    Id id = SelectedInvoice();
    if (!id) return;
    const wxString path = wxFileName::GetTempDir() + wxFILE_SEP_PATH +
                          wxString::Format(wxS("sponsordesk-draft-%lld-preview.pdf"), static_cast<long long>(id));
    PreviewSelected(utf8(path), true);
}

bool InvoicesPanel::PaySelected(Minor amount, const Date& date) {
    Id id = SelectedInvoice();
    if (!id) return false;
    try {
        InvoiceService(db_).pay(InvoiceId{id}, amount, date);
        host_.DataChanged();
        Fill();
        SelectInvoice(id);
        return true;
    } catch (const std::exception& e) {
        show_error(this, e);
        return false;
    }
}

void InvoicesPanel::OnPay() {
    long i = list_->GetFirstSelected();
    if (i < 0) return;
    PaymentDialog dlg(this, invoices_[static_cast<size_t>(i)]);
    if (dlg.ShowModal() == wxID_OK) PaySelected(dlg.amount, dlg.date);
}

bool InvoicesPanel::CancelSelected() {
    Id id = SelectedInvoice();
    if (!id) return false;
    try {
        CancelResult r = InvoiceService(db_).cancel(InvoiceId{id});
        host_.DataChanged();
        Fill();
        if (r.credit_note) {
            SelectInvoice(r.credit_note->invoice.id);
            host_.SetStatus(
                wxString::Format(_("Credit note %s issued."), wx(r.credit_note->invoice.number.value_or(""))));
        } else {
            host_.SetStatus(_("Draft deleted."));
        }
        return true;
    } catch (const std::exception& e) {
        show_error(this, e);
        return false;
    }
}

void InvoicesPanel::OnCancel() {
    long i = list_->GetFirstSelected();
    if (i < 0) return;
    const InvoiceView& v = invoices_[static_cast<size_t>(i)];
    wxString q =
        v.state == InvoiceState::Draft
            ? _("Delete this draft invoice? It has no number yet, so nothing is owed; its bookings can be "
                "invoiced again.")
            : wxString::Format(_("Cancel invoice %s (%s)? A credit note for its full amount is issued today "
                                 "with the next credit note number, and its bookings can be invoiced again. "
                                 "This cannot be undone."),
                               wx(v.invoice.number.value_or("")), format_money_ui(v.invoice.gross, v.invoice.currency));
    wxMessageDialog ask(this, q, v.state == InvoiceState::Draft ? _("Delete Draft") : _("Cancel Invoice"),
                        wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetYesNoLabels(v.state == InvoiceState::Draft ? _("&Delete Draft") : _("Issue Credit &Note"), _("Keep"));
    if (ask.ShowModal() == wxID_YES) CancelSelected();
}

bool InvoicesPanel::ExportSelected(const std::string& path, bool pdf, bool open) {
    Id id = SelectedInvoice();
    if (!id) return false;
    try {
        auto kind = InvoiceService::PdfKind::FacturX;
        if (pdf)
            kind = InvoiceService(db_).export_pdf(InvoiceId{id}, path);
        else
            InvoiceService(db_).export_xlsx(InvoiceId{id}, path);
        if (pdf && kind == InvoiceService::PdfKind::Legacy)
            host_.SetStatus(
                wxString::Format(_("Saved %s: a plain PDF, as issued before Factur-X (no e-invoice XML)."), wx(path)));
        else if (pdf && kind == InvoiceService::PdfKind::Preview)
            host_.SetStatus(wxString::Format(_("Preview written to %s: it is not an invoice."), wx(path)));
        else
            host_.SetStatus(wxString::Format(_("Saved %s"), wx(path)));
        if (open && !wxLaunchDefaultApplication(wx(path)))
            wxMessageBox(wxString::Format(_("Saved %s, but no application could open it."), wx(path)), _("Export"),
                         wxOK | wxICON_INFORMATION, this);
        return true;
    } catch (const std::exception& e) {
        show_error(this, e);
        return false;
    }
}

void InvoicesPanel::OnExport(bool pdf) {
    long i = list_->GetFirstSelected();
    if (i < 0) return;
    const InvoiceView& v = invoices_[static_cast<size_t>(i)];
    wxString name = wx(v.invoice.number.value_or("invoice")) + (pdf ? wxS(".pdf") : wxS(".xlsx"));
    wxFileDialog dlg(this, pdf ? _("Export PDF") : _("Export XLSX"), wxString(), name,
                     pdf ? _("PDF files (*.pdf)|*.pdf") : _("Excel workbooks (*.xlsx)|*.xlsx"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() == wxID_OK) ExportSelected(utf8(dlg.GetPath()), pdf, true);
}

void InvoicesPanel::OnStatement() {
    SponsorId sponsor;
    wxString name;
    long i = list_->GetFirstSelected();
    if (i >= 0) {
        sponsor = SponsorId{invoices_[static_cast<size_t>(i)].invoice.sponsor_id};
        name = wx(invoices_[static_cast<size_t>(i)].sponsor_name);
    } else if (sponsor_->GetSelection() > 0) {
        const Sponsor& s = sponsors_[static_cast<size_t>(sponsor_->GetSelection()) - 1];
        sponsor = SponsorId{s.id};
        name = wx(s.name);
    } else {
        return;
    }
    wxFileDialog dlg(this, _("Sponsor Statement"), wxString(), wxString::Format(_("statement-%s.xlsx"), name),
                     _("Excel workbooks (*.xlsx)|*.xlsx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        InvoiceService(db_).export_statement(sponsor, utf8(dlg.GetPath()));
        wxLaunchDefaultApplication(dlg.GetPath());
    } catch (const std::exception& e) {
        show_error(this, e);
    }
}

}  // namespace sponsordesk::gui

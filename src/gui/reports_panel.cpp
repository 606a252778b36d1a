#include "reports_panel.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dateevt.h>
#include <wx/datectrl.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/gauge.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include "error_text.h"
#include "form.h"
#include "gui_util.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/report_service.h"
#include "sponsordesk/services/results_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/booking_repository.h"

namespace sponsordesk::gui {

ReportsPanel::ReportsPanel(wxWindow* parent, Database& db, ViewHost& host) : View(parent, db, host) {
    const Date today = Date::today();
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Report"));
    wxWindow* sb = box->GetStaticBox();
    monthly_ = new wxRadioButton(sb, wxID_ANY, _("&Monthly report: bookings, revenue, sell-through, performance"),
                                 wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    billing_ = new wxRadioButton(sb, wxID_ANY, _("&Billing report: invoices and credit notes, payments, aging"));
    campaign_ = new wxRadioButton(
        sb, wxID_ANY, _("&Campaign report of a sponsor: audience, opens, clicks, CTR, cost per click (PDF, Excel)"));
    FormGrid form(sb);
    auto* mrow = new wxPanel(sb);
    auto* ms = new wxBoxSizer(wxHORIZONTAL);
    month_ = new wxChoice(mrow, wxID_ANY);
    for (int m = 1; m <= 12; ++m) month_->Append(format_month(2000, m).BeforeLast(' '));
    month_->SetSelection(today.month - 1);
    year_ = new wxSpinCtrl(mrow, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 2000, 2100,
                           today.year);
    ms->Add(month_, 0, wxRIGHT, 6);
    ms->Add(year_, 0);
    mrow->SetSizer(ms);
    form.Add(_("Month:"), mrow);
    publication_ = new wxChoice(sb, wxID_ANY);
    form.Add(_("Publication:"), publication_);
    auto* prow = new wxPanel(sb);
    auto* pss = new wxBoxSizer(wxHORIZONTAL);
    from_ = new wxDatePickerCtrl(prow, wxID_ANY, to_wx(Date{today.year, 1, 1}));
    to_ = new wxDatePickerCtrl(prow, wxID_ANY, to_wx(today));
    for (wxDatePickerCtrl* p : {from_, to_}) WarnOnRejectedDate(p, [this](const wxString& m) { host_.SetStatus(m); });
    pss->Add(from_, 0, wxRIGHT, 6);
    // TRANSLATORS: between the two dates of a period ("from 01/01/2026 to 31/03/2026").
    pss->Add(new wxStaticText(prow, wxID_ANY, _("to")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    pss->Add(to_, 0);
    prow->SetSizer(pss);
    form.Add(_("Period:"), prow);
    sponsor_ = new wxChoice(sb, wxID_ANY);
    form.Add(_("Sponsor:"), sponsor_);
    auto* drow = new wxPanel(sb);
    auto* ds = new wxBoxSizer(wxHORIZONTAL);
    pdf_ = new wxCheckBox(drow, wxID_ANY, _("P&DF with a chart"));
    xlsx_ = new wxCheckBox(drow, wxID_ANY, _("E&xcel workbook"));
    pdf_->SetValue(true);
    xlsx_->SetValue(true);
    ds->Add(pdf_, 0, wxRIGHT, 12);
    ds->Add(xlsx_, 0);
    drow->SetSizer(ds);
    form.Add(_("Documents:"), drow);
    path_ = new wxFilePickerCtrl(sb, wxID_ANY, wxString(), _("Save the report as"),
                                 _("Excel workbooks (*.xlsx)|*.xlsx|PDF documents (*.pdf)|*.pdf"), wxDefaultPosition,
                                 wxSize(520, -1), wxFLP_SAVE | wxFLP_OVERWRITE_PROMPT | wxFLP_USE_TEXTCTRL);
    form.Add(_("Save as:"), path_);
    box->Add(monthly_, 0, wxALL, 8);
    box->Add(billing_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    box->Add(campaign_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    box->Add(form.sizer(), 0, wxEXPAND | wxALL, 8);

    auto* run = new wxBoxSizer(wxHORIZONTAL);
    export_ = new wxButton(this, wxID_ANY, _("&Export"));
    export_->SetDefault();
    cancel_ = new wxButton(this, wxID_CANCEL, _("&Cancel"));
    open_ = new wxButton(this, wxID_ANY, _("&Open File"));
    gauge_ = new wxGauge(this, wxID_ANY, 1000, wxDefaultPosition, wxSize(-1, 18));
    run->Add(export_, 0, wxRIGHT, 6);
    run->Add(cancel_, 0, wxRIGHT, 12);
    run->Add(gauge_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    run->Add(open_, 0);
    result_ = new wxStaticText(this, wxID_ANY, wxString());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(MakeEmptyState(this, nullptr), 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    top->Add(box, 0, wxEXPAND | wxALL, 12);
    top->Add(run, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    top->Add(result_, 0, wxEXPAND | wxALL, 12);
    top->AddStretchSpacer();
    SetSizer(top);

    auto refresh_path = [this](wxCommandEvent&) { UpdateMode(); };
    monthly_->Bind(wxEVT_RADIOBUTTON, refresh_path);
    billing_->Bind(wxEVT_RADIOBUTTON, refresh_path);
    campaign_->Bind(wxEVT_RADIOBUTTON, refresh_path);
    month_->Bind(wxEVT_CHOICE, refresh_path);
    sponsor_->Bind(wxEVT_CHOICE, refresh_path);
    pdf_->Bind(wxEVT_CHECKBOX, refresh_path);
    xlsx_->Bind(wxEVT_CHECKBOX, refresh_path);
    for (wxDatePickerCtrl* p : {from_, to_})
        p->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) {
            if (!monthly_->GetValue()) path_->SetPath(DefaultPath());
        });
    year_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { UpdateMode(); });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Start(); });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Cancel(); });
    open_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!last_file_.empty()) wxLaunchDefaultApplication(last_file_);
    });
    cancel_->Disable();
    open_->Disable();
    UpdateMode();
}

ReportsPanel::~ReportsPanel() {
    if (cancel_flag_) *cancel_flag_ = true;
    if (worker_.joinable()) worker_.join();
}

void ReportsPanel::Reload() {
    try {
        publications_ = CatalogService(db_).publications();
    } catch (const std::exception& e) {
        host_.SetStatus(error_text(e));
    }
    publication_->Clear();
    publication_->Append(_("All publications"));
    for (const auto& p : publications_) publication_->Append(wx(p.name));
    publication_->SetSelection(0);
    // Sponsors for the campaign report, the selection kept across reloads.
    const wxString chosen = sponsor_->GetStringSelection();
    try {
        sponsors_ = SponsorService(db_).list("", false);
    } catch (const std::exception& e) {
        host_.SetStatus(error_text(e));
    }
    sponsor_->Clear();
    for (const auto& sp : sponsors_) sponsor_->Append(wx(sp.name));
    if (!sponsors_.empty()) sponsor_->SetSelection(std::max(0, sponsor_->FindString(chosen, true)));
    if (campaign_->GetValue()) path_->SetPath(DefaultPath());
    // Reports of an empty file are empty: say so, and what fills them.
    try {
        BookingFilter any;
        any.today = Date::today();
        ShowEmptyState(BookingRepository(db_).count(any) == 0
                           ? _("No booking yet: reports will be empty until slots are booked in the Calendar (Ctrl+2).")
                           : wxString());
    } catch (const std::exception& e) {
        host_.SetStatus(wx(e.what()));
    }
}

wxString ReportsPanel::DefaultPath() const {
    wxString dir = wxStandardPaths::Get().GetDocumentsDir();
    if (campaign_->GetValue()) {
        // sponsordesk-campaign-acme-2026-03-01-2026-03-31.pdf: the sponsor's name in plain letters.
        wxString name;
        for (wxUniChar c : sponsor_->GetStringSelection().Lower())
            name +=
                wxIsalnum(c) && c.IsAscii() ? wxString(c) : (name.EndsWith(wxS("-")) ? wxString() : wxString(wxS("-")));
        name.Trim().Trim(false);
        while (name.EndsWith(wxS("-"))) name.RemoveLast();
        while (name.StartsWith(wxS("-"))) name.Remove(0, 1);
        return dir + wxFILE_SEP_PATH +
               // TRANSLATORS: a file name: keep it ASCII, without spaces ("sponsordesk-bilan-…").
               wxString::Format(_("sponsordesk-campaign-%s%s-%s.%s"), name.empty() ? wxString() : name + wxS("-"),
                                wx(from_wx(from_->GetValue()).iso()), wx(from_wx(to_->GetValue()).iso()),
                                pdf_->GetValue() || !xlsx_->GetValue() ? wxS("pdf") : wxS("xlsx"));
    }
    if (monthly_->GetValue())
        return dir + wxFILE_SEP_PATH +
               // TRANSLATORS: a file name: keep it ASCII, without spaces ("sponsordesk-mensuel-…").
               wxString::Format(_("sponsordesk-monthly-%04d-%02d.xlsx"), year_->GetValue(), month_->GetSelection() + 1);
    return dir + wxFILE_SEP_PATH +
           // TRANSLATORS: a file name: keep it ASCII, without spaces ("sponsordesk-facturation-…").
           wxString::Format(_("sponsordesk-billing-%s-%s.xlsx"), wx(from_wx(from_->GetValue()).iso()),
                            wx(from_wx(to_->GetValue()).iso()));
}

void ReportsPanel::UpdateMode() {
    const bool m = monthly_->GetValue(), c = campaign_->GetValue();
    month_->Enable(m);
    year_->Enable(m);
    publication_->Enable(m);
    from_->Enable(!m);
    to_->Enable(!m);
    sponsor_->Enable(c);
    pdf_->Enable(c);
    xlsx_->Enable(c);
    path_->SetPath(DefaultPath());
}

void ReportsPanel::SetMonthly(int year, int month, const wxString& path) {
    monthly_->SetValue(true);
    year_->SetValue(year);
    month_->SetSelection(month - 1);
    UpdateMode();
    path_->SetPath(path);
}

void ReportsPanel::SetBilling(const Date& from, const Date& to, const wxString& path) {
    billing_->SetValue(true);
    from_->SetValue(to_wx(from));
    to_->SetValue(to_wx(to));
    UpdateMode();
    path_->SetPath(path);
}

bool ReportsPanel::SetCampaign(const std::string& sponsor, const Date& from, const Date& to, const wxString& path,
                               bool pdf, bool xlsx) {
    const int at = sponsor_->FindString(wx(sponsor), true);
    if (at == wxNOT_FOUND) return false;
    campaign_->SetValue(true);
    sponsor_->SetSelection(at);
    from_->SetValue(to_wx(from));
    to_->SetValue(to_wx(to));
    pdf_->SetValue(pdf);
    xlsx_->SetValue(xlsx);
    UpdateMode();
    path_->SetPath(path);
    return true;
}

wxString ReportsPanel::last_message() const { return result_->GetLabel(); }

void ReportsPanel::Start() {
    if (worker_.joinable()) return;
    const std::string db_path = db_.reopen_location();
    const std::string path = utf8(path_->GetPath());
    const bool monthly = monthly_->GetValue(), campaign = campaign_->GetValue();
    MonthlyReportRequest mreq;
    mreq.month = Month{year_->GetValue(), month_->GetSelection() + 1};
    if (publication_->GetSelection() > 0)
        mreq.publication = publications_[static_cast<size_t>(publication_->GetSelection()) - 1].slug;
    mreq.path = path;
    // The workbook speaks the interface's language (SPEC, Spreadsheets).
    mreq.language = ui_language();
    BillingReportRequest breq;
    breq.from = from_wx(from_->GetValue());
    breq.to = from_wx(to_->GetValue());
    breq.path = path;
    breq.language = ui_language();
    // The campaign report: the PDF and the workbook side by side, named by `path`.
    SponsorReportRequest sreq;
    std::vector<wxString> files = {path_->GetPath()};
    wxString sponsor_name;
    if (campaign) {
        const int sel = sponsor_->GetSelection();
        wxString missing;
        if (sel == wxNOT_FOUND || static_cast<size_t>(sel) >= sponsors_.size())
            missing = _("Choose the sponsor of the campaign report (add sponsors in the Sponsors view).");
        else if (!pdf_->GetValue() && !xlsx_->GetValue())
            missing = _("Tick the PDF, the Excel workbook, or both.");
        if (!missing.empty()) {
            result_->SetLabel(missing);
            result_->SetForegroundColour(wxColour(198, 40, 40));
            Layout();
            return;
        }
        sponsor_name = wx(sponsors_[static_cast<size_t>(sel)].name);
        sreq.sponsor = SponsorId{sponsors_[static_cast<size_t>(sel)].id};
        sreq.from = breq.from;
        sreq.to = breq.to;
        sreq.language = ui_language();  // both documents in the interface's language
        files.clear();
        wxFileName fn(path_->GetPath());
        if (pdf_->GetValue()) {
            fn.SetExt(wxS("pdf"));
            sreq.pdf_path = utf8(fn.GetFullPath());
            files.push_back(fn.GetFullPath());
        }
        if (xlsx_->GetValue()) {
            fn.SetExt(wxS("xlsx"));
            sreq.xlsx_path = utf8(fn.GetFullPath());
            files.push_back(fn.GetFullPath());
        }
    }

    cancel_flag_ = std::make_shared<std::atomic<bool>>(false);
    export_->Disable();
    cancel_->Enable(!campaign);  // one sponsor's bookings: quick, and written whole or not at all
    open_->Disable();
    gauge_->SetValue(0);
    result_->SetLabel(_("Exporting…"));
    auto flag = cancel_flag_;
    // The worker has its own connection: a SQLite handle is not shared across threads.
    worker_ = std::thread([this, db_path, monthly, campaign, mreq, breq, sreq, files, sponsor_name, flag] {
        Progress progress;
        progress.cancel = flag.get();
        progress.report = [this, flag](double f) {
            if (!*flag) CallAfter([this, f] { gauge_->SetValue(static_cast<int>(f * 1000)); });
        };
        bool ok = false;
        wxString message;
        try {
            Database db(db_path);
            ReportService reports(db);
            if (campaign) {
                const SponsorReportResult r = ResultsService(db).sponsor_report(sreq);
                const long long bookings = static_cast<long long>(r.report.bookings.size());
                wxString names;
                for (size_t i = 0; i < files.size(); ++i) names += (i ? _(" and ") : wxString()) + files[i];
                // TRANSLATORS: "Saved <files>: campaign of Acme, 3 bookings."
                message =
                    wxString::Format(_("Saved %s: campaign of %s, %s."), names, sponsor_name,
                                     wxString::Format(wxPLURAL("%lld booking", "%lld bookings", bookings), bookings));
            } else if (monthly) {
                MonthlyReportResult r = reports.monthly(mreq, progress);
                const long long rows = static_cast<long long>(r.rows), sponsors = static_cast<long long>(r.sponsors);
                // TRANSLATORS: "Saved <file>: 3 bookings, 1 sponsor."
                message =
                    wxString::Format(_("Saved %s: %s, %s."), wx(r.path),
                                     wxString::Format(wxPLURAL("%lld booking", "%lld bookings", rows), rows),
                                     wxString::Format(wxPLURAL("%lld sponsor", "%lld sponsors", sponsors), sponsors));
            } else {
                BillingReportResult r = reports.billing(breq, progress);
                const long long rows = static_cast<long long>(r.rows);
                message = wxString::Format(wxPLURAL("Saved %s: %lld invoice or credit note.",
                                                    "Saved %s: %lld invoices and credit notes.", rows),
                                           wx(r.path), rows);
            }
            ok = true;
        } catch (const ReportCancelled&) {
            message = _("Export cancelled: nothing was written.");
        } catch (const std::exception& e) {
            message = error_text(e);
        }
        CallAfter([this, ok, message, files] { Finish(ok, message, files); });
    });
}

void ReportsPanel::Cancel() {
    if (cancel_flag_) *cancel_flag_ = true;
    result_->SetLabel(_("Cancelling…"));
}

void ReportsPanel::Finish(bool ok, const wxString& message, const std::vector<wxString>& files) {
    if (worker_.joinable()) worker_.join();
    export_->Enable();
    cancel_->Disable();
    gauge_->SetValue(ok ? 1000 : 0);
    result_->SetLabel(message);
    result_->Wrap(std::max(300, GetClientSize().x - 24));  // a long path or message wraps, never cut
    Layout();
    result_->SetForegroundColour(ok ? GetForegroundColour() : wxColour(198, 40, 40));
    if (ok) {
        last_files_ = files;
        last_file_ = files.empty() ? path_->GetPath() : files.front();  // the PDF when there is one
        open_->Enable();
        host_.SetStatus(message);
        if (open_when_done) wxLaunchDefaultApplication(last_file_);
    }
    Layout();
}

}  // namespace sponsordesk::gui

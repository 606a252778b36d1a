#include "reports_panel.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
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
#include "sponsordesk/storage/booking_repository.h"

namespace sponsordesk::gui {

ReportsPanel::ReportsPanel(wxWindow* parent, Database& db, ViewHost& host) : View(parent, db, host) {
    const Date today = Date::today();
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Report"));
    wxWindow* sb = box->GetStaticBox();
    monthly_ = new wxRadioButton(sb, wxID_ANY, _("&Monthly report: bookings, revenue, sell-through, performance"),
                                 wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    billing_ = new wxRadioButton(sb, wxID_ANY, _("&Billing report: invoices and credit notes, payments, aging"));
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
    path_ = new wxFilePickerCtrl(sb, wxID_ANY, wxString(), _("Save the report as"),
                                 _("Excel workbooks (*.xlsx)|*.xlsx"), wxDefaultPosition, wxSize(520, -1),
                                 wxFLP_SAVE | wxFLP_OVERWRITE_PROMPT | wxFLP_USE_TEXTCTRL);
    form.Add(_("Save as:"), path_);
    box->Add(monthly_, 0, wxALL, 8);
    box->Add(billing_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
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
    month_->Bind(wxEVT_CHOICE, refresh_path);
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
    if (monthly_->GetValue())
        return dir + wxFILE_SEP_PATH +
               wxString::Format(wxS("sponsordesk-monthly-%04d-%02d.xlsx"), year_->GetValue(),
                                month_->GetSelection() + 1);
    return dir + wxFILE_SEP_PATH +
           wxString::Format(wxS("sponsordesk-billing-%s-%s.xlsx"), wx(from_wx(from_->GetValue()).iso()),
                            wx(from_wx(to_->GetValue()).iso()));
}

void ReportsPanel::UpdateMode() {
    const bool m = monthly_->GetValue();
    month_->Enable(m);
    year_->Enable(m);
    publication_->Enable(m);
    from_->Enable(!m);
    to_->Enable(!m);
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

wxString ReportsPanel::last_message() const { return result_->GetLabel(); }

void ReportsPanel::Start() {
    if (worker_.joinable()) return;
    const std::string db_path = db_.path();
    const std::string path = utf8(path_->GetPath());
    const bool monthly = monthly_->GetValue();
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

    cancel_flag_ = std::make_shared<std::atomic<bool>>(false);
    export_->Disable();
    cancel_->Enable();
    open_->Disable();
    gauge_->SetValue(0);
    result_->SetLabel(_("Exporting…"));
    auto flag = cancel_flag_;
    // The worker has its own connection: a SQLite handle is not shared across threads.
    worker_ = std::thread([this, db_path, monthly, mreq, breq, flag] {
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
            if (monthly) {
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
        CallAfter([this, ok, message] { Finish(ok, message); });
    });
}

void ReportsPanel::Cancel() {
    if (cancel_flag_) *cancel_flag_ = true;
    result_->SetLabel(_("Cancelling…"));
}

void ReportsPanel::Finish(bool ok, const wxString& message) {
    if (worker_.joinable()) worker_.join();
    export_->Enable();
    cancel_->Disable();
    gauge_->SetValue(ok ? 1000 : 0);
    result_->SetLabel(message);
    result_->Wrap(std::max(300, GetClientSize().x - 24));  // a long path or message wraps, never cut
    Layout();
    result_->SetForegroundColour(ok ? GetForegroundColour() : wxColour(198, 40, 40));
    if (ok) {
        last_file_ = path_->GetPath();
        open_->Enable();
        host_.SetStatus(message);
        if (open_when_done) wxLaunchDefaultApplication(last_file_);
    }
    Layout();
}

}  // namespace sponsordesk::gui

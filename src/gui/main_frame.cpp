#include "main_frame.h"

#include <algorithm>

#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/display.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/iconbndl.h>
#include <wx/image.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/persist/toplevel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>
#include <wx/toolbar.h>

#include "bookings_panel.h"
#include "calendar_panel.h"
#include "catalog_dialogs.h"
#include "connect_dialog.h"
#include "dashboard_panel.h"
#include "error_text.h"
#include "draft_panel.h"
#include "gui_util.h"
#include "invoices_panel.h"
#include "reports_panel.h"
#include "results_import_dialog.h"
#include "preferences_dialog.h"
#include "settings.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/team_service.h"
#include "sponsors_panel.h"
#include "welcome_panel.h"

namespace sponsordesk::gui {
namespace {
enum {
    ID_VIEW_FIRST = wxID_HIGHEST + 100,
    ID_VIEW_LAST = ID_VIEW_FIRST + kViewCount - 1,
    ID_NEW_PUBLICATION,
    ID_PLAN_ISSUES,
    ID_PREFERENCES_VIEW,
    ID_IMPORT_RESULTS,
    ID_CONNECT,
};

// The application icon: from the icon theme once installed, else from the
// source tree (running from the build directory).
wxIconBundle AppIcons() {
    wxIconBundle icons;
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
    for (int size : {16, 32, 48, 64, 128, 256}) {
        for (const wxString& path :
             {wxString::Format(wxS("%s/%dx%d/apps/fr.sponsordesk.SponsorDesk.png"), wxS(SPONSORDESK_INSTALL_ICONDIR),
                               size, size),
              wxString::Format(wxS("%s/%d/fr.sponsordesk.SponsorDesk.png"), wxS(SPONSORDESK_SOURCE_ICONDIR), size)}) {
            if (wxFileExists(path)) {
                icons.AddIcon(path, wxBITMAP_TYPE_PNG);
                break;
            }
        }
    }
    return icons;
}

const char* kViewIcons[kViewCount] = {
    "go-home",           "x-office-calendar",   "view-list", "system-users", "accessories-text-editor",
    "x-office-document", "x-office-spreadsheet"};
const char* kViewKeys[kViewCount] = {"dashboard", "calendar", "bookings", "sponsors", "draft", "invoices", "reports"};
}  // namespace

const char* MainFrame::ViewKey(int view) { return view >= 0 && view < kViewCount ? kViewKeys[view] : ""; }

int MainFrame::ViewFromKey(const wxString& key) {
    for (int v = 0; v < kViewCount; ++v)
        if (key == wxString::FromAscii(kViewKeys[v])) return v;
    return -1;
}

wxString MainFrame::ViewName(int view) {
    switch (view) {
        case kDashboard:
            return _("Das&hboard");
        case kCalendar:
            return _("&Calendar");
        case kBookings:
            return _("&Bookings");
        case kSponsors:
            return _("&Sponsors");
        case kDraft:
            return _("Issue &Draft");
        case kInvoices:
            return _("&Invoices");
        case kReports:
            return _("&Reports");
    }
    return {};
}

MainFrame::MainFrame(const wxString& database_path)
    : wxFrame(nullptr, wxID_ANY, _("SponsorDesk"), wxDefaultPosition, wxSize(1400, 900)) {
    SetName(wxS("MainFrame"));
    SetIcons(AppIcons());
    SetMinSize(wxSize(800, 560));
    BuildMenus();
    BuildToolBar();
    CreateStatusBar(2);
    SetStatusWidths(2, std::vector<int>{-1, 360}.data());

    book_ = new wxSimplebook(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(book_, 1, wxEXPAND);
    SetSizer(sizer);

    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);
    wxPersistenceManager::Get().RegisterAndRestore(this);
    FitToScreen();
    changes_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { CheckForChanges(); });
    OpenDatabase(database_path);
}

MainFrame::~MainFrame() = default;

// The default or remembered size never exceeds the screen (a 1024×600
// netbook, a laptop after a large monitor): menus, status bar and the
// views' buttons stay reachable.
void MainFrame::FitToScreen() {
    const int display = wxDisplay::GetFromWindow(this);
    const wxRect area = wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    wxRect r = GetRect();
    r.width = std::min(r.width, area.width);
    r.height = std::min(r.height, area.height);
    r.x = std::clamp(r.x, area.x, area.x + area.width - r.width);
    r.y = std::clamp(r.y, area.y, area.y + area.height - r.height);
    SetSize(r);
}

void MainFrame::BuildMenus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New Database…\tCtrl+N"), _("Create a new SponsorDesk file"));
    file->Append(wxID_OPEN, _("&Open Database…\tCtrl+O"), _("Open a SponsorDesk file"));
    file->Append(ID_CONNECT, _("&Connect to Server…"), _("Open a team's SponsorDesk database on a PostgreSQL server"));
    auto* recent = new wxMenu;
    file->AppendSubMenu(recent, _("Open &Recent"));
    file->AppendSeparator();
    file->Append(ID_IMPORT_RESULTS, _("&Import Campaign Results…"),
                 _("Read the issue statistics or link clicks your sending platform exported (CSV)"));
    file->AppendSeparator();
    file->Append(wxID_SAVE, _("&Save\tCtrl+S"), _("Save the draft or the form being edited"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    history_.UseMenu(recent);
    Settings::LoadRecent(history_);

    auto* edit = new wxMenu;
    edit->Append(wxID_PREFERENCES, _("&Preferences…\tCtrl+,"),
                 _("Publisher profile, publications, placements and house ads"));

    auto* view = new wxMenu;
    for (int v = 0; v < kViewCount; ++v)
        view->AppendRadioItem(ID_VIEW_FIRST + v, ViewName(v) + wxString::Format(wxS("\tCtrl+%d"), v + 1));
    // The eighth "view" the README promises: Preferences is a dialog.
    view->AppendSeparator();
    view->Append(ID_PREFERENCES_VIEW, _("&Preferences…") + wxString::Format(wxS("\tCtrl+%d"), kViewCount + 1),
                 _("Publisher profile, publications, placements and house ads"));

    auto* pub = new wxMenu;
    pub->Append(ID_NEW_PUBLICATION, _("&New Publication…"), _("Add a newsletter"));
    pub->Append(ID_PLAN_ISSUES, _("&Plan Issues…"), _("Create one issue per cadence day over a period"));

    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About SponsorDesk"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(view, _("&View"));
    bar->Append(pub, _("&Publication"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, &MainFrame::OnNew, this, wxID_NEW);
    Bind(wxEVT_MENU, &MainFrame::OnOpen, this, wxID_OPEN);
    Bind(wxEVT_MENU, &MainFrame::OnConnect, this, ID_CONNECT);
    Bind(wxEVT_MENU, &MainFrame::OnRecent, this, wxID_FILE1, wxID_FILE9);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::OnPreferences, this, wxID_PREFERENCES);
    Bind(wxEVT_MENU, &MainFrame::OnPreferences, this, ID_PREFERENCES_VIEW);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { SaveCurrent(); }, wxID_SAVE);
    Bind(wxEVT_MENU, &MainFrame::OnNewPublication, this, ID_NEW_PUBLICATION);
    Bind(wxEVT_MENU, &MainFrame::OnPlanIssues, this, ID_PLAN_ISSUES);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (db_ && ShowResultsImportDialog(this, *db_)) {
                for (size_t i = 0; i < stale_.size(); ++i) stale_[i] = true;
                ShowView(current_);
            }
        },
        ID_IMPORT_RESULTS);
    Bind(wxEVT_MENU, &MainFrame::OnAbout, this, wxID_ABOUT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent& e) { ShowView(e.GetId() - ID_VIEW_FIRST); }, ID_VIEW_FIRST, ID_VIEW_LAST);
}

void MainFrame::BuildToolBar() {
    wxToolBar* tb = CreateToolBar(wxTB_HORIZONTAL | wxTB_TEXT | wxTB_FLAT);
    tb->AddTool(wxID_OPEN, _("Open"),
                wxArtProvider::GetBitmapBundle(wxASCII_STR(wxART_FILE_OPEN), wxASCII_STR(wxART_TOOLBAR)),
                _("Open a SponsorDesk file"));
    tb->AddSeparator();
    for (int v = 0; v < kViewCount; ++v) {
        wxString label = wxStripMenuCodes(ViewName(v));
        tb->AddRadioTool(ID_VIEW_FIRST + v, label,
                         wxArtProvider::GetBitmapBundle(wxASCII_STR(kViewIcons[v]), wxASCII_STR(wxART_TOOLBAR)),
                         wxNullBitmap, label + wxString::Format(wxS(" (Ctrl+%d)"), v + 1));
    }
    tb->AddSeparator();
    tb->AddTool(wxID_PREFERENCES, _("Preferences"),
                wxArtProvider::GetBitmapBundle(wxS("preferences-system"), wxASCII_STR(wxART_TOOLBAR)),
                _("Preferences") + wxString::Format(wxS(" (Ctrl+%d)"), kViewCount + 1));
    tb->Realize();
}

bool MainFrame::OpenDatabase(const wxString& path) {
    if (Database::is_server_uri(utf8(path))) return ConnectToServer(utf8(path), Database::without_password(utf8(path)));
    if (!CanLeaveViews()) return false;
    std::unique_ptr<Database> opened;
    try {
        wxFileName fn(path);
        if (!fn.GetPath().empty()) wxFileName::Mkdir(fn.GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
        opened = std::make_unique<Database>(utf8(path));
    } catch (const std::exception& e) {
        show_error(this, e);
        return false;
    }
    history_.AddFileToHistory(path);
    Settings::SaveRecent(history_);
    return ShowDatabase(std::move(opened), wxFileName(path).GetFullName(), path);
}

bool MainFrame::ConnectToServer(const std::string& location, const std::string& uri) {
    if (!CanLeaveViews()) return false;
    std::unique_ptr<Database> opened;
    wxString where;
    try {
        wxBusyCursor busy;
        opened = std::make_unique<Database>(location);
        // user@server (role): who the database will record, and what they may do.
        where = wxString::Format(wxS("%s@%s (%s)"), wx(opened->user()), wx(opened->server_name()),
                                 role_name(TeamService(*opened).own_role()));
    } catch (const std::exception& e) {
        show_error(this, e);
        return false;
    }
    Settings::AddRecentServer(wx(uri));
    const wxString title = wx(opened->server_name());
    return ShowDatabase(std::move(opened), title, where);
}

bool MainFrame::ShowDatabase(std::unique_ptr<Database> opened, const wxString& title, const wxString& where) {
    DestroyViews();
    db_ = std::move(opened);
    try {
        set_current_role(TeamService(*db_).own_role());
    } catch (const std::exception&) {
        set_current_role(std::string());
    }
    SetTitle(wxString::Format(_("%s — SponsorDesk"), title));
    SetStatusText(where, 1);
    ApplyRole();
    try {
        db_->changed_elsewhere();  // the starting point
    } catch (const std::exception&) {
    }
    changes_timer_.Start(1000);
    BuildViews();
    const int last = ViewFromKey(Settings::LastView());
    ShowView(last >= 0 ? last : kDashboard);
    return true;
}

void MainFrame::DestroyViews() {
    if (book_) {
        for (View* v : views_) v->SaveState();
        book_->DeleteAllPages();
    }
    views_.clear();
    welcome_ = nullptr;
    dashboard_ = nullptr;
    calendar_ = nullptr;
    bookings_ = nullptr;
    sponsors_ = nullptr;
    draft_ = nullptr;
    invoices_ = nullptr;
    reports_ = nullptr;
}

void MainFrame::BuildViews() {
    Freeze();
    welcome_ = new WelcomePanel(book_, *db_, *this);
    book_->AddPage(welcome_, wxString());
    dashboard_ = new DashboardPanel(book_, *db_, *this);
    calendar_ = new CalendarPanel(book_, *db_, *this);
    bookings_ = new BookingsPanel(book_, *db_, *this);
    sponsors_ = new SponsorsPanel(book_, *db_, *this);
    draft_ = new DraftPanel(book_, *db_, *this);
    invoices_ = new InvoicesPanel(book_, *db_, *this);
    reports_ = new ReportsPanel(book_, *db_, *this);
    views_ = {dashboard_, calendar_, bookings_, sponsors_, draft_, invoices_, reports_};
    for (View* v : views_) book_->AddPage(v, wxString());
    stale_.assign(views_.size(), true);
    Thaw();
}

bool MainFrame::ShowingWelcome() const { return book_->GetSelection() == 0; }

bool MainFrame::CanLeaveViews() {
    for (View* v : views_)
        if (!v->CanLeave()) return false;
    return true;
}

bool MainFrame::SaveCurrent() {
    if (current_ < 0 || static_cast<size_t>(current_) >= views_.size() || ShowingWelcome()) return false;
    return views_[static_cast<size_t>(current_)]->SaveChanges();
}

void MainFrame::ShowView(int view) {
    if (view < 0 || view >= kViewCount || !db_) return;
    // Leaving a view with unsaved changes asks first; Cancel stays.
    if (view != current_ && static_cast<size_t>(current_) < views_.size() && !ShowingWelcome() &&
        !views_[static_cast<size_t>(current_)]->CanLeave()) {
        GetMenuBar()->Check(ID_VIEW_FIRST + current_, true);
        GetToolBar()->ToggleTool(ID_VIEW_FIRST + current_, true);
        return;
    }
    // The status line spoke of the view being left ("355 factures…").
    if (view != current_) SetStatus(wxString());
    current_ = view;
    GetMenuBar()->Check(ID_VIEW_FIRST + view, true);
    GetToolBar()->ToggleTool(ID_VIEW_FIRST + view, true);
    bool empty = true;
    try {
        empty = CatalogService(*db_).publications().empty();
    } catch (const std::exception& e) {
        show_error(this, e);
    }
    if (empty && view != kSponsors && view != kInvoices) {
        welcome_->Reload();
        book_->ChangeSelection(0);
        SetStatus(_("No publication yet: create one to start."));
        return;
    }
    if (stale_[view]) {
        SetStatus(wxString());
        views_[view]->Reload();
        stale_[view] = false;
    }
    book_->ChangeSelection(static_cast<size_t>(view) + 1);
    views_[view]->SetFocus();
    Settings::LastView(wxString::FromAscii(ViewKey(view)));
}

void MainFrame::OpenCalendar(const Month& month, std::optional<PublicationId> publication) {
    ShowView(kCalendar);
    if (current_ != kCalendar || ShowingWelcome()) return;
    if (publication)
        for (const Publication& p : CatalogService(*db_).publications())
            if (PublicationId{p.id} == *publication) calendar_->SelectPublication(p.slug);
    calendar_->SetMonth(month.year, month.month);
}

void MainFrame::OpenInvoice(InvoiceId invoice) {
    ShowView(kInvoices);
    if (current_ != kInvoices || ShowingWelcome()) return;
    if (!invoices_->SelectInvoice(invoice.value))
        SetStatus(_("The invoice is not in the list: show all sponsors and statuses to see it."));
}

void MainFrame::DataChanged() {
    for (size_t i = 0; i < stale_.size(); ++i)
        if (static_cast<int>(i) != current_) stale_[i] = true;
}

void MainFrame::SetStatus(const wxString& text) { SetStatusText(text, 0); }

void MainFrame::OnNew(wxCommandEvent&) {
    wxFileDialog dlg(this, _("New SponsorDesk file"), wxString(), _("sponsordesk.db"),
                     _("SponsorDesk files (*.db)|*.db|All files|*"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    if (!CanLeaveViews()) return;
    if (wxFileExists(dlg.GetPath())) wxRemoveFile(dlg.GetPath());
    OpenDatabase(dlg.GetPath());
}

void MainFrame::OnConnect(wxCommandEvent&) {
    ConnectDialog dlg(this);
    if (dlg.ShowModal() != wxID_OK) return;
    ConnectToServer(dlg.Location(), dlg.Uri());
}

// Menu items the role may not use are disabled; their help line says why.
void MainFrame::ApplyRole() {
    wxMenuBar* bar = GetMenuBar();
    const std::pair<int, Capability> items[] = {{ID_NEW_PUBLICATION, Capability::Administer},
                                                {ID_PLAN_ISSUES, Capability::Edit},
                                                {ID_IMPORT_RESULTS, Capability::Edit}};
    for (const auto& [id, cap] : items) {
        wxMenuItem* item = bar->FindItem(id);
        if (!item) continue;
        if (!menu_help_.count(id)) menu_help_[id] = item->GetHelp();
        item->Enable(permits(cap));
        item->SetHelp(permits(cap) ? menu_help_[id] : role_refusal());
    }
}

void MainFrame::CheckForChanges() {
    if (!db_) return;
    bool changed = false;
    try {
        changed = db_->changed_elsewhere();
    } catch (const std::exception& e) {
        changes_timer_.Stop();  // a lost connection: said once, not every second
        show_error(this, e);
        return;
    }
    if (!changed) return;
    for (size_t i = 0; i < stale_.size(); ++i) stale_[i] = true;
    ShowView(current_);
}

void MainFrame::OnOpen(wxCommandEvent&) {
    wxFileDialog dlg(this, _("Open SponsorDesk file"), wxString(), wxString(),
                     _("SponsorDesk files (*.db)|*.db|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() == wxID_OK) OpenDatabase(dlg.GetPath());
}

void MainFrame::OnRecent(wxCommandEvent& e) {
    wxString path = history_.GetHistoryFile(static_cast<size_t>(e.GetId() - wxID_FILE1));
    if (!OpenDatabase(path)) {
        history_.RemoveFileFromHistory(static_cast<size_t>(e.GetId() - wxID_FILE1));
        Settings::SaveRecent(history_);
    }
}

void MainFrame::OnPreferences(wxCommandEvent&) {
    if (!db_) return;
    PreferencesDialog dlg(this, *db_);
    dlg.ShowModal();
    for (size_t i = 0; i < stale_.size(); ++i) stale_[i] = true;
    ShowView(current_);
}

void MainFrame::OnNewPublication(wxCommandEvent&) {
    if (!db_) return;
    if (ShowNewPublicationDialog(this, *db_)) {
        for (size_t i = 0; i < stale_.size(); ++i) stale_[i] = true;
        ShowView(current_);
    }
}

void MainFrame::OnPlanIssues(wxCommandEvent&) {
    if (!db_) return;
    if (ShowPlanIssuesDialog(this, *db_)) {
        for (size_t i = 0; i < stale_.size(); ++i) stale_[i] = true;
        ShowView(current_);
    }
}

void MainFrame::OnAbout(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName(_("SponsorDesk"));
    info.SetVersion(wxS(SPONSORDESK_VERSION));
    info.SetDescription(_("Sponsor slots, bookings, copy and invoices for email newsletters."));
    info.SetCopyright(wxString::FromUTF8("© 2026 SponsorDesk"));
    wxAboutBox(info, this);
}

void MainFrame::OnClose(wxCloseEvent& e) {
    if (e.CanVeto() && !CanLeaveViews()) {
        e.Veto();
        return;
    }
    for (View* v : views_) v->SaveState();
    Settings::LastView(wxString::FromAscii(ViewKey(current_)));
    Settings::SaveRecent(history_);
    e.Skip();
}

}  // namespace sponsordesk::gui

#pragma once
// The main window: menus, toolbar, status bar and one page per view.
#include <map>
#include <memory>
#include <vector>

#include <wx/filehistory.h>
#include <wx/frame.h>
#include <wx/timer.h>

#include "view.h"

class wxSimplebook;

namespace sponsordesk::gui {

class WelcomePanel;
class DashboardPanel;
class CalendarPanel;
class BookingsPanel;
class SponsorsPanel;
class DraftPanel;
class InvoicesPanel;
class ReportsPanel;

// The views in menu, toolbar and Ctrl+digit order. The remembered last view
// is stored by name (ViewKey), so that adding a view moves no one's.
enum ViewId { kDashboard = 0, kCalendar, kBookings, kSponsors, kDraft, kInvoices, kReports, kViewCount };

class MainFrame : public wxFrame, public ViewHost {
public:
    explicit MainFrame(const wxString& database_path);
    ~MainFrame() override;

    // Opens (creating when absent) a database and shows it; false and a
    // message when it cannot be opened.
    bool OpenDatabase(const wxString& path);
    // Connects to a team's database (`location`: the URI, password
    // included); remembers the server by `uri` (no password).
    bool ConnectToServer(const std::string& location, const std::string& uri);
    // Re-reads the open view when someone else changed data (called each
    // second by a timer; tests call it directly).
    void CheckForChanges();

    void DataChanged() override;
    void SetStatus(const wxString& text) override;
    void ShowView(int view) override;
    void OpenCalendar(const Month& month, std::optional<PublicationId> publication) override;
    void OpenInvoice(InvoiceId invoice) override;
    int CurrentView() const { return current_; }

    Database* db() { return db_.get(); }
    DashboardPanel* dashboard() { return dashboard_; }
    CalendarPanel* calendar() { return calendar_; }
    BookingsPanel* bookings() { return bookings_; }
    SponsorsPanel* sponsors() { return sponsors_; }
    DraftPanel* draft() { return draft_; }
    InvoicesPanel* invoices() { return invoices_; }
    ReportsPanel* reports() { return reports_; }
    WelcomePanel* welcome() { return welcome_; }
    bool ShowingWelcome() const;

    static wxString ViewName(int view);
    // The view's stable name: --view, and the remembered last view.
    static const char* ViewKey(int view);
    static int ViewFromKey(const wxString& key);  // -1 when unknown
    // Asks every view about its unsaved changes; false when the user cancelled.
    bool CanLeaveViews();
    // File ▸ Save (Ctrl+S) in the current view.
    bool SaveCurrent();

private:
    void FitToScreen();
    void BuildMenus();
    void BuildToolBar();
    void BuildViews();
    void DestroyViews();
    void RefreshWelcome();
    void OnNew(wxCommandEvent&);
    void OnOpen(wxCommandEvent&);
    void OnConnect(wxCommandEvent&);
    bool ShowDatabase(std::unique_ptr<Database> opened, const wxString& title, const wxString& where);
    void ApplyRole();
    void OnRecent(wxCommandEvent&);
    void OnPreferences(wxCommandEvent&);
    void OnNewPublication(wxCommandEvent&);
    void OnPlanIssues(wxCommandEvent&);
    void OnAbout(wxCommandEvent&);
    void OnClose(wxCloseEvent&);

    std::unique_ptr<Database> db_;
    wxSimplebook* book_ = nullptr;
    WelcomePanel* welcome_ = nullptr;
    DashboardPanel* dashboard_ = nullptr;
    CalendarPanel* calendar_ = nullptr;
    BookingsPanel* bookings_ = nullptr;
    SponsorsPanel* sponsors_ = nullptr;
    DraftPanel* draft_ = nullptr;
    InvoicesPanel* invoices_ = nullptr;
    ReportsPanel* reports_ = nullptr;
    std::vector<View*> views_;
    std::vector<bool> stale_;
    int current_ = kDashboard;
    wxFileHistory history_;
    wxTimer changes_timer_;
    std::map<int, wxString> menu_help_;  // of the items ApplyRole may disable
};

}  // namespace sponsordesk::gui

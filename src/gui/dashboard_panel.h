#pragma once
// Dashboard: the month at a glance (booked revenue against last year,
// sell-through per placement, holds ending soon, copy late, overdue
// invoices); each figure opens what is behind it. The figures come from
// DashboardService; this panel only shows them.
#include <optional>
#include <vector>

#include "sponsordesk/services/dashboard_service.h"
#include "view.h"

class wxChoice;
class wxHyperlinkCtrl;
class wxListView;
class wxStaticText;

namespace sponsordesk::gui {

class SellThroughChart;

class DashboardPanel : public View {
public:
    DashboardPanel(wxWindow* parent, Database& db, ViewHost& host);
    void Reload() override;

    void SetMonth(const Month& m);
    void ShiftMonth(int delta);
    const Month& month() const { return month_; }
    // Empty when the figures could not be read.
    const std::optional<Dashboard>& figures() const { return dashboard_; }

    // What a click on each figure or double-click on each row does.
    void OpenRevenue();                // the calendar on the month
    void OpenPlacement(size_t index);  // the calendar on the month, on the placement's publication
    bool OpenHold(long row);           // the booking dialog; true when the booking changed
    bool OpenCopyLate(long row);       // the booking dialog; true when the booking changed
    void OpenOverdue(long row);        // the invoices view with the invoice selected

    wxListView* holds_list() { return holds_; }
    wxListView* copy_late_list() { return late_; }
    wxListView* overdue_list() { return overdue_; }
    wxStaticText* revenue_label() { return revenue_; }
    wxStaticText* comparison_label() { return comparison_; }
    SellThroughChart* chart() { return chart_; }

private:
    void Fill();
    void FillRevenue(const Dashboard& d);
    void FillHolds(const Dashboard& d);
    void FillCopyLate(const Dashboard& d);
    void FillOverdue(const Dashboard& d);
    std::optional<PublicationId> SelectedPublication() const;
    bool OpenBooking(BookingId id);

    wxChoice* publication_ = nullptr;
    wxStaticText* month_label_ = nullptr;
    wxStaticText *revenue_ = nullptr, *comparison_ = nullptr, *booked_ = nullptr;
    wxHyperlinkCtrl* revenue_link_ = nullptr;
    SellThroughChart* chart_ = nullptr;
    wxStaticText *holds_title_ = nullptr, *late_title_ = nullptr, *overdue_title_ = nullptr;
    wxStaticText *holds_none_ = nullptr, *late_none_ = nullptr, *overdue_none_ = nullptr;
    wxListView *holds_ = nullptr, *late_ = nullptr, *overdue_ = nullptr;
    std::vector<Publication> publications_;
    std::optional<Dashboard> dashboard_;
    Month month_;
};

// Sell-through per placement as horizontal bars, drawn with wxDC; a click
// on a bar asks the panel to open it.
class SellThroughChart : public wxWindow {
public:
    SellThroughChart(wxWindow* parent, DashboardPanel& panel);
    void SetFills(std::vector<PlacementFill> fills, bool several_publications, const wxString& empty_text);
    const std::vector<PlacementFill>& fills() const { return fills_; }
    const wxString& empty_text() const { return empty_; }
    // The bar under a point of the window, if any.
    std::optional<size_t> BarAt(const wxPoint& p) const;
    wxRect BarRect(size_t index) const;

private:
    void OnPaint(wxPaintEvent&);
    wxString Label(const PlacementFill& f) const;
    int RowHeight() const;

    DashboardPanel& panel_;
    std::vector<PlacementFill> fills_;
    bool several_ = false;
    wxString empty_;
};

}  // namespace sponsordesk::gui

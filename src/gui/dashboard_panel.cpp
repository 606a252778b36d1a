#include "dashboard_panel.h"

#include <algorithm>
#include <iterator>
#include <cstdlib>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcbuffer.h>
#include <wx/hyperlink.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include "booking_dialog.h"
#include "error_text.h"
#include "gui_util.h"
#include "sponsordesk/services/catalog_service.h"

namespace sponsordesk::gui {
namespace {

// A whole percentage of a ratio, rounded half away from zero.
long long percent(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return 0;
    return (200 * part + whole) / (2 * whole);
}

// "+12 %", "−8 %", "0 %" from a change in per mille.
wxString change_text(std::int64_t permille) {
    const long long whole = (std::llabs(permille) + 5) / 10;
    const wxString sign = whole == 0 ? wxString() : permille < 0 ? wxString::FromUTF8("−") : wxString(wxS("+"));
    return sign + wxString::Format(_("%lld%%"), whole);
}

// Columns share the list's width by their weights (stored as the columns'
// first widths), so that the three lists fit side by side on a 1024-pixel
// screen and use a wider one. The width comes from the panel, never from
// the list itself: a list asks for the sum of its columns, which would
// then keep it from shrinking.
wxListView* MakeList(wxWindow* parent, const std::vector<std::pair<wxString, int>>& columns) {
    auto* list = new wxListView(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, 120),
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    list->SetMinSize(wxSize(150, 80));
    int c = 0;
    for (const auto& [title, weight] : columns) list->InsertColumn(c++, title, wxLIST_FORMAT_LEFT, weight);
    return list;
}

void FitColumns(wxListView* list, const std::vector<int>& weights, int width) {
    int total = 0;
    for (int w : weights) total += w;
    if (width <= 0 || total <= 0) return;
    for (size_t k = 0; k < weights.size(); ++k) list->SetColumnWidth(static_cast<int>(k), width * weights[k] / total);
}

constexpr int kHoldWeights[] = {17, 29, 32, 22};
constexpr int kLateWeights[] = {17, 29, 32, 22};
constexpr int kOverdueWeights[] = {26, 32, 15, 27};

// A day of the coming weeks, short: "05/12" in French, "12-05" in English
// (format_day without the weekday).
wxString short_day(const Date& d) {
    if (ui_language() == "fr") return wxString::Format(wxS("%02d/%02d"), d.day, d.month);
    return wxString::Format(wxS("%02d-%02d"), d.month, d.day);
}

wxStaticText* MakeNone(wxWindow* parent) {
    auto* t = new wxStaticText(parent, wxID_ANY, wxString());
    t->SetForegroundColour(wxColour(90, 90, 90));
    return t;
}

// A bold heading over a figure or a list, cut with an ellipsis (its full
// text in the tooltip) rather than widening its column.
wxStaticText* MakeHeading(wxWindow* parent, const wxString& text) {
    auto* t = new wxStaticText(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    t->SetFont(t->GetFont().Bold());
    t->SetMinSize(wxSize(60, -1));
    if (!text.empty()) t->SetToolTip(text);
    return t;
}

// A column of the bottom row: a heading (the figure), the rows, and the
// sentence shown in place of the rows when there are none. Plain sizers, not
// static boxes: a box asks for the room its children had, so it would not
// give back width when the window shrinks.
wxBoxSizer* ListColumn(wxWindow* parent, wxStaticText*& title, wxListView*& list, wxStaticText*& none,
                       const std::vector<std::pair<wxString, int>>& columns) {
    auto* box = new wxBoxSizer(wxVERTICAL);
    title = MakeHeading(parent, wxString());
    list = MakeList(parent, columns);
    none = MakeNone(parent);
    none->SetMinSize(wxSize(60, -1));
    box->Add(title, 0, wxEXPAND | wxBOTTOM, 4);
    box->Add(none, 0, wxEXPAND | wxALL, 4);
    box->Add(list, 1, wxEXPAND);
    box->SetMinSize(wxSize(150, -1));
    return box;
}

void ShowRows(wxWindow* parent, wxListView* list, wxStaticText* none, const wxString& none_text) {
    const bool empty = list->GetItemCount() == 0;
    none->SetLabel(none_text);
    none->Show(empty);
    list->Show(!empty);
    parent->Layout();
}

wxString issue_text(const Date& date, const std::string& placement) {
    return short_day(date) + wxString::FromUTF8(" · ") + wx(placement);
}

}  // namespace

DashboardPanel::DashboardPanel(wxWindow* parent, Database& db, ViewHost& host) : View(parent, db, host) {
    const Date today = Date::today();
    month_ = Month{today.year, today.month};

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* prev = new wxButton(this, wxID_ANY, wxString::FromUTF8("◀"), wxDefaultPosition, wxSize(36, -1));
    prev->SetToolTip(_("Previous month"));
    auto* next = new wxButton(this, wxID_ANY, wxString::FromUTF8("▶"), wxDefaultPosition, wxSize(36, -1));
    next->SetToolTip(_("Next month"));
    auto* this_month = new wxButton(this, wxID_ANY, _("This &Month"));
    month_label_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(190, -1),
                                    wxALIGN_CENTER_HORIZONTAL | wxST_NO_AUTORESIZE);
    month_label_->SetFont(month_label_->GetFont().Scaled(1.3f).Bold());
    publication_ = new wxChoice(this, wxID_ANY);
    bar->Add(prev, 0, wxALIGN_CENTER_VERTICAL);
    bar->Add(month_label_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, 6);
    bar->Add(next, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    bar->Add(this_month, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 18);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Publication:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    bar->Add(publication_, 0, wxALIGN_CENTER_VERTICAL);

    // Top row: booked revenue, and sell-through per placement.
    auto* revenue_box = new wxBoxSizer(wxVERTICAL);
    revenue_box->Add(MakeHeading(this, _("Booked revenue")), 0, wxEXPAND | wxBOTTOM, 2);
    revenue_ = new wxStaticText(this, wxID_ANY, wxString());
    revenue_->SetFont(revenue_->GetFont().Scaled(1.6f).Bold());
    revenue_->SetCursor(wxCursor(wxCURSOR_HAND));
    comparison_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    comparison_->SetMinSize(wxSize(100, -1));
    booked_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    booked_->SetMinSize(wxSize(100, -1));
    booked_->SetForegroundColour(wxColour(90, 90, 90));
    revenue_link_ = new wxHyperlinkCtrl(this, wxID_ANY, _("Show the month in the calendar"), wxString());
    revenue_box->Add(revenue_, 0, wxTOP | wxBOTTOM, 6);
    revenue_box->Add(comparison_, 0, wxEXPAND | wxBOTTOM, 4);
    revenue_box->Add(booked_, 0, wxEXPAND | wxBOTTOM, 4);
    revenue_box->AddStretchSpacer();
    revenue_box->Add(revenue_link_, 0, wxTOP, 4);

    auto* chart_box = new wxBoxSizer(wxVERTICAL);
    chart_box->Add(MakeHeading(this, _("Sell-through per placement (sold slots / slots offered)")), 0,
                   wxEXPAND | wxBOTTOM, 2);
    chart_ = new SellThroughChart(this, *this);
    chart_box->Add(chart_, 1, wxEXPAND);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(revenue_box, 2, wxEXPAND | wxRIGHT, 16);
    top->Add(chart_box, 3, wxEXPAND);

    // Bottom row: the three lists.
    auto* lists = new wxBoxSizer(wxHORIZONTAL);
    lists->Add(ListColumn(this, holds_title_, holds_, holds_none_,
                          {{_("Ends"), 40}, {_("Sponsor"), 40}, {_("Issue"), 40}, {_("Price"), 30}}),
               1, wxEXPAND | wxRIGHT, 12);
    lists->Add(ListColumn(this, late_title_, late_, late_none_,
                          {{_("Due on"), 40}, {_("Sponsor"), 40}, {_("Issue"), 40}, {_("Status"), 30}}),
               1, wxEXPAND | wxRIGHT, 12);
    lists->Add(ListColumn(this, overdue_title_, overdue_, overdue_none_,
                          {{_("Invoice"), 40}, {_("Sponsor"), 40}, {_("Late"), 40}, {_("Outstanding"), 30}}),
               1, wxEXPAND);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxEXPAND | wxALL, 8);
    sizer->Add(top, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(lists, 1, wxEXPAND | wxALL, 8);
    sizer->Insert(2, new wxStaticLine(this), 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    SetSizer(sizer);

    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        // Three columns between 8-pixel margins and 12-pixel gaps, less the lists' borders and a scrollbar.
        const int width = (GetClientSize().x - 16 - 24) / 3 - 6 - wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this);
        FitColumns(holds_, {std::begin(kHoldWeights), std::end(kHoldWeights)}, width);
        FitColumns(late_, {std::begin(kLateWeights), std::end(kLateWeights)}, width);
        FitColumns(overdue_, {std::begin(kOverdueWeights), std::end(kOverdueWeights)}, width);
    });
    prev->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShiftMonth(-1); });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShiftMonth(1); });
    this_month->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const Date t = Date::today();
        SetMonth(Month{t.year, t.month});
    });
    publication_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Fill(); });
    revenue_->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent&) { OpenRevenue(); });
    revenue_link_->Bind(wxEVT_HYPERLINK, [this](wxHyperlinkEvent&) { OpenRevenue(); });
    holds_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { OpenHold(e.GetIndex()); });
    late_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { OpenCopyLate(e.GetIndex()); });
    overdue_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { OpenOverdue(e.GetIndex()); });
}

void DashboardPanel::Reload() {
    std::optional<PublicationId> keep = SelectedPublication();
    try {
        publications_ = CatalogService(db_).publications();
    } catch (const std::exception& e) {
        host_.SetStatus(error_text(e));
        publications_.clear();
    }
    publication_->Clear();
    publication_->Append(_("All publications"));
    int pick = 0;
    for (size_t i = 0; i < publications_.size(); ++i) {
        publication_->Append(wx(publications_[i].name));
        if (keep && PublicationId{publications_[i].id} == *keep) pick = static_cast<int>(i) + 1;
    }
    publication_->SetSelection(pick);
    Fill();
}

std::optional<PublicationId> DashboardPanel::SelectedPublication() const {
    const int sel = publication_->GetSelection();
    if (sel <= 0 || static_cast<size_t>(sel) > publications_.size()) return std::nullopt;
    return PublicationId{publications_[static_cast<size_t>(sel) - 1].id};
}

void DashboardPanel::SetMonth(const Month& m) {
    month_ = m;
    Fill();
}

void DashboardPanel::ShiftMonth(int delta) {
    const int m = month_.year * 12 + (month_.month - 1) + delta;
    SetMonth(Month{m / 12, m % 12 + 1});
}

void DashboardPanel::Fill() {
    month_label_->SetLabel(format_month(month_.year, month_.month));
    dashboard_.reset();
    try {
        DashboardRequest r;
        r.month = month_;
        r.publication = SelectedPublication();
        dashboard_ = DashboardService(db_).compute(r);
    } catch (const std::exception& e) {
        host_.SetStatus(error_text(e));
    }
    Dashboard empty;
    empty.month = month_;
    empty.last_year_month = Month{month_.year - 1, month_.month};
    empty.today = Date::today();
    const Dashboard& d = dashboard_ ? *dashboard_ : empty;
    FillRevenue(d);
    wxString chart_empty;
    if (d.sell_through.empty()) {
        bool placements = false;
        try {
            for (const Publication& p : publications_)
                if (!SelectedPublication() || PublicationId{p.id} == *SelectedPublication())
                    placements = placements || !CatalogService(db_).placements(p.slug).empty();
        } catch (const std::exception&) {
        }
        chart_empty = placements ? wxString::Format(_("No issue planned in %s: plan issues with Publication ▸ Plan "
                                                      "Issues."),
                                                    format_month(month_.year, month_.month))
                                 : _("No placement yet: add placements in Edit ▸ Preferences.");
    }
    chart_->SetFills(d.sell_through, !SelectedPublication() && publications_.size() > 1, chart_empty);
    FillHolds(d);
    FillCopyLate(d);
    FillOverdue(d);
    Layout();
}

void DashboardPanel::FillRevenue(const Dashboard& d) {
    const wxString last = format_month(d.last_year_month.year, d.last_year_month.month);
    if (d.revenue.empty()) {
        revenue_->SetLabel(format_money_ui(0, publications_.empty() ? "EUR" : publications_.front().currency));
        comparison_->SetLabel(wxString::Format(_("Nothing booked in %s either."), last));
        booked_->SetLabel(wxString());
        return;
    }
    // One line per currency: amounts in different currencies are never added.
    wxString amounts, comparisons;
    for (const RevenueComparison& r : d.revenue) {
        if (!amounts.empty()) {
            amounts += wxS("\n");
            comparisons += wxS("\n");
        }
        amounts += format_money_ui(r.revenue, r.currency);
        if (auto change = r.change_permille())
            // TRANSLATORS: "+12 % vs. November 2025 (9 876,00 €)": the change against the same month last year.
            comparisons += wxString::Format(_("%s vs. %s (%s)"), change_text(*change), last,
                                            format_money_ui(r.last_year, r.currency));
        else
            comparisons += wxString::Format(_("Nothing booked in %s."), last);
    }
    revenue_->SetLabel(amounts);
    comparison_->SetLabel(comparisons);
    comparison_->SetToolTip(comparisons);
    std::int64_t booked = 0;
    for (const RevenueComparison& r : d.revenue) booked += r.booked;
    booked_->SetLabel(
        wxString::Format(wxPLURAL("%lld booked slot: confirmed or further along, holds not counted",
                                  "%lld booked slots: confirmed or further along, holds not counted", booked),
                         static_cast<long long>(booked)));
}

void DashboardPanel::FillHolds(const Dashboard& d) {
    holds_->DeleteAllItems();
    holds_title_->SetLabel(
        wxString::Format(wxPLURAL("%lld hold ends within %d days", "%lld holds end within %d days", d.holds_count),
                         static_cast<long long>(d.holds_count), d.hold_days));
    for (const DashboardHold& h : d.holds) {
        const long row = holds_->InsertItem(holds_->GetItemCount(), short_day(h.hold_until));
        holds_->SetItem(row, 1, wx(h.sponsor_name));
        holds_->SetItem(row, 2, issue_text(h.issue_date, h.placement_name));
        holds_->SetItem(row, 3, format_money_ui(h.price, h.currency));
        if (h.hold_until == d.today) holds_->SetItemTextColour(row, wxColour(173, 20, 87));
    }
    holds_title_->SetToolTip(holds_title_->GetLabel());
    ShowRows(this, holds_, holds_none_, _("No hold ends this week."));
}

void DashboardPanel::FillCopyLate(const Dashboard& d) {
    late_->DeleteAllItems();
    late_title_->SetLabel(
        wxString::Format(wxPLURAL("%lld booking with copy late", "%lld bookings with copy late", d.copy_late_count),
                         static_cast<long long>(d.copy_late_count)));
    for (const DashboardCopyLate& c : d.copy_late) {
        const long row = late_->InsertItem(late_->GetItemCount(), short_day(c.copy_due));
        late_->SetItem(row, 1, wx(c.sponsor_name));
        late_->SetItem(row, 2, issue_text(c.issue_date, c.placement_name));
        late_->SetItem(row, 3, status_label(c.status));
    }
    late_title_->SetToolTip(late_title_->GetLabel());
    ShowRows(this, late_, late_none_, _("All copy is in on time."));
}

void DashboardPanel::FillOverdue(const Dashboard& d) {
    overdue_->DeleteAllItems();
    wxString title = wxString::Format(wxPLURAL("%lld overdue invoice", "%lld overdue invoices", d.overdue_count),
                                      static_cast<long long>(d.overdue_count));
    for (const CurrencyAmount& t : d.overdue_totals)
        title += wxString::FromUTF8(" · ") + format_money_ui(t.amount, t.currency);
    overdue_title_->SetLabel(title);
    for (const DashboardOverdue& o : d.overdue) {
        const long row = overdue_->InsertItem(overdue_->GetItemCount(), wx(o.number));
        overdue_->SetItem(row, 1, wx(o.sponsor_name));
        // TRANSLATORS: days past an invoice's due date, in a narrow column: "12 d" ("12 j").
        overdue_->SetItem(row, 2, wxString::Format(_("%d d"), o.days_overdue));
        overdue_->SetItem(row, 3, format_money_ui(o.outstanding, o.currency));
    }
    overdue_title_->SetToolTip(title);
    ShowRows(this, overdue_, overdue_none_, _("No invoice is overdue."));
}

void DashboardPanel::OpenRevenue() { host_.OpenCalendar(month_, SelectedPublication()); }

void DashboardPanel::OpenPlacement(size_t index) {
    if (!dashboard_ || index >= chart_->fills().size()) return;
    std::optional<PublicationId> pub = SelectedPublication();
    for (const Publication& p : publications_)
        if (p.name == chart_->fills()[index].publication_name) pub = PublicationId{p.id};
    host_.OpenCalendar(month_, pub);
}

bool DashboardPanel::OpenBooking(BookingId id) {
    const bool changed = ShowBookingDialog(this, db_, id.value);
    if (changed) {
        host_.DataChanged();
        Fill();
    }
    return changed;
}

bool DashboardPanel::OpenHold(long row) {
    if (!dashboard_ || row < 0 || static_cast<size_t>(row) >= dashboard_->holds.size()) return false;
    return OpenBooking(dashboard_->holds[static_cast<size_t>(row)].booking);
}

bool DashboardPanel::OpenCopyLate(long row) {
    if (!dashboard_ || row < 0 || static_cast<size_t>(row) >= dashboard_->copy_late.size()) return false;
    return OpenBooking(dashboard_->copy_late[static_cast<size_t>(row)].booking);
}

void DashboardPanel::OpenOverdue(long row) {
    if (!dashboard_ || row < 0 || static_cast<size_t>(row) >= dashboard_->overdue.size()) return;
    host_.OpenInvoice(dashboard_->overdue[static_cast<size_t>(row)].invoice);
}

// ---------------------------------------------------------------- chart

SellThroughChart::SellThroughChart(wxWindow* parent, DashboardPanel& panel)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, 120), wxFULL_REPAINT_ON_RESIZE), panel_(panel) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &SellThroughChart::OnPaint, this);
    Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& e) {
        if (auto bar = BarAt(e.GetPosition())) panel_.OpenPlacement(*bar);
    });
    Bind(wxEVT_MOTION, [this](wxMouseEvent& e) {
        const auto bar = BarAt(e.GetPosition());
        SetCursor(bar ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
        if (!bar) {
            UnsetToolTip();
            return;
        }
        const PlacementFill& f = fills_[*bar];
        SetToolTip(wxString::Format(_("%s: %lld of %lld slots sold over %lld issues, %s booked"), Label(f),
                                    static_cast<long long>(f.sold), static_cast<long long>(f.offered),
                                    static_cast<long long>(f.issues), format_money_ui(f.revenue, f.currency)));
    });
}

void SellThroughChart::SetFills(std::vector<PlacementFill> fills, bool several_publications,
                                const wxString& empty_text) {
    fills_ = std::move(fills);
    several_ = several_publications;
    empty_ = empty_text;
    // Every bar stays reachable: the box grows rather than squeezing them.
    SetMinSize(wxSize(-1, std::max<int>(90, static_cast<int>(fills_.size()) * RowHeight() + 8)));
    Refresh();
}

int SellThroughChart::RowHeight() const { return GetCharHeight() + 8; }

wxString SellThroughChart::Label(const PlacementFill& f) const {
    if (!several_) return wx(f.placement_name);
    return wx(f.placement_name) + wxString::FromUTF8(" · ") + wx(f.publication_name);
}

wxRect SellThroughChart::BarRect(size_t index) const {
    const wxSize size = GetClientSize();
    const int label_width = std::min(size.x / 2, std::max(120, size.x * 2 / 5));
    const int value_width = GetTextExtent(wxS("100 % (000/000)")).x + 8;
    const int row = RowHeight();
    const int x = label_width + 6;
    const int width = std::max(10, size.x - x - value_width);
    return wxRect(x, 4 + static_cast<int>(index) * row + 3, width, row - 6);
}

std::optional<size_t> SellThroughChart::BarAt(const wxPoint& p) const {
    for (size_t k = 0; k < fills_.size(); ++k) {
        wxRect r = BarRect(k);
        r.x = 0;
        r.width = GetClientSize().x;
        if (r.Contains(p)) return k;
    }
    return std::nullopt;
}

void SellThroughChart::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    dc.SetFont(GetFont());
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    if (fills_.empty()) {
        dc.SetTextForeground(wxColour(90, 90, 90));
        dc.DrawText(empty_, 4, 4);
        return;
    }
    const int label_width = BarRect(0).x - 6;
    for (size_t k = 0; k < fills_.size(); ++k) {
        const PlacementFill& f = fills_[k];
        const wxRect bar = BarRect(k);
        dc.SetTextForeground(text);
        // The label, cut with an ellipsis when the column is narrow.
        wxString label = Label(f);
        while (label.length() > 1 && dc.GetTextExtent(label).x > label_width)
            label = label.Left(label.length() - 2) + wxString::FromUTF8("…");
        const int ty = bar.y + (bar.height - dc.GetCharHeight()) / 2;
        dc.DrawText(label, 4, ty);
        dc.SetPen(wxPen(wxColour(200, 200, 200)));
        dc.SetBrush(wxBrush(wxColour(236, 239, 241)));
        dc.DrawRectangle(bar);
        const long long pct = percent(f.sold, f.offered);
        if (f.offered > 0 && f.sold > 0) {
            wxRect done = bar;
            done.width =
                std::max(2, static_cast<int>(bar.width * std::min<std::int64_t>(f.sold, f.offered) / f.offered));
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(pct >= 80   ? wxColour(46, 125, 50)
                                : pct >= 50 ? wxColour(85, 139, 47)
                                            : wxColour(239, 108, 0)));
            dc.DrawRectangle(done);
        }
        dc.SetTextForeground(text);
        dc.DrawText(wxString::Format(_("%lld%% (%lld/%lld)"), pct, static_cast<long long>(f.sold),
                                     static_cast<long long>(f.offered)),
                    bar.GetRight() + 6, ty);
    }
}

}  // namespace sponsordesk::gui

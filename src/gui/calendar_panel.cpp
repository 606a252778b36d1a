#include "calendar_panel.h"

#include <algorithm>
#include <cstdlib>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include "book_dialog.h"
#include "booking_dialog.h"
#include "error_text.h"
#include "gui_util.h"
#include "multi_book_dialog.h"
#include "settings.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/storage/booking_repository.h"

namespace sponsordesk::gui {
namespace {

wxWindow* LegendSwatch(wxWindow* parent, SlotState s) {
    auto* swatch = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(14, 14), wxBORDER_SIMPLE);
    swatch->SetBackgroundColour(state_colour(s));
    return swatch;
}

}  // namespace

// The calendar's cells as the grid sees them: text and colour computed on
// demand from the panel's month, so a month switch costs what is on screen.
class CalendarTable : public wxGridTableBase {
public:
    CalendarTable(CalendarPanel* panel, std::string currency)
        : panel_(panel), currency_(std::move(currency)), today_(Date::today()) {
        for (SlotState s : {SlotState::Open, SlotState::Hold, SlotState::ExpiredHold, SlotState::Confirmed,
                            SlotState::CopyReceived, SlotState::Approved, SlotState::Published, SlotState::Cancelled}) {
            auto* a = new wxGridCellAttr;
            a->SetBackgroundColour(state_colour(s));
            a->SetTextColour(s == SlotState::ExpiredHold ? wxColour(110, 110, 110) : *wxBLACK);
            a->SetReadOnly();
            attrs_[static_cast<int>(s)] = a;
        }
        open_past_ = attrs_[0]->Clone();
        open_future_ = attrs_[0]->Clone();
        open_future_->SetTextColour(wxColour(150, 150, 150));
    }
    ~CalendarTable() override {
        for (wxGridCellAttr* a : attrs_) a->DecRef();
        open_past_->DecRef();
        open_future_->DecRef();
    }
    int GetNumberRows() override { return static_cast<int>(panel_->issues_.size()); }
    int GetNumberCols() override { return static_cast<int>(panel_->columns_.size()); }
    wxString GetValue(int row, int col) override {
        if (!panel_->HasCell(row, col)) return wxString();
        const auto& cell = panel_->cells_[static_cast<size_t>(row)][static_cast<size_t>(col)];
        if (cell) return (cell->copy_late ? wxString::FromUTF8("⚠ ") : wxString()) + wx(cell->sponsor_name);
        return panel_->issues_[static_cast<size_t>(row)].date >= today_ ? _("open") : wxString();
    }
    void SetValue(int, int, const wxString&) override {}
    bool IsEmptyCell(int row, int col) override { return GetValue(row, col).empty(); }
    wxString GetRowLabelValue(int row) override {
        if (row < 0 || static_cast<size_t>(row) >= panel_->issues_.size()) return wxString();
        const Issue& is = panel_->issues_[static_cast<size_t>(row)];
        return format_day(is.date) + wxString::Format(wxS("  #%d"), is.number);
    }
    wxString GetColLabelValue(int col) override {
        if (col < 0 || static_cast<size_t>(col) >= panel_->columns_.size()) return wxString();
        const auto& c = panel_->columns_[static_cast<size_t>(col)];
        wxString label = wx(c.placement.name);
        if (c.placement.slots > 1) label += wxString::Format(wxS(" %d"), c.slot);
        return label + wxS("\n") + format_money_ui(c.placement.price, currency_);
    }
    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
        // The grid asks for cells the model may not have (a cursor left at
        // 0,0 on a month with no placement column): those get no attribute.
        if (!panel_->HasCell(row, col)) return nullptr;
        const auto& cell = panel_->cells_[static_cast<size_t>(row)][static_cast<size_t>(col)];
        wxGridCellAttr* a =
            cell ? attrs_[static_cast<int>(slot_state(*cell))]
                 : (panel_->issues_[static_cast<size_t>(row)].date >= today_ ? open_future_ : open_past_);
        a->IncRef();
        return a;
    }

private:
    CalendarPanel* panel_;
    std::string currency_;
    Date today_;
    wxGridCellAttr* attrs_[8] = {};
    wxGridCellAttr* open_past_;
    wxGridCellAttr* open_future_;
};

CalendarPanel::CalendarPanel(wxWindow* parent, Database& db, ViewHost& host) : View(parent, db, host) {
    const Date today = Date::today();
    year_ = today.year;
    month_ = today.month;

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Publication:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    publication_ = new wxChoice(this, wxID_ANY);
    publication_->SetMinSize(wxSize(200, -1));
    bar->Add(publication_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 24);
    auto* prev = new wxButton(this, wxID_ANY, _("Previous"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    prev->SetLabel(wxString::FromUTF8("◀"));
    prev->SetToolTip(_("Previous month (Page Up)"));
    auto* next = new wxButton(this, wxID_ANY, wxString::FromUTF8("▶"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    next->SetToolTip(_("Next month (Page Down)"));
    auto* todayb = new wxButton(this, wxID_ANY, _("Today"));
    month_label_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(180, -1),
                                    wxALIGN_CENTER_HORIZONTAL | wxST_NO_AUTORESIZE);
    month_label_->SetFont(month_label_->GetFont().Scaled(1.3f).Bold());
    bar->Add(prev, 0, wxALIGN_CENTER_VERTICAL);
    bar->Add(month_label_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, 8);
    bar->Add(next, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    bar->Add(todayb, 0, wxALIGN_CENTER_VERTICAL);
    bar->AddStretchSpacer();
    auto* book_selected = new wxButton(this, wxID_ANY, _("Book &Selected Slots…"));
    book_selected->SetToolTip(
        _("Books the open slots selected in the calendar (Ctrl+click or drag to select several), in one go"));
    auto* book_series = new wxButton(this, wxID_ANY, _("Book a Se&ries…"));
    book_series->SetToolTip(_("Books every issue on some weekdays over a period, in one go"));
    enable_for(book_selected, true, Capability::Sell);
    enable_for(book_series, true, Capability::Sell);
    bar->Add(book_selected, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, 8);
    bar->Add(book_series, 0, wxALIGN_CENTER_VERTICAL);

    grid_ = new wxGrid(this, wxID_ANY);
    grid_->SetTable(new CalendarTable(this, "EUR"), true, wxGrid::wxGridSelectCells);
    grid_->EnableEditing(false);
    grid_->EnableDragRowSize(false);
    grid_->SetRowLabelSize(150);
    grid_->SetColLabelSize(44);
    grid_->SetDefaultRowSize(30);
    grid_->SetRowLabelAlignment(wxALIGN_LEFT, wxALIGN_CENTER);
    grid_->SetDefaultCellAlignment(wxALIGN_LEFT, wxALIGN_CENTER);
    grid_->SetCellHighlightPenWidth(2);
    grid_->SetGridLineColour(wxColour(210, 210, 210));
    // Selected slots stand out from every state's pastel (the default grey
    // would pass for an expired hold).
    grid_->SetSelectionBackground(wxColour(48, 63, 159));
    grid_->SetSelectionForeground(*wxWHITE);
    grid_->DisableDragGridSize();

    // Wraps rather than clips on a narrow screen (1024×600).
    auto* legend = new wxWrapSizer(wxHORIZONTAL);
    legend->Add(new wxStaticText(this, wxID_ANY, _("Legend:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    for (SlotState s : {SlotState::Open, SlotState::Hold, SlotState::ExpiredHold, SlotState::Confirmed,
                        SlotState::CopyReceived, SlotState::Approved, SlotState::Published}) {
        legend->Add(LegendSwatch(this, s), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
        legend->Add(new wxStaticText(this, wxID_ANY, state_label(s)), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 14);
    }
    // Short enough for 1024 pixels; cut with "…" rather than clipped below that.
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("Click: book · Ctrl+click or drag: select several · Double-click: open · "
                                    "Drag a booking: move it"),
                                  wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    hint->SetForegroundColour(wxColour(90, 90, 90));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(bar, 0, wxEXPAND | wxALL, 8);
    top->Add(grid_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    top->Add(MakeEmptyState(this, grid_), 1, wxEXPAND | wxALL, 40);
    top->Add(legend, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    top->Add(hint, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);
    book_selected->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { BookSelection(); });
    book_series->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { BookSeries(); });

    prev->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShiftMonth(-1); });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShiftMonth(1); });
    todayb->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const Date t = Date::today();
        SetMonth(t.year, t.month);
    });
    publication_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        int sel = publication_->GetSelection();
        if (sel != wxNOT_FOUND) Settings::LastPublication(wx(publications_[static_cast<size_t>(sel)].slug));
        Fill();
    });
    grid_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { FitColumns(); });
    });
    // The mouse on the cells: clicks, drags of bookings, and the hover tip.
    wxWindow* cells = grid_->GetGridWindow();
    cells->Bind(wxEVT_LEFT_DOWN, &CalendarPanel::OnMouseDown, this);
    cells->Bind(wxEVT_MOTION, &CalendarPanel::OnMouseMove, this);
    cells->Bind(wxEVT_LEFT_UP, &CalendarPanel::OnMouseUp, this);
    cells->Bind(wxEVT_MOUSE_CAPTURE_LOST, [this](wxMouseCaptureLostEvent&) { EndDrag(); });
    grid_->Bind(wxEVT_GRID_CELL_LEFT_DCLICK, &CalendarPanel::OnDoubleClick, this);
    grid_->Bind(wxEVT_GRID_CELL_RIGHT_CLICK, &CalendarPanel::OnContext, this);
    grid_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE && press_.dragging) {
            EndDrag();
            host_.SetStatus(wxString());
        } else if (e.GetKeyCode() == WXK_PAGEUP && e.ControlDown())
            ShiftMonth(-1);
        else if (e.GetKeyCode() == WXK_PAGEDOWN && e.ControlDown())
            ShiftMonth(1);
        else if (e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) {
            int r = grid_->GetGridCursorRow(), c = grid_->GetGridCursorCol();
            if (SelectedCells().size() > 1)
                BookSelection();
            else if (r >= 0 && c >= 0) {
                if (IsOpen(r, c))
                    BookCell(r, c);
                else
                    OpenCell(r, c);
            }
        } else
            e.Skip();
    });
}

void CalendarPanel::Reload() {
    std::string keep;
    int sel = publication_->GetSelection();
    if (sel != wxNOT_FOUND && static_cast<size_t>(sel) < publications_.size())
        keep = publications_[static_cast<size_t>(sel)].slug;
    else
        keep = utf8(Settings::LastPublication());
    try {
        publications_ = CatalogService(db_).publications();
    } catch (const std::exception& e) {
        show_error(this, e);
        publications_.clear();
    }
    publication_->Clear();
    int pick = publications_.empty() ? wxNOT_FOUND : 0;
    for (size_t i = 0; i < publications_.size(); ++i) {
        publication_->Append(wx(publications_[i].name));
        if (publications_[i].slug == keep) pick = static_cast<int>(i);
    }
    publication_->SetSelection(pick);
    Fill();
}

bool CalendarPanel::SelectPublication(const std::string& slug) {
    for (size_t i = 0; i < publications_.size(); ++i)
        if (publications_[i].slug == slug) {
            publication_->SetSelection(static_cast<int>(i));
            Fill();
            return true;
        }
    return false;
}

void CalendarPanel::SetMonth(int year, int month) {
    year_ = year;
    month_ = month;
    Fill();
}

void CalendarPanel::ShiftMonth(int delta) {
    int m = year_ * 12 + (month_ - 1) + delta;
    SetMonth(m / 12, m % 12 + 1);
}

void CalendarPanel::Fill() {
    month_label_->SetLabel(format_month(year_, month_));
    issues_.clear();
    columns_.clear();
    cells_.clear();
    int sel = publication_->GetSelection();
    if (sel != wxNOT_FOUND) {
        const Publication& pub = publications_[static_cast<size_t>(sel)];
        const Month m{year_, month_};
        try {
            issues_ = IssueService(db_).list(pub.slug, m.first(), m.last());
            for (const Placement& pl : CatalogService(db_).placements(pub.slug)) {
                if (!pl.active) continue;
                for (int s = 1; s <= pl.slots; ++s) columns_.push_back({pl, s});
            }
            cells_.assign(issues_.size(), std::vector<std::optional<BookingView>>(columns_.size()));
            BookingFilter f;
            f.publication_id = pub.id;
            f.from = m.first();
            f.to = m.last();
            f.today = Date::today();
            BookingRepository(db_).for_each(f, [&](const BookingView& v) {
                // Cancelled bookings have no slot; an expired hold may keep its number.
                if (!v.booking.slot || v.booking.status == BookingStatus::Cancelled) return;
                int r = IssueRow(v.issue_date);
                int c = SlotColumn(v.placement_code, *v.booking.slot);
                if (r < 0 || c < 0) return;
                auto& cell = cells_[static_cast<size_t>(r)][static_cast<size_t>(c)];
                // A live booking wins over an expired hold that kept the number.
                if (!cell || (cell->hold_expired && !v.hold_expired)) cell = v;
            });
        } catch (const std::exception& e) {
            host_.SetStatus(error_text(e));
        }
    }

    grid_->ClearSelection();
    // A fresh virtual table: the grid asks only for the cells it paints.
    grid_->SetTable(
        new CalendarTable(this, sel != wxNOT_FOUND ? publications_[static_cast<size_t>(sel)].currency : "EUR"), true,
        wxGrid::wxGridSelectCells);
    FitColumns();
    ShowEmptyState(EmptyMessage(sel));
    if (issues_.empty() || columns_.empty())
        host_.SetStatus(wxString());
    else
        host_.SetStatus(wxString::Format(wxPLURAL("%zu issue in %s", "%zu issues in %s", issues_.size()),
                                         issues_.size(), format_month(year_, month_)));
}

wxString CalendarPanel::EmptyMessage(int sel) const {
    if (sel == wxNOT_FOUND) return _("No publication yet: create one with Publication ▸ New Publication.");
    if (columns_.empty())
        return _(
            "This publication has no placement yet: add one in Preferences ▸ Placements (Ctrl+8), then plan its "
            "issues with Publication ▸ Plan Issues.");
    if (issues_.empty())
        return wxString::Format(_("No issue planned in %s: plan issues with Publication ▸ Plan Issues, or go to "
                                  "another month."),
                                format_month(year_, month_));
    return wxString();
}

bool CalendarPanel::HasCell(int row, int col) const {
    return row >= 0 && col >= 0 && static_cast<size_t>(row) < cells_.size() &&
           static_cast<size_t>(col) < cells_[static_cast<size_t>(row)].size();
}

void CalendarPanel::FitColumns() {
    // Main placements get twice the width of a classified slot; all fill the view.
    const int n = grid_->GetNumberCols();
    if (!n) return;
    int weight = 0;
    for (const Column& c : columns_) weight += c.placement.slots > 1 ? 2 : 3;
    const int avail = grid_->GetClientSize().x - grid_->GetRowLabelSize() - 4;
    for (int c = 0; c < n; ++c) {
        const int w = columns_[static_cast<size_t>(c)].placement.slots > 1 ? 2 : 3;
        grid_->SetColSize(c, std::max(w == 2 ? 120 : 170, avail * w / std::max(1, weight)));
    }
}

int CalendarPanel::IssueRow(const Date& date) const {
    for (size_t i = 0; i < issues_.size(); ++i)
        if (issues_[i].date == date) return static_cast<int>(i);
    return -1;
}

int CalendarPanel::SlotColumn(const std::string& code, int slot) const {
    for (size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].placement.code == code && columns_[i].slot == slot) return static_cast<int>(i);
    return -1;
}

bool CalendarPanel::IsOpen(int row, int col) const {
    if (!HasCell(row, col)) return false;
    const auto& cell = cells_[static_cast<size_t>(row)][static_cast<size_t>(col)];
    return !cell || cell->hold_expired;
}

bool CalendarPanel::BookCell(int row, int col) {
    int sel = publication_->GetSelection();
    if (sel == wxNOT_FOUND || !IsOpen(row, col)) return false;
    const Publication& pub = publications_[static_cast<size_t>(sel)];
    BookDialog dlg(this, db_, pub, issues_[static_cast<size_t>(row)], columns_[static_cast<size_t>(col)].placement);
    if (dlg.ShowModal() != wxID_OK) return false;
    host_.DataChanged();
    Fill();
    if (dlg.booked()) host_.SetStatus(wxString::Format(_("Booking %lld made."), static_cast<long long>(*dlg.booked())));
    return true;
}

bool CalendarPanel::OpenCell(int row, int col) {
    if (!HasCell(row, col)) return false;
    const auto& cell = cells_[static_cast<size_t>(row)][static_cast<size_t>(col)];
    if (!cell) return false;
    ShowBookingDialog(this, db_, cell->booking.id);
    host_.DataChanged();
    Fill();
    return true;
}

void CalendarPanel::OnDoubleClick(wxGridEvent& e) { OpenCell(e.GetRow(), e.GetCol()); }

std::pair<int, int> CalendarPanel::CellAt(const wxPoint& window_pos) const {
    const wxPoint p = grid_->CalcUnscrolledPosition(window_pos);
    return {grid_->YToRow(p.y), grid_->XToCol(p.x)};
}

void CalendarPanel::OnMouseDown(wxMouseEvent& e) {
    // The grid does the rest (cursor, selection), hence Skip() throughout.
    e.Skip();
    press_ = {};
    const auto [r, c] = CellAt(e.GetPosition());
    if (!HasCell(r, c)) return;
    // Ctrl+click and Shift+click select (the grid's own selection).
    if (e.ControlDown() || e.ShiftDown()) return;
    const auto& cell = cells_[static_cast<size_t>(r)][static_cast<size_t>(c)];
    press_.row = r;
    press_.col = c;
    press_.at = e.GetPosition();
    press_.booking = cell.has_value() && !cell->hold_expired;
}

void CalendarPanel::OnMouseMove(wxMouseEvent& e) {
    const auto [r, c] = CellAt(e.GetPosition());
    if (press_.booking && e.Dragging() && e.LeftIsDown()) {
        // A press on a booking: the motion is the booking's, not a selection's.
        if (!press_.dragging) {
            const wxPoint d = e.GetPosition() - press_.at;
            const int sx = std::max(3, wxSystemSettings::GetMetric(wxSYS_DRAG_X, this));
            const int sy = std::max(3, wxSystemSettings::GetMetric(wxSYS_DRAG_Y, this));
            if (std::abs(d.x) < sx && std::abs(d.y) < sy) return;
            press_.dragging = true;
            wxWindow* w = grid_->GetGridWindow();
            w->UnsetToolTip();
            if (!w->HasCapture()) w->CaptureMouse();
            host_.SetStatus(_("Drop the booking on an open slot to move it; Escape or a drop elsewhere leaves it."));
        }
        const bool can_drop = IsOpen(r, c) && (r != press_.row || c != press_.col);
        grid_->GetGridWindow()->SetCursor(wxCursor(can_drop ? wxCURSOR_HAND : wxCURSOR_NO_ENTRY));
        return;
    }
    e.Skip();
    ShowTip(r, c);
}

void CalendarPanel::OnMouseUp(wxMouseEvent& e) {
    const Press press = press_;
    const auto [r, c] = CellAt(e.GetPosition());
    if (press.dragging) {
        EndDrag();
        // After the mouse event: the question is a modal dialog.
        if (HasCell(r, c) && (r != press.row || c != press.col))
            CallAfter([this, press, r, c] { MoveBooking(press.row, press.col, r, c); });
        else
            host_.SetStatus(wxString());
        return;
    }
    press_ = {};
    e.Skip();
    // A click (press and release on the same cell) books an empty slot (an
    // expired hold is opened by a double-click, so a click leaves it be).
    if (press.row >= 0 && r == press.row && c == press.col && HasCell(r, c) &&
        !cells_[static_cast<size_t>(r)][static_cast<size_t>(c)])
        CallAfter([this, r, c] { BookCell(r, c); });
}

void CalendarPanel::EndDrag() {
    wxWindow* w = grid_->GetGridWindow();
    if (press_.dragging) {
        if (w->HasCapture()) w->ReleaseMouse();
        w->SetCursor(wxNullCursor);
    }
    press_ = {};
}

void CalendarPanel::ShowTip(int r, int c) {
    // Hovering a booking tells its status, price and copy deadline.
    wxString tip;
    if (HasCell(r, c)) {
        if (const auto& cell = cells_[static_cast<size_t>(r)][static_cast<size_t>(c)]) {
            tip = wx(cell->sponsor_name) + wxS("\n") + state_label(slot_state(*cell));
            if (cell->booking.status == BookingStatus::Hold && cell->booking.hold_until)
                tip = wx(cell->sponsor_name) + wxS("\n") +
                      wxString::Format(_("%s until %s"), state_label(slot_state(*cell)),
                                       format_date(*cell->booking.hold_until));
            tip += wxS("\n") + wxString::Format(_("Price: %s    Copy due: %s"),
                                                format_money_ui(cell->booking.price, cell->currency),
                                                format_date(cell->copy_due));
            if (cell->copy_late) tip += wxS("\n") + _("Copy late");
        }
    }
    wxWindow* w = grid_->GetGridWindow();
    if (tip.empty())
        w->UnsetToolTip();
    else if (w->GetToolTipText() != tip)
        w->SetToolTip(tip);
}

std::vector<std::pair<int, int>> CalendarPanel::SelectedCells() const {
    std::vector<std::pair<int, int>> out;
    for (const wxGridBlockCoords& b : grid_->GetSelectedBlocks())
        for (int r = b.GetTopRow(); r <= b.GetBottomRow(); ++r)
            for (int c = b.GetLeftCol(); c <= b.GetRightCol(); ++c)
                if (HasCell(r, c)) out.emplace_back(r, c);
    if (out.empty()) {
        const int r = grid_->GetGridCursorRow(), c = grid_->GetGridCursorCol();
        if (HasCell(r, c)) out.emplace_back(r, c);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool CalendarPanel::BookSelection() {
    const int sel = publication_->GetSelection();
    if (sel == wxNOT_FOUND) return false;
    std::vector<std::pair<int, int>> open;
    for (const auto& [r, c] : SelectedCells())
        if (IsOpen(r, c)) open.emplace_back(r, c);
    if (open.empty()) {
        host_.SetStatus(_("No open slot is selected: click an open slot, or Ctrl+click several."));
        return false;
    }
    const Placement& pl = columns_[static_cast<size_t>(open.front().second)].placement;
    std::vector<Issue> issues;
    for (const auto& [r, c] : open) {
        if (columns_[static_cast<size_t>(c)].placement.id != pl.id) {
            wxMessageBox(_("The selected slots are in several placements: one booking over several issues is in "
                           "one placement. Select open slots of one placement, then book them."),
                         _("Book Selected Slots"), wxOK | wxICON_INFORMATION, this);
            return false;
        }
        const Issue& is = issues_[static_cast<size_t>(r)];
        if (std::none_of(issues.begin(), issues.end(), [&](const Issue& i) { return i.id == is.id; }))
            issues.push_back(is);
    }
    if (issues.size() == 1) return BookCell(open.front().first, open.front().second);
    MultiBookDialog dlg(this, db_, publications_[static_cast<size_t>(sel)], issues, pl);
    if (dlg.ShowModal() != wxID_OK) return false;
    host_.DataChanged();
    Fill();
    host_.SetStatus(wxString::Format(wxPLURAL("%zu booking made.", "%zu bookings made.", dlg.booked().size()),
                                     dlg.booked().size()));
    return true;
}

bool CalendarPanel::BookSeries() {
    const int sel = publication_->GetSelection();
    if (sel == wxNOT_FOUND) return false;
    const Month m{year_, month_};
    const Date today = Date::today();
    const Date from = today > m.first() && !(m.last() < today) ? today : m.first();
    std::optional<Id> placement;
    const int cr = grid_->GetGridCursorRow(), cc = grid_->GetGridCursorCol();
    if (HasCell(cr, cc)) placement = columns_[static_cast<size_t>(cc)].placement.id;
    MultiBookDialog dlg(this, db_, publications_[static_cast<size_t>(sel)], from, m.last(), placement);
    if (dlg.ShowModal() != wxID_OK) return false;
    host_.DataChanged();
    Fill();
    host_.SetStatus(wxString::Format(wxPLURAL("%zu booking made.", "%zu bookings made.", dlg.booked().size()),
                                     dlg.booked().size()));
    return true;
}

bool CalendarPanel::MoveBooking(int from_row, int from_col, int to_row, int to_col) {
    if (!HasCell(from_row, from_col) || !HasCell(to_row, to_col)) return false;
    const auto& source = cells_[static_cast<size_t>(from_row)][static_cast<size_t>(from_col)];
    if (!source) return false;
    const BookingView v = *source;
    if (!IsOpen(to_row, to_col)) {
        const auto& there = cells_[static_cast<size_t>(to_row)][static_cast<size_t>(to_col)];
        host_.SetStatus(wxString::Format(_("Not moved: that slot is taken by %s. Drop the booking on an open slot."),
                                         there ? wx(there->sponsor_name) : wxString()));
        return false;
    }
    const Issue to = issues_[static_cast<size_t>(to_row)];
    const Placement pl = columns_[static_cast<size_t>(to_col)].placement;
    if (to.id == v.booking.issue_id && pl.id == v.booking.placement_id) {
        host_.SetStatus(_("Not moved: the booking is already in this issue and placement."));
        return false;
    }
    wxString what = wxString::Format(_("Move the booking of %s from issue #%d of %s (%s) to issue #%d of %s (%s)?"),
                                     wx(v.sponsor_name), v.issue_number, format_date(v.issue_date),
                                     wx(v.placement_name), to.number, format_date(to.date), wx(pl.name));
    what += wxS("\n\n") + wxString::Format(_("Its price (%s), copy and status stay as they are; its old slot becomes "
                                             "free."),
                                           format_money_ui(v.booking.price, v.currency));
    wxMessageDialog ask(this, what, _("Move Booking"), wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Move"), _("&Leave It"));
    if (ask.ShowModal() != wxID_YES) {
        host_.SetStatus(wxString());
        return false;
    }
    MoveRequest r;
    r.issue = IssueId{to.id};
    r.placement = PlacementId{pl.id};
    try {
        BookingService(db_).move(v.id(), r);
    } catch (const CompetitorConflict& clash) {
        // The override is the user's call, as when booking.
        const wxString who = error_text(clash);
        const int answer =
            wxMessageBox(wxString::Format(_("A competitor is already booked in that issue:\n%s\n\nMove anyway?"), who),
                         _("Competitor in the Issue"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this);
        if (answer != wxYES) {
            host_.SetStatus(wxString::Format(_("Not moved: %s"), who));
            return false;
        }
        r.allow_competitor = true;
        try {
            BookingService(db_).move(v.id(), r);
        } catch (const std::exception& e2) {
            show_error(this, e2);
            return false;
        }
    } catch (const std::exception& e) {
        show_error(this, e);
        return false;
    }
    host_.DataChanged();
    Fill();
    // The cursor follows the booking to its new cell.
    for (size_t row = 0; row < cells_.size(); ++row)
        for (size_t col = 0; col < cells_[row].size(); ++col)
            if (cells_[row][col] && cells_[row][col]->booking.id == v.booking.id)
                grid_->SetGridCursor(static_cast<int>(row), static_cast<int>(col));
    host_.SetStatus(wxString::Format(_("Booking %lld moved to issue #%d of %s."), static_cast<long long>(v.booking.id),
                                     to.number, format_date(to.date)));
    return true;
}

void CalendarPanel::OnContext(wxGridEvent& e) {
    int r = e.GetRow(), c = e.GetCol();
    if (!HasCell(r, c)) return;
    // A right-click inside the selection keeps it (to book it); elsewhere it
    // moves the cursor there.
    const auto selected = SelectedCells();
    const bool in_selection = std::find(selected.begin(), selected.end(), std::pair{r, c}) != selected.end();
    size_t open = 0;
    if (in_selection)
        for (const auto& [sr, sc] : selected) open += IsOpen(sr, sc) ? 1 : 0;
    if (!in_selection || selected.size() < 2) {
        grid_->ClearSelection();
        grid_->SetGridCursor(r, c);
    }
    wxMenu menu;
    if (in_selection && open > 1)
        menu.Append(
            3, wxString::Format(wxPLURAL("&Book the %zu Selected Slot…", "&Book the %zu Selected Slots…", open), open));
    else
        menu.Append(1, _("&Book This Slot…"))->Enable(IsOpen(r, c));
    menu.Append(4, _("Book a Se&ries…"));
    menu.AppendSeparator();
    menu.Append(2, _("&Open Booking…"))->Enable(cells_[static_cast<size_t>(r)][static_cast<size_t>(c)].has_value());
    int id = GetPopupMenuSelectionFromUser(menu);
    if (id == 1)
        BookCell(r, c);
    else if (id == 2)
        OpenCell(r, c);
    else if (id == 3)
        BookSelection();
    else if (id == 4)
        BookSeries();
}

}  // namespace sponsordesk::gui

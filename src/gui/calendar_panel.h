#pragma once
// Calendar: the issues of a month down, the slots of each placement across,
// each cell coloured by the state of the booking that holds it. Open cells
// are booked one at a time (click) or several at once (a selection, or a
// weekday series); a booking is dragged onto an open cell to move it.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "view.h"

class wxChoice;
class wxGrid;
class wxGridEvent;
class wxMouseEvent;
class wxStaticText;

namespace sponsordesk::gui {

class CalendarTable;

class CalendarPanel : public View {
    friend class CalendarTable;

public:
    CalendarPanel(wxWindow* parent, Database& db, ViewHost& host);
    void Reload() override;

    void SetMonth(int year, int month);
    void ShiftMonth(int delta);
    int year() const { return year_; }
    int month() const { return month_; }
    bool SelectPublication(const std::string& slug);

    // What a cell holds: its issue, placement and slot, and the booking there.
    struct Column {
        Placement placement;
        int slot = 1;
    };
    wxGrid* grid() { return grid_; }
    int IssueRow(const Date& date) const;
    int SlotColumn(const std::string& placement_code, int slot) const;
    const Column& ColumnAt(int col) const { return columns_[static_cast<size_t>(col)]; }
    const std::optional<BookingView>& Cell(int row, int col) const { return cells_[row][col]; }
    // Whether (row, col) is a cell of the model: the grid may ask for others.
    bool HasCell(int row, int col) const;

    // Opens the booking dialog for an open cell; true when a booking was made.
    bool BookCell(int row, int col);
    bool OpenCell(int row, int col);
    // The cells of the grid's selection (the cursor's cell when nothing is
    // selected), row by row.
    std::vector<std::pair<int, int>> SelectedCells() const;
    // Books the open cells of the selection: one cell in the booking
    // dialog, several (of one placement) in the multi-issue booking dialog.
    // True when bookings were made.
    bool BookSelection();
    // The multi-issue booking dialog on a weekday series over a period (the
    // month shown, from today), in the placement of the cursor's cell.
    bool BookSeries();
    // Moves the booking of one cell to another cell, after asking: the drop
    // of a drag in the grid. A taken cell, or the core's refusal (shown in
    // words), changes nothing. True when the booking moved.
    bool MoveBooking(int from_row, int from_col, int to_row, int to_col);
    // Whether a drag of a booking is under way (for the cursor feedback).
    bool Dragging() const { return press_.dragging; }

private:
    void Fill();
    void OnDoubleClick(wxGridEvent& e);
    void OnContext(wxGridEvent& e);
    // The mouse on the grid's cells: a click books an open cell on release,
    // a press on a booking followed by a drag moves it.
    void OnMouseDown(wxMouseEvent& e);
    void OnMouseMove(wxMouseEvent& e);
    void OnMouseUp(wxMouseEvent& e);
    void EndDrag();
    std::pair<int, int> CellAt(const wxPoint& window_pos) const;
    void ShowTip(int row, int col);
    bool IsOpen(int row, int col) const;
    void FitColumns();
    wxString EmptyMessage(int publication) const;

    wxChoice* publication_ = nullptr;
    wxStaticText* month_label_ = nullptr;
    wxGrid* grid_ = nullptr;
    std::vector<Publication> publications_;
    std::vector<Issue> issues_;
    std::vector<Column> columns_;
    std::vector<std::vector<std::optional<BookingView>>> cells_;
    int year_ = 2026, month_ = 1;
    // The cell the left button went down on, and whether a drag began.
    struct Press {
        int row = -1, col = -1;
        wxPoint at;
        bool booking = false;  // a booking that may be dragged
        bool dragging = false;
    } press_;
};

}  // namespace sponsordesk::gui

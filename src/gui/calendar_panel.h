#pragma once
// Calendar: the issues of a month down, the slots of each placement across,
// each cell coloured by the state of the booking that holds it.
#include <optional>
#include <string>
#include <vector>

#include "view.h"

class wxChoice;
class wxGrid;
class wxGridEvent;
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
    const std::optional<BookingView>& Cell(int row, int col) const { return cells_[row][col]; }
    // Whether (row, col) is a cell of the model: the grid may ask for others.
    bool HasCell(int row, int col) const;

    // Opens the booking dialog for an open cell; true when a booking was made.
    bool BookCell(int row, int col);
    bool OpenCell(int row, int col);

private:
    void Fill();
    void OnClick(wxGridEvent& e);
    void OnDoubleClick(wxGridEvent& e);
    void OnContext(wxGridEvent& e);
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
};

}  // namespace sponsordesk::gui

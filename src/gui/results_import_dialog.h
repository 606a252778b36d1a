#pragma once
// File ▸ Import Campaign Results: a sending platform's CSV export (issue
// statistics, or link clicks) previewed before it is imported: the file as
// read (separator, header, first rows), the columns the import will read
// (each one changeable), and for clicks the booking each link goes to or
// why it goes to none. The preview is the core's dry run of the import
// (ResultsService::preview_*), so what it shows is what the import does.
#include <exception>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "sponsordesk/services/results_service.h"
#include "sponsordesk/storage/database.h"

class wxButton;
class wxChoice;
class wxFilePickerCtrl;
class wxListView;
class wxRadioButton;
class wxStaticText;

namespace sponsordesk::gui {

class ResultsImportDialog : public wxDialog {
public:
    enum class Kind { Stats, Clicks };
    static constexpr int kColumns = 4;

    ResultsImportDialog(wxWindow* parent, Database& db);

    // What a user does, for tests and screenshots: each refreshes the preview.
    bool SelectPublication(const std::string& slug);
    void SelectKind(Kind kind);
    void SelectFile(const wxString& path);
    // Picks the file's header `header` for column `column` (0 … kColumns-1,
    // in the order shown); "" leaves an optional column out.
    bool SelectColumn(int column, const wxString& header);
    // Runs the import (progress and Cancel shown); true when it went through.
    bool Import();

    Kind kind() const { return kind_; }
    bool imported() const { return imported_; }  // something was written
    wxListView* file_list() { return file_list_; }
    wxListView* match_list() { return match_list_; }
    wxStaticText* file_info() { return file_info_; }
    wxStaticText* message() { return message_; }
    wxStaticText* empty_state() { return empty_; }  // no publication, no booking
    wxChoice* column_choice(int column) { return columns_[static_cast<size_t>(column)]; }
    wxButton* import_button() { return import_; }
    // Every cell of a list, row by row, tab-separated: what the user reads.
    static wxString ListText(wxListView* list);

private:
    void UpdateKind();
    void RefreshPreview();  // the preview of the current choices
    void ShowFileRecords(const std::vector<std::string>& headers, const std::vector<CsvPreview::Row>& rows,
                         const std::vector<UsedColumn>& used);
    void ShowColumnChoices(const std::vector<std::string>& headers, const std::vector<UsedColumn>& used);
    void ShowClicksPreview(const ClicksPreview& p);
    void ShowStatsPreview(const StatsPreview& p);
    void EndPreview(const std::exception_ptr& error, const wxString& summary);
    void ShowError(const wxString& text);
    void ShowMessage(const wxString& text);
    void ShowClicksResult(const ClicksImportResult& r);
    void ShowStatsResult(const StatsImportResult& r);
    std::string Slug() const;
    std::optional<std::string> Named(int column) const;
    StatsImportRequest StatsRequest() const;
    ClicksImportRequest ClicksRequest() const;
    void FitMessage();

    Database& db_;
    std::vector<Publication> publications_;
    Kind kind_ = Kind::Clicks;
    wxChoice* publication_;
    wxRadioButton *stats_, *clicks_;
    wxFilePickerCtrl* file_;
    std::array<wxStaticText*, kColumns> column_labels_{};
    std::array<wxChoice*, kColumns> columns_{};
    // The user's choice per column: empty = the core's default search;
    // "" = not read; else the header.
    std::array<std::optional<std::string>, kColumns> named_{};
    std::vector<std::string> headers_;  // the headers the choices list
    wxStaticText *file_info_, *match_title_, *message_, *empty_;
    wxListView *file_list_, *match_list_;
    wxButton* import_;
    bool ready_ = false;  // the preview went through: Import may run
    bool imported_ = false;
};

// Shows the dialog; true when something was imported.
bool ShowResultsImportDialog(wxWindow* parent, Database& db);

}  // namespace sponsordesk::gui

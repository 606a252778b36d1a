#include "results_import_dialog.h"

#include <algorithm>
#include <exception>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/display.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/listctrl.h>
#include <wx/numformatter.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include "background.h"
#include "error_text.h"
#include "gui_util.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/csv_table.h"
#include "sponsordesk/services/progress.h"
#include "sponsordesk/storage/booking_repository.h"

namespace sponsordesk::gui {
namespace {

// The rows the preview details; the counts cover the whole file.
constexpr size_t kPreviewRows = 20;
// Above this size the preview runs off the UI thread behind a progress bar.
const wxULongLong kBigFile(4 * 1024 * 1024);

// The core's column names, in the order the dialog shows them.
constexpr const char* kStatsColumns[ResultsImportDialog::kColumns] = {"date", "audience", "opens", "clicks"};
constexpr const char* kClicksColumns[ResultsImportDialog::kColumns] = {"url", "clicks", "unique_clicks", "date"};

const char* ColumnName(ResultsImportDialog::Kind kind, int column) {
    return (kind == ResultsImportDialog::Kind::Stats ? kStatsColumns : kClicksColumns)[column];
}

// A file's first column is required in both kinds; a clicks file needs its clicks too.
bool Optional(ResultsImportDialog::Kind kind, int column) {
    return kind == ResultsImportDialog::Kind::Stats ? column > 0 : column > 1;
}

wxString ColumnLabel(ResultsImportDialog::Kind kind, int column) {
    const std::string name = ColumnName(kind, column);
    if (name == "date") return _("Send date:");
    if (name == "audience") return _("Audience:");
    if (name == "opens") return _("Opens:");
    if (name == "url") return _("Link:");
    if (name == "unique_clicks") return _("Unique clicks:");
    return _("Clicks:");
}

wxString Count(long long n) { return wxNumberFormatter::ToString(static_cast<long>(n)); }

wxString OptionalCount(const std::optional<std::int64_t>& n) { return n ? Count(*n) : wxString(wxS("—")); }

wxString SeparatorName(char c) {
    if (c == ';') return _("semicolon");
    if (c == '\t') return _("tab");
    return _("comma");
}

// Why a link goes to no booking, in the user's words.
wxString ReasonText(const std::string& reason) {
    if (reason == "not_a_link") return _("not a web link");
    if (reason == "no_utm") return _("no UTM tags (utm_source, utm_campaign, utm_content)");
    if (reason == "other_publication") return _("tagged for another publication (utm_source)");
    if (reason == "no_issue") return _("no issue of the publication on that date");
    if (reason == "date_mismatch") return _("the row's date is not the date of the tagged issue");
    if (reason == "no_placement") return _("no placement of the publication has that code (utm_content)");
    if (reason == "no_booking") return _("no booked slot in that placement of the issue");
    if (reason == "not_sponsor_link") return _("not a link of the sponsor booked there");
    if (reason == "ambiguous") return _("several bookings of the slot link to that site");
    return wx(reason);
}

void SetColumns(wxListView* list, const std::vector<std::pair<wxString, int>>& columns) {
    list->ClearAll();
    for (size_t i = 0; i < columns.size(); ++i)
        list->AppendColumn(columns[i].first, wxLIST_FORMAT_LEFT, list->FromDIP(columns[i].second));
}

long AddRow(wxListView* list, const std::vector<wxString>& cells) {
    const long row = list->InsertItem(list->GetItemCount(), cells.empty() ? wxString() : cells[0]);
    for (size_t c = 1; c < cells.size() && static_cast<int>(c) < list->GetColumnCount(); ++c)
        list->SetItem(row, static_cast<long>(c), cells[c]);
    return row;
}

const wxColour kUnmatched(176, 0, 32);

// Each column as wide as its title and cells, up to `cap` pixels (long links
// are cut there); the last one up to what it holds, so that a reason reads whole.
void FitColumns(wxListView* list, int cap) {
    const int columns = list->GetColumnCount();
    for (int c = 0; c < columns; ++c) {
        wxListItem head;
        head.SetMask(wxLIST_MASK_TEXT);
        list->GetColumn(c, head);
        int width = list->GetTextExtent(head.GetText()).x;
        for (long r = 0; r < list->GetItemCount() && r < 200; ++r)
            width = std::max(width, list->GetTextExtent(list->GetItemText(r, c)).x);
        width += list->FromDIP(20);
        list->SetColumnWidth(c, c + 1 < columns ? std::min(width, list->FromDIP(cap)) : width);
    }
}

}  // namespace

ResultsImportDialog::ResultsImportDialog(wxWindow* parent, Database& db)
    : wxDialog(parent, wxID_ANY, _("Import Campaign Results"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db) {
    SetName(wxS("ResultsImportDialog"));
    try {
        publications_ = CatalogService(db_).publications();
    } catch (const std::exception&) {
        // Shown as the empty state below.
    }

    empty_ = new wxStaticText(this, wxID_ANY, wxString());
    empty_->SetForegroundColour(kUnmatched);

    // Three rows of choices, so that the lists keep their room on a 1024×600 screen.
    auto* form = new wxFlexGridSizer(2, 6, 8);
    form->AddGrowableCol(1, 1);
    auto* first = new wxBoxSizer(wxHORIZONTAL);
    publication_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(200), -1));
    for (const auto& p : publications_) publication_->Append(wx(p.name));
    if (!publications_.empty()) publication_->SetSelection(0);
    clicks_ = new wxRadioButton(this, wxID_ANY, _("&Link clicks (a row per link)"), wxDefaultPosition, wxDefaultSize,
                                wxRB_GROUP);
    stats_ = new wxRadioButton(this, wxID_ANY, _("Issue &statistics (a row per issue)"));
    clicks_->SetValue(true);
    first->Add(publication_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 16);
    first->Add(clicks_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    first->Add(stats_, 0, wxALIGN_CENTER_VERTICAL);
    form->Add(new wxStaticText(this, wxID_ANY, _("Publication:")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(first, 0, wxEXPAND);
    file_ = new wxFilePickerCtrl(this, wxID_ANY, wxString(), _("Choose the CSV file"),
                                 _("CSV files (*.csv)|*.csv;*.CSV;*.txt|All files|*"), wxDefaultPosition, wxDefaultSize,
                                 wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    form->Add(new wxStaticText(this, wxID_ANY, _("CSV file:")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(file_, 0, wxEXPAND);

    auto* cols = new wxFlexGridSizer(1, kColumns * 2, 4, 6);
    for (int c = 0; c < kColumns; ++c) {
        column_labels_[static_cast<size_t>(c)] = new wxStaticText(this, wxID_ANY, wxString());
        columns_[static_cast<size_t>(c)] = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(120), -1));
        columns_[static_cast<size_t>(c)]->SetToolTip(
            _("The column of the file read for this figure: found by its "
              "header, change it if needed."));
        cols->Add(column_labels_[static_cast<size_t>(c)], 0, wxALIGN_CENTER_VERTICAL | wxLEFT, c ? 8 : 0);
        cols->Add(columns_[static_cast<size_t>(c)], 1, wxEXPAND);
        columns_[static_cast<size_t>(c)]->Bind(wxEVT_CHOICE, [this, c](wxCommandEvent&) {
            const int sel = columns_[static_cast<size_t>(c)]->GetSelection();
            const int offset = Optional(kind_, c) ? 1 : 0;
            if (sel == wxNOT_FOUND) return;
            if (offset && sel == 0)
                named_[static_cast<size_t>(c)] = std::string();
            else if (static_cast<size_t>(sel - offset) < headers_.size())
                named_[static_cast<size_t>(c)] = headers_[static_cast<size_t>(sel - offset)];
            RefreshPreview();
        });
    }
    for (int c = 0; c < kColumns; ++c) cols->AddGrowableCol(static_cast<size_t>(c * 2 + 1), 1);
    form->Add(new wxStaticText(this, wxID_ANY, _("Columns:")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(cols, 0, wxEXPAND);

    file_info_ = new wxStaticText(this, wxID_ANY, wxString());
    file_list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(70)),
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    match_title_ = new wxStaticText(this, wxID_ANY, wxString());
    match_list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(90)),
                                 wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    message_ = new wxStaticText(this, wxID_ANY, wxString());

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    import_ = new wxButton(this, wxID_ANY, _("&Import"));
    import_->SetDefault();
    buttons->AddStretchSpacer();
    buttons->Add(import_, 0, wxRIGHT, 8);
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Close")), 0);
    SetEscapeId(wxID_CANCEL);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(empty_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    top->Add(form, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    top->Add(file_info_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    top->Add(file_list_, 2, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    top->Add(match_title_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    top->Add(match_list_, 3, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    top->Add(message_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    top->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizer(top);

    // Fits a 1024×600 screen: the lists give way, the buttons stay visible.
    SetMinSize(FromDIP(wxSize(640, 420)));
    const int display = wxDisplay::GetFromWindow(parent ? parent : this);
    const wxRect area = wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    wxSize size = FromDIP(wxSize(960, 680));
    size.x = std::min(size.x, area.width);
    size.y = std::min(size.y, area.height);
    SetSize(size);
    CentreOnParent();

    publication_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { RefreshPreview(); });
    auto kind_changed = [this](wxCommandEvent&) {
        kind_ = stats_->GetValue() ? Kind::Stats : Kind::Clicks;
        UpdateKind();
    };
    clicks_->Bind(wxEVT_RADIOBUTTON, kind_changed);
    stats_->Bind(wxEVT_RADIOBUTTON, kind_changed);
    file_->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent&) {
        named_ = {};  // another file: its own headers
        RefreshPreview();
    });
    import_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Import(); });

    if (publications_.empty()) {
        empty_->SetLabel(
            _("No publication yet: create one (Publication ▸ New Publication…), then import its "
              "results."));
        for (wxWindow* w : std::initializer_list<wxWindow*>{publication_, clicks_, stats_, file_}) w->Disable();
    }
    UpdateKind();
}

bool ResultsImportDialog::SelectPublication(const std::string& slug) {
    for (size_t i = 0; i < publications_.size(); ++i)
        if (publications_[i].slug == slug) {
            publication_->SetSelection(static_cast<int>(i));
            RefreshPreview();
            return true;
        }
    return false;
}

void ResultsImportDialog::SelectKind(Kind kind) {
    (kind == Kind::Stats ? stats_ : clicks_)->SetValue(true);
    kind_ = kind;
    UpdateKind();
}

void ResultsImportDialog::SelectFile(const wxString& path) {
    file_->SetPath(path);
    named_ = {};
    RefreshPreview();
}

bool ResultsImportDialog::SelectColumn(int column, const wxString& header) {
    if (column < 0 || column >= kColumns) return false;
    if (header.empty()) {
        if (!Optional(kind_, column)) return false;
        named_[static_cast<size_t>(column)] = std::string();
    } else {
        if (std::find(headers_.begin(), headers_.end(), utf8(header)) == headers_.end()) return false;
        named_[static_cast<size_t>(column)] = utf8(header);
    }
    RefreshPreview();
    return true;
}

void ResultsImportDialog::UpdateKind() {
    for (int c = 0; c < kColumns; ++c) column_labels_[static_cast<size_t>(c)]->SetLabel(ColumnLabel(kind_, c));
    named_ = {};  // the columns of the other kind are other columns
    RefreshPreview();
}

std::string ResultsImportDialog::Slug() const {
    const int sel = publication_->GetSelection();
    if (sel == wxNOT_FOUND || static_cast<size_t>(sel) >= publications_.size()) return {};
    return publications_[static_cast<size_t>(sel)].slug;
}

std::optional<std::string> ResultsImportDialog::Named(int column) const { return named_[static_cast<size_t>(column)]; }

StatsImportRequest ResultsImportDialog::StatsRequest() const {
    return {Slug(), utf8(file_->GetPath()), Named(0), Named(1), Named(2), Named(3)};
}

ClicksImportRequest ResultsImportDialog::ClicksRequest() const {
    return {Slug(), utf8(file_->GetPath()), Named(0), Named(1), Named(2), Named(3)};
}

void ResultsImportDialog::FitMessage() {
    message_->Wrap(std::max(300, GetClientSize().x - FromDIP(24)));
    Layout();
}

void ResultsImportDialog::ShowError(const wxString& text) {
    message_->SetForegroundColour(kUnmatched);
    message_->SetLabel(text);
    FitMessage();
}

void ResultsImportDialog::ShowMessage(const wxString& text) {
    message_->SetForegroundColour(GetForegroundColour());
    message_->SetLabel(text);
    FitMessage();
}

void ResultsImportDialog::RefreshPreview() {
    ready_ = false;
    import_->Disable();
    file_list_->ClearAll();
    match_list_->ClearAll();
    file_info_->SetLabel(wxString());
    match_title_->SetLabel(wxString());
    const std::string slug = Slug();
    const wxString path = file_->GetPath();
    if (slug.empty()) {
        ShowColumnChoices({}, {});
        ShowMessage(wxString());
        return;
    }
    // A publication without bookings: every link would be unmatched. Said, not refused.
    try {
        BookingFilter f;
        f.today = Date::today();
        f.publication_id = publications_[static_cast<size_t>(publication_->GetSelection())].id;
        const bool none = BookingRepository(db_).count(f) == 0;
        empty_->SetLabel(kind_ == Kind::Clicks && none
                             ? _("This publication has no booking yet: no link can go to a booking, every link "
                                 "will be listed as unmatched.")
                             : wxString());
    } catch (const std::exception& e) {
        empty_->SetLabel(error_text(e));
    }
    empty_->Show(!empty_->GetLabel().empty());
    if (path.empty() || !wxFileName::FileExists(path)) {
        ShowColumnChoices({}, {});
        ShowMessage(_("Choose the CSV file your sending platform exported: the preview shows what will be imported."));
        Layout();
        return;
    }

    const Kind kind = kind_;
    const StatsImportRequest sreq = StatsRequest();
    const ClicksImportRequest creq = ClicksRequest();
    std::optional<StatsPreview> stats;
    std::optional<ClicksPreview> clicks;
    auto preview = [&](Database& db, const Progress& progress) {
        ResultsService results(db);
        if (kind == Kind::Stats)
            stats = results.preview_stats(sreq, kPreviewRows, progress);
        else
            clicks = results.preview_clicks(creq, kPreviewRows, progress);
    };
    wxString error;
    std::optional<std::vector<std::string>> error_headers;
    if (wxFileName::GetSize(path) > kBigFile) {
        const std::string db_path = db_.reopen_location();
        bool cancelled = false;
        std::vector<std::string> headers;
        bool column_error = false;
        error = RunWithProgress(
            this, _("Import Campaign Results"), _("Reading the file for the preview…"),
            [&](const WorkerControl& control) {
                Progress p;
                p.cancel = control.cancel;
                p.report = control.report;
                Database db(db_path);
                try {
                    preview(db, p);
                } catch (const Error& e) {
                    if (e.code() == ErrorCode::ColumnNotFound) {
                        column_error = true;
                        headers = e.list("headers");
                    }
                    throw;
                }
            },
            &cancelled);
        if (cancelled) error = _("Preview cancelled: choose the file again to see it.");
        if (column_error) error_headers = headers;
    } else {
        wxBusyCursor busy;
        try {
            preview(db_, Progress{});
        } catch (const Error& e) {
            error = error_text(e);
            if (e.code() == ErrorCode::ColumnNotFound) error_headers = e.list("headers");
        } catch (const std::exception& e) {
            error = error_text(e);
        }
    }

    if (!error.empty()) {
        // The file as it reads, so that the right columns can be picked.
        std::vector<std::string> headers = error_headers.value_or(std::vector<std::string>{});
        try {
            const CsvRecords csv = read_csv_records(utf8(path));
            std::vector<CsvPreview::Row> rows;
            for (size_t r = 1; r < csv.records.size() && rows.size() < kPreviewRows; ++r)
                rows.push_back({csv.lines[r], csv.records[r]});
            ShowFileRecords(csv.records.front(), rows, {});
            file_info_->SetLabel(wxString::Format(_("Separator: %s."), SeparatorName(csv.separator)));
            if (!error_headers) headers = csv.records.front();
        } catch (const std::exception&) {
            // The error above says why the file cannot be read.
        }
        ShowColumnChoices(headers, {});
        if (error_headers) error += wxS(" ") + _("Choose the columns above.");
        ShowError(error);
        return;
    }
    if (stats)
        ShowStatsPreview(*stats);
    else if (clicks)
        ShowClicksPreview(*clicks);
}

void ResultsImportDialog::ShowColumnChoices(const std::vector<std::string>& headers,
                                            const std::vector<UsedColumn>& used) {
    headers_ = headers;
    for (int c = 0; c < kColumns; ++c) {
        wxChoice* choice = columns_[static_cast<size_t>(c)];
        choice->Clear();
        const bool optional = Optional(kind_, c);
        if (optional) choice->Append(_("(not read)"));
        for (const auto& h : headers) choice->Append(wx(h));
        // The column the core read; else the user's choice; else nothing.
        std::optional<std::string> shown;
        for (const auto& u : used)
            if (u.column == ColumnName(kind_, c)) shown = u.header;
        if (!shown && !used.empty()) shown = std::string();  // read: not this one
        if (!shown) shown = named_[static_cast<size_t>(c)];
        int sel = optional && (!shown || shown->empty()) ? 0 : wxNOT_FOUND;
        if (shown && !shown->empty())
            for (size_t i = 0; i < headers.size(); ++i)
                if (headers[i] == *shown) sel = static_cast<int>(i) + (optional ? 1 : 0);
        choice->SetSelection(sel);
        choice->Enable(!headers.empty());
    }
}

void ResultsImportDialog::ShowFileRecords(const std::vector<std::string>& headers,
                                          const std::vector<CsvPreview::Row>& rows,
                                          const std::vector<UsedColumn>& used) {
    std::vector<std::pair<wxString, int>> columns = {{_("Line"), 50}};
    for (const auto& h : headers) {
        wxString title = wx(h);
        for (const auto& u : used)
            if (u.header == h)
                for (int c = 0; c < kColumns; ++c)
                    if (u.column == ColumnName(kind_, c))
                        title += wxS(" → ") + ColumnLabel(kind_, c).BeforeLast(':').Trim();
        columns.push_back({title, h.size() > 30 ? 320 : 140});
    }
    SetColumns(file_list_, columns);
    for (const auto& r : rows) {
        std::vector<wxString> cells = {Count(r.line)};
        for (const auto& cell : r.cells) cells.push_back(wx(cell));
        AddRow(file_list_, cells);
    }
    FitColumns(file_list_, 300);
}

void ResultsImportDialog::ShowClicksPreview(const ClicksPreview& p) {
    ShowColumnChoices(p.file.headers, p.result.columns);
    ShowFileRecords(p.file.headers, p.file.rows, p.result.columns);
    file_info_->SetLabel(wxString::Format(_("Separator: %s. Header on line %d. First rows of the file:"),
                                          SeparatorName(p.file.separator), p.file.header_line));
    match_title_->SetLabel(_("Where the first links go:"));
    SetColumns(match_list_, {{_("Line"), 50}, {_("Link"), 380}, {_("Clicks"), 70}, {_("Goes to"), 400}});
    for (const auto& r : p.rows) {
        wxString to;
        if (r.booking_id)
            // TRANSLATORS: the booking a link goes to: sponsor — issue date, placement.
            to = wxString::Format(_("%s — %s, %s"), wx(r.sponsor), format_date(r.issue_date), wx(r.placement_name));
        else
            to = wxString::Format(_("no booking: %s"), ReasonText(r.reason));
        const long row = AddRow(match_list_, {Count(r.line), wx(r.url), Count(r.clicks), to});
        if (!r.booking_id) match_list_->SetItemTextColour(row, kUnmatched);
    }
    FitColumns(match_list_, 260);
    const long long rows = p.result.rows, matched = p.result.matched,
                    unmatched = static_cast<long long>(p.result.unmatched.size());
    wxString summary = wxString::Format(
        // TRANSLATORS: "In the whole file: 6 link rows; 4 go to bookings, 2 match none."
        _("In the whole file: %s; %s, %s."),
        wxString::Format(wxPLURAL("%s link row", "%s link rows", rows), Count(rows)),
        wxString::Format(wxPLURAL("%s goes to a booking", "%s go to bookings", matched), Count(matched)),
        wxString::Format(wxPLURAL("%s matches none", "%s match none", unmatched), Count(unmatched)));
    EndPreview(p.error, summary);
}

// The preview's last word: the row error that blocks the import, or the
// summary and Import enabled.
void ResultsImportDialog::EndPreview(const std::exception_ptr& error, const wxString& summary) {
    if (error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            ShowError(error_text(e) + wxS(" ") + _("Nothing can be imported until the file is corrected."));
        }
        return;
    }
    ShowMessage(summary + wxS(" ") + _("Nothing is written before Import."));
    ready_ = true;
    import_->Enable();
}

void ResultsImportDialog::ShowStatsPreview(const StatsPreview& p) {
    ShowColumnChoices(p.file.headers, p.result.columns);
    ShowFileRecords(p.file.headers, p.file.rows, p.result.columns);
    file_info_->SetLabel(wxString::Format(_("Separator: %s. Header on line %d. First rows of the file:"),
                                          SeparatorName(p.file.separator), p.file.header_line));
    match_title_->SetLabel(_("The issues the first rows update:"));
    SetColumns(match_list_, {{_("Line"), 50},
                             {_("Send date"), 110},
                             {_("Audience"), 100},
                             {_("Opens"), 100},
                             {_("Clicks"), 100},
                             {_("Issue"), 360}});
    for (const auto& r : p.rows) {
        const wxString issue = r.issue ? wxString::Format(_("issue of %s"), format_date(r.date))
                                       : wxString::Format(_("not imported: %s"), ReasonText("no_issue"));
        const long row = AddRow(match_list_, {Count(r.line), format_date(r.date), OptionalCount(r.audience),
                                              OptionalCount(r.opens), OptionalCount(r.clicks), issue});
        if (!r.issue) match_list_->SetItemTextColour(row, kUnmatched);
    }
    FitColumns(match_list_, 260);
    const long long rows = p.result.rows, issues = p.result.issues,
                    skipped = static_cast<long long>(p.result.skipped.size());
    wxString summary = wxString::Format(
        // TRANSLATORS: "In the whole file: 3 issue rows; 2 issues updated, 1 date without an issue."
        _("In the whole file: %s; %s, %s."),
        wxString::Format(wxPLURAL("%s issue row", "%s issue rows", rows), Count(rows)),
        wxString::Format(wxPLURAL("%s issue to update", "%s issues to update", issues), Count(issues)),
        wxString::Format(wxPLURAL("%s date without an issue", "%s dates without an issue", skipped), Count(skipped)));
    EndPreview(p.error, summary);
}

bool ResultsImportDialog::Import() {
    if (!ready_) return false;
    const std::string db_path = db_.reopen_location();
    const Kind kind = kind_;
    const StatsImportRequest sreq = StatsRequest();
    const ClicksImportRequest creq = ClicksRequest();
    std::optional<StatsImportResult> stats;
    std::optional<ClicksImportResult> clicks;
    bool cancelled = false;
    const wxString error = RunWithProgress(
        this, _("Import Campaign Results"), _("Importing the file…"),
        [&](const WorkerControl& control) {
            Progress p;
            p.cancel = control.cancel;
            p.report = control.report;
            // The worker's own connection: a SQLite handle is not shared across threads.
            Database db(db_path);
            ResultsService results(db);
            if (kind == Kind::Stats)
                stats = results.import_stats(sreq, p);
            else
                clicks = results.import_clicks(creq, p);
        },
        &cancelled);
    if (cancelled) {
        ShowMessage(_("Import cancelled: nothing was written."));
        return false;
    }
    if (!error.empty()) {
        ShowError(error);
        return false;
    }
    imported_ = true;
    if (stats) ShowStatsResult(*stats);
    if (clicks) ShowClicksResult(*clicks);
    return true;
}

void ResultsImportDialog::ShowClicksResult(const ClicksImportResult& r) {
    const long long rows = r.rows, matched = r.matched, links = r.links,
                    unmatched = static_cast<long long>(r.unmatched.size());
    ShowMessage(wxString::Format(
        // TRANSLATORS: "Imported: 6 link rows read, 4 matched to bookings (3 links stored), 2 unmatched."
        _("Imported: %s, %s (%s), %s."),
        wxString::Format(wxPLURAL("%s link row read", "%s link rows read", rows), Count(rows)),
        wxString::Format(wxPLURAL("%s matched to a booking", "%s matched to bookings", matched), Count(matched)),
        wxString::Format(wxPLURAL("%s link stored", "%s links stored", links), Count(links)),
        wxString::Format(wxPLURAL("%s unmatched", "%s unmatched", unmatched), Count(unmatched))));
    match_title_->SetLabel(r.unmatched.empty() ? _("Every link went to a booking.")
                                               : _("Links that match no booking (not imported):"));
    SetColumns(match_list_, {{_("Line"), 50}, {_("Link"), 420}, {_("Why"), 420}});
    for (const auto& u : r.unmatched) {
        const long row = AddRow(match_list_, {Count(u.line), wx(u.value), ReasonText(u.reason)});
        match_list_->SetItemTextColour(row, kUnmatched);
    }
    FitColumns(match_list_, 420);
    Layout();
}

void ResultsImportDialog::ShowStatsResult(const StatsImportResult& r) {
    const long long rows = r.rows, issues = r.issues, skipped = static_cast<long long>(r.skipped.size());
    ShowMessage(wxString::Format(
        // TRANSLATORS: "Imported: 3 issue rows read, 2 issues updated, 1 date without an issue."
        _("Imported: %s, %s, %s."),
        wxString::Format(wxPLURAL("%s issue row read", "%s issue rows read", rows), Count(rows)),
        wxString::Format(wxPLURAL("%s issue updated", "%s issues updated", issues), Count(issues)),
        wxString::Format(wxPLURAL("%s date without an issue", "%s dates without an issue", skipped), Count(skipped))));
    match_title_->SetLabel(r.skipped.empty() ? _("Every date went to an issue.")
                                             : _("Dates with no issue of the publication (not imported):"));
    SetColumns(match_list_, {{_("Line"), 50}, {_("Send date"), 120}, {_("Why"), 420}});
    for (const auto& s : r.skipped) {
        wxString date = wx(s.value);
        try {
            date = format_date(Date::parse(s.value));
        } catch (const std::exception&) {
        }
        const long row = AddRow(match_list_, {Count(s.line), date, ReasonText(s.reason)});
        match_list_->SetItemTextColour(row, kUnmatched);
    }
    FitColumns(match_list_, 420);
    Layout();
}

wxString ResultsImportDialog::ListText(wxListView* list) {
    wxString out;
    for (long r = 0; r < list->GetItemCount(); ++r) {
        for (int c = 0; c < list->GetColumnCount(); ++c) out += (c ? wxS("\t") : wxString()) + list->GetItemText(r, c);
        out += wxS("\n");
    }
    return out;
}

bool ShowResultsImportDialog(wxWindow* parent, Database& db) {
    ResultsImportDialog dlg(parent, db);
    dlg.ShowModal();
    return dlg.imported();
}

}  // namespace sponsordesk::gui

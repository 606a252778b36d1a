#pragma once
// Issue draft: Markdown editor beside the rendered preview (sponsor copy
// inserted), word count, reading time, clickable warnings, copy to clipboard.
#include <string>
#include <vector>

#include <wx/timer.h>

#include "view.h"

class wxChoice;
class wxHtmlWindow;
class wxListBox;
class wxSplitterWindow;
class wxStaticText;
class wxStyledTextCtrl;

namespace sponsordesk::gui {

class DraftPanel : public View {
public:
    DraftPanel(wxWindow* parent, Database& db, ViewHost& host);
    void Reload() override;
    void SaveState() override;

    bool SelectIssue(const std::string& slug, const Date& date);
    bool Save();
    void RenderNow();
    bool CopyAs(int format);  // DraftFormat as int
    wxStyledTextCtrl* editor() { return editor_; }
    wxListBox* warnings() { return warnings_; }
    wxStaticText* stats() { return stats_; }

private:
    void FillIssues();
    void LoadIssue();
    void JumpToWarning(int index);

    wxChoice *publication_, *issue_;
    wxSplitterWindow* splitter_;
    wxStyledTextCtrl* editor_;
    wxHtmlWindow* preview_;
    wxListBox* warnings_;
    wxStaticText* stats_;
    wxTimer timer_;
    std::vector<Publication> publications_;
    std::vector<Issue> issues_;
    std::vector<int> warning_lines_;
    bool loading_ = false;
    bool sash_placed_ = false;
};

}  // namespace sponsordesk::gui

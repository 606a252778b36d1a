#pragma once
// Issue draft: Markdown editor beside the rendered preview (sponsor copy
// inserted), word count, reading time, clickable warnings, copy to clipboard.
#include <optional>
#include <string>
#include <vector>

#include <wx/timer.h>

#include "draft_recovery.h"
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

    bool CanLeave() override;
    bool SaveChanges() override { return Save(); }

    // False when the user kept unsaved changes of the current issue (Cancel).
    bool SelectIssue(const std::string& slug, const Date& date);
    bool Save();
    // The editor holds text not yet saved.
    bool IsDirty() const;
    void RenderNow();
    // Copies the issue; when it has warnings, asks first (false if declined).
    bool CopyAs(int format);  // DraftFormat as int
    // Writes the recovery copy now (the idle timer does it by itself).
    void WriteRecovery();
    std::string RecoveryPath() const;
    wxStyledTextCtrl* editor() { return editor_; }
    wxListBox* warnings() { return warnings_; }
    wxStaticText* stats() { return stats_; }
    wxChoice* issue_choice() { return issue_; }
    wxHtmlWindow* preview() { return preview_; }
    bool RenderPending() const { return timer_.IsRunning(); }

private:
    void FillIssues();
    void LoadIssue();
    void JumpToWarning(int index);
    void OfferRecovery();
    void DiscardChanges();
    std::optional<DraftRecovery> Recovery() const;

    wxChoice *publication_, *issue_;
    wxSplitterWindow* splitter_;
    wxStyledTextCtrl* editor_;
    wxHtmlWindow* preview_;
    wxListBox* warnings_;
    wxStaticText* stats_;
    wxTimer timer_;
    wxTimer recovery_timer_;
    std::vector<Publication> publications_;
    std::vector<Issue> issues_;
    std::vector<int> warning_lines_;
    bool loading_ = false;
    bool saved_status_ = false;
    bool reloading_unsaved_ = false;  // the status bar says "Draft saved"
    // The publication and issue whose draft is in the editor.
    int loaded_publication_ = wxNOT_FOUND;
    int loaded_issue_ = wxNOT_FOUND;
    bool sash_placed_ = false;
};

}  // namespace sponsordesk::gui

#pragma once
// Reports: the monthly or billing workbook, or a sponsor's campaign report
// (PDF and/or workbook), written off the UI thread with a progress bar and a
// cancel button; the file opens when done.
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "view.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxDatePickerCtrl;
class wxFilePickerCtrl;
class wxGauge;
class wxRadioButton;
class wxSpinCtrl;
class wxStaticText;

namespace sponsordesk::gui {

class ReportsPanel : public View {
public:
    ReportsPanel(wxWindow* parent, Database& db, ViewHost& host);
    ~ReportsPanel() override;
    void Reload() override;

    // Starts the export; the result arrives on the UI thread.
    void Start();
    void Cancel();
    bool running() const { return worker_.joinable(); }
    wxString last_file() const { return last_file_; }
    wxString last_message() const;
    void SetMonthly(int year, int month, const wxString& path);
    void SetBilling(const Date& from, const Date& to, const wxString& path);
    // The campaign report of a sponsor (by name); the PDF is `path` with the
    // extension .pdf, the workbook the same name with .xlsx. False when no
    // such sponsor is listed.
    bool SetCampaign(const std::string& sponsor, const Date& from, const Date& to, const wxString& path, bool pdf,
                     bool xlsx);
    // The files the last export wrote (both documents of a campaign report).
    std::vector<wxString> last_files() const { return last_files_; }
    bool open_when_done = true;

private:
    void UpdateMode();
    void Finish(bool ok, const wxString& message, const std::vector<wxString>& files);
    wxString DefaultPath() const;

    wxRadioButton *monthly_, *billing_, *campaign_;
    wxChoice *month_, *publication_, *sponsor_;
    wxCheckBox *pdf_, *xlsx_;
    wxSpinCtrl* year_;
    wxDatePickerCtrl *from_, *to_;
    wxFilePickerCtrl* path_;
    wxButton *export_, *cancel_, *open_;
    wxGauge* gauge_;
    wxStaticText* result_;
    std::vector<Publication> publications_;
    std::vector<Sponsor> sponsors_;
    std::vector<wxString> last_files_;
    std::thread worker_;
    std::shared_ptr<std::atomic<bool>> cancel_flag_;
    wxString last_file_;
};

}  // namespace sponsordesk::gui

// wx/stc/stc.h declares default arguments with narrow literals, which
// wxNO_IMPLICIT_WXSTRING_ENCODING refuses: this file alone builds without it
// (it still converts every string explicitly).
#undef wxNO_IMPLICIT_WXSTRING_ENCODING
#include "draft_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/clipbrd.h>
#include <wx/html/htmlwin.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>
#include <wx/utils.h>

#include "draft_warning_text.h"
#include "error_text.h"
#include "gui_util.h"
#include "settings.h"
#include "sponsordesk/drafts/issue_formats.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/draft_service.h"
#include "sponsordesk/services/issue_service.h"

namespace sponsordesk::gui {
namespace {

constexpr int kRenderDelayMs = 300;
// The recovery copy is written after this much idle time following a change.
constexpr int kRecoveryDelayMs = 3000;

void StyleMarkdown(wxStyledTextCtrl* e) {
    e->SetLexer(wxSTC_LEX_MARKDOWN);
    wxFont mono(wxFontInfo(11).Family(wxFONTFAMILY_TELETYPE));
    e->StyleSetFont(wxSTC_STYLE_DEFAULT, mono);
    e->StyleClearAll();
    e->StyleSetForeground(wxSTC_MARKDOWN_HEADER1, wxColour(21, 101, 192));
    e->StyleSetBold(wxSTC_MARKDOWN_HEADER1, true);
    e->StyleSetForeground(wxSTC_MARKDOWN_HEADER2, wxColour(21, 101, 192));
    e->StyleSetBold(wxSTC_MARKDOWN_HEADER2, true);
    e->StyleSetForeground(wxSTC_MARKDOWN_HEADER3, wxColour(21, 101, 192));
    e->StyleSetBold(wxSTC_MARKDOWN_STRONG1, true);
    e->StyleSetBold(wxSTC_MARKDOWN_STRONG2, true);
    e->StyleSetItalic(wxSTC_MARKDOWN_EM1, true);
    e->StyleSetItalic(wxSTC_MARKDOWN_EM2, true);
    e->StyleSetForeground(wxSTC_MARKDOWN_LINK, wxColour(0, 105, 92));
    e->StyleSetForeground(wxSTC_MARKDOWN_CODE, wxColour(120, 60, 0));
    e->StyleSetForeground(wxSTC_MARKDOWN_ULIST_ITEM, wxColour(123, 31, 162));
    e->SetWrapMode(wxSTC_WRAP_WORD);
    e->SetMarginType(0, wxSTC_MARGIN_NUMBER);
    e->SetMarginWidth(0, e->TextWidth(wxSTC_STYLE_LINENUMBER, wxS("_9999")));
    e->SetMarginWidth(1, 0);
    e->MarkerDefine(0, wxSTC_MARK_BACKGROUND, wxNullColour, wxColour(255, 243, 205));
    e->SetCaretLineVisible(true);
    e->SetCaretLineBackground(wxColour(245, 247, 250));
}

wxString PreviewPage(const std::string& body) {
    return wxS("<html><body><font face=\"sans\">") + wx(body) + wxS("</font></body></html>");
}

}  // namespace

DraftPanel::DraftPanel(wxWindow* parent, Database& db, ViewHost& host)
    : View(parent, db, host), timer_(this), recovery_timer_(this) {
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Publication:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    publication_ = new wxChoice(this, wxID_ANY);
    publication_->SetMinSize(wxSize(180, -1));
    bar->Add(publication_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 16);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Issue:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    issue_ = new wxChoice(this, wxID_ANY);
    issue_->SetMinSize(wxSize(240, -1));
    bar->Add(issue_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 16);
    bar->AddStretchSpacer();
    auto* revisions = new wxButton(this, wxID_ANY, _("Revisions…"));
    revisions->SetToolTip(_("Load an earlier saved version into the editor; Save Draft makes it current again."));
    bar->Add(revisions, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    auto* copy = new wxButton(this, wxID_COPY, _("Copy As…"));
    auto* save = new wxButton(this, wxID_SAVE, _("&Save Draft"));
    enable_for(save, true, Capability::Edit);
    bar->Add(copy, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    bar->Add(save, 0, wxALIGN_CENTER_VERTICAL);

    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    splitter_->SetMinimumPaneSize(250);
    editor_ = new wxStyledTextCtrl(splitter_, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, wxS("draft"));
    StyleMarkdown(editor_);
    preview_ =
        new wxHtmlWindow(splitter_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    preview_->SetBorders(16);
    splitter_->SplitVertically(editor_, preview_);
    splitter_->SetSashGravity(0.5);
    // The remembered sash applies once the splitter has its real width.
    splitter_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        const int width = e.GetSize().x;
        if (sash_placed_ || width < 600) return;
        sash_placed_ = true;
        const int pos = Settings::SplitterPosition(wxS("Draft"), width / 2);
        CallAfter([this, pos] { splitter_->SetSashPosition(pos); });
    });

    stats_ = new wxStaticText(this, wxID_ANY, wxString());
    stats_->SetFont(stats_->GetFont().Bold());
    warnings_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 90));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(bar, 0, wxEXPAND | wxALL, 8);
    top->Add(splitter_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    top->Add(MakeEmptyState(this, splitter_), 1, wxEXPAND | wxALL, 40);
    top->Add(stats_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    top->Add(new wxStaticText(this, wxID_ANY, _("Warnings (double-click to go to the line):")), 0,
             wxLEFT | wxRIGHT | wxTOP, 8);
    top->Add(warnings_, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);

    // Leaving an issue with unsaved text asks first; Cancel puts the choice back.
    publication_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (!CanLeave()) {
            publication_->SetSelection(loaded_publication_);
            return;
        }
        FillIssues();
    });
    issue_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (!CanLeave()) {
            issue_->SetSelection(loaded_issue_);
            return;
        }
        LoadIssue();
    });
    editor_->Bind(wxEVT_STC_CHANGE, [this](wxStyledTextEvent&) {
        if (loading_) return;
        timer_.StartOnce(kRenderDelayMs);
        recovery_timer_.StartOnce(kRecoveryDelayMs);
        if (saved_status_) {
            saved_status_ = false;
            host_.SetStatus(wxString());
        }
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent& e) {
        if (e.GetTimer().GetId() == recovery_timer_.GetId())
            WriteRecovery();
        else
            RenderNow();
    });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    copy->Bind(wxEVT_BUTTON, [this, copy](wxCommandEvent&) {
        wxMenu menu;
        menu.Append(1, _("Copy as &HTML"));
        menu.Append(2, _("Copy as &Markdown"));
        menu.Append(3, _("Copy as &Text"));
        int id = GetPopupMenuSelectionFromUser(menu, copy->GetPosition() + wxPoint(0, copy->GetSize().y));
        if (id == 1)
            CopyAs(static_cast<int>(DraftFormat::Html));
        else if (id == 2)
            CopyAs(static_cast<int>(DraftFormat::Markdown));
        else if (id == 3)
            CopyAs(static_cast<int>(DraftFormat::Text));
    });
    revisions->Bind(wxEVT_BUTTON, [this, revisions](wxCommandEvent&) {
        int ps = publication_->GetSelection(), is = issue_->GetSelection();
        if (ps == wxNOT_FOUND || is == wxNOT_FOUND) return;
        std::vector<DraftRevision> revs;
        try {
            revs = IssueService(db_).revisions(publications_[static_cast<size_t>(ps)].slug,
                                               issues_[static_cast<size_t>(is)].date);
        } catch (const std::exception& e) {
            show_error(this, e);
            return;
        }
        wxMenu menu;
        if (revs.empty()) menu.Append(wxID_NONE, _("No saved revision yet"))->Enable(false);
        for (size_t i = revs.size(); i-- > 0;)
            menu.Append(static_cast<int>(i) + 1, wxString::Format(_("Revision %d — saved %s"), revs[i].revision,
                                                                  format_timestamp(revs[i].saved_at)));
        int id = GetPopupMenuSelectionFromUser(menu, revisions->GetPosition() + wxPoint(0, revisions->GetSize().y));
        if (id >= 1 && static_cast<size_t>(id) <= revs.size()) {
            editor_->SetText(wx(revs[static_cast<size_t>(id) - 1].text));
            saved_status_ = false;
            RenderNow();
            host_.SetStatus(wxString::Format(_("Revision %d loaded: save the draft to make it current."),
                                             revs[static_cast<size_t>(id) - 1].revision));
        }
    });
    warnings_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent& e) { JumpToWarning(e.GetSelection()); });
    warnings_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { JumpToWarning(e.GetSelection()); });
    preview_->Bind(wxEVT_HTML_LINK_CLICKED,
                   [](wxHtmlLinkEvent& e) { wxLaunchDefaultBrowser(e.GetLinkInfo().GetHref()); });
}

void DraftPanel::SaveState() {
    if (sash_placed_) Settings::SaveSplitterPosition(wxS("Draft"), splitter_->GetSashPosition());
}

void DraftPanel::Reload() {
    // Unsaved text survives a reload (after Preferences, another view's write…).
    std::optional<wxString> unsaved;
    std::string unsaved_slug;
    Date unsaved_date{};
    if (IsDirty()) {
        unsaved = editor_->GetText();
        unsaved_slug = publications_[static_cast<size_t>(loaded_publication_)].slug;
        unsaved_date = issues_[static_cast<size_t>(loaded_issue_)].date;
    }
    std::string keep = publication_->GetSelection() != wxNOT_FOUND
                           ? publications_[static_cast<size_t>(publication_->GetSelection())].slug
                           : utf8(Settings::LastPublication());
    try {
        publications_ = CatalogService(db_).publications();
    } catch (const std::exception& e) {
        host_.SetStatus(error_text(e));
    }
    publication_->Clear();
    int pick = publications_.empty() ? wxNOT_FOUND : 0;
    for (size_t i = 0; i < publications_.size(); ++i) {
        publication_->Append(wx(publications_[i].name));
        if (publications_[i].slug == keep) pick = static_cast<int>(i);
    }
    publication_->SetSelection(pick);
    // Our own recovery copy of the unsaved text is no crash to recover from.
    reloading_unsaved_ = unsaved.has_value();
    FillIssues();
    reloading_unsaved_ = false;
    if (unsaved && loaded_publication_ != wxNOT_FOUND && loaded_issue_ != wxNOT_FOUND &&
        publications_[static_cast<size_t>(loaded_publication_)].slug == unsaved_slug &&
        issues_[static_cast<size_t>(loaded_issue_)].date == unsaved_date) {
        loading_ = true;
        editor_->SetText(*unsaved);
        loading_ = false;
        RenderNow();
    }
}

void DraftPanel::FillIssues() {
    Date keep_date{};
    bool keep = issue_->GetSelection() != wxNOT_FOUND && static_cast<size_t>(issue_->GetSelection()) < issues_.size();
    if (keep) keep_date = issues_[static_cast<size_t>(issue_->GetSelection())].date;
    issues_.clear();
    issue_->Clear();
    int sel = publication_->GetSelection();
    if (sel != wxNOT_FOUND) {
        const Date today = Date::today();
        try {
            issues_ = IssueService(db_).list(publications_[static_cast<size_t>(sel)].slug, today.add_days(-92),
                                             today.add_days(183));
        } catch (const std::exception& e) {
            host_.SetStatus(error_text(e));
        }
        int pick = wxNOT_FOUND;
        for (size_t i = 0; i < issues_.size(); ++i) {
            const Issue& is = issues_[i];
            wxString label = wxString::Format(
                _("#%d — %s"), is.number, format_day(is.date) + wxS(" ") + wxString::Format(wxS("%d"), is.date.year));
            if (!is.title.empty()) label += wxS("  ") + wx(is.title);
            issue_->Append(label);
            if (keep && is.date == keep_date) pick = static_cast<int>(i);
            if (!keep && pick == wxNOT_FOUND && is.date >= today) pick = static_cast<int>(i);
        }
        if (pick == wxNOT_FOUND && !issues_.empty()) pick = static_cast<int>(issues_.size()) - 1;
        issue_->SetSelection(pick);
    }
    LoadIssue();
}

bool DraftPanel::SelectIssue(const std::string& slug, const Date& date) {
    if (!CanLeave()) return false;
    for (size_t i = 0; i < publications_.size(); ++i)
        if (publications_[i].slug == slug) {
            publication_->SetSelection(static_cast<int>(i));
            FillIssues();
            for (size_t j = 0; j < issues_.size(); ++j)
                if (issues_[j].date == date) {
                    issue_->SetSelection(static_cast<int>(j));
                    LoadIssue();
                    return true;
                }
        }
    return false;
}

void DraftPanel::LoadIssue() {
    loading_ = true;
    recovery_timer_.Stop();
    int sel = issue_->GetSelection();
    editor_->ClearAll();
    if (sel != wxNOT_FOUND) {
        editor_->SetText(wx(issues_[static_cast<size_t>(sel)].draft));
        editor_->EmptyUndoBuffer();
    }
    editor_->SetSavePoint();
    editor_->Enable(sel != wxNOT_FOUND);
    loaded_publication_ = publication_->GetSelection();
    loaded_issue_ = sel;
    loading_ = false;
    if (publication_->GetSelection() == wxNOT_FOUND)
        ShowEmptyState(_("No publication yet: create one with Publication ▸ New Publication."));
    else if (issues_.empty())
        ShowEmptyState(
            _("This publication has no issue planned around today: plan its issues with Publication ▸ "
              "Plan Issues, then write each issue's draft here."));
    else
        ShowEmptyState(wxString());
    RenderNow();
    OfferRecovery();
}

bool DraftPanel::IsDirty() const {
    return loaded_publication_ != wxNOT_FOUND && loaded_issue_ != wxNOT_FOUND && editor_->IsModified();
}

bool DraftPanel::CanLeave() {
    if (!IsDirty()) return true;  // (then an issue is loaded: `what` names it)
    const Issue& is = issues_[static_cast<size_t>(loaded_issue_)];
    const wxString what = wxString::Format(_("The draft of issue #%d (%s) has changes that are not saved."), is.number,
                                           format_date(is.date));
    const auto save = [this] { return Save(); };
    const auto discard = [this] { DiscardChanges(); };
    return MayLeave(this, true, what, save, discard);
}

void DraftPanel::DiscardChanges() {
    recovery_timer_.Stop();
    if (auto r = Recovery()) r->Remove();
    if (loaded_issue_ == wxNOT_FOUND) return;
    loading_ = true;
    editor_->SetText(wx(issues_[static_cast<size_t>(loaded_issue_)].draft));
    editor_->EmptyUndoBuffer();
    editor_->SetSavePoint();
    loading_ = false;
    RenderNow();
}

std::optional<DraftRecovery> DraftPanel::Recovery() const {
    if (loaded_publication_ == wxNOT_FOUND || loaded_issue_ == wxNOT_FOUND) return std::nullopt;
    return DraftRecovery(db_.path(), publications_[static_cast<size_t>(loaded_publication_)].slug,
                         issues_[static_cast<size_t>(loaded_issue_)].date);
}

std::string DraftPanel::RecoveryPath() const {
    auto r = Recovery();
    return r ? r->path() : std::string();
}

void DraftPanel::WriteRecovery() {
    recovery_timer_.Stop();
    auto r = Recovery();
    if (!r) return;
    if (!IsDirty()) {
        r->Remove();
        return;
    }
    if (!r->Write(utf8(editor_->GetText())))
        host_.SetStatus(wxString::Format(_("Could not write the recovery copy of the draft in %s."),
                                         wx(DraftRecovery::Directory())));
}

// A recovery copy left by a session that ended without saving (a crash, a
// power cut): offered back, with a question, when its issue is opened again.
void DraftPanel::OfferRecovery() {
    auto r = Recovery();
    if (!r || reloading_unsaved_) return;
    std::optional<std::string> text = r->Read();
    if (!text) return;
    if (*text == issues_[static_cast<size_t>(loaded_issue_)].draft) {
        r->Remove();
        return;
    }
    const Issue& is = issues_[static_cast<size_t>(loaded_issue_)];
    wxMessageDialog ask(
        this,
        wxString::Format(_("A recovery copy of the draft of issue #%d (%s) was found: it holds changes "
                           "that were never saved, probably because SponsorDesk stopped unexpectedly.\n\n"
                           "Restore it into the editor? You can then save it or discard it."),
                         is.number, format_date(is.date)),
        _("Recover Draft"), wxYES_NO | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Restore"), _("&Delete the Copy"));
    if (ask.ShowModal() == wxID_YES) {
        editor_->SetText(wx(*text));  // differs from the save point: unsaved
        RenderNow();
        host_.SetStatus(_("Recovered draft restored: save it to keep it."));
    } else {
        r->Remove();
    }
}

void DraftPanel::RenderNow() {
    timer_.Stop();
    warnings_->Clear();
    warning_lines_.clear();
    // Marking lines is no edit: it must neither render again nor put off
    // the recovery copy (the editor reports marker changes as changes).
    const bool was_loading = loading_;
    loading_ = true;
    editor_->MarkerDeleteAll(0);
    loading_ = was_loading;
    // The loaded issue, not the menus' choice: while the question whether
    // to save is open, or after Cancel, they may show another one.
    const int ps = loaded_publication_, is = loaded_issue_;
    if (ps == wxNOT_FOUND || is == wxNOT_FOUND) {
        preview_->SetPage(PreviewPage("<p><i>" + utf8(_("No issue to show.")) + "</i></p>"));
        stats_->SetLabel(wxString());
        return;
    }
    try {
        RenderedDraft r =
            DraftService(db_).render(publications_[static_cast<size_t>(ps)].slug, issues_[static_cast<size_t>(is)].date,
                                     DraftFormat::Html, utf8(editor_->GetText()));
        int scroll_x = 0, scroll_y = 0;
        preview_->GetViewStart(&scroll_x, &scroll_y);
        preview_->SetPage(PreviewPage(r.text));
        preview_->Scroll(scroll_x, scroll_y);
        // TRANSLATORS: %s is a reading time already written in the UI language ("22 s", "3 min 30").
        stats_->SetLabel(wxString::Format(_("%d words — reading time %s"), r.word_count,
                                          wx(format_reading_time(r.reading_seconds, ui_language()))) +
                         (r.warnings.empty() ? wxString()
                                             : wxS("   ") + wxString::Format(wxPLURAL("%zu warning", "%zu warnings",
                                                                                      r.warnings.size()),
                                                                             r.warnings.size())));
        loading_ = true;
        for (const DraftWarning& w : r.warnings) {
            warnings_->Append(draft_warning_line(w));
            warning_lines_.push_back(w.line);
            if (w.line > 0) editor_->MarkerAdd(w.line - 1, 0);
        }
        loading_ = was_loading;
    } catch (const std::exception& e) {
        preview_->SetPage(PreviewPage("<p><font color=\"#c62828\">" + utf8(error_text(e)) + "</font></p>"));
    }
}

void DraftPanel::JumpToWarning(int index) {
    if (index < 0 || static_cast<size_t>(index) >= warning_lines_.size()) return;
    int line = warning_lines_[static_cast<size_t>(index)];
    if (line <= 0) return;
    editor_->GotoLine(line - 1);
    editor_->SetSelection(editor_->PositionFromLine(line - 1), editor_->GetLineEndPosition(line - 1));
    editor_->SetFocus();
}

bool DraftPanel::Save() {
    // The issue whose text is in the editor: while the user switches issue,
    // the menus already show the next one.
    const int ps = loaded_publication_, is = loaded_issue_;
    if (ps == wxNOT_FOUND || is == wxNOT_FOUND) return false;
    try {
        Issue saved = IssueService(db_).set_draft(publications_[static_cast<size_t>(ps)].slug,
                                                  issues_[static_cast<size_t>(is)].date, utf8(editor_->GetText()));
        issues_[static_cast<size_t>(is)] = saved;
        editor_->SetSavePoint();
        recovery_timer_.Stop();
        if (auto r = Recovery()) r->Remove();
        host_.DataChanged();
        host_.SetStatus(_("Draft saved; the previous text is kept as a revision."));
        saved_status_ = true;
        return true;
    } catch (const std::exception& e) {
        show_error(this, e);
        return false;
    }
}

bool DraftPanel::CopyAs(int format) {
    int ps = publication_->GetSelection(), is = issue_->GetSelection();
    if (ps == wxNOT_FOUND || is == wxNOT_FOUND) return false;
    try {
        RenderedDraft r =
            DraftService(db_).render(publications_[static_cast<size_t>(ps)].slug, issues_[static_cast<size_t>(is)].date,
                                     static_cast<DraftFormat>(format), utf8(editor_->GetText()));
        if (!r.warnings.empty()) {
            wxString list;
            for (size_t i = 0; i < r.warnings.size() && i < 8; ++i) {
                list += wxS("\n• ") + draft_warning_line(r.warnings[i]);
            }
            if (r.warnings.size() > 8) list += wxS("\n…");
            wxMessageDialog ask(this,
                                wxString::Format(wxPLURAL("This issue has %zu warning: what is copied may not be "
                                                          "ready to send to subscribers.",
                                                          "This issue has %zu warnings: what is copied may not be "
                                                          "ready to send to subscribers.",
                                                          r.warnings.size()),
                                                 r.warnings.size()) +
                                    wxS("\n") + list,
                                _("Copy Issue"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
            ask.SetYesNoLabels(_("Copy &Anyway"), _("Cancel"));
            if (ask.ShowModal() != wxID_YES) {
                host_.SetStatus(_("Nothing copied."));
                return false;
            }
        }
        wxClipboardLocker lock;
        if (!lock) return false;
        if (static_cast<DraftFormat>(format) == DraftFormat::Html) {
            auto* both = new wxDataObjectComposite;
            both->Add(new wxHTMLDataObject(wx(r.text)), true);
            both->Add(new wxTextDataObject(wx(r.text)));
            wxTheClipboard->SetData(both);
        } else {
            wxTheClipboard->SetData(new wxTextDataObject(wx(r.text)));
        }
        wxTheClipboard->Flush();
        host_.SetStatus(_("Issue copied to the clipboard."));
        return true;
    } catch (const std::exception& e) {
        show_error(this, e);
        return false;
    }
}

}  // namespace sponsordesk::gui

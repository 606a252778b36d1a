#include "view.h"

#include <algorithm>

#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui_util.h"

namespace sponsordesk::gui {

wxString View::EmptyStateText() const { return empty_ && empty_->IsShown() ? empty_->GetLabel() : wxString(); }

wxStaticText* View::MakeEmptyState(wxWindow* parent, wxWindow* content) {
    empty_ =
        new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxALIGN_CENTER_HORIZONTAL);
    empty_->SetFont(empty_->GetFont().Scaled(1.15f));
    empty_->SetForegroundColour(wxColour(90, 90, 90));
    empty_->Hide();
    content_ = content;
    return empty_;
}

void View::ShowEmptyState(const wxString& text) {
    if (!empty_) return;
    const bool empty = !text.empty();
    if (empty) {
        empty_->SetLabel(text);
        empty_->Wrap(std::max(320, empty_->GetParent()->GetClientSize().x - 80));
    }
    empty_->Show(empty);
    if (content_) content_->Show(!empty);
    empty_->GetParent()->Layout();
}

bool MayLeave(wxWindow* parent, bool dirty, const wxString& what, const std::function<bool()>& save,
              const std::function<void()>& discard) {
    if (!dirty) return true;
    wxMessageDialog dlg(parent, what, _("Unsaved changes"), wxYES_NO | wxCANCEL | wxCANCEL_DEFAULT | wxICON_WARNING);
    dlg.SetYesNoCancelLabels(_("&Save"), _("&Discard"), _("Cancel"));
    switch (dlg.ShowModal()) {
        case wxID_YES:
            return save();
        case wxID_NO:
            if (discard) discard();
            return true;
        default:
            return false;
    }
}

}  // namespace sponsordesk::gui

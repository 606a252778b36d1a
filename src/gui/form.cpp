#include "form.h"

#include <algorithm>
#include <memory>

#include <wx/choice.h>
#include <wx/combo.h>
#include <wx/combobox.h>
#include <wx/eventfilter.h>
#include <wx/scrolwin.h>
#include <wx/spinctrl.h>
#include <wx/datectrl.h>
#include <wx/settings.h>
#include <wx/textctrl.h>
#include <wx/window.h>

#include "gui_util.h"

namespace sponsordesk::gui {

FormGrid::FormGrid(wxWindow* parent) : parent_(parent), grid_(new wxFlexGridSizer(2, wxSize(12, 4))) {
    grid_->AddGrowableCol(1, 1);
}

wxStaticText* FormGrid::Add(const wxString& label, wxWindow* field, int proportion_height) {
    grid_->Add(new wxStaticText(parent_, wxID_ANY, label), 0, wxALIGN_TOP | wxTOP, 6);
    auto* col = new wxBoxSizer(wxVERTICAL);
    col->Add(field, proportion_height, wxEXPAND);
    wxStaticText* err = MakeErrorLine(parent_);
    col->Add(err, 0, wxEXPAND | wxTOP, 2);
    grid_->Add(col, 1, wxEXPAND);
    if (proportion_height) grid_->AddGrowableRow(grid_->GetEffectiveRowsCount() - 1, proportion_height);
    return err;
}

wxStaticText* MakeErrorLine(wxWindow* parent) {
    auto* t = new wxStaticText(parent, wxID_ANY, wxString());
    t->SetForegroundColour(wxColour(198, 40, 40));
    t->Hide();
    return t;
}

void ShowErrorLine(wxStaticText* line, const wxString& text) {
    line->SetLabelText(text);  // text, not markup: "Graines & Cie" keeps its &
    line->Show(!text.empty());
    // Wrapped to the room there is: a long message never runs off the window.
    if (!text.empty()) {
        const wxWindow* parent = line->GetParent();
        const int room = parent ? parent->GetClientSize().x : 640;
        line->Wrap(std::clamp(room - 220, 240, 640));
    }
    if (wxWindow* p = line->GetParent()) p->Layout();
}

}  // namespace sponsordesk::gui

namespace sponsordesk::gui {

void WarnOnRejectedDate(wxDatePickerCtrl* picker, std::function<void(const wxString&)> say) {
    // wxGTK's date picker is the generic one: a combo with a text entry that
    // silently puts back the previous date when what was typed is no date.
    wxComboCtrl* combo = nullptr;
    for (wxWindow* child : picker->GetChildren())
        if ((combo = dynamic_cast<wxComboCtrl*>(child))) break;
    if (!combo || !combo->GetTextCtrl()) return;
    wxTextCtrl* entry = combo->GetTextCtrl();
    auto typed = std::make_shared<wxString>();
    entry->Bind(wxEVT_TEXT, [entry, typed](wxCommandEvent& e) {
        e.Skip();
        if (entry->HasFocus()) *typed = entry->GetValue();
    });
    entry->Bind(wxEVT_KILL_FOCUS, [picker, entry, typed, say](wxFocusEvent& e) {
        e.Skip();
        picker->CallAfter([picker, entry, typed, say] {
            if (!typed->empty() && entry->GetValue() != *typed) {
                const wxDateTime kept = picker->GetValue();
                say(wxString::Format(_("“%s” is not a date: the date stays %s."), *typed,
                                     kept.IsValid() ? format_date(from_wx(kept)) : _("empty")));
            }
            typed->clear();
        });
    });
}

namespace {

class WheelGuard : public wxEventFilter {
public:
    int FilterEvent(wxEvent& event) override {
        if (event.GetEventType() != wxEVT_MOUSEWHEEL) return Event_Skip;
        auto* w = wxDynamicCast(event.GetEventObject(), wxWindow);
        if (!w || w->HasFocus()) return Event_Skip;
        if (!wxDynamicCast(w, wxChoice) && !wxDynamicCast(w, wxComboBox) && !wxDynamicCast(w, wxSpinCtrl) &&
            !wxDynamicCast(w, wxSpinCtrlDouble))
            return Event_Skip;
        // To the nearest scrolled window around it, as if the wheel were over it.
        // (By hand: GTK scrolls a scrolled window natively, wx does not.)
        const auto& wheel = static_cast<wxMouseEvent&>(event);
        for (wxWindow* p = w->GetParent(); p; p = p->GetParent()) {
            auto* scrolled = dynamic_cast<wxScrollHelperBase*>(p);
            if (!scrolled) continue;
            if (wheel.GetWheelAxis() != wxMOUSE_WHEEL_VERTICAL || wheel.GetWheelDelta() == 0) break;
            const int lines = -wheel.GetWheelRotation() * wheel.GetLinesPerAction() / wheel.GetWheelDelta();
            const wxPoint at = scrolled->GetViewStart();
            scrolled->Scroll(at.x, std::max(0, at.y + lines));
            break;
        }
        return Event_Processed;
    }
};

}  // namespace

void InstallWheelGuard() {
    static WheelGuard* guard = nullptr;
    if (guard) return;
    guard = new WheelGuard;
    wxEvtHandler::AddFilter(guard);
}

}  // namespace sponsordesk::gui

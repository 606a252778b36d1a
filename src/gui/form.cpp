#include "form.h"

#include <wx/settings.h>
#include <wx/window.h>

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
    line->SetLabel(text);
    line->Show(!text.empty());
    if (!text.empty()) line->Wrap(640);
    if (wxWindow* p = line->GetParent()) p->Layout();
}

}  // namespace sponsordesk::gui

#pragma once
// Small helpers for forms built in code: a label/field grid and an error
// line shown next to the field it is about.
#include <functional>

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/string.h>

class wxDatePickerCtrl;
class wxWindow;

namespace sponsordesk::gui {

// A two-column grid: label, then the field with its (hidden) error line below.
class FormGrid {
public:
    explicit FormGrid(wxWindow* parent);
    wxFlexGridSizer* sizer() { return grid_; }
    // Adds a row; returns the error line that belongs to the field.
    wxStaticText* Add(const wxString& label, wxWindow* field, int proportion_height = 0);
    wxWindow* parent() { return parent_; }

private:
    wxWindow* parent_;
    wxFlexGridSizer* grid_;
};

// A red line of text for a field's error; hidden while empty.
wxStaticText* MakeErrorLine(wxWindow* parent);
void ShowErrorLine(wxStaticText* line, const wxString& text);

// Says (through `say`) when the picker threw away a typed text that is no
// date and kept its previous date, instead of reverting silently.
void WarnOnRejectedDate(wxDatePickerCtrl* picker, std::function<void(const wxString&)> say);

// Installed once per process: the mouse wheel over a list or spin field
// that does not have the focus scrolls the form around it instead of
// changing the field's value (GTK changes a drop-down under the wheel, so
// scrolling down the publisher profile switched its VAT regime).
void InstallWheelGuard();

}  // namespace sponsordesk::gui

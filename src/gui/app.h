#pragma once
// The application object: locale, configuration, command line, main window.
#include <wx/app.h>

namespace sponsordesk::gui {

class MainFrame;

class App : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

private:
    wxString database_;
    wxString view_;
};

}  // namespace sponsordesk::gui

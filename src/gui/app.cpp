#include "app.h"

#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/uilocale.h>

#include "gui_util.h"
#include "form.h"
#include "i18n.h"
#include "main_frame.h"

namespace sponsordesk::gui {

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddParam(_("database file"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    parser.AddOption(wxString(), wxS("view"),
                     _("view to show first: dashboard, calendar, bookings, sponsors, draft, invoices, reports"));
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (parser.GetParamCount() > 0) database_ = parser.GetParam(0);
    parser.Found(wxS("view"), &view_);
    return wxApp::OnCmdLineParsed(parser);
}

bool App::OnInit() {
    wxUILocale::UseDefault();
    SetAppName(wxS("sponsordesk"));
    SetAppDisplayName(wxS("SponsorDesk"));
    SetupTranslations();
    InstallWheelGuard();
    if (!wxApp::OnInit()) return false;
    if (database_.empty()) database_ = wx(Database::default_path());
    auto* frame = new MainFrame(database_);
    if (const int v = MainFrame::ViewFromKey(view_); v >= 0) frame->ShowView(v);
    frame->Show();
    return true;
}

}  // namespace sponsordesk::gui

// sponsordesk: the desktop application.
#include "app.h"

wxIMPLEMENT_APP(sponsordesk::gui::App);

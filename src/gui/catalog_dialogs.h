#pragma once
// Dialogs that add to the catalogue: a publication, a placement, planned issues.
#include <string>

#include "sponsordesk/storage/database.h"

class wxWindow;

namespace sponsordesk::gui {

// Each returns true when something was written.
bool ShowNewPublicationDialog(wxWindow* parent, Database& db);
bool ShowNewPlacementDialog(wxWindow* parent, Database& db, const std::string& publication_slug);
bool ShowPlanIssuesDialog(wxWindow* parent, Database& db);

}  // namespace sponsordesk::gui

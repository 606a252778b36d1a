#pragma once
// The command line names records by text (a sponsor's name or id, a
// publication's slug, a placement's code, an issue's date, an invoice's
// number); the services take typed ids. These turn the one into the other,
// with the errors (and their English texts) the command line has always given.
#include <string>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk::cli {

// "#12" is always id 12. Otherwise an exact name or an id: a text that is
// one sponsor's name and another's id is refused as ambiguous (InvalidInput
// naming the value); nothing matching is NotFound.
Sponsor resolve_sponsor(Database& db, const std::string& ref);
SponsorId sponsor_id(Database& db, const std::string& ref);

Publication resolve_publication(Database& db, const std::string& slug);                      // NotFound
Placement resolve_placement(Database& db, const Publication& pub, const std::string& code);  // NotFound
Issue resolve_issue(Database& db, const Publication& pub, const Date& date);                 // NotFound

// "12" (id) or "2026-0001" / "AV-2026-0001" (number); NotFound.
InvoiceId resolve_invoice(Database& db, const std::string& ref);

}  // namespace sponsordesk::cli

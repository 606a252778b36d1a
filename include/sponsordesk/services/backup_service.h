#pragma once
// A consistent copy of the database file while other programs use it.
#include <string>

#include "sponsordesk/storage/database.h"

namespace sponsordesk {

// Copies with SQLite's online backup API in one step (one read snapshot),
// into a temporary file beside the target that is then renamed over it, so
// the target is either the old file or a complete copy. Returns the bytes written.
std::uintmax_t backup_database(Database& db, const std::string& target);

}  // namespace sponsordesk

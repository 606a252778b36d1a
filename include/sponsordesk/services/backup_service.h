#pragma once
// A consistent copy of the database file while other programs use it.
#include <string>

#include "sponsordesk/storage/database.h"

namespace sponsordesk {

// Copies with SQLite's online backup API in one step (one read snapshot),
// into a temporary file delivered by OutputFile: renamed over a regular
// target, so that it is either the old file or a complete copy; written
// into a device or FIFO, or to standard output for "-", once complete.
// Returns the bytes written.
std::uintmax_t backup_database(Database& db, const std::string& target);

}  // namespace sponsordesk

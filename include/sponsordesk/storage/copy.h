#pragma once
// Every row of one SponsorDesk database into another, whatever their
// engines: ids, invoice numbers, revisions and the activity log kept.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sponsordesk/storage/database.h"

namespace sponsordesk {

using TableCounts = std::vector<std::pair<std::string, std::int64_t>>;  // table, rows

// The tables in the order a copy writes them (a row after those it refers to).
const std::vector<std::string>& copied_tables();

// Rows per table, in copied_tables() order.
TableCounts count_rows(Database& db);

// Copies `from` into `to`, which must hold no data (TargetNotEmpty
// otherwise), in one transaction on `to` and one snapshot of `from`. The
// counts of both sides are compared before the commit: a mismatch rolls
// back. Returns the counts.
TableCounts copy_database(Database& from, Database& to);

}  // namespace sponsordesk

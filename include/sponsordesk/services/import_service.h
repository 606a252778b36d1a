#pragma once
// All-or-nothing CSV imports of sponsors and bookings.
#include <string>

#include "sponsordesk/services/progress.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

struct ImportResult {
    int rows = 0;
    int created_issues = 0;  // bookings only
    int contacts = 0;        // sponsors only
};

class ImportService {
public:
    explicit ImportService(Database& db) : db_(db) {}

    static const std::vector<std::string>& sponsor_columns();
    static const std::vector<std::string>& booking_columns();

    // One transaction: a bad row throws the row's error prefixed by its line
    // ("line 7: …", same error kind) and nothing of the file is imported.
    ImportResult sponsors(const std::string& csv_path, const Progress& progress = {});
    // Issues are created as needed. Statuses: hold, confirmed, published (for
    // history) or cancelled; the booking rules (slots, exclusivity) apply.
    ImportResult bookings(const std::string& csv_path, const Progress& progress = {});

private:
    Database& db_;
};

}  // namespace sponsordesk

#pragma once
// Fills an empty database with a realistic example year.
#include "sponsordesk/services/import_service.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

struct DemoSummary {
    int publications = 0, sponsors = 0, issues = 0, bookings = 0, invoices = 0, credit_notes = 0, payments = 0;
    int deals = 0;                               // multi-issue bookings (their bookings count in `bookings`)
    int moved = 0;                               // bookings moved to another issue
    int free_lines = 0;                          // fees added to invoices as free lines
    int issues_with_results = 0;                 // sent issues whose figures were imported
    int links_matched = 0, links_unmatched = 0;  // rows of the imported click exports
};

class DemoService {
public:
    explicit DemoService(Database& db) : db_(db) {}
    // Refused (Conflict) unless the database holds no publication, sponsor
    // or booking. One transaction; the same data for the same today.
    DemoSummary fill(const Progress& progress = {});
    bool database_is_empty();

private:
    Database& db_;
};

}  // namespace sponsordesk

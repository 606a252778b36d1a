#pragma once
// Storage of campaign results: the clicks counted on each sponsor link of
// an issue (table link_click), and what the sponsor report reads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

// A booked booking a clicked link may belong to, with the links it carries.
struct ClickCandidate {
    Id booking_id = 0;
    std::string sponsor_name;
    std::string link;  // the call-to-action link
    std::string copy;  // Markdown: its links count too
};

// One booking of a sponsor with the figures of its issue and its links.
struct CampaignBooking {
    Id booking_id = 0;
    Date issue_date;
    int issue_number = 0;
    std::string publication_name;
    std::string publication_language;
    std::string placement_code;
    std::string placement_name;
    std::string currency;
    Minor price = 0;
    std::optional<std::int64_t> audience, opens;
    std::optional<std::int64_t> clicks;  // summed over its imported links; empty when none was imported
    std::optional<std::int64_t> unique_clicks;
    int links = 0;  // imported links
};

class ResultsRepository {
public:
    explicit ResultsRepository(Database& db);
    ~ResultsRepository();
    ResultsRepository(const ResultsRepository&) = delete;
    ResultsRepository& operator=(const ResultsRepository&) = delete;

    // Booked bookings (booking_rules::is_booked) of a placement in an issue.
    std::vector<ClickCandidate> booked_in(Id issue_id, Id placement_id);
    // Sets the figures of the link (issue, normalised url), replacing any
    // imported before: a statement prepared once and reused.
    // True when the row is new or its figures changed.
    bool put_link_clicks(Id issue_id, const std::string& url, Id booking_id, std::int64_t clicks,
                         std::optional<std::int64_t> unique_clicks);
    // The sponsor's booked bookings with issue dates in [from, to], by date.
    std::vector<CampaignBooking> sponsor_bookings(Id sponsor_id, const Date& from, const Date& to);

private:
    Database& db_;
    std::optional<sql::Statement> put_;
};

}  // namespace sponsordesk

#pragma once
// Storage of the publisher profile, publications, placements and house ads.
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

class CatalogRepository {
public:
    explicit CatalogRepository(Database& db) : db_(db) {}

    Publisher publisher();
    void save_publisher(const Publisher& p);

    Id insert_publication(const Publication& p);
    std::optional<Publication> publication_by_slug(const std::string& slug);
    std::optional<Publication> publication(Id id);
    std::vector<Publication> publications();

    void update_publication(const Publication& p);  // by id; the slug never changes
    bool publication_has_bookings(Id publication_id);

    Id insert_placement(const Placement& p);
    void update_placement(const Placement& p);  // by id; the code never changes
    int highest_slot_in_use(Id placement_id);   // 0 when no booking holds a slot
    std::optional<Placement> placement(Id publication_id, const std::string& code);
    std::optional<Placement> placement(Id id);
    std::vector<Placement> placements(Id publication_id, bool active_only = false);

    void set_house_ad(Id placement_id, const std::string& body);
    std::optional<std::string> house_ad(Id placement_id);

private:
    Database& db_;
};

}  // namespace sponsordesk

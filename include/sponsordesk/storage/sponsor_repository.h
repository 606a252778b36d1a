#pragma once
// Storage of sponsors and their contacts.
#include <optional>
#include <vector>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

class SponsorRepository {
public:
    explicit SponsorRepository(Database& db) : db_(db) {}

    Id insert(const Sponsor& s);
    void update(const Sponsor& s);
    std::optional<Sponsor> find(Id id);
    std::optional<Sponsor> find_by_name(const std::string& name);  // exact (NFC) name
    // A sponsor whose name is the same once case-folded ("ACME" finds "Acme"):
    // sponsor names are unique in that sense.
    std::optional<Sponsor> find_by_name_key(const std::string& name);
    // Name, legal name or category containing `search`, compared by Unicode
    // case folding; archived sponsors only when asked.
    std::vector<Sponsor> list(const std::string& search, bool archived);
    void set_archived(Id id, bool archived);
    bool has_bookings_or_invoices(Id id);
    void remove(Id id);

    Id insert_contact(const Contact& c);
    std::vector<Contact> contacts(Id sponsor_id);

private:
    Database& db_;
};

}  // namespace sponsordesk

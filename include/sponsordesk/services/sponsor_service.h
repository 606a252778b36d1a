#pragma once
// Sponsors and their contacts; archive rather than delete.
#include <string>
#include <vector>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

class SponsorService {
public:
    explicit SponsorService(Database& db) : db_(db) {}

    // Validates every field; a name already in use is a Conflict.
    Sponsor add(Sponsor s);
    Sponsor update(Sponsor s);
    // By id (digits) or exact name; NotFound names the reference.
    Sponsor resolve(const std::string& ref);
    Sponsor get(Id id);
    std::vector<Sponsor> list(const std::string& search, bool archived);
    Sponsor archive(const std::string& ref);
    Sponsor unarchive(const std::string& ref);
    // Refused (Conflict) when the sponsor has bookings or invoices.
    void remove(const std::string& ref);

    Contact add_contact(const std::string& sponsor_ref, Contact c);
    std::vector<Contact> contacts(const std::string& sponsor_ref);
    std::vector<Contact> contacts(Id sponsor_id);

    static Sponsor validated(Sponsor s);

private:
    Database& db_;
};

}  // namespace sponsordesk

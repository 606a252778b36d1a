#pragma once
// Sponsors and their contacts; archive rather than delete.
#include <optional>
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
    Sponsor get(SponsorId id);  // NotFound (SponsorNotFound) naming the id
    // Lookups for front ends that name sponsors (the CLI's resolver): no
    // guessing here whether a text is a name or an id.
    std::optional<Sponsor> find(SponsorId id);
    std::optional<Sponsor> find_by_name(const std::string& exact_name);
    std::vector<Sponsor> list(const std::string& search, bool archived);
    Sponsor archive(SponsorId id);
    Sponsor unarchive(SponsorId id);
    // Refused (Conflict) when the sponsor has bookings or invoices.
    void remove(SponsorId id);

    Contact add_contact(SponsorId sponsor, Contact c);
    std::vector<Contact> contacts(SponsorId sponsor);

    // Every field, identifiers by their keys and against each other (the
    // SIRET begins with the SIREN, a French VAT number carries it); the
    // postal country is set to `country`; a SIRET without a SIREN gives it.
    static Sponsor validated(Sponsor s);
    static Contact validated(Contact c);  // name, email, phone

private:
    Database& db_;
};

}  // namespace sponsordesk

#pragma once
// The publisher profile, publications, placements and house ads.
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

// Fields to change; the ones left empty keep their value.
struct PublisherChanges {
    std::optional<std::string> name, address, siren, vat_number, iban, bic, email, footer;
    std::optional<long long> payment_terms_days;
    // The 2026 invoice data. An empty text clears the field.
    std::optional<std::string> address_line1, address_line2, postcode, city, country;
    std::optional<std::string> siret, legal_form, registry, einvoice_address;
    std::optional<Minor> share_capital;  // EUR minor units, >= 0; -1 = none (an EI has no capital)
    std::optional<bool> vat_on_debits;
    std::optional<VatRegime> vat_regime;
};

class CatalogService {
public:
    explicit CatalogService(Database& db) : db_(db) {}

    Publisher publisher();
    // Validates what changes (identifiers by their keys, the postcode for
    // the country) and how it agrees with what stays: the SIRET begins with
    // the SIREN, a French VAT number carries it. A SIRET given without a
    // SIREN sets the SIREN to its first 9 digits. One transaction.
    Publisher update_publisher(const PublisherChanges& changes);

    // Validates every field; a slug already in use is a Conflict.
    Publication add_publication(Publication p);
    std::vector<Publication> publications();
    // The CLI's lookup by slug; NotFound names the slug.
    Publication publication(const std::string& slug);
    Publication publication(PublicationId id);  // NotFound

    // Changes everything but the slug. The currency cannot change once the
    // publication has bookings (their prices are in it): Conflict.
    Publication update_publication(Publication p);

    Placement add_placement(const std::string& publication_slug, Placement p);
    // Changes everything but the code. The list price applies to new
    // bookings; slots cannot drop below a slot number a booking holds.
    Placement update_placement(Placement p);
    std::vector<Placement> placements(const std::string& publication_slug);
    // The CLI's lookup by code; NotFound names the code.
    Placement placement(const Publication& pub, const std::string& code);
    Placement placement(PlacementId id);  // NotFound

    void set_house_ad(const std::string& publication_slug, const std::string& code, const std::string& text);
    std::optional<std::string> house_ad(Id placement_id);

private:
    Database& db_;
};

}  // namespace sponsordesk

#pragma once
// Tests name records by name, slug, code and date as people do; services
// take typed ids. These small lookups (what the CLI's resolver does) keep the
// tests readable.
#include <string>

#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"

namespace sponsordesk::test_lookup {

// A publisher profile from which invoices can be issued under the 2026
// French rules: legal name, structured address, SIREN, a VAT number whose
// key matches it, legal form, registry and the IBAN invoices are paid to.
inline PublisherChanges issuing_publisher(const std::string& name = "Média Lettres SAS") {
    PublisherChanges c;
    c.name = name;
    c.address_line1 = "3 rue du Croissant";
    c.postcode = "75002";
    c.city = "Paris";
    c.siren = "732829320";
    c.vat_number = "FR44732829320";
    c.legal_form = "SAS";
    c.registry = "RCS Paris";
    c.iban = "FR7630006000011234567890189";
    return c;
}

// What an invoice needs of a business buyer: a structured address; for a
// French one its SIREN (taken from its French VAT number when it has one,
// else `siren`: Luhn-valid ones are 552100554, 404833048, 443061841,
// 380129866, 790967368, 512375627, 421468190), for a foreign one an
// electronic address.
inline Sponsor invoiceable(Sponsor s, std::string siren = "552100554") {
    s.postal.line1 = "2 place Bellecour";
    s.postal.postcode = "69002";
    s.postal.city = "Lyon";
    s.postal.country = s.country;
    if (s.country == "FR" || s.country == "MC") {
        if (s.vat_number.size() == 13 && s.vat_number.rfind("FR", 0) == 0) siren = s.vat_number.substr(4);
        if (s.siren.empty()) s.siren = siren;
    } else if (s.einvoice_address.empty()) {
        s.einvoice_address = "billing@example.com";
    }
    return s;
}

inline Sponsor sponsor_named(Database& db, const std::string& name) {
    auto s = SponsorService(db).find_by_name(name);
    if (!s) throw std::runtime_error("test: no sponsor named " + name);
    return *s;
}
inline SponsorId sponsor_id(Database& db, const std::string& name) { return SponsorId{sponsor_named(db, name).id}; }
inline void make_invoiceable(Database& db, const std::string& name, const std::string& siren = "552100554") {
    SponsorService(db).update(invoiceable(sponsor_named(db, name), siren));
}
inline PublicationId publication_id(Database& db, const std::string& slug) {
    return PublicationId{CatalogService(db).publication(slug).id};
}
inline PlacementId placement_id(Database& db, const std::string& slug, const std::string& code) {
    CatalogService catalog(db);
    return PlacementId{catalog.placement(catalog.publication(slug), code).id};
}
inline IssueId issue_id(Database& db, const std::string& slug, const Date& date) {
    return IssueId{IssueService(db).get(slug, date).id};
}
// A request to book `sponsor` (by name) into placement `code` of the issue of
// `slug` on `date`.
inline BookRequest book_request(Database& db, const std::string& sponsor, const std::string& slug, const Date& date,
                                const std::string& code) {
    BookRequest r;
    r.sponsor = sponsor_id(db, sponsor);
    r.issue = issue_id(db, slug, date);
    r.placement = placement_id(db, slug, code);
    return r;
}

}  // namespace sponsordesk::test_lookup

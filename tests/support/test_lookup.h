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

inline Sponsor sponsor_named(Database& db, const std::string& name) {
    auto s = SponsorService(db).find_by_name(name);
    if (!s) throw std::runtime_error("test: no sponsor named " + name);
    return *s;
}
inline SponsorId sponsor_id(Database& db, const std::string& name) { return SponsorId{sponsor_named(db, name).id}; }
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

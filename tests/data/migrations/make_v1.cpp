// Writes a schema version 1 file with this commit's (a274da7) own core:
// its services where they work on v1 tables, the booking repository for
// bookings (the booking service reads invoice tables, which v1 lacks).
#include <cstdio>

#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/database.h"

using namespace sponsordesk;

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    Database db(argv[1], 1);
    CatalogService catalog(db);
    PublisherChanges pc;
    pc.name = "Éditions du Matin SAS";
    pc.address = "1 rue de la Paix\n75002 Paris";
    pc.siren = "732829320";
    pc.vat_number = "FR44732829320";
    catalog.update_publisher(pc);
    Publication pub;
    pub.name = "Le Brief";
    pub.slug = "brief";
    pub.cadence = 0x1F;
    catalog.add_publication(pub);
    Placement main;
    main.code = "MAIN";
    main.name = "Sponsor principal";
    main.heading = "UN MOT DE NOTRE SPONSOR";
    main.price = 150000;
    main.max_words = 80;
    main.position = 1;
    const Placement main_pl = catalog.add_placement("brief", main);
    Placement ads;
    ads.code = "ANNONCES";
    ads.name = "Petites annonces";
    ads.price = 15000;
    ads.slots = 4;
    ads.position = 2;
    const Placement ads_pl = catalog.add_placement("brief", ads);
    IssueService issues(db);
    const auto planned = issues.plan("brief", {2026, 3, 2}, {2026, 3, 13});
    issues.set_draft("brief", {2026, 3, 3}, "# Le Brief\n\n{{slot:MAIN}}\n\nBonne lecture.\n");
    SponsorService sponsors(db);
    Sponsor acme;
    acme.name = "Acme";
    acme.category = "banque";
    acme.siren = "552100554";
    const Sponsor a = sponsors.add(acme);
    Contact marie;
    marie.name = "Marie Curie";
    marie.email = "marie@acme.example";
    marie.role = ContactRole::Creative;
    sponsors.add_contact("Acme", marie);
    Sponsor cafe;
    cafe.name = "Café Crème";
    cafe.category = "café";
    const Sponsor c = sponsors.add(cafe);

    BookingRepository bookings(db);
    auto issue_id = [&](int day) {
        for (const auto& i : planned)
            if (i.date == Date{2026, 3, day}) return i.id;
        return Id{0};
    };
    Booking b;
    b.issue_id = issue_id(3);
    b.placement_id = main_pl.id;
    b.sponsor_id = a.id;
    b.slot = 1;
    b.price = 150000;
    b.status = BookingStatus::Approved;
    b.copy = "**Acme**, la banque simple.";
    b.link = "https://acme.example/essai";
    bookings.insert(b);
    Booking h;
    h.issue_id = issue_id(4);
    h.placement_id = ads_pl.id;
    h.sponsor_id = c.id;
    h.slot = 1;
    h.price = 15000;
    h.status = BookingStatus::Hold;
    h.hold_until = Date{2026, 3, 1};
    bookings.insert(h);
    Booking k = h;
    k.issue_id = issue_id(5);
    k.sponsor_id = a.id;
    k.status = BookingStatus::Confirmed;
    k.hold_until.reset();
    k.price = 12000;
    bookings.insert(k);
    std::printf("schema version %d\n", db.schema_version());
    return 0;
}

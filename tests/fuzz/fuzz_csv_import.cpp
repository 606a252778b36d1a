// Fuzzes the CSV imports through ImportService on an in-memory database
// holding one publication, two placements, three sponsors and an issue with
// a live booking and an expired hold. The input is one CSV file, offered to
// both the sponsor and the booking import (the header decides which one
// gets past the first check); it is written under /dev/shm, since the
// service reads a path.
//
// Properties: only the core's typed errors come out; an import that fails
// leaves the database exactly as it was (one transaction); one that succeeds
// adds exactly the rows it reports; no slot is ever taken twice or beyond
// the placement's slot count.
#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <tuple>

#include <SQLiteCpp/Backup.h>

#include "fuzz_support.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/import_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/issue_repository.h"
#include "sponsordesk/storage/sponsor_repository.h"

using namespace sponsordesk;
using sponsordesk::fuzz::check;

namespace {

struct Shape {
    Id publication = 0;
    std::map<Id, int> slots;  // placement → slot count
};

Shape fill(Database& db) {
    Shape shape;
    WriteTransaction tx(db);
    CatalogRepository catalog(db);
    Publication pub;
    pub.name = "La Lettre";
    pub.slug = "lettre";
    shape.publication = catalog.insert_publication(pub);
    Placement main;
    main.publication_id = shape.publication;
    main.code = "main";
    main.name = "Sponsor principal";
    main.price = 150000;
    main.position = 1;
    const Id main_id = catalog.insert_placement(main);
    Placement ads = main;
    ads.code = "ads";
    ads.name = "Petites annonces";
    ads.price = 15000;
    ads.slots = 3;
    ads.position = 2;
    const Id ads_id = catalog.insert_placement(ads);
    shape.slots = {{main_id, 1}, {ads_id, 3}};

    SponsorRepository sponsors(db);
    Sponsor acme;
    acme.name = "Acme";
    acme.category = "banque";
    const Id acme_id = sponsors.insert(acme);
    Sponsor cafe;
    cafe.name = "Café Crème";
    cafe.category = "café";
    const Id cafe_id = sponsors.insert(cafe);
    Sponsor gone;
    gone.name = "Ancien";
    gone.archived = true;
    sponsors.insert(gone);

    Issue issue;
    issue.publication_id = shape.publication;
    issue.number = 1;
    issue.date = {2026, 3, 3};
    const Id issue_id = IssueRepository(db).insert(issue);
    BookingRepository bookings(db);
    Booking b;
    b.issue_id = issue_id;
    b.placement_id = ads_id;
    b.sponsor_id = acme_id;
    b.price = 15000;
    b.status = BookingStatus::Confirmed;
    b.slot = 2;
    bookings.insert(b);
    b.sponsor_id = cafe_id;
    b.status = BookingStatus::Hold;
    b.hold_until = Date{2026, 2, 20};  // expired on "today", 2026-03-01
    b.slot = 1;
    bookings.insert(b);
    tx.commit();
    return shape;
}

// What an import may change, counted through the repositories.
struct Counts {
    std::int64_t bookings = 0;
    size_t sponsors = 0, contacts = 0, issues = 0;
    auto operator<=>(const Counts&) const = default;
};

Counts count(Database& db, const Shape& shape) {
    Counts c;
    c.bookings = BookingRepository(db).count(BookingFilter{});
    SponsorRepository sponsors(db);
    for (bool archived : {false, true})
        for (const auto& s : sponsors.list("", archived)) {
            ++c.sponsors;
            c.contacts += sponsors.contacts(s.id).size();
        }
    c.issues = IssueRepository(db).list(shape.publication, std::nullopt, std::nullopt).size();
    return c;
}

void check_slots(Database& db, const Shape& shape) {
    BookingFilter f;
    f.today = Date::today();
    std::map<std::tuple<Id, Id, int>, int> taken;
    for (const auto& v : BookingRepository(db).list(f)) {
        const Booking& b = v.booking;
        if (!b.slot) continue;
        const int slots = shape.slots.at(b.placement_id);
        check(*b.slot >= 1 && *b.slot <= slots, "a slot number is within the placement's slots");
        check(++taken[{b.issue_id, b.placement_id, *b.slot}] == 1, "no slot is held by two bookings");
        check(b.status != BookingStatus::Cancelled, "a cancelled booking holds no slot");
    }
}

template <class Import>
void run(Database& db, const Shape& shape, Import&& import) {
    const Counts before = count(db, shape);
    try {
        const ImportResult r = import();
        const Counts after = count(db, shape);
        check(r.rows >= 0 && r.created_issues >= 0 && r.contacts >= 0, "import counts are not negative");
        check(after.issues == before.issues + static_cast<size_t>(r.created_issues), "created issues are counted");
        check(after.contacts == before.contacts + static_cast<size_t>(r.contacts), "contacts are counted");
        check(after.bookings + static_cast<std::int64_t>(after.sponsors) ==
                  before.bookings + static_cast<std::int64_t>(before.sponsors) + r.rows,
              "every imported row is one new sponsor or booking");
    } catch (const Error&) {
        check(count(db, shape) == before, "a failed import leaves the database as it was");
    }
    check_slots(db, shape);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setenv("SPONSORDESK_TODAY", "2026-03-01", 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static sponsordesk::fuzz::ShmFile file("import-csv");
    const std::string& path = file.write({reinterpret_cast<const char*>(data), size});
    // The filled database is made once and copied back page by page before
    // each input (SQLite's backup API): a schema migration per input would
    // cost more than the import itself.
    static Database db(":memory:");
    static const Shape shape = fill(db);
    static SQLite::Database pristine(":memory:", SQLite::OPEN_READWRITE);
    static const bool saved = (SQLite::Backup(pristine, db.sql()).executeStep(), true);
    (void)saved;
    SQLite::Backup(db.sql(), pristine).executeStep();
    ImportService imports(db);
    run(db, shape, [&] { return imports.sponsors(path); });
    run(db, shape, [&] { return imports.bookings(path); });
    return 0;
}

// Fuzzes the campaign results imports (ResultsService::import_stats and
// import_clicks) on an in-memory database holding one publication with two
// placements, two issues and two booked bookings with links. The input is
// one CSV file (written under /dev/shm: the service reads a path), offered
// to both imports.
//
// Properties: only the core's typed errors come out; an import that fails
// leaves the issues' figures and the link clicks exactly as they were; one
// that succeeds accounts for every row (matched + unmatched = rows, at most
// one stored link per matched row), and importing the same file a second
// time changes nothing.
#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Statement.h>

#include "fuzz_support.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/results_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/issue_repository.h"
#include "sponsordesk/storage/sponsor_repository.h"

using namespace sponsordesk;
using sponsordesk::fuzz::check;

namespace {

void fill(Database& db) {
    WriteTransaction tx(db);
    CatalogRepository catalog(db);
    Publication pub;
    pub.name = "La Lettre";
    pub.slug = "lettre";
    const Id pub_id = catalog.insert_publication(pub);
    Placement main;
    main.publication_id = pub_id;
    main.code = "MAIN";
    main.name = "Sponsor principal";
    main.price = 150000;
    const Id main_id = catalog.insert_placement(main);
    Placement ads = main;
    ads.code = "ADS";
    ads.name = "Petites annonces";
    ads.slots = 3;
    const Id ads_id = catalog.insert_placement(ads);

    SponsorRepository sponsors(db);
    Sponsor acme;
    acme.name = "Acme";
    const Id acme_id = sponsors.insert(acme);
    Sponsor cafe;
    cafe.name = "Café Crème";
    const Id cafe_id = sponsors.insert(cafe);

    IssueRepository issues(db);
    BookingRepository bookings(db);
    for (int day : {3, 4}) {
        Issue issue;
        issue.publication_id = pub_id;
        issue.number = day;
        issue.date = {2026, 3, day};
        const Id issue_id = issues.insert(issue);
        Booking b;
        b.issue_id = issue_id;
        b.placement_id = main_id;
        b.sponsor_id = acme_id;
        b.price = 150000;
        b.status = BookingStatus::Approved;
        b.slot = 1;
        b.link = "https://acme.example/essai";
        bookings.insert(b);
        b.placement_id = ads_id;
        b.sponsor_id = cafe_id;
        b.link = "https://cafe.example/";
        b.copy = "Un [café](https://www.cafe.example/menu).";
        bookings.insert(b);
    }
    tx.commit();
}

// What an import may change: the issues' figures and the link clicks.
std::string state(Database& db) {
    std::string out;
    for (const char* sql :
         {"SELECT id, audience, opens, clicks FROM issue ORDER BY id",
          "SELECT id, issue_id, url, booking_id, clicks, unique_clicks FROM link_click ORDER BY id"}) {
        SQLite::Statement q(db.sql(), sql);
        while (q.executeStep()) {
            for (int c = 0; c < q.getColumnCount(); ++c)
                out += (q.getColumn(c).isNull() ? std::string("-") : q.getColumn(c).getString()) + "|";
            out += "\n";
        }
    }
    return out;
}

template <class Import, class Accounted>
void run(Database& db, Import&& import, Accounted&& accounted) {
    const std::string before = state(db);
    try {
        const auto r = import();
        accounted(r);
        const std::string once = state(db);
        import();
        check(state(db) == once, "importing the same file again changes nothing");
    } catch (const Error&) {
        check(state(db) == before, "a failed import leaves the database as it was");
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setenv("SPONSORDESK_TODAY", "2026-03-01", 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static sponsordesk::fuzz::ShmFile file("results-csv");
    const std::string& path = file.write({reinterpret_cast<const char*>(data), size});
    static Database db(":memory:");
    static const bool filled = (fill(db), true);
    (void)filled;
    static SQLite::Database pristine(":memory:", SQLite::OPEN_READWRITE);
    static const bool saved = (SQLite::Backup(pristine, db.sql()).executeStep(), true);
    (void)saved;
    SQLite::Backup(db.sql(), pristine).executeStep();
    ResultsService results(db);
    run(
        db,
        [&] {
            return results.import_stats({"lettre", path, {}, {}, {}, {}});
        },
        [](const StatsImportResult& r) {
            check(r.issues + static_cast<int>(r.skipped.size()) == r.rows, "every stats row is set or listed");
        });
    run(
        db,
        [&] {
            return results.import_clicks({"lettre", path, {}, {}, {}, {}});
        },
        [&](const ClicksImportResult& r) {
            check(r.matched + static_cast<int>(r.unmatched.size()) == r.rows, "every link row is matched or listed");
            check(r.links <= r.matched, "no more links stored than rows matched");
            const int stored = db.sql().execAndGet("SELECT count(*) FROM link_click").getInt();
            check(stored == r.links, "every link reported is stored, and only those");
        });
    return 0;
}

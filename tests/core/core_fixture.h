#pragma once
// An in-memory database (or a fresh PostgreSQL one, test_database.h) with one publication, two placements, planned
// issues and a few sponsors, for the core's rule tests.
#include <cstdlib>
#include <memory>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "../support/test_database.h"
#include "../support/test_lookup.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk::test {

class CoreFixture : public ::testing::Test {
protected:
    void SetUp() override {
        set_today("2026-03-01");
        db = test_database();
        CatalogService catalog(*db);
        Publication p;
        p.name = "Le Brief";
        p.slug = "brief";
        p.copy_deadline_days = 3;
        catalog.add_publication(p);
        Placement main;
        main.code = "MAIN";
        main.name = "Sponsor principal";
        main.heading = "UN MOT DE NOTRE SPONSOR";
        main.price = 150000;
        main.max_words = 10;
        catalog.add_placement("brief", main);
        Placement cls;
        cls.code = "CLASS";
        cls.name = "Petites annonces";
        cls.price = 20000;
        cls.slots = 4;
        catalog.add_placement("brief", cls);
        IssueService(*db).plan("brief", Date::parse("2026-03-02"), Date::parse("2026-03-31"));
        add_sponsor("Acme", "banque");
        add_sponsor("Bobco", "banque");
        add_sponsor("Cirrus", "cloud");
        add_sponsor("Dune", "");
    }
    void TearDown() override { unsetenv("SPONSORDESK_TODAY"); }

    static void set_today(const char* iso) { setenv("SPONSORDESK_TODAY", iso, 1); }

    Sponsor add_sponsor(const std::string& name, const std::string& category) {
        Sponsor s;
        s.name = name;
        s.category = category;
        return SponsorService(*db).add(s);
    }

    BookingView book(const std::string& sponsor, const std::string& date, const std::string& code = "MAIN",
                     std::optional<BookingStatus> status = std::nullopt, std::optional<Date> hold_until = std::nullopt,
                     bool allow_competitor = false) {
        BookRequest r = test_lookup::book_request(*db, sponsor, "brief", Date::parse(date), code);
        r.status = status;
        r.hold_until = hold_until;
        r.allow_competitor = allow_competitor;
        return BookingService(*db).book(r);
    }

    // The first column of the first row of a query (portable SQL: it runs on both engines).
    int sql_int(const std::string& q) {
        sql::Statement s(db->connection(), q);
        s.executeStep();
        return s.getColumn(0).getInt();
    }

    // True when the engine refuses `q` run straight on it, past the
    // services: an SQLite::Exception on a file, one of the core's typed
    // errors on a server; any other outcome is false or propagates.
    bool raw_sql_refused(const std::string& q) {
        try {
            if (db->on_server())
                db->connection().execute(q);
            else
                db->sql().exec(q);
        } catch (const SQLite::Exception&) {
            return !db->on_server();
        } catch (const Error&) {
            return db->on_server();
        }
        return false;
    }

    std::unique_ptr<Database> db;
};

}  // namespace sponsordesk::test

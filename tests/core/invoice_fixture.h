#pragma once
// An in-memory database (or a fresh PostgreSQL one, test_database.h) with a complete publisher (it can issue), three
// publications (fr EUR, en EUR, en USD) and helpers to add invoiceable
// sponsors and book them: the invoice service's tests.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "../support/test_database.h"
#include "../support/test_lookup.h"
#include "../support/test_support.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"

namespace sponsordesk::test {

class InvoiceServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        today.set("2026-03-31");
        complete_publisher();
        add_publication("Le Brief Tech", "brief", "fr", "EUR");
        add_publication("The Weekly", "weekly", "en", "EUR");
        add_publication("Dollar Digest", "dollars", "en", "USD");
    }

    void complete_publisher() {
        PublisherChanges c = test_lookup::issuing_publisher();
        c.address = "3 rue du Croissant\n75002 Paris";
        c.iban = "FR7630006000011234567890189";
        c.bic = "AGRIFRPP";
        CatalogService(db).update_publisher(c);
    }

    void add_publication(const std::string& name, const std::string& slug, const std::string& lang,
                         const std::string& currency) {
        Publication p;
        p.name = name;
        p.slug = slug;
        p.language = lang;
        p.currency = currency;
        CatalogService(db).add_publication(p);
        Placement pl;
        pl.code = "MAIN";
        pl.name = lang == "fr" ? "Sponsor principal" : "Main sponsor";
        pl.price = 150000;
        pl.slots = 50;
        CatalogService(db).add_placement(slug, pl);
    }

    Sponsor sponsor(const std::string& name, const std::string& country = "FR", const std::string& vat = "",
                    RateBp rate = 2000, int terms = 30) {
        Sponsor s;
        s.name = name;
        s.legal_name = name + " SAS";
        s.address = "1 avenue de l'Opéra\n75001 Paris";
        s.country = country;
        s.vat_number = vat;
        s.vat_rate = rate;
        s.payment_terms_days = terms;
        return SponsorService(db).add(test_lookup::invoiceable(s));
    }

    SponsorId sid(const std::string& name) { return test_lookup::sponsor_id(db, name); }

    BookingId book(const std::string& sponsor_name, const std::string& date, Minor price,
                   const std::string& slug = "brief", BookingStatus status = BookingStatus::Confirmed) {
        const Date d = Date::parse(date);
        try {
            IssueService(db).get(slug, d);
        } catch (const NotFound&) {
            IssueService(db).add(slug, d, std::nullopt, "");
        }
        BookRequest r = test_lookup::book_request(db, sponsor_name, slug, d, "MAIN");
        r.price = price;
        r.status = status;
        return BookingService(db).book(r).id();
    }

    // The first column of the first row of a query (portable SQL: it runs on both engines).
    int sql_int(const std::string& q) {
        sql::Statement s(db.connection(), q);
        s.executeStep();
        return s.getColumn(0).getInt();
    }

    // Runs SQL straight on the engine, past the services (to break a rule
    // the storage itself must refuse, or to set up a broken state).
    void raw_sql(const std::string& q) {
        if (db.on_server())
            db.connection().execute(q);
        else
            db.sql().exec(q);
    }
    // True when the engine refuses `q`: an SQLite::Exception on a file, one
    // of the core's typed errors on a server; any other outcome is false or
    // propagates.
    bool raw_sql_refused(const std::string& q) {
        try {
            raw_sql(q);
        } catch (const SQLite::Exception&) {
            return !db.on_server();
        } catch (const Error&) {
            return db.on_server();
        }
        return false;
    }

    FakeToday today;
    std::unique_ptr<Database> db_owner = test_database();
    Database& db = *db_owner;
    InvoiceService invoices{db};
};

}  // namespace sponsordesk::test

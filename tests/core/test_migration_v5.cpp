// Schema v5: the 2026 invoice data (structured addresses, SIRET, legal
// form…, invoice references, EUR rate, legacy flag, originals, refunds).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include <SQLiteCpp/Database.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/database.h"
#include "sponsordesk/storage/invoice_repository.h"
#include "sponsordesk/storage/sponsor_repository.h"

using namespace sponsordesk;
namespace fs = std::filesystem;

namespace {

struct TempDb {
    fs::path path = fs::temp_directory_path() / ("sd-v5-" + std::to_string(std::random_device{}()) + ".db");
    ~TempDb() {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ec);
    }
};

int file_schema_version(const fs::path& p) {
    SQLite::Database db(p.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
}

// A copy of tests/data/migrations/schema-v4.db (written by the program of
// ea5fe12, see the README there): two issued invoices, a credit note and a
// draft.
void open_v4_copy(const TempDb& f) {
    fs::copy_file(fs::path(SPONSORDESK_TEST_DATA) / "migrations" / "schema-v4.db", f.path);
    ASSERT_EQ(file_schema_version(f.path), 4) << "the committed file is not of version 4";
}

Id issued_invoice(Database& db, InvoiceKind kind = InvoiceKind::Invoice) {
    Sponsor s;
    s.name = "Sponsor " + std::to_string(std::random_device{}());
    const Id sponsor = SponsorRepository(db).insert(s);
    InvoiceRepository invoices(db);
    Invoice inv;
    inv.kind = kind;
    inv.sponsor_id = sponsor;
    const Id id = invoices.insert(inv);
    invoices.issue(id, (kind == InvoiceKind::CreditNote ? "AV-2026-" : "2026-") + std::to_string(id), Date{2026, 3, 31},
                   Date{2026, 4, 30}, "{}", "{}", InvoiceStatus::Issued);
    return id;
}

}  // namespace

TEST(MigrationV5, AVersion4FileOpensKeepsItsFreeTextAddressAndGainsEmptyStructuredFields) {
    TempDb f;
    open_v4_copy(f);
    Database db(f.path.string());
    ASSERT_EQ(db.schema_version(), Database::latest_schema_version());
    ASSERT_GE(db.schema_version(), 5);

    const Publisher p = CatalogRepository(db).publisher();
    EXPECT_EQ(p.name, "Éditions du Matin SAS");
    EXPECT_EQ(p.address, "1 rue de la Paix\n75002 Paris");  // still there, still shown
    EXPECT_TRUE(p.postal.empty());
    EXPECT_EQ(p.postal.country, "FR");
    EXPECT_EQ(p.siren, "732829320");
    EXPECT_EQ(p.siret, "");
    EXPECT_EQ(p.legal_form, "");
    EXPECT_EQ(p.share_capital, -1);
    EXPECT_EQ(p.registry, "");
    EXPECT_EQ(p.einvoice_address, "");
    EXPECT_FALSE(p.vat_on_debits);
    EXPECT_EQ(p.vat_regime, VatRegime::Normal);

    const auto acme = SponsorRepository(db).find_by_name("Acme");
    ASSERT_TRUE(acme);
    EXPECT_EQ(acme->siren, "552100554");
    EXPECT_TRUE(acme->postal.empty());
    EXPECT_EQ(acme->postal.country, acme->country);
    EXPECT_EQ(acme->siret, "");
    EXPECT_EQ(acme->buyer_reference, "");
    EXPECT_TRUE(acme->business);  // every sponsor was a business before
}

TEST(MigrationV5, InvoicesIssuedBeforeAreLegacyAndTheDraftIsNot) {
    TempDb f;
    open_v4_copy(f);
    Database db(f.path.string());
    InvoiceRepository invoices(db);
    for (const char* number : {"2026-0001", "2026-0002", "AV-2026-0001"}) {
        SCOPED_TRACE(number);
        const auto id = invoices.find_by_number(number);
        ASSERT_TRUE(id);
        const auto inv = invoices.find(*id);
        EXPECT_TRUE(inv->legacy);
        EXPECT_EQ(inv->order_reference, "");
        EXPECT_FALSE(inv->eur_rate_micro);
        EXPECT_FALSE(invoices.original(*id));
    }
    const auto draft = invoices.find(4);
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->status, InvoiceStatus::Draft);
    EXPECT_FALSE(draft->legacy);
    // Issuing it after the migration makes a 2026 invoice, not a legacy one.
    invoices.set_references(4, "PO-77", "ACME-MKT");
    invoices.issue(4, "2026-0003", Date{2026, 3, 31}, Date{2026, 3, 31}, "{}", "{}", InvoiceStatus::Issued);
    EXPECT_FALSE(invoices.find(4)->legacy);
    EXPECT_EQ(invoices.find(4)->order_reference, "PO-77");
    // The legacy flag is as immutable as the rest of an issued invoice.
    EXPECT_THROW(db.sql().exec("UPDATE invoice SET legacy = 0 WHERE number = '2026-0001'"), SQLite::Exception);
    EXPECT_TRUE(invoices.find(*invoices.find_by_number("2026-0001"))->legacy);
}

TEST(SchemaV5, PublisherFieldsRoundTrip) {
    Database db(":memory:");
    CatalogRepository repo(db);
    Publisher p = repo.publisher();
    p.postal = {"12 rue des Lilas", "Bâtiment B", "69003", "Lyon", "FR"};
    p.siren = "732829320";
    p.siret = "73282932000074";
    p.legal_form = "SAS";
    p.share_capital = 1000000;
    p.registry = "RCS Lyon";
    p.einvoice_address = "732829320";
    p.vat_on_debits = true;
    p.vat_regime = VatRegime::Franchise;
    repo.save_publisher(p);
    const Publisher back = repo.publisher();
    EXPECT_EQ(back.postal.line1, "12 rue des Lilas");
    EXPECT_EQ(back.postal.line2, "Bâtiment B");
    EXPECT_EQ(back.postal.postcode, "69003");
    EXPECT_EQ(back.postal.city, "Lyon");
    EXPECT_EQ(back.postal.country, "FR");
    EXPECT_EQ(back.siret, "73282932000074");
    EXPECT_EQ(back.legal_form, "SAS");
    EXPECT_EQ(back.share_capital, 1000000);
    EXPECT_EQ(back.registry, "RCS Lyon");
    EXPECT_EQ(back.einvoice_address, "732829320");
    EXPECT_TRUE(back.vat_on_debits);
    EXPECT_EQ(back.vat_regime, VatRegime::Franchise);
}

TEST(SchemaV5, SponsorFieldsRoundTripAndThePostalCountryIsTheSponsorsCountry) {
    Database db(":memory:");
    SponsorRepository repo(db);
    Sponsor s;
    s.name = "Brauhaus";
    s.country = "DE";
    s.postal = {"Hauptstraße 5", "", "10115", "Berlin", "DE"};
    s.siret = "";
    s.einvoice_address = "billing@brauhaus.example";
    s.buyer_reference = "BH-2026";
    s.business = false;
    s.id = repo.insert(s);
    auto back = repo.find(s.id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->postal.line1, "Hauptstraße 5");
    EXPECT_EQ(back->postal.postcode, "10115");
    EXPECT_EQ(back->postal.city, "Berlin");
    EXPECT_EQ(back->postal.country, "DE");
    EXPECT_EQ(back->einvoice_address, "billing@brauhaus.example");
    EXPECT_EQ(back->buyer_reference, "BH-2026");
    EXPECT_FALSE(back->business);
    back->country = "AT";
    back->siret = "73282932000074";
    back->business = true;
    repo.update(*back);
    back = repo.find(s.id);
    EXPECT_EQ(back->postal.country, "AT");
    EXPECT_EQ(back->siret, "73282932000074");
    EXPECT_TRUE(back->business);
}

TEST(SchemaV5, ReferencesAndEurRateAreSetOnDraftsOnlyAndNewInvoicesAreNeverLegacy) {
    Database db(":memory:");
    Sponsor s;
    s.name = "Acme";
    const Id sponsor = SponsorRepository(db).insert(s);
    InvoiceRepository invoices(db);
    Invoice inv;
    inv.sponsor_id = sponsor;
    inv.currency = "USD";
    inv.order_reference = "PO-1";
    inv.buyer_reference = "REF-1";
    const Id id = invoices.insert(inv);
    EXPECT_EQ(invoices.find(id)->order_reference, "PO-1");
    EXPECT_EQ(invoices.find(id)->buyer_reference, "REF-1");
    EXPECT_FALSE(invoices.find(id)->legacy);
    invoices.set_references(id, "PO-2", "");
    invoices.set_eur_rate(id, 1084300);
    EXPECT_EQ(invoices.find(id)->order_reference, "PO-2");
    EXPECT_EQ(invoices.find(id)->buyer_reference, "");
    EXPECT_EQ(invoices.find(id)->eur_rate_micro, 1084300);
    EXPECT_THROW(invoices.set_eur_rate(id, 0), Conflict);  // the storage's CHECK: > 0
    EXPECT_EQ(invoices.find(id)->eur_rate_micro, 1084300);
    invoices.set_eur_rate(id, std::nullopt);
    EXPECT_FALSE(invoices.find(id)->eur_rate_micro);
    invoices.set_eur_rate(id, 1084300);

    invoices.issue(id, "2026-0001", Date{2026, 3, 31}, Date{2026, 4, 30}, "{}", "{}", InvoiceStatus::Issued);
    EXPECT_THROW(invoices.set_references(id, "PO-3", ""), Conflict);
    EXPECT_THROW(invoices.set_eur_rate(id, 1000000), Conflict);
    // The storage refuses it too, whoever writes the SQL.
    EXPECT_THROW(db.sql().exec("UPDATE invoice SET order_reference = 'x' WHERE id = 1"), SQLite::Exception);
    EXPECT_THROW(db.sql().exec("UPDATE invoice SET eur_rate_micro = 1 WHERE id = 1"), SQLite::Exception);
    EXPECT_THROW(db.sql().exec("UPDATE invoice SET legacy = 1 WHERE id = 1"), SQLite::Exception);
    EXPECT_EQ(invoices.find(id)->order_reference, "PO-2");
    EXPECT_EQ(invoices.find(id)->eur_rate_micro, 1084300);
    EXPECT_THROW(db.sql().exec("INSERT INTO invoice (sponsor_id, currency, legacy) VALUES (1, 'EUR', 1)"),
                 SQLite::Exception);
}

TEST(SchemaV5, TheOriginalIsStoredOnceForAnIssuedInvoiceAndNeverChanges) {
    Database db(":memory:");
    InvoiceRepository invoices(db);
    const Id issued = issued_invoice(db);
    // Bytes, NULs included, come back as they went.
    const std::string pdf("%PDF-1.7\n\0\x01\xff binary", 19);
    const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rsm:CrossIndustryInvoice/>";
    EXPECT_FALSE(invoices.original(issued));
    invoices.store_original(issued, {pdf, xml});
    const auto back = invoices.original(issued);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->pdf, pdf);
    EXPECT_EQ(back->xml, xml);

    EXPECT_THROW(invoices.store_original(issued, {"other", "other"}), Error);
    EXPECT_THROW(db.sql().exec("UPDATE invoice_original SET pdf = x'00'"), SQLite::Exception);
    EXPECT_THROW(db.sql().exec("DELETE FROM invoice_original"), SQLite::Exception);
    EXPECT_EQ(invoices.original(issued)->pdf, pdf);

    Invoice draft;
    draft.sponsor_id = invoices.find(issued)->sponsor_id;
    const Id draft_id = invoices.insert(draft);
    EXPECT_THROW(invoices.store_original(draft_id, {pdf, xml}), Error);
    EXPECT_THROW(invoices.store_original(9999, {pdf, xml}), Error);
    EXPECT_FALSE(invoices.original(draft_id));
}

TEST(SchemaV5, RefundsGoOnIssuedCreditNotesOnlyAndStay) {
    Database db(":memory:");
    InvoiceRepository invoices(db);
    const Id credit = issued_invoice(db, InvoiceKind::CreditNote);
    const Id invoice = issued_invoice(db);
    EXPECT_EQ(invoices.refunded(credit), 0);
    const Id r1 = invoices.insert_refund({0, credit, 30000, Date{2026, 4, 10}});
    const Id r2 = invoices.insert_refund({0, credit, 12050, Date{2026, 4, 2}});
    const auto list = invoices.refunds(credit);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, r2);  // by date
    EXPECT_EQ(list[0].amount, 12050);
    EXPECT_EQ(list[0].date, (Date{2026, 4, 2}));
    EXPECT_EQ(list[1].id, r1);
    EXPECT_EQ(invoices.refunded(credit), 42050);

    EXPECT_THROW(invoices.insert_refund({0, invoice, 100, Date{2026, 4, 2}}), Error);  // not a credit note
    EXPECT_THROW(invoices.insert_refund({0, credit, 0, Date{2026, 4, 2}}), Error);     // amount > 0
    EXPECT_THROW(invoices.insert_refund({0, credit, -5, Date{2026, 4, 2}}), Error);
    Invoice draft_credit;
    draft_credit.kind = InvoiceKind::CreditNote;
    draft_credit.sponsor_id = invoices.find(credit)->sponsor_id;
    const Id draft = invoices.insert(draft_credit);
    EXPECT_THROW(invoices.insert_refund({0, draft, 100, Date{2026, 4, 2}}), Error);
    EXPECT_THROW(db.sql().exec("UPDATE refund SET amount = 1"), SQLite::Exception);
    EXPECT_THROW(db.sql().exec("DELETE FROM refund"), SQLite::Exception);
    EXPECT_EQ(invoices.refunded(credit), 42050);
    EXPECT_TRUE(invoices.refunds(invoice).empty());
}

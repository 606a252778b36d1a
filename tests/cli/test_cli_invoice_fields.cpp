// The 2026 invoice fields on the command line: publisher set, sponsor
// add/set and invoice create take them, show prints them, and bad values
// are refused with exit 1 naming the value, the database unchanged.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

using namespace sponsordesk::test;
using json = nlohmann::json;

namespace {

const std::string kToday = "2026-03-20";

class CliInvoiceFields : public ::testing::Test {
protected:
    void SetUp() override { db = dir.file("fields.db"); }
    CliResult run(const std::vector<std::string>& args) { return run_db(db, args, kToday); }
    std::string ok(const std::vector<std::string>& args) {
        auto r = run(args);
        EXPECT_EQ(r.status, 0) << r.err;
        return r.out;
    }
    json ok_json(std::vector<std::string> args) {
        args.insert(args.begin(), "--json");
        return json::parse(ok(args));
    }
    // Exit 1, one line on stderr naming `value`, and not a byte of the file changed.
    void refused(const std::vector<std::string>& args, const std::string& value) {
        SCOPED_TRACE(value);
        const std::string before = fingerprint(db);
        auto r = run(args);
        EXPECT_EQ(r.status, 1) << r.err;
        EXPECT_NE(r.err.find(value), std::string::npos) << r.err;
        EXPECT_EQ(fingerprint(db), before);
    }
    TempDir dir;
    std::string db;
};

}  // namespace

TEST_F(CliInvoiceFields, PublisherSetTakesEveryNewFieldAndShowPrintsThem) {
    ok({"publisher",
        "set",
        "--name",
        "Éditions du Matin SAS",
        "--address-line",
        "12 rue des Lilas",
        "--address-line2",
        "Bâtiment B",
        "--postcode",
        "69003",
        "--city",
        "Lyon",
        "--country",
        "fr",
        "--siren",
        "732 829 320",
        "--siret",
        "732 829 320 00074",
        "--vat-number",
        "FR44732829320",
        "--legal-form",
        "SAS",
        "--share-capital",
        "10000,50",
        "--registry",
        "RCS Lyon",
        "--einvoice-address",
        "732829320_FACTURES",
        "--vat-on-debits",
        "yes",
        "--vat-regime",
        "franchise"});
    const json p = ok_json({"publisher", "show"});
    EXPECT_EQ(p["address_line"], "12 rue des Lilas");
    EXPECT_EQ(p["address_line2"], "Bâtiment B");
    EXPECT_EQ(p["postcode"], "69003");
    EXPECT_EQ(p["city"], "Lyon");
    EXPECT_EQ(p["country"], "FR");
    EXPECT_EQ(p["siren"], "732829320");
    EXPECT_EQ(p["siret"], "73282932000074");
    EXPECT_EQ(p["vat_number"], "FR44732829320");
    EXPECT_EQ(p["legal_form"], "SAS");
    EXPECT_EQ(p["share_capital"], "10000.50");
    EXPECT_EQ(p["registry"], "RCS Lyon");
    EXPECT_EQ(p["einvoice_address"], "732829320_FACTURES");
    EXPECT_EQ(p["vat_on_debits"], true);
    EXPECT_EQ(p["vat_regime"], "franchise");

    const std::string text = ok({"publisher", "show"});
    for (const char* shown : {"12 rue des Lilas", "Bâtiment B", "69003", "Lyon", "73282932000074", "SAS",
                              "10000.50 EUR", "RCS Lyon", "732829320_FACTURES", "franchise"})
        EXPECT_NE(text.find(shown), std::string::npos) << shown << "\n" << text;

    // Fields not given keep their value; yes|no and the capital can be undone.
    ok({"publisher", "set", "--vat-on-debits", "no", "--vat-regime", "normal", "--share-capital", "", "--address-line2",
        ""});
    const json q = ok_json({"publisher", "show"});
    EXPECT_EQ(q["vat_on_debits"], false);
    EXPECT_EQ(q["vat_regime"], "normal");
    EXPECT_TRUE(q["share_capital"].is_null());
    EXPECT_EQ(q["address_line2"], "");
    EXPECT_EQ(q["city"], "Lyon");
    EXPECT_EQ(q["siret"], "73282932000074");
}

TEST_F(CliInvoiceFields, ASiretAloneGivesTheSiren) {
    ok({"publisher", "set", "--siret", "73282932000074"});
    EXPECT_EQ(ok_json({"publisher", "show"})["siren"], "732829320");
}

TEST_F(CliInvoiceFields, PublisherRefusalsNameTheValueAndWriteNothing) {
    ok({"publisher", "set", "--name", "Éditions du Matin SAS", "--siren", "732829320", "--city", "Lyon"});
    refused({"publisher", "set", "--siren", "85312345600011"}, "85312345600011");
    auto r = run({"publisher", "set", "--siren", "85312345600011"});
    EXPECT_NE(r.err.find("--siret"), std::string::npos) << r.err;  // the issue's SIRET given as a SIREN
    refused({"publisher", "set", "--siren", "732829321"}, "732829321");
    refused({"publisher", "set", "--siret", "73282932000075"}, "73282932000075");
    refused({"publisher", "set", "--siret", "55210055400013"}, "55210055400013");  // another company's SIRET
    refused({"publisher", "set", "--vat-number", "FR40853123456"}, "FR40853123456");
    refused({"publisher", "set", "--vat-number", "FR96552100554"}, "FR96552100554");  // valid, another SIREN
    refused({"publisher", "set", "--postcode", "69OO3"}, "69OO3");
    refused({"publisher", "set", "--country", "XX"}, "XX");
    refused({"publisher", "set", "--share-capital", "-5"}, "-5");
    refused({"publisher", "set", "--share-capital", "10k"}, "10k");
    refused({"publisher", "set", "--vat-on-debits", "maybe"}, "maybe");
    refused({"publisher", "set", "--vat-regime", "micro"}, "micro");
    refused({"publisher", "set", "--einvoice-address", "factures@"}, "factures@");
    // One good and one bad value: the good one is not written either.
    refused({"publisher", "set", "--city", "Paris", "--postcode", "7500A"}, "7500A");
    EXPECT_EQ(ok_json({"publisher", "show"})["city"], "Lyon");
}

TEST_F(CliInvoiceFields, SponsorAddAndSetTakeEveryNewFieldAndShowPrintsThem) {
    ok({"sponsor",
        "add",
        "--name",
        "Acme",
        "--legal-name",
        "Acme SAS",
        "--address-line",
        "3 place Bellecour",
        "--address-line2",
        "2e étage",
        "--postcode",
        "69002",
        "--city",
        "Lyon",
        "--siren",
        "552100554",
        "--siret",
        "55210055400013",
        "--vat-number",
        "FR96552100554",
        "--einvoice-address",
        "factures@acme.example",
        "--buyer-reference",
        "ACME-MKT",
        "--business",
        "yes"});
    json s = ok_json({"sponsor", "show", "Acme"});
    EXPECT_EQ(s["address_line"], "3 place Bellecour");
    EXPECT_EQ(s["address_line2"], "2e étage");
    EXPECT_EQ(s["postcode"], "69002");
    EXPECT_EQ(s["city"], "Lyon");
    EXPECT_EQ(s["country"], "FR");
    EXPECT_EQ(s["siren"], "552100554");
    EXPECT_EQ(s["siret"], "55210055400013");
    EXPECT_EQ(s["vat_number"], "FR96552100554");
    EXPECT_EQ(s["einvoice_address"], "factures@acme.example");
    EXPECT_EQ(s["buyer_reference"], "ACME-MKT");
    EXPECT_EQ(s["business"], true);
    const std::string text = ok({"sponsor", "show", "Acme"});
    for (const char* shown : {"3 place Bellecour", "2e étage", "69002", "55210055400013", "factures@acme.example",
                              "ACME-MKT", "business:      yes"})
        EXPECT_NE(text.find(shown), std::string::npos) << shown << "\n" << text;

    // Moving abroad: the postal country follows --country, postcodes by the new country.
    ok({"sponsor", "set", "Acme", "--country", "GB", "--postcode", "ec1v 9ab", "--city", "London", "--address-line",
        "30 Old Street", "--siren", "", "--siret", "", "--vat-number", "GB123456789", "--business", "no"});
    s = ok_json({"sponsor", "show", "Acme"});
    EXPECT_EQ(s["country"], "GB");
    EXPECT_EQ(s["postcode"], "EC1V 9AB");
    EXPECT_EQ(s["siret"], "");
    EXPECT_EQ(s["business"], false);
    EXPECT_EQ(s["buyer_reference"], "ACME-MKT");  // not given: kept
}

TEST_F(CliInvoiceFields, SponsorRefusalsNameTheValueAndWriteNothing) {
    ok({"sponsor", "add", "--name", "Acme", "--siren", "552100554", "--postcode", "69002"});
    refused({"sponsor", "add", "--name", "Volt", "--siren", "552100555"}, "552100555");
    refused({"sponsor", "add", "--name", "Volt", "--siren", "73282932000074"}, "73282932000074");
    refused({"sponsor", "add", "--name", "Volt", "--siret", "73282932000075"}, "73282932000075");
    refused({"sponsor", "add", "--name", "Volt", "--siren", "552100554", "--siret", "73282932000074"},
            "73282932000074");
    refused({"sponsor", "add", "--name", "Volt", "--vat-number", "FR45732829320"}, "FR45732829320");
    refused({"sponsor", "add", "--name", "Volt", "--siren", "552100554", "--vat-number", "FR44732829320"},
            "FR44732829320");
    refused({"sponsor", "add", "--name", "Volt", "--postcode", "750O1"}, "750O1");
    refused({"sponsor", "add", "--name", "Volt", "--country", "UK"}, "UK");
    refused({"sponsor", "add", "--name", "Volt", "--business", "perhaps"}, "perhaps");
    refused({"sponsor", "set", "Acme", "--siret", "55210055400014"}, "55210055400014");
    refused({"sponsor", "set", "Acme", "--vat-number", "FR44732829320"}, "FR44732829320");
    refused({"sponsor", "set", "Acme", "--city", "Lyon", "--country", "DE", "--postcode", "1"}, "1");
    const json s = ok_json({"sponsor", "show", "Acme"});
    EXPECT_EQ(s["city"], "");
    EXPECT_EQ(s["country"], "FR");
    EXPECT_EQ(ok_json({"sponsor", "list"}).size(), 1u);
}

TEST_F(CliInvoiceFields, InvoiceCreateStoresTheOrderAndBuyerReferences) {
    ok({"publication", "add", "--name", "Le Brief", "--slug", "brief"});
    ok({"placement", "add", "--publication", "brief", "--code", "MAIN", "--name", "Main", "--price", "1500"});
    ok({"issue", "plan", "--publication", "brief", "--from", "2026-03-02", "--to", "2026-03-13"});
    ok({"sponsor", "add", "--name", "Acme", "--buyer-reference", "ACME-MKT"});
    const std::string b1 = ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-03-02",
                               "--placement", "MAIN", "--status", "confirmed"});
    const std::string b2 = ok({"book", "--sponsor", "Acme", "--publication", "brief", "--date", "2026-03-03",
                               "--placement", "MAIN", "--status", "confirmed"});
    auto trim = [](std::string s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
        return s;
    };
    json inv = ok_json({"invoice", "create", "--sponsor", "Acme", "--bookings", trim(b1), "--order-ref", "PO 2026/117",
                        "--buyer-ref", "Service marketing"});
    EXPECT_EQ(inv["order_ref"], "PO 2026/117");
    EXPECT_EQ(inv["buyer_ref"], "Service marketing");
    const std::string shown = ok({"invoice", "show", std::to_string(inv["id"].get<long long>())});
    EXPECT_NE(shown.find("PO 2026/117"), std::string::npos) << shown;
    EXPECT_NE(shown.find("Service marketing"), std::string::npos) << shown;

    // Without --buyer-ref, the sponsor's own reference.
    inv = ok_json({"invoice", "create", "--sponsor", "Acme", "--bookings", trim(b2)});
    EXPECT_EQ(inv["order_ref"], "");
    EXPECT_EQ(inv["buyer_ref"], "ACME-MKT");
    ok({"invoice", "cancel", std::to_string(inv["id"].get<long long>())});  // the draft goes

    refused({"invoice", "create", "--sponsor", "Acme", "--bookings", trim(b2), "--order-ref", "PO\x01"}, "PO");
    refused({"invoice", "create", "--sponsor", "Acme", "--bookings", trim(b2), "--buyer-ref", std::string(101, 'r')},
            "buyer reference");
}

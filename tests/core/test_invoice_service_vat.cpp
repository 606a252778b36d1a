// VAT on invoices: per line, rounded half away from zero, summed; the regime
// (standard, reverse charge in the EU, outside the EU) and its mention; the
// document handed to the export layer.
#include <gtest/gtest.h>

#include <cstdlib>
#include <tuple>

#include <fmt/format.h>

#include "../support/test_lookup.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"

using namespace sponsordesk;

namespace {

class InvoiceVatTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (const char* v = std::getenv("SPONSORDESK_TODAY")) saved_today_ = v;
        setenv("SPONSORDESK_TODAY", "2026-03-31", 1);
        CatalogService(db).update_publisher(test_lookup::issuing_publisher());
        for (auto [name, slug, lang] : {std::tuple{"Le Brief Tech", "brief", "fr"}, {"The Weekly", "weekly", "en"}}) {
            Publication p;
            p.name = name;
            p.slug = slug;
            p.language = lang;
            CatalogService(db).add_publication(p);
            Placement pl;
            pl.code = "MAIN";
            pl.name = "Main";
            pl.price = 100;
            pl.slots = 50;
            CatalogService(db).add_placement(slug, pl);
        }
    }
    void TearDown() override {
        if (saved_today_)
            setenv("SPONSORDESK_TODAY", saved_today_->c_str(), 1);
        else
            unsetenv("SPONSORDESK_TODAY");
    }

    Sponsor sponsor(const std::string& name, const std::string& country, const std::string& vat = "",
                    RateBp rate = 2000) {
        Sponsor s;
        s.name = name;
        s.legal_name = name + " Ltd";
        s.address = "Somewhere 1";
        s.country = country;
        s.vat_number = vat;
        s.vat_rate = rate;
        return SponsorService(db).add(test_lookup::invoiceable(s));
    }

    SponsorId sid(const std::string& name) { return test_lookup::sponsor_id(db, name); }

    BookingId book(const std::string& who, const std::string& date, Minor price, const std::string& slug = "brief") {
        const Date d = Date::parse(date);
        try {
            IssueService(db).get(slug, d);
        } catch (const NotFound&) {
            IssueService(db).add(slug, d, std::nullopt, "");
        }
        BookRequest r = test_lookup::book_request(db, who, slug, d, "MAIN");
        r.price = price;
        r.status = BookingStatus::Confirmed;
        return BookingService(db).book(r).id();
    }

    // One invoice of the given line prices for a fresh sponsor, issued.
    InvoiceView invoice_of(const std::vector<Minor>& prices, RateBp rate, const std::string& country = "FR",
                           const std::string& vat = "", const std::string& slug = "brief") {
        const std::string name = "Sponsor " + std::to_string(++sponsors_);
        sponsor(name, country, vat, rate);
        std::vector<BookingId> ids;
        int day = 1;
        for (Minor p : prices) ids.push_back(book(name, fmt::format("2026-03-{:02}", day++), p, slug));
        return invoices.issue(invoices.create_for_bookings(sid(name), ids).id());
    }

    Database db{":memory:"};
    InvoiceService invoices{db};
    int sponsors_ = 0;
    std::optional<std::string> saved_today_;
};

TEST_F(InvoiceVatTest, ThreeLinesOf3333At20PercentMake2001NotTwenty) {
    const InvoiceView v = invoice_of({3333, 3333, 3333}, 2000);
    for (const auto& l : v.lines) {
        EXPECT_EQ(l.vat, 667);  // 6.666 rounds to 6.67 on each line
        EXPECT_EQ(l.gross, 4000);
    }
    EXPECT_EQ(v.invoice.net, 9999);
    EXPECT_EQ(v.invoice.vat, 2001);  // not 20.00 (99.99 × 20 % rounded once)
    EXPECT_EQ(v.invoice.gross, 12000);
    ASSERT_EQ(v.vat_breakdown.size(), 1u);
    EXPECT_EQ(v.vat_breakdown[0].rate, 2000);
    EXPECT_EQ(v.vat_breakdown[0].base, 9999);
    EXPECT_EQ(v.vat_breakdown[0].vat, 2001);
}

TEST_F(InvoiceVatTest, HalfCentsRoundAwayFromZeroOnEachLine) {
    // 0.25 at 10 % = 0.025 → 0.03; 0.05 at 10 % = 0.005 → 0.01; 0.24 → 0.024 → 0.02.
    InvoiceView ten = invoice_of({25, 5, 24}, 1000);
    EXPECT_EQ(ten.lines[0].vat, 3);
    EXPECT_EQ(ten.lines[1].vat, 1);
    EXPECT_EQ(ten.lines[2].vat, 2);
    EXPECT_EQ(ten.invoice.vat, 6);  // the total of 0.54 at 10 % would be 0.05

    // 1.00 at 5.5 % = 0.055 → 0.06 per line; three lines 0.18, not 0.165 → 0.17.
    InvoiceView reduced = invoice_of({100, 100, 100}, 550);
    EXPECT_EQ(reduced.lines[0].vat, 6);
    EXPECT_EQ(reduced.invoice.vat, 18);
    EXPECT_EQ(reduced.invoice.gross, 318);

    // 20 %: 0.12 → 0.024 → 0.02; 0.13 → 0.026 → 0.03; 0.125 cannot occur (cents).
    InvoiceView std20 = invoice_of({12, 13}, 2000);
    EXPECT_EQ(std20.lines[0].vat, 2);
    EXPECT_EQ(std20.lines[1].vat, 3);

    // The credit note rounds the same way with the opposite sign.
    CancelResult r = invoices.cancel(ten.id());
    ASSERT_TRUE(r.credit_note);
    EXPECT_EQ(r.credit_note->lines[0].vat, -3);
    EXPECT_EQ(r.credit_note->lines[1].vat, -1);
    EXPECT_EQ(r.credit_note->invoice.vat, -6);
    EXPECT_EQ(r.credit_note->invoice.gross, -(54 + 6));
}

TEST_F(InvoiceVatTest, FrenchSponsorAtTheStandardAndAReducedRate) {
    InvoiceView std20 = invoice_of({150000}, 2000);
    EXPECT_EQ(std20.lines[0].vat_category, "S");
    EXPECT_EQ(std20.lines[0].vat_rate, 2000);
    EXPECT_EQ(std20.invoice.vat, 30000);
    EXPECT_EQ(std20.invoice.vat_mention, "");

    InvoiceView ten = invoice_of({150000}, 1000);
    EXPECT_EQ(ten.lines[0].vat_category, "S");
    EXPECT_EQ(ten.invoice.vat, 15000);
    EXPECT_EQ(ten.invoice.gross, 165000);
    EXPECT_NO_THROW(validate_invoice_document(invoices.document(ten.id())));
}

TEST_F(InvoiceVatTest, GermanBusinessWithAVatNumberIsReverseCharged) {
    InvoiceView fr = invoice_of({150000}, 2000, "DE", "DE129273398");
    EXPECT_EQ(fr.lines[0].vat_category, "AE");
    EXPECT_EQ(fr.lines[0].vat_rate, 0);
    EXPECT_EQ(fr.invoice.vat, 0);
    EXPECT_EQ(fr.invoice.gross, 150000);
    EXPECT_EQ(fr.invoice.vat_mention, "Autoliquidation");
    InvoiceDocument doc = invoices.document(fr.id());
    EXPECT_EQ(doc.seller.vat_number, "FR44732829320");  // both VAT numbers on the document
    EXPECT_EQ(doc.buyer.vat_number, "DE129273398");
    EXPECT_EQ(doc.buyer.country_code, "DE");
    EXPECT_NO_THROW(validate_invoice_document(doc));

    InvoiceView en = invoice_of({150000}, 2000, "DE", "DE129273398", "weekly");
    EXPECT_EQ(en.invoice.language, "en");
    // "Autoliquidation" whatever the language: the law's word.
    EXPECT_EQ(en.invoice.vat_mention, "Autoliquidation — reverse charge, art. 196 of Directive 2006/112/EC");

    // Without a VAT number a German customer pays French VAT.
    InvoiceView consumer = invoice_of({150000}, 2000, "DE");
    EXPECT_EQ(consumer.lines[0].vat_category, "S");
    EXPECT_EQ(consumer.invoice.vat, 30000);
}

TEST_F(InvoiceVatTest, BusinessesOutsideTheEuPayNoFrenchVat) {
    for (const char* country : {"US", "CH", "GB"}) {
        InvoiceView fr = invoice_of({150000}, 2000, country, "");
        EXPECT_EQ(fr.lines[0].vat_category, "G") << country;
        EXPECT_EQ(fr.invoice.vat, 0) << country;
        EXPECT_EQ(fr.invoice.vat_mention, "TVA non applicable, art. 259-1 du CGI") << country;
        EXPECT_NO_THROW(validate_invoice_document(invoices.document(fr.id())));
    }
    InvoiceView en = invoice_of({150000}, 2000, "CH", "CHE123456789", "weekly");
    EXPECT_EQ(en.invoice.vat_mention, "VAT not applicable, art. 259-1 of the French tax code (CGI)");
    EXPECT_EQ(en.invoice.gross, 150000);
}

TEST_F(InvoiceVatTest, MonacoIsInsideTheFrenchVatTerritory) {
    InvoiceView mc = invoice_of({10000}, 2000, "MC", "FR96552100554");
    EXPECT_EQ(mc.lines[0].vat_category, "S");
    EXPECT_EQ(mc.invoice.vat, 2000);
}

TEST_F(InvoiceVatTest, EuCountryList) {
    for (const char* cc : {"FR", "DE", "IT", "ES", "BE", "NL", "IE", "AT", "PL", "HR", "EL", "GR", "CY", "MT"})
        EXPECT_TRUE(InvoiceService::is_eu_country(cc)) << cc;
    for (const char* cc : {"GB", "CH", "NO", "US", "MC", "TR", "", "XX"})
        EXPECT_FALSE(InvoiceService::is_eu_country(cc)) << cc;
}

TEST_F(InvoiceVatTest, TheRegimeIsTheSponsorsWhenTheInvoiceIsIssued) {
    Sponsor s = sponsor("Movers", "FR");
    book("Movers", "2026-03-02", 150000);
    const auto id = invoices.create_for_month(sid("Movers"), Month::parse("2026-03")).id();
    EXPECT_EQ(invoices.get(id).invoice.vat, 30000);  // the draft as the sponsor was then
    s.country = "DE";
    s.vat_number = "DE129273398";
    s.siren.clear();
    s.einvoice_address = "rechnung@movers.example";
    SponsorService(db).update(s);
    InvoiceView v = invoices.issue(id);
    EXPECT_EQ(v.lines[0].vat_category, "AE");
    EXPECT_EQ(v.invoice.vat, 0);
    EXPECT_EQ(v.invoice.gross, 150000);
    EXPECT_EQ(v.invoice.vat_mention, "Autoliquidation");
}

TEST_F(InvoiceVatTest, LanguageFollowsThePublicationAndIsFrenchWhenMixed) {
    sponsor("Both", "FR");
    const auto fr = book("Both", "2026-03-02", 1000, "brief");
    const auto en = book("Both", "2026-03-03", 1000, "weekly");
    EXPECT_EQ(invoices.create_for_bookings(sid("Both"), {en}).invoice.language, "en");
    invoices.cancel(invoices.list({}).back().id());
    EXPECT_EQ(invoices.create_for_bookings(sid("Both"), {fr}).invoice.language, "fr");
    invoices.cancel(invoices.list({}).back().id());
    EXPECT_EQ(invoices.create_for_bookings(sid("Both"), {fr, en}).invoice.language, "fr");
}

TEST_F(InvoiceVatTest, TheDocumentCarriesWhatTheExportLayerChecks) {
    InvoiceView v = invoice_of({3333, 3333, 3333}, 2000);
    invoices.pay(v.id(), 2000, Date::parse("2026-03-31"));
    InvoiceDocument doc = invoices.document(v.id());
    EXPECT_NO_THROW(validate_invoice_document(doc));
    EXPECT_EQ(doc.kind, InvoiceKind::Invoice);
    EXPECT_EQ(doc.number, "2026-0001");
    EXPECT_EQ(doc.issue_date, Date::parse("2026-03-31"));
    EXPECT_EQ(doc.due_date, Date::parse("2026-04-30"));
    EXPECT_EQ(doc.lines.size(), 3u);
    EXPECT_EQ(doc.total_vat, 2001);
    // The document is the invoice as issued: a later payment does not change it.
    EXPECT_EQ(doc.amount_paid, 0);
    EXPECT_EQ(doc.seller.legal_name, "Média Lettres SAS");
    EXPECT_EQ(doc.buyer.legal_name, "Sponsor 1 Ltd");
}

}  // namespace

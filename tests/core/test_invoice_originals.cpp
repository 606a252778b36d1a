// The issued original (SPEC, "Invoices: the 2026 French rules and
// Factur-X"): made and stored when the invoice is issued, exported byte for
// byte ever after; the euro rate of invoices in another currency; money paid
// back on credit notes; the end-of-month notice; discounts frozen on lines;
// invoices issued before Factur-X.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "../support/test_support.h"
#include "invoice_fixture.h"
#include "sponsordesk/export/facturx.h"
#include "sponsordesk/services/invoice_rules.h"

using namespace sponsordesk;
using sponsordesk::test::InvoiceServiceTest;
using sponsordesk::test::TempDir;

namespace {

std::string slurp(const std::string& path) { return sponsordesk::test::run_command("cat '" + path + "'"); }

class InvoiceOriginals : public InvoiceServiceTest {
protected:
    InvoiceView issued_march(const std::string& date = "2026-03-31") {
        sponsor("Acme");
        book("Acme", "2026-03-02", 150000);
        book("Acme", "2026-03-16", 120000);
        return invoices.issue(invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id(), Date::parse(date));
    }
    TempDir dir;
};

TEST_F(InvoiceOriginals, TheIssuedPdfAndXmlAreStoredAndEveryExportReturnsTheirBytes) {
    const InvoiceView v = issued_march();
    const auto original = InvoiceRepository(db).original(v.invoice.id);
    ASSERT_TRUE(original);
    EXPECT_EQ(original->pdf.rfind("%PDF-1.7", 0), 0u);
    EXPECT_NE(original->xml.find("<ram:ID>2026-0001</ram:ID>"), std::string::npos);

    // Later changes to the publisher and the sponsor change nothing issued.
    PublisherChanges c;
    c.name = "Autre Nom SAS";
    CatalogService(db).update_publisher(c);
    Sponsor acme = test_lookup::sponsor_named(db, "Acme");
    acme.legal_name = "Acme Renamed";
    SponsorService(db).update(acme);

    EXPECT_EQ(invoices.export_pdf(v.id(), dir.file("a.pdf")), InvoiceService::PdfKind::FacturX);
    EXPECT_EQ(invoices.export_pdf(v.id(), dir.file("b.pdf")), InvoiceService::PdfKind::FacturX);
    invoices.export_cii(v.id(), dir.file("a.xml"));
    EXPECT_EQ(slurp(dir.file("a.pdf")), original->pdf);
    EXPECT_EQ(slurp(dir.file("b.pdf")), original->pdf);
    EXPECT_EQ(slurp(dir.file("a.xml")), original->xml);
    EXPECT_EQ(original->xml.find("Autre Nom"), std::string::npos);
    // The XML the PDF carries is the one stored beside it.
    int status = 0;
    sponsordesk::test::run_command("pdfdetach -saveall -o '" + dir.path().string() + "' '" + dir.file("a.pdf") + "'",
                                   &status);
    ASSERT_EQ(status, 0);
    EXPECT_EQ(slurp(dir.file("factur-x.xml")), original->xml);
}

TEST_F(InvoiceOriginals, ACreditNoteHasItsOwnOriginalCitingTheInvoice) {
    const InvoiceView v = issued_march();
    const CancelResult r = invoices.cancel(v.id(), Date::parse("2026-03-31"));
    ASSERT_TRUE(r.credit_note);
    const auto original = InvoiceRepository(db).original(r.credit_note->invoice.id);
    ASSERT_TRUE(original);
    EXPECT_NE(original->xml.find("<ram:TypeCode>381</ram:TypeCode>"), std::string::npos);
    EXPECT_NE(original->xml.find("2026-0001"), std::string::npos);  // the invoice it cancels
}

TEST_F(InvoiceOriginals, ADraftExportsAsAPreviewAndHasNoXml) {
    sponsor("Acme");
    book("Acme", "2026-03-02", 150000);
    const InvoiceId id = invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id();
    EXPECT_EQ(invoices.export_pdf(id, dir.file("d.pdf")), InvoiceService::PdfKind::Preview);
    const std::string text = sponsordesk::test::run_command("pdftotext '" + dir.file("d.pdf") + "' -");
    EXPECT_NE(text.find("FACTURE"), std::string::npos) << text;
    try {
        invoices.export_cii(id, dir.file("d.xml"));
        FAIL() << "a draft exported as an e-invoice";
    } catch (const Conflict& e) {
        EXPECT_EQ(e.code(), ErrorCode::DraftNotExported);
    }
    EXPECT_FALSE(std::filesystem::exists(dir.file("d.xml")));
}

// A new file's publisher has no legal name yet: the preview says what is
// missing (a code the desktop app words), and writes nothing.
TEST_F(InvoiceOriginals, APreviewWithoutThePublishersNameNamesWhatIsMissing) {
    sponsor("Acme");
    book("Acme", "2026-03-02", 150000);
    const InvoiceId id = invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id();
    raw_sql("UPDATE publisher SET name = ''");
    try {
        invoices.export_pdf(id, dir.file("p.pdf"));
        FAIL() << "previewed without a seller";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::MissingInvoiceData);
        EXPECT_EQ(e.info().values.at("fields"), ErrorValue(std::vector<std::string>{"seller.name"}));
    }
    EXPECT_FALSE(std::filesystem::exists(dir.file("p.pdf")));
}

TEST_F(InvoiceOriginals, AnInvoiceInAnotherCurrencyNeedsTheEuroRateAndShowsItsVatInEuros) {
    sponsor("Acme");
    book("Acme", "2026-03-05", 100000, "dollars");
    const InvoiceId id = invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id();
    try {
        invoices.issue(id);
        FAIL() << "issued in USD without a rate";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::MissingEurRate);
        EXPECT_NE(std::string(e.what()).find("USD"), std::string::npos) << e.what();
    }
    EXPECT_EQ(invoices.get(id).state, InvoiceState::Draft);
    const InvoiceView v = invoices.issue(id, std::nullopt, invoice_rules::parse_eur_rate("0,9235"));
    EXPECT_EQ(v.invoice.eur_rate_micro, 923500);
    const InvoiceDocument doc = invoices.document(id);
    EXPECT_EQ(doc.total_vat, 20000);      // 20 % of 1 000.00 USD
    EXPECT_EQ(doc.total_vat_eur, 18470);  // × 0.9235
    const auto original = InvoiceRepository(db).original(id.value);
    ASSERT_TRUE(original);
    EXPECT_NE(original->xml.find("<ram:TaxTotalAmount currencyID=\"EUR\">184.70</ram:TaxTotalAmount>"),
              std::string::npos)
        << original->xml;

    sponsor("Bobco");
    book("Bobco", "2026-03-06", 100000);
    const InvoiceId eur = invoices.create_for_month(sid("Bobco"), Month::parse("2026-03")).id();
    EXPECT_THROW(invoices.issue(eur, std::nullopt, 923500), InvalidInput);
    EXPECT_EQ(invoices.get(eur).state, InvoiceState::Draft);
}

TEST_F(InvoiceOriginals, AMonthsInvoiceIssuedAfterTheMonthEndedCarriesThatMonth) {
    today.set("2026-04-02");
    const InvoiceView late = issued_march("2026-04-02");
    ASSERT_TRUE(late.month_ended);
    EXPECT_EQ(late.month_ended->iso(), "2026-03");
    EXPECT_TRUE(invoices.get(late.id()).month_ended);
}

TEST_F(InvoiceOriginals, AnInvoiceIssuedOnTheLastDayOfItsMonthIsOnTime) {
    EXPECT_FALSE(issued_march("2026-03-31").month_ended);
}

TEST_F(InvoiceOriginals, RefundsAreRecordedOnCreditNotesUpToWhatWasPaid) {
    const InvoiceView v = issued_march();
    invoices.pay(v.id(), 100000, Date::parse("2026-03-31"));
    const InvoiceId cn = invoices.cancel(v.id(), Date::parse("2026-03-31")).credit_note->id();
    try {
        invoices.refund(v.id(), 100, Date::parse("2026-03-31"));
        FAIL() << "a refund on an invoice";
    } catch (const Conflict& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotACreditNote);
    }
    try {
        invoices.refund(cn, 100001, Date::parse("2026-03-31"));
        FAIL() << "refunded more than was paid";
    } catch (const Conflict& e) {
        EXPECT_EQ(e.code(), ErrorCode::OverRefund);
        EXPECT_EQ(e.text("refundable"), "1000.00");
    }
    EXPECT_THROW(invoices.refund(cn, 100, Date::parse("2026-03-30")), InvalidInput);  // before the credit note
    InvoiceView after = invoices.refund(cn, 60000, Date::parse("2026-03-31"));
    EXPECT_EQ(after.refunded, 60000);
    after = invoices.refund(cn, 40000, Date::parse("2026-03-31"));
    EXPECT_EQ(after.refunded, 100000);
    ASSERT_EQ(after.refunds.size(), 2u);
    EXPECT_THROW(invoices.refund(cn, 1, Date::parse("2026-03-31")), Conflict);  // all paid back
    // On the statement the refunds settle the credit note: nothing is owed either way.
    const Statement st = invoices.statement(sid("Acme"));
    Minor balance = 0;
    int refunds = 0;
    for (const auto& e : st.entries) {
        balance += e.debit - e.credit;
        refunds += e.kind == StatementEntryKind::Refund;
    }
    EXPECT_EQ(refunds, 2);
    EXPECT_EQ(balance, 0);
}

TEST_F(InvoiceOriginals, ABookingSoldUnderListPriceShowsListPriceAndDiscount) {
    sponsor("Acme");
    book("Acme", "2026-03-02", 120000);  // list price 1 500.00
    book("Acme", "2026-03-03", 150000);
    const InvoiceView v = invoices.issue(invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id());
    ASSERT_EQ(v.lines.size(), 2u);
    EXPECT_EQ(v.lines[0].list_unit, 150000);
    EXPECT_EQ(v.lines[1].list_unit, 0);
    const InvoiceDocument doc = invoices.document(v.id());
    EXPECT_EQ(doc.lines[0].list_unit_price, 150000);
    EXPECT_EQ(doc.lines[0].unit_price_net, 120000);
    const auto original = InvoiceRepository(db).original(v.invoice.id);
    ASSERT_TRUE(original);
    EXPECT_NE(original->xml.find("<ram:ActualAmount>300.00</ram:ActualAmount>"), std::string::npos)
        << "the allowance of 300.00 on the gross price";
    // The credit note mirrors the line with its list price.
    const auto cn = invoices.cancel(v.id(), Date::parse("2026-03-31")).credit_note;
    ASSERT_TRUE(cn);
    EXPECT_EQ(cn->lines[0].list_unit, -150000);
}

TEST_F(InvoiceOriginals, ASellerUnderTheFranchiseChargesNoVatAndSaysWhy) {
    PublisherChanges c;
    c.vat_regime = VatRegime::Franchise;
    CatalogService(db).update_publisher(c);
    const InvoiceView v = issued_march();
    EXPECT_EQ(v.invoice.vat, 0);
    EXPECT_EQ(v.lines[0].vat_category, "E");
    const auto original = InvoiceRepository(db).original(v.invoice.id);
    ASSERT_TRUE(original);
    EXPECT_NE(original->xml.find("VATEX-FR-FRANCHISE"), std::string::npos);
    EXPECT_NE(v.invoice.vat_mention.find("293 B"), std::string::npos) << v.invoice.vat_mention;
}

TEST(InvoiceOriginalsLegacy, AnInvoiceIssuedBeforeFacturXExportsItsPlainPdfAndHasNoXml) {
    TempDir dir;
    const std::string path = dir.file("v4.db");
    std::filesystem::copy_file(std::filesystem::path(SPONSORDESK_TEST_DATA) / "migrations" / "schema-v4.db", path);
    Database db(path);  // migrated to the current schema on opening
    InvoiceService invoices(db);
    const InvoiceId id = *invoices.find_by_number("2026-0001");
    EXPECT_EQ(invoices.export_pdf(id, dir.file("old.pdf")), InvoiceService::PdfKind::Legacy);
    const std::string text = sponsordesk::test::run_command("pdftotext '" + dir.file("old.pdf") + "' -");
    EXPECT_NE(text.find("2026-0001"), std::string::npos) << text;
    try {
        invoices.export_cii(id, dir.file("old.xml"));
        FAIL() << "a legacy invoice exported an XML";
    } catch (const Conflict& e) {
        EXPECT_EQ(e.code(), ErrorCode::NoFacturX);
    }
    EXPECT_FALSE(std::filesystem::exists(dir.file("old.xml")));
}

}  // namespace

// InvoiceService as an accountant checks it: gapless numbers per year and
// per sequence, immutability through the API and through raw SQL, one live
// invoice per booking, credit notes that mirror what they cancel, payments
// and overdue.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>

#include <fmt/format.h>

#include "../support/test_lookup.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"

#include "invoice_fixture.h"

using namespace sponsordesk;
using sponsordesk::test::InvoiceServiceTest;

namespace {

// ------------------------------------------------------------ lifecycle

TEST_F(InvoiceServiceTest, MonthDraftIssuePartialThenFullPayment) {
    sponsor("Acme", "FR", "", 2000, 45);
    book("Acme", "2026-03-02", 150000);
    book("Acme", "2026-03-16", 120000);
    book("Acme", "2026-04-01", 99900);  // next month: not on the March invoice

    InvoiceView d = invoices.create_for_month(sid("Acme"), Month::parse("2026-03"));
    EXPECT_EQ(d.state, InvoiceState::Draft);
    EXPECT_FALSE(d.invoice.number);
    ASSERT_EQ(d.lines.size(), 2u);
    EXPECT_EQ(d.lines[0].description, "Le Brief Tech — 2026-03-02 — Sponsor principal");
    EXPECT_EQ(d.lines[0].service_date, Date::parse("2026-03-02"));
    EXPECT_EQ(d.lines[1].service_date, Date::parse("2026-03-16"));
    EXPECT_EQ(d.invoice.net, 270000);
    EXPECT_EQ(d.invoice.vat, 54000);
    EXPECT_EQ(d.invoice.gross, 324000);

    InvoiceView i = invoices.issue(d.id());
    EXPECT_EQ(i.invoice.number, "2026-0001");
    EXPECT_EQ(i.invoice.issue_date, Date::parse("2026-03-31"));
    EXPECT_EQ(i.invoice.due_date, Date::parse("2026-05-15"));  // the sponsor's 45 days
    EXPECT_EQ(i.state, InvoiceState::Issued);
    EXPECT_EQ(i.outstanding, 324000);

    i = invoices.pay(i.id(), 100000, Date::parse("2026-03-31"));
    EXPECT_EQ(i.state, InvoiceState::Issued);
    EXPECT_EQ(i.paid, 100000);
    EXPECT_EQ(i.outstanding, 224000);
    i = invoices.pay(i.id(), 224000, Date::parse("2026-03-31"));
    EXPECT_EQ(i.state, InvoiceState::Paid);
    EXPECT_EQ(i.outstanding, 0);
    ASSERT_EQ(i.payments.size(), 2u);
    EXPECT_EQ(sql_int("SELECT status = 'paid' FROM invoice WHERE id = " + std::to_string(i.id().value)), 1);
}

TEST_F(InvoiceServiceTest, EveryMissingDatumOfBothPartiesIsListedInOneRefusalAndNothingIsNumbered) {
    Database empty(":memory:");
    InvoiceService service(empty);
    Publication p;
    p.name = "Le Brief";
    p.slug = "brief";
    CatalogService(empty).add_publication(p);
    Placement pl;
    pl.code = "MAIN";
    pl.name = "Main";
    pl.price = 1000;
    CatalogService(empty).add_placement("brief", pl);
    IssueService(empty).add("brief", Date::parse("2026-03-02"), std::nullopt, "");
    Sponsor s;
    s.name = "Acme";
    SponsorService(empty).add(s);
    BookRequest r = test_lookup::book_request(empty, "Acme", "brief", Date::parse("2026-03-02"), "MAIN");
    r.status = BookingStatus::Confirmed;
    BookingService(empty).book(r);
    const auto id = service.create_for_month(test_lookup::sponsor_id(empty, "Acme"), Month::parse("2026-03")).id();

    auto refusal = [&] {
        try {
            service.issue(id);
        } catch (const InvalidInput& e) {
            EXPECT_EQ(e.code(), ErrorCode::MissingInvoiceData);
            EXPECT_EQ(e.text("sponsor"), "Acme");
            return e.list("fields");
        }
        ADD_FAILURE() << "issued with data missing";
        return std::vector<std::string>{};
    };
    EXPECT_EQ(refusal(),
              (std::vector<std::string>{"seller.name", "seller.address_line", "seller.postcode", "seller.city",
                                        "seller.siren", "seller.vat_number", "seller.legal_form", "seller.registry",
                                        "seller.iban", "buyer.address_line", "buyer.postcode", "buyer.city",
                                        "buyer.siren", "buyer.einvoice_address"}));
    PublisherChanges c = test_lookup::issuing_publisher();
    c.registry = "";
    CatalogService(empty).update_publisher(c);
    test_lookup::make_invoiceable(empty, "Acme");
    EXPECT_EQ(refusal(), std::vector<std::string>{"seller.registry"});
    EXPECT_EQ(service.get(id).state, InvoiceState::Draft);
    EXPECT_EQ(empty.sql().execAndGet("SELECT count(*) FROM invoice_sequence").getInt(), 0);
    c = {};
    c.registry = "Dispensé d'immatriculation";
    CatalogService(empty).update_publisher(c);
    EXPECT_EQ(service.issue(id).invoice.number, "2026-0001");  // the refusals used no number
}

// ------------------------------------------------------------ numbering

TEST_F(InvoiceServiceTest, NumberingStaysGaplessOverAThousandInvoicesWithCancellationsInBetween) {
    sponsor("Acme");
    IssueService(db).plan("brief", Date::parse("2026-01-05"), Date::parse("2026-02-13"));  // 30 weekdays
    const auto issues = IssueService(db).list("brief", std::nullopt, std::nullopt);
    std::vector<BookingId> bookings;
    for (int k = 0; k < 1000; ++k) bookings.push_back(book("Acme", issues[size_t(k % 30)].date.iso(), 1000 + k));

    int invoices_issued = 0, credit_notes = 0, drafts_dropped = 0;
    std::vector<BookingId> to_reinvoice;
    for (int k = 0; k < 1000; ++k) {
        const auto id = invoices.create_for_bookings(sid("Acme"), {bookings[size_t(k)]}).id();
        if (k % 13 == 5) {  // a draft thrown away takes no number
            invoices.cancel(id);
            ++drafts_dropped;
            to_reinvoice.push_back(bookings[size_t(k)]);
            continue;
        }
        invoices.issue(id);
        ++invoices_issued;
        if (k % 7 == 3) {  // cancelled right away: a credit note, and the booking comes back
            invoices.cancel(id);
            ++credit_notes;
            to_reinvoice.push_back(bookings[size_t(k)]);
        }
    }
    for (BookingId b : to_reinvoice) {
        invoices.issue(invoices.create_for_bookings(sid("Acme"), {b}).id());
        ++invoices_issued;
    }
    ASSERT_GT(credit_notes, 100);
    ASSERT_GT(drafts_dropped, 50);

    std::vector<std::string> inv_numbers, cn_numbers;
    for (const auto& v : invoices.list({})) {
        ASSERT_TRUE(v.invoice.number) << "a draft is left: id " << v.id();
        (v.invoice.kind == InvoiceKind::CreditNote ? cn_numbers : inv_numbers).push_back(*v.invoice.number);
    }
    ASSERT_EQ(static_cast<int>(inv_numbers.size()), invoices_issued);
    ASSERT_EQ(static_cast<int>(cn_numbers.size()), credit_notes);
    std::sort(inv_numbers.begin(), inv_numbers.end());
    std::sort(cn_numbers.begin(), cn_numbers.end());
    for (int n = 1; n <= invoices_issued; ++n) ASSERT_EQ(inv_numbers[size_t(n - 1)], fmt::format("2026-{:04}", n));
    for (int n = 1; n <= credit_notes; ++n) ASSERT_EQ(cn_numbers[size_t(n - 1)], fmt::format("AV-2026-{:04}", n));
    // Numbers follow ids: the order of issue.
    EXPECT_EQ(sql_int("SELECT count(*) FROM invoice a JOIN invoice b ON a.kind = b.kind AND a.id < b.id "
                      "WHERE a.number > b.number"),
              0);
    // Every booking is on exactly one live invoice.
    EXPECT_EQ(sql_int("SELECT count(DISTINCT l.booking_id) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id "
                      "WHERE i.kind = 'invoice' AND i.status <> 'cancelled'"),
              1000);
    EXPECT_EQ(sql_int("SELECT count(*) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id "
                      "WHERE i.kind = 'invoice' AND i.status <> 'cancelled'"),
              1000);
}

TEST_F(InvoiceServiceTest, NumberingRestartsEachYearAndFollowsDates) {
    sponsor("Acme");
    const auto b1 = book("Acme", "2026-12-01", 10000), b2 = book("Acme", "2026-12-02", 10000),
               b3 = book("Acme", "2026-12-03", 10000), b4 = book("Acme", "2026-12-04", 10000);
    today.set("2027-01-04");
    EXPECT_EQ(
        invoices.issue(invoices.create_for_bookings(sid("Acme"), {b1}).id(), Date::parse("2026-12-31")).invoice.number,
        "2026-0001");
    const InvoiceView jan = invoices.issue(invoices.create_for_bookings(sid("Acme"), {b2}).id());
    EXPECT_EQ(jan.invoice.number, "2027-0001");
    EXPECT_EQ(jan.invoice.issue_date, Date::parse("2027-01-04"));
    EXPECT_EQ(invoices.issue(invoices.create_for_bookings(sid("Acme"), {b3}).id()).invoice.number, "2027-0002");

    // Chronological: no new 2027 invoice dated before 2027-0002's date.
    const auto late = invoices.create_for_bookings(sid("Acme"), {b4}).id();
    EXPECT_THROW(invoices.issue(late, Date::parse("2027-01-02")), Conflict);
    EXPECT_THROW(invoices.issue(late, Date::parse("2027-01-05")), InvalidInput);  // after today
    EXPECT_EQ(invoices.get(late).state, InvoiceState::Draft);
    EXPECT_EQ(invoices.issue(late).invoice.number, "2027-0003");  // the refusals consumed nothing

    // Credit notes count on their own, per year too.
    EXPECT_EQ(invoices.cancel(jan.id()).credit_note->invoice.number, "AV-2027-0001");
}

// ------------------------------------------------------------ immutability

TEST_F(InvoiceServiceTest, IssuedInvoiceRefusesChangesThroughTheApi) {
    sponsor("Acme");
    book("Acme", "2026-03-02", 50000);
    const auto id = invoices.issue(invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id()).id();
    try {
        invoices.issue(id);
        FAIL() << "issued twice";
    } catch (const Conflict& e) {
        EXPECT_EQ(e.exit_status(), 4);
        EXPECT_NE(std::string(e.what()).find("2026-0001"), std::string::npos) << e.what();
    }
    EXPECT_EQ(invoices.get(id).invoice.number, "2026-0001");
    EXPECT_EQ(sql_int("SELECT last FROM invoice_sequence WHERE kind = 'invoice' AND year = 2026"), 1);
}

TEST_F(InvoiceServiceTest, IssuedInvoiceRefusesChangesThroughRawSql) {
    sponsor("Acme");
    book("Acme", "2026-03-02", 50000);
    book("Acme", "2026-03-03", 50000);
    const auto id = invoices.issue(invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id()).id();
    invoices.pay(id, 10000, Date::parse("2026-03-31"));
    const std::string sid = std::to_string(id.value);
    const std::vector<std::string> tampering = {
        "UPDATE invoice SET net = 1 WHERE id = " + sid,
        "UPDATE invoice SET gross = gross + 100 WHERE id = " + sid,
        "UPDATE invoice SET number = '2026-0099' WHERE id = " + sid,
        "UPDATE invoice SET issue_date = '2026-01-01' WHERE id = " + sid,
        "UPDATE invoice SET buyer = '{}' WHERE id = " + sid,
        "UPDATE invoice SET status = 'draft' WHERE id = " + sid,
        "UPDATE invoice_line SET net = 1 WHERE invoice_id = " + sid,
        "UPDATE invoice_line SET description = 'x' WHERE invoice_id = " + sid,
        "DELETE FROM invoice_line WHERE invoice_id = " + sid,
        "INSERT INTO invoice_line (invoice_id, position, description, service_date, unit_net, net, vat_rate, vat, "
        "gross) VALUES (" +
            sid + ", 9, 'extra', '2026-03-09', 1, 1, 0, 0, 1)",
        "DELETE FROM invoice WHERE id = " + sid,
        "UPDATE invoice_sequence SET last = 0",
        "DELETE FROM invoice_sequence",
    };
    for (const auto& q : tampering) EXPECT_TRUE(raw_sql_refused(q)) << q;
    const InvoiceView v = invoices.get(id);
    EXPECT_EQ(v.invoice.net, 100000);
    EXPECT_EQ(v.invoice.gross, 120000);
    EXPECT_EQ(v.invoice.number, "2026-0001");
    ASSERT_EQ(v.lines.size(), 2u);
    EXPECT_EQ(v.lines[0].net, 50000);

    invoices.cancel(id);
    EXPECT_TRUE(raw_sql_refused("UPDATE invoice SET status = 'issued' WHERE id = " + sid));
    EXPECT_TRUE(
        raw_sql_refused("INSERT INTO payment (invoice_id, amount, date) VALUES (" + sid + ", 1, '2026-03-31')"));
}

// ------------------------------------------------------------ bookings and invoices

TEST_F(InvoiceServiceTest, ABookingIsOnOneLiveInvoiceAndComesBackAfterCancellation) {
    sponsor("Acme");
    const auto b = book("Acme", "2026-03-02", 50000);
    const auto other = book("Acme", "2026-03-03", 70000);
    const auto first = invoices.create_for_bookings(sid("Acme"), {b}).id();
    try {
        invoices.create_for_bookings(sid("Acme"), {other, b});
        FAIL() << "a booking went on two invoices";
    } catch (const Conflict& e) {
        EXPECT_NE(std::string(e.what()).find(fmt::format("draft #{}", first.value)), std::string::npos) << e.what();
    }
    invoices.issue(first);
    try {
        invoices.create_for_bookings(sid("Acme"), {b});
        FAIL();
    } catch (const Conflict& e) {
        EXPECT_NE(std::string(e.what()).find("2026-0001"), std::string::npos) << e.what();
    }
    // The month draft takes only the booking not invoiced yet.
    InvoiceView month = invoices.create_for_month(sid("Acme"), Month::parse("2026-03"));
    ASSERT_EQ(month.lines.size(), 1u);
    EXPECT_EQ(month.lines[0].booking_id, other.value);
    EXPECT_THROW(invoices.create_for_month(sid("Acme"), Month::parse("2026-03")), NotFound);

    // The storage refuses it too.
    EXPECT_TRUE(raw_sql_refused(
        fmt::format("INSERT INTO invoice_line (invoice_id, booking_id, position, description, service_date, "
                    "unit_net, net, vat_rate, vat, gross) VALUES ({}, {}, 2, 'again', '2026-03-02', 1, 1, 0, 0, 1)",
                    month.id().value, b.value)));

    invoices.cancel(first);
    const InvoiceView again = invoices.create_for_bookings(sid("Acme"), {b});
    EXPECT_EQ(again.lines.at(0).booking_id, b.value);
}

TEST_F(InvoiceServiceTest, CancellingABookingOnALiveInvoiceIsRefused) {
    sponsor("Acme");
    const auto b = book("Acme", "2026-03-02", 50000);
    BookingService bookings(db);
    const auto draft = invoices.create_for_bookings(sid("Acme"), {b}).id();
    EXPECT_THROW(bookings.change_status(b, BookingStatus::Cancelled), Conflict);
    invoices.issue(draft);
    try {
        bookings.change_status(b, BookingStatus::Cancelled);
        FAIL() << "cancelled a booking that is on an issued invoice";
    } catch (const Conflict& e) {
        EXPECT_NE(std::string(e.what()).find("2026-0001"), std::string::npos) << e.what();
    }
    EXPECT_EQ(bookings.get(b).booking.status, BookingStatus::Confirmed);
    invoices.cancel(draft);
    EXPECT_EQ(bookings.change_status(b, BookingStatus::Cancelled).booking.status, BookingStatus::Cancelled);
}

TEST_F(InvoiceServiceTest, CancellingADraftDeletesItAndUsesNoNumber) {
    sponsor("Acme");
    const auto b = book("Acme", "2026-03-02", 50000);
    const auto id = invoices.create_for_bookings(sid("Acme"), {b}).id();
    CancelResult r = invoices.cancel(id);
    EXPECT_TRUE(r.draft_deleted);
    EXPECT_FALSE(r.credit_note);
    EXPECT_THROW(invoices.get(id), NotFound);
    EXPECT_EQ(sql_int("SELECT count(*) FROM invoice_line"), 0);
    EXPECT_EQ(sql_int("SELECT count(*) FROM invoice_sequence"), 0);
    EXPECT_EQ(invoices.uninvoiced_bookings(sid("Acme")).size(), 1u);
}

TEST_F(InvoiceServiceTest, CreditNoteMirrorsTheInvoiceAndCitesIt) {
    sponsor("Acme");
    book("Acme", "2026-03-02", 33333);
    book("Acme", "2026-03-03", 12345);
    const InvoiceView inv =
        invoices.issue(invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id(), Date::parse("2026-03-20"));
    invoices.pay(inv.id(), 5000, Date::parse("2026-03-25"));
    CancelResult r = invoices.cancel(inv.id());
    ASSERT_TRUE(r.credit_note);
    const InvoiceView& cn = *r.credit_note;
    EXPECT_EQ(cn.invoice.kind, InvoiceKind::CreditNote);
    EXPECT_EQ(cn.invoice.number, "AV-2026-0001");
    EXPECT_EQ(cn.invoice.issue_date, Date::parse("2026-03-31"));
    EXPECT_EQ(cn.credited_number, "2026-0001");
    EXPECT_EQ(cn.credited_date, Date::parse("2026-03-20"));
    EXPECT_EQ(cn.invoice.net, -inv.invoice.net);
    EXPECT_EQ(cn.invoice.vat, -inv.invoice.vat);
    EXPECT_EQ(cn.invoice.gross, -inv.invoice.gross);
    ASSERT_EQ(cn.lines.size(), inv.lines.size());
    for (size_t k = 0; k < cn.lines.size(); ++k) {
        EXPECT_EQ(cn.lines[k].description, inv.lines[k].description);
        EXPECT_EQ(cn.lines[k].service_date, inv.lines[k].service_date);
        EXPECT_EQ(cn.lines[k].net, -inv.lines[k].net);
        EXPECT_EQ(cn.lines[k].vat, -inv.lines[k].vat);
        EXPECT_EQ(cn.lines[k].vat_rate, inv.lines[k].vat_rate);
    }
    EXPECT_EQ(r.invoice.state, InvoiceState::Cancelled);
    EXPECT_EQ(r.invoice.credit_note_number, "AV-2026-0001");
    EXPECT_EQ(r.invoice.outstanding, 0);
    EXPECT_EQ(r.invoice.paid, 5000);  // owed back: the statement shows it

    // The document the export layer gets passes its own accountant checks.
    InvoiceDocument doc = invoices.document(cn.id());
    EXPECT_NO_THROW(validate_invoice_document(doc));
    EXPECT_EQ(doc.cited_invoice_number, "2026-0001");
    EXPECT_EQ(doc.cited_invoice_date, Date::parse("2026-03-20"));

    EXPECT_THROW(invoices.cancel(inv.id()), Conflict);
    EXPECT_THROW(invoices.cancel(cn.id()), Conflict);
    EXPECT_THROW(invoices.pay(cn.id(), 100, Date::parse("2026-03-31")), Conflict);
    EXPECT_THROW(invoices.pay(inv.id(), 100, Date::parse("2026-03-31")), Conflict);

    // Running balance: the invoice debited, then credited by the payment and
    // by the credit note: the sponsor is owed back the 50.00 it paid.
    Statement st = invoices.statement(sid("Acme"));
    ASSERT_EQ(st.entries.size(), 3u);
    EXPECT_EQ(statement_rows(st).back().balance, -5000);
}

TEST_F(InvoiceServiceTest, PaymentsAreRefusedOnDraftsAboveTheOutstandingAndOutOfDate) {
    sponsor("Acme");
    book("Acme", "2026-03-02", 100000);
    const auto id = invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id();
    EXPECT_THROW(invoices.pay(id, 100, Date::parse("2026-03-31")), Conflict);
    invoices.issue(id, Date::parse("2026-03-10"));
    EXPECT_THROW(invoices.pay(id, 0, Date::parse("2026-03-31")), InvalidInput);
    EXPECT_THROW(invoices.pay(id, 100, Date::parse("2026-03-09")), InvalidInput);  // before the invoice
    EXPECT_THROW(invoices.pay(id, 100, Date::parse("2026-04-01")), InvalidInput);  // after today
    invoices.pay(id, 20000, Date::parse("2026-03-15"));
    try {
        invoices.pay(id, 100001, Date::parse("2026-03-31"));
        FAIL() << "overpayment accepted";
    } catch (const Conflict& e) {
        EXPECT_NE(std::string(e.what()).find("1000.00"), std::string::npos) << "names the outstanding: " << e.what();
    }
    EXPECT_EQ(invoices.get(id).paid, 20000);
    EXPECT_EQ(invoices.pay(id, 100000, Date::parse("2026-03-31")).state, InvoiceState::Paid);
    EXPECT_THROW(invoices.pay(id, 1, Date::parse("2026-03-31")), Conflict);
}

TEST_F(InvoiceServiceTest, OverdueIsDerivedFromTheDueDateAndWhatIsPaid) {
    sponsor("Acme", "FR", "", 2000, 30);
    sponsor("Beta", "FR", "", 2000, 60);
    book("Acme", "2026-03-02", 100000);
    book("Beta", "2026-03-02", 100000);
    const auto a = invoices.issue(invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id()).id();
    const auto b = invoices.issue(invoices.create_for_month(sid("Beta"), Month::parse("2026-03")).id()).id();
    // Acme due 2026-04-30, Beta due 2026-05-30.
    today.set("2026-04-30");
    EXPECT_TRUE(invoices.list({std::nullopt, InvoiceState::Overdue}).empty()) << "due today is not overdue";
    today.set("2026-05-05");
    auto overdue = invoices.list({std::nullopt, InvoiceState::Overdue});
    ASSERT_EQ(overdue.size(), 1u);
    EXPECT_EQ(overdue[0].id(), a);
    EXPECT_EQ(overdue[0].days_overdue, 5);
    auto issued = invoices.list({std::nullopt, InvoiceState::Issued});
    ASSERT_EQ(issued.size(), 1u);
    EXPECT_EQ(issued[0].id(), b);
    EXPECT_EQ(issued[0].days_overdue, 0);

    invoices.pay(a, 60000, Date::parse("2026-05-04"));
    EXPECT_EQ(invoices.get(a).state, InvoiceState::Overdue) << "partly paid is still overdue";
    invoices.pay(a, 60000, Date::parse("2026-05-05"));
    EXPECT_EQ(invoices.get(a).state, InvoiceState::Paid);
    EXPECT_TRUE(invoices.list({std::nullopt, InvoiceState::Overdue}).empty());
    EXPECT_EQ(invoices.list({sid("Acme"), std::nullopt}).size(), 1u);
}

TEST_F(InvoiceServiceTest, DraftsAreRefusedForWrongBookings) {
    sponsor("Acme");
    sponsor("Other");
    const auto mine = book("Acme", "2026-03-02", 1000);
    const auto theirs = book("Other", "2026-03-03", 1000);
    const auto hold = book("Acme", "2026-03-04", 1000, "brief", BookingStatus::Hold);
    const auto dollars = book("Acme", "2026-03-05", 1000, "dollars");
    const auto gone = book("Acme", "2026-03-06", 1000);
    BookingService(db).change_status(gone, BookingStatus::Cancelled);

    EXPECT_THROW(invoices.create_for_bookings(sid("Acme"), {mine, theirs}), InvalidInput);
    EXPECT_THROW(invoices.create_for_bookings(sid("Acme"), {hold}), Conflict);
    EXPECT_THROW(invoices.create_for_bookings(sid("Acme"), {gone}), Conflict);
    EXPECT_THROW(invoices.create_for_bookings(sid("Acme"), {mine, BookingId{9999}}), NotFound);
    EXPECT_THROW(invoices.create_for_bookings(sid("Acme"), {mine, mine}), InvalidInput);
    EXPECT_THROW(invoices.create_for_bookings(sid("Acme"), {}), InvalidInput);
    try {
        invoices.create_for_bookings(sid("Acme"), {mine, dollars});
        FAIL() << "an invoice mixed currencies";
    } catch (const InvalidInput& e) {
        EXPECT_NE(std::string(e.what()).find("EUR and USD"), std::string::npos) << e.what();
    }
    EXPECT_THROW(invoices.create_for_month(sid("Acme"), Month::parse("2026-03")), InvalidInput);  // EUR + USD again
    EXPECT_THROW(invoices.create_for_month(sid("Acme"), Month::parse("2026-05")), NotFound);
    EXPECT_THROW(invoices.create_for_month(SponsorId{999}, Month::parse("2026-03")), NotFound);
    EXPECT_EQ(sql_int("SELECT count(*) FROM invoice"), 0) << "a refused draft left something behind";

    // What a GUI offers: confirmed-or-later, live, uninvoiced bookings of the sponsor.
    auto offer = invoices.uninvoiced_bookings(sid("Acme"), Month::parse("2026-03"));
    std::set<BookingId> ids;
    for (const auto& b : offer) ids.insert(b.id());
    EXPECT_EQ(ids, (std::set<BookingId>{mine, dollars}));
    EXPECT_EQ(invoices.create_for_bookings(sid("Acme"), {dollars}).invoice.currency, "USD");
    EXPECT_EQ(invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).lines.size(), 1u);
}

TEST_F(InvoiceServiceTest, IdentityIsFrozenAtIssueTime) {
    Sponsor s = sponsor("Acme");
    const auto b1 = book("Acme", "2026-03-02", 1000);
    const auto b2 = book("Acme", "2026-03-03", 1000);
    book("Acme", "2026-03-04", 1000);
    const auto issued = invoices.issue(invoices.create_for_bookings(sid("Acme"), {b1}).id()).id();
    s.legal_name = "Acme Holding SA";
    s.address = "Nouvelle adresse";
    SponsorService(db).update(s);
    PublisherChanges c;
    c.name = "Nouveau Nom SAS";
    CatalogService(db).update_publisher(c);

    InvoiceDocument old = invoices.document(issued);
    EXPECT_EQ(old.buyer.legal_name, "Acme SAS");
    EXPECT_EQ(old.buyer.address, "1 avenue de l'Opéra\n75001 Paris");
    EXPECT_EQ(old.seller.legal_name, "Média Lettres SAS");
    EXPECT_EQ(old.seller.siren, "732829320");
    EXPECT_EQ(old.seller.iban, "FR7630006000011234567890189");

    InvoiceDocument fresh =
        invoices.document(invoices.issue(invoices.create_for_bookings(sid("Acme"), {b2}).id()).id());
    EXPECT_EQ(fresh.buyer.legal_name, "Acme Holding SA");
    EXPECT_EQ(fresh.seller.legal_name, "Nouveau Nom SAS");
    // A draft has nothing to export yet.
    EXPECT_THROW(invoices.document(invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id()), Conflict);
}

TEST_F(InvoiceServiceTest, FindsInvoicesByNumberForTheFrontEnds) {
    sponsor("Acme");
    book("Acme", "2026-03-02", 1000);
    const auto id = invoices.issue(invoices.create_for_month(sid("Acme"), Month::parse("2026-03")).id()).id();
    EXPECT_TRUE(invoices.exists(id));
    EXPECT_EQ(invoices.find_by_number("2026-0001"), id);
    EXPECT_FALSE(invoices.find_by_number("2026-0002").has_value());
    EXPECT_FALSE(invoices.exists(InvoiceId{999}));
}

// ------------------------------------------------------------ schema v3

TEST(InvoiceSchema, AVersion2FileMigratesToTheV3Guards) {
    const auto path =
        std::filesystem::temp_directory_path() / fmt::format("sponsordesk-v2-{}.db", std::random_device{}());
    {
        Database v2(path.string(), 2);
        ASSERT_EQ(v2.schema_version(), 2);
        v2.sql().exec("INSERT INTO sponsor (name) VALUES ('Acme')");
        v2.sql().exec("INSERT INTO invoice (sponsor_id, currency) VALUES (1, 'EUR')");
    }
    {
        Database now(path.string());
        EXPECT_EQ(now.schema_version(), Database::latest_schema_version());
        EXPECT_GE(now.schema_version(), 3);
        EXPECT_EQ(now.sql().execAndGet("SELECT count(*) FROM invoice").getInt(), 1);
        // Payments on a draft are refused by the storage from v3 on.
        EXPECT_THROW(now.sql().exec("INSERT INTO payment (invoice_id, amount, date) VALUES (1, 100, '2026-01-01')"),
                     SQLite::Exception);
    }
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ec);
}

}  // namespace

// A booking on a draft invoice knows the invoice by its id alone (each front
// end words "draft #4" or "brouillon n°4" itself); once issued, by its number;
// once cancelled, by nothing. The cancel refusal carries the same data.
TEST_F(InvoiceServiceTest, ABookingKnowsItsLiveInvoiceByIdThenByNumber) {
    sponsor("Acme");
    const BookingId b = book("Acme", "2026-03-02", 150000);
    BookingService bookings(db);
    EXPECT_FALSE(bookings.get(b).invoice);

    InvoiceView d = invoices.create_for_month(sid("Acme"), Month::parse("2026-03"));
    BookingView v = bookings.get(b);
    ASSERT_TRUE(v.invoice);
    EXPECT_EQ(v.invoice->id, d.id().value);
    EXPECT_FALSE(v.invoice->number);
    EXPECT_EQ(english_ref(*v.invoice), "draft #" + std::to_string(d.id().value));
    try {
        bookings.change_status(b, BookingStatus::Cancelled);
        FAIL() << "a booking on a draft invoice was cancelled";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::AlreadyInvoiced);
        EXPECT_EQ(e.number("invoice_id"), static_cast<std::int64_t>(d.id().value));
        EXPECT_FALSE(e.has("invoice"));
    }

    invoices.issue(d.id());
    v = bookings.get(b);
    ASSERT_TRUE(v.invoice);
    EXPECT_EQ(v.invoice->number, "2026-0001");
    EXPECT_EQ(english_ref(*v.invoice), "2026-0001");
    try {
        bookings.change_status(b, BookingStatus::Cancelled);
        FAIL() << "a booking on an issued invoice was cancelled";
    } catch (const Error& e) {
        EXPECT_EQ(e.text("invoice"), "2026-0001");
    }

    invoices.cancel(d.id(), Date::parse("2026-03-31"));
    EXPECT_FALSE(bookings.get(b).invoice);
}

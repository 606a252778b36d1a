// Free lines on draft invoices (invoice line add): their VAT rate, the
// totals, issuing, credit notes, and the refusals.
#include <SQLiteCpp/SQLiteCpp.h>
#include "invoice_fixture.h"

using namespace sponsordesk;
using namespace sponsordesk::test;

namespace {

class FreeLines : public InvoiceServiceTest {
protected:
    InvoiceId draft(const std::string& sponsor_name, const std::string& country = "FR", const std::string& vat = "",
                    RateBp rate = 2000) {
        sponsor(sponsor_name, country, vat, rate);
        book(sponsor_name, "2026-03-10", 120000);
        book(sponsor_name, "2026-03-17", 30000);
        return invoices.create_for_month(sid(sponsor_name), Month{2026, 3}).id();
    }
    std::string invoice_row(InvoiceId id) {
        sql::Statement q(db.connection(),
                         "SELECT status, net, vat, gross, (SELECT count(*) FROM invoice_line WHERE "
                         "invoice_id = invoice.id) FROM invoice WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id.value));
        q.executeStep();
        return q.getColumn(0).getString() + "|" + q.getColumn(1).getString() + "|" + q.getColumn(2).getString() + "|" +
               q.getColumn(3).getString() + "|" + q.getColumn(4).getString();
    }
};

TEST_F(FreeLines, AFreeLineTakesTheSponsorsRateOrItsOwnAndCountsInTheTotals) {
    const InvoiceId id = draft("Acme");
    invoices.add_line(id, "Frais de production — visuel", 25000);
    const InvoiceView v = invoices.add_line(id, "Droits de reproduction", 10050, 550);
    ASSERT_EQ(v.lines.size(), 4u);
    const InvoiceLine& fee = v.lines[2];
    EXPECT_FALSE(fee.booking_id);
    EXPECT_EQ(fee.position, 3);
    EXPECT_EQ(fee.description, "Frais de production — visuel");
    EXPECT_EQ(fee.vat_rate, 2000);
    EXPECT_EQ(fee.vat, 5000);
    EXPECT_EQ(fee.service_date.iso(), "2026-03-17");  // the latest service of the invoice
    const InvoiceLine& rights = v.lines[3];
    EXPECT_EQ(rights.vat_rate, 550);
    EXPECT_EQ(rights.vat, 553);  // 100.50 × 5.5 % = 5.5275, rounded half away from zero
    EXPECT_EQ(v.invoice.net, 120000 + 30000 + 25000 + 10050);
    EXPECT_EQ(v.invoice.vat, 24000 + 6000 + 5000 + 553);
    EXPECT_EQ(v.invoice.gross, v.invoice.net + v.invoice.vat);
    ASSERT_EQ(v.vat_breakdown.size(), 2u);  // 5.5 % and 20 %

    // Issuing keeps the line's own rate; the booking lines take the sponsor's.
    const InvoiceView issued = invoices.issue(id, Date{2026, 3, 31});
    EXPECT_EQ(issued.lines[3].vat_rate, 550);
    EXPECT_EQ(issued.invoice.gross, v.invoice.gross);
    const InvoiceDocument doc = invoices.document(id);
    EXPECT_EQ(doc.lines.at(3).description, "Droits de reproduction");
    EXPECT_EQ(doc.total_gross, v.invoice.gross);

    // The credit note mirrors the free lines too.
    const CancelResult c = invoices.cancel(id, Date{2026, 3, 31});
    ASSERT_TRUE(c.credit_note);
    EXPECT_EQ(c.credit_note->invoice.gross, -v.invoice.gross);
    EXPECT_EQ(c.credit_note->lines.at(3).vat_rate, 550);
}

TEST_F(FreeLines, AnInvoiceWithoutVatGivesItsTreatmentToTheLineAndRefusesARate) {
    const InvoiceId id = draft("Berlin Media", "DE", "DE129273398");
    const std::string before = invoice_row(id);
    try {
        invoices.add_line(id, "Production fee", 25000, 2000);
        FAIL();
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::VatRateNotApplicable);
        EXPECT_EQ(e.text("category"), "AE");
    }
    EXPECT_EQ(invoice_row(id), before);
    const InvoiceView v = invoices.add_line(id, "Production fee", 25000);
    EXPECT_EQ(v.lines.back().vat_category, "AE");
    EXPECT_EQ(v.lines.back().vat_rate, 0);
    EXPECT_EQ(v.invoice.vat, 0);
}

TEST_F(FreeLines, RefusalsLeaveTheInvoiceAsItWas) {
    const InvoiceId id = draft("Acme");
    const std::string before = invoice_row(id);
    auto code_of = [&](auto&& call) -> std::pair<ErrorKind, ErrorCode> {
        try {
            call();
        } catch (const Error& e) {
            return {e.kind(), e.code()};
        }
        return {ErrorKind::Usage, ErrorCode::Unspecified};
    };
    EXPECT_EQ(code_of([&] { invoices.add_line(id, "Fee", 0); }),
              std::pair(ErrorKind::InvalidInput, ErrorCode::OutOfRange));
    EXPECT_EQ(code_of([&] { invoices.add_line(id, "Fee", 100, 0); }),
              std::pair(ErrorKind::InvalidInput, ErrorCode::OutOfRange));
    EXPECT_EQ(code_of([&] { invoices.add_line(id, "", 100); }).first, ErrorKind::InvalidInput);
    EXPECT_EQ(code_of([&] { invoices.add_line(id, "two\nlines", 100); }).first, ErrorKind::InvalidInput);
    EXPECT_EQ(code_of([&] { invoices.add_line(InvoiceId{999}, "Fee", 100); }),
              std::pair(ErrorKind::NotFound, ErrorCode::InvoiceNotFound));
    EXPECT_EQ(invoice_row(id), before);
    invoices.issue(id, Date{2026, 3, 31});
    const std::string issued = invoice_row(id);
    EXPECT_EQ(code_of([&] { invoices.add_line(id, "Fee", 100); }), std::pair(ErrorKind::Conflict, ErrorCode::NotDraft));
    EXPECT_EQ(invoice_row(id), issued);
}

}  // namespace

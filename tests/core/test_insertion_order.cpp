// The insertion order: what is on it (prices, discounts, VAT as the invoice
// will have it, copy deadlines), in which language, and what is refused.
#include <locale.h>

#include "invoice_fixture.h"
#include "sponsordesk/services/insertion_order_service.h"

using namespace sponsordesk;
using namespace sponsordesk::test;

namespace {

class InsertionOrders : public InvoiceServiceTest {};

TEST_F(InsertionOrders, LinesInDateOrderWithListPricesDiscountsAndTheInvoicesVat) {
    sponsor("Acme");
    const BookingId late = book("Acme", "2026-04-20", 150000);
    const BookingId early = book("Acme", "2026-04-06", 120000);  // 300.00 under the list price
    const InsertionOrder o = InsertionOrderService(db).build({late, early});
    EXPECT_EQ(o.language, "fr");
    EXPECT_EQ(o.currency, "EUR");
    EXPECT_EQ(o.date.iso(), "2026-03-31");
    ASSERT_EQ(o.lines.size(), 2u);
    EXPECT_EQ(o.lines[0].booking_id, early.value);
    EXPECT_EQ(o.lines[0].publication, "Le Brief Tech");
    EXPECT_EQ(o.lines[0].placement, "Sponsor principal");
    EXPECT_EQ(o.lines[0].list_price, 150000);
    EXPECT_EQ(o.lines[0].price, 120000);
    EXPECT_EQ(o.lines[0].copy_due.iso(), "2026-04-03");  // three days before the issue
    EXPECT_EQ(o.total_list, 300000);
    EXPECT_EQ(o.total_discount, 30000);
    EXPECT_EQ(o.total_net, 270000);
    EXPECT_EQ(o.vat_category, "S");
    EXPECT_EQ(o.total_vat, 54000);
    EXPECT_EQ(o.total_gross, 324000);
    EXPECT_EQ(o.seller.legal_name, "Média Lettres SAS");
    EXPECT_EQ(o.buyer.display_name, "Acme");
    EXPECT_EQ(o.payment_terms_days, 30);
    EXPECT_TRUE(o.cancellation_terms.empty());  // the profile has none: the default sentence is printed
}

TEST_F(InsertionOrders, AnEnglishPublicationAndAReverseChargeSponsor) {
    sponsor("Berlin Media", "DE", "DE129273398");
    const BookingId b = book("Berlin Media", "2026-04-07", 150000, "weekly");
    const InsertionOrder o = InsertionOrderService(db).build({b});
    EXPECT_EQ(o.language, "en");
    EXPECT_EQ(o.vat_category, "AE");
    EXPECT_EQ(o.total_vat, 0);
    EXPECT_EQ(o.total_gross, 150000);
}

TEST_F(InsertionOrders, Refusals) {
    sponsor("Acme");
    sponsor("Bobco");
    const BookingId a = book("Acme", "2026-04-06", 150000);
    const BookingId b = book("Bobco", "2026-04-07", 150000);
    const BookingId usd = book("Acme", "2026-04-08", 150000, "dollars");
    const BookingId gone = book("Acme", "2026-04-09", 150000);
    BookingService(db).change_status(gone, BookingStatus::Cancelled);
    InsertionOrderService orders(db);
    auto code = [&](std::vector<BookingId> ids) {
        try {
            orders.build(ids);
        } catch (const Error& e) {
            return std::pair(e.kind(), e.code());
        }
        return std::pair(ErrorKind::Usage, ErrorCode::Unspecified);
    };
    EXPECT_EQ(code({}), std::pair(ErrorKind::InvalidInput, ErrorCode::NoBookingsListed));
    EXPECT_EQ(code({a, a}), std::pair(ErrorKind::InvalidInput, ErrorCode::BookingListedTwice));
    EXPECT_EQ(code({a, BookingId{999}}), std::pair(ErrorKind::NotFound, ErrorCode::BookingNotFound));
    EXPECT_EQ(code({a, b}), std::pair(ErrorKind::InvalidInput, ErrorCode::OtherSponsor));
    EXPECT_EQ(code({a, usd}), std::pair(ErrorKind::InvalidInput, ErrorCode::MixedCurrencies));
    EXPECT_EQ(code({a, gone}), std::pair(ErrorKind::Conflict, ErrorCode::BookingCancelled));
}

TEST_F(InsertionOrders, ThePdfIsTheSameBytesUnderAnyLocale) {
    sponsor("Acme");
    const InsertionOrder o = InsertionOrderService(db).build({book("Acme", "2026-04-06", 120050)});
    const std::string first = insertion_order_pdf(o);
    EXPECT_EQ(first.rfind("%PDF-", 0), 0u);
    EXPECT_EQ(insertion_order_pdf(o), first);
    const locale_t fr = newlocale(LC_ALL_MASK, "fr_FR.UTF-8", static_cast<locale_t>(0));
    if (!fr) GTEST_SKIP() << "fr_FR.UTF-8 is not installed: locale independence not checked";
    const locale_t old = uselocale(fr);
    const std::string french = insertion_order_pdf(o);
    uselocale(old);
    freelocale(fr);
    EXPECT_EQ(french, first);
}

}  // namespace

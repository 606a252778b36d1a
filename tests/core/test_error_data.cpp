// Errors carry data: a code, the field concerned and named values, so that a
// front end words them itself; the English text (the CLI's) stays as it was.
#include <algorithm>

#include "core_fixture.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/money.h"
#include "sponsordesk/services/invoice_service.h"

namespace sponsordesk::test {
namespace {

class ErrorData : public CoreFixture {};

template <class Fn>
Error caught(Fn&& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "no error thrown";
    return Error(ErrorKind::Storage, {}, "");
}

}  // namespace

TEST_F(ErrorData, ACompetitorConflictListsEveryCompetitorInTheIssue) {
    add_sponsor("Caisse d'Épargne", "banque");
    book("Acme", "2026-03-10", "CLASS");
    book("Bobco", "2026-03-10", "CLASS", std::nullopt, std::nullopt, /*allow_competitor=*/true);
    try {
        book("Caisse d'Épargne", "2026-03-10", "CLASS");
        FAIL() << "booked beside two competitors";
    } catch (const CompetitorConflict& e) {
        EXPECT_EQ(e.code(), ErrorCode::CompetitorConflict);
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
        EXPECT_EQ(e.field(), "sponsor");
        EXPECT_EQ(e.text("category"), "banque");
        EXPECT_EQ(e.text("date"), "2026-03-10");
        EXPECT_EQ(e.list("competitors"), (std::vector<std::string>{"Acme", "Bobco"}));
        // The command line's sentence is unchanged: the first competitor and the override hint.
        EXPECT_EQ(std::string(e.what()),
                  "competitor in the issue: \"Acme\" (category \"banque\") already has booking 1; book with "
                  "--allow-competitor to override");
    }
}

TEST_F(ErrorData, WordLimitCarriesWordsMaxAndPlacement) {
    auto b = book("Acme", "2026-03-10");
    Error e = caught([&] {
        BookingService(*db).set_copy(b.id(), "un deux trois quatre cinq six sept huit neuf dix onze douze",
                                     std::nullopt);
    });
    EXPECT_EQ(e.code(), ErrorCode::WordLimit);
    EXPECT_EQ(e.field(), "copy");
    EXPECT_EQ(e.number("words"), 12);
    EXPECT_EQ(e.number("max"), 10);
    EXPECT_EQ(e.text("placement"), "MAIN");
    EXPECT_EQ(std::string(e.what()), "copy has 12 words; placement MAIN allows at most 10");
}

TEST_F(ErrorData, MissingInvoiceDataListsEveryKeyOfBothParties) {
    book("Acme", "2026-03-10");
    InvoiceService invoices(*db);
    const InvoiceId id = invoices.create_for_month(test_lookup::sponsor_id(*db, "Acme"), Month{2026, 3}).id();
    Error e = caught([&] { invoices.issue(id, Date{2026, 3, 1}); });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_EQ(e.code(), ErrorCode::MissingInvoiceData);
    EXPECT_EQ(e.text("sponsor"), "Acme");
    const auto fields = e.list("fields");
    for (const char* key : {"seller.name", "seller.siren", "seller.registry", "buyer.city", "buyer.siren"})
        EXPECT_NE(std::find(fields.begin(), fields.end(), key), fields.end()) << key;

    CatalogService(*db).update_publisher(test_lookup::issuing_publisher());
    e = caught([&] { invoices.issue(id, Date{2026, 3, 1}); });
    EXPECT_EQ(e.list("fields"), (std::vector<std::string>{"buyer.address_line", "buyer.postcode", "buyer.city",
                                                          "buyer.siren", "buyer.einvoice_address"}));
}

TEST_F(ErrorData, SlotTakenNamesThePlacementAndWhoHoldsIt) {
    book("Acme", "2026-03-10");
    Error e = caught([&] { book("Cirrus", "2026-03-10"); });
    EXPECT_EQ(e.code(), ErrorCode::SlotTaken);
    EXPECT_EQ(e.kind(), ErrorKind::Conflict);
    EXPECT_EQ(e.text("placement"), "MAIN");
    EXPECT_EQ(e.number("slots"), 1);
    EXPECT_EQ(e.list("holders"), (std::vector<std::string>{"Acme"}));
}

TEST_F(ErrorData, ValidationNamesTheFieldByItsStableKey) {
    Sponsor s;
    s.name = "Acme";
    Error taken = caught([&] { SponsorService(*db).add(s); });
    EXPECT_EQ(taken.code(), ErrorCode::NameTaken);
    EXPECT_EQ(taken.field(), "name");
    EXPECT_EQ(taken.text("value"), "Acme");
    EXPECT_EQ(std::string(taken.what()), "a sponsor named \"Acme\" already exists");

    s.name = "Zed";
    s.siren = "12345";
    Error siren = caught([&] { SponsorService(*db).add(s); });
    EXPECT_EQ(siren.code(), ErrorCode::InvalidFormat);
    EXPECT_EQ(siren.field(), "siren");
    EXPECT_EQ(siren.text("value"), "12345");

    s.siren.clear();
    s.payment_terms_days = 400;
    Error terms = caught([&] { SponsorService(*db).add(s); });
    EXPECT_EQ(terms.code(), ErrorCode::OutOfRange);
    EXPECT_EQ(terms.field(), "payment_terms_days");
    EXPECT_EQ(terms.number("value"), 400);
    EXPECT_EQ(terms.number("max"), 365);

    Error amount = caught([] { parse_amount("12,345"); });
    EXPECT_EQ(amount.code(), ErrorCode::InvalidAmount);
    EXPECT_EQ(amount.text("value"), "12,345");

    Error date = caught([] { Date::parse("2026-02-30"); });
    EXPECT_EQ(date.code(), ErrorCode::InvalidDate);
    EXPECT_EQ(date.text("value"), "2026-02-30");
}

TEST_F(ErrorData, StatusRulesSayWhichRuleRefused) {
    auto b = book("Acme", "2026-03-10");
    BookingService s(*db);
    Error nocopy = caught([&] { s.change_status(b.id(), BookingStatus::Approved); });
    EXPECT_EQ(nocopy.code(), ErrorCode::CopyMissing);
    EXPECT_EQ(nocopy.text("status"), "approved");
    Error back = caught([&] { s.change_status(b.id(), BookingStatus::Hold); });
    EXPECT_EQ(back.code(), ErrorCode::StatusBackwards);
    EXPECT_EQ(back.text("from"), "confirmed");
    EXPECT_EQ(back.text("to"), "hold");
}

TEST_F(ErrorData, AnImportErrorKeepsItsDataAndAddsTheLine) {
    // The import prefixes "line N:" to the text; the code and values survive.
    Error e(ErrorKind::Conflict, {ErrorCode::SlotTaken, "placement", {{"placement", std::string("MAIN")}}}, "full");
    try {
        rethrow_with_message(e, "line 7: full");
    } catch (const Conflict& again) {
        EXPECT_EQ(again.code(), ErrorCode::SlotTaken);
        EXPECT_EQ(again.text("placement"), "MAIN");
        EXPECT_EQ(std::string(again.what()), "line 7: full");
    }
}

TEST(ErrorCodes, EveryCodeHasAStableName) {
    EXPECT_EQ(to_string(ErrorCode::CompetitorConflict), "competitor_conflict");
    EXPECT_EQ(to_string(ErrorCode::MissingInvoiceData), "missing_invoice_data");
    EXPECT_EQ(to_string(ErrorCode::NotUtf8), "not_utf8");
}

}  // namespace sponsordesk::test

#include <fmt/format.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "core_fixture.h"
#include "sponsordesk/domain/errors.h"

using namespace sponsordesk;
using sponsordesk::test::CoreFixture;

using BookingRules = CoreFixture;

TEST_F(BookingRules, AMainSlotHoldsOneLiveBookingAndClassifiedsFour) {
    EXPECT_EQ(book("Acme", "2026-03-10").booking.slot, 1);
    EXPECT_THROW(book("Cirrus", "2026-03-10"), Conflict);
    for (const char* s : {"Acme", "Dune", "Cirrus", "Dune"}) book(s, "2026-03-11", "CLASS");
    EXPECT_THROW(book("Dune", "2026-03-11", "CLASS"), Conflict);
    auto open = BookingService(*db).availability(test_lookup::publication_id(*db, "brief"), Date::parse("2026-03-10"),
                                                 Date::parse("2026-03-11"));
    // 2026-03-10: four classifieds; 2026-03-11: the main slot only.
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[0].placement_code, "CLASS");
    EXPECT_EQ(open[0].open, 4);
    EXPECT_EQ(open[1].date.iso(), "2026-03-11");
    EXPECT_EQ(open[1].placement_code, "MAIN");
}

TEST_F(BookingRules, CancellingFreesTheSlot) {
    auto b = book("Acme", "2026-03-10");
    BookingService(*db).change_status(BookingId{b.booking.id}, BookingStatus::Cancelled);
    EXPECT_EQ(book("Cirrus", "2026-03-10").booking.slot, 1);
    EXPECT_FALSE(BookingService(*db).get(BookingId{b.booking.id}).booking.slot.has_value());
}

TEST_F(BookingRules, ExpiredHoldsStopBlockingButStayVisible) {
    auto hold = book("Acme", "2026-03-20", "MAIN", BookingStatus::Hold, Date::parse("2026-03-05"));
    EXPECT_THROW(book("Cirrus", "2026-03-20"), Conflict);
    set_today("2026-03-06");
    EXPECT_TRUE(BookingService(*db).get(BookingId{hold.booking.id}).hold_expired);
    auto taken = book("Cirrus", "2026-03-20");
    EXPECT_EQ(taken.booking.slot, 1);
    auto old = BookingService(*db).get(BookingId{hold.booking.id});
    EXPECT_EQ(old.booking.status, BookingStatus::Hold);
    EXPECT_FALSE(old.booking.slot.has_value());
    // The lapsed hold cannot be confirmed into a slot someone else took.
    EXPECT_THROW(BookingService(*db).change_status(BookingId{hold.booking.id}, BookingStatus::Confirmed), Conflict);
}

TEST_F(BookingRules, AnExpiredHoldWhoseSlotIsStillFreeCanBeConfirmed) {
    auto hold = book("Acme", "2026-03-20", "MAIN", BookingStatus::Hold, Date::parse("2026-03-05"));
    set_today("2026-03-07");
    auto v = BookingService(*db).change_status(BookingId{hold.booking.id}, BookingStatus::Confirmed);
    EXPECT_EQ(v.booking.status, BookingStatus::Confirmed);
    EXPECT_EQ(v.booking.slot, 1);
    EXPECT_THROW(book("Cirrus", "2026-03-20"), Conflict);
}

TEST_F(BookingRules, HoldsGetADefaultExpiryAndRefuseAPastOne) {
    auto hold = book("Acme", "2026-03-30", "MAIN", BookingStatus::Hold);
    ASSERT_TRUE(hold.booking.hold_until);
    EXPECT_EQ(hold.booking.hold_until->iso(), "2026-03-08");  // today + 7 days
    EXPECT_THROW(book("Cirrus", "2026-03-31", "MAIN", BookingStatus::Hold, Date::parse("2026-02-01")), InvalidInput);
    EXPECT_THROW(book("Cirrus", "2026-03-31", "MAIN", BookingStatus::Approved), InvalidInput);
}

TEST_F(BookingRules, CompetitorsNeedAnExplicitOverride) {
    book("Acme", "2026-03-10", "MAIN");
    try {
        book("Bobco", "2026-03-10", "CLASS");
        FAIL() << "a second bank was booked into the same issue";
    } catch (const Conflict& e) {
        EXPECT_NE(std::string(e.what()).find("Acme"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW(book("Cirrus", "2026-03-10", "CLASS"));  // another category
    EXPECT_NO_THROW(book("Dune", "2026-03-10", "CLASS"));    // no category
    EXPECT_NO_THROW(book("Acme", "2026-03-10", "CLASS"));    // the same sponsor twice
    EXPECT_NO_THROW(book("Bobco", "2026-03-10", "CLASS", std::nullopt, std::nullopt, true));
    EXPECT_NO_THROW(book("Bobco", "2026-03-11", "MAIN"));  // another issue
}

TEST_F(BookingRules, ACancelledCompetitorNoLongerBlocks) {
    auto a = book("Acme", "2026-03-10");
    BookingService(*db).change_status(BookingId{a.booking.id}, BookingStatus::Cancelled);
    EXPECT_NO_THROW(book("Bobco", "2026-03-10", "CLASS"));
}

TEST_F(BookingRules, StatusesOnlyMoveForward) {
    BookingService s(*db);
    auto b = book("Acme", "2026-03-10", "MAIN", BookingStatus::Hold);
    EXPECT_THROW(s.change_status(BookingId{b.booking.id}, BookingStatus::Approved), Conflict);  // no copy yet
    s.change_status(BookingId{b.booking.id}, BookingStatus::Confirmed);
    EXPECT_THROW(s.change_status(BookingId{b.booking.id}, BookingStatus::Hold), Conflict);
    EXPECT_THROW(s.change_status(BookingId{b.booking.id}, BookingStatus::Published), Conflict);
    EXPECT_EQ(s.set_copy(BookingId{b.booking.id}, "Acme **banque**", std::nullopt).booking.status,
              BookingStatus::CopyReceived);
    s.change_status(BookingId{b.booking.id}, BookingStatus::Approved);
    // Changing approved copy sends it back for approval.
    EXPECT_EQ(s.set_copy(BookingId{b.booking.id}, "Acme, la banque", std::nullopt).booking.status,
              BookingStatus::CopyReceived);
    s.change_status(BookingId{b.booking.id}, BookingStatus::Approved);
    s.change_status(BookingId{b.booking.id}, BookingStatus::Published);
    EXPECT_THROW(s.change_status(BookingId{b.booking.id}, BookingStatus::Cancelled), Conflict);
    EXPECT_THROW(s.set_copy(BookingId{b.booking.id}, "late change", std::nullopt), Conflict);
}

TEST_F(BookingRules, CopyOverTheWordLimitIsRefusedWithTheCount) {
    auto b = book("Acme", "2026-03-10");
    try {
        BookingService(*db).set_copy(BookingId{b.booking.id}, "un deux trois quatre cinq six sept huit neuf dix onze",
                                     std::nullopt);
        FAIL();
    } catch (const InvalidInput& e) {
        EXPECT_NE(std::string(e.what()).find("11 words"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("at most 10"), std::string::npos) << e.what();
    }
    EXPECT_EQ(BookingService(*db).get(BookingId{b.booking.id}).booking.copy, "");
    // Link URLs are not words.
    EXPECT_NO_THROW(BookingService(*db).set_copy(
        BookingId{b.booking.id}, "un deux trois [quatre](https://example.com/a/very/long/path?x=1)", std::nullopt));
}

TEST_F(BookingRules, OnlyWebAndMailLinksAreAccepted) {
    auto b = book("Acme", "2026-03-10");
    BookingService s(*db);
    EXPECT_THROW(s.set_copy(BookingId{b.booking.id}, "[x](javascript:alert(1))", std::nullopt), InvalidInput);
    EXPECT_THROW(s.set_copy(BookingId{b.booking.id}, "[x](data:text/html,hi)", std::nullopt), InvalidInput);
    EXPECT_THROW(s.set_copy(BookingId{b.booking.id}, "ok", std::string("file:///etc/passwd")), InvalidInput);
    EXPECT_NO_THROW(s.set_copy(BookingId{b.booking.id}, "[x](mailto:a@b.fr)", std::string("https://acme.fr")));
}

TEST_F(BookingRules, CopyLateListsUnapprovedBookingsPastTheDeadline) {
    BookingService s(*db);
    auto soon = book("Acme", "2026-03-03");     // due 2026-02-28: late already
    auto later = book("Cirrus", "2026-03-20");  // due 2026-03-17
    auto ok = book("Dune", "2026-03-04");
    s.set_copy(BookingId{ok.booking.id}, "prêt", std::nullopt);
    s.change_status(BookingId{ok.booking.id}, BookingStatus::Approved);
    BookingQuery q;
    q.copy_late = true;
    auto late = s.list(q);
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0].booking.id, soon.booking.id);
    set_today("2026-03-18");
    late = s.list(q);
    ASSERT_EQ(late.size(), 2u);
    EXPECT_EQ(late[1].booking.id, later.booking.id);
}

TEST_F(BookingRules, SponsorsWithHistoryAreArchivedNotDeleted) {
    SponsorService sponsors(*db);
    book("Acme", "2026-03-10");
    const SponsorId acme = test_lookup::sponsor_id(*db, "Acme"), dune = test_lookup::sponsor_id(*db, "Dune");
    EXPECT_THROW(sponsors.remove(acme), Conflict);
    sponsors.archive(acme);
    EXPECT_TRUE(sponsors.get(acme).archived);
    EXPECT_THROW(book("Acme", "2026-03-11"), Conflict);
    EXPECT_NO_THROW(sponsors.remove(dune));
    EXPECT_THROW(sponsors.get(dune), NotFound);
    EXPECT_FALSE(sponsors.find_by_name("Dune").has_value());
}

TEST_F(BookingRules, TheStorageRefusesTwoBookingsInOneSlotEvenBehindTheServices) {
    auto b = book("Acme", "2026-03-10");
    EXPECT_TRUE(raw_sql_refused(
        fmt::format("INSERT INTO booking (issue_id, placement_id, sponsor_id, slot, price, "
                    "status) VALUES ({}, {}, {}, 1, 100, 'confirmed')",
                    static_cast<int64_t>(b.booking.issue_id), static_cast<int64_t>(b.booking.placement_id),
                    static_cast<int64_t>(b.booking.sponsor_id))));
}

TEST_F(BookingRules, ReminderGoesToTheCreativeContact) {
    SponsorService sponsors(*db);
    Contact billing;
    billing.name = "Paul Compta";
    billing.email = "compta@acme.fr";
    billing.role = ContactRole::Billing;
    sponsors.add_contact(test_lookup::sponsor_id(*db, "Acme"), billing);
    Contact creative;
    creative.name = "Léa Créa";
    creative.email = "lea@acme.fr";
    creative.role = ContactRole::Creative;
    sponsors.add_contact(test_lookup::sponsor_id(*db, "Acme"), creative);
    auto b = book("Acme", "2026-03-03");
    std::string url = BookingService(*db).copy_reminder_mailto(BookingId{b.booking.id});
    EXPECT_EQ(url.rfind("mailto:lea@acme.fr?subject=", 0), 0u) << url;
    EXPECT_EQ(url.find(' '), std::string::npos);  // encoded
    // The reminder's parts, for a desktop with no mail program; the date as
    // the publication's language writes it, not ISO.
    auto reminder = BookingService(*db).copy_reminder(BookingId{b.booking.id});
    ASSERT_TRUE(reminder.has_value());
    EXPECT_EQ(reminder->to, "lea@acme.fr");
    const bool fr = reminder->subject.find("du 03/03/2026") != std::string::npos;
    const bool en = reminder->subject.find("of 3 March 2026") != std::string::npos;
    EXPECT_TRUE(fr || en) << reminder->subject;
    EXPECT_EQ(reminder->subject.find("2026-03-03"), std::string::npos) << reminder->subject;
    EXPECT_EQ(reminder->body.find("2026-03-03"), std::string::npos) << reminder->body;
    EXPECT_EQ(reminder->mailto(), url);
}

TEST_F(BookingRules, ACompetitorClashHasItsOwnErrorTypeSoFrontEndsCanOfferTheOverride) {
    book("Acme", "2026-03-10", "MAIN");
    EXPECT_THROW(book("Bobco", "2026-03-10", "CLASS"), CompetitorConflict);
    book("Cirrus", "2026-03-12", "MAIN");
    try {
        book("Dune", "2026-03-12", "MAIN");
        FAIL();
    } catch (const CompetitorConflict&) {
        FAIL() << "a full slot is not a competitor clash";
    } catch (const Conflict&) {
    }
}

TEST_F(BookingRules, ListsFilterOnPartOfTheSponsorName) {
    book("Acme", "2026-03-10");
    book("Cirrus", "2026-03-11");
    BookingFilter f = BookingService(*db).filter({});
    f.sponsor_text = "IRR";
    auto list = BookingRepository(*db).list(f);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].sponsor_name, "Cirrus");
    EXPECT_EQ(BookingRepository(*db).count(f), 1);
}

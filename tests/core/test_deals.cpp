// Deals and scheduling in the core: bookings over several issues (all or
// nothing, every refused date named), moving and repricing a booking, and
// planning that skips French public holidays.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "core_fixture.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/holidays.h"
#include "sponsordesk/services/invoice_service.h"

using namespace sponsordesk;
using namespace sponsordesk::test;

namespace {

class Deals : public CoreFixture {
protected:
    IssueId issue(const std::string& date) { return IssueId{IssueService(*db).get("brief", Date::parse(date)).id}; }
    PlacementId placement(const std::string& code) {
        return PlacementId{CatalogService(*db).placement(CatalogService(*db).publication("brief"), code).id};
    }
    BookManyRequest many(const std::string& sponsor, const std::vector<std::string>& dates,
                         const std::string& code = "MAIN") {
        BookManyRequest r;
        r.sponsor = test_lookup::sponsor_id(*db, sponsor);
        r.placement = placement(code);
        for (const auto& d : dates) r.issues.push_back(issue(d));
        return r;
    }
    // Every booking as (id, issue, placement, slot, status, price, hold): what "unchanged" compares.
    std::string bookings_state() {
        std::string out;
        sql::Statement q(
            db->connection(),
            "SELECT id, issue_id, placement_id, coalesce(slot, 0), status, price, coalesce(hold_until, ''), "
            "allow_competitor FROM booking ORDER BY id");
        while (q.executeStep())
            for (int c = 0; c < 8; ++c) out += q.getColumn(c).getString() + (c == 7 ? "\n" : "|");
        return out;
    }
    int bookings_count() { return sql_int("SELECT count(*) FROM booking"); }
    void send(const std::string& date) { IssueService(*db).set_status("brief", Date::parse(date), IssueStatus::Sent); }
    MoveRequest to(const std::string& date, std::optional<std::string> code = std::nullopt) {
        MoveRequest r;
        r.issue = issue(date);
        if (code) r.placement = placement(*code);
        return r;
    }
};

// ------------------------------------------------------------ holidays

TEST(Holidays, EasterOfKnownYears) {
    EXPECT_EQ(holidays::easter_sunday(2024).iso(), "2024-03-31");
    EXPECT_EQ(holidays::easter_sunday(2025).iso(), "2025-04-20");
    EXPECT_EQ(holidays::easter_sunday(2026).iso(), "2026-04-05");
    EXPECT_EQ(holidays::easter_sunday(2027).iso(), "2027-03-28");
    // The extremes of the Gregorian range and a century year.
    EXPECT_EQ(holidays::easter_sunday(1818).iso(), "1818-03-22");
    EXPECT_EQ(holidays::easter_sunday(1943).iso(), "1943-04-25");
    EXPECT_EQ(holidays::easter_sunday(2000).iso(), "2000-04-23");
    EXPECT_EQ(holidays::easter_sunday(2038).iso(), "2038-04-25");
    for (int y = 1900; y < 2200; ++y) {
        const Date e = holidays::easter_sunday(y);
        EXPECT_EQ(e.weekday(), 6) << y;  // always a Sunday
        EXPECT_TRUE((Date{y, 3, 22} <= e && e <= Date{y, 4, 25})) << y;
    }
}

TEST(Holidays, TheElevenFrenchPublicHolidaysOf2026) {
    std::vector<std::string> days;
    for (const Date& d : holidays::french_public_holidays(2026)) days.push_back(d.iso());
    EXPECT_EQ(days, (std::vector<std::string>{"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14",
                                              "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11",
                                              "2026-12-25"}));
    EXPECT_TRUE(holidays::is_french_public_holiday(Date{2027, 5, 6}));     // Ascension 2027
    EXPECT_TRUE(holidays::is_french_public_holiday(Date{2027, 5, 17}));    // Whit Monday 2027
    EXPECT_FALSE(holidays::is_french_public_holiday(Date{2026, 4, 5}));    // Easter Sunday itself is not listed
    EXPECT_FALSE(holidays::is_french_public_holiday(Date{2026, 12, 26}));  // Alsace-Moselle only
    // 2008: Ascension fell on 1 May, one day listed once.
    EXPECT_EQ(holidays::french_public_holidays(2008).size(), 10u);
}

TEST_F(Deals, PlanningMay2026SkipsTheFourWeekdayHolidays) {
    // Monday to Friday: 21 weekdays in May 2026, of which 1 May (Fri), 8 May
    // (Fri), 14 May (Thu, Ascension) and 25 May (Mon, Whit Monday) are holidays.
    Publication p;
    p.name = "Le Matin";
    p.slug = "matin";
    CatalogService(*db).add_publication(p);
    const auto created = IssueService(*db).plan("matin", Date{2026, 5, 1}, Date{2026, 5, 31}, "fr");
    ASSERT_EQ(created.size(), 17u);
    for (const auto& i : created)
        for (const char* h : {"2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25"}) EXPECT_NE(i.date.iso(), h);
    EXPECT_EQ(created.front().date.iso(), "2026-05-04");
    EXPECT_EQ(created.back().number, 17);  // numbers continue over the holidays without gaps
    // Without the calendar every weekday is planned (the holidays now too).
    EXPECT_EQ(IssueService(*db).plan("matin", Date{2026, 5, 1}, Date{2026, 5, 31}).size(), 4u);
}

TEST_F(Deals, AnUnknownHolidayCalendarIsRefusedAndPlansNothing) {
    const auto before = IssueService(*db).list("brief", std::nullopt, std::nullopt).size();
    try {
        IssueService(*db).plan("brief", Date{2026, 4, 1}, Date{2026, 4, 30}, "de");
        FAIL();
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidChoice);
        EXPECT_EQ(e.field(), "skip_holidays");
    }
    EXPECT_EQ(IssueService(*db).list("brief", std::nullopt, std::nullopt).size(), before);
}

// ------------------------------------------------------------ several issues

TEST_F(Deals, BookingSeveralIssuesMakesOneBookingPerIssueInDateOrder) {
    auto r = many("Acme", {"2026-03-12", "2026-03-03", "2026-03-09", "2026-03-03"});
    r.price = 99000;
    const auto made = BookingService(*db).book_many(r);
    ASSERT_EQ(made.size(), 3u);  // the repeated date counts once
    EXPECT_EQ(made[0].issue_date.iso(), "2026-03-03");
    EXPECT_EQ(made[2].issue_date.iso(), "2026-03-12");
    for (const auto& v : made) {
        EXPECT_EQ(v.booking.price, 99000);
        EXPECT_EQ(v.booking.status, BookingStatus::Confirmed);
        EXPECT_EQ(v.booking.slot, 1);
    }
    EXPECT_EQ(bookings_count(), 3);
}

TEST_F(Deals, EveryRefusedDateIsNamedWithItsReasonAndNothingIsBooked) {
    book("Cirrus", "2026-03-04");          // MAIN taken
    book("Bobco", "2026-03-05", "CLASS");  // a competitor of Acme in the issue
    send("2026-03-06");                    // already sent
    const std::string before = bookings_state();
    try {
        BookingService(*db).book_many(many("Acme", {"2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"}));
        FAIL() << "booked";
    } catch (const Conflict& e) {
        EXPECT_EQ(e.code(), ErrorCode::DatesRefused);
        EXPECT_EQ(e.list("dates"), (std::vector<std::string>{"2026-03-04", "2026-03-05", "2026-03-06"}));
        EXPECT_EQ(e.list("reasons"), (std::vector<std::string>{"slot_taken", "competitor_conflict", "issue_sent"}));
        EXPECT_EQ(e.number("total"), 4);
        const std::string m = e.what();
        EXPECT_EQ(m.find('\n'), std::string::npos);
        EXPECT_NE(m.find("3 of 4 dates refused"), std::string::npos) << m;
        EXPECT_NE(m.find("2026-03-04: no open slot"), std::string::npos) << m;
        EXPECT_NE(m.find("2026-03-05: competitor in the issue"), std::string::npos) << m;
        EXPECT_NE(m.find("2026-03-06: issue 2026-03-06 of brief is already sent"), std::string::npos) << m;
        EXPECT_EQ(m.find("2026-03-03:"), std::string::npos) << m;
    }
    EXPECT_EQ(bookings_state(), before);  // 2026-03-03 was free, and still nothing was booked
    // With the override only the slot and the sent issue stand in the way.
    auto r = many("Acme", {"2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"});
    r.allow_competitor = true;
    try {
        BookingService(*db).book_many(r);
        FAIL();
    } catch (const Conflict& e) {
        EXPECT_EQ(e.list("dates"), (std::vector<std::string>{"2026-03-04", "2026-03-06"}));
    }
}

TEST_F(Deals, ARefusedBookingLeavesAnExpiredHoldItsSlot) {
    // Dune's hold on the 20th expired on the 2nd: a booking there takes its
    // slot number, but the whole booking is refused, so the hold keeps it.
    book("Dune", "2026-03-20", "MAIN", BookingStatus::Hold, Date{2026, 3, 2});
    book("Cirrus", "2026-03-04");
    set_today("2026-03-03");
    const std::string before = bookings_state();
    EXPECT_THROW(BookingService(*db).book_many(many("Acme", {"2026-03-20", "2026-03-04"})), Conflict);
    EXPECT_EQ(bookings_state(), before);
    // The same, once the 4th is not asked for: the expired hold gives up its slot.
    const auto made = BookingService(*db).book_many(many("Acme", {"2026-03-20"}));
    EXPECT_EQ(made.at(0).booking.slot, 1);
}

TEST_F(Deals, WhatNoDateChangesIsSaidOnceNotPerDate) {
    SponsorService(*db).archive(test_lookup::sponsor_id(*db, "Dune"));
    try {
        BookingService(*db).book_many(many("Dune", {"2026-03-03", "2026-03-04"}));
        FAIL();
    } catch (const Conflict& e) {
        EXPECT_EQ(e.code(), ErrorCode::SponsorArchived);
    }
    EXPECT_EQ(bookings_count(), 0);
}

TEST_F(Deals, HoldsOverSeveralIssuesFollowTheHoldRules) {
    auto r = many("Acme", {"2026-03-09", "2026-03-11", "2026-03-12"});
    r.status = BookingStatus::Hold;
    r.hold_until = Date{2026, 3, 10};
    try {
        BookingService(*db).book_many(r);
        FAIL();
    } catch (const InvalidInput& e) {  // the only refusal is invalid input: exit 1
        EXPECT_EQ(e.code(), ErrorCode::DatesRefused);
        EXPECT_EQ(e.list("dates"), std::vector<std::string>{"2026-03-09"});
        EXPECT_EQ(e.list("reasons"), std::vector<std::string>{"hold_after_issue"});
    }
    EXPECT_EQ(bookings_count(), 0);
    r.hold_until = Date{2026, 2, 20};  // in the past: said once, not per date
    try {
        BookingService(*db).book_many(r);
        FAIL();
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::HoldInPast);
    }
    r.issues.erase(r.issues.begin());
    r.hold_until = Date{2026, 3, 10};
    const auto made = BookingService(*db).book_many(r);
    ASSERT_EQ(made.size(), 2u);
    EXPECT_EQ(made[0].booking.hold_until, (Date{2026, 3, 10}));
    // Without an expiry each hold gets the default one, not past its issue.
    auto d = many("Cirrus", {"2026-03-03", "2026-03-20"});
    d.status = BookingStatus::Hold;
    const auto holds = BookingService(*db).book_many(d);
    EXPECT_EQ(holds[0].booking.hold_until, (Date{2026, 3, 3}));
    EXPECT_EQ(holds[1].booking.hold_until, (Date{2026, 3, 8}));
}

TEST_F(Deals, WeekdaysSelectTheIssuesOfAPeriodOrSayThereAreNone) {
    IssueService issues(*db);
    const auto pub = test_lookup::publication_id(*db, "brief");
    std::vector<std::string> got;
    for (const auto& i : issues.on_weekdays(pub, Date{2026, 3, 1}, Date{2026, 3, 15}, cadence_from_text("mon,thu")))
        got.push_back(i.date.iso());
    EXPECT_EQ(got, (std::vector<std::string>{"2026-03-02", "2026-03-05", "2026-03-09", "2026-03-12"}));
    try {
        issues.on_weekdays(pub, Date{2026, 3, 1}, Date{2026, 3, 31}, cadence_from_text("sat,sun"));
        FAIL();
    } catch (const NotFound& e) {
        EXPECT_EQ(e.code(), ErrorCode::NoIssuesSelected);
        EXPECT_EQ(e.text("weekdays"), "sat,sun");
    }
    EXPECT_THROW(issues.on_weekdays(pub, Date{2026, 3, 31}, Date{2026, 3, 1}, 1), InvalidInput);
}

// ------------------------------------------------------------ move

TEST_F(Deals, AMoveKeepsPriceCopyAndStatusAndFreesTheOldSlot) {
    const auto b = book("Acme", "2026-03-03");
    BookingService service(*db);
    service.set_price(b.id(), 123450);
    service.set_copy(b.id(), "Ouvrez un compte chez Acme.", "https://acme.example");
    const auto moved = service.move(b.id(), to("2026-03-10"));
    EXPECT_EQ(moved.issue_date.iso(), "2026-03-10");
    EXPECT_EQ(moved.booking.price, 123450);
    EXPECT_EQ(moved.booking.copy, "Ouvrez un compte chez Acme.");
    EXPECT_EQ(moved.booking.status, BookingStatus::CopyReceived);
    EXPECT_EQ(moved.booking.id, b.booking.id);
    EXPECT_EQ(bookings_count(), 1);
    // The old slot is open again.
    EXPECT_NO_THROW(book("Cirrus", "2026-03-03"));
    // Another placement of the same issue.
    const auto classified = service.move(b.id(), to("2026-03-10", "CLASS"));
    EXPECT_EQ(classified.placement_code, "CLASS");
    EXPECT_NO_THROW(book("Dune", "2026-03-10"));
}

TEST_F(Deals, AMoveIsCheckedLikeANewBooking) {
    const auto b = book("Acme", "2026-03-03");
    book("Cirrus", "2026-03-04");
    book("Bobco", "2026-03-05", "CLASS");
    send("2026-03-06");
    BookingService service(*db);
    const std::string before = bookings_state();
    auto refused = [&](const MoveRequest& r) -> ErrorCode {
        try {
            service.move(b.id(), r);
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Conflict) << e.what();
            return e.code();
        }
        return ErrorCode::Unspecified;
    };
    EXPECT_EQ(refused(to("2026-03-04")), ErrorCode::SlotTaken);
    EXPECT_EQ(refused(to("2026-03-05")), ErrorCode::CompetitorConflict);
    EXPECT_EQ(refused(to("2026-03-06")), ErrorCode::IssueSent);
    EXPECT_EQ(bookings_state(), before);
    auto allowed = to("2026-03-05");
    allowed.allow_competitor = true;
    EXPECT_EQ(service.move(b.id(), allowed).issue_date.iso(), "2026-03-05");
}

TEST_F(Deals, AMovedHoldMustNotOutliveItsNewIssueAndCopyMustFitTheNewPlacement) {
    const auto h = book("Acme", "2026-03-20", "MAIN", BookingStatus::Hold, Date{2026, 3, 10});
    BookingService service(*db);
    try {
        service.move(h.id(), to("2026-03-09"));
        FAIL();
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::HoldAfterIssue);
    }
    EXPECT_EQ(service.move(h.id(), to("2026-03-12")).booking.hold_until, (Date{2026, 3, 10}));

    const auto c = book("Cirrus", "2026-03-03", "CLASS");
    service.set_copy(c.id(), "one two three four five six seven eight nine ten eleven twelve", std::nullopt);
    try {
        service.move(c.id(), to("2026-03-04", "MAIN"));  // MAIN allows 10 words
        FAIL();
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.code(), ErrorCode::WordLimit);
        EXPECT_EQ(e.number("words"), 12);
    }
    EXPECT_EQ(service.get(c.id()).issue_date.iso(), "2026-03-03");
}

TEST_F(Deals, PublishedCancelledAndInvoicedBookingsDoNotMove) {
    BookingService service(*db);
    const auto p = book("Acme", "2026-03-03");
    service.set_copy(p.id(), "Texte validé.", std::nullopt);
    service.change_status(p.id(), BookingStatus::Approved);
    service.change_status(p.id(), BookingStatus::Published);
    const auto x = book("Cirrus", "2026-03-04");
    service.change_status(x.id(), BookingStatus::Cancelled);
    const auto inv = book("Dune", "2026-03-05");
    InvoiceService(*db).create_for_bookings(test_lookup::sponsor_id(*db, "Dune"), {inv.id()});
    const std::string before = bookings_state();
    for (const auto& [id, code] : {std::pair{p.id(), ErrorCode::StatusFinal}, std::pair{x.id(), ErrorCode::StatusFinal},
                                   std::pair{inv.id(), ErrorCode::AlreadyInvoiced}}) {
        try {
            service.move(id, to("2026-03-18"));
            FAIL() << id.value;
        } catch (const Conflict& e) {
            EXPECT_EQ(e.code(), code) << e.what();
        }
    }
    EXPECT_EQ(bookings_state(), before);
}

TEST_F(Deals, APriceChangesUntilTheBookingIsInvoiced) {
    BookingService service(*db);
    const auto b = book("Dune", "2026-03-05");
    EXPECT_EQ(service.set_price(b.id(), 0).booking.price, 0);  // a free insertion is a price
    EXPECT_EQ(service.set_price(b.id(), 98765).booking.price, 98765);
    EXPECT_THROW(service.set_price(b.id(), -1), InvalidInput);
    EXPECT_THROW(service.set_price(BookingId{999}, 100), NotFound);
    InvoiceService(*db).create_for_bookings(test_lookup::sponsor_id(*db, "Dune"), {b.id()});
    try {
        service.set_price(b.id(), 100);
        FAIL();
    } catch (const Conflict& e) {
        EXPECT_EQ(e.code(), ErrorCode::AlreadyInvoiced);
        EXPECT_EQ(e.field(), "price");
    }
    EXPECT_EQ(service.get(b.id()).booking.price, 98765);
}

}  // namespace

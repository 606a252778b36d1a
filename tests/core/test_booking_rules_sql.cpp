// The rulebook (domain/booking_rules.h) and its SQL twins
// (storage/booking_rules_sql.h) must give the same answers: generated
// bookings of every status, hold dates around today, slots in and out of
// range and invoices live or cancelled, on an in-memory database.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <map>
#include <random>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/booking_rules_sql.h"
#include "sponsordesk/storage/database.h"
#include "sponsordesk/storage/sponsor_repository.h"

using namespace sponsordesk;
namespace rules = sponsordesk::booking_rules;

namespace {

constexpr BookingStatus kStatuses[] = {BookingStatus::Hold,     BookingStatus::Confirmed, BookingStatus::CopyReceived,
                                       BookingStatus::Approved, BookingStatus::Published, BookingStatus::Cancelled};

// Categories that are one once folded, and some that are not.
const char* const kCategories[] = {"",
                                   "banque",
                                   "Banque",
                                   "BANQUE",
                                   "Énergie",
                                   "énergie",
                                   "ÉNERGIE",
                                   "E\xCC\x81nergie",  // E + combining acute: "Énergie" typed decomposed
                                   "Straße",
                                   "STRASSE",
                                   "cloud",
                                   "Cloud ",
                                   "énergies"};

struct Generated {
    std::unique_ptr<Database> db;
    std::map<Id, Date> issue_date;         // issue → date
    std::map<Id, int> issue_deadline;      // issue → its publication's copy deadline
    std::vector<std::pair<Id, Id>> cells;  // (issue, placement) of the same publication
    std::map<Id, int> placement_slots;
    std::vector<Sponsor> sponsors;
};

// One database of random bookings around `today`, from `seed`.
Generated generate(unsigned seed, const Date& today) {
    std::mt19937 rng(seed);
    auto below = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    Generated g;
    g.db = std::make_unique<Database>(":memory:");
    SQLite::Database& sql = g.db->sql();
    SponsorRepository sponsor_repo(*g.db);
    for (const char* category : kCategories) {
        Sponsor s;
        s.name = fmt::format("Sponsor {}", g.sponsors.size());
        s.category = category;
        s.id = sponsor_repo.insert(s);
        g.sponsors.push_back(s);
    }
    for (int pub = 1; pub <= 2; ++pub) {
        const int deadline = pub == 1 ? 3 : below(8);
        sql.exec(fmt::format(
            "INSERT INTO publication (id, name, slug, copy_deadline_days) VALUES ({0}, 'P{0}', 'p{0}', {1})", pub,
            deadline));
        std::vector<Id> placements;
        for (int k = 0; k < 2; ++k) {
            const Id pl = pub * 10 + k;
            const int slots = 1 + below(4);
            sql.exec(
                fmt::format("INSERT INTO placement (id, publication_id, code, name, price, slots) "
                            "VALUES ({}, {}, 'C{}', 'Placement', 100, {})",
                            pl, pub, k, slots));
            placements.push_back(pl);
            g.placement_slots[pl] = slots;
        }
        for (int n = 0; n < 6; ++n) {
            const Id issue = pub * 100 + n;
            const Date date = today.add_days(n * 5 - 10 + below(5));  // one issue a day at most
            sql.exec(fmt::format("INSERT INTO issue (id, publication_id, number, date) VALUES ({}, {}, {}, '{}')",
                                 issue, pub, n + 1, date.iso()));
            g.issue_date[issue] = date;
            g.issue_deadline[issue] = deadline;
            for (Id pl : placements) g.cells.emplace_back(issue, pl);
        }
    }
    BookingRepository bookings(*g.db);
    std::map<std::tuple<Id, Id, int>, bool> taken;
    for (int n = 0; n < 160; ++n) {
        const auto [issue, pl] = g.cells[static_cast<size_t>(below(static_cast<int>(g.cells.size())))];
        Booking b;
        b.issue_id = issue;
        b.placement_id = pl;
        b.sponsor_id = g.sponsors[static_cast<size_t>(below(static_cast<int>(g.sponsors.size())))].id;
        b.status = kStatuses[below(6)];
        b.price = 100;
        // Hold dates before, on and after today and around a week ahead; some holds without one.
        if (below(5) > 0) b.hold_until = today.add_days(below(13) - 3);
        if (b.status != BookingStatus::Cancelled && below(6) > 0) {
            // Numbers up to one past the placement's slots: a placement whose
            // slots were reduced keeps bookings numbered beyond them.
            const int slot = 1 + below(g.placement_slots[pl] + 1);
            if (!taken[{issue, pl, slot}]) {
                taken[{issue, pl, slot}] = true;
                b.slot = slot;
            }
        }
        b.id = bookings.insert(b);
        // A third of the booked ones on an invoice: live, or cancelled.
        if (below(3) == 0) {
            const std::string status = below(2) ? "cancelled" : (below(2) ? "draft" : "issued");
            // Lines go on a draft (issued invoices are immutable), then it moves on.
            sql.exec(
                fmt::format("INSERT INTO invoice (sponsor_id, currency, number, issue_date, due_date) "
                            "VALUES ({0}, 'EUR', 'N{1}', '2026-01-01', '2026-01-31')",
                            b.sponsor_id, b.id));
            const auto invoice = sql.getLastInsertRowid();
            sql.exec(
                fmt::format("INSERT INTO invoice_line (invoice_id, booking_id, position, description, service_date, "
                            "unit_net, net, vat_rate, vat, gross) VALUES ({}, {}, 1, 'x', '2026-01-01', 1, 1, 0, 0, 1)",
                            invoice, b.id));
            sql.exec(fmt::format("UPDATE invoice SET status = '{}' WHERE id = {}", status, invoice));
        }
    }
    return g;
}

std::string iso_or_null(const SQLite::Column& c) { return c.isNull() ? "NULL" : c.getString(); }

}  // namespace

TEST(BookingRulesSql, EveryBookingRuleGivesTheSameAnswerInCppAndInSql) {
    int compared = 0;
    for (unsigned seed = 1; seed <= 25; ++seed) {
        const Date today = Date::parse("2026-03-01").add_days(static_cast<long>(seed * 3));
        Generated g = generate(seed, today);
        BookingRepository bookings(*g.db);
        SQLite::Statement q(g.db->sql(),
                            fmt::format("SELECT b.id, b.issue_id, {}, {}, {}, {}, {}, {}, {} IS NOT NULL, {} "
                                        "FROM booking b JOIN issue i ON i.id = b.issue_id "
                                        "JOIN publication p ON p.id = i.publication_id ORDER BY b.id",
                                        rules::sql::kExpiredHold, rules::sql::kLive, rules::sql::kBooked,
                                        rules::sql::kInvoiceable, rules::sql::kCopyDue, rules::sql::kCopyLate,
                                        rules::sql::kLiveInvoiceOf, rules::sql::kHoldEndingSoon));
        q.bind(":today", today.iso());
        q.bind(":soon", today.add_days(rules::kHoldWarningDays - 1).iso());
        while (q.executeStep()) {
            const Id id = q.getColumn(0).getInt64();
            const Booking b = *bookings.find(id);
            const Date issue = g.issue_date.at(q.getColumn(1).getInt64());
            const int deadline = g.issue_deadline.at(b.issue_id);
            const bool on_live_invoice = q.getColumn(8).getInt() != 0;
            const std::string what =
                fmt::format("seed {} booking {} ({}, hold until {}, issue {}, today {})", seed, id, to_string(b.status),
                            b.hold_until ? b.hold_until->iso() : "none", issue.iso(), today.iso());
            EXPECT_EQ(q.getColumn(2).getInt() != 0, rules::is_expired_hold(b.status, b.hold_until, today)) << what;
            EXPECT_EQ(q.getColumn(3).getInt() != 0, rules::is_live(b.status, b.hold_until, today)) << what;
            EXPECT_EQ(q.getColumn(4).getInt() != 0, rules::is_booked(b.status)) << what;
            EXPECT_EQ(q.getColumn(5).getInt() != 0, rules::is_invoiceable(b.status, on_live_invoice)) << what;
            EXPECT_EQ(iso_or_null(q.getColumn(6)), rules::copy_due(issue, deadline).iso()) << what;
            EXPECT_EQ(q.getColumn(7).getInt() != 0, rules::is_copy_late(b.status, b.hold_until, issue, deadline, today))
                << what;
            EXPECT_EQ(q.getColumn(9).getInt() != 0, rules::is_hold_ending_soon(b.status, b.hold_until, today)) << what;
            // The repository's views and its copy-late filter say the same.
            const BookingView v = *bookings.view(id, today);
            EXPECT_EQ(v.live, rules::is_live(b, today)) << what;
            EXPECT_EQ(v.invoice.has_value(), on_live_invoice) << what;
            ++compared;
        }
        BookingFilter late;
        late.today = today;
        late.copy_late = true;
        for (const BookingView& v : bookings.list(late)) EXPECT_TRUE(v.copy_late) << "seed " << seed;
        BookingFilter all;
        all.today = today;
        std::int64_t late_count = 0;
        for (const BookingView& v : bookings.list(all)) late_count += v.copy_late ? 1 : 0;
        EXPECT_EQ(bookings.count(late), late_count) << "seed " << seed;
    }
    EXPECT_EQ(compared, 25 * 160);
}

TEST(BookingRulesSql, OpenSlotsAndTheNextFreeSlotAgreeWithTheQuery) {
    int cells = 0, full = 0;
    for (unsigned seed = 1; seed <= 25; ++seed) {
        const Date today = Date::parse("2026-03-01").add_days(static_cast<long>(seed * 3));
        Generated g = generate(seed, today);
        BookingRepository bookings(*g.db);
        SQLite::Statement q(g.db->sql(), fmt::format("SELECT i.id, pl.id, {} FROM issue i JOIN placement pl "
                                                     "ON pl.publication_id = i.publication_id ORDER BY i.id, pl.id",
                                                     rules::sql::kOpenSlots));
        q.bind(":today", today.iso());
        while (q.executeStep()) {
            const Id issue = q.getColumn(0).getInt64(), pl = q.getColumn(1).getInt64();
            const int slots = g.placement_slots.at(pl);
            const auto holders = bookings.slot_holders(issue, pl);
            const int open = rules::open_slots(slots, holders, today);
            EXPECT_EQ(q.getColumn(2).getInt(), open) << "seed " << seed << " issue " << issue << " placement " << pl;
            const auto choice = rules::next_free_slot(slots, holders, today);
            EXPECT_EQ(choice.has_value(), open > 0);
            if (choice) {
                EXPECT_GE(choice->slot, 1);
                EXPECT_LE(choice->slot, slots);
                for (const auto& h : holders)
                    if (h.slot == choice->slot) {
                        // Only a booking that is no longer live gives up its number.
                        EXPECT_FALSE(rules::is_live(h.status, h.hold_until, today));
                        EXPECT_EQ(choice->from_expired_hold, h.booking_id);
                    }
            } else {
                ++full;
            }
            ++cells;
        }
    }
    EXPECT_EQ(cells, 25 * 2 * 6 * 2);
    EXPECT_GT(full, 0);  // the generator fills some placements completely
}

TEST(BookingRulesSql, CompetitorClashIsTheSameInCppAndOnTheStoredCategoryKeys) {
    Generated g = generate(7, Date::parse("2026-03-01"));
    int clashes = 0;
    for (const Sponsor& a : g.sponsors) {
        SQLite::Statement q(
            g.db->sql(), fmt::format("SELECT s.id FROM sponsor s WHERE {} ORDER BY s.id", rules::sql::kSameCategory));
        q.bind(":category_key", rules::category_key(a.category));
        std::vector<Id> sql_ids, cpp_ids;
        while (q.executeStep()) sql_ids.push_back(q.getColumn(0).getInt64());
        for (const Sponsor& b : g.sponsors)
            if (rules::categories_clash(a.category, b.category)) cpp_ids.push_back(b.id);
        EXPECT_EQ(sql_ids, cpp_ids) << "category " << a.category;
        clashes += static_cast<int>(cpp_ids.size());
    }
    EXPECT_GT(clashes, 0);
}

TEST(BookingRulesPure, CategoriesCompareByUnicodeCaseFolding) {
    EXPECT_TRUE(rules::categories_clash("Énergie", "énergie"));
    EXPECT_TRUE(rules::categories_clash("Énergie", "ÉNERGIE"));
    EXPECT_TRUE(rules::categories_clash("énergie", "E\xCC\x81NERGIE"));  // decomposed capital É
    EXPECT_TRUE(rules::categories_clash("Straße", "STRASSE"));
    EXPECT_FALSE(rules::categories_clash("énergie", "energie"));
    EXPECT_FALSE(rules::categories_clash("", ""));
    EXPECT_FALSE(rules::categories_clash("banque", ""));
}

TEST(BookingRulesPure, AHoldLastsSevenDaysNeverPastItsIssueAndMayNotOutliveIt) {
    const Date today = Date::parse("2026-03-01");
    EXPECT_EQ(rules::default_hold_until(today, Date::parse("2026-03-30")).iso(), "2026-03-08");
    EXPECT_EQ(rules::default_hold_until(today, Date::parse("2026-03-04")).iso(), "2026-03-04");
    EXPECT_EQ(rules::default_hold_until(today, Date::parse("2026-02-20")).iso(), "2026-03-01");
    EXPECT_EQ(rules::hold_until_for(Date::parse("2026-03-04"), today, Date::parse("2026-03-04")).iso(), "2026-03-04");
    EXPECT_THROW(rules::hold_until_for(Date::parse("2026-03-05"), today, Date::parse("2026-03-04")), InvalidInput);
    EXPECT_THROW(rules::hold_until_for(Date::parse("2026-02-28"), today, Date::parse("2026-03-04")), InvalidInput);
    // Live through the expiry date, expired the day after.
    EXPECT_TRUE(rules::is_live(BookingStatus::Hold, today, today));
    EXPECT_FALSE(rules::is_live(BookingStatus::Hold, today, today.add_days(1)));
    EXPECT_TRUE(rules::is_live(BookingStatus::Hold, std::nullopt, today));
}

TEST(BookingRulesPure, AnExpiredHoldKeepsItsSlotUntilNoOtherIsFree) {
    const Date today = Date::parse("2026-03-10");
    const std::vector<rules::SlotHolder> holders = {{1, 1, BookingStatus::Hold, Date::parse("2026-03-01")}};
    auto choice = rules::next_free_slot(2, holders, today);
    ASSERT_TRUE(choice);
    EXPECT_EQ(choice->slot, 2);
    EXPECT_FALSE(choice->from_expired_hold);
    choice = rules::next_free_slot(1, holders, today);
    ASSERT_TRUE(choice);
    EXPECT_EQ(choice->slot, 1);
    EXPECT_EQ(choice->from_expired_hold, 1);
    EXPECT_FALSE(rules::next_free_slot(1, {{2, 1, BookingStatus::Confirmed, std::nullopt}}, today));
}

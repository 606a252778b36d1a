#pragma once
// The rulebook of bookings and slots, as pure functions: which booking holds
// its slot (live), which is a sale (booked, invoiceable), whose copy is late,
// how long a hold lasts, which slot a new booking takes and who competes.
// Every service, report and window asks these; none re-derives them.
//
// Where storage filters or counts by a rule in SQL, the fragment sits in
// sponsordesk/storage/booking_rules_sql.h under the same name, and
// tests/core/test_booking_rules_sql.cpp runs both over generated bookings.
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/model.h"

namespace sponsordesk::booking_rules {

// A hold without an explicit expiry lasts this many days, never past the issue.
inline constexpr int kDefaultHoldDays = 7;

// A hold past its expiry date: it is live through that date and expires the
// day after. A hold without an expiry date never expires. (sql::kExpiredHold)
bool is_expired_hold(BookingStatus status, const std::optional<Date>& hold_until, const Date& today);

// Live: the booking holds its slot and counts for competitor exclusivity:
// not cancelled and not an expired hold. (sql::kLive)
bool is_live(BookingStatus status, const std::optional<Date>& hold_until, const Date& today);
inline bool is_live(const Booking& b, const Date& today) { return is_live(b.status, b.hold_until, today); }

// Booked: a sale, confirmed or further along the pipeline and not cancelled
// (confirmed, copy-received, approved, published). Holds, even unexpired,
// are a pipeline, not revenue. (sql::kBooked)
bool is_booked(BookingStatus status);

// Invoiceable: booked and on no live (non-cancelled) invoice. (sql::kInvoiceable)
bool is_invoiceable(BookingStatus status, bool on_live_invoice);

// The day copy is due: the issue date minus the publication's copy deadline. (sql::kCopyDue)
Date copy_due(const Date& issue_date, int copy_deadline_days);

// Copy late: a live booking whose copy is not approved yet (hold, confirmed,
// copy-received) and whose copy was due before today. (sql::kCopyLate)
bool is_copy_late(BookingStatus status, const std::optional<Date>& hold_until, const Date& issue_date,
                  int copy_deadline_days, const Date& today);

// A hold ending soon: live, with an expiry date from today to `days` − 1
// days ahead, so that it stops holding its slot within `days` days (the
// Dashboard's "holds expiring within 7 days"). A hold without an expiry date
// never ends. (sql::kHoldEndingSoon, with :soon bound to today + days − 1)
inline constexpr int kHoldWarningDays = 7;
bool is_hold_ending_soon(BookingStatus status, const std::optional<Date>& hold_until, const Date& today,
                         int days = kHoldWarningDays);

// The expiry of a hold made today without one: kDefaultHoldDays from today,
// never past the issue date (and never before today).
Date default_hold_until(const Date& today, const Date& issue_date);

// The expiry of a hold: the one asked for, checked (InvalidInput when it is
// before today, or after the issue date: a hold may not outlive its issue),
// else the default.
Date hold_until_for(const std::optional<Date>& asked, const Date& today, const Date& issue_date);

// A booking that has a slot number in one placement of one issue.
struct SlotHolder {
    Id booking_id = 0;
    int slot = 0;
    BookingStatus status = BookingStatus::Hold;
    std::optional<Date> hold_until;
};

// The slot a new booking takes, and the expired hold it takes it from.
struct SlotChoice {
    int slot = 0;
    std::optional<Id> from_expired_hold;  // keeps its booking, loses its slot number
};

// The lowest slot number (1..slots) nobody holds; else the lowest one held
// by a booking that is no longer live (an expired hold keeps its number
// until someone needs it). Holders numbered outside 1..slots, and
// `except_booking` (the booking being placed again), are ignored. Empty when
// every slot is held by a live booking. (sql::kOpenSlots counts the slots
// this would find.)
std::optional<SlotChoice> next_free_slot(int slots, const std::vector<SlotHolder>& holders, const Date& today,
                                         Id except_booking = 0);

// How many slots are open to a new booking: numbered 1..slots and not held by
// a live booking. (sql::kOpenSlots)
int open_slots(int slots, const std::vector<SlotHolder>& holders, const Date& today);

// The key categories are compared by: Unicode case folding, NFC. (The
// sponsor's stored category_key; sql::kSameCategory.)
std::string category_key(const std::string& category);

// Two sponsors clash when both have a non-empty category and the categories
// are equal once case-folded. (sql::kSameCategory)
bool categories_clash(const std::string& category_a, const std::string& category_b);
// The same on keys already folded by category_key (imports fold each sponsor once).
bool category_keys_clash(const std::string& key_a, const std::string& key_b);

}  // namespace sponsordesk::booking_rules

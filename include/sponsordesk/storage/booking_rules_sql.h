#pragma once
// The SQL twins of sponsordesk/domain/booking_rules.h: each fragment answers
// in a query what the function of the same name answers in C++, and
// tests/core/test_booking_rules_sql.cpp requires both to agree over
// generated bookings. Aliases: b booking, i issue, p publication, pl
// placement, s sponsor; the date of "today" is bound as :today.
namespace sponsordesk::booking_rules::sql {

// is_expired_hold: a hold with an expiry date before today.
inline constexpr const char* kExpiredHold =
    "(b.status = 'hold' AND (b.hold_until IS NOT NULL AND b.hold_until < :today))";

// is_live: not cancelled and not an expired hold (a hold without expiry is live).
inline constexpr const char* kLive =
    "(b.status <> 'cancelled' AND NOT (b.status = 'hold' AND (b.hold_until IS NOT NULL AND b.hold_until < :today)))";

// is_booked: confirmed or further along, not cancelled.
inline constexpr const char* kBooked = "(b.status IN ('confirmed','copy-received','approved','published'))";

// The id of the live invoice holding booking b, NULL when none.
inline constexpr const char* kLiveInvoiceOf =
    "(SELECT inv.id FROM invoice_line l "
    "JOIN invoice inv ON inv.id = l.invoice_id "
    "WHERE l.booking_id = b.id AND inv.kind = 'invoice' AND inv.status <> 'cancelled' LIMIT 1)";

// is_invoiceable: booked and on no live invoice.
inline constexpr const char* kInvoiceable =
    "(b.status IN ('confirmed','copy-received','approved','published') AND NOT EXISTS ("
    "SELECT 1 FROM invoice_line l JOIN invoice inv ON inv.id = l.invoice_id "
    "WHERE l.booking_id = b.id AND inv.kind = 'invoice' AND inv.status <> 'cancelled'))";

// copy_due: the date minus its publication's copy deadline.
inline constexpr const char* kCopyDue = "date(i.date, '-' || p.copy_deadline_days || ' days')";

// is_copy_late: live, copy not approved yet, due before today.
inline constexpr const char* kCopyLate =
    "(b.status IN ('hold','confirmed','copy-received') "
    "AND NOT (b.status = 'hold' AND (b.hold_until IS NOT NULL AND b.hold_until < :today)) "
    "AND date(i.date, '-' || p.copy_deadline_days || ' days') < :today)";

// is_hold_ending_soon: a hold whose expiry date is from :today to :soon
// (today + days − 1); a hold without one never ends.
inline constexpr const char* kHoldEndingSoon = "(b.status = 'hold' AND b.hold_until BETWEEN :today AND :soon)";

// open_slots: the slots of placement pl in issue i that no live booking holds.
inline constexpr const char* kOpenSlots =
    "(pl.slots - (SELECT count(*) FROM booking b WHERE b.issue_id = i.id AND b.placement_id = pl.id "
    "AND b.slot BETWEEN 1 AND pl.slots "
    "AND b.status <> 'cancelled' AND NOT (b.status = 'hold' AND (b.hold_until IS NOT NULL AND b.hold_until < "
    ":today))))";

// categories_clash: sponsor s competes with a sponsor whose category_key is
// bound as :category_key (both non-empty and equal once folded).
inline constexpr const char* kSameCategory = "(s.category_key <> '' AND s.category_key = :category_key)";

}  // namespace sponsordesk::booking_rules::sql

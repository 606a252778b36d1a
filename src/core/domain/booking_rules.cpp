#include "sponsordesk/domain/booking_rules.h"

#include <algorithm>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/text.h"

namespace sponsordesk::booking_rules {

bool is_expired_hold(BookingStatus status, const std::optional<Date>& hold_until, const Date& today) {
    return status == BookingStatus::Hold && hold_until && *hold_until < today;
}

bool is_live(BookingStatus status, const std::optional<Date>& hold_until, const Date& today) {
    return status != BookingStatus::Cancelled && !is_expired_hold(status, hold_until, today);
}

bool is_booked(BookingStatus status) {
    switch (status) {
        case BookingStatus::Confirmed:
        case BookingStatus::CopyReceived:
        case BookingStatus::Approved:
        case BookingStatus::Published:
            return true;
        case BookingStatus::Hold:
        case BookingStatus::Cancelled:
            return false;
    }
    return false;
}

bool is_invoiceable(BookingStatus status, bool on_live_invoice) { return is_booked(status) && !on_live_invoice; }

Date copy_due(const Date& issue_date, int copy_deadline_days) { return issue_date.add_days(-copy_deadline_days); }

bool is_copy_late(BookingStatus status, const std::optional<Date>& hold_until, const Date& issue_date,
                  int copy_deadline_days, const Date& today) {
    const bool unapproved =
        status == BookingStatus::Hold || status == BookingStatus::Confirmed || status == BookingStatus::CopyReceived;
    return unapproved && is_live(status, hold_until, today) && copy_due(issue_date, copy_deadline_days) < today;
}

bool is_hold_ending_soon(BookingStatus status, const std::optional<Date>& hold_until, const Date& today, int days) {
    return status == BookingStatus::Hold && hold_until && !(*hold_until < today) && *hold_until < today.add_days(days);
}

Date default_hold_until(const Date& today, const Date& issue_date) {
    return std::max(today, std::min(today.add_days(kDefaultHoldDays), issue_date));
}

Date hold_until_for(const std::optional<Date>& asked, const Date& today, const Date& issue_date) {
    if (!asked) return default_hold_until(today, issue_date);
    if (*asked < today)
        throw InvalidInput({ErrorCode::HoldInPast, "hold_until", {{"date", asked->iso()}}},
                           fmt::format("hold expiry {} is in the past", asked->iso()));
    if (issue_date < *asked)
        throw InvalidInput(
            {ErrorCode::HoldAfterIssue, "hold_until", {{"date", asked->iso()}, {"issue_date", issue_date.iso()}}},
            fmt::format("hold expiry {} is after the issue date {}: a hold may not outlive its issue", asked->iso(),
                        issue_date.iso()));
    return *asked;
}

namespace {

// holder_of[s] is the booking numbered s (1..slots), if any.
std::vector<const SlotHolder*> by_slot(int slots, const std::vector<SlotHolder>& holders, Id except_booking) {
    std::vector<const SlotHolder*> holder_of(static_cast<size_t>(std::max(slots, 0)) + 1, nullptr);
    for (const auto& h : holders)
        if (h.slot >= 1 && h.slot <= slots && h.booking_id != except_booking)
            holder_of[static_cast<size_t>(h.slot)] = &h;
    return holder_of;
}

}  // namespace

std::optional<SlotChoice> next_free_slot(int slots, const std::vector<SlotHolder>& holders, const Date& today,
                                         Id except_booking) {
    const auto holder_of = by_slot(slots, holders, except_booking);
    for (int s = 1; s <= slots; ++s)
        if (!holder_of[static_cast<size_t>(s)]) return SlotChoice{s, std::nullopt};
    for (int s = 1; s <= slots; ++s) {
        const SlotHolder& h = *holder_of[static_cast<size_t>(s)];
        if (!is_live(h.status, h.hold_until, today)) return SlotChoice{s, h.booking_id};
    }
    return std::nullopt;
}

int open_slots(int slots, const std::vector<SlotHolder>& holders, const Date& today) {
    const auto holder_of = by_slot(slots, holders, 0);
    int open = 0;
    for (int s = 1; s <= slots; ++s) {
        const SlotHolder* h = holder_of[static_cast<size_t>(s)];
        if (!h || !is_live(h->status, h->hold_until, today)) ++open;
    }
    return open;
}

std::string category_key(const std::string& category) { return text::fold(category, "category"); }

bool category_keys_clash(const std::string& key_a, const std::string& key_b) {
    return !key_a.empty() && key_a == key_b;
}

bool categories_clash(const std::string& category_a, const std::string& category_b) {
    if (category_a.empty() || category_b.empty()) return false;
    return category_keys_clash(category_key(category_a), category_key(category_b));
}

}  // namespace sponsordesk::booking_rules

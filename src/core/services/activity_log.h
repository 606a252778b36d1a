#pragma once
// What every write service leaves in the activity log: one row per object it
// changes, written inside the write's own transaction (so that a refused or
// failed write leaves none), with a stable action name and a one-line
// English summary. The wording rules (how a booking is named, how an amount
// or a change reads) live here once.
#include <optional>
#include <string>
#include <string_view>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/domain/money.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk::activity_log {

// Object kinds, as `activity --object KIND:ID` takes them.
inline constexpr const char* kBooking = "booking";
inline constexpr const char* kInvoice = "invoice";
inline constexpr const char* kSponsor = "sponsor";
inline constexpr const char* kIssue = "issue";
inline constexpr const char* kPublication = "publication";
inline constexpr const char* kPlacement = "placement";
inline constexpr const char* kPublisher = "publisher";

// Call inside the write's WriteTransaction, before its commit. The summary
// is made one line (line breaks become spaces) and kept short.
void record(Database& db, std::string_view action, std::string_view object_kind, std::optional<Id> object_id,
            std::string_view summary);

// "1500.00 EUR": the amount as the command line prints it.
std::string money(Minor amount, const std::string& currency);
// "1500.00 → 1200.00 EUR"
std::string money_change(Minor from, Minor to, const std::string& currency);
// "hold → confirmed"
std::string change(std::string_view from, std::string_view to);
// "Acme, weekly 2026-03-04 MAIN slot 1": which booking, for people.
std::string booking(const BookingView& v);

// "Acme, weekly 2026-03-04 MAIN slot 1, 1500.00 EUR, confirmed": a new booking.
std::string new_booking(const BookingView& v);

// An expired hold whose slot a new or moved booking takes keeps no slot
// number: that change of the hold is logged on the hold.
void expired_hold_freed(Database& db, Id hold, int slot);

// The fields an edit changed, in order: "category Media → Tech; notes".
class Changes {
public:
    // A short value: named with its old and new value when it changed.
    void value(std::string_view field, const std::string& from, const std::string& to);
    void number(std::string_view field, long long from, long long to);
    void flag(std::string_view field, bool from, bool to);
    // A long text (notes, address, footer): named only when it changed.
    void text(std::string_view field, const std::string& from, const std::string& to);
    // A postal address: named only when any part of it changed.
    void address(std::string_view field, const PostalAddress& from, const PostalAddress& to);
    bool empty() const { return text_.empty(); }
    std::string str() const { return text_; }

private:
    void add(std::string part);
    std::string text_;
};

// An edit's row: "WHAT: the changes" (the changes alone when `what` is
// empty). An edit that changes nothing (the same values saved again, the
// same file imported again) leaves no row.
void record_changes(Database& db, std::string_view action, std::string_view object_kind, std::optional<Id> object_id,
                    std::string_view what, const Changes& changes);

}  // namespace sponsordesk::activity_log

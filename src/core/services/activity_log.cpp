#include "activity_log.h"

#include <fmt/format.h>

#include "sponsordesk/storage/team_repository.h"

namespace sponsordesk::activity_log {
namespace {

constexpr size_t kMaxSummary = 300;  // bytes; longer values are cut at a UTF-8 boundary
constexpr size_t kMaxValue = 60;

std::string one_line(std::string_view s, size_t max) {
    std::string out;
    out.reserve(std::min(s.size(), max + 3));
    for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (out.size() > max) {
        size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        out.resize(cut);
        out += "…";
    }
    return out;
}

}  // namespace

void record(Database& db, std::string_view action, std::string_view object_kind, std::optional<Id> object_id,
            std::string_view summary) {
    ActivityRepository(db).record(std::string(action), std::string(object_kind), object_id,
                                  one_line(summary, kMaxSummary));
}

std::string money(Minor amount, const std::string& currency) {
    return fmt::format("{} {}", format_amount(amount), currency);
}

std::string money_change(Minor from, Minor to, const std::string& currency) {
    return fmt::format("{} → {} {}", format_amount(from), format_amount(to), currency);
}

std::string change(std::string_view from, std::string_view to) { return fmt::format("{} → {}", from, to); }

std::string booking(const BookingView& v) {
    std::string s =
        fmt::format("{}, {} {} {}", v.sponsor_name, v.publication_slug, v.issue_date.iso(), v.placement_code);
    if (v.booking.slot) s += fmt::format(" slot {}", *v.booking.slot);
    return s;
}

std::string new_booking(const BookingView& v) {
    return fmt::format("{}, {}, {}", booking(v), money(v.booking.price, v.currency), to_string(v.booking.status));
}

void expired_hold_freed(Database& db, Id hold, int slot) {
    record(db, "booking slot freed", kBooking, hold, fmt::format("expired hold gave up slot {}", slot));
}

void Changes::add(std::string part) {
    if (!text_.empty()) text_ += "; ";
    text_ += std::move(part);
}

void Changes::value(std::string_view field, const std::string& from, const std::string& to) {
    if (from == to) return;
    auto shown = [](const std::string& v) { return v.empty() ? std::string("(none)") : one_line(v, kMaxValue); };
    add(fmt::format("{} {}", field, change(shown(from), shown(to))));
}

void Changes::number(std::string_view field, long long from, long long to) {
    if (from != to) add(fmt::format("{} {} → {}", field, from, to));
}

void Changes::flag(std::string_view field, bool from, bool to) {
    if (from != to) add(fmt::format("{} {} → {}", field, from ? "yes" : "no", to ? "yes" : "no"));
}

void Changes::text(std::string_view field, const std::string& from, const std::string& to) {
    if (from != to) add(std::string(field));
}

void Changes::address(std::string_view field, const PostalAddress& from, const PostalAddress& to) {
    if (from.line1 != to.line1 || from.line2 != to.line2 || from.postcode != to.postcode || from.city != to.city ||
        from.country != to.country)
        add(std::string(field));
}

void record_changes(Database& db, std::string_view action, std::string_view object_kind, std::optional<Id> object_id,
                    std::string_view what, const Changes& changes) {
    if (changes.empty()) return;
    record(db, action, object_kind, object_id,
           what.empty() ? changes.str() : fmt::format("{}: {}", what, changes.str()));
}

}  // namespace sponsordesk::activity_log

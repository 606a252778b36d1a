#pragma once
// Strong ids for the records services act on: a SponsorId cannot be passed
// where a BookingId is wanted, nor a name or an id spelled as text.
#include <compare>
#include <cstdint>
#include <functional>
#include <ostream>

namespace sponsordesk {

template <class Tag>
struct TypedId {
    std::int64_t value = 0;

    constexpr TypedId() = default;
    constexpr explicit TypedId(std::int64_t v) : value(v) {}
    constexpr explicit operator bool() const { return value != 0; }
    friend constexpr auto operator<=>(TypedId, TypedId) = default;
    friend std::ostream& operator<<(std::ostream& os, TypedId id) { return os << id.value; }
};

using SponsorId = TypedId<struct SponsorTag>;
using BookingId = TypedId<struct BookingTag>;
using InvoiceId = TypedId<struct InvoiceTag>;
using PublicationId = TypedId<struct PublicationTag>;
using PlacementId = TypedId<struct PlacementTag>;
using IssueId = TypedId<struct IssueTag>;

}  // namespace sponsordesk

template <class Tag>
struct std::hash<sponsordesk::TypedId<Tag>> {
    size_t operator()(sponsordesk::TypedId<Tag> id) const noexcept { return std::hash<std::int64_t>()(id.value); }
};

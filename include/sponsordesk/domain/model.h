#pragma once
// Plain records of the SponsorDesk vocabulary (see SPEC.md), as stored.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/ids.h"
#include "sponsordesk/domain/money.h"

namespace sponsordesk {

using Id = std::int64_t;

struct Publisher {
    std::string name;  // legal name
    std::string address;
    std::string siren;
    std::string vat_number;
    std::string iban;
    std::string bic;
    std::string email;
    int payment_terms_days = 30;
    std::string footer;
};

struct Publication {
    Id id = 0;
    std::string name;
    std::string slug;
    std::string language = "fr";   // fr | en
    std::string currency = "EUR";  // ISO 4217
    unsigned cadence = 0x1F;       // bit i set = sent on weekday i (0 = Monday)
    int words_per_minute = 230;
    int copy_deadline_days = 3;
};

std::string cadence_to_text(unsigned cadence);     // "mon,tue,wed"
unsigned cadence_from_text(const std::string& s);  // throws InvalidInput

struct Placement {
    Id id = 0;
    Id publication_id = 0;
    std::string code;
    std::string name;
    std::string heading;
    Minor price = 0;
    int max_words = 0;  // 0 = no limit
    int slots = 1;
    int position = 0;
    bool active = true;
};

enum class IssueStatus { Planned, Drafting, Ready, Sent };
std::string to_string(IssueStatus s);
IssueStatus issue_status_from(const std::string& s);

struct Issue {
    Id id = 0;
    Id publication_id = 0;
    int number = 0;
    Date date;
    std::string title;
    IssueStatus status = IssueStatus::Planned;
    std::string draft;
    std::optional<std::int64_t> audience, opens, clicks;
};

struct DraftRevision {
    int revision = 0;
    std::string saved_at;  // ISO timestamp, UTC
    std::string text;
};

struct Sponsor {
    Id id = 0;
    std::string name;
    std::string legal_name;
    std::string address;
    std::string country = "FR";  // ISO 3166 alpha-2
    std::string siren;
    std::string vat_number;
    std::string category;
    int payment_terms_days = 30;
    RateBp vat_rate = 2000;
    std::string notes;
    bool archived = false;
};

enum class ContactRole { Billing, Creative, Sales, Other };
std::string to_string(ContactRole r);
ContactRole contact_role_from(const std::string& s);  // throws InvalidInput

struct Contact {
    Id id = 0;
    Id sponsor_id = 0;
    std::string name;
    std::string email;
    std::string phone;
    ContactRole role = ContactRole::Other;
};

enum class BookingStatus { Hold, Confirmed, CopyReceived, Approved, Published, Cancelled };
std::string to_string(BookingStatus s);                   // as on the command line: copy-received
BookingStatus booking_status_from(const std::string& s);  // throws InvalidInput
// Whether a booking is live, booked, late… is decided by booking_rules.h.

struct Booking {
    Id id = 0;
    Id issue_id = 0;
    Id placement_id = 0;
    Id sponsor_id = 0;
    std::optional<int> slot;  // 1-based; empty when cancelled or an expired hold lost its slot
    Minor price = 0;
    BookingStatus status = BookingStatus::Hold;
    std::optional<Date> hold_until;
    std::string copy;
    std::string link;
    std::string notes;
    bool allow_competitor = false;
    std::string created_at;
};

// A booking with the names a list shows next to it.
struct BookingView {
    BookingId id() const { return BookingId{booking.id}; }
    Booking booking;
    Date issue_date;
    int issue_number = 0;
    std::string publication_slug;
    std::string publication_name;
    std::string currency;
    std::string placement_code;
    std::string placement_name;
    int max_words = 0;
    std::string sponsor_name;
    std::string sponsor_category;
    Date copy_due;                              // issue date minus the publication's copy deadline
    bool hold_expired = false;                  // booking_rules::is_expired_hold
    bool live = false;                          // booking_rules::is_live: holds its slot
    bool copy_late = false;                     // booking_rules::is_copy_late
    std::optional<std::string> invoice_number;  // live invoice holding it, if any
};

}  // namespace sponsordesk

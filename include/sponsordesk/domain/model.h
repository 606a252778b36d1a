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

// A structured postal address, as EN 16931 wants it (BT-35..BT-40 for the
// seller, BT-50..BT-55 for the buyer). Empty strings are "not given".
struct PostalAddress {
    std::string line1;     // street and number
    std::string line2;     // building, floor, PO box; may be empty
    std::string postcode;  // may be empty only where the country has none
    std::string city;
    std::string country;  // ISO 3166 alpha-2, upper case
    bool empty() const { return line1.empty() && line2.empty() && postcode.empty() && city.empty(); }
};

enum class VatRegime { Normal, Franchise };       // franchise: art. 293 B du CGI, no VAT charged
std::string to_string(VatRegime r);               // "normal" | "franchise"
VatRegime vat_regime_from(const std::string& s);  // throws InvalidInput

struct Publisher {
    std::string name;              // legal name
    std::string address;           // free text of files made before structured addresses; still shown
    PostalAddress postal;          // country defaults to FR when empty
    std::string siren;             // 9 digits, Luhn-checked
    std::string siret;             // 14 digits, Luhn-checked, starts with the SIREN
    std::string legal_form;        // "SAS", "SARL", "EI"…
    Minor share_capital = -1;      // minor units of EUR; -1 = not given (EI, auto-entrepreneur)
    std::string registry;          // "RCS Lyon", "RM 69", or "Dispensé d'immatriculation"
    std::string einvoice_address;  // electronic address (BT-34); empty = the SIREN
    bool vat_on_debits = false;    // "Option pour le paiement de la taxe d'après les débits"
    VatRegime vat_regime = VatRegime::Normal;
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
    std::string address;         // free text of files made before structured addresses; still shown
    PostalAddress postal;        // postal.country mirrors `country`
    std::string country = "FR";  // ISO 3166 alpha-2
    std::string siren;
    std::string siret;
    std::string vat_number;
    std::string einvoice_address;  // BT-49; empty = SIREN (French business) or billing email
    std::string buyer_reference;   // BT-10, printed and put in the XML of every invoice
    bool business = true;          // false: a private person (no SIREN required)
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

// The live invoice (not cancelled, not a credit note) that holds a booking:
// a draft has no number yet; each front end words it ("draft #4").
struct LiveInvoice {
    Id id = 0;
    std::optional<std::string> number;  // once issued
};
// The command line's words for it (its messages and JSON): the number, or
// "draft #ID" before there is one.
std::string english_ref(const LiveInvoice& invoice);

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
    Minor list_price = 0;  // the placement's price now: booking.price below it is a discount
    std::string sponsor_name;
    std::string sponsor_category;
    Date copy_due;                       // issue date minus the publication's copy deadline
    bool hold_expired = false;           // booking_rules::is_expired_hold
    bool live = false;                   // booking_rules::is_live: holds its slot
    bool copy_late = false;              // booking_rules::is_copy_late
    std::optional<LiveInvoice> invoice;  // the live invoice holding it, if any
};

}  // namespace sponsordesk

#pragma once
// Booking slots: the pipeline, holds, exclusivity, copy, availability.
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

struct BookRequest {
    SponsorId sponsor;
    IssueId issue;
    PlacementId placement;                // of the issue's publication
    std::optional<Minor> price;           // default: the placement's list price
    std::optional<BookingStatus> status;  // hold or confirmed; default confirmed, hold when hold_until is given
    std::optional<Date> hold_until;       // default for holds: kDefaultHoldDays from today, not past the issue;
                                          // InvalidInput when past or after the issue date
    bool allow_competitor = false;
    std::string notes;
};

// One sponsor in one placement of several issues of a publication (book
// --dates, --every): the same options as a single booking.
struct BookManyRequest {
    SponsorId sponsor;
    std::vector<IssueId> issues;  // of one publication; a repeated issue counts once
    PlacementId placement;
    std::optional<Minor> price;
    std::optional<BookingStatus> status;
    std::optional<Date> hold_until;
    bool allow_competitor = false;
    std::string notes;
};

// Where a booking goes (booking move): another issue of its publication,
// and another placement when given.
struct MoveRequest {
    IssueId issue;
    std::optional<PlacementId> placement;  // default: the booking's own
    bool allow_competitor = false;         // move even if a competitor is in the new issue
};

// What the front ends ask a list for.
struct BookingQuery {
    std::optional<PublicationId> publication;
    std::optional<SponsorId> sponsor;
    std::optional<Date> from, to;
    std::optional<BookingStatus> status;
    bool copy_late = false;
};

// A reminder that copy is late, in the publication's language.
struct CopyReminder {
    std::string to;  // the contact's email
    std::string subject;
    std::string body;
    std::string mailto() const;  // the mailto: URL with subject and body
};

class BookingService {
public:
    static constexpr int kDefaultHoldDays = booking_rules::kDefaultHoldDays;

    explicit BookingService(Database& db) : db_(db) {}

    // Takes the lowest open slot of the placement in the issue. Conflict when
    // every slot is held, or when a sponsor of the same category has a live
    // booking in the issue and allow_competitor is not set.
    BookingView book(const BookRequest& r);
    // All or nothing: every issue is checked by the rules of book() (slot,
    // competitor, sent issue, hold, …) before anything is written; when one
    // or more are refused, Conflict DatesRefused lists every refused date
    // with its reason (InvalidInput when every reason is invalid input).
    // Returns the bookings by issue date.
    std::vector<BookingView> book_many(const BookManyRequest& r);
    // Moves a booking to another issue of its publication (and placement),
    // keeping its price, copy and status; its old slot is freed and the new
    // one is checked as a new booking's (slot, competitor, sent issue, hold
    // expiry, word limit). Conflict once invoiced (AlreadyInvoiced), published
    // or cancelled (StatusFinal). Moving to where it already is changes nothing.
    BookingView move(BookingId id, const MoveRequest& r);
    // The agreed price, until the booking is on an invoice (AlreadyInvoiced).
    BookingView set_price(BookingId id, Minor price);
    BookingView get(BookingId id);  // NotFound
    std::vector<BookingView> list(const BookingQuery& q);
    BookingFilter filter(const BookingQuery& q);

    // Word limit, link schemes, and the status rule: confirmed or approved
    // copy becomes copy-received.
    BookingView set_copy(BookingId id, const std::string& copy, std::optional<std::string> link);
    // Forward only along hold → confirmed → copy-received → approved →
    // published; anything but published may be cancelled.
    BookingView change_status(BookingId id, BookingStatus to, bool allow_competitor = false);

    std::vector<OpenSlots> availability(PublicationId publication, const Date& from, const Date& to);

    // A mailto: URL reminding the sponsor's creative contact (else any
    // contact with an email) that copy is due. Empty when nobody has an email.
    std::string copy_reminder_mailto(BookingId id);
    // The same reminder as its parts (for a front end with no mail program:
    // copied to the clipboard); none when nobody at the sponsor has an email.
    std::optional<CopyReminder> copy_reminder(BookingId id);

private:
    // Where a booking lands: its slot and hold expiry.
    struct Placing {
        int slot = 0;
        std::optional<Date> hold_until;
    };
    // The rules a booking must meet in a placement of an issue, the same for
    // book(), book_many() and move(): the placement is the issue's
    // publication's and active, the sponsor not archived, the issue not sent,
    // a hold's expiry valid for the issue (when `hold`: `hold_asked`, or the
    // default when none), no competitor unless allowed, an open slot. Throws
    // the first refusal.
    Placing place(const Issue& issue, const Publication& pub, const Placement& pl, const Sponsor& sponsor, bool hold,
                  const std::optional<Date>& hold_asked, bool allow_competitor, Id except_booking, const Date& today);
    // The part of place() that no issue changes: the sponsor not archived,
    // the placement active.
    static void check_bookable(const Publication& pub, const Placement& pl, const Sponsor& sponsor);
    // The status of a new booking and the checks on its options.
    static BookingStatus new_status(const std::optional<BookingStatus>& status, const std::optional<Date>& hold_until);
    // The slot number to take, freeing an expired hold's slot if need be.
    int claim_slot(Id issue_id, const Placement& pl, Id except_booking);
    void check_competitors(Id issue_id, const Sponsor& sponsor, Id except_booking, const Date& today);
    Database& db_;
};

}  // namespace sponsordesk

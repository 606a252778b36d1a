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
    // The slot number to take, freeing an expired hold's slot if need be.
    int claim_slot(Id issue_id, const Placement& pl, Id except_booking);
    void check_competitors(Id issue_id, const Sponsor& sponsor, Id except_booking, const Date& today);
    Database& db_;
};

}  // namespace sponsordesk

#pragma once
// Storage of bookings: slots, statuses, copy, and the lists built on them.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

struct BookingFilter {
    std::optional<Id> publication_id;
    std::optional<Id> sponsor_id;
    std::string sponsor_text;      // part of the sponsor's name, any case (Unicode case folding); empty for all
    std::optional<Date> from, to;  // issue dates, inclusive
    std::optional<BookingStatus> status;
    bool copy_late = false;
    Date today;
    // For paged views (the GUI's virtual list): sort column and window.
    enum class Sort { IssueDate, Sponsor, Publication, Placement, Status, Price, BookingNumber } sort = Sort::IssueDate;
    bool descending = false;
    std::optional<int> limit;
    int offset = 0;
};

using booking_rules::SlotHolder;  // a booking that holds a slot number

struct IssueCompetitor {  // a live booking in an issue, with its sponsor's category
    Id booking_id = 0;
    Id sponsor_id = 0;
    std::string sponsor_name;
    std::string category;
};

struct OpenSlots {
    Date date;
    std::string placement_code;
    std::string placement_name;
    Minor price = 0;
    int open = 0;
    int slots = 0;
};

class BookingRepository {
public:
    explicit BookingRepository(Database& db) : db_(db) {}

    Id insert(const Booking& b);
    std::optional<Booking> find(Id id);
    std::optional<BookingView> view(Id id, const Date& today);

    std::vector<SlotHolder> slot_holders(Id issue_id, Id placement_id);
    std::vector<IssueCompetitor> live_in_issue(Id issue_id, const Date& today);

    void set_slot(Id booking_id, std::optional<int> slot);
    void set_status(Id booking_id, BookingStatus status, std::optional<int> slot);
    void set_hold_until(Id booking_id, std::optional<Date> until);
    void set_copy(Id booking_id, const std::string& copy, const std::string& link, BookingStatus status);
    void set_price(Id booking_id, Minor price);
    // Another issue and/or placement: the new slot, hold expiry and override.
    void move(Id booking_id, Id issue_id, Id placement_id, int slot, std::optional<Date> hold_until,
              bool allow_competitor);

    std::vector<BookingView> list(const BookingFilter& f);
    // Streams rows without holding them all (reports, exports, large lists).
    void for_each(const BookingFilter& f, const std::function<void(const BookingView&)>& fn);
    std::int64_t count(const BookingFilter& f);
    // EXPLAIN QUERY PLAN of the list query for `f`, one step a line (index tests).
    std::string query_plan(const BookingFilter& f);

    std::vector<OpenSlots> availability(Id publication_id, const Date& from, const Date& to, const Date& today);
    // The non-cancelled invoice holding it.
    std::optional<LiveInvoice> live_invoice(Id booking_id);

private:
    Database& db_;
    std::unique_ptr<sql::Statement> insert_;  // kept for imports of many rows
};

}  // namespace sponsordesk

#pragma once
// The queries behind the monthly and billing reports: small GROUP BY
// aggregates first, then row streams, all bounded by the period's dates so
// that their cost follows the rows of the period, not the database's size.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

// Issues whose date is in [from, to], of one publication or all.
struct ReportScope {
    Date from, to;
    std::optional<Id> publication_id;
    Date today;  // decides which holds have expired
};

// One booking of the scope, whatever its status, as the report streams it.
// The views point into the statement's current row: valid only during the callback.
struct PeriodBooking {
    Id issue_id = 0, placement_id = 0, sponsor_id = 0;
    Date issue_date;
    std::string_view publication_name;
    std::string_view placement_name;
    std::string_view sponsor_name;
    std::string_view status;
    bool booked = false;  // booking_rules::is_booked: a sale, not a hold
    bool live = false;    // booking_rules::is_live: holds its slot
    Minor price = 0;
    std::string_view currency;
    std::optional<Id> invoice_id;                    // the live invoice holding a booked booking
    std::optional<std::string_view> invoice_number;  // its number, once issued
    std::optional<std::int64_t> audience;
};

// One placement of one issue of the scope: the inventory grid, with the
// issue's figures (issues × placements rows: small whatever the bookings).
struct InventoryCell {
    Id issue_id = 0;
    Date issue_date;
    int issue_number = 0;
    std::string publication_name;
    std::string currency;
    std::optional<std::int64_t> audience, opens, clicks;
    Id placement_id = 0;
    std::string placement_code;
    std::string placement_name;
    int slots = 1;
    bool active = true;
    bool has_house_ad = false;
};

// The bookings of one placement in one issue of the scope, added up by the
// same rules as the rows of for_each_booking (booked, live).
struct SalesCell {
    Id issue_id = 0, placement_id = 0;
    std::string currency;
    std::int64_t sold = 0;  // booked
    std::int64_t live = 0;
    Minor revenue = 0;  // prices of the booked ones
};

struct InvoicingFigures {  // invoices issued in the period, per currency
    std::string currency;
    Minor invoiced_net = 0;    // invoices − credit notes
    Minor invoiced_gross = 0;  // invoices − credit notes
    Minor collected = 0;       // payments recorded on the period's invoices
    Minor outstanding = 0;     // still owed on the period's non-cancelled invoices
};

enum class BillingKind { Invoice, CreditNote };

// One invoice or credit note issued in the period; views valid during the callback.
struct BillingRow {
    BillingKind kind = BillingKind::Invoice;
    std::string_view number;
    Date issue_date;
    std::optional<Date> due_date;
    std::string_view sponsor_name;
    std::string_view currency;
    std::string_view status;
    std::optional<std::string_view> credited_number;  // the invoice a credit note cancels
    Minor net = 0, vat = 0, gross = 0;                // credit notes negative
    Minor paid = 0;                                   // payments dated up to `as_of`
    Minor outstanding = 0;                            // gross − paid; 0 for credit notes and cancelled invoices
};

class ReportRepository {
public:
    explicit ReportRepository(Database& db) : db_(db) {}

    // A read transaction: every query of one report sees the same snapshot,
    // so that the Bookings rows add up to the Summary even while others write.
    class Snapshot {
    public:
        explicit Snapshot(Database& db);
        ~Snapshot();
        Snapshot(const Snapshot&) = delete;
        Snapshot& operator=(const Snapshot&) = delete;

    private:
        Database& db_;
        bool nested_ = false;
    };

    std::int64_t count_bookings(const ReportScope& s);  // for progress
    // Every booking of the scope's issues by issue date, issue, placement and
    // booking id (the indexes' order: nothing to sort): one pass gives the
    // Bookings sheet and every figure of the report.
    void for_each_booking(const ReportScope& s, const std::function<void(const PeriodBooking&)>& fn);
    // The same rows in the same order, read by a helper thread that stays a
    // few small batches ahead while fn runs on the calling thread, so that
    // SQLite's work overlaps the caller's (memory stays a few hundred rows).
    // The caller must not use the database until it returns. An exception
    // from fn stops the reading and propagates; so does a reading error.
    void for_each_booking_prefetched(const ReportScope& s, const std::function<void(const PeriodBooking&)>& fn);
    // The same bookings added up per (issue, placement) by SQL: what a
    // figure needs without the rows (the Dashboard). By issue, placement.
    std::vector<SalesCell> sales(const ReportScope& s);
    // By publication, placement position, issue date.
    std::vector<InventoryCell> inventory(const ReportScope& s);
    // Invoices and credit notes issued in [from, to] (of a publication: those
    // carrying one of its bookings, and the credit notes cancelling them).
    std::vector<InvoicingFigures> invoicing(const ReportScope& s);

    std::int64_t count_billing(const Date& from, const Date& to);
    // Issued (not draft) invoices and credit notes by date and number.
    void for_each_billing(const Date& from, const Date& to, const Date& as_of,
                          const std::function<void(const BillingRow&)>& fn);

    // EXPLAIN QUERY PLAN of every report query, for the index tests.
    std::vector<std::pair<std::string, std::string>> query_plans(const ReportScope& s);

private:
    Database& db_;
};

}  // namespace sponsordesk

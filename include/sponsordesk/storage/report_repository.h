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

// "Booked" in every report query: the pipeline past the hold, not cancelled.
// Holds, even unexpired, are a pipeline, not revenue.
inline constexpr const char* kBookedStatuses = "('confirmed','copy-received','approved','published')";

struct CurrencyBookings {  // booked, held and cancelled bookings of one currency
    std::string currency;
    std::int64_t booked = 0;
    Minor booked_revenue = 0;
    std::int64_t holds = 0;  // unexpired holds
    Minor hold_value = 0;
    std::int64_t cancelled = 0;
};

struct PlacementFill {  // a placement's inventory over the scope's issues
    std::string publication_name;
    std::string currency;
    std::string placement_code;
    std::string placement_name;
    bool has_house_ad = false;
    std::int64_t issues = 0;
    std::int64_t offered = 0;  // issues × slots per issue
    std::int64_t sold = 0;     // booked slots
    std::int64_t house = 0;    // slots of issues where it has no live booking and a house ad fills its block
    Minor revenue = 0;         // booked
};

struct SponsorRevenue {
    std::string sponsor_name;
    std::string currency;
    std::int64_t slots = 0;
    Minor revenue = 0;
};

// One booked booking, as the Bookings sheet shows it. The views point into
// the statement's current row: valid only during the callback.
struct BookedRow {
    Date issue_date;
    std::string_view publication_name;
    std::string_view placement_name;
    std::string_view sponsor_name;
    std::string_view status;
    Minor price = 0;
    std::string_view currency;
    std::optional<std::string_view> invoice_number;  // the live invoice holding it
    std::optional<std::int64_t> audience;
};

struct IssuePerformance {  // a booked issue of the scope with its figures
    Date date;
    std::string publication_name;
    int number = 0;
    std::string currency;
    std::optional<std::int64_t> audience, opens, clicks;
    std::int64_t booked = 0;
    Minor revenue = 0;
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
    Minor net = 0, vat = 0, gross = 0;  // credit notes negative
    Minor paid = 0;                     // payments dated up to `as_of`
    Minor outstanding = 0;              // gross − paid; 0 for credit notes and cancelled invoices
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
    };

    std::vector<CurrencyBookings> bookings_by_currency(const ReportScope& s);
    std::vector<PlacementFill> placement_fill(const ReportScope& s);
    // By revenue, highest first; `limit` 0 = all.
    void for_each_sponsor(const ReportScope& s, int limit, const std::function<void(const SponsorRevenue&)>& fn);
    // Booked bookings by issue date, publication, placement position, slot.
    void for_each_booked(const ReportScope& s, const std::function<void(const BookedRow&)>& fn);
    std::vector<IssuePerformance> issue_performance(const ReportScope& s);
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

#pragma once
// Monthly and billing reports as spreadsheets, streamed from the database.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/money.h"
#include "sponsordesk/services/progress.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

// Thrown when Progress::cancel was set: nothing is written at the path.
class ReportCancelled : public Cancelled {
public:
    ReportCancelled() : Cancelled("the report was cancelled: nothing was written") {}
};

struct MonthlyReportRequest {
    Month month;
    std::optional<std::string> publication;  // slug; all publications when empty
    std::string path;                        // the .xlsx to write
    std::optional<Date> today;               // default Date::today(): which holds have expired
    std::string language = "en";             // en | fr: sheet names and labels (InvalidInput otherwise)
};

struct MonthlyCurrencyTotals {
    std::string currency;
    std::int64_t booked = 0;
    Minor booked_revenue = 0, invoiced = 0, invoiced_gross = 0, collected = 0, outstanding = 0;
};

struct MonthlyReportResult {
    std::string path;
    std::int64_t rows = 0;  // rows of the Bookings sheet
    std::int64_t sponsors = 0;
    std::int64_t issues = 0;  // booked issues (rows of the Performance sheet)
    std::vector<MonthlyCurrencyTotals> totals;
};

struct BillingReportRequest {
    Date from, to;  // issue dates of the invoices and credit notes, inclusive
    std::string path;
    std::optional<Date> as_of;    // paid / outstanding / days overdue as of; default today
    std::string language = "en";  // en | fr: sheet names and labels (InvalidInput otherwise)
};

struct BillingCurrencyTotals {
    std::string currency;
    std::int64_t invoices = 0, credit_notes = 0;
    Minor net = 0, vat = 0, gross = 0, paid = 0, outstanding = 0;
    std::vector<Minor> aging;  // Current, 1–30, 31–60, 61–90, > 90 days
};

struct BillingReportResult {
    std::string path;
    Date as_of;
    std::int64_t rows = 0;  // invoices and credit notes
    std::vector<BillingCurrencyTotals> totals;
};

class ReportService {
public:
    explicit ReportService(Database& db) : db_(db) {}

    // Every figure comes from one read snapshot; the file appears at the path
    // only when complete. NotFound for an unknown publication. Both write
    // under the "C" locale for the calling thread: the same bytes whatever
    // the process locale, dated (document properties) as of `today`/`as_of`.
    MonthlyReportResult monthly(const MonthlyReportRequest& request, const Progress& progress = {});
    // InvalidInput when `to` is before `from`.
    BillingReportResult billing(const BillingReportRequest& request, const Progress& progress = {});

private:
    Database& db_;
};

}  // namespace sponsordesk

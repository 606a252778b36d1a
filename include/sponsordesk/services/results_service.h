#pragma once
// Campaign results: the figures a sending platform exports (CSV), read into
// the issues (audience, opens, clicks) and into the clicks of each sponsor
// link, matched to its booking by the UTM tags SponsorDesk put on it.
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/ids.h"
#include "sponsordesk/export/sponsor_report.h"
#include "sponsordesk/services/progress.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

// The columns an import reads. Each is found by the header the user named
// or, by default, by the first of its usual headers that the file has.
enum class ResultColumn { Date, Audience, Opens, Clicks, Url, LinkClicks, UniqueClicks };

// The usual headers of a column in the exports of the big platforms
// (Mailchimp, Brevo, Substack, Beehiiv…), in order of preference. Headers
// compare without case, spaces, underscores, hyphens and dots.
const std::vector<std::string>& default_headers(ResultColumn column);

// A column named "" is not read at all (for the optional ones: audience,
// opens and clicks of stats, unique clicks and date of clicks).
struct StatsImportRequest {
    std::string publication;  // slug
    std::string csv_path;
    std::optional<std::string> date_column, audience_column, opens_column, clicks_column;
};

struct SkippedRow {
    int line = 0;
    std::string value;   // the date, or the link
    std::string reason;  // a stable key (see ClicksImportResult)
};

struct UsedColumn {
    std::string column;  // "date", "audience", …
    std::string header;  // as the file spells it
};

struct StatsImportResult {
    int rows = 0;                     // rows of figures read
    int issues = 0;                   // issues whose figures were set
    std::vector<SkippedRow> skipped;  // dates with no issue of the publication (reason "no_issue")
    std::vector<UsedColumn> columns;  // the columns read
};

struct ClicksImportRequest {
    std::string publication;  // slug: the utm_source links must carry
    std::string csv_path;
    std::optional<std::string> url_column, clicks_column, unique_column, date_column;
};

struct ClicksImportResult {
    int rows = 0;     // link rows read
    int matched = 0;  // rows whose link went to a booking
    int links = 0;    // distinct links (issue + normalised URL) stored
    // Links that match no booking, never guessed. Reasons: not_a_link,
    // no_utm, other_publication, no_issue, date_mismatch, no_placement,
    // no_booking, not_sponsor_link, ambiguous.
    std::vector<SkippedRow> unmatched;
    std::vector<UsedColumn> columns;
};

struct SponsorReportRequest {
    SponsorId sponsor;
    Date from, to;  // issue dates, inclusive
    std::optional<std::string> pdf_path, xlsx_path;
    // en | fr for both documents; by default the PDF speaks the language of
    // the (first) publication and the workbook English, as the other
    // reports do, so that scripts find its words.
    std::optional<std::string> language;
    std::optional<Date> today;  // the report's date; default Date::today()
};

struct SponsorReportResult {
    SponsorReport report;                     // the figures (in the workbook's language when both are written)
    std::string pdf_language, xlsx_language;  // empty when that document was not asked for
};

// The English words of an unmatched link's reason, for the command line.
std::string unmatched_reason_text(const std::string& reason);

// What an import would do, computed by the import's own parsing and
// matching over the whole file, without writing: for the desktop app's
// preview. Errors are the import's (a bad row names its line).
struct CsvPreview {
    char separator = ',';              // the one detected: ',', ';' or '\t'
    int header_line = 0;               // the line of the file where the header is
    std::vector<std::string> headers;  // as the file spells them
    struct Row {
        int line = 0;
        std::vector<std::string> cells;
    };
    std::vector<Row> rows;  // the first records after the header, as read
};

struct StatsRowPreview {
    int line = 0;
    Date date;
    std::optional<std::int64_t> audience, opens, clicks;
    bool issue = false;  // the publication has an issue that day (else reason "no_issue")
};

struct StatsPreview {
    CsvPreview file;
    StatsImportResult result;           // as the import would report it (up to `error`)
    std::vector<StatsRowPreview> rows;  // the first rows' figures
    // The refusal of a row, that the import would throw (its line named);
    // the rows before it are above. Null when the import would go through.
    std::exception_ptr error;
};

struct ClickRowPreview {
    int line = 0;
    std::string url;
    std::int64_t clicks = 0;
    std::optional<std::int64_t> unique;
    // The booking the link goes to (booking_id != 0), or the reason it goes
    // to none (the keys of ClicksImportResult::unmatched).
    Id booking_id = 0;
    std::string sponsor;
    Date issue_date;
    std::string placement_code, placement_name;
    std::string reason;
};

// One row of link_click as the import stores it.
struct StoredLinkClicks {
    Id issue_id = 0;
    Date issue_date;
    std::string url;  // normalised
    Id booking_id = 0;
    std::int64_t clicks = 0;
    std::optional<std::int64_t> unique;
};

struct ClicksPreview {
    CsvPreview file;
    ClicksImportResult result;            // as the import would report it (up to `error`)
    std::vector<ClickRowPreview> rows;    // the first rows' matching
    std::vector<StoredLinkClicks> links;  // what the import would store, in its order
    std::exception_ptr error;             // as StatsPreview::error
};

class ResultsService {
public:
    explicit ResultsService(Database& db) : db_(db) {}

    // One row per issue: the date names the issue of the publication, whose
    // audience, opens and clicks are set as `issue set-stats` sets them (an
    // empty cell leaves that figure as it was). Dates with no issue are
    // listed, not created. One transaction: a bad row (reported with its
    // line) imports nothing.
    StatsImportResult import_stats(const StatsImportRequest& request, const Progress& progress = {});

    // One row per link per issue. A link whose UTM tags name this
    // publication (utm_source), one of its issues (utm_campaign) and a
    // placement (utm_content) goes to the booked booking of that slot whose
    // links share its host; its clicks replace what an earlier import of
    // the same link (issue + normalised URL) stored. Other links are
    // listed. One transaction, all or nothing.
    ClicksImportResult import_clicks(const ClicksImportRequest& request, const Progress& progress = {});

    // The dry runs of import_stats and import_clicks: the same code over the
    // whole file, nothing written; the details of the first `rows` rows.
    // Throws what the import throws before reading rows (the file, its
    // columns, the publication); a row's refusal is returned in `error`.
    StatsPreview preview_stats(const StatsImportRequest& request, size_t rows = 20, const Progress& progress = {});
    ClicksPreview preview_clicks(const ClicksImportRequest& request, size_t rows = 20, const Progress& progress = {});

    // The sponsor's booked bookings with issues in [from, to]. NotFound
    // (NoBookingsInPeriod) when it has none; InvalidInput for a period that
    // ends before it starts or a language other than en and fr; targets are
    // checked before any work; each document appears whole or not at all.
    SponsorReportResult sponsor_report(const SponsorReportRequest& request);

private:
    Database& db_;
};

}  // namespace sponsordesk

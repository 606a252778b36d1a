#include "sponsordesk/services/results_service.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/text.h"
#include "sponsordesk/drafts/copy_rules.h"
#include "sponsordesk/drafts/utm.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/csv_table.h"
#include "sponsordesk/io/output_file.h"
#include "sponsordesk/export/report_labels.h"
#include "sponsordesk/export/xlsx_writer.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/issue_repository.h"
#include "sponsordesk/storage/results_repository.h"

#include "activity_log.h"

namespace sponsordesk {

const std::vector<std::string>& default_headers(ResultColumn column) {
    static const std::vector<std::string> date = {"Send Date", "Sent Date",    "Date Sent",    "Sent At", "Send Time",
                                                  "Sent On",   "Publish Date", "Published At", "Date"};
    static const std::vector<std::string> audience = {
        "Audience", "Recipients", "Total Recipients", "Delivered", "Successful Deliveries", "Emails Sent", "Sent"};
    static const std::vector<std::string> opens = {"Unique Opens", "Opens", "Unique Opened", "Opened", "Total Opens"};
    static const std::vector<std::string> clicks = {"Clicks", "Total Clicks", "Unique Clicks", "Clicked"};
    static const std::vector<std::string> url = {"URL", "Link", "Link URL", "Clicked URL", "Destination URL", "Href"};
    static const std::vector<std::string> link_clicks = {"Clicks", "Total Clicks", "Click Count", "Total"};
    static const std::vector<std::string> unique = {"Unique Clicks", "Unique", "Unique Click Count"};
    switch (column) {
        case ResultColumn::Date:
            return date;
        case ResultColumn::Audience:
            return audience;
        case ResultColumn::Opens:
            return opens;
        case ResultColumn::Clicks:
            return clicks;
        case ResultColumn::Url:
            return url;
        case ResultColumn::LinkClicks:
            return link_clicks;
        case ResultColumn::UniqueClicks:
            return unique;
    }
    return date;
}

std::string unmatched_reason_text(const std::string& reason) {
    static const std::map<std::string, std::string> words = {
        {"not_a_link", "not a web link"},
        {"no_utm", "no utm_source, utm_campaign and utm_content tags"},
        {"other_publication", "tagged for another publication (utm_source)"},
        {"no_issue", "no issue of the publication on that date"},
        {"date_mismatch", "the row's date is not the issue date of utm_campaign"},
        {"no_placement", "utm_content is no placement of the publication"},
        {"no_booking", "no booked booking in that placement of the issue"},
        {"not_sponsor_link", "not a link of the sponsor booked there"},
        {"ambiguous", "several bookings of the slot carry links to that site"},
    };
    auto it = words.find(reason);
    return it == words.end() ? reason : it->second;
}

namespace {

// Headers compare by their case folding without spaces, underscores,
// hyphens and dots: "Send Date", "send_date" and "SEND-DATE" are one.
std::string header_key(const std::string& header) {
    std::string folded;
    try {
        folded = text::fold(header, "header");
    } catch (const Error&) {
        folded = header;
    }
    std::string key;
    for (char c : folded)
        if (c != ' ' && c != '_' && c != '-' && c != '.') key += c;
    return key;
}

struct ColumnSpec {
    const char* name;    // "date", "audience", …
    const char* option;  // "date_column" (the field of errors; --date-column on the command line)
    std::optional<std::string> named;
    const std::vector<std::string>* defaults;
    bool required;  // when named, always
};

// An optional column named "" is not read: nothing is looked for.
bool ignored(const ColumnSpec& c) { return c.named && c.named->empty() && !c.required; }

std::vector<std::string> looked_for(const ColumnSpec& c) {
    if (ignored(c)) return {};
    return c.named ? std::vector<std::string>{*c.named} : *c.defaults;
}

// A column the file must have: a required one, or one the user named.
bool wanted(const ColumnSpec& c) { return c.required || (c.named && !ignored(c)); }

// Where each column is in `record`, -1 when absent.
std::vector<int> locate(const std::vector<std::string>& record, const std::vector<ColumnSpec>& specs) {
    std::vector<std::string> keys;
    for (const auto& h : record) keys.push_back(header_key(h));
    std::vector<int> at;
    for (const auto& spec : specs) {
        int found = -1;
        for (const auto& want : looked_for(spec)) {
            auto it = std::find(keys.begin(), keys.end(), header_key(want));
            if (it != keys.end()) {
                found = static_cast<int>(it - keys.begin());
                break;
            }
        }
        at.push_back(found);
    }
    return at;
}

std::string quoted_list(const std::vector<std::string>& items, size_t max = 20) {
    std::string out;
    for (size_t i = 0; i < items.size() && i < max; ++i) out += (i ? ", " : "") + quote_value(items[i]);
    if (items.size() > max) out += fmt::format(", … ({} more)", items.size() - max);
    return out;
}

// Exports may begin with a few lines about the campaign before the table:
// the header is the first of the first records that has every required
// column (and, when `one_of` is not empty, one of those).
constexpr size_t kHeaderSearch = 20;

struct Located {
    size_t header = 0;
    std::vector<int> at;
};

Located find_header(const CsvRecords& csv, const std::vector<ColumnSpec>& specs, const std::vector<size_t>& one_of,
                    const std::string& path) {
    for (size_t r = 0; r < csv.records.size() && r < kHeaderSearch; ++r) {
        std::vector<int> at = locate(csv.records[r], specs);
        bool ok = true;
        for (size_t k = 0; k < specs.size(); ++k)
            if (wanted(specs[k]) && at[k] < 0) ok = false;
        if (!one_of.empty() && std::none_of(one_of.begin(), one_of.end(), [&](size_t k) { return at[k] >= 0; }))
            ok = false;
        if (ok) return {r, at};
    }
    // Named after the first record, the header of most files.
    const std::vector<std::string>& headers = csv.records.front();
    const std::vector<int> at = locate(headers, specs);
    std::vector<std::string> missing_names;
    const ColumnSpec* missing = nullptr;
    for (size_t k = 0; k < specs.size() && !missing; ++k)
        if (wanted(specs[k]) && at[k] < 0) missing = &specs[k];
    std::vector<std::string> wanted;
    std::string what;
    if (missing) {
        wanted = looked_for(*missing);
        what = missing->named ? fmt::format("no column {}", quote_value(*missing->named))
                              : fmt::format("no {} column (looked for {})", missing->name, quoted_list(wanted));
    } else {
        missing = &specs[one_of.front()];
        std::vector<std::string> names;
        for (size_t k : one_of) {
            names.push_back(specs[k].name);
            for (const auto& w : looked_for(specs[k])) wanted.push_back(w);
        }
        what = fmt::format("no {} column (looked for {})", fmt::join(names, ", "), quoted_list(wanted));
    }
    throw InvalidInput(
        {ErrorCode::ColumnNotFound, missing->option, {{"path", path}, {"columns", wanted}, {"headers", headers}}},
        fmt::format("{} in CSV file {}; its headers are {}; name the column with --{}", what, quote_value(path),
                    quoted_list(headers), [&] {
                        std::string o = missing->option;
                        std::replace(o.begin(), o.end(), '_', '-');
                        return o;
                    }()));
}

const std::string& cell(const CsvRecords& csv, size_t r, int col, size_t header_fields) {
    static const std::string empty;
    const auto& rec = csv.records[r];
    if (col < 0) return empty;
    if (static_cast<size_t>(col) >= rec.size())
        throw InvalidInput(
            {ErrorCode::InvalidFile, "csv", {{"reason", "short_row"}}},
            fmt::format("{} field{} where the header has {}", rec.size(), rec.size() == 1 ? "" : "s", header_fields));
    return rec[static_cast<size_t>(col)];
}

// A count as exports write it: digits, optionally grouped by thousands with
// one separator (1,234 / 1 234 / 1.234 / 1'234, no-break spaces too).
// Empty → nullopt.
std::optional<std::int64_t> parse_count(const std::string& column, const std::string& s) {
    if (s.empty()) return std::nullopt;
    auto refuse = [&]() -> std::int64_t {
        throw InvalidInput({ErrorCode::NotWholeNumber, column, {{"value", s}}},
                           fmt::format("{} {} is not a whole number of 0 or more", column, quote_value(s)));
    };
    std::vector<std::string> groups(1);
    std::string separator;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isdigit(c)) {
            groups.back() += s[i++];
            continue;
        }
        size_t len = 1;
        if (s.compare(i, 2, "\xC2\xA0") == 0) len = 2;      // no-break space
        if (s.compare(i, 3, "\xE2\x80\xAF") == 0) len = 3;  // narrow no-break space
        const std::string sep = s.substr(i, len);
        if (len == 1 && sep != "," && sep != "." && sep != " " && sep != "'") refuse();
        if (!separator.empty() && sep != separator) refuse();
        separator = sep;
        groups.emplace_back();
        i += len;
    }
    if (groups.front().empty() || groups.front().size() > (groups.size() > 1 ? 3u : 15u)) refuse();
    for (size_t g = 1; g < groups.size(); ++g)
        if (groups[g].size() != 3) refuse();
    std::string digits;
    for (const auto& g : groups) digits += g;
    if (digits.size() > 15) refuse();
    return std::stoll(digits);
}

int month_number(std::string name) {
    static const char* const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name.size() < 3) return 0;
    for (int m = 0; m < 12; ++m)
        if (name.compare(0, 3, months[m]) == 0) return m + 1;
    return 0;
}

// The send date of an export row. Accepted: ISO dates (2026-03-03,
// 2026/03/03), ISO date-times (2026-03-03T08:00:00Z, 2026-03-03 08:00,
// with seconds, fractions or an offset: the date as written is the date)
// and English month names (Mar 3, 2026 / March 3, 2026 8:00 am). Day/month
// orders (03/04/2026) are ambiguous between countries: refused.
Date parse_send_date(const std::string& column, const std::string& s) {
    auto refuse = [&]() -> Date {
        throw InvalidInput({ErrorCode::InvalidDate, column, {{"value", s}}},
                           fmt::format("{} {} is not a date SponsorDesk reads: export dates as YYYY-MM-DD "
                                       "(or an ISO date-time, or \"Mar 3, 2026\")",
                                       column, quote_value(s)));
    };
    auto digits = [&](size_t at, size_t n) {
        if (at + n > s.size()) return -1;
        int v = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    // Year first.
    if (s.size() >= 10 && digits(0, 4) >= 0 && (s[4] == '-' || s[4] == '/') && s[7] == s[4]) {
        const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
        if (m < 0 || d < 0 || !Date::valid(y, m, d)) refuse();
        if (s.size() > 10) {
            // A time of day after 'T' or a space: digits, ':', '.', and a zone.
            if (s[10] != 'T' && s[10] != ' ') refuse();
            if (digits(11, 2) < 0 || s.size() < 16 || s[13] != ':' || digits(14, 2) < 0) refuse();
            for (size_t i = 16; i < s.size(); ++i)
                if (!std::isdigit(static_cast<unsigned char>(s[i])) &&
                    std::string_view(":.+-Z UTCutc").find(s[i]) == std::string_view::npos)
                    refuse();
        }
        return {y, m, d};
    }
    // "Mar 3, 2026", "March 03, 2026 08:00 am".
    size_t i = 0;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    const int m = i >= 3 ? month_number(s.substr(0, i)) : 0;
    if (m == 0 || i >= s.size() || s[i] != ' ') refuse();
    size_t j = i + 1;
    int d = 0;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && j < i + 3) d = d * 10 + (s[j++] - '0');
    if (j + 6 > s.size() || s[j] != ',' || s[j + 1] != ' ') refuse();
    const int y = digits(j + 2, 4);
    if (y < 0 || !Date::valid(y, m, d)) refuse();
    if (j + 6 < s.size() && s[j + 6] != ' ') refuse();
    return {y, m, d};
}

ColumnSpec spec(const char* name, const char* option, const std::optional<std::string>& named, ResultColumn column,
                bool required) {
    return {name, option, named, &default_headers(column), required};
}

std::vector<UsedColumn> used_columns(const CsvRecords& csv, const Located& at, const std::vector<ColumnSpec>& specs) {
    std::vector<UsedColumn> out;
    for (size_t k = 0; k < specs.size(); ++k)
        if (at.at[k] >= 0) out.push_back({specs[k].name, csv.records[at.header][static_cast<size_t>(at.at[k])]});
    return out;
}

CsvPreview file_preview(const CsvRecords& csv, const Located& at, size_t rows) {
    CsvPreview p;
    p.separator = csv.separator;
    p.header_line = csv.lines[at.header];
    p.headers = csv.records[at.header];
    for (size_t r = at.header + 1; r < csv.records.size() && p.rows.size() < rows; ++r)
        p.rows.push_back({csv.lines[r], csv.records[r]});
    return p;
}

// The stats import, writing or not (its preview): one code for both.
struct StatsRun {
    Located at;
    bool reading_rows = false;  // the header was found: an error from now on is a row's
    StatsImportResult result;
    std::vector<StatsRowPreview> rows;  // the first `keep` rows
};

void run_stats(Database& db, const StatsImportRequest& req, const CsvRecords& csv, const Progress& progress, bool write,
               size_t keep, StatsRun& run) {
    const std::vector<ColumnSpec> specs = {
        spec("date", "date_column", req.date_column, ResultColumn::Date, true),
        spec("audience", "audience_column", req.audience_column, ResultColumn::Audience, false),
        spec("opens", "opens_column", req.opens_column, ResultColumn::Opens, false),
        spec("clicks", "clicks_column", req.clicks_column, ResultColumn::Clicks, false)};
    enum { kDate, kAudience, kOpens, kClicks };
    run.at = find_header(csv, specs, {kAudience, kOpens, kClicks}, req.csv_path);
    const Located& at = run.at;
    const size_t fields = csv.records[at.header].size();

    StatsImportResult& result = run.result;
    result.columns = used_columns(csv, at, specs);
    IssueService issues(db);
    const Publication pub = CatalogService(db).publication(req.publication);
    std::map<Date, int> seen;  // date → line
    const size_t total = csv.records.size();
    run.reading_rows = true;
    for (size_t r = at.header + 1; r < total; ++r) {
        const int line = csv.lines[r];
        try {
            const Date date = parse_send_date("date", cell(csv, r, at.at[kDate], fields));
            const auto audience = parse_count("audience", cell(csv, r, at.at[kAudience], fields));
            const auto opens = parse_count("opens", cell(csv, r, at.at[kOpens], fields));
            const auto clicks = parse_count("clicks", cell(csv, r, at.at[kClicks], fields));
            if (auto first = seen.find(date); first != seen.end())
                throw InvalidInput(
                    {ErrorCode::RowRepeated,
                     "date",
                     {{"value", date.iso()}, {"first_line", std::int64_t{first->second}}}},
                    fmt::format("the issue of {} already appears on line {}", date.iso(), first->second));
            seen.emplace(date, line);
            ++result.rows;
            const auto issue = issues.find(PublicationId{pub.id}, date);
            if (run.rows.size() < keep) run.rows.push_back({line, date, audience, opens, clicks, issue.has_value()});
            if (!issue) {
                result.skipped.push_back({line, date.iso(), "no_issue"});
                continue;
            }
            // The figures go in as `issue set-stats` puts them, with its checks.
            if (write)
                issues.set_stats(pub.slug, date, audience, opens, clicks, "import stats");
            else
                IssueService::check_stats(*issue, audience, opens, clicks);
            ++result.issues;
        } catch (const Error& e) {
            rethrow_at_line(e, line);
        }
        if (r % 256 == 0) progress.step(static_cast<double>(r) / static_cast<double>(total));
    }
}

}  // namespace

StatsImportResult ResultsService::import_stats(const StatsImportRequest& req, const Progress& progress) {
    const CsvRecords csv = read_csv_records(req.csv_path);
    WriteTransaction tx(db_);
    StatsRun run;
    run_stats(db_, req, csv, progress, true, 0, run);
    tx.commit();
    progress.step(1.0);
    return std::move(run.result);
}

StatsPreview ResultsService::preview_stats(const StatsImportRequest& req, size_t rows, const Progress& progress) {
    const CsvRecords csv = read_csv_records(req.csv_path);
    StatsRun run;
    std::exception_ptr error;
    try {
        run_stats(db_, req, csv, progress, false, rows, run);
    } catch (const Error&) {
        if (!run.reading_rows) throw;
        error = std::current_exception();
    }
    progress.step(1.0);
    return {file_preview(csv, run.at, rows), std::move(run.result), std::move(run.rows), error};
}

namespace {

struct Candidate {
    Id booking_id = 0;
    std::string sponsor;
    std::set<std::string> hosts;  // of its call-to-action link and the links of its copy
};

// The clicks import, writing or not (its preview): the matching is one code
// for both; only the import stores `links`.
struct ClicksRun {
    Located at;
    bool reading_rows = false;  // the header was found: an error from now on is a row's
    ClicksImportResult result;
    std::vector<StoredLinkClicks> links;  // figures per link, in the order the file first names them
    std::vector<ClickRowPreview> rows;    // the first `keep` rows
};

void run_clicks(Database& db, const ClicksImportRequest& req, const CsvRecords& csv, const Progress& progress,
                size_t keep, ClicksRun& run) {
    const std::vector<ColumnSpec> specs = {
        spec("url", "url_column", req.url_column, ResultColumn::Url, true),
        spec("clicks", "clicks_column", req.clicks_column, ResultColumn::LinkClicks, true),
        spec("unique_clicks", "unique_column", req.unique_column, ResultColumn::UniqueClicks, false),
        spec("date", "date_column", req.date_column, ResultColumn::Date, false)};
    enum { kUrl, kClicks, kUnique, kDate };
    run.at = find_header(csv, specs, {}, req.csv_path);
    const Located& at = run.at;
    const size_t fields = csv.records[at.header].size();

    ClicksImportResult& result = run.result;
    result.columns = used_columns(csv, at, specs);
    const Publication pub = CatalogService(db).publication(req.publication);
    CatalogRepository catalog(db);
    IssueRepository issue_repo(db);
    ResultsRepository results(db);

    // Looked up once each: placements by code, issues by date, the bookings of a slot.
    std::map<std::string, Id> placement_by_code, placement_by_lower;
    std::map<Id, const Placement*> placement_by_id;
    std::set<std::string> lower_twice;
    const std::vector<Placement> placements = catalog.placements(pub.id);
    for (const auto& pl : placements) {
        placement_by_code[pl.code] = pl.id;
        placement_by_id[pl.id] = &pl;
        std::string lower = pl.code;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!placement_by_lower.emplace(lower, pl.id).second) lower_twice.insert(lower);
    }
    struct IssueRef {
        Id id;
        Date date;
    };
    std::map<std::string, std::optional<IssueRef>> issue_by_campaign;
    std::map<std::pair<Id, Id>, std::vector<Candidate>> slots;
    std::map<std::pair<Id, std::string>, size_t> link_index;

    const size_t total = csv.records.size();
    run.reading_rows = true;
    for (size_t r = at.header + 1; r < total; ++r) {
        const int line = csv.lines[r];
        try {
            const std::string& url = cell(csv, r, at.at[kUrl], fields);
            const auto clicks_cell = parse_count("clicks", cell(csv, r, at.at[kClicks], fields));
            const auto unique = parse_count("unique clicks", cell(csv, r, at.at[kUnique], fields));
            const std::string& date_text = cell(csv, r, at.at[kDate], fields);
            const std::optional<Date> sent =
                date_text.empty() ? std::nullopt : std::optional<Date>(parse_send_date("date", date_text));
            if (!clicks_cell) throw InvalidInput({ErrorCode::Empty, "clicks", {}}, "the link's clicks are empty");
            const std::int64_t clicks = *clicks_cell;
            ++result.rows;
            ClickRowPreview* shown = nullptr;
            if (run.rows.size() < keep) {
                run.rows.push_back({});
                shown = &run.rows.back();
                shown->line = line;
                shown->url = url;
                shown->clicks = clicks;
                shown->unique = unique;
            }
            auto unmatched = [&](const char* reason) {
                result.unmatched.push_back({line, url, reason});
                if (shown) shown->reason = reason;
            };

            const auto link = read_tagged_link(url);
            if (!link) {
                unmatched("not_a_link");
                continue;
            }
            if (link->source.empty() || link->campaign.empty() || link->content.empty()) {
                unmatched("no_utm");
                continue;
            }
            if (link->source != pub.slug) {
                unmatched("other_publication");
                continue;
            }
            auto ii = issue_by_campaign.find(link->campaign);
            if (ii == issue_by_campaign.end()) {
                std::optional<IssueRef> ref;
                try {
                    const Date date = Date::parse(link->campaign);
                    if (auto issue = issue_repo.find(pub.id, date)) ref = IssueRef{issue->id, date};
                } catch (const InvalidInput&) {
                    // utm_campaign is not a date: no issue of ours.
                }
                ii = issue_by_campaign.emplace(link->campaign, ref).first;
            }
            if (!ii->second) {
                unmatched("no_issue");
                continue;
            }
            if (sent && sent->iso() != link->campaign) {
                unmatched("date_mismatch");
                continue;
            }
            Id placement_id = 0;
            if (auto p = placement_by_code.find(link->content); p != placement_by_code.end()) {
                placement_id = p->second;
            } else {
                std::string lower = link->content;
                for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (auto q = placement_by_lower.find(lower); q != placement_by_lower.end() && !lower_twice.count(lower))
                    placement_id = q->second;
            }
            if (!placement_id) {
                unmatched("no_placement");
                continue;
            }
            const Id issue_id = ii->second->id;
            auto si = slots.find({issue_id, placement_id});
            if (si == slots.end()) {
                std::vector<Candidate> cands;
                for (const auto& c : results.booked_in(issue_id, placement_id)) {
                    Candidate cand{c.booking_id, c.sponsor_name, {}};
                    if (auto h = link_host(c.link)) cand.hosts.insert(*h);
                    for (const auto& l : copy_links(c.copy))
                        if (auto h = link_host(l)) cand.hosts.insert(*h);
                    cands.push_back(std::move(cand));
                }
                si = slots.emplace(std::make_pair(issue_id, placement_id), std::move(cands)).first;
            }
            const std::vector<Candidate>& cands = si->second;
            if (cands.empty()) {
                unmatched("no_booking");
                continue;
            }
            // The sponsor's own links: a booking whose links are on the
            // clicked link's site. With no link recorded, the UTM tags alone
            // name the slot's only booking; nothing is guessed beyond that.
            std::vector<const Candidate*> fits;
            for (const auto& c : cands)
                if (c.hosts.count(link->host)) fits.push_back(&c);
            if (fits.empty() && cands.size() == 1 && cands.front().hosts.empty()) fits.push_back(&cands.front());
            if (fits.size() > 1) {
                unmatched("ambiguous");
                continue;
            }
            if (fits.empty()) {
                unmatched("not_sponsor_link");
                continue;
            }
            ++result.matched;
            const Candidate& booking = *fits.front();
            if (shown) {
                const Placement& pl = *placement_by_id.at(placement_id);
                shown->booking_id = booking.booking_id;
                shown->sponsor = booking.sponsor;
                shown->issue_date = ii->second->date;
                shown->placement_code = pl.code;
                shown->placement_name = pl.name;
            }
            const auto key = std::make_pair(issue_id, link->normalised);
            auto [li, fresh] = link_index.emplace(key, run.links.size());
            if (fresh) {
                run.links.push_back({issue_id, ii->second->date, link->normalised, booking.booking_id, clicks, unique});
            } else {
                // The same link twice in one export (written two ways): its rows add up.
                StoredLinkClicks& t = run.links[li->second];
                t.clicks += clicks;
                if (unique) t.unique = t.unique.value_or(0) + *unique;
            }
        } catch (const Error& e) {
            rethrow_at_line(e, line);
        }
        if (r % 1024 == 0) progress.step(0.8 * static_cast<double>(r) / static_cast<double>(total));
    }
    result.links = static_cast<int>(run.links.size());
}

}  // namespace

ClicksImportResult ResultsService::import_clicks(const ClicksImportRequest& req, const Progress& progress) {
    const CsvRecords csv = read_csv_records(req.csv_path);
    WriteTransaction tx(db_);
    ClicksRun run;
    run_clicks(db_, req, csv, progress, 0, run);
    ResultsRepository results(db_);
    // One activity row per issue whose link figures changed (the same file
    // again changes nothing and leaves no row).
    std::map<Id, std::pair<Date, std::pair<int, std::int64_t>>> per_issue;  // issue → date, (links, clicks)
    for (const auto& l : run.links) {
        if (!results.put_link_clicks(l.issue_id, l.url, l.booking_id, l.clicks, l.unique)) continue;
        auto& [date, counts] = per_issue[l.issue_id];
        date = l.issue_date;
        ++counts.first;
        counts.second += l.clicks;
    }
    for (const auto& [issue_id, figures] : per_issue)
        activity_log::record(
            db_, "import clicks", activity_log::kIssue, issue_id,
            fmt::format("{} {}: {} link{}, {} clicks", req.publication, figures.first.iso(), figures.second.first,
                        figures.second.first == 1 ? "" : "s", figures.second.second));
    tx.commit();
    progress.step(1.0);
    return std::move(run.result);
}

ClicksPreview ResultsService::preview_clicks(const ClicksImportRequest& req, size_t rows, const Progress& progress) {
    const CsvRecords csv = read_csv_records(req.csv_path);
    ClicksRun run;
    std::exception_ptr error;
    try {
        run_clicks(db_, req, csv, progress, rows, run);
    } catch (const Error&) {
        if (!run.reading_rows) throw;
        error = std::current_exception();
    }
    run.result.links = static_cast<int>(run.links.size());
    progress.step(1.0);
    return {file_preview(csv, run.at, rows), std::move(run.result), std::move(run.rows), std::move(run.links), error};
}

SponsorReportResult ResultsService::sponsor_report(const SponsorReportRequest& req) {
    if (req.to < req.from)
        throw InvalidInput({ErrorCode::InvalidPeriod, "to", {{"from", req.from.iso()}, {"to", req.to.iso()}}},
                           fmt::format("period {} to {} ends before it starts", req.from.iso(), req.to.iso()));
    if (req.language) report_labels(*req.language);  // InvalidInput naming it
    if (req.pdf_path) OutputFile::check(*req.pdf_path, "sponsor report PDF");
    if (req.xlsx_path) XlsxWorkbook::check_target(*req.xlsx_path);

    const Sponsor sponsor = SponsorService(db_).get(req.sponsor);
    SponsorReport report;
    report.sponsor = sponsor.name;
    report.publisher = CatalogService(db_).publisher().name;
    report.from = req.from;
    report.to = req.to;
    report.generated = req.today.value_or(Date::today());
    report.bookings = ResultsRepository(db_).sponsor_bookings(sponsor.id, req.from, req.to);
    if (report.bookings.empty())
        throw NotFound({ErrorCode::NoBookingsInPeriod,
                        "sponsor",
                        {{"sponsor", sponsor.name}, {"from", req.from.iso()}, {"to", req.to.iso()}}},
                       fmt::format("{} has no booked booking in issues from {} to {}", quote_value(sponsor.name),
                                   req.from.iso(), req.to.iso()));
    report.totals = campaign_totals(report.bookings);

    SponsorReportResult result;
    if (req.pdf_path) {
        result.pdf_language = req.language.value_or(report.bookings.front().publication_language);
        report.language = result.pdf_language;
        OutputFile::write(*req.pdf_path, "sponsor report PDF", sponsor_report_pdf(report));
    }
    if (req.xlsx_path) {
        result.xlsx_language = req.language.value_or("en");
        report.language = result.xlsx_language;
        write_sponsor_report_xlsx(report, *req.xlsx_path);
    }
    if (!req.pdf_path && !req.xlsx_path) report.language = req.language.value_or("en");
    result.report = std::move(report);
    return result;
}

}  // namespace sponsordesk

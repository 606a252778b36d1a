#include "sponsordesk/services/issue_service.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/holidays.h"
#include "sponsordesk/domain/validation.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/storage/issue_repository.h"

#include "activity_log.h"

namespace sponsordesk {

Issue IssueService::add(const std::string& slug, const Date& date, std::optional<int> number,
                        const std::string& title) {
    Issue issue;
    issue.title = title.empty() ? title : validate::name("title", title, 300);
    if (number) validate::integer("issue number", *number, 1, 1000000);
    WriteTransaction tx(db_);
    Publication pub = CatalogService(db_).publication(slug);
    IssueRepository repo(db_);
    if (auto existing = repo.find(pub.id, date))
        throw Conflict({ErrorCode::DateTaken,
                        "date",
                        {{"publication", pub.slug}, {"date", date.iso()}, {"number", std::int64_t{existing->number}}}},
                       fmt::format("{} already has issue #{} on {}", pub.slug, existing->number, date.iso()));
    issue.publication_id = pub.id;
    issue.date = date;
    issue.number = number ? *number : repo.max_number(pub.id) + 1;
    issue.id = repo.insert(issue);
    activity_log::record(db_, "issue add", activity_log::kIssue, issue.id,
                         fmt::format("{} {} #{}", pub.slug, date.iso(), issue.number));
    tx.commit();
    return issue;
}

namespace {

// A period of issues: in order, at most ten years.
void check_period(const Date& from, const Date& to) {
    if (to < from)
        throw InvalidInput({ErrorCode::InvalidPeriod, "to", {{"from", from.iso()}, {"to", to.iso()}}},
                           fmt::format("period {} to {} ends before it starts", from.iso(), to.iso()));
    if (to.days() - from.days() > 3660)
        throw InvalidInput(
            {ErrorCode::InvalidPeriod, "to", {{"from", from.iso()}, {"to", to.iso()}, {"max_years", std::int64_t{10}}}},
            fmt::format("period {} to {} is longer than ten years", from.iso(), to.iso()));
}

}  // namespace

std::vector<Issue> IssueService::plan(const std::string& slug, const Date& from, const Date& to,
                                      const std::string& skip_holidays) {
    check_period(from, to);
    if (!skip_holidays.empty() && !holidays::known_calendar(skip_holidays))
        throw InvalidInput({ErrorCode::InvalidChoice,
                            "skip_holidays",
                            {{"value", skip_holidays}, {"choices", std::vector<std::string>{"fr"}}}},
                           fmt::format("holiday calendar {} is not known (known: fr)", quote_value(skip_holidays)));
    WriteTransaction tx(db_);
    Publication pub = CatalogService(db_).publication(slug);
    IssueRepository repo(db_);
    int number = repo.max_number(pub.id);
    std::vector<Issue> created;
    for (long d = from.days(); d <= to.days(); ++d) {
        Date date = Date::from_days(d);
        if (!(pub.cadence & (1u << date.weekday()))) continue;
        if (!skip_holidays.empty() && holidays::is_public_holiday(skip_holidays, date)) continue;
        if (repo.find(pub.id, date)) continue;
        Issue issue;
        issue.publication_id = pub.id;
        issue.date = date;
        issue.number = ++number;
        issue.id = repo.insert(issue);
        // One row per issue planned, as for every bulk write.
        activity_log::record(db_, "issue plan", activity_log::kIssue, issue.id,
                             fmt::format("{} {} #{}", pub.slug, date.iso(), issue.number));
        created.push_back(issue);
    }
    tx.commit();
    return created;
}

std::vector<Issue> IssueService::on_weekdays(PublicationId publication, const Date& from, const Date& to,
                                             unsigned weekdays) {
    check_period(from, to);
    Publication pub = CatalogService(db_).publication(publication);
    std::vector<Issue> out;
    for (auto& issue : IssueRepository(db_).list(pub.id, from, to))
        if (weekdays & (1u << issue.date.weekday())) out.push_back(std::move(issue));
    if (out.empty())
        throw NotFound({ErrorCode::NoIssuesSelected,
                        "every",
                        {{"publication", pub.slug},
                         {"from", from.iso()},
                         {"to", to.iso()},
                         {"weekdays", cadence_to_text(weekdays)}}},
                       fmt::format("{} has no issue on {} from {} to {}: plan the issues first (issue plan)", pub.slug,
                                   cadence_to_text(weekdays), from.iso(), to.iso()));
    return out;
}

std::vector<Issue> IssueService::list(const std::string& slug, std::optional<Date> from, std::optional<Date> to) {
    Publication pub = CatalogService(db_).publication(slug);
    return IssueRepository(db_).list(pub.id, from, to);
}

Issue IssueService::get(const std::string& slug, const Date& date) {
    Publication pub = CatalogService(db_).publication(slug);
    auto issue = IssueRepository(db_).find(pub.id, date);
    if (!issue)
        throw NotFound({ErrorCode::IssueNotFound, "date", {{"publication", pub.slug}, {"date", date.iso()}}},
                       fmt::format("{} has no issue on {}", pub.slug, date.iso()));
    return *issue;
}

Issue IssueService::get(IssueId id) {
    auto issue = IssueRepository(db_).find(id.value);
    if (!issue)
        throw NotFound({ErrorCode::IssueNotFound, "issue", {{"id", id.value}}},
                       fmt::format("no issue with id {}", id.value));
    return *issue;
}

std::optional<Issue> IssueService::find(PublicationId publication, const Date& date) {
    return IssueRepository(db_).find(publication.value, date);
}

Issue IssueService::set_draft(const std::string& slug, const Date& date, const std::string& text) {
    std::string body = validate::text("draft", text, 1000000);
    WriteTransaction tx(db_);
    Issue issue = get(slug, date);
    IssueRepository repo(db_);
    repo.set_draft(issue.id, body);
    Issue saved = *repo.find(issue.id);
    std::string summary = fmt::format("{} {}: draft of {} bytes", slug, date.iso(), body.size());
    if (saved.status != issue.status)
        summary += ", status " + activity_log::change(to_string(issue.status), to_string(saved.status));
    activity_log::record(db_, "issue set-draft", activity_log::kIssue, issue.id, summary);
    tx.commit();
    return saved;
}

std::vector<DraftRevision> IssueService::revisions(const std::string& slug, const Date& date) {
    Issue issue = get(slug, date);
    return IssueRepository(db_).revisions(issue.id);
}

DraftRevision IssueService::draft(const std::string& slug, const Date& date, std::optional<int> revision) {
    Issue issue = get(slug, date);
    IssueRepository repo(db_);
    if (revision) {
        auto r = repo.revision(issue.id, *revision);
        if (!r)
            throw NotFound({ErrorCode::RevisionNotFound,
                            "revision",
                            {{"publication", slug}, {"date", date.iso()}, {"revision", std::int64_t{*revision}}}},
                           fmt::format("the draft of {} {} has no revision {}", slug, date.iso(), *revision));
        return *r;
    }
    auto all = repo.revisions(issue.id);
    if (all.empty()) return DraftRevision{0, "", issue.draft};
    return all.back();
}

void IssueService::check_stats(const Issue& issue, std::optional<std::int64_t> audience,
                               std::optional<std::int64_t> opens, std::optional<std::int64_t> clicks) {
    constexpr std::int64_t kMax = 1'000'000'000'000LL;
    for (auto [field, v] : {std::pair{"audience", audience}, {"opens", opens}, {"clicks", clicks}})
        if (v && (*v < 0 || *v > kMax))
            throw InvalidInput({ErrorCode::OutOfRange, field, {{"value", *v}, {"min", std::int64_t{0}}, {"max", kMax}}},
                               fmt::format("{} {} is out of range (0 to {})", field, *v, kMax));
    const auto aud = audience ? audience : issue.audience;
    const auto opn = opens ? opens : issue.opens;
    if (aud && opn && *opn > *aud)
        throw InvalidInput({ErrorCode::OutOfRange, "opens", {{"value", *opn}, {"max", *aud}}},
                           fmt::format("opens {} exceed the audience {}", *opn, *aud));
}

Issue IssueService::set_stats(const std::string& slug, const Date& date, std::optional<std::int64_t> audience,
                              std::optional<std::int64_t> opens, std::optional<std::int64_t> clicks,
                              const std::string& action) {
    check_stats(Issue{}, audience, opens, clicks);  // the figures alone, before looking the issue up
    WriteTransaction tx(db_);
    Issue issue = get(slug, date);
    check_stats(issue, audience, opens, clicks);
    IssueRepository repo(db_);
    repo.set_stats(issue.id, audience, opens, clicks);
    activity_log::Changes ch;
    auto figure = [](std::optional<std::int64_t> v) { return v ? std::to_string(*v) : std::string(); };
    if (audience) ch.value("audience", figure(issue.audience), figure(audience));
    if (opens) ch.value("opens", figure(issue.opens), figure(opens));
    if (clicks) ch.value("clicks", figure(issue.clicks), figure(clicks));
    activity_log::record_changes(db_, action, activity_log::kIssue, issue.id, fmt::format("{} {}", slug, date.iso()),
                                 ch);
    tx.commit();
    return *repo.find(issue.id);
}

Issue IssueService::set_status(const std::string& slug, const Date& date, IssueStatus status) {
    WriteTransaction tx(db_);
    Issue issue = get(slug, date);
    IssueRepository repo(db_);
    repo.set_status(issue.id, status);
    activity_log::record(db_, "issue set-status", activity_log::kIssue, issue.id,
                         fmt::format("{} {}: status {}", slug, date.iso(),
                                     activity_log::change(to_string(issue.status), to_string(status))));
    tx.commit();
    return *repo.find(issue.id);
}

}  // namespace sponsordesk

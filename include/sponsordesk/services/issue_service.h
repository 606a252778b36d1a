#pragma once
// Issues of a publication: planning by cadence, drafts with revisions, figures.
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

class IssueService {
public:
    explicit IssueService(Database& db) : db_(db) {}

    // A date already taken by an issue of the publication is a Conflict.
    // Without a number, numbering continues after the highest one.
    Issue add(const std::string& slug, const Date& date, std::optional<int> number, const std::string& title);
    // One issue per cadence day in [from, to]; existing dates are kept as they
    // are. With a holiday calendar ("fr", see domain/holidays.h) its public
    // holidays get no issue (InvalidChoice for an unknown calendar). Returns
    // the issues created.
    std::vector<Issue> plan(const std::string& slug, const Date& from, const Date& to,
                            const std::string& skip_holidays = {});
    // The issues of the publication in [from, to] that fall on one of the
    // weekdays (bit i = weekday i, 0 = Monday), by date. NotFound
    // (NoIssuesSelected) when there is none: nothing to book.
    std::vector<Issue> on_weekdays(PublicationId publication, const Date& from, const Date& to, unsigned weekdays);
    std::vector<Issue> list(const std::string& slug, std::optional<Date> from, std::optional<Date> to);
    Issue get(const std::string& slug, const Date& date);  // NotFound
    Issue get(IssueId id);                                 // NotFound
    // The CLI's lookup of an issue by publication and date.
    std::optional<Issue> find(PublicationId publication, const Date& date);

    Issue set_draft(const std::string& slug, const Date& date, const std::string& text);
    std::vector<DraftRevision> revisions(const std::string& slug, const Date& date);
    // The current draft, or revision N when given (NotFound when absent).
    DraftRevision draft(const std::string& slug, const Date& date, std::optional<int> revision);

    // `action` names the write in the activity log ("import stats" when an
    // import sets the figures).
    Issue set_stats(const std::string& slug, const Date& date, std::optional<std::int64_t> audience,
                    std::optional<std::int64_t> opens, std::optional<std::int64_t> clicks,
                    const std::string& action = "issue set-stats");
    // The checks of set_stats without writing (an import's preview): each
    // figure 0 … 10^12, opens not above the audience (the one given, else
    // the issue's). InvalidInput OutOfRange naming the figure.
    static void check_stats(const Issue& issue, std::optional<std::int64_t> audience, std::optional<std::int64_t> opens,
                            std::optional<std::int64_t> clicks);
    Issue set_status(const std::string& slug, const Date& date, IssueStatus status);

private:
    Database& db_;
};

}  // namespace sponsordesk

#pragma once
// Storage of issues, their drafts' revisions and audience figures.
#include <optional>
#include <vector>

#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

class IssueRepository {
public:
    explicit IssueRepository(Database& db) : db_(db) {}

    Id insert(const Issue& issue);
    std::optional<Issue> find(Id publication_id, const Date& date);
    std::optional<Issue> find(Id id);
    // Issues of a publication in [from, to] by date; unbounded ends when empty.
    std::vector<Issue> list(Id publication_id, std::optional<Date> from, std::optional<Date> to);
    int max_number(Id publication_id);

    // Sets the draft and keeps the text as the next numbered revision.
    void set_draft(Id issue_id, const std::string& text);
    std::vector<DraftRevision> revisions(Id issue_id);  // oldest first
    std::optional<DraftRevision> revision(Id issue_id, int revision);

    void set_stats(Id issue_id, std::optional<std::int64_t> audience, std::optional<std::int64_t> opens,
                   std::optional<std::int64_t> clicks);
    void set_status(Id issue_id, IssueStatus status);

private:
    Database& db_;
};

}  // namespace sponsordesk

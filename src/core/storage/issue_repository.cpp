#include "sponsordesk/storage/issue_repository.h"

#include "sponsordesk/storage/sql.h"

namespace sponsordesk {
namespace {

constexpr const char* kColumns =
    "SELECT id, publication_id, number, date, title, status, draft, audience, opens, clicks FROM issue ";

std::optional<std::int64_t> opt_int(const sql::Value& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
}

Issue read_issue(sql::Statement& q) {
    Issue i;
    i.id = q.getColumn(0).getInt64();
    i.publication_id = q.getColumn(1).getInt64();
    i.number = q.getColumn(2).getInt();
    i.date = Date::parse(q.getColumn(3).getString());
    i.title = q.getColumn(4).getString();
    i.status = issue_status_from(q.getColumn(5).getString());
    i.draft = q.getColumn(6).getString();
    i.audience = opt_int(q.getColumn(7));
    i.opens = opt_int(q.getColumn(8));
    i.clicks = opt_int(q.getColumn(9));
    return i;
}

void bind_opt(sql::Statement& q, int index, std::optional<std::int64_t> v) {
    if (v)
        q.bind(index, static_cast<int64_t>(*v));
    else
        q.bind(index);
}

}  // namespace

Id IssueRepository::insert(const Issue& issue) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "INSERT INTO issue (publication_id, number, date, title, status, draft) "
                         "VALUES (?,?,?,?,?,?)");
        q.bind(1, static_cast<int64_t>(issue.publication_id));
        q.bind(2, issue.number);
        q.bind(3, issue.date.iso());
        q.bind(4, issue.title);
        q.bind(5, to_string(issue.status));
        q.bind(6, issue.draft);
        return static_cast<Id>(q.insert());
    });
}

std::optional<Issue> IssueRepository::find(Id publication_id, const Date& date) {
    return guard_sql([&]() -> std::optional<Issue> {
        sql::Statement q(db_.connection(), std::string(kColumns) + "WHERE publication_id = ? AND date = ?");
        q.bind(1, static_cast<int64_t>(publication_id));
        q.bind(2, date.iso());
        if (q.executeStep()) return read_issue(q);
        return std::nullopt;
    });
}

std::optional<Issue> IssueRepository::find(Id id) {
    return guard_sql([&]() -> std::optional<Issue> {
        sql::Statement q(db_.connection(), std::string(kColumns) + "WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (q.executeStep()) return read_issue(q);
        return std::nullopt;
    });
}

std::vector<Issue> IssueRepository::list(Id publication_id, std::optional<Date> from, std::optional<Date> to) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), std::string(kColumns) +
                                               "WHERE publication_id = ? AND date >= ? AND date <= ? "
                                               "ORDER BY date");
        q.bind(1, static_cast<int64_t>(publication_id));
        q.bind(2, from ? from->iso() : std::string("0000"));
        q.bind(3, to ? to->iso() : std::string("9999-99"));
        std::vector<Issue> out;
        while (q.executeStep()) out.push_back(read_issue(q));
        return out;
    });
}

int IssueRepository::max_number(Id publication_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), "SELECT coalesce(max(number), 0) FROM issue WHERE publication_id = ?");
        q.bind(1, static_cast<int64_t>(publication_id));
        q.executeStep();
        return q.getColumn(0).getInt();
    });
}

void IssueRepository::set_draft(Id issue_id, const std::string& text) {
    guard_sql([&] {
        // Every text set is kept as a numbered revision; the issue holds the
        // latest, so replacing a draft never loses the previous one.
        sql::Statement keep(db_.connection(),
                            "INSERT INTO draft_revision (issue_id, revision, saved_at, text) "
                            "SELECT ?, coalesce(max(revision), 0) + 1, "
                            "       strftime('%Y-%m-%dT%H:%M:%SZ','now'), ? "
                            "FROM draft_revision WHERE issue_id = ?");
        keep.bind(1, static_cast<int64_t>(issue_id));
        keep.bind(2, text);
        keep.bind(3, static_cast<int64_t>(issue_id));
        keep.exec();
        sql::Statement q(db_.connection(),
                         "UPDATE issue SET draft = ?, "
                         "status = CASE status WHEN 'planned' THEN 'drafting' ELSE status END "
                         "WHERE id = ?");
        q.bind(1, text);
        q.bind(2, static_cast<int64_t>(issue_id));
        q.exec();
    });
}

std::vector<DraftRevision> IssueRepository::revisions(Id issue_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "SELECT revision, saved_at, text FROM draft_revision WHERE issue_id = ? "
                         "ORDER BY revision");
        q.bind(1, static_cast<int64_t>(issue_id));
        std::vector<DraftRevision> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getString()});
        return out;
    });
}

std::optional<DraftRevision> IssueRepository::revision(Id issue_id, int revision) {
    return guard_sql([&]() -> std::optional<DraftRevision> {
        sql::Statement q(db_.connection(),
                         "SELECT revision, saved_at, text FROM draft_revision "
                         "WHERE issue_id = ? AND revision = ?");
        q.bind(1, static_cast<int64_t>(issue_id));
        q.bind(2, revision);
        if (q.executeStep())
            return DraftRevision{q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getString()};
        return std::nullopt;
    });
}

void IssueRepository::set_stats(Id issue_id, std::optional<std::int64_t> audience, std::optional<std::int64_t> opens,
                                std::optional<std::int64_t> clicks) {
    guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "UPDATE issue SET audience = coalesce(?, audience), opens = coalesce(?, opens), "
                         "clicks = coalesce(?, clicks) WHERE id = ?");
        bind_opt(q, 1, audience);
        bind_opt(q, 2, opens);
        bind_opt(q, 3, clicks);
        q.bind(4, static_cast<int64_t>(issue_id));
        q.exec();
    });
}

void IssueRepository::set_status(Id issue_id, IssueStatus status) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), "UPDATE issue SET status = ? WHERE id = ?");
        q.bind(1, to_string(status));
        q.bind(2, static_cast<int64_t>(issue_id));
        q.exec();
    });
}

}  // namespace sponsordesk

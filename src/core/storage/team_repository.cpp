#include "sponsordesk/storage/team_repository.h"

#include <ctime>

#include <fmt/format.h>

#include "pg_engine.h"
#include "sponsordesk/storage/pg_schema.h"

namespace sponsordesk {

bool TeamRepository::server_database_empty() {
    pg(db_.connection());
    sql::Statement q(db_.connection(),
                     "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                     "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r','v','S')");
    q.executeStep();
    return q.getColumn(0).getInt64() == 0;
}

std::string TeamRepository::database_name() {
    sql::Statement q(db_.connection(), "SELECT current_database()");
    q.executeStep();
    return q.getColumn(0).getString();
}

void TeamRepository::init_server(const std::string& prefix) {
    pg(db_.connection());
    sql::Connection& conn = db_.connection();
    conn.begin_write();
    try {
        conn.execute(pg_schema::create_sql(prefix));
        conn.execute(fmt::format("GRANT {}_admin TO CURRENT_USER", prefix));
        conn.commit();
    } catch (...) {
        try {
            conn.rollback();
        } catch (...) {
        }
        throw;
    }
}

std::vector<TeamUser> TeamRepository::users() {
    pg(db_.connection());
    sql::Statement q(db_.connection(), "SELECT name, role FROM sponsordesk_users()");
    std::vector<TeamUser> out;
    while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
    return out;
}

bool TeamRepository::login_exists(const std::string& name) {
    sql::Statement q(db_.connection(), "SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = ?");
    q.bind(1, name);
    q.executeStep();
    return q.getColumn(0).getInt64() > 0;
}

std::string TeamRepository::role_of(const std::string& name) {
    sql::Statement q(db_.connection(), "SELECT sponsordesk_role_of(?)");
    q.bind(1, name);
    q.executeStep();
    return q.getColumn(0).getString();
}

std::string TeamRepository::own_role() {
    if (!db_.on_server()) return "admin";  // one person owns the file
    sql::Statement q(db_.connection(), "SELECT sponsordesk_role()");
    q.executeStep();
    return q.getColumn(0).getString();
}

void TeamRepository::add_user(const std::string& name, const std::string& role,
                              const std::optional<std::string>& password) {
    WriteTransaction tx(db_);
    sql::Statement q(db_.connection(), "SELECT sponsordesk_user_add(?, ?, ?)");
    q.bind(1, name);
    q.bind(2, role);
    if (password)
        q.bind(3, *password);
    else
        q.bind(3);
    q.executeStep();
    tx.commit();
}

void TeamRepository::set_role(const std::string& name, const std::string& role) {
    WriteTransaction tx(db_);
    sql::Statement q(db_.connection(), "SELECT sponsordesk_user_set_role(?, ?)");
    q.bind(1, name);
    q.bind(2, role);
    q.executeStep();
    tx.commit();
}

void TeamRepository::remove_user(const std::string& name) {
    WriteTransaction tx(db_);
    sql::Statement q(db_.connection(), "SELECT sponsordesk_user_remove(?)");
    q.bind(1, name);
    q.executeStep();
    tx.commit();
}

namespace {

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

void ActivityRepository::record(const std::string& action, const std::string& object_kind, std::optional<Id> object_id,
                                const std::string& summary) {
    // On a server the database stamps who and when itself (a trigger):
    // these values count for a file only.
    sql::Statement q(db_.connection(),
                     "INSERT INTO activity (at, actor, action, object_kind, object_id, summary) "
                     "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, utc_now());
    q.bind(2, db_.user());
    q.bind(3, action);
    q.bind(4, object_kind);
    if (object_id)
        q.bind(5, static_cast<std::int64_t>(*object_id));
    else
        q.bind(5);
    q.bind(6, summary);
    q.exec();
}

std::vector<ActivityEntry> ActivityRepository::list(const ActivityFilter& f, int limit) {
    std::string where = "WHERE 1 = 1 ";
    if (f.from) where += "AND at >= :from ";
    if (f.to) where += "AND at < :to_next ";
    if (f.user) where += "AND actor = :user ";
    if (f.object_kind) where += "AND object_kind = :kind ";
    if (f.object_id) where += "AND object_id = :id ";
    std::string text = "SELECT id, at, actor, action, object_kind, object_id, summary FROM activity " + where +
                       "ORDER BY at DESC, id DESC";
    if (limit > 0) text += fmt::format(" LIMIT {}", limit);
    sql::Statement q(db_.connection(), text);
    if (f.from) q.bind(":from", f.from->iso());
    if (f.to) q.bind(":to_next", f.to->add_days(1).iso());
    if (f.user) q.bind(":user", *f.user);
    if (f.object_kind) q.bind(":kind", *f.object_kind);
    if (f.object_id) q.bind(":id", static_cast<std::int64_t>(*f.object_id));
    std::vector<ActivityEntry> out;
    while (q.executeStep()) {
        ActivityEntry e;
        e.id = q.getColumn(0).getInt64();
        e.at = q.getColumn(1).getString();
        e.actor = q.getColumn(2).getString();
        e.action = q.getColumn(3).getString();
        e.object_kind = q.getColumn(4).getString();
        if (!q.getColumn(5).isNull()) e.object_id = q.getColumn(5).getInt64();
        e.summary = q.getColumn(6).getString();
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace sponsordesk

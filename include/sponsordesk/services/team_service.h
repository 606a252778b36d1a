#pragma once
// A team on a PostgreSQL server: preparing its database, its people and
// their roles; and the activity log, on both engines.
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/storage/database.h"
#include "sponsordesk/storage/team_repository.h"

namespace sponsordesk {

inline const std::vector<std::string>& team_roles() {
    static const std::vector<std::string> roles = {"sales", "editor", "finance", "admin"};
    return roles;
}

class TeamService {
public:
    explicit TeamService(Database& db) : db_(db) {}

    // db init on the database `db` is connected to (Database::Bare): the
    // schema, the four group roles named after the database, the caller
    // made admin. AlreadyInitialised when it holds any table.
    void init_server();
    // The prefix of the group roles of the database called `name`.
    static std::string role_prefix(const std::string& database_name);

    std::vector<TeamUser> users();
    void add_user(const std::string& name, const std::string& role, const std::optional<std::string>& password);
    void set_role(const std::string& name, const std::string& role);
    void remove_user(const std::string& name);
    // The caller's role ("admin" for a file: one person owns it).
    std::string own_role();

    std::vector<ActivityEntry> activity(const ActivityFilter& f, int limit = 0);

private:
    void require_server(const char* what);
    Database& db_;
};

}  // namespace sponsordesk

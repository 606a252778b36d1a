#pragma once
// A team's database: preparing a server database, its people and roles,
// and the activity log every write leaves (both engines).
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/model.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

struct TeamUser {
    std::string name;
    std::string role;  // sales | editor | finance | admin
};

struct ActivityEntry {
    Id id = 0;
    std::string at;     // UTC, YYYY-MM-DDTHH:MM:SSZ
    std::string actor;  // database user, or operating-system login for a file
    std::string action;
    std::string object_kind;
    std::optional<Id> object_id;
    std::string summary;
};

struct ActivityFilter {
    std::optional<Date> from, to;  // UTC days, inclusive
    std::optional<std::string> user;
    std::optional<std::string> object_kind;
    std::optional<Id> object_id;
};

class TeamRepository {
public:
    explicit TeamRepository(Database& db) : db_(db) {}
    // Whether the server database holds any table of its own.
    bool server_database_empty();
    // The current database's name, for the group roles' prefix.
    std::string database_name();
    // Creates the schema, roles and grants and makes the caller an admin
    // (one transaction: all of it or nothing).
    void init_server(const std::string& prefix);
    std::vector<TeamUser> users();
    bool login_exists(const std::string& name);
    std::string role_of(const std::string& name);  // "" when not a SponsorDesk user
    std::string own_role();
    void add_user(const std::string& name, const std::string& role, const std::optional<std::string>& password);
    void set_role(const std::string& name, const std::string& role);
    void remove_user(const std::string& name);

private:
    Database& db_;
};

class ActivityRepository {
public:
    explicit ActivityRepository(Database& db) : db_(db) {}
    // Call inside the write's own transaction.
    void record(const std::string& action, const std::string& object_kind, std::optional<Id> object_id,
                const std::string& summary);
    // Newest first.
    std::vector<ActivityEntry> list(const ActivityFilter& f, int limit = 0);

private:
    Database& db_;
};

}  // namespace sponsordesk

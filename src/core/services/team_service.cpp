#include "sponsordesk/services/team_service.h"

#include <algorithm>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {

void check_role(const std::string& role) {
    const auto& roles = team_roles();
    if (std::find(roles.begin(), roles.end(), role) == roles.end())
        throw InvalidInput({ErrorCode::InvalidChoice, "role", {{"value", role}, {"choices", roles}}},
                           fmt::format("role {} is not one of sales, editor, finance, admin", quote_value(role)));
}

void check_name(const std::string& name) {
    const bool ok = !name.empty() && name.size() <= 63 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    });
    if (!ok || !(name[0] >= 'a' && name[0] <= 'z'))
        throw InvalidInput({ErrorCode::InvalidFormat, "name", {{"value", name}}},
                           fmt::format("user name {} is not valid: a lowercase letter, then lowercase letters, "
                                       "digits, '_', '.' or '-' (at most 63)",
                                       quote_value(name)));
}

}  // namespace

void TeamService::require_server(const char* what) {
    if (!db_.on_server())
        throw InvalidInput({ErrorCode::ServerOnly, "db", {{"what", std::string(what)}}},
                           fmt::format("{} works on a PostgreSQL database (--db postgresql://…), not on the file {}",
                                       what, quote_value(db_.path())));
}

std::string TeamService::role_prefix(const std::string& database_name) {
    std::string p;
    for (char c : database_name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        p += ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? c : '_';
    }
    if (p.empty() || !(p[0] >= 'a' && p[0] <= 'z')) p = "sd_" + p;
    if (p.size() > 40) p.resize(40);
    return p;
}

void TeamService::init_server() {
    require_server("db init");
    TeamRepository repo(db_);
    if (!repo.server_database_empty())
        throw Conflict(
            {ErrorCode::AlreadyInitialised, "", {{"server", db_.path()}}},
            fmt::format("the database {} already holds tables: db init prepares an empty database only", db_.path()));
    repo.init_server(role_prefix(repo.database_name()));
}

std::vector<TeamUser> TeamService::users() {
    require_server("user list");
    return TeamRepository(db_).users();
}

void TeamService::add_user(const std::string& name, const std::string& role,
                           const std::optional<std::string>& password) {
    require_server("user add");
    check_name(name);
    check_role(role);
    TeamRepository repo(db_);
    if (repo.login_exists(name))
        throw Conflict({ErrorCode::UserExists, "name", {{"value", name}}},
                       fmt::format("a user {} already exists on the server", quote_value(name)));
    repo.add_user(name, role, password);
}

void TeamService::set_role(const std::string& name, const std::string& role) {
    require_server("user set-role");
    check_role(role);
    TeamRepository repo(db_);
    if (repo.role_of(name).empty())
        throw NotFound({ErrorCode::UserNotFound, "name", {{"value", name}}},
                       fmt::format("no SponsorDesk user {}", quote_value(name)));
    repo.set_role(name, role);
}

void TeamService::remove_user(const std::string& name) {
    require_server("user remove");
    TeamRepository repo(db_);
    if (repo.role_of(name).empty())
        throw NotFound({ErrorCode::UserNotFound, "name", {{"value", name}}},
                       fmt::format("no SponsorDesk user {}", quote_value(name)));
    if (name == db_.user())
        throw Conflict({ErrorCode::StorageFailure, "name", {{"value", name}}},
                       fmt::format("{} cannot remove their own user", quote_value(name)));
    repo.remove_user(name);
}

std::string TeamService::own_role() { return TeamRepository(db_).own_role(); }

std::vector<ActivityEntry> TeamService::activity(const ActivityFilter& f, int limit) {
    if (f.from && f.to && *f.to < *f.from)
        throw InvalidInput({ErrorCode::InvalidPeriod, "to", {{"from", f.from->iso()}, {"to", f.to->iso()}}},
                           fmt::format("period {} to {} ends before it starts", f.from->iso(), f.to->iso()));
    if (f.object_kind) {
        static const std::vector<std::string> kinds = {"booking",   "invoice",   "sponsor", "issue",   "publication",
                                                       "placement", "publisher", "user",    "database"};
        if (std::find(kinds.begin(), kinds.end(), *f.object_kind) == kinds.end())
            throw InvalidInput({ErrorCode::InvalidChoice, "object", {{"value", *f.object_kind}, {"choices", kinds}}},
                               fmt::format("object kind {} is not one of booking, invoice, sponsor, issue, "
                                           "publication, placement",
                                           quote_value(*f.object_kind)));
    }
    return ActivityRepository(db_).list(f, limit);
}

}  // namespace sponsordesk

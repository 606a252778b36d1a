// A team's database: db init / db copy, user management, the activity log.
#include <iostream>
#include <unistd.h>

#include <fmt/format.h>

#include "cli.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/team_service.h"
#include "sponsordesk/storage/copy.h"

namespace sponsordesk::cli {
namespace {

std::string location(Context& ctx) { return ctx.db_path.empty() ? Database::default_path() : ctx.db_path; }

// A password from standard input: its first line, without the line end.
std::string read_password_stdin() {
    std::string line;
    if (!std::getline(std::cin, line) || line.empty())
        throw InvalidInput({ErrorCode::Empty, "password", {}}, "no password on standard input");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

void register_team(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    auto* db = app.add_subcommand("db", "the database itself: prepare a server database, copy every row");
    db->require_subcommand(1);

    auto* init =
        db->add_subcommand("init", "on an empty PostgreSQL database: the schema, the four group roles, you made admin");
    init->callback([&] {
        ctx.run = [&] {
            const std::string uri = location(ctx);
            Database bare(uri, Database::Bare{});
            TeamService(bare).init_server();
            const std::string prefix = TeamService::role_prefix(TeamRepository(bare).database_name());
            ctx.emit({{"database", bare.path()},
                      {"schema", Database::latest_schema_version()},
                      {"roles_prefix", prefix},
                      {"admin", bare.user()}},
                     [&] {
                         std::cout << fmt::format(
                             "database {} prepared (schema {}); roles {}_sales, {}_editor, {}_finance, {}_admin; "
                             "{} is admin\n",
                             bare.path(), Database::latest_schema_version(), prefix, prefix, prefix, prefix,
                             bare.user());
                     });
        };
    });

    auto* copy = db->add_subcommand(
        "copy", "every row into an empty TARGET (a file path or a postgresql:// URI); prints counts per table");
    auto& target = required(copy, store, "--to", "the target database: a file path or a postgresql:// URI");
    copy->callback([&] {
        ctx.run = [&] {
            Database& from = ctx.db();
            if (from.on_server() && TeamService(from).own_role() != "admin")
                throw NotPermitted({ErrorCode::NotPermitted, "", {{"role", TeamService(from).own_role()}}},
                                   "db copy is for an admin");
            Database to(target.value);
            TableCounts counts = copy_database(from, to);
            nlohmann::json tables = nlohmann::json::object();
            std::int64_t total = 0;
            for (auto& [t, n] : counts) {
                tables[t] = n;
                total += n;
            }
            ctx.emit({{"target", to.path()}, {"tables", tables}, {"rows", total}}, [&] {
                for (auto& [t, n] : counts) std::cout << fmt::format("{:<18} {}\n", t, n);
                std::cout << fmt::format("{} rows copied to {}\n", total, to.path());
            });
        };
    });

    auto* user = app.add_subcommand("user", "the people of a team's PostgreSQL database and their roles");
    user->require_subcommand(1);
    auto* uadd = user->add_subcommand("add", "a login in a role: sales, editor, finance or admin");
    static std::string add_name;
    uadd->add_option("NAME", add_name, "the user's login name")->required();
    auto& arole = required(uadd, store, "--role", "sales | editor | finance | admin");
    auto* pw_stdin = add_flag(uadd, "--password-stdin", "read the password from the first line of standard input");
    uadd->callback([&, pw_stdin] {
        ctx.run = [&, pw_stdin] {
            std::optional<std::string> password;
            if (pw_stdin->count() > 0) password = read_password_stdin();
            TeamService(ctx.db()).add_user(add_name, arole.value, password);
            ctx.emit({{"user", add_name}, {"role", arole.value}},
                     [&] { std::cout << fmt::format("user {} added as {}\n", add_name, arole.value); });
        };
    });

    auto* ulist = user->add_subcommand("list", "every user with their role");
    ulist->callback([&] {
        ctx.run = [&] {
            auto users = TeamService(ctx.db()).users();
            nlohmann::json arr = nlohmann::json::array();
            for (auto& u : users) arr.push_back({{"name", u.name}, {"role", u.role}});
            ctx.emit({{"users", arr}}, [&] {
                for (auto& u : users) std::cout << fmt::format("{:<24} {}\n", u.name, u.role);
            });
        };
    });

    auto* uset = user->add_subcommand("set-role", "give a user another role");
    static std::string set_name, set_role;
    uset->add_option("NAME", set_name, "the user's login name")->required();
    uset->add_option("ROLE", set_role, "sales | editor | finance | admin")->required();
    uset->callback([&] {
        ctx.run = [&] {
            TeamService(ctx.db()).set_role(set_name, set_role);
            ctx.emit({{"user", set_name}, {"role", set_role}},
                     [&] { std::cout << fmt::format("user {} is now {}\n", set_name, set_role); });
        };
    });

    auto* urm = user->add_subcommand("remove", "remove a user (their history stays in the activity log)");
    static std::string rm_name;
    urm->add_option("NAME", rm_name, "the user's login name")->required();
    urm->callback([&] {
        ctx.run = [&] {
            TeamService(ctx.db()).remove_user(rm_name);
            ctx.emit({{"user", rm_name}, {"removed", true}},
                     [&] { std::cout << fmt::format("user {} removed\n", rm_name); });
        };
    });

    auto* act = app.add_subcommand("activity", "who changed what and when, newest first");
    auto& afrom = add(act, store, "--from", "first day (UTC), YYYY-MM-DD");
    auto& ato = add(act, store, "--to", "last day (UTC), YYYY-MM-DD");
    auto& auser = add(act, store, "--user", "only this user's changes");
    auto& aobj = add(act, store, "--object",
                     "KIND:ID, KIND one of booking, invoice, sponsor, issue, publication, "
                     "placement");
    auto& alimit = add(act, store, "--limit", "at most this many entries (default: all)");
    act->callback([&] {
        ctx.run = [&] {
            ActivityFilter f;
            if (afrom.given()) f.from = Date::parse(afrom.value);
            if (ato.given()) f.to = Date::parse(ato.value);
            if (auser.given()) f.user = auser.value;
            if (aobj.given()) {
                const auto colon = aobj.value.find(':');
                if (colon == std::string::npos)
                    throw InvalidInput(
                        {ErrorCode::InvalidFormat, "object", {{"value", aobj.value}}},
                        fmt::format("object {} is not KIND:ID (e.g. booking:12)", quote_value(aobj.value)));
                f.object_kind = aobj.value.substr(0, colon);
                f.object_id = parse_id("object", aobj.value.substr(colon + 1));
            }
            const int limit = alimit.given() ? static_cast<int>(parse_int("limit", alimit.value, 1, 1000000)) : 0;
            auto rows = TeamService(ctx.db()).activity(f, limit);
            nlohmann::json arr = nlohmann::json::array();
            for (auto& e : rows)
                arr.push_back({{"id", e.id},
                               {"at", e.at},
                               {"user", e.actor},
                               {"action", e.action},
                               {"object", e.object_kind},
                               {"object_id", e.object_id ? nlohmann::json(*e.object_id) : nlohmann::json()},
                               {"summary", e.summary}});
            ctx.emit({{"activity", arr}}, [&] {
                for (auto& e : rows)
                    std::cout << fmt::format("{}  {:<12} {:<18} {}{}  {}\n", e.at, e.actor, e.action, e.object_kind,
                                             e.object_id ? fmt::format(":{}", *e.object_id) : "", e.summary);
            });
        };
    });
}

}  // namespace

REGISTER_COMMANDS(register_team, 90);

}  // namespace sponsordesk::cli

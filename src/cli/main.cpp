// sponsordesk-cli: parses the command line, calls one core service, prints.
#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "sponsordesk/domain/errors.h"

namespace sponsordesk::cli {
namespace {

std::vector<std::pair<int, Registrar>>& registry() {
    static std::vector<std::pair<int, Registrar>> r;
    return r;
}

std::string one_line(std::string s) {
    for (auto& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

}  // namespace

bool register_commands(Registrar r, int order) {
    registry().emplace_back(order, r);
    return true;
}

void run_registrars(CLI::App& app, Context& ctx) {
    auto regs = registry();
    std::stable_sort(regs.begin(), regs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [order, r] : regs) r(app, ctx);
}

}  // namespace sponsordesk::cli

int main(int argc, char** argv) {
    using namespace sponsordesk;
    cli::Context ctx;
    CLI::App app{
        "SponsorDesk: sell and run newsletter ad slots from the command line.\n"
        "Exit status: 0 done, 1 invalid input, 2 usage error, 3 not found, 4 conflict, 5 storage error,\n"
        "6 not permitted (the user's role on a team's PostgreSQL database).",
        "sponsordesk-cli"};
    app.option_defaults()->always_capture_default(false);
    app.add_option("--db", ctx.db_path,
                   "database file or postgresql:// URI (default: $SPONSORDESK_DB, else "
                   "$XDG_DATA_HOME/sponsordesk/sponsordesk.db); a password comes from PGPASSWORD or ~/.pgpass");
    app.add_flag("--json", ctx.json, "print one JSON document on stdout instead of text");
    app.require_subcommand(1);
    app.fallthrough();  // --db and --json may also follow the command
    cli::run_registrars(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // Name an unknown command rather than CLI11's "a subcommand is required".
        if (dynamic_cast<const CLI::RequiredError*>(&e)) {
            CLI::App* cur = &app;
            std::string path = "";
            while (!cur->get_subcommands().empty()) {
                cur = cur->get_subcommands().front();
                path += cur->get_name() + " ";
            }
            if (cur->get_require_subcommand_min() > 0) {
                bool past = cur == &app;
                for (int i = 1; i < argc; ++i) {
                    std::string a = argv[i];
                    if (a == "--db") {
                        ++i;
                        continue;
                    }
                    if (a.empty() || a[0] == '-') continue;
                    if (!past) {
                        past = a == cur->get_name();
                        continue;
                    }
                    std::cerr << "sponsordesk-cli: unknown command " << quote_value(path + a) << " (see --help)\n";
                    return 2;
                }
                std::cerr << "sponsordesk-cli: " << (path.empty() ? "a command" : path + "needs a command")
                          << (path.empty() ? " is needed" : "") << " (see --help)\n";
                return 2;
            }
        }
        std::cerr << "sponsordesk-cli: " << cli::one_line(e.what()) << " (see --help)\n";
        return 2;
    } catch (const Error& e) {
        std::cerr << "sponsordesk-cli: " << cli::one_line(e.what()) << "\n";
        return e.exit_status();
    }
    if (!ctx.run) {
        std::cerr << "sponsordesk-cli: no command given (see --help)\n";
        return 2;
    }
    // The command as typed ("invoice issue"), to name a refused action.
    std::string command;
    for (const CLI::App* cur = &app; !cur->get_subcommands().empty();) {
        cur = cur->get_subcommands().front();
        command += (command.empty() ? "" : " ") + cur->get_name();
    }
    try {
        // A write that lost a race on a server (serialization failure or
        // deadlock, which the one-writer lock leaves to psql users) is run
        // again, a bounded number of times: nothing of it was kept.
        for (int attempt = 1;; ++attempt) {
            try {
                ctx.run();
                break;
            } catch (const StorageError& e) {
                if (e.code() != ErrorCode::Locked || !e.has("server") || attempt == 5) throw;
            }
        }
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "sponsordesk-cli: could not write the output\n";
            return 5;
        }
        return 0;
    } catch (const NotPermitted& e) {
        const std::string role = e.text("role").empty() ? "no role" : e.text("role");
        std::cerr << "sponsordesk-cli: " << command << " is not permitted for the role " << role;
        if (!e.text("reason").empty()) std::cerr << " (" << cli::one_line(e.text("reason")) << ")";
        std::cerr << "\n";
        return e.exit_status();
    } catch (const Error& e) {
        std::cerr << "sponsordesk-cli: " << cli::one_line(e.what()) << "\n";
        return e.exit_status();
    } catch (const std::exception& e) {
        std::cerr << "sponsordesk-cli: storage error: " << cli::one_line(e.what()) << "\n";
        return 5;
    }
}

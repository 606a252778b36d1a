// import, backup and demo: commands that move whole sets of data.
#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/backup_service.h"
#include "sponsordesk/services/demo_service.h"
#include "sponsordesk/services/import_service.h"

namespace sponsordesk::cli {
namespace {

void register_data(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    auto* import = app.add_subcommand("import", "import a CSV file, all or nothing");
    import->require_subcommand(1);

    auto* isp = import->add_subcommand(
        "sponsors", "header: name,legal_name,address,country,vat_number,category,contact_name,contact_email");
    auto& spath = required(isp, store, "--csv", "CSV file (a regular file, at most 50 MB)");
    isp->callback([&] {
        ctx.run = [&] {
            ImportResult r = ImportService(ctx.db()).sponsors(spath.value);
            ctx.emit({{"imported", r.rows}, {"contacts", r.contacts}},
                     [&] { std::cout << fmt::format("{} sponsors imported, {} contacts\n", r.rows, r.contacts); });
        };
    });

    auto* ibk = import->add_subcommand(
        "bookings", "header: publication,date,placement,sponsor,price,status (issues created as needed)");
    auto& bpath = required(ibk, store, "--csv", "CSV file (a regular file, at most 50 MB)");
    ibk->callback([&] {
        ctx.run = [&] {
            ImportResult r = ImportService(ctx.db()).bookings(bpath.value);
            ctx.emit({{"imported", r.rows}, {"created_issues", r.created_issues}}, [&] {
                std::cout << fmt::format("{} bookings imported, {} issues created\n", r.rows, r.created_issues);
            });
        };
    });

    auto* backup = app.add_subcommand("backup", "write a consistent copy of the database while others use it");
    auto& to = required(backup, store, "--to", "path of the copy (- for stdout)");
    backup->callback([&] {
        ctx.run = [&] {
            auto bytes = backup_database(ctx.db(), ctx.output(to.value));
            ctx.emit({{"path", to.value}, {"bytes", bytes}},
                     [&] { std::cout << fmt::format("backup written to {} ({} bytes)\n", to.value, bytes); });
        };
    });

    auto* demo = app.add_subcommand("demo", "fill an empty database with a realistic example year");
    demo->callback([&] {
        ctx.run = [&] {
            DemoSummary s = DemoService(ctx.db()).fill();
            ctx.emit({{"publications", s.publications},
                      {"sponsors", s.sponsors},
                      {"issues", s.issues},
                      {"bookings", s.bookings},
                      {"invoices", s.invoices},
                      {"credit_notes", s.credit_notes},
                      {"payments", s.payments},
                      {"deals", s.deals},
                      {"moved", s.moved},
                      {"free_lines", s.free_lines},
                      {"issues_with_results", s.issues_with_results},
                      {"links_matched", s.links_matched},
                      {"links_unmatched", s.links_unmatched}},
                     [&] {
                         std::cout << fmt::format(
                             "example year written: {} publications, {} sponsors, {} issues, {} bookings ({} "
                             "multi-issue deals, {} moved), {} invoices ({} free lines), {} credit notes, {} "
                             "payments; results of {} sent issues imported, {} link rows matched to bookings, {} "
                             "unmatched\n",
                             s.publications, s.sponsors, s.issues, s.bookings, s.deals, s.moved, s.invoices,
                             s.free_lines, s.credit_notes, s.payments, s.issues_with_results, s.links_matched,
                             s.links_unmatched);
                     });
        };
    });
}

}  // namespace

REGISTER_COMMANDS(register_data, 80);

}  // namespace sponsordesk::cli

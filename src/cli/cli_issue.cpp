// issue commands: add, plan, list, drafts and their revisions, figures.
#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "json_output.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"

namespace sponsordesk::cli {
namespace {

std::string opt_text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "-"; }

void print_issue(const Issue& i) {
    std::cout << fmt::format("#{:<5} {}  {:<9} audience {:>8} opens {:>8} clicks {:>7}  {}\n", i.number, i.date.iso(),
                             to_string(i.status), opt_text(i.audience), opt_text(i.opens), opt_text(i.clicks), i.title);
}

void register_issue(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    auto* issue = app.add_subcommand("issue", "editions of a publication");
    issue->require_subcommand(1);

    auto* iadd = issue->add_subcommand("add", "add one issue");
    auto& apub = required(iadd, store, "--publication", "publication slug");
    auto& adate = required(iadd, store, "--date", "send date, YYYY-MM-DD");
    auto& anum = add(iadd, store, "--number", "issue number (default: after the highest)");
    auto& atitle = add(iadd, store, "--title", "title");
    iadd->callback([&] {
        ctx.run = [&] {
            std::optional<int> number;
            if (anum.given()) number = static_cast<int>(parse_int("issue number", anum.value, 1, 1000000));
            Date date = Date::parse(adate.value);
            Issue i = IssueService(ctx.db()).add(apub.value, date, number, atitle.value);
            Publication pub = CatalogService(ctx.db()).publication(apub.value);
            ctx.emit(to_json(i, pub), [&] { std::cout << i.id << "\n"; });
        };
    });

    auto* iplan = issue->add_subcommand(
        "plan", "create one issue per cadence day (public holidays skipped with --skip-holidays fr); numbers continue");
    auto& ppub = required(iplan, store, "--publication", "publication slug");
    auto& pfrom = required(iplan, store, "--from", "first date, YYYY-MM-DD");
    auto& pto = required(iplan, store, "--to", "last date, YYYY-MM-DD");
    auto& pskip = add(iplan, store, "--skip-holidays", "plan no issue on the public holidays of: fr");
    iplan->callback([&] {
        ctx.run = [&] {
            Date from = Date::parse(pfrom.value), to = Date::parse(pto.value);
            auto created = IssueService(ctx.db()).plan(ppub.value, from, to, pskip.value);
            Publication pub = CatalogService(ctx.db()).publication(ppub.value);
            nlohmann::json arr = nlohmann::json::array();
            for (const auto& i : created) arr.push_back(to_json(i, pub));
            ctx.emit(arr, [&] {
                for (const auto& i : created) print_issue(i);
                std::cout << created.size() << " issue" << (created.size() == 1 ? "" : "s") << " planned\n";
            });
        };
    });

    auto* ilist = issue->add_subcommand("list", "list the issues of a publication");
    auto& lpub = required(ilist, store, "--publication", "publication slug");
    auto& lfrom = add(ilist, store, "--from", "first date");
    auto& lto = add(ilist, store, "--to", "last date");
    ilist->callback([&] {
        ctx.run = [&] {
            auto from = opt_date(lfrom.value), to = opt_date(lto.value);
            auto issues = IssueService(ctx.db()).list(lpub.value, from, to);
            Publication pub = CatalogService(ctx.db()).publication(lpub.value);
            nlohmann::json arr = nlohmann::json::array();
            for (const auto& i : issues) arr.push_back(to_json(i, pub));
            ctx.emit(arr, [&] {
                for (const auto& i : issues) print_issue(i);
            });
        };
    });

    auto* sdraft = issue->add_subcommand("set-draft", "set the draft (the old text stays as a revision)");
    auto& spub = required(sdraft, store, "--publication", "publication slug");
    auto& sdate = required(sdraft, store, "--date", "issue date");
    auto& sfile = add(sdraft, store, "--file", "read the draft from this Markdown file (a regular file, at most 1 MB)");
    auto& stext = add(sdraft, store, "--text", "the draft text");
    sdraft->callback([&] {
        ctx.run = [&] {
            std::string text = text_or_file(stext.value, sfile.value, stext.given(), sfile.given());
            Date date = Date::parse(sdate.value);
            IssueService issues(ctx.db());
            issues.set_draft(spub.value, date, text);
            DraftRevision r = issues.draft(spub.value, date, std::nullopt);
            ctx.emit(
                {{"publication", spub.value}, {"date", date.iso()}, {"revision", r.revision}, {"saved_at", r.saved_at}},
                [&] { std::cout << "revision " << r.revision << "\n"; });
        };
    });

    auto* drafts = issue->add_subcommand("drafts", "list the revisions of an issue's draft");
    auto& dpub = required(drafts, store, "--publication", "publication slug");
    auto& ddate = required(drafts, store, "--date", "issue date");
    drafts->callback([&] {
        ctx.run = [&] {
            auto revs = IssueService(ctx.db()).revisions(dpub.value, Date::parse(ddate.value));
            nlohmann::json arr = nlohmann::json::array();
            for (const auto& r : revs)
                arr.push_back({{"revision", r.revision},
                               {"saved_at", r.saved_at},
                               {"bytes", r.text.size()},
                               {"current", &r == &revs.back()}});
            ctx.emit(arr, [&] {
                for (const auto& r : revs)
                    std::cout << fmt::format("{:>4}  {}  {:>7} bytes{}\n", r.revision, r.saved_at, r.text.size(),
                                             &r == &revs.back() ? "  (current)" : "");
            });
        };
    });

    auto* draft = issue->add_subcommand("draft", "print the draft, or one of its revisions");
    auto& rpub = required(draft, store, "--publication", "publication slug");
    auto& rdate = required(draft, store, "--date", "issue date");
    auto& rrev = add(draft, store, "--revision", "revision number (see issue drafts)");
    draft->callback([&] {
        ctx.run = [&] {
            std::optional<int> rev;
            if (rrev.given()) rev = static_cast<int>(parse_int("revision", rrev.value, 1, 1000000000));
            DraftRevision r = IssueService(ctx.db()).draft(rpub.value, Date::parse(rdate.value), rev);
            ctx.emit({{"revision", r.revision}, {"saved_at", r.saved_at}, {"text", r.text}},
                     [&] { std::cout << r.text; });
        };
    });

    auto* status = issue->add_subcommand("set-status", "planned, drafting, ready or sent");
    auto& upub = required(status, store, "--publication", "publication slug");
    auto& udate = required(status, store, "--date", "issue date");
    auto& ustatus = required(status, store, "STATUS", "planned, drafting, ready or sent");
    status->callback([&] {
        ctx.run = [&] {
            IssueStatus st = issue_status_from(ustatus.value);
            Issue i = IssueService(ctx.db()).set_status(upub.value, Date::parse(udate.value), st);
            Publication pub = CatalogService(ctx.db()).publication(upub.value);
            ctx.emit(to_json(i, pub), [&] { print_issue(i); });
        };
    });

    auto* stats = issue->add_subcommand("set-stats", "record audience, opens and clicks of a sent issue");
    auto& tpub = required(stats, store, "--publication", "publication slug");
    auto& tdate = required(stats, store, "--date", "issue date");
    auto& aud = add(stats, store, "--audience", "recipients");
    auto& opens = add(stats, store, "--opens", "unique opens");
    auto& clicks = add(stats, store, "--clicks", "clicks");
    stats->callback([&] {
        ctx.run = [&] {
            auto num = [](const Given& g, const char* field) -> std::optional<std::int64_t> {
                if (!g.given()) return std::nullopt;
                return parse_int(field, g.value, 0, 1'000'000'000'000LL);
            };
            Issue i = IssueService(ctx.db()).set_stats(tpub.value, Date::parse(tdate.value), num(aud, "audience"),
                                                       num(opens, "opens"), num(clicks, "clicks"));
            Publication pub = CatalogService(ctx.db()).publication(tpub.value);
            ctx.emit(to_json(i, pub), [&] { print_issue(i); });
        };
    });
}

}  // namespace

REGISTER_COMMANDS(register_issue, 20);

}  // namespace sponsordesk::cli

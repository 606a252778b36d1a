// book, booking and availability commands.
#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "json_output.h"
#include "resolve.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/insertion_order_service.h"
#include "sponsordesk/services/issue_service.h"

namespace sponsordesk::cli {
namespace {

// "2026-05-04,2026-05-07": every date parsed (InvalidInput naming the first bad one).
std::vector<Date> parse_date_list(const std::string& text) {
    std::vector<Date> days;
    for (const std::string& part : split_list(text)) days.push_back(Date::parse(part));
    return days;
}

// The issues of those dates; NotFound naming every date without an issue.
std::vector<IssueId> resolve_issues(Database& db, const Publication& pub, const std::vector<Date>& days) {
    std::vector<IssueId> ids;
    std::vector<std::string> missing;
    IssueService issues(db);
    for (const Date& d : days) {
        if (auto issue = issues.find(PublicationId{pub.id}, d))
            ids.push_back(IssueId{issue->id});
        else if (std::find(missing.begin(), missing.end(), d.iso()) == missing.end())
            missing.push_back(d.iso());
    }
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        throw NotFound({ErrorCode::IssueNotFound,
                        "dates",
                        {{"publication", pub.slug}, {"date", missing.front()}, {"dates", missing}}},
                       fmt::format("{} has no issue on {}; nothing booked", pub.slug, list));
    }
    return ids;
}

std::string status_text(const BookingView& v) {
    std::string s = to_string(v.booking.status);
    if (v.hold_expired)
        s += " (expired)";
    else if (v.booking.status == BookingStatus::Hold && v.booking.hold_until)
        s += " until " + v.booking.hold_until->iso();
    return s;
}

void print_booking(const BookingView& v) {
    std::cout << fmt::format("{:>6}  {}  {:<12} {:<10} {:<26} {:<24} {:>10} {}{}{}\n", v.booking.id, v.issue_date.iso(),
                             v.publication_slug, v.placement_code, v.sponsor_name, status_text(v),
                             format_amount(v.booking.price), v.currency,
                             v.copy_late ? "  COPY LATE (due " + v.copy_due.iso() + ")" : "",
                             v.invoice ? "  invoice " + english_ref(*v.invoice) : "");
}

void register_booking(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();

    auto* book = app.add_subcommand(
        "book",
        "book a sponsor into the next open slot of a placement, in one issue (--date) or several (--dates, --every: "
        "all or nothing); prints the id(s), one per line");
    auto& sponsor = required(book, store, "--sponsor", "sponsor: exact name or id (#ID always an id)");
    auto& pub = required(book, store, "--publication", "publication slug");
    auto& date = add(book, store, "--date", "issue date");
    auto& dates = add(book, store, "--dates", "several issue dates: DATE,DATE,... (all or nothing)");
    auto& every =
        add(book, store, "--every", "every issue on these weekdays (mon,tue,...) from --from to --to (all or nothing)");
    auto& efrom = add(book, store, "--from", "first issue date of --every");
    auto& eto = add(book, store, "--to", "last issue date of --every");
    auto& code = required(book, store, "--placement", "placement code");
    auto& price = add(book, store, "--price", "price (default: the placement's list price)");
    auto& status = add(book, store, "--status", "hold or confirmed (default confirmed; hold with --hold-until)");
    auto& until = add(book, store, "--hold-until", "last day of a hold (default: 7 days, not past the issue)");
    CLI::Option* allow = add_flag(book, "--allow-competitor", "book even if a competitor is in the issue");
    auto& notes = add(book, store, "--notes", "notes");
    book->callback([&, allow] {
        ctx.run = [&, allow] {
            if (date.given() + dates.given() + every.given() != 1)
                throw UsageError("give exactly one of --date, --dates or --every");
            if (every.given() != (efrom.given() && eto.given()) || (!every.given() && (efrom.given() || eto.given())))
                throw UsageError("--every needs --from and --to (and they go with --every only)");
            if (date.given()) {
                BookRequest r;
                const Date day = Date::parse(date.value);
                // Looked up in the order the command line has always reported them.
                const Publication p = resolve_publication(ctx.db(), pub.value);
                r.placement = PlacementId{resolve_placement(ctx.db(), p, code.value).id};
                r.sponsor = sponsor_id(ctx.db(), sponsor.value);
                r.issue = IssueId{resolve_issue(ctx.db(), p, day).id};
                if (price.given()) r.price = parse_amount(price.value);
                if (status.given()) r.status = booking_status_from(status.value);
                if (until.given()) r.hold_until = Date::parse(until.value);
                r.allow_competitor = allow->count() > 0;
                r.notes = notes.value;
                BookingView v = BookingService(ctx.db()).book(r);
                ctx.emit(to_json(v), [&] { std::cout << v.booking.id << "\n"; });
                return;
            }
            BookManyRequest r;
            std::vector<Date> days;
            unsigned weekdays = 0;
            std::optional<Date> first, last;
            if (dates.given()) {
                days = parse_date_list(dates.value);
            } else {
                try {
                    weekdays = cadence_from_text(every.value);
                } catch (const Error& e) {
                    rethrow_with_message(e, fmt::format("--every {} is not valid: give weekdays such as mon,thu "
                                                        "(mon,tue,wed,thu,fri,sat,sun)",
                                                        quote_value(every.value)));
                }
                first = Date::parse(efrom.value);
                last = Date::parse(eto.value);
            }
            const Publication p = resolve_publication(ctx.db(), pub.value);
            r.placement = PlacementId{resolve_placement(ctx.db(), p, code.value).id};
            r.sponsor = sponsor_id(ctx.db(), sponsor.value);
            if (dates.given())
                r.issues = resolve_issues(ctx.db(), p, days);
            else
                for (const Issue& i : IssueService(ctx.db()).on_weekdays(PublicationId{p.id}, *first, *last, weekdays))
                    r.issues.push_back(IssueId{i.id});
            if (price.given()) r.price = parse_amount(price.value);
            if (status.given()) r.status = booking_status_from(status.value);
            if (until.given()) r.hold_until = Date::parse(until.value);
            r.allow_competitor = allow->count() > 0;
            r.notes = notes.value;
            const std::vector<BookingView> made = BookingService(ctx.db()).book_many(r);
            nlohmann::json arr = nlohmann::json::array();
            if (ctx.json)
                for (const auto& v : made) arr.push_back(to_json(v));
            ctx.emit(arr, [&] {
                std::string out;
                for (const auto& v : made) out += std::to_string(v.booking.id) + "\n";
                std::cout << out;
            });
        };
    });

    auto* booking = app.add_subcommand("booking", "bookings: list, copy, status, move, price, insertion order");
    booking->require_subcommand(1);
    auto* list = booking->add_subcommand("list", "list bookings by issue date");
    auto& lpub = add(list, store, "--publication", "publication slug");
    auto& lsp = add(list, store, "--sponsor", "sponsor: exact name or id (#ID always an id)");
    auto& lfrom = add(list, store, "--from", "first issue date");
    auto& lto = add(list, store, "--to", "last issue date");
    auto& lstatus = add(list, store, "--status", "hold, confirmed, copy-received, approved, published or cancelled");
    CLI::Option* late = add_flag(list, "--copy-late", "only bookings whose copy is past due and not approved");
    list->callback([&, late] {
        ctx.run = [&, late] {
            BookingQuery q;
            if (lpub.given()) q.publication = PublicationId{resolve_publication(ctx.db(), lpub.value).id};
            if (lsp.given()) q.sponsor = sponsor_id(ctx.db(), lsp.value);
            q.from = opt_date(lfrom.value);
            q.to = opt_date(lto.value);
            if (lstatus.given()) q.status = booking_status_from(lstatus.value);
            q.copy_late = late->count() > 0;
            BookingService service(ctx.db());
            BookingFilter f = service.filter(q);
            if (ctx.json) {
                nlohmann::json arr = nlohmann::json::array();
                BookingRepository(ctx.db()).for_each(f, [&](const BookingView& v) { arr.push_back(to_json(v)); });
                ctx.emit(arr, [] {});
            } else {
                BookingRepository(ctx.db()).for_each(f, print_booking);
            }
        };
    });

    auto* show = booking->add_subcommand("show", "print one booking with its copy");
    auto& sid = required(show, store, "ID", "booking id");
    show->callback([&] {
        ctx.run = [&] {
            BookingView v = BookingService(ctx.db()).get(BookingId{parse_id("booking id", sid.value)});
            ctx.emit(to_json(v), [&] {
                print_booking(v);
                std::cout << "copy due " << v.copy_due.iso() << "\n";
                if (!v.booking.link.empty()) std::cout << "link: " << v.booking.link << "\n";
                if (!v.booking.copy.empty()) std::cout << "\n" << v.booking.copy << "\n";
            });
        };
    });

    auto* copy = booking->add_subcommand("copy", "save the sponsor's copy (Markdown) and call-to-action link");
    auto& cid = required(copy, store, "ID", "booking id");
    auto& ctext = add(copy, store, "--text", "the copy");
    auto& cfile = add(copy, store, "--file", "read the copy from this file (a regular file, at most 1 MB)");
    auto& clink = add(copy, store, "--link", "call-to-action link (http, https or mailto)");
    copy->callback([&] {
        ctx.run = [&] {
            Id id = parse_id("booking id", cid.value);
            std::string text = text_or_file(ctext.value, cfile.value, ctext.given(), cfile.given());
            BookingView v = BookingService(ctx.db()).set_copy(BookingId{id}, text, clink.opt());
            ctx.emit(to_json(v), [&] { print_booking(v); });
        };
    });

    auto* st = booking->add_subcommand("status", "move a booking along the pipeline, or cancel it");
    auto& tid = required(st, store, "ID", "booking id");
    auto& tstatus = required(st, store, "STATUS", "confirmed, copy-received, approved, published or cancelled");
    CLI::Option* tallow =
        add_flag(st, "--allow-competitor", "revive an expired hold even if a competitor is in the issue");
    st->callback([&, tallow] {
        ctx.run = [&, tallow] {
            Id id = parse_id("booking id", tid.value);
            BookingStatus to = booking_status_from(tstatus.value);
            BookingView v = BookingService(ctx.db()).change_status(BookingId{id}, to, tallow->count() > 0);
            ctx.emit(to_json(v), [&] { print_booking(v); });
        };
    });

    auto* move = booking->add_subcommand(
        "move", "move a booking to another issue (and placement), keeping its price, copy and status");
    auto& mid = required(move, store, "ID", "booking id");
    auto& mdate = required(move, store, "--date", "the new issue's date (same publication)");
    auto& mcode = add(move, store, "--placement", "the new placement's code (default: the same placement)");
    CLI::Option* mallow = add_flag(move, "--allow-competitor", "move even if a competitor is in the new issue");
    move->callback([&, mallow] {
        ctx.run = [&, mallow] {
            const Id id = parse_id("booking id", mid.value);
            const Date day = Date::parse(mdate.value);
            BookingService service(ctx.db());
            const BookingView v = service.get(BookingId{id});
            const Publication p = resolve_publication(ctx.db(), v.publication_slug);
            MoveRequest r;
            if (mcode.given()) r.placement = PlacementId{resolve_placement(ctx.db(), p, mcode.value).id};
            r.issue = IssueId{resolve_issue(ctx.db(), p, day).id};
            r.allow_competitor = mallow->count() > 0;
            const BookingView moved = service.move(BookingId{id}, r);
            ctx.emit(to_json(moved), [&] { print_booking(moved); });
        };
    });

    auto* reprice = booking->add_subcommand("price", "change the agreed price of a booking not yet invoiced");
    auto& pid = required(reprice, store, "ID", "booking id");
    auto& pamount = required(reprice, store, "AMOUNT", "the new price");
    reprice->callback([&] {
        ctx.run = [&] {
            const Id id = parse_id("booking id", pid.value);
            const Minor amount = parse_amount(pamount.value);
            const BookingView v = BookingService(ctx.db()).set_price(BookingId{id}, amount);
            ctx.emit(to_json(v), [&] { print_booking(v); });
        };
    });

    auto* order = booking->add_subcommand(
        "order", "write the insertion order (bon de commande) of bookings of one sponsor, for the sponsor to sign");
    auto& obook = required(order, store, "--bookings", "the bookings: ID,ID,...");
    auto& opdf = required(order, store, "--pdf", "PDF file to write (- for stdout)");
    order->callback([&] {
        ctx.run = [&] {
            const std::vector<BookingId> ids = parse_booking_ids(obook.value);
            const InsertionOrder o = InsertionOrderService(ctx.db()).export_pdf(ids, ctx.output(opdf.value));
            ctx.emit({{"sponsor", o.buyer.display_name},
                      {"bookings", o.lines.size()},
                      {"language", o.language},
                      {"net", format_amount(o.total_net)},
                      {"vat", format_amount(o.total_vat)},
                      {"gross", format_amount(o.total_gross)},
                      {"currency", o.currency},
                      {"pdf", opdf.value}},
                     [&] { std::cout << opdf.value << "\n"; });
        };
    });

    auto* remind = booking->add_subcommand("reminder", "print the mailto: link reminding the sponsor that copy is due");
    auto& rid = required(remind, store, "ID", "booking id");
    remind->callback([&] {
        ctx.run = [&] {
            Id id = parse_id("booking id", rid.value);
            std::string url = BookingService(ctx.db()).copy_reminder_mailto(BookingId{id});
            if (url.empty())
                throw NotFound({ErrorCode::NoContactEmail, "booking", {{"booking", id}}},
                               fmt::format("booking {}: the sponsor has no contact with an email", id));
            ctx.emit({{"id", id}, {"mailto", url}}, [&] { std::cout << url << "\n"; });
        };
    });

    auto* avail = app.add_subcommand("availability", "open slots, one line per open slot: DATE CODE PRICE");
    auto& apub = required(avail, store, "--publication", "publication slug");
    auto& afrom = required(avail, store, "--from", "first date");
    auto& ato = required(avail, store, "--to", "last date");
    avail->callback([&] {
        ctx.run = [&] {
            Date from = Date::parse(afrom.value), to = Date::parse(ato.value);
            Publication p = resolve_publication(ctx.db(), apub.value);
            auto open = BookingService(ctx.db()).availability(PublicationId{p.id}, from, to);
            nlohmann::json arr = nlohmann::json::array();
            if (ctx.json) {
                for (const auto& o : open) arr.push_back(to_json(o, p.currency));
            }
            ctx.emit(arr, [&] {
                std::string out;
                for (const auto& o : open)
                    for (int k = 0; k < o.open; ++k)
                        out += fmt::format("{} {} {}\n", o.date.iso(), o.placement_code, format_amount(o.price));
                std::cout << out;
            });
        };
    });
}

}  // namespace

REGISTER_COMMANDS(register_booking, 40);

}  // namespace sponsordesk::cli

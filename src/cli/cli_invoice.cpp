// invoice commands: drafts from bookings, issue, pay, cancel, list, show,
// export and the sponsor statement.
#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "sponsordesk/export/invoice_labels.h"
#include "sponsordesk/export/xlsx_writer.h"
#include "sponsordesk/io/output_file.h"
#include "json_output.h"
#include "resolve.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/xlsx_writer.h"
#include "sponsordesk/services/invoice_rules.h"
#include "sponsordesk/services/invoice_service.h"

namespace sponsordesk::cli {
namespace {

nlohmann::json opt_date_json(const std::optional<Date>& d) { return d ? nlohmann::json(d->iso()) : nlohmann::json(); }
nlohmann::json opt_text_json(const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(); }

nlohmann::json invoice_json(const InvoiceView& v) {
    const Invoice& inv = v.invoice;
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : v.lines)
        lines.push_back({{"position", l.position},
                         {"booking_id", l.booking_id ? nlohmann::json(*l.booking_id) : nlohmann::json()},
                         {"description", l.description},
                         {"service_date", l.service_date.iso()},
                         {"quantity", l.quantity},
                         {"unit_price", format_amount(l.unit_net)},
                         {"net", format_amount(l.net)},
                         {"vat_rate", format_rate(l.vat_rate)},
                         {"vat_category", l.vat_category},
                         {"vat", format_amount(l.vat)},
                         {"gross", format_amount(l.gross)}});
    nlohmann::json payments = nlohmann::json::array();
    for (const auto& p : v.payments)
        payments.push_back(
            {{"id", p.id}, {"amount", format_amount(p.amount)}, {"date", p.date.iso()}, {"method", p.method}});
    nlohmann::json breakdown = nlohmann::json::array();
    for (const auto& r : v.vat_breakdown)
        breakdown.push_back({{"category", r.vat_category},
                             {"rate", format_rate(r.rate)},
                             {"base", format_amount(r.base)},
                             {"vat", format_amount(r.vat)}});
    nlohmann::json refunds = nlohmann::json::array();
    for (const auto& r : v.refunds) refunds.push_back({{"amount", format_amount(r.amount)}, {"date", r.date.iso()}});
    return {{"id", inv.id},
            {"number", opt_text_json(inv.number)},
            {"kind", to_string(inv.kind)},
            {"status", to_string(v.state)},
            {"sponsor", v.sponsor_name},
            {"sponsor_id", inv.sponsor_id},
            {"order_ref", inv.order_reference},
            {"buyer_ref", inv.buyer_reference},
            {"issue_date", opt_date_json(inv.issue_date)},
            {"due_date", opt_date_json(inv.due_date)},
            {"net", format_amount(inv.net)},
            {"vat", format_amount(inv.vat)},
            {"gross", format_amount(inv.gross)},
            {"paid", format_amount(v.paid)},
            {"outstanding", format_amount(v.outstanding)},
            {"currency", inv.currency},
            {"language", inv.language},
            {"days_overdue", v.days_overdue},
            {"credited_invoice", opt_text_json(v.credited_number)},
            {"credit_note", opt_text_json(v.credit_note_number)},
            {"vat_mention", inv.vat_mention},
            {"payment_terms_days", inv.payment_terms_days},
            {"order_reference", inv.order_reference},
            {"buyer_reference", inv.buyer_reference},
            {"eur_rate",
             inv.eur_rate_micro ? nlohmann::json(format_eur_rate(*inv.eur_rate_micro, "en")) : nlohmann::json()},
            {"month_ended", v.month_ended ? nlohmann::json(v.month_ended->iso()) : nlohmann::json()},
            {"vat_breakdown", breakdown},
            {"lines", lines},
            {"payments", payments},
            {"refunds", refunds},
            {"refunded", format_amount(v.refunded)}};
}

// Art. 289 I-3 CGI: said on stderr whenever an invoice of one month is
// issued after that month ended.
void warn_month_ended(const InvoiceView& v) {
    if (v.month_ended && v.invoice.number)
        std::cerr << fmt::format(
            "warning: {} covers {} but is dated {}: an invoice for a month's services is due by the end of that "
            "month (art. 289 I-3 CGI)\n",
            *v.invoice.number, v.month_ended->iso(), v.invoice.issue_date->iso());
}

std::string name_of(const InvoiceView& v) {
    return v.invoice.number ? *v.invoice.number : fmt::format("draft #{}", v.invoice.id);
}

std::string state_text(const InvoiceView& v) {
    if (v.state == InvoiceState::Overdue)
        return fmt::format("overdue {} day{}", v.days_overdue, v.days_overdue == 1 ? "" : "s");
    return to_string(v.state);
}

void print_row(const InvoiceView& v) {
    const Invoice& inv = v.invoice;
    std::cout << fmt::format("{:>5}  {:<13} {:<11} {:<24} {:<18} {:<10} {:<10} {:>12} {:>12} {}\n", inv.id, name_of(v),
                             inv.kind == InvoiceKind::CreditNote ? "credit-note" : "invoice", v.sponsor_name,
                             state_text(v), inv.issue_date ? inv.issue_date->iso() : "-",
                             inv.due_date ? inv.due_date->iso() : "-", format_amount(inv.gross), format_amount(v.paid),
                             inv.currency);
}

void print_invoice(const InvoiceView& v) {
    const Invoice& inv = v.invoice;
    std::cout << fmt::format("{} {} (id {}) — {}\n", inv.kind == InvoiceKind::CreditNote ? "Credit note" : "Invoice",
                             name_of(v), inv.id, state_text(v));
    std::cout << "Sponsor:  " << v.sponsor_name << "\n";
    if (!inv.order_reference.empty()) std::cout << "Order:    " << inv.order_reference << "\n";
    if (!inv.buyer_reference.empty()) std::cout << "Buyer ref: " << inv.buyer_reference << "\n";
    if (inv.issue_date) std::cout << "Issued:   " << inv.issue_date->iso() << "\n";
    if (inv.kind == InvoiceKind::Invoice && inv.due_date)
        std::cout << "Due:      " << inv.due_date->iso() << " (" << inv.payment_terms_days << " days)\n";
    if (v.credited_number)
        std::cout << "Cancels:  invoice " << *v.credited_number
                  << (v.credited_date ? " of " + v.credited_date->iso() : "") << "\n";
    if (v.credit_note_number) std::cout << "Cancelled by credit note " << *v.credit_note_number << "\n";
    std::cout << "\n";
    for (const auto& l : v.lines)
        std::cout << fmt::format("{:>3}  {:<60} {:>12} {:>5}% {:<2} {:>10} {:>12}\n", l.position, l.description,
                                 format_amount(l.net), format_rate(l.vat_rate), l.vat_category, format_amount(l.vat),
                                 format_amount(l.gross));
    std::cout << "\n";
    for (const auto& r : v.vat_breakdown)
        std::cout << fmt::format("VAT {}%: base {} {}, VAT {} {}\n", format_rate(r.rate), format_amount(r.base),
                                 inv.currency, format_amount(r.vat), inv.currency);
    if (!inv.vat_mention.empty()) std::cout << inv.vat_mention << "\n";
    std::cout << fmt::format("Net {}  VAT {}  Gross {} {}\n", format_amount(inv.net), format_amount(inv.vat),
                             format_amount(inv.gross), inv.currency);
    if (inv.kind == InvoiceKind::Invoice && inv.number) {
        std::cout << fmt::format("Paid {}  Outstanding {} {}\n", format_amount(v.paid), format_amount(v.outstanding),
                                 inv.currency);
        for (const auto& p : v.payments)
            std::cout << fmt::format("  payment {}  {} {} ({})\n", p.date.iso(), format_amount(p.amount), inv.currency,
                                     p.method);
    }
}

// invoice create: a draft from a month's or the listed bookings.
void register_create(CLI::App* invoice, Context& ctx) {
    OptionStore& store = option_store();
    auto* create = invoice->add_subcommand("create", "a draft invoice of the sponsor's uninvoiced bookings");
    auto& csp = required(create, store, "--sponsor", "sponsor: exact name or id (#ID always an id)");
    auto& cmonth = add(create, store, "--month", "the bookings whose issue falls in this month (YYYY-MM)");
    auto& cbook = add(create, store, "--bookings", "these bookings: ID,ID,...");
    auto& corder = add(create, store, "--order-ref", "the sponsor's purchase order reference, printed on the invoice");
    auto& cbuyer =
        add(create, store, "--buyer-ref", "the buyer's reference (default: the sponsor's --buyer-reference)");
    create->callback([&] {
        ctx.run = [&] {
            if (cmonth.given() == cbook.given()) throw UsageError("give exactly one of --month or --bookings");
            InvoiceService service(ctx.db());
            // The values are checked before the sponsor is looked up, as they always were.
            std::optional<Month> month;
            std::vector<BookingId> ids;
            if (cmonth.given())
                month = Month::parse(cmonth.value);
            else
                ids = parse_booking_ids(cbook.value);
            InvoiceReferences refs;
            refs.order_reference = corder.value;
            refs.buyer_reference = cbuyer.opt();
            const SponsorId sponsor = sponsor_id(ctx.db(), csp.value);
            InvoiceView v = month ? service.create_for_month(sponsor, *month, refs)
                                  : service.create_for_bookings(sponsor, ids, refs);
            ctx.emit(invoice_json(v), [&] { print_invoice(v); });
        };
    });
}

// invoice line add: a free line (production fee…) on a draft.
void register_lines(CLI::App* invoice, Context& ctx) {
    OptionStore& store = option_store();
    auto* line = invoice->add_subcommand("line", "free lines of a draft invoice");
    line->require_subcommand(1);
    auto* ladd = line->add_subcommand("add", "add a free line (e.g. a production fee) to a draft invoice");
    auto& lid = required(ladd, store, "ID", "draft invoice id");
    auto& ldesc = required(ladd, store, "--description", "what the line bills, as printed on the invoice");
    auto& lamount = required(ladd, store, "--amount", "net amount (excl. VAT)");
    auto& lrate =
        add(ladd, store, "--vat-rate", "VAT rate in percent (default: the sponsor's, as the invoice's booking lines)");
    ladd->callback([&] {
        ctx.run = [&] {
            const Minor amount = parse_amount(lamount.value);
            const auto rate = lrate.given() ? std::optional(parse_rate(lrate.value)) : std::nullopt;
            InvoiceService service(ctx.db());
            InvoiceView v = service.add_line(resolve_invoice(ctx.db(), lid.value), ldesc.value, amount, rate);
            ctx.emit(invoice_json(v), [&] { print_invoice(v); });
        };
    });
}

// invoice issue / pay / cancel: the life of an invoice.
void register_lifecycle(CLI::App* invoice, Context& ctx) {
    OptionStore& store = option_store();

    auto* issue = invoice->add_subcommand("issue", "number the draft and freeze it");
    auto& iid = required(issue, store, "ID", "invoice id");
    auto& idate = add(issue, store, "--date", "issue date (default today)");
    auto& irate = add(issue, store, "--eur-rate",
                      "euros per unit of the invoice's currency (required when it is not EUR), e.g. 0.9235");
    issue->callback([&] {
        ctx.run = [&] {
            InvoiceService service(ctx.db());
            const InvoiceId id = resolve_invoice(ctx.db(), iid.value);
            const auto rate = irate.given() ? std::optional(invoice_rules::parse_eur_rate(irate.value)) : std::nullopt;
            InvoiceView v = service.issue(id, opt_date(idate.value), rate);
            warn_month_ended(v);
            ctx.emit(invoice_json(v), [&] { print_invoice(v); });
        };
    });

    // Money received on an invoice, or paid back on a credit note: the same
    // shape of command, each with its own service call.
    using MoneyRecord = InvoiceView (InvoiceService::*)(InvoiceId, Minor, const Date&);
    auto money_command = [&](const char* name, const char* what, const char* id_help, const char* amount_help,
                             const char* date_help, MoneyRecord record) {
        auto* cmd = invoice->add_subcommand(name, what);
        auto& mid = required(cmd, store, "ID", id_help);
        auto& mamount = required(cmd, store, "--amount", amount_help);
        auto& mdate = required(cmd, store, "--date", date_help);
        cmd->callback([&ctx, &mid, &mamount, &mdate, record] {
            ctx.run = [&ctx, &mid, &mamount, &mdate, record] {
                const Minor amount = parse_amount(mamount.value);
                const Date date = Date::parse(mdate.value);
                InvoiceService service(ctx.db());
                InvoiceView v = (service.*record)(resolve_invoice(ctx.db(), mid.value), amount, date);
                ctx.emit(invoice_json(v), [&] { print_invoice(v); });
            };
        });
    };
    money_command("pay", "record a payment (partial payments allowed)", "invoice id or number", "amount received",
                  "date received", &InvoiceService::pay);
    money_command("refund", "record money paid back to the sponsor on a credit note", "credit note id or number",
                  "amount paid back", "date paid back", &InvoiceService::refund);

    auto* cancel = invoice->add_subcommand("cancel", "issue the credit note of an invoice (a draft is deleted)");
    auto& xid = required(cancel, store, "ID", "invoice id or number");
    auto& xdate = add(cancel, store, "--date", "credit note date (default today)");
    cancel->callback([&] {
        ctx.run = [&] {
            InvoiceService service(ctx.db());
            CancelResult r = service.cancel(resolve_invoice(ctx.db(), xid.value), opt_date(xdate.value));
            nlohmann::json doc;
            if (r.credit_note) {
                doc = invoice_json(*r.credit_note);
            } else {
                doc = invoice_json(r.invoice);
                doc["deleted"] = true;
            }
            ctx.emit(doc, [&] {
                if (!r.credit_note) {
                    std::cout << fmt::format("draft #{} deleted; its bookings can be invoiced again\n",
                                             r.invoice.invoice.id);
                    return;
                }
                print_invoice(*r.credit_note);
                if (r.invoice.paid > 0)
                    std::cout << fmt::format("note: {} {} was paid on invoice {}: it is owed back to {}\n",
                                             format_amount(r.invoice.paid), r.invoice.invoice.currency,
                                             name_of(r.invoice), r.invoice.sponsor_name);
            });
        };
    });
}

// invoice list / show / uninvoiced: reading.
void register_listing(CLI::App* invoice, Context& ctx) {
    OptionStore& store = option_store();

    auto* list = invoice->add_subcommand("list", "list invoices and credit notes");
    auto& lsp = add(list, store, "--sponsor", "sponsor: exact name or id (#ID always an id)");
    auto& lstatus = add(list, store, "--status", "draft, issued, paid, overdue or cancelled");
    list->callback([&] {
        ctx.run = [&] {
            InvoiceQuery q;
            if (lsp.given()) q.sponsor = sponsor_id(ctx.db(), lsp.value);
            if (lstatus.given()) q.state = invoice_state_from(lstatus.value);
            auto all = InvoiceService(ctx.db()).list(q);
            nlohmann::json arr = nlohmann::json::array();
            if (ctx.json)
                for (const auto& v : all) arr.push_back(invoice_json(v));
            ctx.emit(arr, [&] {
                for (const auto& v : all) print_row(v);
            });
        };
    });

    auto* show = invoice->add_subcommand("show", "one invoice with its lines, totals and payments");
    auto& sid = required(show, store, "ID", "invoice id or number");
    show->callback([&] {
        ctx.run = [&] {
            InvoiceService service(ctx.db());
            InvoiceView v = service.get(resolve_invoice(ctx.db(), sid.value));
            ctx.emit(invoice_json(v), [&] { print_invoice(v); });
        };
    });

    auto* uninvoiced = invoice->add_subcommand("uninvoiced", "bookings of a sponsor that no invoice holds yet");
    auto& usp = required(uninvoiced, store, "--sponsor", "sponsor: exact name or id (#ID always an id)");
    auto& umonth = add(uninvoiced, store, "--month", "only this month's issues (YYYY-MM)");
    uninvoiced->callback([&] {
        ctx.run = [&] {
            std::optional<Month> month;
            if (umonth.given()) month = Month::parse(umonth.value);
            auto bookings = InvoiceService(ctx.db()).uninvoiced_bookings(sponsor_id(ctx.db(), usp.value), month);
            nlohmann::json arr = nlohmann::json::array();
            for (const auto& b : bookings) arr.push_back(to_json(b));
            ctx.emit(arr, [&] {
                for (const auto& b : bookings)
                    std::cout << fmt::format("{:>6}  {}  {:<12} {:<10} {:>10} {}\n", b.booking.id, b.issue_date.iso(),
                                             b.publication_slug, b.placement_code, format_amount(b.booking.price),
                                             b.currency);
            });
        };
    });
}

// invoice export / statement: documents written to files.
void register_documents(CLI::App* invoice, Context& ctx) {
    OptionStore& store = option_store();

    auto* exp = invoice->add_subcommand(
        "export",
        "write an invoice or credit note: its Factur-X PDF/A-3 (as issued), its CII XML, a workbook; a draft as a "
        "PDF preview marked \"not an invoice\"");
    auto& eid = required(exp, store, "ID", "invoice id or number");
    auto& epdf = add(exp, store, "--pdf", "Factur-X PDF file to write (- for stdout)");
    auto& ecii = add(exp, store, "--cii", "CII XML file to write, the e-invoice alone (- for stdout)");
    auto& exlsx = add(exp, store, "--xlsx", "workbook to write (- for stdout)");
    exp->callback([&] {
        ctx.run = [&] {
            if (!epdf.given() && !exlsx.given() && !ecii.given())
                throw UsageError("give --pdf PATH, --cii PATH and/or --xlsx PATH");
            InvoiceService service(ctx.db());
            const InvoiceId id = resolve_invoice(ctx.db(), eid.value);
            // Every target is checked first, so one bad path writes no file.
            if (epdf.given()) OutputFile::check(ctx.output(epdf.value), "invoice PDF");
            if (ecii.given()) OutputFile::check(ctx.output(ecii.value), "invoice XML");
            if (exlsx.given()) XlsxWorkbook::check_target(ctx.output(exlsx.value));
            InvoiceView v = service.get(id);
            // The XML first: its refusals (a draft's, a legacy invoice's) come
            // before any file is written.
            std::optional<InvoiceService::PdfKind> kind;
            if (ecii.given()) service.export_cii(id, ecii.value);
            if (epdf.given()) kind = service.export_pdf(id, epdf.value);
            if (exlsx.given()) service.export_xlsx(id, exlsx.value);
            if (kind == InvoiceService::PdfKind::Legacy)
                std::cerr << fmt::format(
                    "note: {} was issued before SponsorDesk made Factur-X invoices: its PDF is the plain one it was "
                    "issued as, without XML\n",
                    name_of(v));
            nlohmann::json doc = invoice_json(v);
            doc["pdf"] = epdf.given() ? nlohmann::json(epdf.value) : nlohmann::json();
            doc["cii"] = ecii.given() ? nlohmann::json(ecii.value) : nlohmann::json();
            doc["xlsx"] = exlsx.given() ? nlohmann::json(exlsx.value) : nlohmann::json();
            doc["pdf_kind"] = !kind                                       ? nlohmann::json()
                              : *kind == InvoiceService::PdfKind::FacturX ? nlohmann::json("factur-x")
                              : *kind == InvoiceService::PdfKind::Legacy  ? nlohmann::json("legacy")
                                                                          : nlohmann::json("preview");
            ctx.emit(doc, [&] {
                if (epdf.given()) std::cout << epdf.value << "\n";
                if (ecii.given()) std::cout << ecii.value << "\n";
                if (exlsx.given()) std::cout << exlsx.value << "\n";
            });
        };
    });

    auto* statement = invoice->add_subcommand("statement", "every invoice, credit note and payment of a sponsor");
    auto& stsp = required(statement, store, "--sponsor", "sponsor: exact name or id (#ID always an id)");
    auto& stx = required(statement, store, "--xlsx", "workbook to write (- for stdout)");
    auto& stcur = add(statement, store, "--currency", "currency, when the sponsor was invoiced in several");
    statement->callback([&] {
        ctx.run = [&] {
            InvoiceService service(ctx.db());
            Statement st = service.statement(sponsor_id(ctx.db(), stsp.value), stcur.opt());
            write_statement_xlsx(st, ctx.output(stx.value));
            Minor balance = st.opening_balance;
            for (const auto& row : statement_rows(st)) balance = row.balance;
            ctx.emit({{"sponsor", st.sponsor},
                      {"currency", st.currency},
                      {"entries", st.entries.size()},
                      {"balance", format_amount(balance)},
                      {"xlsx", stx.value}},
                     [&] {
                         std::cout << fmt::format("{}: {} entries, balance {} {}\n{}\n", st.sponsor, st.entries.size(),
                                                  format_amount(balance), st.currency, stx.value);
                     });
        };
    });
}

void register_invoice(CLI::App& app, Context& ctx) {
    auto* invoice = app.add_subcommand("invoice", "invoices and credit notes");
    invoice->require_subcommand(1);
    register_create(invoice, ctx);
    register_lifecycle(invoice, ctx);
    register_lines(invoice, ctx);
    register_listing(invoice, ctx);
    register_documents(invoice, ctx);
}

}  // namespace

REGISTER_COMMANDS(register_invoice, 60);

}  // namespace sponsordesk::cli

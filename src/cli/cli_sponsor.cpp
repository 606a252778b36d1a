// sponsor and contact commands.
#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "json_output.h"
#include "resolve.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/sponsor_service.h"

namespace sponsordesk::cli {
namespace {

void register_sponsor(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    auto* sponsor = app.add_subcommand("sponsor", "advertisers");
    sponsor->require_subcommand(1);

    auto* sadd = sponsor->add_subcommand("add", "add a sponsor");
    auto& name = required(sadd, store, "--name", "display name (unique)");
    auto& legal = add(sadd, store, "--legal-name", "legal name for invoices");
    auto& address = add(sadd, store, "--address", "billing address");
    auto& country = add(sadd, store, "--country", "ISO country code (default FR)");
    auto& siren = add(sadd, store, "--siren", "SIREN of a French sponsor");
    auto& vat = add(sadd, store, "--vat-number", "VAT number");
    auto& category = add(sadd, store, "--category", "category, for competitor exclusivity");
    auto& terms = add(sadd, store, "--payment-terms-days", "payment terms (default 30)");
    auto& rate = add(sadd, store, "--vat-rate", "VAT rate in percent (default 20)");
    auto& notes = add(sadd, store, "--notes", "notes");
    sadd->callback([&] {
        ctx.run = [&] {
            Sponsor s;
            s.name = name.value;
            s.legal_name = legal.value;
            s.address = address.value;
            if (country.given()) s.country = country.value;
            s.siren = siren.value;
            s.vat_number = vat.value;
            s.category = category.value;
            s.notes = notes.value;
            if (terms.given()) s.payment_terms_days = static_cast<int>(parse_int("payment terms", terms.value, 0, 365));
            if (rate.given()) s.vat_rate = parse_rate(rate.value);
            s = SponsorService(ctx.db()).add(s);
            ctx.emit(to_json(s), [&] { std::cout << s.id << "\n"; });
        };
    });

    auto* slist = sponsor->add_subcommand("list", "list sponsors");
    auto& search = add(slist, store, "--search", "text in the name, legal name or category");
    CLI::Option* archived = add_flag(slist, "--archived", "list archived sponsors instead");
    slist->callback([&, archived] {
        ctx.run = [&, archived] {
            auto list = SponsorService(ctx.db()).list(search.value, archived->count() > 0);
            nlohmann::json arr = nlohmann::json::array();
            for (const auto& s : list) arr.push_back(to_json(s));
            ctx.emit(arr, [&] {
                for (const auto& s : list)
                    std::cout << fmt::format("{:>5}  {:<30} {:<2} {:<14} {}\n", s.id, s.name, s.country, s.category,
                                             s.archived ? "(archived)" : "");
            });
        };
    });

    auto* sarch = sponsor->add_subcommand("archive", "archive a sponsor (kept for history, hidden from lists)");
    auto& aref = required(sarch, store, "SPONSOR", "sponsor: exact name or id (#ID always an id)");
    sarch->callback([&] {
        ctx.run = [&] {
            Sponsor s = SponsorService(ctx.db()).archive(sponsor_id(ctx.db(), aref.value));
            ctx.emit(to_json(s), [&] { std::cout << "archived " << s.name << "\n"; });
        };
    });

    auto* sset = sponsor->add_subcommand("set", "change fields of a sponsor (others keep their value)");
    auto& uref = required(sset, store, "SPONSOR", "sponsor: exact name or id (#ID always an id)");
    auto& uname = add(sset, store, "--name", "display name");
    auto& ulegal = add(sset, store, "--legal-name", "legal name");
    auto& uaddress = add(sset, store, "--address", "billing address");
    auto& ucountry = add(sset, store, "--country", "ISO country code");
    auto& usiren = add(sset, store, "--siren", "SIREN");
    auto& uvat = add(sset, store, "--vat-number", "VAT number");
    auto& ucat = add(sset, store, "--category", "category (empty for none)");
    auto& uterms = add(sset, store, "--payment-terms-days", "payment terms");
    auto& urate = add(sset, store, "--vat-rate", "VAT rate in percent");
    auto& unotes = add(sset, store, "--notes", "notes");
    sset->callback([&] {
        ctx.run = [&] {
            SponsorService sponsors(ctx.db());
            Sponsor s = resolve_sponsor(ctx.db(), uref.value);
            if (uname.given()) s.name = uname.value;
            if (ulegal.given()) s.legal_name = ulegal.value;
            if (uaddress.given()) s.address = uaddress.value;
            if (ucountry.given()) s.country = ucountry.value;
            if (usiren.given()) s.siren = usiren.value;
            if (uvat.given()) s.vat_number = uvat.value;
            if (ucat.given()) s.category = ucat.value;
            if (unotes.given()) s.notes = unotes.value;
            if (uterms.given())
                s.payment_terms_days = static_cast<int>(parse_int("payment terms", uterms.value, 0, 365));
            if (urate.given()) s.vat_rate = parse_rate(urate.value);
            s = sponsors.update(s);
            ctx.emit(to_json(s), [&] { std::cout << "updated " << s.name << "\n"; });
        };
    });

    auto* srest = sponsor->add_subcommand("restore", "bring an archived sponsor back");
    auto& rref = required(srest, store, "SPONSOR", "sponsor: exact name or id (#ID always an id)");
    srest->callback([&] {
        ctx.run = [&] {
            Sponsor s = SponsorService(ctx.db()).unarchive(sponsor_id(ctx.db(), rref.value));
            ctx.emit(to_json(s), [&] { std::cout << "restored " << s.name << "\n"; });
        };
    });

    auto* sdel = sponsor->add_subcommand("delete", "delete a sponsor that has no bookings nor invoices");
    auto& dref = required(sdel, store, "SPONSOR", "sponsor: exact name or id (#ID always an id)");
    sdel->callback([&] {
        ctx.run = [&] {
            Sponsor s = resolve_sponsor(ctx.db(), dref.value);
            SponsorService(ctx.db()).remove(SponsorId{s.id});
            ctx.emit({{"id", s.id}, {"deleted", true}}, [&] { std::cout << "deleted " << s.name << "\n"; });
        };
    });

    auto* contact = app.add_subcommand("contact", "people at a sponsor");
    contact->require_subcommand(1);
    auto* cadd = contact->add_subcommand("add", "add a contact");
    auto& csp = required(cadd, store, "--sponsor", "sponsor: exact name or id (#ID always an id)");
    auto& cname = required(cadd, store, "--name", "name");
    auto& email = add(cadd, store, "--email", "email");
    auto& phone = add(cadd, store, "--phone", "phone");
    auto& role = add(cadd, store, "--role", "billing, creative, sales or other (default other)");
    cadd->callback([&] {
        ctx.run = [&] {
            Contact c;
            c.name = cname.value;
            c.email = email.value;
            c.phone = phone.value;
            if (role.given()) c.role = contact_role_from(role.value);
            SponsorService sponsors(ctx.db());
            c = SponsorService::validated(c);  // bad fields are reported before an unknown sponsor
            c = sponsors.add_contact(sponsor_id(ctx.db(), csp.value), c);
            Sponsor s = sponsors.get(SponsorId{c.sponsor_id});
            ctx.emit(to_json(c, s.name), [&] { std::cout << c.id << "\n"; });
        };
    });
    auto* clist = contact->add_subcommand("list", "list a sponsor's contacts");
    auto& lsp = required(clist, store, "--sponsor", "sponsor: exact name or id (#ID always an id)");
    clist->callback([&] {
        ctx.run = [&] {
            SponsorService sponsors(ctx.db());
            Sponsor s = resolve_sponsor(ctx.db(), lsp.value);
            auto list = sponsors.contacts(SponsorId{s.id});
            nlohmann::json arr = nlohmann::json::array();
            for (const auto& c : list) arr.push_back(to_json(c, s.name));
            ctx.emit(arr, [&] {
                for (const auto& c : list)
                    std::cout << fmt::format("{:>5}  {:<24} {:<9} {:<32} {}\n", c.id, c.name, to_string(c.role),
                                             c.email, c.phone);
            });
        };
    });
}

}  // namespace

REGISTER_COMMANDS(register_sponsor, 30);

}  // namespace sponsordesk::cli

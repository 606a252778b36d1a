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

// The 2026 invoice fields, the same on sponsor add and sponsor set.
struct InvoiceFields {
    Given *line1, *line2, *postcode, *city, *siret, *einvoice, *buyer_ref, *business;

    InvoiceFields(CLI::App* app, OptionStore& store)
        : line1(&add(app, store, "--address-line", "street and number")),
          line2(&add(app, store, "--address-line2", "building, floor, PO box (may be empty)")),
          postcode(&add(app, store, "--postcode", "postcode (5 digits in France)")),
          city(&add(app, store, "--city", "city")),
          siret(&add(app, store, "--siret", "SIRET: 14 digits beginning with the SIREN, Luhn-checked")),
          einvoice(&add(app, store, "--einvoice-address",
                        "electronic invoicing address: an email, or a SIREN/SIRET (default: the SIREN of a French "
                        "business, else the billing contact's email)")),
          buyer_ref(&add(app, store, "--buyer-reference", "the sponsor's own reference, put on every invoice")),
          business(&add(app, store, "--business", "yes|no: a business (default yes) or a private person")) {}

    // Only what was given; the postal country follows --country.
    void apply(Sponsor& s) const {
        if (line1->given()) s.postal.line1 = line1->value;
        if (line2->given()) s.postal.line2 = line2->value;
        if (postcode->given()) s.postal.postcode = postcode->value;
        if (city->given()) s.postal.city = city->value;
        if (siret->given()) s.siret = siret->value;
        if (einvoice->given()) s.einvoice_address = einvoice->value;
        if (buyer_ref->given()) s.buyer_reference = buyer_ref->value;
        if (business->given()) s.business = parse_yes_no("business", business->value);
    }
};

void print_sponsor(const Sponsor& s) {
    std::cout << "id:            " << s.id << "\n"
              << "name:          " << s.name << "\n"
              << "legal name:    " << s.legal_name << "\n"
              << "address:       " << s.address << "\n"
              << "address line:  " << s.postal.line1 << "\n"
              << "address line2: " << s.postal.line2 << "\n"
              << "postcode:      " << s.postal.postcode << "\n"
              << "city:          " << s.postal.city << "\n"
              << "country:       " << s.country << "\n"
              << "business:      " << (s.business ? "yes" : "no") << "\n"
              << "SIREN:         " << s.siren << "\n"
              << "SIRET:         " << s.siret << "\n"
              << "VAT number:    " << s.vat_number << "\n"
              << "e-invoice address: " << s.einvoice_address << "\n"
              << "buyer reference: " << s.buyer_reference << "\n"
              << "category:      " << s.category << "\n"
              << "payment terms: " << s.payment_terms_days << " days\n"
              << "VAT rate:      " << format_rate(s.vat_rate) << "%\n"
              << "notes:         " << s.notes << "\n"
              << "archived:      " << (s.archived ? "yes" : "no") << "\n";
}

void register_sponsor(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    auto* sponsor = app.add_subcommand("sponsor", "advertisers");
    sponsor->require_subcommand(1);

    auto* sadd = sponsor->add_subcommand("add", "add a sponsor");
    auto& name = required(sadd, store, "--name", "display name (unique)");
    auto& legal = add(sadd, store, "--legal-name", "legal name for invoices");
    auto& address = add(sadd, store, "--address", "free-text billing address (older files; prefer the fields below)");
    auto& country = add(sadd, store, "--country", "ISO 3166 country code (default FR)");
    auto& siren = add(sadd, store, "--siren", "SIREN of a French sponsor: 9 digits, Luhn-checked");
    auto& vat = add(sadd, store, "--vat-number", "VAT number (a French one's key is checked against the SIREN)");
    const InvoiceFields fields(sadd, store);
    auto& category = add(sadd, store, "--category", "category, for competitor exclusivity");
    auto& terms = add(sadd, store, "--payment-terms-days", "payment terms (default 30)");
    auto& rate = add(sadd, store, "--vat-rate", "VAT rate in percent (default 20)");
    auto& notes = add(sadd, store, "--notes", "notes");
    sadd->callback([&, fields] {
        ctx.run = [&, fields] {
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
            fields.apply(s);
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
    auto& uaddress = add(sset, store, "--address", "free-text billing address (older files; prefer the fields below)");
    auto& ucountry = add(sset, store, "--country", "ISO 3166 country code");
    auto& usiren = add(sset, store, "--siren", "SIREN: 9 digits, Luhn-checked");
    auto& uvat = add(sset, store, "--vat-number", "VAT number (a French one's key is checked against the SIREN)");
    const InvoiceFields ufields(sset, store);
    auto& ucat = add(sset, store, "--category", "category (empty for none)");
    auto& uterms = add(sset, store, "--payment-terms-days", "payment terms");
    auto& urate = add(sset, store, "--vat-rate", "VAT rate in percent");
    auto& unotes = add(sset, store, "--notes", "notes");
    sset->callback([&, ufields] {
        ctx.run = [&, ufields] {
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
            ufields.apply(s);
            s = sponsors.update(s);
            ctx.emit(to_json(s), [&] { std::cout << "updated " << s.name << "\n"; });
        };
    });

    auto* sshow = sponsor->add_subcommand("show", "print a sponsor's fields");
    auto& shref = required(sshow, store, "SPONSOR", "sponsor: exact name or id (#ID always an id)");
    sshow->callback([&] {
        ctx.run = [&] {
            const Sponsor s = resolve_sponsor(ctx.db(), shref.value);
            ctx.emit(to_json(s), [&] { print_sponsor(s); });
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

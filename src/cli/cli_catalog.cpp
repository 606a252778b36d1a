// publisher, publication, placement and house-ad commands.
#include <iostream>

#include <fmt/format.h>

#include "cli.h"
#include "json_output.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/catalog_service.h"

namespace sponsordesk::cli {
namespace {

void print_publisher(const Publisher& p) {
    std::cout << "name:          " << p.name << "\n"
              << "address:       " << p.address << "\n"
              << "address line:  " << p.postal.line1 << "\n"
              << "address line2: " << p.postal.line2 << "\n"
              << "postcode:      " << p.postal.postcode << "\n"
              << "city:          " << p.postal.city << "\n"
              << "country:       " << p.postal.country << "\n"
              << "SIREN:         " << p.siren << "\n"
              << "SIRET:         " << p.siret << "\n"
              << "legal form:    " << p.legal_form << "\n"
              << "share capital: " << (p.share_capital < 0 ? std::string() : format_amount(p.share_capital) + " EUR")
              << "\n"
              << "registry:      " << p.registry << "\n"
              << "e-invoice address: " << p.einvoice_address << "\n"
              << "VAT on debits: " << (p.vat_on_debits ? "yes" : "no") << "\n"
              << "VAT regime:    " << to_string(p.vat_regime) << "\n"
              << "VAT number:    " << p.vat_number << "\n"
              << "IBAN / BIC:    " << p.iban << " / " << p.bic << "\n"
              << "email:         " << p.email << "\n"
              << "payment terms: " << p.payment_terms_days << " days\n"
              << "footer:        " << p.footer << "\n";
}

// publisher set / show: the seller's profile.
void register_publisher(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    auto* publisher = app.add_subcommand("publisher", "the publisher that sells the slots and signs the invoices");
    publisher->require_subcommand(1);
    auto* pset = publisher->add_subcommand("set", "set fields of the publisher profile (others keep their value)");
    auto& name = add(pset, store, "--name", "legal name");
    auto& address = add(pset, store, "--address",
                        "free-text postal address of older files, shown while the "
                        "structured address below is empty");
    auto& line1 = add(pset, store, "--address-line", "street and number");
    auto& line2 = add(pset, store, "--address-line2", "building, floor, PO box (may be empty)");
    auto& postcode = add(pset, store, "--postcode", "postcode (5 digits in France)");
    auto& city = add(pset, store, "--city", "city");
    auto& country = add(pset, store, "--country", "ISO 3166 country code (default FR)");
    auto& siren = add(pset, store, "--siren", "SIREN: 9 digits, Luhn-checked");
    auto& siret = add(pset, store, "--siret", "SIRET: 14 digits beginning with the SIREN, Luhn-checked");
    auto& legal_form = add(pset, store, "--legal-form", "legal form printed on invoices: SAS, SARL, EI…");
    auto& capital =
        add(pset, store, "--share-capital", "share capital in EUR, e.g. 10000 or 1500,50 (empty for none, e.g. an EI)");
    auto& registry =
        add(pset, store, "--registry", "registry: \"RCS Lyon\", \"RM 69\" or \"Dispensé d'immatriculation\"");
    auto& einvoice = add(pset, store, "--einvoice-address",
                         "electronic invoicing address: an email, or a SIREN/SIRET (default: the SIREN)");
    auto& debits = add(pset, store, "--vat-on-debits", "yes|no: option for paying VAT on debits");
    auto& regime = add(pset, store, "--vat-regime", "normal|franchise (franchise: art. 293 B du CGI, no VAT)");
    auto& vat = add(pset, store, "--vat-number", "intra-community VAT number, e.g. FR44732829320 (key checked)");
    auto& iban = add(pset, store, "--iban", "IBAN for payments");
    auto& bic = add(pset, store, "--bic", "BIC for payments");
    auto& email = add(pset, store, "--email", "billing email");
    auto& terms = add(pset, store, "--payment-terms-days", "default payment terms in days");
    auto& footer = add(pset, store, "--footer", "text printed at the foot of invoices");
    pset->callback([&] {
        ctx.run = [&] {
            PublisherChanges c;
            c.name = name.opt();
            c.address = address.opt();
            c.siren = siren.opt();
            c.vat_number = vat.opt();
            c.address_line1 = line1.opt();
            c.address_line2 = line2.opt();
            c.postcode = postcode.opt();
            c.city = city.opt();
            c.country = country.opt();
            c.siret = siret.opt();
            c.legal_form = legal_form.opt();
            c.registry = registry.opt();
            c.einvoice_address = einvoice.opt();
            if (capital.given()) c.share_capital = capital.value.empty() ? Minor{-1} : parse_amount(capital.value);
            if (debits.given()) c.vat_on_debits = parse_yes_no("VAT on debits", debits.value);
            if (regime.given()) c.vat_regime = vat_regime_from(regime.value);
            c.iban = iban.opt();
            c.bic = bic.opt();
            c.email = email.opt();
            c.footer = footer.opt();
            if (terms.given()) c.payment_terms_days = parse_int("payment terms", terms.value, 0, 365);
            Publisher p = CatalogService(ctx.db()).update_publisher(c);
            ctx.emit(to_json(p), [&] { print_publisher(p); });
        };
    });
    auto* pshow = publisher->add_subcommand("show", "print the publisher profile");
    pshow->callback([&] {
        ctx.run = [&] {
            Publisher p = CatalogService(ctx.db()).publisher();
            ctx.emit(to_json(p), [&] { print_publisher(p); });
        };
    });
}

// publication add / list / set.
void register_publication(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    auto* publication = app.add_subcommand("publication", "newsletters");
    publication->require_subcommand(1);
    auto* padd = publication->add_subcommand("add", "add a newsletter");
    auto& pname = required(padd, store, "--name", "name, e.g. \"Le Brief Tech\"");
    auto& pslug = required(padd, store, "--slug", "short id used on the command line and in UTM tags");
    auto& currency = add(padd, store, "--currency", "ISO 4217 currency (default EUR)");
    auto& language = add(padd, store, "--language", "fr or en (default fr)");
    auto& cadence = add(padd, store, "--cadence", "weekdays it is sent (default mon,tue,wed,thu,fri)");
    auto& wpm = add(padd, store, "--words-per-minute", "reading speed (default 230)");
    auto& deadline = add(padd, store, "--copy-deadline-days", "days before the issue that copy is due (default 3)");
    padd->callback([&] {
        ctx.run = [&] {
            Publication p;
            p.name = pname.value;
            p.slug = pslug.value;
            if (currency.given()) p.currency = currency.value;
            if (language.given()) p.language = language.value;
            if (cadence.given()) p.cadence = cadence_from_text(cadence.value);
            if (wpm.given()) p.words_per_minute = static_cast<int>(parse_int("words per minute", wpm.value, 50, 1000));
            if (deadline.given())
                p.copy_deadline_days = static_cast<int>(parse_int("copy deadline days", deadline.value, 0, 90));
            p = CatalogService(ctx.db()).add_publication(p);
            ctx.emit(to_json(p), [&] { std::cout << p.id << "\n"; });
        };
    });
    auto* plist = publication->add_subcommand("list", "list the newsletters");
    plist->callback([&] {
        ctx.run = [&] {
            auto pubs = CatalogService(ctx.db()).publications();
            nlohmann::json arr = nlohmann::json::array();
            for (const auto& p : pubs) arr.push_back(to_json(p));
            ctx.emit(arr, [&] {
                for (const auto& p : pubs)
                    std::cout << fmt::format("{:<16} {:<30} {} {} {} {} wpm, copy {} days before\n", p.slug, p.name,
                                             p.language, p.currency, cadence_to_text(p.cadence), p.words_per_minute,
                                             p.copy_deadline_days);
            });
        };
    });

    auto* pupd = publication->add_subcommand("set", "change a newsletter (the slug stays)");
    auto& uslug = required(pupd, store, "SLUG", "publication slug");
    auto& uname = add(pupd, store, "--name", "name");
    auto& ucurrency = add(pupd, store, "--currency", "ISO 4217 currency (only before any booking)");
    auto& ulanguage = add(pupd, store, "--language", "fr or en");
    auto& ucadence = add(pupd, store, "--cadence", "weekdays it is sent");
    auto& uwpm = add(pupd, store, "--words-per-minute", "reading speed");
    auto& udeadline = add(pupd, store, "--copy-deadline-days", "days before the issue that copy is due");
    pupd->callback([&] {
        ctx.run = [&] {
            CatalogService catalog(ctx.db());
            Publication p = catalog.publication(uslug.value);
            if (uname.given()) p.name = uname.value;
            if (ucurrency.given()) p.currency = ucurrency.value;
            if (ulanguage.given()) p.language = ulanguage.value;
            if (ucadence.given()) p.cadence = cadence_from_text(ucadence.value);
            if (uwpm.given())
                p.words_per_minute = static_cast<int>(parse_int("words per minute", uwpm.value, 50, 1000));
            if (udeadline.given())
                p.copy_deadline_days = static_cast<int>(parse_int("copy deadline days", udeadline.value, 0, 90));
            p = catalog.update_publication(p);
            ctx.emit(to_json(p), [&] { std::cout << "updated " << p.slug << "\n"; });
        };
    });
}

// placement add / set / list.
void register_placement(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    auto* placement = app.add_subcommand("placement", "kinds of slot that every issue offers");
    placement->require_subcommand(1);
    auto* ladd = placement->add_subcommand("add", "add a placement to a publication");
    auto& lpub = required(ladd, store, "--publication", "publication slug");
    auto& code = required(ladd, store, "--code", "code used in drafts as {{slot:CODE}}");
    auto& lname = required(ladd, store, "--name", "name, e.g. \"Main sponsor\"");
    auto& price = required(ladd, store, "--price", "list price, e.g. 1500 or 1500,00");
    auto& heading = add(ladd, store, "--heading", "heading printed above the copy");
    auto& maxw = add(ladd, store, "--max-words", "maximum words of copy (0 = no limit)");
    auto& slots = add(ladd, store, "--slots", "slots per issue (default 1)");
    auto& position = add(ladd, store, "--position", "order in the issue (default: after the others)");
    ladd->callback([&] {
        ctx.run = [&] {
            Placement p;
            p.code = code.value;
            p.name = lname.value;
            p.price = parse_amount(price.value);
            p.heading = heading.value;
            if (maxw.given()) p.max_words = static_cast<int>(parse_int("maximum words", maxw.value, 0, 5000));
            if (slots.given()) p.slots = static_cast<int>(parse_int("slots per issue", slots.value, 1, 50));
            if (position.given()) p.position = static_cast<int>(parse_int("position", position.value, -1000, 1000));
            CatalogService catalog(ctx.db());
            p = catalog.add_placement(lpub.value, p);
            Publication pub = catalog.publication(lpub.value);
            ctx.emit(to_json(p, pub, std::nullopt), [&] { std::cout << p.id << "\n"; });
        };
    });
    auto* lupd = placement->add_subcommand("set", "change a placement (the code stays)");
    auto& upub = required(lupd, store, "--publication", "publication slug");
    auto& ucode = required(lupd, store, "--code", "placement code");
    auto& ulname = add(lupd, store, "--name", "name");
    auto& uprice = add(lupd, store, "--price", "list price for new bookings");
    auto& uheading = add(lupd, store, "--heading", "heading printed above the copy");
    auto& umaxw = add(lupd, store, "--max-words", "maximum words of copy (0 = no limit)");
    auto& uslots = add(lupd, store, "--slots", "slots per issue");
    auto& uposition = add(lupd, store, "--position", "order in the issue");
    auto& uactive = add(lupd, store, "--active", "yes or no: whether issues still offer it");
    lupd->callback([&] {
        ctx.run = [&] {
            CatalogService catalog(ctx.db());
            Publication pub = catalog.publication(upub.value);
            Placement p = catalog.placement(pub, ucode.value);
            if (ulname.given()) p.name = ulname.value;
            if (uprice.given()) p.price = parse_amount(uprice.value);
            if (uheading.given()) p.heading = uheading.value;
            if (umaxw.given()) p.max_words = static_cast<int>(parse_int("maximum words", umaxw.value, 0, 5000));
            if (uslots.given()) p.slots = static_cast<int>(parse_int("slots per issue", uslots.value, 1, 50));
            if (uposition.given()) p.position = static_cast<int>(parse_int("position", uposition.value, -1000, 1000));
            if (uactive.given()) {
                if (uactive.value != "yes" && uactive.value != "no")
                    throw InvalidInput({ErrorCode::InvalidChoice,
                                        "active",
                                        {{"value", uactive.value}, {"choices", std::vector<std::string>{"yes", "no"}}}},
                                       fmt::format("--active {} is not yes or no", quote_value(uactive.value)));
                p.active = uactive.value == "yes";
            }
            p = catalog.update_placement(p);
            ctx.emit(to_json(p, pub, catalog.house_ad(p.id)), [&] { std::cout << "updated " << p.code << "\n"; });
        };
    });

    auto* llist = placement->add_subcommand("list", "list the placements of a publication");
    auto& llpub = required(llist, store, "--publication", "publication slug");
    llist->callback([&] {
        ctx.run = [&] {
            CatalogService catalog(ctx.db());
            Publication pub = catalog.publication(llpub.value);
            auto pls = catalog.placements(llpub.value);
            nlohmann::json arr = nlohmann::json::array();
            for (const auto& p : pls) arr.push_back(to_json(p, pub, catalog.house_ad(p.id)));
            ctx.emit(arr, [&] {
                for (const auto& p : pls)
                    std::cout << fmt::format("{:<12} {:<28} {:>10} {}  {} slot{}  {} words max{}{}\n", p.code, p.name,
                                             format_amount(p.price), pub.currency, p.slots, p.slots > 1 ? "s" : "",
                                             p.max_words, p.active ? "" : "  (inactive)",
                                             catalog.house_ad(p.id) ? "  house ad set" : "");
            });
        };
    });
}

// house-ad set.
void register_house_ad(CLI::App& app, Context& ctx) {
    OptionStore& store = option_store();
    auto* house = app.add_subcommand("house-ad", "the publisher's own copy for unsold slots");
    house->require_subcommand(1);
    auto* hset = house->add_subcommand("set", "set the house ad of a placement");
    auto& hpub = required(hset, store, "--publication", "publication slug");
    auto& hcode = required(hset, store, "--placement", "placement code");
    auto& htext = add(hset, store, "--text", "the copy (Markdown)");
    auto& hfile = add(hset, store, "--file", "read the copy from this file (a regular file, at most 1 MB)");
    hset->callback([&] {
        ctx.run = [&] {
            std::string body = text_or_file(htext.value, hfile.value, htext.given(), hfile.given());
            CatalogService catalog(ctx.db());
            catalog.set_house_ad(hpub.value, hcode.value, body);
            Publication pub = catalog.publication(hpub.value);
            Placement pl = catalog.placement(pub, hcode.value);
            ctx.emit(to_json(pl, pub, catalog.house_ad(pl.id)),
                     [&] { std::cout << "house ad set for " << pub.slug << " " << pl.code << "\n"; });
        };
    });
}

void register_catalog(CLI::App& app, Context& ctx) {
    register_publisher(app, ctx);
    register_publication(app, ctx);
    register_placement(app, ctx);
    register_house_ad(app, ctx);
}

}  // namespace

REGISTER_COMMANDS(register_catalog, 10);

}  // namespace sponsordesk::cli

#include "sponsordesk/services/catalog_service.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/validation.h"
#include "sponsordesk/drafts/copy_rules.h"
#include "sponsordesk/storage/catalog_repository.h"

#include "activity_log.h"

namespace sponsordesk {

Publisher CatalogService::publisher() { return CatalogRepository(db_).publisher(); }

Publisher CatalogService::update_publisher(const PublisherChanges& c) {
    WriteTransaction tx(db_);
    CatalogRepository repo(db_);
    Publisher p = repo.publisher();
    const Publisher old = p;
    if (c.name) p.name = validate::name("publisher name", *c.name);
    if (c.address) p.address = validate::text("address", *c.address, 1000);
    if (c.siren) p.siren = validate::siren(*c.siren);
    if (c.siret) p.siret = validate::siret(*c.siret);
    if (c.vat_number) p.vat_number = validate::vat_number(*c.vat_number);
    if (c.siret && !c.siren && p.siren.empty() && !p.siret.empty()) p.siren = p.siret.substr(0, 9);
    // Checked when either side changes, so that an old file's values do not
    // block an unrelated change.
    if (c.siren || c.siret) validate::siret_of_siren(p.siret, p.siren);
    if (c.siren || c.vat_number) validate::vat_of_siren(p.vat_number, p.siren);
    if (c.address_line1) p.postal.line1 = *c.address_line1;
    if (c.address_line2) p.postal.line2 = *c.address_line2;
    if (c.postcode) p.postal.postcode = *c.postcode;
    if (c.city) p.postal.city = *c.city;
    if (c.country) p.postal.country = *c.country;
    if (c.address_line1 || c.address_line2 || c.postcode || c.city || c.country)
        p.postal = validate::postal_address(p.postal);
    if (c.legal_form) p.legal_form = validate::line("legal form", *c.legal_form, 100);
    if (c.registry) p.registry = validate::line("registry", *c.registry, 200);
    if (c.einvoice_address) p.einvoice_address = validate::einvoice_address(*c.einvoice_address);
    if (c.share_capital) {
        if (*c.share_capital < -1)
            throw InvalidInput(
                {ErrorCode::NegativeAmount, "share_capital", {{"value", format_amount(*c.share_capital)}}},
                fmt::format("share capital {} is negative", format_amount(*c.share_capital)));
        p.share_capital = *c.share_capital;
    }
    if (c.vat_on_debits) p.vat_on_debits = *c.vat_on_debits;
    if (c.vat_regime) p.vat_regime = *c.vat_regime;
    if (c.iban) p.iban = validate::iban(*c.iban);
    if (c.bic) p.bic = validate::bic(*c.bic);
    if (c.email) p.email = validate::email(*c.email);
    if (c.footer) p.footer = validate::text("footer", *c.footer, 2000);
    if (c.payment_terms_days) p.payment_terms_days = validate::integer("payment terms", *c.payment_terms_days, 0, 365);
    repo.save_publisher(p);
    activity_log::Changes ch;
    ch.value("name", old.name, p.name);
    ch.text("address", old.address, p.address);
    ch.address("postal address", old.postal, p.postal);
    ch.value("SIREN", old.siren, p.siren);
    ch.value("SIRET", old.siret, p.siret);
    ch.value("legal form", old.legal_form, p.legal_form);
    ch.value("share capital", old.share_capital < 0 ? "" : format_amount(old.share_capital),
             p.share_capital < 0 ? "" : format_amount(p.share_capital));
    ch.value("registry", old.registry, p.registry);
    ch.value("e-invoice address", old.einvoice_address, p.einvoice_address);
    ch.flag("VAT on debits", old.vat_on_debits, p.vat_on_debits);
    ch.value("VAT regime", to_string(old.vat_regime), to_string(p.vat_regime));
    ch.value("VAT number", old.vat_number, p.vat_number);
    ch.value("IBAN", old.iban, p.iban);
    ch.value("BIC", old.bic, p.bic);
    ch.value("email", old.email, p.email);
    ch.number("payment terms", old.payment_terms_days, p.payment_terms_days);
    ch.text("footer", old.footer, p.footer);
    activity_log::record_changes(db_, "publisher set", activity_log::kPublisher, std::nullopt, "", ch);
    tx.commit();
    return p;
}

namespace {

Publication validated(Publication p) {
    p.name = validate::name("publication name", p.name);
    p.slug = validate::slug(p.slug);
    p.language = validate::language(p.language);
    p.currency = validate::currency(p.currency);
    if (p.cadence == 0 || p.cadence > 0x7F)
        throw InvalidInput({ErrorCode::Empty, "cadence", {}}, "cadence is empty: name at least one weekday");
    validate::integer("words per minute", p.words_per_minute, 50, 1000);
    validate::integer("copy deadline days", p.copy_deadline_days, 0, 90);
    return p;
}

Placement validated(Placement p) {
    p.code = validate::placement_code(p.code);
    p.name = validate::name("placement name", p.name);
    p.heading = validate::text("heading", p.heading, 200);
    validate::integer("maximum words", p.max_words, 0, 5000);
    validate::integer("slots per issue", p.slots, 1, 50);
    validate::integer("position", p.position, -1000, 1000);
    return p;
}

}  // namespace

Publication CatalogService::update_publication(Publication p) {
    p = validated(std::move(p));
    WriteTransaction tx(db_);
    CatalogRepository repo(db_);
    auto old = repo.publication(p.id);
    if (!old)
        throw NotFound({ErrorCode::PublicationNotFound, "publication", {{"id", p.id}}},
                       fmt::format("no publication with id {}", p.id));
    if (old->slug != p.slug)
        throw InvalidInput({ErrorCode::SlugLocked, "slug", {{"publication", old->slug}}},
                           fmt::format("the slug of {} cannot change (scripts and UTM tags use it)", old->slug));
    if (old->currency != p.currency && repo.publication_has_bookings(p.id))
        throw Conflict({ErrorCode::CurrencyLocked, "currency", {{"publication", p.slug}, {"currency", old->currency}}},
                       fmt::format("{} has bookings priced in {}: its currency cannot change", p.slug, old->currency));
    repo.update_publication(p);
    activity_log::Changes ch;
    ch.value("name", old->name, p.name);
    ch.value("language", old->language, p.language);
    ch.value("currency", old->currency, p.currency);
    ch.value("cadence", cadence_to_text(old->cadence), cadence_to_text(p.cadence));
    ch.number("words per minute", old->words_per_minute, p.words_per_minute);
    ch.number("copy deadline days", old->copy_deadline_days, p.copy_deadline_days);
    activity_log::record_changes(db_, "publication set", activity_log::kPublication, p.id, p.slug, ch);
    tx.commit();
    return p;
}

Placement CatalogService::update_placement(Placement p) {
    p = validated(std::move(p));
    WriteTransaction tx(db_);
    CatalogRepository repo(db_);
    auto old = repo.placement(p.id);
    if (!old)
        throw NotFound({ErrorCode::PlacementNotFound, "placement", {{"id", p.id}}},
                       fmt::format("no placement with id {}", p.id));
    if (old->code != p.code || old->publication_id != p.publication_id)
        throw InvalidInput({ErrorCode::CodeLocked, "code", {{"placement", old->code}}},
                           fmt::format("the code of placement {} cannot change (drafts use it)", old->code));
    if (const int used = repo.highest_slot_in_use(p.id); p.slots < used)
        throw Conflict({ErrorCode::SlotsInUse, "slots", {{"placement", p.code}, {"slot", std::int64_t{used}}}},
                       fmt::format("placement {} has a booking in slot {}: it cannot offer fewer slots", p.code, used));
    repo.update_placement(p);
    activity_log::Changes ch;
    ch.value("name", old->name, p.name);
    ch.value("heading", old->heading, p.heading);
    ch.value("price", format_amount(old->price), format_amount(p.price));
    ch.number("max words", old->max_words, p.max_words);
    ch.number("slots", old->slots, p.slots);
    ch.number("position", old->position, p.position);
    ch.flag("active", old->active, p.active);
    activity_log::record_changes(db_, "placement set", activity_log::kPlacement, p.id, p.code, ch);
    tx.commit();
    return p;
}

Publication CatalogService::add_publication(Publication p) {
    p = validated(std::move(p));
    WriteTransaction tx(db_);
    CatalogRepository repo(db_);
    if (repo.publication_by_slug(p.slug))
        throw Conflict({ErrorCode::SlugTaken, "slug", {{"value", p.slug}}},
                       fmt::format("publication slug {} is already in use", quote_value(p.slug)));
    p.id = repo.insert_publication(p);
    activity_log::record(db_, "publication add", activity_log::kPublication, p.id,
                         fmt::format("{} ({}), {}, {}", p.slug, p.name, p.currency, cadence_to_text(p.cadence)));
    tx.commit();
    return p;
}

std::vector<Publication> CatalogService::publications() { return CatalogRepository(db_).publications(); }

Publication CatalogService::publication(const std::string& slug) {
    auto p = CatalogRepository(db_).publication_by_slug(slug);
    if (!p)
        throw NotFound({ErrorCode::PublicationNotFound, "publication", {{"value", slug}}},
                       fmt::format("no publication with slug {}", quote_value(slug)));
    return *p;
}

Publication CatalogService::publication(PublicationId id) {
    auto p = CatalogRepository(db_).publication(id.value);
    if (!p)
        throw NotFound({ErrorCode::PublicationNotFound, "publication", {{"id", id.value}}},
                       fmt::format("no publication with id {}", id.value));
    return *p;
}

Placement CatalogService::placement(PlacementId id) {
    auto p = CatalogRepository(db_).placement(id.value);
    if (!p)
        throw NotFound({ErrorCode::PlacementNotFound, "placement", {{"id", id.value}}},
                       fmt::format("no placement with id {}", id.value));
    return *p;
}

Placement CatalogService::add_placement(const std::string& publication_slug, Placement p) {
    p = validated(std::move(p));
    WriteTransaction tx(db_);
    CatalogRepository repo(db_);
    Publication pub = publication(publication_slug);
    if (repo.placement(pub.id, p.code))
        throw Conflict({ErrorCode::CodeTaken, "code", {{"value", p.code}, {"publication", pub.slug}}},
                       fmt::format("placement code {} already exists in {}", quote_value(p.code), pub.slug));
    p.publication_id = pub.id;
    if (p.position == 0) p.position = static_cast<int>(repo.placements(pub.id).size()) + 1;
    p.id = repo.insert_placement(p);
    activity_log::record(db_, "placement add", activity_log::kPlacement, p.id,
                         fmt::format("{} {} ({}), {}, {} slot{}", pub.slug, p.code, p.name,
                                     activity_log::money(p.price, pub.currency), p.slots, p.slots == 1 ? "" : "s"));
    tx.commit();
    return p;
}

std::vector<Placement> CatalogService::placements(const std::string& publication_slug) {
    Publication pub = publication(publication_slug);
    return CatalogRepository(db_).placements(pub.id);
}

Placement CatalogService::placement(const Publication& pub, const std::string& code) {
    auto p = CatalogRepository(db_).placement(pub.id, code);
    if (!p)
        throw NotFound({ErrorCode::PlacementNotFound, "placement", {{"value", code}, {"publication", pub.slug}}},
                       fmt::format("no placement {} in publication {}", quote_value(code), pub.slug));
    return *p;
}

void CatalogService::set_house_ad(const std::string& publication_slug, const std::string& code,
                                  const std::string& text) {
    std::string body = validate::text("house ad", text, 20000);
    if (body.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InvalidInput({ErrorCode::Empty, "house_ad", {}}, "house ad text is empty");
    validate_copy_links(body, "");
    WriteTransaction tx(db_);
    Placement pl = placement(publication(publication_slug), code);
    if (pl.max_words > 0) {
        int words = count_words(body);
        if (words > pl.max_words)
            throw InvalidInput(
                {ErrorCode::WordLimit,
                 "house_ad",
                 {{"words", std::int64_t{words}}, {"max", std::int64_t{pl.max_words}}, {"placement", pl.code}}},
                fmt::format("house ad has {} words; placement {} allows at most {}", words, pl.code, pl.max_words));
    }
    CatalogRepository(db_).set_house_ad(pl.id, body);
    activity_log::record(db_, "house-ad set", activity_log::kPlacement, pl.id,
                         fmt::format("{} {}: house ad of {} words", publication_slug, pl.code, count_words(body)));
    tx.commit();
}

std::optional<std::string> CatalogService::house_ad(Id placement_id) {
    return CatalogRepository(db_).house_ad(placement_id);
}

}  // namespace sponsordesk

#include "sponsordesk/services/sponsor_service.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/validation.h"
#include "sponsordesk/storage/sponsor_repository.h"

#include "activity_log.h"

namespace sponsordesk {

Sponsor SponsorService::validated(Sponsor s) {
    s.name = validate::name("sponsor name", s.name);
    if (!s.legal_name.empty()) s.legal_name = validate::name("legal name", s.legal_name);
    s.address = validate::text("address", s.address, 1000);
    s.country = validate::country(s.country);
    // The postal country is the sponsor's country: one value, two views.
    s.postal.country = s.country;
    s.postal = validate::postal_address(s.postal);
    s.siren = validate::siren(s.siren);
    s.siret = validate::siret(s.siret);
    if (s.siren.empty() && !s.siret.empty()) s.siren = s.siret.substr(0, 9);
    validate::siret_of_siren(s.siret, s.siren);
    s.vat_number = validate::vat_number(s.vat_number);
    validate::vat_of_siren(s.vat_number, s.siren);
    s.einvoice_address = validate::einvoice_address(s.einvoice_address);
    s.buyer_reference = validate::line("buyer reference", s.buyer_reference, 100);
    if (!s.category.empty()) s.category = validate::name("category", s.category, 80);
    validate::integer("payment terms", s.payment_terms_days, 0, 365);
    validate::integer("VAT rate", s.vat_rate, 0, 10000);
    s.notes = validate::text("notes", s.notes, 10000);
    return s;
}

Sponsor SponsorService::add(Sponsor s) {
    s = validated(std::move(s));
    WriteTransaction tx(db_);
    SponsorRepository repo(db_);
    if (auto other = repo.find_by_name_key(s.name))
        throw Conflict({ErrorCode::NameTaken, "name", {{"value", s.name}}},
                       fmt::format("a sponsor named {} already exists", quote_value(other->name)));
    s.id = repo.insert(s);
    activity_log::record(db_, "sponsor add", activity_log::kSponsor, s.id, s.name);
    tx.commit();
    return s;
}

Sponsor SponsorService::update(Sponsor s) {
    s = validated(std::move(s));
    WriteTransaction tx(db_);
    SponsorRepository repo(db_);
    const Sponsor old = get(SponsorId{s.id});
    if (auto other = repo.find_by_name_key(s.name); other && other->id != s.id)
        throw Conflict({ErrorCode::NameTaken, "name", {{"value", s.name}}},
                       fmt::format("a sponsor named {} already exists", quote_value(other->name)));
    repo.update(s);
    activity_log::Changes c;
    c.value("name", old.name, s.name);
    c.value("legal name", old.legal_name, s.legal_name);
    c.text("address", old.address, s.address);
    c.address("postal address", old.postal, s.postal);
    c.value("country", old.country, s.country);
    c.value("SIREN", old.siren, s.siren);
    c.value("SIRET", old.siret, s.siret);
    c.value("VAT number", old.vat_number, s.vat_number);
    c.value("e-invoice address", old.einvoice_address, s.einvoice_address);
    c.value("buyer reference", old.buyer_reference, s.buyer_reference);
    c.flag("business", old.business, s.business);
    c.value("category", old.category, s.category);
    c.number("payment terms", old.payment_terms_days, s.payment_terms_days);
    c.value("VAT rate", format_rate(old.vat_rate), format_rate(s.vat_rate));
    c.text("notes", old.notes, s.notes);
    activity_log::record_changes(db_, "sponsor set", activity_log::kSponsor, s.id, s.name, c);
    tx.commit();
    return s;
}

Sponsor SponsorService::get(SponsorId id) {
    auto s = SponsorRepository(db_).find(id.value);
    if (!s)
        throw NotFound({ErrorCode::SponsorNotFound, "sponsor", {{"id", id.value}}},
                       fmt::format("no sponsor with id {}", id.value));
    return *s;
}

std::optional<Sponsor> SponsorService::find(SponsorId id) { return SponsorRepository(db_).find(id.value); }

std::optional<Sponsor> SponsorService::find_by_name(const std::string& exact_name) {
    return SponsorRepository(db_).find_by_name(exact_name);
}

std::vector<Sponsor> SponsorService::list(const std::string& search, bool archived) {
    return SponsorRepository(db_).list(search, archived);
}

Sponsor SponsorService::archive(SponsorId id) {
    WriteTransaction tx(db_);
    Sponsor s = get(id);
    SponsorRepository(db_).set_archived(s.id, true);
    activity_log::record(db_, "sponsor archive", activity_log::kSponsor, s.id, s.name);
    tx.commit();
    s.archived = true;
    return s;
}

Sponsor SponsorService::unarchive(SponsorId id) {
    WriteTransaction tx(db_);
    Sponsor s = get(id);
    SponsorRepository(db_).set_archived(s.id, false);
    activity_log::record(db_, "sponsor restore", activity_log::kSponsor, s.id, s.name);
    tx.commit();
    s.archived = false;
    return s;
}

void SponsorService::remove(SponsorId id) {
    WriteTransaction tx(db_);
    Sponsor s = get(id);
    SponsorRepository repo(db_);
    if (repo.has_bookings_or_invoices(s.id))
        throw Conflict({ErrorCode::HasHistory, "sponsor", {{"sponsor", s.name}}},
                       fmt::format("sponsor {} has bookings or invoices and cannot be deleted; archive it instead",
                                   quote_value(s.name)));
    repo.remove(s.id);
    activity_log::record(db_, "sponsor remove", activity_log::kSponsor, s.id, s.name);
    tx.commit();
}

Contact SponsorService::validated(Contact c) {
    c.name = validate::name("contact name", c.name);
    c.email = validate::email(c.email);
    c.phone = validate::phone(c.phone);
    return c;
}

Contact SponsorService::add_contact(SponsorId sponsor, Contact c) {
    c = validated(std::move(c));
    WriteTransaction tx(db_);
    const Sponsor s = get(sponsor);
    c.sponsor_id = s.id;
    c.id = SponsorRepository(db_).insert_contact(c);
    // A contact's history is its sponsor's.
    activity_log::record(
        db_, "contact add", activity_log::kSponsor, s.id,
        fmt::format("{}: {}{}, {}", s.name, c.name, c.email.empty() ? "" : " <" + c.email + ">", to_string(c.role)));
    tx.commit();
    return c;
}

std::vector<Contact> SponsorService::contacts(SponsorId sponsor) {
    return SponsorRepository(db_).contacts(sponsor.value);
}

}  // namespace sponsordesk

#include "sponsordesk/services/sponsor_service.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/validation.h"
#include "sponsordesk/storage/sponsor_repository.h"

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
    tx.commit();
    return s;
}

Sponsor SponsorService::update(Sponsor s) {
    s = validated(std::move(s));
    WriteTransaction tx(db_);
    SponsorRepository repo(db_);
    get(SponsorId{s.id});
    if (auto other = repo.find_by_name_key(s.name); other && other->id != s.id)
        throw Conflict({ErrorCode::NameTaken, "name", {{"value", s.name}}},
                       fmt::format("a sponsor named {} already exists", quote_value(other->name)));
    repo.update(s);
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
    tx.commit();
    s.archived = true;
    return s;
}

Sponsor SponsorService::unarchive(SponsorId id) {
    WriteTransaction tx(db_);
    Sponsor s = get(id);
    SponsorRepository(db_).set_archived(s.id, false);
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
    c.sponsor_id = get(sponsor).id;
    c.id = SponsorRepository(db_).insert_contact(c);
    tx.commit();
    return c;
}

std::vector<Contact> SponsorService::contacts(SponsorId sponsor) {
    return SponsorRepository(db_).contacts(sponsor.value);
}

}  // namespace sponsordesk

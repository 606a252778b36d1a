#include "sponsordesk/storage/catalog_repository.h"

#include "sponsordesk/storage/sql.h"

namespace sponsordesk {
namespace {

Publication read_publication(sql::Statement& q) {
    Publication p;
    p.id = q.getColumn(0).getInt64();
    p.name = q.getColumn(1).getString();
    p.slug = q.getColumn(2).getString();
    p.language = q.getColumn(3).getString();
    p.currency = q.getColumn(4).getString();
    p.cadence = static_cast<unsigned>(q.getColumn(5).getInt());
    p.words_per_minute = q.getColumn(6).getInt();
    p.copy_deadline_days = q.getColumn(7).getInt();
    return p;
}

Placement read_placement(sql::Statement& q) {
    Placement p;
    p.id = q.getColumn(0).getInt64();
    p.publication_id = q.getColumn(1).getInt64();
    p.code = q.getColumn(2).getString();
    p.name = q.getColumn(3).getString();
    p.heading = q.getColumn(4).getString();
    p.price = q.getColumn(5).getInt64();
    p.max_words = q.getColumn(6).getInt();
    p.slots = q.getColumn(7).getInt();
    p.position = q.getColumn(8).getInt();
    p.active = q.getColumn(9).getInt() != 0;
    return p;
}

constexpr const char* kPublicationColumns =
    "SELECT id, name, slug, language, currency, cadence, words_per_minute, copy_deadline_days "
    "FROM publication ";
constexpr const char* kPlacementColumns =
    "SELECT id, publication_id, code, name, heading, price, max_words, slots, position, active "
    "FROM placement ";

}  // namespace

Publisher CatalogRepository::publisher() {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "SELECT name, address, siren, vat_number, iban, bic, email, payment_terms_days, footer, "
                         "address_line1, address_line2, postcode, city, country, siret, legal_form, "
                         "share_capital, registry, einvoice_address, vat_on_debits, vat_regime "
                         "FROM publisher WHERE id = 1");
        Publisher p;
        if (q.executeStep()) {
            p.name = q.getColumn(0).getString();
            p.address = q.getColumn(1).getString();
            p.siren = q.getColumn(2).getString();
            p.vat_number = q.getColumn(3).getString();
            p.iban = q.getColumn(4).getString();
            p.bic = q.getColumn(5).getString();
            p.email = q.getColumn(6).getString();
            p.payment_terms_days = q.getColumn(7).getInt();
            p.footer = q.getColumn(8).getString();
            p.postal.line1 = q.getColumn(9).getString();
            p.postal.line2 = q.getColumn(10).getString();
            p.postal.postcode = q.getColumn(11).getString();
            p.postal.city = q.getColumn(12).getString();
            p.postal.country = q.getColumn(13).getString();
            p.siret = q.getColumn(14).getString();
            p.legal_form = q.getColumn(15).getString();
            p.share_capital = q.getColumn(16).getInt64();
            p.registry = q.getColumn(17).getString();
            p.einvoice_address = q.getColumn(18).getString();
            p.vat_on_debits = q.getColumn(19).getInt() != 0;
            p.vat_regime = vat_regime_from(q.getColumn(20).getString());
        }
        if (p.postal.country.empty()) p.postal.country = "FR";
        return p;
    });
}

void CatalogRepository::save_publisher(const Publisher& p) {
    guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "UPDATE publisher SET name=?, address=?, siren=?, vat_number=?, iban=?, bic=?, email=?, "
                         "payment_terms_days=?, footer=?, address_line1=?, address_line2=?, postcode=?, city=?, "
                         "country=?, siret=?, legal_form=?, share_capital=?, registry=?, einvoice_address=?, "
                         "vat_on_debits=?, vat_regime=? WHERE id = 1");
        q.bind(1, p.name);
        q.bind(2, p.address);
        q.bind(3, p.siren);
        q.bind(4, p.vat_number);
        q.bind(5, p.iban);
        q.bind(6, p.bic);
        q.bind(7, p.email);
        q.bind(8, p.payment_terms_days);
        q.bind(9, p.footer);
        q.bind(10, p.postal.line1);
        q.bind(11, p.postal.line2);
        q.bind(12, p.postal.postcode);
        q.bind(13, p.postal.city);
        q.bind(14, p.postal.country.empty() ? std::string("FR") : p.postal.country);
        q.bind(15, p.siret);
        q.bind(16, p.legal_form);
        q.bind(17, static_cast<int64_t>(p.share_capital));
        q.bind(18, p.registry);
        q.bind(19, p.einvoice_address);
        q.bind(20, p.vat_on_debits ? 1 : 0);
        q.bind(21, to_string(p.vat_regime));
        q.exec();
    });
}

Id CatalogRepository::insert_publication(const Publication& p) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "INSERT INTO publication (name, slug, language, currency, cadence, "
                         "words_per_minute, copy_deadline_days) VALUES (?,?,?,?,?,?,?)");
        q.bind(1, p.name);
        q.bind(2, p.slug);
        q.bind(3, p.language);
        q.bind(4, p.currency);
        q.bind(5, static_cast<int>(p.cadence));
        q.bind(6, p.words_per_minute);
        q.bind(7, p.copy_deadline_days);
        return static_cast<Id>(q.insert());
    });
}

void CatalogRepository::update_publication(const Publication& p) {
    guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "UPDATE publication SET name=?, language=?, currency=?, cadence=?, words_per_minute=?, "
                         "copy_deadline_days=? WHERE id = ?");
        q.bind(1, p.name);
        q.bind(2, p.language);
        q.bind(3, p.currency);
        q.bind(4, static_cast<int>(p.cadence));
        q.bind(5, p.words_per_minute);
        q.bind(6, p.copy_deadline_days);
        q.bind(7, static_cast<int64_t>(p.id));
        q.exec();
    });
}

bool CatalogRepository::publication_has_bookings(Id publication_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "SELECT EXISTS(SELECT 1 FROM booking b JOIN issue i ON i.id = b.issue_id "
                         "WHERE i.publication_id = ?)");
        q.bind(1, static_cast<int64_t>(publication_id));
        q.executeStep();
        return q.getColumn(0).getInt() != 0;
    });
}

std::optional<Publication> CatalogRepository::publication_by_slug(const std::string& slug) {
    return guard_sql([&]() -> std::optional<Publication> {
        sql::Statement q(db_.connection(), std::string(kPublicationColumns) + "WHERE slug = ?");
        q.bind(1, slug);
        if (q.executeStep()) return read_publication(q);
        return std::nullopt;
    });
}

std::optional<Publication> CatalogRepository::publication(Id id) {
    return guard_sql([&]() -> std::optional<Publication> {
        sql::Statement q(db_.connection(), std::string(kPublicationColumns) + "WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (q.executeStep()) return read_publication(q);
        return std::nullopt;
    });
}

std::vector<Publication> CatalogRepository::publications() {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), std::string(kPublicationColumns) + "ORDER BY name, id");
        std::vector<Publication> out;
        while (q.executeStep()) out.push_back(read_publication(q));
        return out;
    });
}

Id CatalogRepository::insert_placement(const Placement& p) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "INSERT INTO placement (publication_id, code, name, heading, price, "
                         "max_words, slots, position, active) VALUES (?,?,?,?,?,?,?,?,?)");
        q.bind(1, static_cast<int64_t>(p.publication_id));
        q.bind(2, p.code);
        q.bind(3, p.name);
        q.bind(4, p.heading);
        q.bind(5, static_cast<int64_t>(p.price));
        q.bind(6, p.max_words);
        q.bind(7, p.slots);
        q.bind(8, p.position);
        q.bind(9, p.active ? 1 : 0);
        return static_cast<Id>(q.insert());
    });
}

void CatalogRepository::update_placement(const Placement& p) {
    guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "UPDATE placement SET name=?, heading=?, price=?, max_words=?, slots=?, position=?, "
                         "active=? WHERE id = ?");
        q.bind(1, p.name);
        q.bind(2, p.heading);
        q.bind(3, static_cast<int64_t>(p.price));
        q.bind(4, p.max_words);
        q.bind(5, p.slots);
        q.bind(6, p.position);
        q.bind(7, p.active ? 1 : 0);
        q.bind(8, static_cast<int64_t>(p.id));
        q.exec();
    });
}

int CatalogRepository::highest_slot_in_use(Id placement_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), "SELECT coalesce(max(slot), 0) FROM booking WHERE placement_id = ?");
        q.bind(1, static_cast<int64_t>(placement_id));
        q.executeStep();
        return q.getColumn(0).getInt();
    });
}

std::optional<Placement> CatalogRepository::placement(Id publication_id, const std::string& code) {
    return guard_sql([&]() -> std::optional<Placement> {
        sql::Statement q(db_.connection(), std::string(kPlacementColumns) + "WHERE publication_id = ? AND code = ?");
        q.bind(1, static_cast<int64_t>(publication_id));
        q.bind(2, code);
        if (q.executeStep()) return read_placement(q);
        return std::nullopt;
    });
}

std::optional<Placement> CatalogRepository::placement(Id id) {
    return guard_sql([&]() -> std::optional<Placement> {
        sql::Statement q(db_.connection(), std::string(kPlacementColumns) + "WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (q.executeStep()) return read_placement(q);
        return std::nullopt;
    });
}

std::vector<Placement> CatalogRepository::placements(Id publication_id, bool active_only) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), std::string(kPlacementColumns) +
                                               "WHERE publication_id = ? AND (active = 1 OR ? = 0) "
                                               "ORDER BY position, id");
        q.bind(1, static_cast<int64_t>(publication_id));
        q.bind(2, active_only ? 1 : 0);
        std::vector<Placement> out;
        while (q.executeStep()) out.push_back(read_placement(q));
        return out;
    });
}

void CatalogRepository::set_house_ad(Id placement_id, const std::string& body) {
    guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "INSERT INTO house_ad (placement_id, body) VALUES (?, ?) "
                         "ON CONFLICT(placement_id) DO UPDATE SET body = excluded.body");
        q.bind(1, static_cast<int64_t>(placement_id));
        q.bind(2, body);
        q.exec();
    });
}

std::optional<std::string> CatalogRepository::house_ad(Id placement_id) {
    return guard_sql([&]() -> std::optional<std::string> {
        sql::Statement q(db_.connection(), "SELECT body FROM house_ad WHERE placement_id = ?");
        q.bind(1, static_cast<int64_t>(placement_id));
        if (q.executeStep()) return q.getColumn(0).getString();
        return std::nullopt;
    });
}

}  // namespace sponsordesk

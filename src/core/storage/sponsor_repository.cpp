#include "sponsordesk/storage/sponsor_repository.h"

#include "sponsordesk/storage/sql.h"

#include "sponsordesk/domain/text.h"

namespace sponsordesk {
namespace {

constexpr const char* kColumns =
    "SELECT id, name, legal_name, address, country, siren, vat_number, category, "
    "payment_terms_days, vat_rate, notes, archived, address_line1, address_line2, postcode, city, siret, "
    "einvoice_address, buyer_reference, business FROM sponsor ";

Sponsor read_sponsor(sql::Statement& q) {
    Sponsor s;
    s.id = q.getColumn(0).getInt64();
    s.name = q.getColumn(1).getString();
    s.legal_name = q.getColumn(2).getString();
    s.address = q.getColumn(3).getString();
    s.country = q.getColumn(4).getString();
    s.siren = q.getColumn(5).getString();
    s.vat_number = q.getColumn(6).getString();
    s.category = q.getColumn(7).getString();
    s.payment_terms_days = q.getColumn(8).getInt();
    s.vat_rate = q.getColumn(9).getInt();
    s.notes = q.getColumn(10).getString();
    s.archived = q.getColumn(11).getInt() != 0;
    s.postal.line1 = q.getColumn(12).getString();
    s.postal.line2 = q.getColumn(13).getString();
    s.postal.postcode = q.getColumn(14).getString();
    s.postal.city = q.getColumn(15).getString();
    s.postal.country = s.country;  // one column: the sponsor's country
    s.siret = q.getColumn(16).getString();
    s.einvoice_address = q.getColumn(17).getString();
    s.buyer_reference = q.getColumn(18).getString();
    s.business = q.getColumn(19).getInt() != 0;
    return s;
}

void bind_sponsor(sql::Statement& q, const Sponsor& s) {
    q.bind(1, s.name);
    q.bind(2, s.legal_name);
    q.bind(3, s.address);
    q.bind(4, s.country);
    q.bind(5, s.siren);
    q.bind(6, s.vat_number);
    q.bind(7, s.category);
    q.bind(8, s.payment_terms_days);
    q.bind(9, s.vat_rate);
    q.bind(10, s.notes);
    q.bind(11, s.archived ? 1 : 0);
    // The folded keys that uniqueness, search and exclusivity compare by.
    q.bind(12, text::fold(s.name, "sponsor name"));
    q.bind(13, text::fold(s.legal_name, "legal name"));
    q.bind(14, text::fold(s.category, "category"));
    q.bind(15, s.postal.line1);
    q.bind(16, s.postal.line2);
    q.bind(17, s.postal.postcode);
    q.bind(18, s.postal.city);
    q.bind(19, s.siret);
    q.bind(20, s.einvoice_address);
    q.bind(21, s.buyer_reference);
    q.bind(22, s.business ? 1 : 0);
}

}  // namespace

Id SponsorRepository::insert(const Sponsor& s) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "INSERT INTO sponsor (name, legal_name, address, country, siren, vat_number, "
                         "category, payment_terms_days, vat_rate, notes, archived, "
                         "name_key, legal_name_key, category_key, address_line1, address_line2, postcode, "
                         "city, siret, einvoice_address, buyer_reference, business) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        bind_sponsor(q, s);
        return static_cast<Id>(q.insert());
    });
}

void SponsorRepository::update(const Sponsor& s) {
    guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "UPDATE sponsor SET name=?, legal_name=?, address=?, country=?, siren=?, "
                         "vat_number=?, category=?, payment_terms_days=?, vat_rate=?, notes=?, "
                         "archived=?, name_key=?, legal_name_key=?, category_key=?, address_line1=?, "
                         "address_line2=?, postcode=?, city=?, siret=?, einvoice_address=?, buyer_reference=?, "
                         "business=? WHERE id = ?");
        bind_sponsor(q, s);
        q.bind(23, static_cast<int64_t>(s.id));
        q.exec();
    });
}

std::optional<Sponsor> SponsorRepository::find(Id id) {
    return guard_sql([&]() -> std::optional<Sponsor> {
        sql::Statement q(db_.connection(), std::string(kColumns) + "WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (q.executeStep()) return read_sponsor(q);
        return std::nullopt;
    });
}

std::optional<Sponsor> SponsorRepository::find_by_name(const std::string& name) {
    return guard_sql([&]() -> std::optional<Sponsor> {
        sql::Statement q(db_.connection(), std::string(kColumns) + "WHERE name = ?");
        q.bind(1, text::nfc(name, "sponsor name"));  // names are stored in NFC
        if (q.executeStep()) return read_sponsor(q);
        return std::nullopt;
    });
}

std::optional<Sponsor> SponsorRepository::find_by_name_key(const std::string& name) {
    return guard_sql([&]() -> std::optional<Sponsor> {
        sql::Statement q(db_.connection(), std::string(kColumns) + "WHERE name_key = ? ORDER BY id LIMIT 1");
        q.bind(1, text::fold(name, "sponsor name"));
        if (q.executeStep()) return read_sponsor(q);
        return std::nullopt;
    });
}

std::vector<Sponsor> SponsorRepository::list(const std::string& search, bool archived) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), std::string(kColumns) +
                                               "WHERE archived = ? AND (? = '' OR instr(name_key, ?) > 0 "
                                               "OR instr(legal_name_key, ?) > 0 "
                                               "OR instr(category_key, ?) > 0) ORDER BY name COLLATE NOCASE");
        q.bind(1, archived ? 1 : 0);
        const std::string key = text::fold(search, "search");
        for (int i = 2; i <= 5; ++i) q.bind(i, key);
        std::vector<Sponsor> out;
        while (q.executeStep()) out.push_back(read_sponsor(q));
        return out;
    });
}

void SponsorRepository::set_archived(Id id, bool archived) {
    guard_sql([&] {
        sql::Statement q(db_.connection(), "UPDATE sponsor SET archived = ? WHERE id = ?");
        q.bind(1, archived ? 1 : 0);
        q.bind(2, static_cast<int64_t>(id));
        q.exec();
    });
}

bool SponsorRepository::has_bookings_or_invoices(Id id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "SELECT EXISTS(SELECT 1 FROM booking WHERE sponsor_id = :id) "
                         "OR EXISTS(SELECT 1 FROM invoice WHERE sponsor_id = :id)");
        q.bind(":id", static_cast<int64_t>(id));
        q.executeStep();
        return q.getColumn(0).getInt() != 0;
    });
}

void SponsorRepository::remove(Id id) {
    guard_sql([&] {
        sql::Statement c(db_.connection(), "DELETE FROM contact WHERE sponsor_id = ?");
        c.bind(1, static_cast<int64_t>(id));
        c.exec();
        sql::Statement q(db_.connection(), "DELETE FROM sponsor WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        q.exec();
    });
}

Id SponsorRepository::insert_contact(const Contact& c) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "INSERT INTO contact (sponsor_id, name, email, phone, role) VALUES (?,?,?,?,?)");
        q.bind(1, static_cast<int64_t>(c.sponsor_id));
        q.bind(2, c.name);
        q.bind(3, c.email);
        q.bind(4, c.phone);
        q.bind(5, to_string(c.role));
        return static_cast<Id>(q.insert());
    });
}

std::vector<Contact> SponsorRepository::contacts(Id sponsor_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(),
                         "SELECT id, sponsor_id, name, email, phone, role FROM contact "
                         "WHERE sponsor_id = ? ORDER BY id");
        q.bind(1, static_cast<int64_t>(sponsor_id));
        std::vector<Contact> out;
        while (q.executeStep()) {
            Contact c;
            c.id = q.getColumn(0).getInt64();
            c.sponsor_id = q.getColumn(1).getInt64();
            c.name = q.getColumn(2).getString();
            c.email = q.getColumn(3).getString();
            c.phone = q.getColumn(4).getString();
            c.role = contact_role_from(q.getColumn(5).getString());
            out.push_back(c);
        }
        return out;
    });
}

}  // namespace sponsordesk

#include "json_output.h"

namespace sponsordesk::cli {
namespace {

nlohmann::json opt(const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

}  // namespace

nlohmann::json to_json(const Publisher& p) {
    return {{"name", p.name},
            {"address", p.address},
            {"address_line", p.postal.line1},
            {"address_line2", p.postal.line2},
            {"postcode", p.postal.postcode},
            {"city", p.postal.city},
            {"country", p.postal.country},
            {"siren", p.siren},
            {"siret", p.siret},
            {"legal_form", p.legal_form},
            {"share_capital", p.share_capital < 0 ? nlohmann::json() : nlohmann::json(format_amount(p.share_capital))},
            {"currency", "EUR"},
            {"registry", p.registry},
            {"einvoice_address", p.einvoice_address},
            {"vat_on_debits", p.vat_on_debits},
            {"vat_regime", to_string(p.vat_regime)},
            {"vat_number", p.vat_number},
            {"iban", p.iban},
            {"bic", p.bic},
            {"email", p.email},
            {"payment_terms_days", p.payment_terms_days},
            {"footer", p.footer}};
}

nlohmann::json to_json(const Publication& p) {
    return {{"id", p.id},
            {"name", p.name},
            {"slug", p.slug},
            {"language", p.language},
            {"currency", p.currency},
            {"cadence", cadence_to_text(p.cadence)},
            {"words_per_minute", p.words_per_minute},
            {"copy_deadline_days", p.copy_deadline_days}};
}

nlohmann::json to_json(const Placement& p, const Publication& pub, const std::optional<std::string>& house_ad) {
    return {{"id", p.id},
            {"publication", pub.slug},
            {"code", p.code},
            {"name", p.name},
            {"heading", p.heading},
            {"price", format_amount(p.price)},
            {"currency", pub.currency},
            {"max_words", p.max_words},
            {"slots", p.slots},
            {"position", p.position},
            {"active", p.active},
            {"house_ad", house_ad ? nlohmann::json(*house_ad) : nlohmann::json()}};
}

nlohmann::json to_json(const Issue& i, const Publication& pub) {
    nlohmann::json j = {{"id", i.id},
                        {"publication", pub.slug},
                        {"number", i.number},
                        {"date", i.date.iso()},
                        {"title", i.title},
                        {"status", to_string(i.status)},
                        {"audience", opt(i.audience)},
                        {"opens", opt(i.opens)},
                        {"clicks", opt(i.clicks)},
                        {"has_draft", !i.draft.empty()}};
    return j;
}

nlohmann::json to_json(const Sponsor& s) {
    return {{"id", s.id},
            {"name", s.name},
            {"legal_name", s.legal_name},
            {"address", s.address},
            {"address_line", s.postal.line1},
            {"address_line2", s.postal.line2},
            {"postcode", s.postal.postcode},
            {"city", s.postal.city},
            {"country", s.country},
            {"siren", s.siren},
            {"siret", s.siret},
            {"vat_number", s.vat_number},
            {"einvoice_address", s.einvoice_address},
            {"buyer_reference", s.buyer_reference},
            {"business", s.business},
            {"category", s.category},
            {"payment_terms_days", s.payment_terms_days},
            {"vat_rate", format_rate(s.vat_rate)},
            {"notes", s.notes},
            {"archived", s.archived}};
}

nlohmann::json to_json(const Contact& c, const std::string& sponsor_name) {
    return {{"id", c.id},       {"sponsor_id", c.sponsor_id}, {"sponsor", sponsor_name},  {"name", c.name},
            {"email", c.email}, {"phone", c.phone},           {"role", to_string(c.role)}};
}

nlohmann::json to_json(const BookingView& v) {
    const Booking& b = v.booking;
    return {{"id", b.id},
            {"publication", v.publication_slug},
            {"date", v.issue_date.iso()},
            {"issue_number", v.issue_number},
            {"placement", v.placement_code},
            {"slot", b.slot ? nlohmann::json(*b.slot) : nlohmann::json()},
            {"sponsor", v.sponsor_name},
            {"sponsor_id", b.sponsor_id},
            {"price", format_amount(b.price)},
            {"currency", v.currency},
            {"status", to_string(b.status)},
            {"hold_until", b.hold_until ? nlohmann::json(b.hold_until->iso()) : nlohmann::json()},
            {"expired", v.hold_expired},
            {"copy", b.copy},
            {"link", b.link},
            {"notes", b.notes},
            {"copy_due", v.copy_due.iso()},
            {"copy_late", v.copy_late},
            {"allow_competitor", b.allow_competitor},
            {"invoice", v.invoice ? nlohmann::json(english_ref(*v.invoice)) : nlohmann::json()},
            {"created_at", b.created_at}};
}

nlohmann::json to_json(const OpenSlots& o, const std::string& currency) {
    return {{"date", o.date.iso()},
            {"placement", o.placement_code},
            {"price", format_amount(o.price)},
            {"currency", currency},
            {"open", o.open},
            {"slots", o.slots}};
}

}  // namespace sponsordesk::cli

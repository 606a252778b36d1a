#include "sponsordesk/services/invoice_rules.h"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk::invoice_rules {
namespace {

// Countries whose addresses have no postcode (or only an optional one), so
// that a missing postcode is not held against the buyer.
constexpr std::array<const char*, 10> kNoPostcode = {"AE", "AG", "AW", "BS", "BZ", "HK", "IE", "JM", "QA", "TT"};

bool has_postcodes(const std::string& country) {
    return std::none_of(kNoPostcode.begin(), kNoPostcode.end(), [&](const char* c) { return country == c; });
}

std::string country_of(const PostalAddress& a, const std::string& fallback) {
    return a.country.empty() ? fallback : a.country;
}

void require_address(const PostalAddress& a, const std::string& country, const std::string& party,
                     std::vector<std::string>& missing) {
    if (a.line1.empty()) missing.push_back(party + ".address_line");
    if (a.postcode.empty() && (country.empty() || has_postcodes(country))) missing.push_back(party + ".postcode");
    if (a.city.empty()) missing.push_back(party + ".city");
    if (country.empty()) missing.push_back(party + ".country");
}

std::string billing_email(const std::vector<Contact>& contacts) {
    for (const auto& c : contacts)
        if (c.role == ContactRole::Billing && !c.email.empty()) return c.email;
    return {};
}

}  // namespace

std::vector<std::string> missing_seller_data(const Publisher& p) {
    std::vector<std::string> missing;
    if (p.name.empty()) missing.push_back("seller.name");
    require_address(p.postal, country_of(p.postal, "FR"), "seller", missing);
    if (p.siren.empty()) missing.push_back("seller.siren");
    if (p.vat_number.empty() && p.vat_regime != VatRegime::Franchise) missing.push_back("seller.vat_number");
    if (p.legal_form.empty()) missing.push_back("seller.legal_form");
    if (p.registry.empty()) missing.push_back("seller.registry");
    // The payment means of the e-invoice: a transfer to this account.
    if (p.iban.empty()) missing.push_back("seller.iban");
    return missing;
}

bool in_french_vat_territory(const std::string& country) { return country == "FR" || country == "MC"; }

bool is_french_business(const Sponsor& s) { return s.business && in_french_vat_territory(s.country); }

std::vector<std::string> missing_buyer_data(const Sponsor& s, const std::vector<Contact>& contacts) {
    std::vector<std::string> missing;
    require_address(s.postal, country_of(s.postal, s.country), "buyer", missing);
    if (is_french_business(s) && s.siren.empty()) missing.push_back("buyer.siren");
    // French VAT at 0 % is no rate: a sponsor in France pays the standard
    // rate or a reduced one (exemptions have their own categories).
    if (in_french_vat_territory(s.country) && s.vat_rate <= 0) missing.push_back("buyer.vat_rate");
    // The French rules want the buyer's electronic address on every invoice
    // (a private person: the billing contact's email).
    if (buyer_einvoice_address(s, contacts).value.empty()) missing.push_back("buyer.einvoice_address");
    return missing;
}

std::string english_label(const std::string& key) {
    static const std::map<std::string, std::string> labels = {
        {"seller.name", "the seller's legal name (publisher set --name)"},
        {"seller.address_line", "the seller's street address (publisher set --address-line)"},
        {"seller.postcode", "the seller's postcode (publisher set --postcode)"},
        {"seller.city", "the seller's city (publisher set --city)"},
        {"seller.country", "the seller's country (publisher set --country)"},
        {"seller.siren", "the seller's SIREN (publisher set --siren)"},
        {"seller.vat_number", "the seller's VAT number (publisher set --vat-number)"},
        {"seller.legal_form", "the seller's legal form (publisher set --legal-form)"},
        {"seller.registry",
         "the seller's registry, e.g. \"RCS Lyon\" or \"Dispensé d'immatriculation\" (publisher set --registry)"},
        {"seller.iban", "the seller's IBAN, where the invoice is paid (publisher set --iban)"},
        {"buyer.address_line", "the buyer's street address (sponsor set --address-line)"},
        {"buyer.postcode", "the buyer's postcode (sponsor set --postcode)"},
        {"buyer.city", "the buyer's city (sponsor set --city)"},
        {"buyer.country", "the buyer's country (sponsor set --country)"},
        {"buyer.siren", "the buyer's SIREN, mandatory for a French business (sponsor set --siren)"},
        {"buyer.vat_rate", "the buyer's VAT rate: French VAT is never 0 % (sponsor set --vat-rate)"},
        {"buyer.einvoice_address",
         "the buyer's electronic address (sponsor set --einvoice-address, or a billing contact with an email)"},
    };
    auto it = labels.find(key);
    return it == labels.end() ? key : it->second;
}

ElectronicAddress seller_einvoice_address(const Publisher& p) {
    if (!p.einvoice_address.empty())
        return {p.einvoice_address, p.einvoice_address.find('@') != std::string::npos ? "EM" : "0225"};
    if (!p.siren.empty()) return {p.siren, "0225"};
    if (!p.email.empty()) return {p.email, "EM"};
    return {};
}

ElectronicAddress buyer_einvoice_address(const Sponsor& s, const std::vector<Contact>& contacts) {
    if (!s.einvoice_address.empty())
        return {s.einvoice_address, s.einvoice_address.find('@') != std::string::npos ? "EM" : "0225"};
    if (is_french_business(s) && !s.siren.empty()) return {s.siren, "0225"};
    if (auto email = billing_email(contacts); !email.empty()) return {email, "EM"};
    return {};
}

std::optional<Month> month_ended_before(const std::vector<Date>& service_dates, const Date& issue_date) {
    if (service_dates.empty()) return std::nullopt;
    const Month m{service_dates.front().year, service_dates.front().month};
    for (const auto& d : service_dates)
        if (d.year != m.year || d.month != m.month) return std::nullopt;
    if (m.last() < issue_date) return m;
    return std::nullopt;
}

std::int64_t parse_eur_rate(const std::string& text) {
    auto bad = [&]() -> std::int64_t {
        throw InvalidInput(
            {ErrorCode::InvalidFormat, "eur_rate", {{"value", text}}},
            fmt::format("EUR rate {} is not a number of euros per unit such as 0.9235 (at most 6 decimals, above 0)",
                        quote_value(text)));
    };
    std::int64_t units = 0, fraction = 0;
    int decimals = 0, int_digits = 0;
    bool point = false;
    for (char c : text) {
        if (c == '.' || c == ',') {
            if (point) return bad();
            point = true;
        } else if (c >= '0' && c <= '9') {
            if (point) {
                if (++decimals > 6) return bad();
                fraction = fraction * 10 + (c - '0');
            } else {
                if (++int_digits > 6) return bad();
                units = units * 10 + (c - '0');
            }
        } else {
            return bad();
        }
    }
    if (int_digits + decimals == 0 || (point && decimals == 0)) return bad();
    for (int i = decimals; i < 6; ++i) fraction *= 10;
    const std::int64_t micro = units * 1000000 + fraction;
    if (micro <= 0) return bad();
    return micro;
}

Minor to_eur(Minor amount, std::int64_t eur_rate_micro) {
    // Whole euros per unit and millionths apart, so that no product
    // overflows for amounts below 10^12 cents.
    const bool negative = amount < 0;
    const Minor a = negative ? -amount : amount;
    const Minor rounded = a * (eur_rate_micro / 1000000) + (a * (eur_rate_micro % 1000000) + 500000) / 1000000;
    return negative ? -rounded : rounded;
}

bool is_overdue(InvoiceKind kind, InvoiceStatus status, const std::optional<Date>& due_date, Minor outstanding,
                const Date& today) {
    return kind == InvoiceKind::Invoice && status == InvoiceStatus::Issued && due_date && *due_date < today &&
           outstanding > 0;
}

int days_overdue(const std::optional<Date>& due_date, const Date& today) {
    if (!due_date || !(*due_date < today)) return 0;
    return static_cast<int>(today.days() - due_date->days());
}

}  // namespace sponsordesk::invoice_rules

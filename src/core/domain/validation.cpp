#include "sponsordesk/domain/validation.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <cstdint>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/text.h"

namespace sponsordesk::validate {
namespace {

std::string trim(const std::string& s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

std::string without_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

bool all_of(const std::string& s, int (*pred)(int)) {
    for (char c : s)
        if (!pred(static_cast<unsigned char>(c))) return false;
    return true;
}

ErrorInfo invalid_format(const std::string& key, const std::string& value) {
    return {ErrorCode::InvalidFormat, key, {{"value", value}}};
}

ErrorInfo bad_key(const std::string& key, const std::string& value) {
    return {ErrorCode::InvalidChecksum, key, {{"value", value}}};
}

// ISO 3166-1 alpha-2, the officially assigned codes (from Debian's
// iso-codes 4.15, iso_3166-1.json), sorted for binary search.
constexpr const char* kCountries[] = {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB",
    "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY",
    "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX",
    "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK",
    "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS",
    "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR",
    "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA",
    "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE",
    "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
    "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG",
    "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF",
    "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY",
    "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW"};

bool is_country(const std::string& code) {
    return std::binary_search(std::begin(kCountries), std::end(kCountries), code,
                              [](const std::string& a, const std::string& b) { return a < b; });
}

// La Poste's establishments share one SIREN and follow their own SIRET rule.
constexpr const char* kLaPosteSiren = "356000000";

bool digits_only(const std::string& v, size_t n) { return v.size() == n && all_of(v, std::isdigit); }

}  // namespace

std::string field_key(const std::string& label) {
    // The labels the core names fields by in English, and the keys forms use.
    static const std::map<std::string, std::string> keys = {
        {"sponsor name", "name"},
        {"publication name", "name"},
        {"placement name", "name"},
        {"contact name", "name"},
        {"publisher name", "name"},
        {"legal name", "legal_name"},
        {"payment terms", "payment_terms_days"},
        {"VAT rate", "vat_rate"},
        {"words per minute", "words_per_minute"},
        {"copy deadline days", "copy_deadline_days"},
        {"maximum words", "max_words"},
        {"slots per issue", "slots"},
        {"issue number", "number"},
        {"house ad", "house_ad"},
        {"address line 1", "address_line1"},
        {"address line 2", "address_line2"},
    };
    if (auto it = keys.find(label); it != keys.end()) return it->second;
    std::string key;
    for (char c : label)
        key += c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;
}

bool is_utf8(const std::string& s) { return text::is_utf8(s); }

size_t utf8_length(const std::string& s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string text(const std::string& field, const std::string& value, size_t max_bytes) {
    if (!is_utf8(value))
        throw InvalidInput({ErrorCode::NotUtf8, field_key(field), {}},
                           fmt::format("{} is not valid UTF-8 text", field));
    if (value.size() > max_bytes)
        throw InvalidInput({ErrorCode::TooLong,
                            field_key(field),
                            {{"length", static_cast<std::int64_t>(value.size())},
                             {"max", static_cast<std::int64_t>(max_bytes)},
                             {"unit", std::string("bytes")}}},
                           fmt::format("{} is too long ({} bytes; at most {})", field, value.size(), max_bytes));
    for (char c : value) {
        unsigned char u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t' && c != '\r') || u == 0x7F)
            throw InvalidInput({ErrorCode::ControlCharacter, field_key(field), {{"value", value}}},
                               fmt::format("{} {} contains a control character", field, quote_value(value)));
    }
    // Stored composed (NFC), so that the same words typed two ways are one text.
    std::string v = text::nfc(value, field);
    if (v.size() > max_bytes)
        throw InvalidInput({ErrorCode::TooLong,
                            field_key(field),
                            {{"length", static_cast<std::int64_t>(v.size())},
                             {"max", static_cast<std::int64_t>(max_bytes)},
                             {"unit", std::string("bytes")}}},
                           fmt::format("{} is too long ({} bytes; at most {})", field, v.size(), max_bytes));
    return v;
}

std::string name(const std::string& field, const std::string& value, size_t max_chars) {
    if (!is_utf8(value))
        throw InvalidInput({ErrorCode::NotUtf8, field_key(field), {}},
                           fmt::format("{} is not valid UTF-8 text", field));
    std::string v = trim(value);
    if (v.empty()) throw InvalidInput({ErrorCode::Empty, field_key(field), {}}, fmt::format("{} is empty", field));
    for (char c : v) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            throw InvalidInput({ErrorCode::ControlCharacter, field_key(field), {{"value", v}}},
                               fmt::format("{} {} contains a control character", field, quote_value(v)));
    }
    v = text::nfc(v, field);
    const size_t len = utf8_length(v);
    if (len > max_chars)
        throw InvalidInput(
            {ErrorCode::TooLong,
             field_key(field),
             {{"value", v},
              {"length", static_cast<std::int64_t>(len)},
              {"max", static_cast<std::int64_t>(max_chars)},
              {"unit", std::string("characters")}}},
            fmt::format("{} {} is too long ({} characters; at most {})", field, quote_value(v), len, max_chars));
    return v;
}

std::string slug(const std::string& value) {
    bool ok = !value.empty() && value.size() <= 64 && value.front() != '-';
    for (char c : value)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) ok = false;
    if (!ok)
        throw InvalidInput(
            invalid_format("slug", value),
            fmt::format("slug {} is not valid: use 1 to 64 lower-case letters, digits and dashes", quote_value(value)));
    return value;
}

std::string placement_code(const std::string& value) {
    bool ok = !value.empty() && value.size() <= 32;
    for (char c : value)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) ok = false;
    if (!ok)
        throw InvalidInput(
            invalid_format("code", value),
            fmt::format("placement code {} is not valid: use 1 to 32 letters, digits, _ and -", quote_value(value)));
    return value;
}

std::string email(const std::string& value) {
    std::string v = trim(value);
    if (v.empty()) return v;
    const size_t at = v.find('@');
    bool ok =
        v.size() <= 254 && is_utf8(v) && at != std::string::npos && at > 0 && v.find('@', at + 1) == std::string::npos;
    if (ok) {
        const std::string domain = v.substr(at + 1);
        const size_t dot = domain.find('.');
        ok = dot != std::string::npos && dot > 0 && dot + 1 < domain.size() && domain.back() != '.';
    }
    for (char c : v) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '(' ||
            c == ')' || c == '[' || c == ']' || c == '\\')
            ok = false;
    }
    if (!ok)
        throw InvalidInput(invalid_format("email", value),
                           fmt::format("email {} is not a valid address", quote_value(value)));
    return v;
}

std::string phone(const std::string& value) {
    std::string v = trim(value);
    int digits = 0;
    for (char c : v) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            ++digits;
        else if (!(c == ' ' || c == '+' || c == '.' || c == '-' || c == '(' || c == ')'))
            throw InvalidInput(
                invalid_format("phone", value),
                fmt::format("phone {} is not valid: use digits, spaces and + . - ( )", quote_value(value)));
    }
    if (!v.empty() && (digits < 4 || v.size() > 32))
        throw InvalidInput(invalid_format("phone", value), fmt::format("phone {} is not valid", quote_value(value)));
    return v;
}

std::string country(const std::string& value) {
    std::string v = upper(trim(value));
    if (v.size() != 2 || !all_of(v, std::isalpha) || !is_country(v))
        throw InvalidInput(
            invalid_format("country", value),
            fmt::format("country {} is not an ISO 3166 two-letter code such as FR or DE", quote_value(value)));
    return v;
}

std::string currency(const std::string& value) {
    std::string v = upper(trim(value));
    if (v.size() != 3 || !all_of(v, std::isalpha))
        throw InvalidInput(
            invalid_format("currency", value),
            fmt::format("currency {} is not a three-letter ISO 4217 code such as EUR", quote_value(value)));
    return v;
}

std::string language(const std::string& value) {
    if (value != "fr" && value != "en")
        throw InvalidInput({ErrorCode::InvalidChoice,
                            "language",
                            {{"value", value}, {"choices", std::vector<std::string>{"fr", "en"}}}},
                           fmt::format("language {} is not one of fr, en", quote_value(value)));
    return value;
}

bool luhn_valid(const std::string& digits) {
    if (digits.empty() || !all_of(digits, std::isdigit)) return false;
    int sum = 0;
    bool twice = false;  // every second digit from the right is doubled
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (twice) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

bool siret_key_valid(const std::string& siret) {
    if (!digits_only(siret, 14)) return false;
    if (siret.compare(0, 9, kLaPosteSiren) == 0 && siret != "35600000000048") {
        // La Poste's head office keeps the Luhn key; its other
        // establishments have digits that add up to a multiple of 5.
        int sum = 0;
        for (char c : siret) sum += c - '0';
        return sum % 5 == 0;
    }
    return luhn_valid(siret);
}

int french_vat_key(const std::string& siren) {
    int mod = 0;
    for (char c : siren) mod = (mod * 10 + (c - '0')) % 97;
    return (12 + 3 * mod) % 97;
}

std::string siren(const std::string& value) {
    std::string v = without_spaces(value);
    if (v.empty()) return v;
    if (digits_only(v, 14))
        throw InvalidInput({ErrorCode::SiretAsSiren, "siren", {{"value", v}}},
                           fmt::format("SIREN {} has 14 digits: that is a SIRET, give it with --siret (the SIREN is "
                                       "its first 9 digits)",
                                       quote_value(value)));
    if (!digits_only(v, 9))
        throw InvalidInput(invalid_format("siren", value),
                           fmt::format("SIREN {} is not valid: 9 digits", quote_value(value)));
    if (!luhn_valid(v))
        throw InvalidInput(
            bad_key("siren", value),
            fmt::format("SIREN {} is not valid: its check digit (Luhn key) does not match", quote_value(value)));
    return v;
}

std::string siret(const std::string& value) {
    std::string v = without_spaces(value);
    if (v.empty()) return v;
    if (!digits_only(v, 14))
        throw InvalidInput(invalid_format("siret", value),
                           fmt::format("SIRET {} is not valid: 14 digits (the SIREN and 5 for the establishment)",
                                       quote_value(value)));
    if (!siret_key_valid(v))
        throw InvalidInput(
            bad_key("siret", value),
            fmt::format("SIRET {} is not valid: its check digit (Luhn key) does not match", quote_value(value)));
    return v;
}

std::string vat_number(const std::string& value) {
    std::string v = upper(without_spaces(value));
    if (v.empty()) return v;
    bool ok = v.size() >= 4 && v.size() <= 15 && std::isalpha(static_cast<unsigned char>(v[0])) &&
              std::isalpha(static_cast<unsigned char>(v[1])) && all_of(v.substr(2), std::isalnum);
    if (!ok)
        throw InvalidInput(invalid_format("vat_number", value),
                           fmt::format("VAT number {} is not valid: a country prefix and 2 to 13 letters or digits",
                                       quote_value(value)));
    if (v.compare(0, 2, "FR") == 0) {
        if (!digits_only(v.substr(2), 11))
            throw InvalidInput(
                invalid_format("vat_number", value),
                fmt::format("VAT number {} is not valid: FR, a 2-digit key and the 9-digit SIREN", quote_value(value)));
        const std::string siren_part = v.substr(4);
        const int key = (v[2] - '0') * 10 + (v[3] - '0');
        if (!luhn_valid(siren_part) || key != french_vat_key(siren_part))
            throw InvalidInput(
                bad_key("vat_number", value),
                fmt::format("VAT number {} is not valid: its key does not match the SIREN {} (the key would be {:02})",
                            quote_value(value), siren_part, french_vat_key(siren_part)));
    }
    return v;
}

void siret_of_siren(const std::string& siret, const std::string& siren) {
    if (siret.empty() || siren.empty() || siret.compare(0, siren.size(), siren) == 0) return;
    throw InvalidInput({ErrorCode::SiretOtherSiren, "siret", {{"value", siret}, {"siren", siren}}},
                       fmt::format("SIRET {} does not begin with the SIREN {}", quote_value(siret), siren));
}

void vat_of_siren(const std::string& vat_number, const std::string& siren) {
    if (vat_number.size() != 13 || vat_number.compare(0, 2, "FR") != 0 || siren.empty()) return;
    if (vat_number.compare(4, 9, siren) == 0) return;
    throw InvalidInput({ErrorCode::VatOtherSiren, "vat_number", {{"value", vat_number}, {"siren", siren}}},
                       fmt::format("VAT number {} is of SIREN {}, not of the SIREN {}", quote_value(vat_number),
                                   vat_number.substr(4), siren));
}

std::string postcode(const std::string& value, const std::string& country) {
    std::string v = trim(value);
    if (v.empty()) return v;
    static const char* const kFrenchPost[] = {"BL", "FR", "GF", "GP", "MC", "MF", "MQ",
                                              "NC", "PF", "PM", "RE", "WF", "YT"};
    const bool french = std::find_if(std::begin(kFrenchPost), std::end(kFrenchPost),
                                     [&](const char* c) { return country == c; }) != std::end(kFrenchPost);
    if (french) {
        if (!digits_only(v, 5))
            throw InvalidInput({ErrorCode::InvalidFormat, "postcode", {{"value", value}, {"country", country}}},
                               fmt::format("postcode {} is not valid for {}: 5 digits", quote_value(value), country));
        return v;
    }
    bool ok = v.size() >= 2 && v.size() <= 10 && std::isalnum(static_cast<unsigned char>(v[0]));
    for (char c : v)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-')) ok = false;
    if (!ok)
        throw InvalidInput(
            {ErrorCode::InvalidFormat, "postcode", {{"value", value}, {"country", country}}},
            fmt::format("postcode {} is not valid: 2 to 10 letters, digits, spaces or dashes", quote_value(value)));
    return upper(v);
}

std::string line(const std::string& field, const std::string& value, size_t max_chars) {
    if (trim(value).empty() && is_utf8(value)) return std::string();
    return name(field, value, max_chars);
}

PostalAddress postal_address(PostalAddress a) {
    a.country = a.country.empty() ? std::string("FR") : country(a.country);
    a.line1 = line("address line 1", a.line1);
    a.line2 = line("address line 2", a.line2);
    a.city = line("city", a.city, 100);
    a.postcode = postcode(a.postcode, a.country);
    return a;
}

std::string einvoice_address(const std::string& value) {
    std::string v = trim(value);
    if (v.empty()) return v;
    if (v.find('@') != std::string::npos) {
        try {
            return email(v);
        } catch (const InvalidInput&) {
            // worded below, for this field
        }
    } else {
        // A SIREN or SIRET, optionally with the routing suffix French
        // platforms use (732829320_FACTURES).
        const size_t cut = v.find('_');
        const std::string id = v.substr(0, cut);
        std::string suffix = cut == std::string::npos ? std::string() : v.substr(cut + 1);
        bool ok = (digits_only(id, 9) && luhn_valid(id)) || siret_key_valid(id);
        if (cut != std::string::npos)
            ok = ok && !suffix.empty() && suffix.size() <= 35 && std::all_of(suffix.begin(), suffix.end(), [](char c) {
                     return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
                 });
        if (ok) return v;
    }
    throw InvalidInput(invalid_format("einvoice_address", value),
                       fmt::format("electronic address {} is not valid: an email address, or a SIREN or SIRET with a "
                                   "valid key (optionally followed by _ and a suffix)",
                                   quote_value(value)));
}

std::string iban(const std::string& value) {
    std::string v = upper(without_spaces(value));
    if (v.empty()) return v;
    bool ok = v.size() >= 15 && v.size() <= 34 && all_of(v, std::isalnum) &&
              std::isalpha(static_cast<unsigned char>(v[0])) && std::isalpha(static_cast<unsigned char>(v[1]));
    if (ok) {
        // ISO 13616: move the first four characters to the end, letters
        // become 10..35, and the number must be 1 modulo 97.
        std::string r = v.substr(4) + v.substr(0, 4);
        int mod = 0;
        for (char c : r) {
            int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : c - 'A' + 10;
            mod = d >= 10 ? (mod * 100 + d) % 97 : (mod * 10 + d) % 97;
        }
        ok = mod == 1;
    }
    if (!ok)
        throw InvalidInput({ErrorCode::InvalidChecksum, "iban", {{"value", value}}},
                           fmt::format("IBAN {} is not valid (check digits do not match)", quote_value(value)));
    return v;
}

std::string bic(const std::string& value) {
    std::string v = upper(without_spaces(value));
    if (v.empty()) return v;
    if (!((v.size() == 8 || v.size() == 11) && all_of(v, std::isalnum)))
        throw InvalidInput(invalid_format("bic", value),
                           fmt::format("BIC {} is not valid: 8 or 11 letters and digits", quote_value(value)));
    return v;
}

int integer(const std::string& field, long long value, long long min, long long max) {
    if (value < min || value > max)
        throw InvalidInput({ErrorCode::OutOfRange,
                            field_key(field),
                            {{"value", static_cast<std::int64_t>(value)},
                             {"min", static_cast<std::int64_t>(min)},
                             {"max", static_cast<std::int64_t>(max)}}},
                           fmt::format("{} {} is out of range ({} to {})", field, value, min, max));
    return static_cast<int>(value);
}

}  // namespace sponsordesk::validate

#include "sponsordesk/domain/validation.h"

#include <cctype>
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
    if (v.size() != 2 || !all_of(v, std::isalpha))
        throw InvalidInput(invalid_format("country", value),
                           fmt::format("country {} is not a two-letter ISO code such as FR or DE", quote_value(value)));
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

std::string siren(const std::string& value) {
    std::string v = without_spaces(value);
    if (v.empty()) return v;
    if (!((v.size() == 9 || v.size() == 14) && all_of(v, std::isdigit)))
        throw InvalidInput(invalid_format("siren", value),
                           fmt::format("SIREN {} is not valid: 9 digits (or 14 for a SIRET)", quote_value(value)));
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
    return v;
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

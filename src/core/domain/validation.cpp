#include "sponsordesk/domain/validation.h"

#include <cctype>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

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

}  // namespace

bool is_utf8(const std::string& s) {
    // Well-formed UTF-8 (Unicode table 3-7): no overlong forms, no UTF-16
    // surrogates, nothing past U+10FFFF. Accepted text goes to JSON, XLSX,
    // PDF and the desktop app, which all refuse or drop ill-formed bytes.
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t extra = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            if (c == 0xE0) lo = 0xA0;  // overlong
            if (c == 0xED) hi = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            if (c == 0xF0) lo = 0x90;  // overlong
            if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
        } else {
            return false;
        }
        if (extra > s.size() - i - 1) return false;
        const auto second = static_cast<unsigned char>(s[i + 1]);
        if (second < lo || second > hi) return false;
        for (size_t k = 2; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += extra + 1;
    }
    return true;
}

size_t utf8_length(const std::string& s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string text(const std::string& field, const std::string& value, size_t max_bytes) {
    if (!is_utf8(value)) throw InvalidInput(fmt::format("{} is not valid UTF-8 text", field));
    if (value.size() > max_bytes)
        throw InvalidInput(fmt::format("{} is too long ({} bytes; at most {})", field, value.size(), max_bytes));
    for (char c : value) {
        unsigned char u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t' && c != '\r') || u == 0x7F)
            throw InvalidInput(fmt::format("{} {} contains a control character", field, quote_value(value)));
    }
    return value;
}

std::string name(const std::string& field, const std::string& value, size_t max_chars) {
    if (!is_utf8(value)) throw InvalidInput(fmt::format("{} is not valid UTF-8 text", field));
    std::string v = trim(value);
    if (v.empty()) throw InvalidInput(fmt::format("{} is empty", field));
    const size_t len = utf8_length(v);
    if (len > max_chars)
        throw InvalidInput(fmt::format("{} {} is too long ({} characters; at most {})", field, quote_value(v),
                                       len, max_chars));
    for (char c : v) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            throw InvalidInput(fmt::format("{} {} contains a control character", field, quote_value(v)));
    }
    return v;
}

std::string slug(const std::string& value) {
    bool ok = !value.empty() && value.size() <= 64 && value.front() != '-';
    for (char c : value)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) ok = false;
    if (!ok)
        throw InvalidInput(fmt::format(
            "slug {} is not valid: use 1 to 64 lower-case letters, digits and dashes", quote_value(value)));
    return value;
}

std::string placement_code(const std::string& value) {
    bool ok = !value.empty() && value.size() <= 32;
    for (char c : value)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) ok = false;
    if (!ok)
        throw InvalidInput(fmt::format(
            "placement code {} is not valid: use 1 to 32 letters, digits, _ and -", quote_value(value)));
    return value;
}

std::string email(const std::string& value) {
    std::string v = trim(value);
    if (v.empty()) return v;
    const size_t at = v.find('@');
    bool ok = v.size() <= 254 && is_utf8(v) && at != std::string::npos && at > 0 &&
              v.find('@', at + 1) == std::string::npos;
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
    if (!ok) throw InvalidInput(fmt::format("email {} is not a valid address", quote_value(value)));
    return v;
}

std::string phone(const std::string& value) {
    std::string v = trim(value);
    int digits = 0;
    for (char c : v) {
        if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
        else if (!(c == ' ' || c == '+' || c == '.' || c == '-' || c == '(' || c == ')'))
            throw InvalidInput(fmt::format("phone {} is not valid: use digits, spaces and + . - ( )",
                                           quote_value(value)));
    }
    if (!v.empty() && (digits < 4 || v.size() > 32))
        throw InvalidInput(fmt::format("phone {} is not valid", quote_value(value)));
    return v;
}

std::string country(const std::string& value) {
    std::string v = upper(trim(value));
    if (v.size() != 2 || !all_of(v, std::isalpha))
        throw InvalidInput(fmt::format("country {} is not a two-letter ISO code such as FR or DE",
                                       quote_value(value)));
    return v;
}

std::string currency(const std::string& value) {
    std::string v = upper(trim(value));
    if (v.size() != 3 || !all_of(v, std::isalpha))
        throw InvalidInput(fmt::format("currency {} is not a three-letter ISO 4217 code such as EUR",
                                       quote_value(value)));
    return v;
}

std::string language(const std::string& value) {
    if (value != "fr" && value != "en")
        throw InvalidInput(fmt::format("language {} is not one of fr, en", quote_value(value)));
    return value;
}

std::string siren(const std::string& value) {
    std::string v = without_spaces(value);
    if (v.empty()) return v;
    if (!((v.size() == 9 || v.size() == 14) && all_of(v, std::isdigit)))
        throw InvalidInput(fmt::format("SIREN {} is not valid: 9 digits (or 14 for a SIRET)", quote_value(value)));
    return v;
}

std::string vat_number(const std::string& value) {
    std::string v = upper(without_spaces(value));
    if (v.empty()) return v;
    bool ok = v.size() >= 4 && v.size() <= 15 && std::isalpha(static_cast<unsigned char>(v[0])) &&
              std::isalpha(static_cast<unsigned char>(v[1])) && all_of(v.substr(2), std::isalnum);
    if (!ok)
        throw InvalidInput(fmt::format("VAT number {} is not valid: a country prefix and 2 to 13 letters or digits",
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
    if (!ok) throw InvalidInput(fmt::format("IBAN {} is not valid (check digits do not match)", quote_value(value)));
    return v;
}

std::string bic(const std::string& value) {
    std::string v = upper(without_spaces(value));
    if (v.empty()) return v;
    if (!((v.size() == 8 || v.size() == 11) && all_of(v, std::isalnum)))
        throw InvalidInput(fmt::format("BIC {} is not valid: 8 or 11 letters and digits", quote_value(value)));
    return v;
}

int integer(const std::string& field, long long value, long long min, long long max) {
    if (value < min || value > max)
        throw InvalidInput(fmt::format("{} {} is out of range ({} to {})", field, value, min, max));
    return static_cast<int>(value);
}

}  // namespace sponsordesk::validate

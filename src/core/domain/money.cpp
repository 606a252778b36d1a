#include "sponsordesk/domain/money.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {

// Parses digits with an optional '.' or ',' and at most `decimals` decimals
// into an integer scaled by 10^decimals. Returns false when malformed.
bool parse_scaled(const std::string& text, int decimals, std::int64_t& out) {
    if (text.empty() || text.size() > 24) return false;
    std::int64_t whole = 0, frac = 0;
    int frac_digits = 0, whole_digits = 0;
    bool seen_sep = false;
    for (char c : text) {
        if (c == '.' || c == ',') {
            if (seen_sep) return false;
            seen_sep = true;
        } else if (c >= '0' && c <= '9') {
            if (seen_sep) {
                if (++frac_digits > decimals) return false;
                frac = frac * 10 + (c - '0');
            } else {
                if (++whole_digits > 13) return false;
                whole = whole * 10 + (c - '0');
            }
        } else {
            return false;
        }
    }
    if (whole_digits == 0) return false;
    if (seen_sep && frac_digits == 0) return false;
    for (int i = frac_digits; i < decimals; ++i) frac *= 10;
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    out = whole * scale + frac;
    return true;
}

std::string group_thousands(std::int64_t v, const std::string& sep) {
    std::string digits = std::to_string(v);
    std::string out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        out += digits[static_cast<size_t>(i)];
        int left = n - i - 1;
        if (left > 0 && left % 3 == 0) out += sep;
    }
    return out;
}

// The symbol people write for a currency: "€" for EUR, "$", "£"; else the code.
std::string currency_symbol(const std::string& currency) {
    return currency == "EUR" ? "€" : currency == "USD" ? "$" : currency == "GBP" ? "£" : currency;
}

// Spaces people put between digit groups: space, tab, no-break space, narrow
// no-break space (French typography), thin space.
constexpr const char* kGroupSpaces[] = {" ", "\t", "\u00A0", "\u202F", "\u2009"};

bool has_at(const std::string& s, size_t i, const std::string& token) {
    return !token.empty() && s.compare(i, token.size(), token) == 0;
}

std::string trim_group_spaces(std::string s) {
    for (bool changed = true; changed && !s.empty();) {
        changed = false;
        for (const std::string sp : kGroupSpaces) {
            if (has_at(s, 0, sp)) {
                s.erase(0, sp.size());
                changed = true;
            } else if (s.size() >= sp.size() && has_at(s, s.size() - sp.size(), sp)) {
                s.erase(s.size() - sp.size());
                changed = true;
            }
        }
    }
    return s;
}

bool iequal_ascii(const std::string& a, size_t at, const std::string& b) {
    if (b.empty() || at + b.size() > a.size()) return false;
    for (size_t i = 0; i < b.size(); ++i) {
        char x = a[at + i], y = b[i];
        if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
        if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
        if (x != y) return false;
    }
    return true;
}

// Removes the currency's symbol or code written before or after the number.
void strip_currency(std::string& s, const std::string& currency) {
    for (const std::string& token : {currency_symbol(currency), currency}) {
        if (iequal_ascii(s, 0, token)) {
            s = trim_group_spaces(s.substr(token.size()));
            return;
        }
        if (s.size() >= token.size() && iequal_ascii(s, s.size() - token.size(), token)) {
            s = trim_group_spaces(s.substr(0, s.size() - token.size()));
            return;
        }
    }
}

}  // namespace

AmountStyle amount_style(const std::string& language) {
    if (language == "fr") return {",", "\u202F"};
    return {".", ","};
}

std::optional<Minor> parse_typed_amount(const std::string& text, const AmountStyle& style,
                                        const std::string& currency) {
    if (text.size() > 64) return std::nullopt;
    std::string s = trim_group_spaces(text);
    strip_currency(s, currency);
    // With a comma as decimal mark, a point can only be a decimal mark too
    // (unless the style groups with points).
    const std::string alt_decimal = style.decimal == "," && style.group != "." ? "." : "";
    std::int64_t whole = 0, frac = 0;
    int whole_digits = 0, frac_digits = 0, group_digits = 0;
    bool seen_group = false, seen_decimal = false;
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            if (seen_decimal) {
                if (++frac_digits > 2) return std::nullopt;
                frac = frac * 10 + (c - '0');
            } else {
                if (++whole_digits > 13) return std::nullopt;
                whole = whole * 10 + (c - '0');
                ++group_digits;
            }
            ++i;
            continue;
        }
        if (has_at(s, i, style.decimal) || has_at(s, i, alt_decimal)) {
            if (seen_decimal || whole_digits == 0 || (seen_group && group_digits != 3)) return std::nullopt;
            seen_decimal = true;
            i += has_at(s, i, style.decimal) ? style.decimal.size() : alt_decimal.size();
            continue;
        }
        size_t sep = has_at(s, i, style.group) ? style.group.size() : 0;
        for (const std::string sp : kGroupSpaces)
            if (!sep && has_at(s, i, sp)) sep = sp.size();
        if (!sep) return std::nullopt;
        // A group separator stands between digits, every three digits.
        if (seen_decimal || group_digits == 0 || group_digits > 3 || (seen_group && group_digits != 3))
            return std::nullopt;
        seen_group = true;
        group_digits = 0;
        i += sep;
    }
    if (whole_digits == 0 || (seen_decimal && frac_digits == 0)) return std::nullopt;
    if (seen_group && !seen_decimal && group_digits != 3) return std::nullopt;
    if (frac_digits == 1) frac *= 10;
    return whole * 100 + frac;
}

std::string format_typed_amount(Minor minor, const AmountStyle& style) {
    const Minor a = minor < 0 ? -minor : minor;
    // Appended piece by piece: GCC 12 takes `"-" + std::string&&` for an
    // overlapping copy (a -Wrestrict false positive).
    std::string out;
    if (minor < 0) out += '-';
    out += group_thousands(a / 100, style.group);
    out += style.decimal;
    out += fmt::format("{:02}", a % 100);
    return out;
}

Minor parse_amount(const std::string& text) {
    std::int64_t v = 0;
    if (!text.empty() && text[0] == '-')
        throw InvalidInput({ErrorCode::NegativeAmount, "amount", {{"value", text}}},
                           fmt::format("amount {} is negative; amounts are 0 or more", quote_value(text)));
    if (!parse_scaled(text, 2, v))
        throw InvalidInput(
            {ErrorCode::InvalidAmount, "amount", {{"value", text}}},
            fmt::format("amount {} is not valid: write digits with at most two decimals, e.g. 1500 or 1500,50",
                        quote_value(text)));
    return v;
}

std::string format_amount(Minor minor) {
    const char* sign = minor < 0 ? "-" : "";
    Minor a = minor < 0 ? -minor : minor;
    return fmt::format("{}{}.{:02}", sign, a / 100, a % 100);
}

std::string format_money(Minor minor, const std::string& currency, const std::string& language) {
    const bool neg = minor < 0;
    Minor a = neg ? -minor : minor;
    std::string symbol = currency_symbol(currency);
    if (language == "fr") {
        // French: narrow no-break space between groups, comma, symbol after.
        std::string s = group_thousands(a / 100, "\u202F") + fmt::format(",{:02}", a % 100);
        return (neg ? "-" : "") + s + "\u00A0" + symbol;
    }
    std::string s = group_thousands(a / 100, ",") + fmt::format(".{:02}", a % 100);
    if (symbol.size() == 3 && symbol == currency) return (neg ? "-" : "") + s + " " + symbol;
    return (neg ? "-" : "") + symbol + s;
}

RateBp parse_rate(const std::string& text) {
    std::int64_t v = 0;
    if (!parse_scaled(text, 2, v) || v > 10000)
        throw InvalidInput({ErrorCode::InvalidAmount, "vat_rate", {{"value", text}}},
                           fmt::format("VAT rate {} is not valid: write a percentage from 0 to 100, e.g. 20 or 5.5",
                                       quote_value(text)));
    return static_cast<RateBp>(v);
}

std::string format_rate(RateBp bp) {
    if (bp % 100 == 0) return std::to_string(bp / 100);
    if (bp % 10 == 0) return fmt::format("{}.{}", bp / 100, (bp % 100) / 10);
    return fmt::format("{}.{:02}", bp / 100, bp % 100);
}

Minor apply_rate(Minor net, RateBp bp) {
    // |net| * bp / 10000, half away from zero, split so nothing overflows:
    // (hi * 10000 + lo) * bp / 10000 = hi * bp + lo * bp / 10000.
    const Minor a = net < 0 ? -net : net;
    const Minor hi = a / 10000, lo = a % 10000;
    const Minor q = hi * bp + (lo * bp + 5000) / 10000;
    return net < 0 ? -q : q;
}

}  // namespace sponsordesk

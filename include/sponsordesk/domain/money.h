#pragma once
// Money as an integer count of minor units (cents); never a floating point.
#include <cstdint>
#include <optional>
#include <string>

namespace sponsordesk {

using Minor = std::int64_t;

// Parses "1500", "1500.00", "1500,5": at most two decimals, no sign, no
// thousands separator. Throws InvalidInput naming the text otherwise.
Minor parse_amount(const std::string& text);

// "1500.00" (machine form: JSON, CSV, exports).
std::string format_amount(Minor minor);

// Amount for people in a language: fr "1 500,00 €", en "€1,500.00".
std::string format_money(Minor minor, const std::string& currency, const std::string& language);

// How people write amounts in a language: the decimal mark and the group
// separator (fr: "," and U+202F narrow no-break space; en: "." and ",").
struct AmountStyle {
    std::string decimal;
    std::string group;
};
AmountStyle amount_style(const std::string& language);

// Parses an amount as a person types it in a form: "1 500,00 €", "1 500",
// "1500,5", "1500" in French; "1,500.00", "$1500", "1500 USD" in English.
// Groups may be separated by the style's separator, a space, a no-break or a
// (narrow) thin space, always by three digits; the currency's symbol or code
// may come before or after. With a comma as decimal mark a point is accepted
// as one too ("1500.50"). At most two decimals, no sign. nullopt when the
// text is not such an amount: the front end words the error in its language.
std::optional<Minor> parse_typed_amount(const std::string& text, const AmountStyle& style, const std::string& currency);

// The amount as a form pre-fills it, without symbol: fr "1 500,00", en "1,500.00".
std::string format_typed_amount(Minor minor, const AmountStyle& style);

// Rates are basis points of a percent: 2000 = 20.00 %.
using RateBp = std::int32_t;

// Parses "20", "5.5", "0": a percentage with at most two decimals.
RateBp parse_rate(const std::string& text);
std::string format_rate(RateBp bp);  // "20", "5.5"

// amount * rate, rounded half away from zero to the cent.
Minor apply_rate(Minor net, RateBp bp);

}  // namespace sponsordesk

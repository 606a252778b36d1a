#pragma once
// Money as an integer count of minor units (cents); never a floating point.
#include <cstdint>
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

// Rates are basis points of a percent: 2000 = 20.00 %.
using RateBp = std::int32_t;

// Parses "20", "5.5", "0": a percentage with at most two decimals.
RateBp parse_rate(const std::string& text);
std::string format_rate(RateBp bp);  // "20", "5.5"

// amount * rate, rounded half away from zero to the cent.
Minor apply_rate(Minor net, RateBp bp);

}  // namespace sponsordesk

#pragma once
// Checks on user-supplied values; each throws InvalidInput naming the value.
#include <string>

namespace sponsordesk::validate {

// A one-line name: not empty, at most max_chars characters, valid UTF-8,
// no control characters. Returns it with surrounding spaces trimmed.
std::string name(const std::string& field, const std::string& value, size_t max_chars = 200);
// Free text (address, notes, copy): valid UTF-8, at most max_bytes, no
// control characters but newline and tab. May be empty.
std::string text(const std::string& field, const std::string& value, size_t max_bytes = 4000);
std::string slug(const std::string& value);            // a-z 0-9 -, 1..64
std::string placement_code(const std::string& value);  // A-Z a-z 0-9 _ -, 1..32
std::string email(const std::string& value);           // empty allowed
std::string phone(const std::string& value);           // digits, spaces, + . - ( ); empty allowed
std::string country(const std::string& value);         // ISO 3166 alpha-2, upper-cased
std::string currency(const std::string& value);        // ISO 4217, three letters, upper-cased
std::string language(const std::string& value);        // fr | en
std::string siren(const std::string& value);           // 9 digits (SIREN) or 14 (SIRET); spaces dropped
std::string vat_number(const std::string& value);      // two letters + 2..13 letters/digits; spaces dropped
std::string iban(const std::string& value);            // ISO 13616 with its mod-97 check; spaces dropped
std::string bic(const std::string& value);             // 8 or 11 letters/digits
int integer(const std::string& field, long long value, long long min, long long max);
bool is_utf8(const std::string& s);
// The stable key of a field named by its English label ("sponsor name" →
// "name", "payment terms" → "payment_terms_days"), as errors carry it.
std::string field_key(const std::string& label);
size_t utf8_length(const std::string& s);

}  // namespace sponsordesk::validate

#pragma once
// Checks on user-supplied values; each throws InvalidInput naming the value.
#include <string>

#include "sponsordesk/domain/model.h"

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
std::string country(const std::string& value);         // an assigned ISO 3166-1 alpha-2 code, upper-cased
std::string currency(const std::string& value);        // ISO 4217, three letters, upper-cased
std::string language(const std::string& value);        // fr | en
// French company identifiers, spaces dropped, empty allowed. A SIREN is 9
// digits with a valid Luhn key; 14 digits given as a SIREN are refused
// (SiretAsSiren: it is a SIRET). A SIRET is 14 digits with a valid Luhn key,
// except La Poste's establishments (SIREN 356000000), whose digits add up to
// a multiple of 5.
std::string siren(const std::string& value);
std::string siret(const std::string& value);
// Two letters + 2..13 letters/digits, spaces dropped, upper-cased. A French
// one (FR) is FR + a 2-digit key + a valid SIREN, with the key
// (12 + 3 × (SIREN mod 97)) mod 97.
std::string vat_number(const std::string& value);
// Agreement between a company's identifiers, each already valid (empty ones
// agree with anything): the SIRET begins with the SIREN (SiretOtherSiren);
// a French VAT number carries the SIREN (VatOtherSiren).
void siret_of_siren(const std::string& siret, const std::string& siren);
void vat_of_siren(const std::string& vat_number, const std::string& siren);
// The pieces of the checks above, for tests and for whoever needs a key.
bool luhn_valid(const std::string& digits);
bool siret_key_valid(const std::string& siret);  // Luhn, or La Poste's rule
int french_vat_key(const std::string& siren);    // 0..96
// A postcode of `country`: France (and the territories that share its
// postal system: MC, GP, MQ, GF, RE, YT, PM, BL, MF, NC, PF, WF) 5 digits;
// elsewhere 2..10 letters, digits, spaces and dashes with a digit or letter
// first. Empty allowed (some countries have none; issuing checks presence).
std::string postcode(const std::string& value, const std::string& country);
// Each part of a postal address: lines and city one-line text (line 1 and 2
// at most 200 characters, city 100), the postcode for the country, the
// country an ISO code (FR when empty). Fields: address_line1,
// address_line2, postcode, city, country.
PostalAddress postal_address(PostalAddress a);
// An optional one-line text (reference, legal form, registry…): trimmed,
// no control characters, at most max_chars; empty allowed.
std::string line(const std::string& field, const std::string& value, size_t max_chars = 200);
// An electronic invoicing address (BT-34/BT-49): an email address, or a
// SIREN/SIRET (optionally followed by _suffix as French platforms route);
// empty allowed.
std::string einvoice_address(const std::string& value);
std::string iban(const std::string& value);  // ISO 13616 with its mod-97 check; spaces dropped
std::string bic(const std::string& value);   // 8 or 11 letters/digits
int integer(const std::string& field, long long value, long long min, long long max);
bool is_utf8(const std::string& s);
// The stable key of a field named by its English label ("sponsor name" →
// "name", "payment terms" → "payment_terms_days"), as errors carry it.
std::string field_key(const std::string& label);
size_t utf8_length(const std::string& s);

}  // namespace sponsordesk::validate

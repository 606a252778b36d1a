#pragma once
// Unicode text as the core stores and compares it, done by GLib: every text
// input is stored in NFC, and names and categories compare by their case
// folding, so that "Énergie", "énergie" and "ÉNERGIE" are one category.
#include <string>
#include <string_view>

namespace sponsordesk::text {

// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_utf8(std::string_view s);

// The canonical composition (NFC) of s; InvalidInput naming `field` when s
// is not valid UTF-8.
std::string nfc(std::string_view s, std::string_view field = "text");

// The key two texts are compared by when case does not matter: Unicode case
// folding of the canonical decomposition, recomposed (NFC). fold(a) ==
// fold(b) for "Énergie" and "ÉNERGIE", also when one is typed decomposed.
// InvalidInput naming `field` when s is not valid UTF-8.
std::string fold(std::string_view s, std::string_view field = "text");

// A slug suggested for a name: letters transliterated to ASCII ("L'Écho &
// Cœur" gives "l-echo-coeur"), lower case, every other run of characters one
// dash. Empty when nothing is left; invalid UTF-8 gives what its valid
// start gives.
std::string slug_from(std::string_view name);

}  // namespace sponsordesk::text

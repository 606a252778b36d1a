#pragma once
// The one word-counting rule of SponsorDesk, shared by copy limits and drafts.
//
// Word count rule (copied to the README, "Word count"):
// Words are counted on the text a reader sees once the Markdown is rendered:
// Markdown syntax, link URLs, raw HTML and images are not counted; the text
// of links, emphasis and code is. The text is cut into tokens at white space
// (including no-break spaces U+00A0 and U+202F) and at en and em dashes
// (– —). A token counts as one word when it holds at least one letter or
// digit (accented and non-Latin letters are letters), so «, », —, "!",
// emoji-only and punctuation-only tokens are not words. A token that is a
// URL (starting with http://, https://, mailto: or www.) is not a word. A
// French elided article or pronoun glued by an apostrophe (' or ’) counts
// as its own word, as a reader counts it: l', d', j', m', n', s', t', c',
// qu', jusqu', lorsqu', puisqu', quoiqu' — so "l'IA" is 2 words and
// "qu'il" 2; other apostrophes do not split ("aujourd'hui", "don't" are 1).
// A hyphenated compound is one word: "c'est-à-dire" is 2 words (c' +
// est-à-dire), "porte-monnaie" 1, "2024-2025" 1.
#include <string_view>

struct cmark_node;

namespace sponsordesk {

// Words in plain text under the rule above.
int count_text_words(std::string_view text);

// Words of a parsed Markdown tree under the rule above. Nodes whose user
// data is not_counted_marker() (and their children) are skipped: the
// renderer uses it for lines that only show a URL.
int count_tree_words(cmark_node* root);

void* not_counted_marker();

}  // namespace sponsordesk

#include "sponsordesk/drafts/word_rule.h"

#include <cmark.h>

#include <array>
#include <string>
#include <utility>

namespace sponsordesk {
namespace {

// Decodes one UTF-8 code point at s[i] and advances i; a malformed byte
// yields U+FFFD and moves one byte on.
char32_t next_code_point(std::string_view s, size_t& i) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len; ++k) {
        auto c = static_cast<unsigned char>(s[i + k]);
        if ((c >> 6) != 0x2) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    i += len;
    return cp;
}

bool is_separator(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == 0x2013 || c == 0x2014 || c == 0x2015;
}

// Letters and digits, generously: every code point from U+00C0 up is taken
// as a letter except the blocks of punctuation, symbols, emoji and marks.
bool is_letter_or_digit(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x0300 && c <= 0x036F) return false;    // combining marks
    if (c >= 0x2000 && c <= 0x2BFF) return false;    // punctuation, currency, arrows, symbols
    if (c >= 0x2E00 && c <= 0x2E7F) return false;    // supplemental punctuation
    if (c >= 0x3000 && c <= 0x303F) return false;    // CJK punctuation
    if (c >= 0xE000 && c <= 0xF8FF) return false;    // private use
    if (c >= 0xFE00 && c <= 0xFE0F) return false;    // variation selectors
    if (c >= 0xFFF0 && c <= 0xFFFF) return false;    // specials, U+FFFD
    if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji, flags
    if (c >= 0xE0000) return false;                  // tags
    return true;
}

bool has_letter_or_digit(std::string_view s) {
    for (size_t i = 0; i < s.size();)
        if (is_letter_or_digit(next_code_point(s, i))) return true;
    return false;
}

std::string_view skip_leading_punctuation(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        size_t at = i;
        if (is_letter_or_digit(next_code_point(s, i))) return s.substr(at);
    }
    return {};
}

bool starts_with_ascii_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

bool is_url_token(std::string_view token) {
    // "(https://…" and "<www.…" are URLs too.
    while (!token.empty() && (token.front() == '(' || token.front() == '<' || token.front() == '[' ||
                              token.front() == '"' || token.front() == '\''))
        token.remove_prefix(1);
    for (std::string_view p : {"http://", "https://", "mailto:", "www."})
        if (starts_with_ascii_nocase(token, p)) return true;
    return false;
}

bool is_elided_word(std::string_view prefix) {
    static constexpr std::array<std::string_view, 13> elided = {"l", "d",  "j",     "m",      "n",      "s",     "t",
                                                                "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
    for (std::string_view e : elided)
        if (prefix.size() == e.size() && starts_with_ascii_nocase(prefix, e)) return true;
    return false;
}

// The first apostrophe of `s`, straight (') or curly (’, 3 bytes in UTF-8):
// its offset and its length, or npos. One scan that stops at the first of
// either, so that each elided word of a chain costs only its own bytes.
std::pair<size_t, size_t> first_apostrophe(std::string_view s) {
    static constexpr std::string_view kCurly = "\u2019";
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\'') return {i, 1};
        if (s[i] == kCurly[0] && s.substr(i, kCurly.size()) == kCurly) return {i, kCurly.size()};
    }
    return {std::string_view::npos, 0};
}

int count_token(std::string_view token) {
    if (is_url_token(token)) return 0;
    int words = 0;
    for (;;) {
        std::string_view word = skip_leading_punctuation(token);
        const auto [apos, apos_len] = first_apostrophe(word);
        if (apos == std::string_view::npos) break;
        std::string_view rest = word.substr(apos + apos_len);
        if (!is_elided_word(word.substr(0, apos)) || !has_letter_or_digit(rest)) break;
        ++words;
        token = rest;
    }
    return words + (has_letter_or_digit(token) ? 1 : 0);
}

// Walks with cmark's iterator rather than recursion: sponsor copy may nest
// thousands of levels deep.
void collect_text(cmark_node* root, std::string& out) {
    cmark_iter* it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(node);
        if (ev == CMARK_EVENT_ENTER &&
            (cmark_node_get_user_data(node) == not_counted_marker() || type == CMARK_NODE_IMAGE)) {
            if (cmark_node_first_child(node)) cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
            continue;
        }
        if (ev == CMARK_EVENT_ENTER) {
            if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK) {
                if (const char* lit = cmark_node_get_literal(node)) out += lit;
            } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
                out += ' ';
            }
        }
        // A block ends a word even when the next block's text follows directly.
        bool leaf = cmark_node_first_child(node) == nullptr;
        if ((ev == CMARK_EVENT_EXIT || leaf) && type >= CMARK_NODE_FIRST_BLOCK && type <= CMARK_NODE_LAST_BLOCK)
            out += '\n';
    }
    cmark_iter_free(it);
}

}  // namespace

void* not_counted_marker() {
    static char marker;
    return &marker;
}

int count_text_words(std::string_view text) {
    int words = 0;
    size_t start = 0, i = 0;
    while (i < text.size()) {
        size_t at = i;
        if (is_separator(next_code_point(text, i))) {
            if (at > start) words += count_token(text.substr(start, at - start));
            start = i;
        }
    }
    if (text.size() > start) words += count_token(text.substr(start));
    return words;
}

int count_tree_words(cmark_node* root) {
    std::string text;
    collect_text(root, text);
    return count_text_words(text);
}

}  // namespace sponsordesk

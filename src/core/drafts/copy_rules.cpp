#include "sponsordesk/drafts/copy_rules.h"

#include <cmark.h>

#include <cctype>
#include <memory>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {

struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

NodePtr parse(const std::string& markdown) {
    return NodePtr(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
}

std::string lower_scheme(const std::string& url) {
    std::string s;
    for (char c : url) {
        if (c == ':') return s;
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return "";
        s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return "";
}

void check_link(const std::string& url) {
    std::string scheme = lower_scheme(url);
    if (scheme != "http" && scheme != "https" && scheme != "mailto")
        throw InvalidInput(fmt::format(
            "link {} is refused: only http, https and mailto links are allowed in copy", quote_value(url)));
}

// A word is a run of non-space characters holding at least one letter or digit.
int count_plain_words(const std::string& text) {
    int words = 0;
    bool in_word = false, has_alnum = false;
    for (size_t i = 0; i <= text.size(); ++i) {
        unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
        bool space = std::isspace(c);
        if (space) {
            if (in_word && has_alnum) ++words;
            in_word = has_alnum = false;
        } else {
            in_word = true;
            if (std::isalnum(c) || c >= 0x80) has_alnum = true;
        }
    }
    return words;
}

}  // namespace

int count_words(const std::string& markdown) {
    NodePtr doc = parse(markdown);
    int words = 0;
    cmark_iter* it = cmark_iter_new(doc.get());
    cmark_event_type ev;
    std::string pending;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
            const char* lit = cmark_node_get_literal(n);
            if (lit) pending += lit;
        } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
            pending += ' ';
        } else if (ev == CMARK_EVENT_EXIT && t == CMARK_NODE_PARAGRAPH) {
            words += count_plain_words(pending);
            pending.clear();
        } else if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_PARAGRAPH) {
            words += count_plain_words(pending);
            pending.clear();
        }
    }
    words += count_plain_words(pending);
    cmark_iter_free(it);
    return words;
}

void validate_copy_links(const std::string& markdown, const std::string& call_to_action) {
    if (!call_to_action.empty()) check_link(call_to_action);
    NodePtr doc = parse(markdown);
    cmark_iter* it = cmark_iter_new(doc.get());
    cmark_event_type ev;
    try {
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node* n = cmark_iter_get_node(it);
            if (ev == CMARK_EVENT_ENTER &&
                (cmark_node_get_type(n) == CMARK_NODE_LINK || cmark_node_get_type(n) == CMARK_NODE_IMAGE)) {
                const char* url = cmark_node_get_url(n);
                check_link(url ? url : "");
            }
        }
    } catch (...) {
        cmark_iter_free(it);
        throw;
    }
    cmark_iter_free(it);
}

}  // namespace sponsordesk

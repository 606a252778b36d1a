#include "sponsordesk/drafts/copy_rules.h"

#include <cmark.h>

#include <cctype>
#include <memory>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/drafts/word_rule.h"

namespace sponsordesk {
namespace {

struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

NodePtr parse(const std::string& markdown) {
    return NodePtr(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_VALIDATE_UTF8));
}

// The scheme of a URL in lower case, or "" when it has none.
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
    if (!is_allowed_copy_link(url))
        throw InvalidInput(
            {ErrorCode::InvalidLink, "copy", {{"value", url}}},
            fmt::format("link {} is refused: only http, https and mailto links are allowed in copy", quote_value(url)));
}

}  // namespace

bool is_allowed_copy_link(const std::string& url) {
    std::string scheme = lower_scheme(url);
    return scheme == "http" || scheme == "https" || scheme == "mailto";
}

int count_words(const std::string& markdown) {
    NodePtr doc = parse(markdown);
    return count_tree_words(doc.get());
}

std::vector<std::string> copy_links(const std::string& markdown) {
    std::vector<std::string> links;
    NodePtr doc = parse(markdown);
    cmark_iter* it = cmark_iter_new(doc.get());
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER &&
            (cmark_node_get_type(n) == CMARK_NODE_LINK || cmark_node_get_type(n) == CMARK_NODE_IMAGE)) {
            const char* url = cmark_node_get_url(n);
            links.emplace_back(url ? url : "");
        }
    }
    cmark_iter_free(it);
    return links;
}

void validate_copy_links(const std::string& markdown, const std::string& call_to_action) {
    if (!call_to_action.empty()) check_link(call_to_action);
    for (const std::string& url : copy_links(markdown)) check_link(url);
}

}  // namespace sponsordesk

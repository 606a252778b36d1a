#include "sponsordesk/drafts/plain_text.h"

#include <cmark.h>

#include <string>

namespace sponsordesk {
namespace {

std::string literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? s : "";
}

// Nesting past this depth (hostile copy: thousands of "> " or "*") is
// written flat, so the recursion below cannot exhaust the stack.
constexpr int kMaxDepth = 64;
thread_local int depth = 0;

struct Deeper {
    Deeper() { ++depth; }
    ~Deeper() { --depth; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;
};

// The text of a subtree, walked with cmark's iterator instead of recursion.
std::string flat_text(cmark_node* root) {
    std::string out;
    cmark_iter* it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(it);
        const cmark_node_type t = cmark_node_get_type(n);
        if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
            out += literal(n);
        } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ||
                   (ev == CMARK_EVENT_EXIT && t == CMARK_NODE_PARAGRAPH)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        }
    }
    cmark_iter_free(it);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

void render_inlines(cmark_node* parent, std::string& out);

void render_inline(cmark_node* n, std::string& out) {
    Deeper guard;
    if (depth > kMaxDepth) {
        out += flat_text(n);
        return;
    }
    switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            out += literal(n);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            out += '\n';
            break;
        case CMARK_NODE_HTML_INLINE:
            break;
        case CMARK_NODE_LINK: {
            std::string text;
            render_inlines(n, text);
            const char* u = cmark_node_get_url(n);
            std::string url = u ? u : "";
            out += text;
            bool url_is_text = text == url || "mailto:" + text == url;
            if (!url.empty() && !url_is_text) {
                if (!text.empty()) out += ' ';
                out += '(';
                out += url;
                out += ')';
            } else if (text.empty()) {
                out += url;
            }
            break;
        }
        default:  // emphasis, strong, image (alt text)
            render_inlines(n, out);
            break;
    }
}

void render_inlines(cmark_node* parent, std::string& out) {
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) render_inline(c, out);
}

// Prefixes every line of `text` with `first` for the first line and `next`
// for the others (empty lines get the prefix without trailing spaces).
std::string prefix_lines(const std::string& text, const std::string& first, const std::string& next) {
    std::string out;
    size_t start = 0;
    bool first_line = true;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        std::string prefix = first_line ? first : next;
        if (line.empty()) {
            while (!prefix.empty() && prefix.back() == ' ') prefix.pop_back();
        }
        out += prefix + line;
        if (end < text.size()) out += '\n';
        start = end + 1;
        first_line = false;
    }
    return out;
}

std::string render_block(cmark_node* n);

// Blocks of a container, separated by a blank line (a single line break in
// a tight list item).
std::string render_blocks(cmark_node* parent, const char* separator = "\n\n") {
    std::string out;
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
        std::string block = render_block(c);
        if (block.empty()) continue;
        if (!out.empty()) out += separator;
        out += block;
    }
    return out;
}

std::string render_block(cmark_node* n) {
    Deeper guard;
    if (depth > kMaxDepth) return flat_text(n);
    switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING: {
            std::string out;
            render_inlines(n, out);
            return out;
        }
        case CMARK_NODE_CODE_BLOCK: {
            std::string out = literal(n);
            while (!out.empty() && out.back() == '\n') out.pop_back();
            return out;
        }
        case CMARK_NODE_THEMATIC_BREAK:
            return "----";
        case CMARK_NODE_HTML_BLOCK:
            return "";
        case CMARK_NODE_BLOCK_QUOTE:
            return prefix_lines(render_blocks(n), "> ", "> ");
        case CMARK_NODE_LIST: {
            bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            bool tight = cmark_node_get_list_tight(n) != 0;
            int number = cmark_node_get_list_start(n);
            std::string out;
            for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
                std::string marker = ordered ? std::to_string(number++) + ". " : "- ";
                std::string body = render_blocks(item, tight ? "\n" : "\n\n");
                if (!out.empty()) out += tight ? "\n" : "\n\n";
                out += prefix_lines(body, marker, std::string(marker.size(), ' '));
            }
            return out;
        }
        default:  // document, custom block
            return render_blocks(n);
    }
}

}  // namespace

std::string render_plain_text(cmark_node* root) {
    std::string out = render_block(root);
    if (!out.empty()) out += '\n';
    return out;
}

}  // namespace sponsordesk

#include "sponsordesk/drafts/draft_renderer.h"

#include <cmark.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string_view>

#include "sponsordesk/drafts/copy_rules.h"
#include "sponsordesk/drafts/plain_text.h"
#include "sponsordesk/drafts/word_rule.h"

namespace sponsordesk {
namespace {

struct NodeFree {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;

NodePtr parse_markdown(const std::string& markdown) {
    NodePtr doc(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_VALIDATE_UTF8));
    // cmark splits text at '_', '!' and the like: placeholders must be whole.
    cmark_consolidate_text_nodes(doc.get());
    return doc;
}

std::string literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? s : "";
}

cmark_node* make_text(const std::string& text) {
    cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(n, text.c_str());
    return n;
}

cmark_node* make_paragraph(cmark_node* inline_child) {
    cmark_node* p = cmark_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node_append_child(p, inline_child);
    return p;
}

// Moves the children of `node` to just before it, then frees it.
void unwrap(cmark_node* node) {
    while (cmark_node* c = cmark_node_first_child(node)) cmark_node_insert_before(node, c);
    cmark_node_free(node);
}

std::string_view trim(std::string_view s) {
    size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string_view::npos ? std::string_view() : s.substr(b, e - b + 1);
}

std::string trim(const std::string& s) { return std::string(trim(std::string_view(s))); }

// Sponsor names go into text nodes: line breaks and control characters
// would let a name start a Markdown block of its own in Markdown output.
std::string one_line(const std::string& s) {
    std::string out = s;
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return out;
}

// A CSS class fragment from a placement code: letters, digits, '-' and '_'.
std::string class_name(const std::string& code) {
    std::string out;
    for (char c : code) out += std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ? c : '-';
    return out;
}

struct Placeholder {
    size_t pos = 0;
    size_t len = 0;
    std::string name;  // inside the braces, trimmed
};

// "{{name}}" with no brace inside. A "{{" opens a placeholder exactly when
// the next brace after it begins "}}", so one pass over the text finds them
// all: a draft of a million '{' must not cost a scan of the rest per brace.
std::vector<Placeholder> find_placeholders(std::string_view text) {
    std::vector<Placeholder> found;
    size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string_view::npos) {
        const size_t next = text.find_first_of("{}", pos + 2);
        if (next == std::string_view::npos) break;
        if (text[next] == '}' && next + 1 < text.size() && text[next + 1] == '}') {
            found.push_back({pos, next + 2 - pos, std::string(trim(text.substr(pos + 2, next - pos - 2)))});
            pos = next + 2;
        } else {
            // No "{{" starts between here and the brace just before `next`.
            pos = next - 1;
        }
    }
    return found;
}

std::optional<std::string> slot_code(const std::string& placeholder_name) {
    if (placeholder_name.rfind("slot:", 0) != 0) return std::nullopt;
    return trim(placeholder_name.substr(5));
}

bool is_approved(BookingStatus s) { return s == BookingStatus::Approved || s == BookingStatus::Published; }

bool is_web_link(const std::string& url) {
    std::string head = url.substr(0, 8);
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
    return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

// A text node of the draft holding "{{", with its line in the draft.
struct PlaceholderText {
    cmark_node* node;
    int line;
};

class DraftRenderer {
public:
    DraftRenderer(const DraftContext& context, DraftFormat format) : ctx_(context), format_(format) {}

    RenderedDraft run() {
        std::string date_text = format_issue_date(ctx_.issue_date, ctx_.language);  // validates the language
        reading_seconds(0, ctx_.words_per_minute);                                  // validates the speed
        NodePtr doc = parse_markdown(ctx_.draft);

        std::vector<PlaceholderText> texts = find_placeholder_texts(doc.get());
        // Slot paragraphs are replaced whole, so they are told apart before
        // any node is changed or freed.
        // Each paragraph is judged once: a paragraph of many placeholder
        // lines must not be walked again for each of them.
        std::vector<std::pair<cmark_node*, int>> slot_paragraphs;
        std::map<cmark_node*, bool> is_slot;
        for (const PlaceholderText& t : texts) {
            cmark_node* p = cmark_node_parent(t.node);
            auto [judged, fresh] = is_slot.try_emplace(p, false);
            if (!fresh) continue;
            judged->second = is_slot_paragraph(p);
            if (judged->second) slot_paragraphs.emplace_back(p, cmark_node_get_start_line(p));
        }
        for (const PlaceholderText& t : texts)
            if (!is_slot[cmark_node_parent(t.node)]) fill_inline(t.node, t.line, date_text);
        for (auto [paragraph, line] : slot_paragraphs) fill_slot_paragraph(paragraph, line);
        warn_unplaced_bookings();

        RenderedDraft out;
        out.word_count = count_tree_words(doc.get());
        out.reading_seconds = reading_seconds(out.word_count, ctx_.words_per_minute);
        for (cmark_node* n : word_count_nodes_) cmark_node_set_literal(n, std::to_string(out.word_count).c_str());
        std::string time_text = format_reading_time(out.reading_seconds, ctx_.language);
        for (cmark_node* n : reading_time_nodes_) cmark_node_set_literal(n, time_text.c_str());

        out.text = render(doc.get());
        std::stable_sort(warnings_.begin(), warnings_.end(), [](const DraftWarning& a, const DraftWarning& b) {
            // Warnings tied to no line come last.
            return (a.line == 0 ? INT32_MAX : a.line) < (b.line == 0 ? INT32_MAX : b.line);
        });
        out.warnings = std::move(warnings_);
        return out;
    }

private:
    void warn(DraftWarning w) { warnings_.push_back(std::move(w)); }
    // A warning about sponsor text: `about` names whose text and its line.
    void warn(const DraftWarning& about, DraftWarningCode code, const std::string& link = {}) {
        DraftWarning w = about;
        w.code = code;
        w.link = link;
        warnings_.push_back(std::move(w));
    }

    std::string render(cmark_node* doc) {
        auto take = [](char* s) {
            std::string text(s ? s : "");
            std::free(s);
            return text;
        };
        switch (format_) {
            case DraftFormat::Markdown: {
                // A sponsored block (a custom block) ending the issue leaves
                // an extra blank line behind it.
                std::string md = take(cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0));
                while (md.size() >= 2 && md.compare(md.size() - 2, 2, "\n\n") == 0) md.pop_back();
                return md;
            }
            case DraftFormat::Html:
                return take(cmark_render_html(doc, CMARK_OPT_DEFAULT));
            case DraftFormat::Text:
                return render_plain_text(doc);
        }
        return {};
    }

    // Text nodes holding "{{" outside code, with their line: a leaf block's
    // start line plus the line breaks before the node.
    std::vector<PlaceholderText> find_placeholder_texts(cmark_node* doc) {
        std::vector<PlaceholderText> found;
        cmark_iter* it = cmark_iter_new(doc);
        cmark_event_type ev;
        int line = 1;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            if (ev != CMARK_EVENT_ENTER) continue;
            cmark_node* n = cmark_iter_get_node(it);
            cmark_node_type type = cmark_node_get_type(n);
            if (type >= CMARK_NODE_FIRST_BLOCK && type <= CMARK_NODE_LAST_BLOCK) line = cmark_node_get_start_line(n);
            if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) ++line;
            if (type == CMARK_NODE_TEXT && literal(n).find("{{") != std::string::npos) found.push_back({n, line});
            if (format_ == DraftFormat::Html && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE))
                warn({.code = DraftWarningCode::DraftHtmlOmitted, .line = line});
        }
        cmark_iter_free(it);
        return found;
    }

    // A paragraph made only of {{slot:…}} placeholders, one a line.
    static bool is_slot_paragraph(cmark_node* p) {
        if (!p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) return false;
        bool any = false;
        for (cmark_node* c = cmark_node_first_child(p); c; c = cmark_node_next(c)) {
            cmark_node_type type = cmark_node_get_type(c);
            if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) continue;
            if (type != CMARK_NODE_TEXT) return false;
            std::string text = trim(literal(c));
            auto found = find_placeholders(text);
            if (found.size() != 1 || found[0].len != text.size() || !slot_code(found[0].name)) return false;
            any = true;
        }
        return any;
    }

    const DraftPlacement* find_placement(const std::string& code) const {
        for (const DraftPlacement& p : ctx_.placements)
            if (p.code == code) return &p;
        return nullptr;
    }

    // Replaces the placeholders of one text node by their values; the word
    // count and reading time get empty nodes filled once words are counted.
    void fill_inline(cmark_node* text_node, int line, const std::string& date_text) {
        std::string text = literal(text_node);
        std::vector<cmark_node*> pieces;
        std::string pending;
        size_t at = 0;
        bool changed = false;
        for (const Placeholder& ph : find_placeholders(text)) {
            pending += text.substr(at, ph.pos - at);
            at = ph.pos + ph.len;
            std::string written = text.substr(ph.pos, ph.len);
            if (ph.name == "word_count" || ph.name == "reading_time") {
                if (!pending.empty()) pieces.push_back(make_text(pending));
                pending.clear();
                cmark_node* n = make_text("");
                (ph.name == "word_count" ? word_count_nodes_ : reading_time_nodes_).push_back(n);
                pieces.push_back(n);
                changed = true;
            } else if (ph.name == "issue_number") {
                pending += std::to_string(ctx_.issue_number);
                changed = true;
            } else if (ph.name == "issue_date") {
                pending += date_text;
                changed = true;
            } else if (auto code = slot_code(ph.name)) {
                pending += written;
                warn({.code =
                          find_placement(*code) ? DraftWarningCode::SlotNotAlone : DraftWarningCode::UnknownPlacement,
                      .line = line,
                      .placeholder = written,
                      .placement = *code});
            } else {
                pending += written;
                warn({.code = DraftWarningCode::UnknownPlaceholder, .line = line, .placeholder = written});
            }
        }
        if (!changed) return;
        pending += text.substr(at);
        if (!pending.empty()) pieces.push_back(make_text(pending));
        for (cmark_node* piece : pieces) cmark_node_insert_before(text_node, piece);
        cmark_node_free(text_node);
    }

    // Replaces a paragraph of slot placeholders by their sponsored blocks.
    void fill_slot_paragraph(cmark_node* paragraph, int first_line) {
        int line = first_line;
        for (cmark_node* c = cmark_node_first_child(paragraph); c; c = cmark_node_next(c)) {
            cmark_node_type type = cmark_node_get_type(c);
            if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
                ++line;
                continue;
            }
            std::string written = trim(literal(c));
            std::string code = *slot_code(find_placeholders(written)[0].name);
            const DraftPlacement* placement = find_placement(code);
            if (!placement) {
                warn({.code = DraftWarningCode::UnknownPlacement,
                      .line = line,
                      .placeholder = written,
                      .placement = code});
                cmark_node_insert_before(paragraph, make_paragraph(make_text(written)));
                continue;
            }
            if (!used_codes_.insert(code).second)
                warn({.code = DraftWarningCode::PlacementRepeated, .line = line, .placement = code});
            if (cmark_node* block = sponsored_block(*placement, line)) cmark_node_insert_before(paragraph, block);
        }
        cmark_node_free(paragraph);
    }

    cmark_node* sponsored_block(const DraftPlacement& placement, int line) {
        std::vector<const DraftBooking*> live;
        for (const DraftBooking& b : placement.bookings)
            if (b.status != BookingStatus::Cancelled) live.push_back(&b);
        if (live.empty() && !placement.house_ad) {
            warn({.code = DraftWarningCode::PlacementEmpty, .line = line, .placement = placement.code});
            return nullptr;
        }
        cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
        if (format_ == DraftFormat::Html) {
            std::string classes =
                "sponsored sponsored-" + class_name(placement.code) + (live.empty() ? " house-ad" : "");
            cmark_node_set_on_enter(block, ("<div class=\"" + classes + "\">").c_str());
            cmark_node_set_on_exit(block, "</div>");
        }
        if (!trim(placement.heading).empty()) {
            cmark_node* heading = cmark_node_new(CMARK_NODE_HEADING);
            cmark_node_set_heading_level(heading, 3);
            cmark_node_append_child(heading, make_text(one_line(placement.heading)));
            cmark_node_append_child(block, heading);
        }
        if (live.empty()) {
            append_sponsor_markdown(block, *placement.house_ad,
                                    {.line = line, .placement = placement.code, .source = SponsorText::HouseAd});
            return block;
        }
        for (const DraftBooking* b : live) {
            const DraftWarning about{.line = line,
                                     .placement = placement.code,
                                     .booking_id = b->booking_id,
                                     .sponsor = one_line(b->sponsor_name),
                                     .status = b->status,
                                     .source = SponsorText::Copy};
            if (!is_approved(b->status)) {
                cmark_node* strong = cmark_node_new(CMARK_NODE_STRONG);
                cmark_node_append_child(strong,
                                        make_text(not_approved_marker(one_line(b->sponsor_name), ctx_.language)));
                cmark_node_append_child(block, make_paragraph(strong));
                warn(about, DraftWarningCode::CopyNotApproved);
                continue;
            }
            if (trim(b->copy).empty() && b->link.empty()) warn(about, DraftWarningCode::ApprovedCopyEmpty);
            append_sponsor_markdown(block, b->copy, about);
            if (!b->link.empty()) append_call_to_action(block, b->link, about);
        }
        return block;
    }

    // Parses sponsor (or house ad) Markdown on its own, makes it safe and
    // tagged, and moves its blocks into `block`; `about` says whose it is.
    void append_sponsor_markdown(cmark_node* block, const std::string& markdown, const DraftWarning& about) {
        NodePtr doc = parse_markdown(markdown);
        std::vector<cmark_node*> nodes;
        cmark_iter* it = cmark_iter_new(doc.get());
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node* n = cmark_iter_get_node(it);
            cmark_node_type type = cmark_node_get_type(n);
            if (ev == CMARK_EVENT_ENTER &&
                (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_LINK ||
                 type == CMARK_NODE_IMAGE || type == CMARK_NODE_HEADING))
                nodes.push_back(n);
        }
        cmark_iter_free(it);
        bool html_removed = false;
        for (cmark_node* n : nodes) {
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_HTML_BLOCK:
                case CMARK_NODE_HTML_INLINE:
                    cmark_node_free(n);
                    html_removed = true;
                    break;
                case CMARK_NODE_IMAGE:
                    warn(about, DraftWarningCode::ImageReplaced);
                    unwrap(n);
                    break;
                case CMARK_NODE_HEADING: {
                    cmark_node* p = cmark_node_new(CMARK_NODE_PARAGRAPH);
                    while (cmark_node* c = cmark_node_first_child(n)) cmark_node_append_child(p, c);
                    cmark_node_replace(n, p);
                    cmark_node_free(n);
                    break;
                }
                default: {  // link
                    const char* u = cmark_node_get_url(n);
                    std::string url = u ? u : "";
                    if (!is_allowed_copy_link(url)) {
                        warn(about, DraftWarningCode::LinkRemoved, url);
                        // An autolink's text is its URL: it goes too.
                        cmark_node* only = cmark_node_first_child(n);
                        bool text_is_url = only && !cmark_node_next(only) &&
                                           cmark_node_get_type(only) == CMARK_NODE_TEXT && literal(only) == url;
                        if (text_is_url)
                            cmark_node_free(n);
                        else
                            unwrap(n);
                    } else if (is_web_link(url)) {
                        cmark_node_set_url(n, tag(url, about).c_str());
                    }
                    break;
                }
            }
        }
        if (html_removed) warn(about, DraftWarningCode::SponsorHtmlRemoved);
        while (cmark_node* c = cmark_node_first_child(doc.get())) cmark_node_append_child(block, c);
    }

    std::string tag(const std::string& url, const DraftWarning& about) {
        bool failed = false;
        std::string tagged = add_utm(url, ctx_.publication_slug, ctx_.issue_date, about.placement, &failed);
        if (failed) warn(about, DraftWarningCode::LinkNotTagged, url);
        return tagged;
    }

    // "→ acme.fr/essai" linking to the tagged call-to-action URL.
    void append_call_to_action(cmark_node* block, const std::string& url, const DraftWarning& booking) {
        DraftWarning about = booking;
        about.source = SponsorText::CallToAction;
        if (!is_allowed_copy_link(url)) {
            warn(about, DraftWarningCode::CallToActionRemoved, url);
            return;
        }
        cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
        cmark_node_set_url(link, tag(url, about).c_str());
        cmark_node_append_child(link, make_text(link_display_text(url).value_or(url)));
        cmark_node* paragraph = make_paragraph(make_text("\u2192 "));
        cmark_node_append_child(paragraph, link);
        cmark_node_set_user_data(paragraph, not_counted_marker());
        cmark_node_append_child(block, paragraph);
    }

    void warn_unplaced_bookings() {
        for (const DraftPlacement& p : ctx_.placements) {
            const auto live = std::count_if(p.bookings.begin(), p.bookings.end(),
                                            [](const DraftBooking& b) { return b.status != BookingStatus::Cancelled; });
            if (live > 0 && !used_codes_.count(p.code))
                warn({.code = DraftWarningCode::SlotMissing,
                      .line = 0,
                      .placement = p.code,
                      .live_bookings = static_cast<int>(live)});
        }
    }

    const DraftContext& ctx_;
    DraftFormat format_;
    std::vector<DraftWarning> warnings_;
    std::vector<cmark_node*> word_count_nodes_, reading_time_nodes_;
    std::set<std::string> used_codes_;
};

}  // namespace

RenderedDraft render_draft(const DraftContext& context, DraftFormat format) {
    return DraftRenderer(context, format).run();
}

}  // namespace sponsordesk

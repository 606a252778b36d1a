#pragma once
// Plain-text rendering of a cmark tree, with each link's URL after its text.
#include <string>

struct cmark_node;

namespace sponsordesk {

// Renders a parsed Markdown tree as plain text: blocks separated by a blank
// line, emphasis dropped, "text (url)" for links (just the URL when the text
// is the URL), "- " / "1. " for list items, "> " for quotes; raw HTML and
// images' URLs are left out (image alt text is kept). Ends with a newline.
std::string render_plain_text(cmark_node* root);

}  // namespace sponsordesk

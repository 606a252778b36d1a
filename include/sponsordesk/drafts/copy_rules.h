#pragma once
// Rules on sponsor copy that hold when copy is saved: word counts and links.
#include <string>
#include <vector>

namespace sponsordesk {

// Words of Markdown text as a reader sees them once rendered: Markdown
// syntax and link URLs are not counted. The rule is in word_rule.h (README:
// "Word count"); drafts count with the same code.
int count_words(const std::string& markdown);

// Whether a link may appear in copy: an http, https or mailto URL (scheme in
// any case).
bool is_allowed_copy_link(const std::string& url);

// The URLs of the links and images of Markdown copy, in order.
std::vector<std::string> copy_links(const std::string& markdown);

// Throws InvalidInput naming the first link of the copy (or the separate
// call-to-action link, when not empty) whose scheme is not http, https or
// mailto.
void validate_copy_links(const std::string& markdown, const std::string& call_to_action);

}  // namespace sponsordesk

#pragma once
// Rules on sponsor copy that hold when copy is saved: word counts and links.
#include <string>

namespace sponsordesk {

// Words of Markdown text as a reader sees them once rendered: Markdown
// syntax and link URLs are not counted. (Rule in README: "Word count".)
int count_words(const std::string& markdown);

// Throws InvalidInput naming the first link of the copy (or the separate
// call-to-action link, when not empty) whose scheme is not http, https or
// mailto.
void validate_copy_links(const std::string& markdown, const std::string& call_to_action);

}  // namespace sponsordesk

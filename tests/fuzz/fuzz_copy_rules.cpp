// Fuzzes the rules on sponsor copy: word counts (on Markdown and on plain
// text) and the link check. Input: copy \f call-to-action link.
//
// Properties: counts are never negative and never more than the bytes of
// the text (every word holds at least one letter); the link check throws
// only InvalidInput, and refuses exactly the call-to-action links that
// is_allowed_copy_link refuses.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/drafts/copy_rules.h"
#include "sponsordesk/drafts/word_rule.h"

using namespace sponsordesk;
using sponsordesk::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto p = sponsordesk::fuzz::parts(data, size, 2);
    const std::string& copy = p[0];
    const std::string& link = p[1];

    const int markdown_words = count_words(copy);
    const int text_words = count_text_words(copy);
    check(markdown_words >= 0 && text_words >= 0, "word counts are not negative");
    // Each word holds a letter or digit, so there are never more words than
    // bytes of the text.
    check(static_cast<size_t>(text_words) <= copy.size(), "no more words than bytes (plain text)");
    check(static_cast<size_t>(markdown_words) <= copy.size(), "no more words than bytes (Markdown)");

    bool refused = false;
    try {
        validate_copy_links(copy, link);
    } catch (const InvalidInput&) {
        refused = true;
    }
    if (!link.empty() && !is_allowed_copy_link(link))
        check(refused, "a refused call-to-action link is refused by the copy check");
    if (!refused && !link.empty()) check(is_allowed_copy_link(link), "an accepted call-to-action link is allowed");
    return 0;
}

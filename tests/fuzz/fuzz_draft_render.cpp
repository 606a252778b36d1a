// Fuzzes the draft renderer: a draft with placeholders over a small
// publication whose sponsor copy, call-to-action link and house ad also come
// from the input. Input: draft \f copy \f link \f house ad (form feeds).
//
// Properties: render_draft never throws for a valid language and reading
// speed (everything else about a draft is a warning); counts are never
// negative; the HTML has no script element and no javascript: link, since
// every part goes through cmark's safe mode; the three formats agree on the
// word count.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "sponsordesk/drafts/draft_renderer.h"

using namespace sponsordesk;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

DraftContext context(const std::vector<std::string>& p, bool english) {
    DraftContext c;
    c.draft = p[0];
    c.publication_slug = "lettre";
    c.language = english ? "en" : "fr";
    c.words_per_minute = 230;
    c.issue_number = 128;
    c.issue_date = {2026, 3, 3};
    DraftPlacement main{"main", "UN MOT DE NOTRE SPONSOR", {}, std::nullopt};
    main.bookings.push_back({1, "Acme <b>&</b>", BookingStatus::Approved, p[1], p[2]});
    main.bookings.push_back({2, "Café\nCrème", BookingStatus::Confirmed, p[1], ""});
    DraftPlacement ads{"ads", "PETITES ANNONCES", {}, p[3]};
    DraftPlacement empty{"podcast", "", {}, std::nullopt};
    c.placements = {main, ads, empty};
    return c;
}

void check_html(const std::string& html) {
    const std::string l = lower(html);
    sponsordesk::fuzz::check(l.find("<script") == std::string::npos, "no <script> in HTML output", html);
    sponsordesk::fuzz::check(l.find("href=\"javascript:") == std::string::npos, "no javascript: link in HTML", html);
    sponsordesk::fuzz::check(l.find("src=\"javascript:") == std::string::npos, "no javascript: source in HTML", html);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto p = sponsordesk::fuzz::parts(data, size, 4);
    const DraftContext c = context(p, size % 2 == 1);
    const RenderedDraft md = render_draft(c, DraftFormat::Markdown);
    const RenderedDraft html = render_draft(c, DraftFormat::Html);
    const RenderedDraft text = render_draft(c, DraftFormat::Text);
    for (const RenderedDraft* r : {&md, &html, &text}) {
        sponsordesk::fuzz::check(r->word_count >= 0 && r->reading_seconds >= 0, "counts are not negative");
        for (const auto& w : r->warnings) sponsordesk::fuzz::check(w.line >= 0, "warning lines are not negative");
    }
    sponsordesk::fuzz::check(md.word_count == html.word_count && html.word_count == text.word_count,
                             "every format counts the same words");
    check_html(html.text);
    return 0;
}

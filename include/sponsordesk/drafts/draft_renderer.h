#pragma once
// Fills an issue draft's placeholders with sponsored blocks and issue facts.
//
// Placeholders, replaced in the draft's text (never inside sponsor copy, house
// ads, code spans, code blocks or link URLs):
//   {{slot:CODE}}   on a line of its own: the placement's heading, then for
//                   each live booking in order its approved copy and its
//                   call-to-action line; the house ad when no booking is
//                   live; nothing (and a warning) when there is neither.
//                   A booking whose copy is not approved (hold, confirmed,
//                   copy-received) shows a marker in the publication's language,
//                   "[TEXTE NON VALIDÉ : <sponsor>]" / "[COPY NOT APPROVED: <sponsor>]".
//   {{word_count}}  words of the rendered issue (rule in word_rule.h),
//   {{reading_time}} that count at the publication's words per minute;
//                   neither counts its own words.
//   {{issue_number}}, {{issue_date}} ("mardi 28 janvier 2025").
// Unknown placeholders and placement codes are left as written and warned
// about with their line in the draft (see draft_warning.h).
//
// Call to action: when a booking has a link, a paragraph "→ <host/path>"
// follows its copy, linking to the link with UTM tags (a mailto: link shows
// the address). That line is not counted as words, since it is a URL.
//
// Sponsor text (copy, house ads, sponsor names) is parsed on its own, so its
// Markdown cannot reach the draft around it; its raw HTML is removed, links
// other than http/https/mailto lose their URL (their text stays, unless it
// is the URL itself), images are replaced by their alt text, headings become
// paragraphs, and web links get UTM tags (see utm.h). Sponsor names are
// shown as plain text on one line.
//
// HTML output uses cmark's safe mode throughout, so the draft's own raw HTML
// is omitted too (with a warning). Each sponsored block is wrapped in
// <div class="sponsored sponsored-CODE"> (plus "house-ad" for a house ad);
// Markdown and text output leave it unwrapped. Markdown output is the filled
// tree written back by cmark's CommonMark renderer: equivalent Markdown, but
// list markers, emphasis and escapes may be written differently from the
// draft. Text output writes each link's URL after its text.
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/model.h"
#include "sponsordesk/drafts/draft_warning.h"
#include "sponsordesk/drafts/issue_formats.h"
#include "sponsordesk/drafts/utm.h"

namespace sponsordesk {

// A booking as the draft needs it.
struct DraftBooking {
    Id booking_id = 0;
    std::string sponsor_name;
    BookingStatus status = BookingStatus::Hold;
    std::string copy;  // Markdown subset
    std::string link;  // call-to-action link, may be empty
};

// A placement of the issue with its live bookings in booking order.
struct DraftPlacement {
    std::string code;
    std::string heading;
    std::vector<DraftBooking> bookings;
    std::optional<std::string> house_ad;  // Markdown, the publisher's own copy
};

// Everything a draft needs to render: the draft text and facts of its issue.
struct DraftContext {
    std::string draft;
    std::string publication_slug;
    std::string language = "fr";  // fr | en
    int words_per_minute = 230;
    int issue_number = 0;
    Date issue_date;
    std::vector<DraftPlacement> placements;
};

enum class DraftFormat { Markdown, Html, Text };

struct RenderedDraft {
    std::string text;
    std::vector<DraftWarning> warnings;
    int word_count = 0;
    int reading_seconds = 0;
};

// Throws InvalidInput for a language other than fr/en or a non-positive
// reading speed; everything else about the draft is a warning.
RenderedDraft render_draft(const DraftContext& context, DraftFormat format);

}  // namespace sponsordesk

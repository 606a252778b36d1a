#pragma once
// What a rendered draft warns the editor about, as data: a code, the draft
// line and the values concerned. The CLI words a warning with english_text()
// (its contract); the desktop app words the code in the user's language.
// Nothing decides by the words.
#include <string>

#include "sponsordesk/domain/model.h"

namespace sponsordesk {

// What the warning is about. The fields of DraftWarning each code fills are
// listed beside it.
enum class DraftWarningCode {
    DraftHtmlOmitted,     // (HTML output) the draft's own raw HTML is left out
    SlotNotAlone,         // placeholder, placement: a known slot placeholder shares its line
    UnknownPlacement,     // placeholder, placement: no placement has that code
    UnknownPlaceholder,   // placeholder
    PlacementRepeated,    // placement: its copy is shown more than once
    PlacementEmpty,       // placement: no live booking and no house ad, nothing shown
    CopyNotApproved,      // placement, booking_id, sponsor, status: a marker is shown instead
    ApprovedCopyEmpty,    // placement, booking_id, sponsor
    ImageReplaced,        // source, placement, booking_id?, sponsor?: by its alt text
    LinkRemoved,          // source, placement, booking_id?, sponsor?, link: not http, https or mailto
    SponsorHtmlRemoved,   // source, placement, booking_id?, sponsor?
    LinkNotTagged,        // source, placement, booking_id?, sponsor?, link: unreadable, no UTM tags
    CallToActionRemoved,  // placement, booking_id, sponsor, link: not http, https or mailto
    SlotMissing,          // placement, live_bookings: booked, but the draft has no {{slot:CODE}}
};

// Whose text a warning about sponsor text concerns (booking_id and sponsor
// name the booking unless it is the house ad).
enum class SponsorText { None, Copy, HouseAd, CallToAction };

// A problem the editor should see; line is the draft's 1-based line, or 0
// when the problem is not tied to a line (a booked placement the draft never
// mentions). Every member has a default, so that the renderer names only
// the values a code carries (designated initializers, no -Wextra noise).
struct DraftWarning {
    DraftWarningCode code = DraftWarningCode::UnknownPlaceholder;
    int line = 0;
    std::string placeholder{};  // as written in the draft, "{{slot:XYZ}}"
    std::string placement{};    // placement code
    Id booking_id = 0;
    std::string sponsor{};  // sponsor name, on one line
    BookingStatus status = BookingStatus::Hold;
    std::string link{};  // the URL concerned
    SponsorText source = SponsorText::None;
    int live_bookings = 0;
};

// The warning in English, as the CLI prints it (without its line).
std::string english_text(const DraftWarning& warning);

}  // namespace sponsordesk

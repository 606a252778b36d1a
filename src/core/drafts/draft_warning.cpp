#include "sponsordesk/drafts/draft_warning.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {

std::string booking(const DraftWarning& w) { return fmt::format("booking #{} ({})", w.booking_id, w.sponsor); }

// "the copy of booking #3 (Acme)", "the house ad of "MAIN""…
std::string whose(const DraftWarning& w) {
    switch (w.source) {
        case SponsorText::HouseAd:
            return fmt::format("the house ad of {}", quote_value(w.placement));
        case SponsorText::CallToAction:
            return "the call-to-action link of " + booking(w);
        case SponsorText::Copy:
        case SponsorText::None:
            break;
    }
    return "the copy of " + booking(w);
}

}  // namespace

std::string english_text(const DraftWarning& w) {
    switch (w.code) {
        case DraftWarningCode::DraftHtmlOmitted:
            return "raw HTML in the draft is left out of the HTML output";
        case DraftWarningCode::SlotNotAlone:
            return fmt::format("{} is left as written: a slot placeholder must stand alone on its line",
                               quote_value(w.placeholder));
        case DraftWarningCode::UnknownPlacement:
            return fmt::format("unknown placement code {} in {}", quote_value(w.placement), quote_value(w.placeholder));
        case DraftWarningCode::UnknownPlaceholder:
            return fmt::format("unknown placeholder {}", quote_value(w.placeholder));
        case DraftWarningCode::PlacementRepeated:
            return fmt::format("placement {} appears more than once: its copy is repeated", quote_value(w.placement));
        case DraftWarningCode::PlacementEmpty:
            return fmt::format("placement {} has no booking and no house ad: nothing is shown",
                               quote_value(w.placement));
        case DraftWarningCode::CopyNotApproved:
            return fmt::format("copy of {} in {} is not approved (status {}): a marker is shown instead", booking(w),
                               quote_value(w.placement), to_string(w.status));
        case DraftWarningCode::ApprovedCopyEmpty:
            return fmt::format("approved copy of {} is empty", booking(w));
        case DraftWarningCode::ImageReplaced:
            return fmt::format("an image in {} is replaced by its text", whose(w));
        case DraftWarningCode::LinkRemoved:
            return fmt::format("link {} in {} is removed: only http, https and mailto links are allowed",
                               quote_value(w.link), whose(w));
        case DraftWarningCode::SponsorHtmlRemoved:
            return fmt::format("raw HTML in {} is removed", whose(w));
        case DraftWarningCode::LinkNotTagged:
            return fmt::format("link {} in {} could not be read: no UTM tags added", quote_value(w.link), whose(w));
        case DraftWarningCode::CallToActionRemoved:
            return fmt::format(
                "the call-to-action link of {} {} is left out: only http, https and mailto links are "
                "allowed",
                booking(w), quote_value(w.link));
        case DraftWarningCode::SlotMissing:
            return fmt::format("placement {} has {} live booking(s) but the draft has no {{{{slot:{}}}}}",
                               quote_value(w.placement), w.live_bookings, w.placement);
    }
    return {};
}

}  // namespace sponsordesk

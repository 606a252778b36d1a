#include "draft_warning_text.h"

#include "gui_util.h"

namespace sponsordesk::gui {
namespace {

// A value from the draft or sponsor text, quoted, on one line and cut short:
// a warning is one line of a list, whatever was typed.
wxString quoted(const std::string& value) {
    constexpr size_t kMax = 60;
    wxString shown = wx(value);
    for (auto it = shown.begin(); it != shown.end(); ++it)
        if (*it < 0x20 || *it == 0x7F) *it = ' ';
    if (shown.length() > kMax) shown = shown.Left(kMax) + wxS("…");
    // TRANSLATORS: a value the user typed, quoted.
    return wxString::Format(_("“%s”"), shown);
}

wxString booking_of(const DraftWarning& w) {
    // TRANSLATORS: a sponsor's name, then the booking's number.
    return wxString::Format(_("%s (booking #%lld)"), wx(w.sponsor), static_cast<long long>(w.booking_id));
}

// Whose sponsor text a warning concerns, as the object of "in …".
wxString whose(const DraftWarning& w) {
    switch (w.source) {
        case SponsorText::HouseAd:
            // TRANSLATORS: "in the house ad of “MAIN”" (a placement code).
            return wxString::Format(_("the house ad of %s"), quoted(w.placement));
        case SponsorText::CallToAction:
            // TRANSLATORS: "in the call-to-action link of Acme (booking #3)".
            return wxString::Format(_("the call-to-action link of %s"), booking_of(w));
        case SponsorText::Copy:
        case SponsorText::None:
            break;
    }
    // TRANSLATORS: "in the copy of Acme (booking #3)": the sponsor's text.
    return wxString::Format(_("the copy of %s"), booking_of(w));
}

}  // namespace

wxString draft_warning_text(const DraftWarning& w) {
    switch (w.code) {
        case DraftWarningCode::DraftHtmlOmitted:
            return _("HTML written in the draft is left out of the HTML copy.");
        case DraftWarningCode::SlotNotAlone:
            // TRANSLATORS: %s is a placeholder as written, e.g. “{{slot:main}}”.
            return wxString::Format(_("%s is left as written: a slot placeholder must stand alone on its line."),
                                    quoted(w.placeholder));
        case DraftWarningCode::UnknownPlacement:
            // TRANSLATORS: a placeholder as written, then the placement code it names.
            return wxString::Format(_("%s: this publication has no placement with the code %s."), quoted(w.placeholder),
                                    quoted(w.placement));
        case DraftWarningCode::UnknownPlaceholder:
            return wxString::Format(_("Unknown placeholder %s, left as written."), quoted(w.placeholder));
        case DraftWarningCode::PlacementRepeated:
            return wxString::Format(_("Placement %s appears more than once: its copy is repeated."),
                                    quoted(w.placement));
        case DraftWarningCode::PlacementEmpty:
            return wxString::Format(_("Placement %s has no booking and no house ad: nothing is shown."),
                                    quoted(w.placement));
        case DraftWarningCode::CopyNotApproved:
            // TRANSLATORS: sponsor and booking, placement code, then the booking's status ("Confirmed").
            return wxString::Format(_("The copy of %s in %s is not approved (%s): a marker is shown instead."),
                                    booking_of(w), quoted(w.placement), status_label(w.status));
        case DraftWarningCode::ApprovedCopyEmpty:
            return wxString::Format(_("The approved copy of %s is empty."), booking_of(w));
        case DraftWarningCode::ImageReplaced:
            return wxString::Format(_("An image in %s is replaced by its text."), whose(w));
        case DraftWarningCode::LinkRemoved:
            // TRANSLATORS: a link, then whose text it is in.
            return wxString::Format(_("The link %s in %s is removed: only http, https and mailto links are allowed."),
                                    quoted(w.link), whose(w));
        case DraftWarningCode::SponsorHtmlRemoved:
            return wxString::Format(_("HTML written in %s is removed."), whose(w));
        case DraftWarningCode::LinkNotTagged:
            // TRANSLATORS: a link, then whose text it is in. UTM tags: the campaign parameters added to links.
            return wxString::Format(_("The link %s in %s could not be read: no UTM tags added."), quoted(w.link),
                                    whose(w));
        case DraftWarningCode::CallToActionRemoved:
            // TRANSLATORS: a sponsor and booking, then the link.
            return wxString::Format(_("The call-to-action link of %s, %s, is left out: only http, https and mailto "
                                      "links are allowed."),
                                    booking_of(w), quoted(w.link));
        case DraftWarningCode::SlotMissing:
            // TRANSLATORS: a placement code, the number of its bookings, then a placeholder {{slot:CODE}}.
            return wxString::Format(
                wxPLURAL("Placement %s has %d live booking but the draft has no %s.",
                         "Placement %s has %d live bookings but the draft has no %s.", w.live_bookings),
                quoted(w.placement), w.live_bookings, wx("{{slot:" + w.placement + "}}"));
    }
    return wxString();
}

wxString draft_warning_line(const DraftWarning& w) {
    const wxString text = draft_warning_text(w);
    return w.line > 0 ? wxString::Format(_("Line %d: %s"), w.line, text) : text;
}

}  // namespace sponsordesk::gui

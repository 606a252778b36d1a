// Issue 9: a draft warning is data (code, line, values) that each front end
// words itself; the CLI's English, from english_text(), is its contract and
// must read exactly as before.
#include <gtest/gtest.h>

#include "sponsordesk/drafts/draft_renderer.h"

using namespace sponsordesk;

namespace {

DraftBooking booking(Id id, const std::string& sponsor, BookingStatus status, const std::string& copy,
                     const std::string& link = "") {
    return {id, sponsor, status, copy, link};
}

DraftContext context(const std::string& draft, std::vector<DraftPlacement> placements = {}) {
    DraftContext c;
    c.draft = draft;
    c.publication_slug = "lettre";
    c.issue_number = 12;
    c.issue_date = {2026, 3, 3};
    c.placements = std::move(placements);
    return c;
}

// The one warning of a render.
DraftWarning only_warning(const DraftContext& c, DraftFormat format = DraftFormat::Text) {
    RenderedDraft r = render_draft(c, format);
    EXPECT_EQ(r.warnings.size(), 1u);
    return r.warnings.empty() ? DraftWarning{} : r.warnings[0];
}

DraftContext with_copy(const std::string& copy, const std::string& link = "",
                       BookingStatus status = BookingStatus::Approved) {
    return context("Bonjour\n\n{{slot:main}}\n", {{"main", "", {booking(7, "Acme\nBank", status, copy, link)}, {}}});
}

}  // namespace

TEST(DraftWarningData, PlaceholdersCarryWhatWasWritten) {
    DraftWarning w = only_warning(context("Texte\n\n{{slot:XYZ}}\n", {{"main", "", {}, "Maison"}}));
    EXPECT_EQ(w.code, DraftWarningCode::UnknownPlacement);
    EXPECT_EQ(w.line, 3);
    EXPECT_EQ(w.placement, "XYZ");
    EXPECT_EQ(w.placeholder, "{{slot:XYZ}}");
    EXPECT_EQ(english_text(w), "unknown placement code \"XYZ\" in \"{{slot:XYZ}}\"");

    w = only_warning(context("Lire {{slot:XYZ}} ici"));
    EXPECT_EQ(w.code, DraftWarningCode::UnknownPlacement);
    EXPECT_EQ(w.placement, "XYZ");

    w = only_warning(context("Lire {{slot:main}} ici", {{"main", "", {}, "Maison"}}));
    EXPECT_EQ(w.code, DraftWarningCode::SlotNotAlone);
    EXPECT_EQ(w.placeholder, "{{slot:main}}");
    EXPECT_EQ(english_text(w), "\"{{slot:main}}\" is left as written: a slot placeholder must stand alone on its line");

    w = only_warning(context("\n{{ oops }}"));
    EXPECT_EQ(w.code, DraftWarningCode::UnknownPlaceholder);
    EXPECT_EQ(w.line, 2);
    EXPECT_EQ(w.placeholder, "{{ oops }}");
    EXPECT_EQ(english_text(w), "unknown placeholder \"{{ oops }}\"");
}

TEST(DraftWarningData, PlacementsCarryTheirCode) {
    DraftWarning w = only_warning(context("{{slot:main}}\n\nx\n\n{{slot:main}}", {{"main", "", {}, "Maison"}}));
    EXPECT_EQ(w.code, DraftWarningCode::PlacementRepeated);
    EXPECT_EQ(w.line, 5);
    EXPECT_EQ(w.placement, "main");
    EXPECT_EQ(english_text(w), "placement \"main\" appears more than once: its copy is repeated");

    w = only_warning(context("{{slot:main}}", {{"main", "", {}, {}}}));
    EXPECT_EQ(w.code, DraftWarningCode::PlacementEmpty);
    EXPECT_EQ(w.placement, "main");
    EXPECT_EQ(english_text(w), "placement \"main\" has no booking and no house ad: nothing is shown");

    w = only_warning(
        context("Rien", {{"main",
                          "",
                          {booking(1, "A", BookingStatus::Approved, "a"), booking(2, "B", BookingStatus::Hold, "b"),
                           booking(3, "C", BookingStatus::Cancelled, "c")},
                          {}}}));
    EXPECT_EQ(w.code, DraftWarningCode::SlotMissing);
    EXPECT_EQ(w.line, 0);
    EXPECT_EQ(w.placement, "main");
    EXPECT_EQ(w.live_bookings, 2);
    EXPECT_EQ(english_text(w), "placement \"main\" has 2 live booking(s) but the draft has no {{slot:main}}");

    w = only_warning(context("<p>x</p>\n"), DraftFormat::Html);
    EXPECT_EQ(w.code, DraftWarningCode::DraftHtmlOmitted);
    EXPECT_EQ(w.line, 1);
    EXPECT_EQ(english_text(w), "raw HTML in the draft is left out of the HTML output");
}

TEST(DraftWarningData, BookingsCarrySponsorStatusAndPlacement) {
    DraftWarning w = only_warning(with_copy("Texte", "", BookingStatus::CopyReceived));
    EXPECT_EQ(w.code, DraftWarningCode::CopyNotApproved);
    EXPECT_EQ(w.line, 3);
    EXPECT_EQ(w.placement, "main");
    EXPECT_EQ(w.booking_id, 7);
    EXPECT_EQ(w.sponsor, "Acme Bank");  // on one line
    EXPECT_EQ(w.status, BookingStatus::CopyReceived);
    EXPECT_EQ(english_text(w),
              "copy of booking #7 (Acme Bank) in \"main\" is not approved (status copy-received): a marker is shown "
              "instead");

    w = only_warning(with_copy(" "));
    EXPECT_EQ(w.code, DraftWarningCode::ApprovedCopyEmpty);
    EXPECT_EQ(w.booking_id, 7);
    EXPECT_EQ(english_text(w), "approved copy of booking #7 (Acme Bank) is empty");
}

TEST(DraftWarningData, SponsorTextSaysWhoseTextAndWhichLink) {
    DraftWarning w = only_warning(with_copy("![Logo](https://acme.fr/l.png)"));
    EXPECT_EQ(w.code, DraftWarningCode::ImageReplaced);
    EXPECT_EQ(w.source, SponsorText::Copy);
    EXPECT_EQ(w.booking_id, 7);
    EXPECT_EQ(w.sponsor, "Acme Bank");
    EXPECT_EQ(english_text(w), "an image in the copy of booking #7 (Acme Bank) is replaced by its text");

    w = only_warning(with_copy("[Voir](ftp://acme.fr/x)"));
    EXPECT_EQ(w.code, DraftWarningCode::LinkRemoved);
    EXPECT_EQ(w.link, "ftp://acme.fr/x");
    EXPECT_EQ(english_text(w),
              "link \"ftp://acme.fr/x\" in the copy of booking #7 (Acme Bank) is removed: only http, https and "
              "mailto links are allowed");

    w = only_warning(with_copy("Acme <b>gras</b>"));
    EXPECT_EQ(w.code, DraftWarningCode::SponsorHtmlRemoved);
    EXPECT_EQ(english_text(w), "raw HTML in the copy of booking #7 (Acme Bank) is removed");

    w = only_warning(with_copy("Copie", "https://acme fr/x"));
    EXPECT_EQ(w.code, DraftWarningCode::LinkNotTagged);
    EXPECT_EQ(w.source, SponsorText::CallToAction);
    EXPECT_EQ(w.link, "https://acme fr/x");
    EXPECT_EQ(english_text(w),
              "link \"https://acme fr/x\" in the call-to-action link of booking #7 (Acme Bank) could not be read: no "
              "UTM tags added");

    w = only_warning(with_copy("Copie", "javascript:alert(1)"));
    EXPECT_EQ(w.code, DraftWarningCode::CallToActionRemoved);
    EXPECT_EQ(w.source, SponsorText::CallToAction);
    EXPECT_EQ(w.link, "javascript:alert(1)");
    EXPECT_EQ(english_text(w),
              "the call-to-action link of booking #7 (Acme Bank) \"javascript:alert(1)\" is left out: only http, "
              "https and mailto links are allowed");

    w = only_warning(context("{{slot:promo}}", {{"promo", "", {}, "![Logo](https://x.fr/l.png)"}}));
    EXPECT_EQ(w.code, DraftWarningCode::ImageReplaced);
    EXPECT_EQ(w.source, SponsorText::HouseAd);
    EXPECT_EQ(w.placement, "promo");
    EXPECT_EQ(w.booking_id, 0);
    EXPECT_EQ(english_text(w), "an image in the house ad of \"promo\" is replaced by its text");
}

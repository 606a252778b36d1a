// Placeholders of a draft and every warning the renderer can give.
#include <gtest/gtest.h>

#include "sponsordesk/domain/errors.h"
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
    c.language = "fr";
    c.words_per_minute = 230;
    c.issue_number = 128;
    c.issue_date = {2025, 1, 28};
    c.placements = std::move(placements);
    return c;
}

RenderedDraft text_of(const DraftContext& c) { return render_draft(c, DraftFormat::Text); }

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The one warning of a render, checked for its line and a telling part of
// its message.
void expect_one_warning(const RenderedDraft& r, int line, const std::string& part) {
    ASSERT_EQ(r.warnings.size(), 1u) << (r.warnings.empty() ? "no warning" : english_text(r.warnings[0]));
    EXPECT_EQ(r.warnings[0].line, line) << english_text(r.warnings[0]);
    EXPECT_TRUE(contains(english_text(r.warnings[0]), part)) << english_text(r.warnings[0]);
}

}  // namespace

TEST(DraftPlaceholders, FillsIssueFacts) {
    RenderedDraft r = text_of(context("N° {{issue_number}}, {{ issue_date }}."));
    EXPECT_EQ(r.text, "N° 128, mardi 28 janvier 2025.\n");
    EXPECT_TRUE(r.warnings.empty());
}

TEST(DraftPlaceholders, WritesTheDateInEnglishForAnEnglishPublication) {
    DraftContext c = context("{{issue_date}}");
    c.language = "en";
    EXPECT_EQ(text_of(c).text, "Tuesday 28 January 2025\n");
}

TEST(DraftPlaceholders, SlotShowsHeadingAndApprovedCopyInBookingOrder) {
    DraftContext c =
        context("Avant\n\n{{slot:ads}}\n\nAprès", {{"ads",
                                                    "PETITES ANNONCES",
                                                    {booking(3, "Gamma", BookingStatus::Approved, "Annonce *Gamma*"),
                                                     booking(1, "Alpha", BookingStatus::Published, "Annonce Alpha"),
                                                     booking(2, "Beta", BookingStatus::Cancelled, "Annonce Beta")},
                                                    "Votre annonce ici"}});
    RenderedDraft r = text_of(c);
    EXPECT_EQ(r.text, "Avant\n\nPETITES ANNONCES\n\nAnnonce Gamma\n\nAnnonce Alpha\n\nAprès\n");
    EXPECT_TRUE(r.warnings.empty());
}

TEST(DraftPlaceholders, ConsecutiveSlotLinesAreEachFilled) {
    DraftContext c =
        context("{{slot:a}}\n{{slot:b}}\n", {{"a", "", {booking(1, "Alpha", BookingStatus::Approved, "Copie A")}, {}},
                                             {"b", "", {booking(2, "Beta", BookingStatus::Approved, "Copie B")}, {}}});
    RenderedDraft r = text_of(c);
    EXPECT_EQ(r.text, "Copie A\n\nCopie B\n");
    EXPECT_TRUE(r.warnings.empty());
}

TEST(DraftPlaceholders, HouseAdOnlyWhenNoBookingIsLive) {
    DraftPlacement p{
        "main", "SPONSOR", {booking(1, "Acme", BookingStatus::Cancelled, "Acme")}, "Écoutez notre podcast"};
    EXPECT_EQ(text_of(context("{{slot:main}}", {p})).text, "SPONSOR\n\nÉcoutez notre podcast\n");
    p.bookings.push_back(booking(2, "Beta", BookingStatus::Approved, "Copie Beta"));
    EXPECT_EQ(text_of(context("{{slot:main}}", {p})).text, "SPONSOR\n\nCopie Beta\n");
    EXPECT_EQ(render_draft(context("{{slot:main}}", {p}), DraftFormat::Html).text,
              "<div class=\"sponsored sponsored-main\">\n<h3>SPONSOR</h3>\n<p>Copie Beta</p>\n</div>\n");
    p.bookings.clear();
    EXPECT_EQ(render_draft(context("{{slot:main}}", {p}), DraftFormat::Html).text,
              "<div class=\"sponsored sponsored-main house-ad\">\n<h3>SPONSOR</h3>\n<p>Écoutez notre "
              "podcast</p>\n</div>\n");
}

TEST(DraftPlaceholders, PlaceholdersInCodeAreLeftAlone) {
    RenderedDraft r = text_of(context("`{{issue_number}}`\n\n    {{slot:x}}\n"));
    EXPECT_EQ(r.text, "{{issue_number}}\n\n{{slot:x}}\n");
    EXPECT_TRUE(r.warnings.empty());
}

TEST(DraftPlaceholders, RefusesAnUnknownLanguageOrSpeed) {
    DraftContext c = context("x");
    c.language = "de";
    EXPECT_THROW(text_of(c), InvalidInput);
    c.language = "fr";
    c.words_per_minute = 0;
    EXPECT_THROW(text_of(c), InvalidInput);
}

TEST(DraftWarnings, UnknownPlaceholderIsLeftAndNamedWithItsLine) {
    RenderedDraft r = text_of(context("# Titre\n\nUne ligne\net {{titre}} ici\n"));
    EXPECT_EQ(r.text, "Titre\n\nUne ligne\net {{titre}} ici\n");
    expect_one_warning(r, 4, "unknown placeholder \"{{titre}}\"");
}

TEST(DraftWarnings, UnknownPlacementCodeOnItsOwnLine) {
    RenderedDraft r = text_of(context("Intro\n\n{{slot:nope}}\n"));
    EXPECT_EQ(r.text, "Intro\n\n{{slot:nope}}\n");
    expect_one_warning(r, 3, "unknown placement code \"nope\" in \"{{slot:nope}}\"");
}

TEST(DraftWarnings, UnknownPlacementCodeInsideASentence) {
    RenderedDraft r = text_of(context("Voir {{slot:nope}} ici"));
    expect_one_warning(r, 1, "unknown placement code \"nope\" in \"{{slot:nope}}\"");
}

TEST(DraftWarnings, SlotInsideASentenceIsNotFilled) {
    DraftContext c = context("Intro\n\nVoir {{slot:main}} ici\n",
                             {{"main", "", {booking(1, "Acme", BookingStatus::Approved, "Copie Acme")}, {}}});
    RenderedDraft r = text_of(c);
    EXPECT_FALSE(contains(r.text, "Copie Acme"));
    ASSERT_EQ(r.warnings.size(), 2u);
    EXPECT_EQ(r.warnings[0].line, 3);
    EXPECT_TRUE(contains(english_text(r.warnings[0]), "must stand alone on its line")) << english_text(r.warnings[0]);
    // …and the booking is reported as missing from the issue.
    EXPECT_EQ(r.warnings[1].line, 0);
    EXPECT_TRUE(contains(english_text(r.warnings[1]), "has 1 live booking(s) but the draft has no {{slot:main}}"))
        << english_text(r.warnings[1]);
}

TEST(DraftWarnings, NeitherBookingNorHouseAdRendersNothing) {
    DraftContext c = context("Avant\n\n{{slot:main}}\n\nAprès",
                             {{"main", "SPONSOR", {booking(1, "Acme", BookingStatus::Cancelled, "Acme")}, {}}});
    RenderedDraft r = text_of(c);
    EXPECT_EQ(r.text, "Avant\n\nAprès\n");
    expect_one_warning(r, 3, "no booking and no house ad");
}

TEST(DraftWarnings, CopyNotApprovedShowsAMarkerNeverTheCopy) {
    for (BookingStatus s : {BookingStatus::Hold, BookingStatus::Confirmed, BookingStatus::CopyReceived}) {
        DraftContext c =
            context("{{slot:main}}", {{"main", "SPONSOR", {booking(7, "Acme", s, "Texte secret d'Acme")}, "Maison"}});
        for (DraftFormat f : {DraftFormat::Markdown, DraftFormat::Html, DraftFormat::Text}) {
            RenderedDraft r = render_draft(c, f);
            EXPECT_FALSE(contains(r.text, "secret")) << r.text;
            EXPECT_FALSE(contains(r.text, "Maison")) << r.text;  // nor the house ad
            EXPECT_TRUE(contains(r.text, "TEXTE NON VALID")) << r.text;
            expect_one_warning(r, 1, "booking #7 (Acme) in \"main\" is not approved (status " + to_string(s) + ")");
        }
        EXPECT_EQ(text_of(c).text, "SPONSOR\n\n[TEXTE NON VALID\u00C9\u00A0: Acme]\n");
    }
}

// Issue 9: the marker is read by subscribers, so it speaks the publication's
// language, never English inside a French newsletter.
TEST(DraftWarnings, TheMarkerSpeaksThePublicationsLanguage) {
    DraftContext c = context("{{slot:main}}", {{"main", "", {booking(7, "Acme", BookingStatus::Confirmed, "x")}, {}}});
    EXPECT_EQ(text_of(c).text, "[TEXTE NON VALID\u00C9\u00A0: Acme]\n");
    c.language = "en";
    EXPECT_EQ(text_of(c).text, "[COPY NOT APPROVED: Acme]\n");
}

TEST(DraftWarnings, OneUnapprovedBookingDoesNotHideTheOthers) {
    DraftContext c = context("{{slot:ads}}", {{"ads",
                                               "",
                                               {booking(1, "Alpha", BookingStatus::Approved, "Copie Alpha"),
                                                booking(2, "Beta", BookingStatus::Hold, "Copie Beta")},
                                               {}}});
    RenderedDraft r = text_of(c);
    EXPECT_EQ(r.text, "Copie Alpha\n\n[TEXTE NON VALID\u00C9\u00A0: Beta]\n");
    expect_one_warning(r, 1, "booking #2 (Beta)");
}

TEST(DraftWarnings, RawHtmlInCopyIsRemoved) {
    DraftContext c = context("\n{{slot:main}}",
                             {{"main", "", {booking(1, "Acme", BookingStatus::Approved, "Acme <b>gras</b>")}, {}}});
    RenderedDraft r = render_draft(c, DraftFormat::Markdown);
    EXPECT_EQ(r.text, "Acme gras\n");
    expect_one_warning(r, 2, "raw HTML in the copy of booking #1 (Acme) is removed");
}

TEST(DraftWarnings, RefusedLinkInCopyLosesItsUrl) {
    DraftContext c =
        context("{{slot:main}}",
                {{"main", "", {booking(1, "Acme", BookingStatus::Approved, "[Cliquez](data:text/html,hi) ici")}, {}}});
    RenderedDraft r = text_of(c);
    EXPECT_EQ(r.text, "Cliquez ici\n");
    expect_one_warning(r, 1, "link \"data:text/html,hi\" in the copy of booking #1 (Acme) is removed");
}

TEST(DraftWarnings, RefusedCallToActionIsLeftOut) {
    DraftContext c =
        context("{{slot:main}}",
                {{"main", "", {booking(1, "Acme", BookingStatus::Approved, "Copie", "javascript:alert(1)")}, {}}});
    RenderedDraft r = render_draft(c, DraftFormat::Html);
    EXPECT_FALSE(contains(r.text, "javascript")) << r.text;
    expect_one_warning(r, 1, "call-to-action link of booking #1 (Acme) \"javascript:alert(1)\" is left out");
}

TEST(DraftWarnings, ImageInCopyIsReplacedByItsText) {
    DraftContext c = context(
        "{{slot:main}}",
        {{"main", "", {booking(1, "Acme", BookingStatus::Approved, "![Logo Acme](https://acme.fr/logo.png)")}, {}}});
    RenderedDraft r = render_draft(c, DraftFormat::Html);
    EXPECT_EQ(r.text, "<div class=\"sponsored sponsored-main\">\n<p>Logo Acme</p>\n</div>\n");
    expect_one_warning(r, 1, "an image in the copy of booking #1 (Acme)");
}

TEST(DraftWarnings, PlacementUsedTwice) {
    DraftContext c = context("{{slot:main}}\n\nTexte\n\n{{slot:main}}",
                             {{"main", "", {booking(1, "Acme", BookingStatus::Approved, "Copie")}, {}}});
    RenderedDraft r = text_of(c);
    EXPECT_EQ(r.text, "Copie\n\nTexte\n\nCopie\n");
    expect_one_warning(r, 5, "appears more than once");
}

TEST(DraftWarnings, RawHtmlOfTheDraftIsReportedOnlyForHtml) {
    DraftContext c = context("Texte\n\n<div>bloc</div>\n");
    EXPECT_TRUE(render_draft(c, DraftFormat::Markdown).warnings.empty());
    RenderedDraft r = render_draft(c, DraftFormat::Html);
    EXPECT_FALSE(contains(r.text, "<div>")) << r.text;
    expect_one_warning(r, 3, "raw HTML in the draft is left out");
}

TEST(DraftWarnings, EmptyApprovedCopy) {
    DraftContext c =
        context("{{slot:main}}", {{"main", "SPONSOR", {booking(4, "Acme", BookingStatus::Approved, " ")}, {}}});
    expect_one_warning(text_of(c), 1, "approved copy of booking #4 (Acme) is empty");
}

TEST(DraftWarnings, UnreadableLinkIsLeftUntagged) {
    DraftContext c =
        context("{{slot:main}}",
                {{"main", "", {booking(1, "Acme", BookingStatus::Approved, "[Acme](<https://acme fr/x>)")}, {}}});
    RenderedDraft r = text_of(c);
    EXPECT_EQ(r.text, "Acme (https://acme fr/x)\n");
    expect_one_warning(r, 1, "could not be read: no UTM tags added");
}

TEST(DraftWarnings, BookedPlacementMissingFromTheDraftComesLast) {
    DraftContext c = context(
        "{{oops}}", {{"main", "", {booking(1, "Acme", BookingStatus::Hold, "x")}, {}}, {"unsold", "", {}, "Maison"}});
    RenderedDraft r = text_of(c);
    ASSERT_EQ(r.warnings.size(), 2u);
    EXPECT_EQ(r.warnings[0].line, 1);
    EXPECT_EQ(r.warnings[1].line, 0);
    EXPECT_TRUE(contains(english_text(r.warnings[1]), "\"main\" has 1 live booking(s)")) << english_text(r.warnings[1]);
}

TEST(DraftWarnings, HugeUnknownPlaceholderIsQuotedShort) {
    RenderedDraft r = text_of(context("{{" + std::string(100000, 'x') + "}}"));
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_LT(english_text(r.warnings[0]).size(), 200u) << english_text(r.warnings[0]).substr(0, 300);
}

// Issue 9: a warning is data (code, line, values) that each front end words
// itself; the CLI's English, from english_text(), is its contract and must
// read exactly as before.
namespace {

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

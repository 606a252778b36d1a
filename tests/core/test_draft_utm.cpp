// UTM tags on sponsor links (add_utm) and where the renderer applies them.
#include <gtest/gtest.h>

#include "sponsordesk/drafts/draft_renderer.h"

using namespace sponsordesk;

namespace {

const Date issue{2025, 1, 28};
const std::string tags = "utm_source=lettre&utm_medium=newsletter&utm_campaign=2025-01-28&utm_content=main";

std::string utm(const std::string& url) { return add_utm(url, "lettre", issue, "main"); }

}  // namespace

TEST(DraftUtm, TagsAPlainLink) {
    EXPECT_EQ(utm("https://acme.fr/essai"), "https://acme.fr/essai?" + tags);
    EXPECT_EQ(utm("http://acme.fr/essai"), "http://acme.fr/essai?" + tags);
}

TEST(DraftUtm, KeepsAnExistingQueryBeforeTheTags) {
    EXPECT_EQ(utm("https://acme.fr/p?ref=lettre&lang=fr"), "https://acme.fr/p?ref=lettre&lang=fr&" + tags);
    EXPECT_EQ(utm("https://acme.fr/p?q=caf%C3%A9"), "https://acme.fr/p?q=caf%C3%A9&" + tags);
}

TEST(DraftUtm, KeepsTheFragmentAfterTheQuery) {
    EXPECT_EQ(utm("https://acme.fr/p#tarifs"), "https://acme.fr/p?" + tags + "#tarifs");
    EXPECT_EQ(utm("https://acme.fr/p?a=1#tarifs"), "https://acme.fr/p?a=1&" + tags + "#tarifs");
}

TEST(DraftUtm, LeavesAnAlreadyTaggedLinkExactlyAsWritten) {
    for (const char* url : {"https://acme.fr/?utm_campaign=printemps", "https://acme.fr/p?a=1&utm_source=x#top",
                            "https://acme.fr/?UTM_Source=partner"})
        EXPECT_EQ(utm(url), url);
    // A parameter that merely contains "utm_" is not a UTM tag.
    EXPECT_EQ(utm("https://acme.fr/?notutm_x=1"), "https://acme.fr/?notutm_x=1&" + tags);
}

TEST(DraftUtm, LeavesMailtoAndOtherSchemesUntouched) {
    EXPECT_EQ(utm("mailto:ventes@acme.fr"), "mailto:ventes@acme.fr");
    EXPECT_EQ(utm("mailto:ventes@acme.fr?subject=Offre"), "mailto:ventes@acme.fr?subject=Offre");
    EXPECT_EQ(utm("ftp://acme.fr/file"), "ftp://acme.fr/file");
    EXPECT_EQ(utm("/relative/path"), "/relative/path");
}

TEST(DraftUtm, TagsUppercaseSchemes) {
    std::string tagged = utm("HTTPS://Acme.fr/Essai");
    EXPECT_EQ(tagged, "https://Acme.fr/Essai?" + tags);
}

TEST(DraftUtm, GivesABareHostAPath) { EXPECT_EQ(utm("https://acme.fr"), "https://acme.fr/?" + tags); }

TEST(DraftUtm, EncodesSlugAndCodeValues) {
    std::string tagged = add_utm("https://acme.fr/", "la lettre&co", issue, "main=1#");
    EXPECT_EQ(tagged,
              "https://acme.fr/?utm_source=la+lettre%26co&utm_medium=newsletter&utm_campaign=2025-01-28"
              "&utm_content=main%3d1%23");
}

TEST(DraftUtm, KeepsQuotesOfTheQueryInPlace) {
    EXPECT_EQ(utm("https://acme.fr/?q=\"promo\""), "https://acme.fr/?q=\"promo\"&" + tags);
}

TEST(DraftUtm, ReportsALinkItCannotRead) {
    bool failed = false;
    EXPECT_EQ(add_utm("https://acme fr/", "lettre", issue, "main", &failed), "https://acme fr/");
    EXPECT_TRUE(failed);
    failed = false;
    add_utm("mailto:x@acme.fr", "lettre", issue, "main", &failed);
    EXPECT_FALSE(failed);
}

TEST(DraftUtm, RendererTagsSponsorLinksButNotTheEditorsLinks) {
    DraftContext c;
    c.draft = "Voir [notre site](https://lettre.example/a).\n\n{{slot:main}}\n";
    c.publication_slug = "lettre";
    c.issue_date = issue;
    c.placements = {{"main", "", {{1, "Acme", BookingStatus::Approved, "[Essai](https://acme.fr/essai)", ""}}, {}}};
    RenderedDraft r = render_draft(c, DraftFormat::Markdown);
    EXPECT_NE(r.text.find("[notre site](https://lettre.example/a)"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("[Essai](https://acme.fr/essai?" + tags + ")"), std::string::npos) << r.text;
    EXPECT_TRUE(r.warnings.empty());
}

TEST(DraftUtm, CallToActionIsTaggedAndShownByHostAndPath) {
    DraftContext c;
    c.draft = "{{slot:main}}\n";
    c.publication_slug = "lettre";
    c.issue_date = issue;
    c.placements = {
        {"main", "", {{1, "Acme", BookingStatus::Approved, "Essayez Acme.", "https://www.acme.fr/essai#form"}}, {}}};
    RenderedDraft text = render_draft(c, DraftFormat::Text);
    EXPECT_EQ(text.text, "Essayez Acme.\n\n\u2192 www.acme.fr/essai (https://www.acme.fr/essai?" + tags + "#form)\n");
    RenderedDraft html = render_draft(c, DraftFormat::Html);
    EXPECT_NE(html.text.find("\u2192 <a href=\"https://www.acme.fr/essai?utm_source=lettre&amp;utm_medium=newsletter"
                             "&amp;utm_campaign=2025-01-28&amp;utm_content=main#form\">www.acme.fr/essai</a>"),
              std::string::npos)
        << html.text;
    // The call-to-action line is a URL: only "Essayez Acme." is counted.
    EXPECT_EQ(text.word_count, 2);
}

TEST(DraftUtm, MailtoCallToActionShowsTheAddress) {
    DraftContext c;
    c.draft = "{{slot:main}}\n";
    c.issue_date = issue;
    c.placements = {{"main",
                     "",
                     {{1, "Acme", BookingStatus::Approved, "Écrivez-nous.", "mailto:ventes@acme.fr?subject=Lettre"}},
                     {}}};
    RenderedDraft text = render_draft(c, DraftFormat::Text);
    EXPECT_EQ(text.text, "Écrivez-nous.\n\n\u2192 ventes@acme.fr (mailto:ventes@acme.fr?subject=Lettre)\n");
}

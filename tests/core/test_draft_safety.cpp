// Hostile sponsor copy: nothing a sponsor writes may run, leak out of its
// block, or be expanded as a placeholder.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <regex>

#include "sponsordesk/drafts/draft_renderer.h"

using namespace sponsordesk;

namespace {

DraftContext with_copy(const std::string& copy, const std::string& link = "", const std::string& sponsor = "Acme") {
    DraftContext c;
    c.draft = "Avant\n\n{{slot:main}}\n\nAprès {{issue_number}}\n";
    c.publication_slug = "lettre";
    c.issue_number = 9;
    c.issue_date = {2025, 1, 28};
    c.placements = {{"main", "SPONSOR", {{1, sponsor, BookingStatus::Approved, copy, link}}, {}}};
    return c;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

size_t occurrences(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

const DraftFormat all_formats[] = {DraftFormat::Markdown, DraftFormat::Html, DraftFormat::Text};

}  // namespace

TEST(DraftSafety, ScriptTagsNeverReachAnyFormat) {
    DraftContext c = with_copy("<script>alert('x')</script>\n\nAcme <script>steal()</script> **rapide**");
    for (DraftFormat f : all_formats) {
        RenderedDraft r = render_draft(c, f);
        EXPECT_FALSE(contains(lower(r.text), "<script")) << r.text;
        EXPECT_TRUE(contains(r.text, "rapide")) << r.text;
        EXPECT_TRUE(contains(r.text, "Après 9")) << r.text;  // the draft after the block is intact
    }
}

TEST(DraftSafety, CopyCannotCloseTheSponsoredBlock) {
    RenderedDraft r = render_draft(with_copy("Acme</div><div class=\"x\">\n\n</div>"), DraftFormat::Html);
    EXPECT_EQ(occurrences(r.text, "<div"), 1u) << r.text;
    EXPECT_EQ(occurrences(r.text, "</div>"), 1u) << r.text;
}

TEST(DraftSafety, SponsorNameIsEscapedAndKeptOnOneLine) {
    DraftContext c = with_copy("x", "", "<img src=x onerror=alert(1)>\n# Gros titre");
    c.placements[0].bookings[0].status = BookingStatus::Confirmed;
    RenderedDraft html = render_draft(c, DraftFormat::Html);
    EXPECT_FALSE(contains(html.text, "<img")) << html.text;
    EXPECT_TRUE(contains(html.text, "[TEXTE NON VALID\u00C9\u00A0: &lt;img src=x onerror=alert(1)&gt; # Gros titre]"))
        << html.text;
    EXPECT_FALSE(contains(html.text, "<h1>")) << html.text;
    RenderedDraft md = render_draft(c, DraftFormat::Markdown);
    EXPECT_FALSE(contains(md.text, "\n# Gros")) << md.text;
}

TEST(DraftSafety, PlaceholdersInSponsorTextStayLiteral) {
    DraftContext c =
        with_copy("Tapez {{slot:main}} ou {{issue_number}} et {{word_count}} {{inconnu}}", "", "{{issue_date}} SA");
    c.placements.push_back({"promo", "", {}, "Maison {{slot:main}} {{reading_time}}"});
    c.draft += "\n{{slot:promo}}\n";
    for (DraftFormat f : all_formats) {
        RenderedDraft r = render_draft(c, f);
        // Markdown output escapes the underscores, as CommonMark allows.
        std::string underscore = f == DraftFormat::Markdown ? "\\_" : "_";
        EXPECT_TRUE(contains(r.text, "{{slot:main}} ou {{issue" + underscore + "number}} et {{word" + underscore +
                                         "count}} {{inconnu}}"))
            << r.text;
        EXPECT_TRUE(contains(r.text, "Maison {{slot:main}} {{reading" + underscore + "time}}")) << r.text;
        EXPECT_EQ(occurrences(r.text, "Tapez"), 1u);  // not expanded into itself
        EXPECT_TRUE(r.warnings.empty()) << english_text(r.warnings[0]);
    }
    c.placements[0].bookings[0].status = BookingStatus::Hold;
    RenderedDraft r = render_draft(c, DraftFormat::Text);
    EXPECT_TRUE(contains(r.text, "[TEXTE NON VALID\u00C9\u00A0: {{issue_date}} SA]")) << r.text;
}

TEST(DraftSafety, JavascriptLinksAreDroppedFromHtml) {
    DraftContext c = with_copy(
        "[Gagnez](javascript:alert(1)) [ici](JaVaScRiPt:alert(2)) [là](<javascript:alert(3)>) "
        "<javascript:alert(4)> [ref]\n\n[ref]: javascript:alert(5)");
    RenderedDraft html = render_draft(c, DraftFormat::Html);
    EXPECT_FALSE(contains(lower(html.text), "javascript")) << html.text;
    EXPECT_TRUE(contains(html.text, "<p>Gagnez ici là  ref</p>")) << html.text;
    EXPECT_EQ(html.warnings.size(), 5u);
    for (DraftFormat f : {DraftFormat::Markdown, DraftFormat::Text})
        EXPECT_FALSE(contains(lower(render_draft(c, f).text), "javascript")) << render_draft(c, f).text;
}

TEST(DraftSafety, QuotesInLinksCannotBreakTheAttribute) {
    DraftContext c = with_copy("[Offre](https://acme.fr/?q=\"x\"onmouseover=alert(1) \"un \\\"titre\\\"\")");
    RenderedDraft html = render_draft(c, DraftFormat::Html);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(html.text, m, std::regex("<a href=\"([^\"]*)\" title=\"([^\"]*)\">Offre</a>")))
        << html.text;
    EXPECT_TRUE(contains(m[1].str(), "utm_source=lettre")) << m[1].str();
    EXPECT_EQ(m[2].str(), "un &quot;titre&quot;");
    EXPECT_FALSE(contains(html.text, " onmouseover=")) << html.text;
}

TEST(DraftSafety, UnclosedFenceInCopyDoesNotSwallowTheDraft) {
    RenderedDraft r = render_draft(with_copy("Acme\n\n```\ncode sans fin"), DraftFormat::Html);
    EXPECT_TRUE(contains(r.text, "<p>Après 9</p>")) << r.text;
}

TEST(DraftSafety, SponsorHeadingsBecomeParagraphs) {
    RenderedDraft r = render_draft(with_copy("# ACHETEZ MAINTENANT\n\nTexte"), DraftFormat::Html);
    EXPECT_TRUE(contains(r.text, "<p>ACHETEZ MAINTENANT</p>")) << r.text;
    EXPECT_FALSE(contains(r.text, "<h1>")) << r.text;
}

TEST(DraftSafety, EmojiAndRightToLeftTextSurviveIntact) {
    const std::string copy =
        "🎉 Offre spéciale 👩🏽‍💻 — عرض خاص לקוחות \u202Bמיוחד\u202C";
    for (DraftFormat f : all_formats) EXPECT_TRUE(contains(render_draft(with_copy(copy), f).text, copy));
    // Avant, SPONSOR, Après, 9 + Offre spéciale, 2 Arabic and 2 Hebrew words;
    // emoji, the dash and the direction marks are not words.
    EXPECT_EQ(render_draft(with_copy(copy), DraftFormat::Text).word_count, 4 + 2 + 2 + 2);
}

TEST(DraftSafety, InvalidUtf8IsReplacedNotPassedOn) {
    RenderedDraft r = render_draft(with_copy("Acme \xC3\x28 \xFF fin"), DraftFormat::Html);
    EXPECT_FALSE(contains(r.text, "\xFF")) << r.text;
    EXPECT_TRUE(contains(r.text, "\uFFFD")) << r.text;
}

TEST(DraftSafety, TenThousandWordCopyRendersWhole) {
    std::string copy;
    for (int i = 0; i < 10000; ++i) copy += (i % 12 == 11) ? "mot.\n" : "mot ";
    auto start = std::chrono::steady_clock::now();
    RenderedDraft r = render_draft(with_copy(copy), DraftFormat::Html);
    auto elapsed = std::chrono::steady_clock::now() - start;
    // Avant + SPONSOR + 10,000 + Après 9.
    EXPECT_EQ(r.word_count, 10004);
    EXPECT_EQ(occurrences(r.text, "mot"), 10000u);
    EXPECT_LT(elapsed, std::chrono::seconds(1));
}

TEST(DraftSafety, DeeplyNestedCopyDoesNotCrash) {
    std::string copy(20000, '>');
    copy += " fond\n\n" + std::string(5000, '*') + "x" + std::string(5000, '*');
    for (DraftFormat f : all_formats) {
        RenderedDraft r = render_draft(with_copy(copy), f);
        EXPECT_TRUE(contains(r.text, "fond")) << static_cast<int>(f);
    }
}

TEST(DraftSafety, PlacementCodeCannotInjectIntoTheClassAttribute) {
    DraftContext c = with_copy("Acme");
    c.placements[0].code = "main\" onclick=\"alert(1)";
    c.draft = "{{slot:main\" onclick=\"alert(1)}}";
    RenderedDraft r = render_draft(c, DraftFormat::Html);
    EXPECT_TRUE(contains(r.text, "<div class=\"sponsored sponsored-main--onclick--alert-1-\">")) << r.text;
    EXPECT_FALSE(contains(r.text, "onclick=")) << r.text;
}

// Golden files: a realistic French issue rendered in each format, compared
// byte for byte with tests/data/drafts/issue_fr.expected.*. After a deliberate
// change, run once with SPONSORDESK_UPDATE_GOLDENS=1, then read the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "sponsordesk/drafts/draft_renderer.h"

using namespace sponsordesk;

namespace {

const std::string data_dir = std::string(SPONSORDESK_TEST_DATA) + "/drafts/";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

DraftContext french_issue() {
    DraftContext c;
    c.draft = read_file(data_dir + "issue_fr.md");
    c.publication_slug = "lettre-numerique";
    c.language = "fr";
    c.words_per_minute = 230;
    c.issue_number = 128;
    c.issue_date = {2025, 1, 28};
    c.placements = {
        {"main",
         "UN MOT DE NOTRE SPONSOR",
         {{41, "Nuage Souverain", BookingStatus::Approved,
           "**Nuage Souverain** héberge vos données en France, dans des centres alimentés en énergie "
           "renouvelable. Migrez votre site en un week-end avec l'aide de nos équipes, c'est-à-dire sans "
           "interruption de service.\n\nEssai gratuit de 30 jours, sans carte bancaire : [découvrez nos "
           "offres](https://nuage-souverain.example/offres?ref=lettre#tarifs).",
           "https://nuage-souverain.example/essai"}},
         std::nullopt},
        {"classifieds",
         "PETITES ANNONCES",
         {{52, "Atelier Dubois", BookingStatus::Published,
           "*Atelier Dubois* recrute un ou une développeuse web à Lyon, CDI, télétravail partiel. [Voir "
           "l'annonce](https://atelier-dubois.example/emplois?utm_source=partenaire)",
           "mailto:recrutement@atelier-dubois.example"},
          {53, "Éditions Lumière", BookingStatus::Approved,
           "Le guide pratique du RGPD pour les petites structures, 2e édition, est en librairie.", ""}},
         "Votre annonce ici : écrivez-nous."},
        {"promo",
         "À ÉCOUTER",
         {},
         "Notre podcast **Octets** revient chaque jeudi : [écoutez le dernier "
         "épisode](https://lettre-numerique.example/podcast)."},
    };
    return c;
}

void check_golden(DraftFormat format, const std::string& extension) {
    RenderedDraft r = render_draft(french_issue(), format);
    std::string path = data_dir + "issue_fr.expected." + extension;
    if (std::getenv("SPONSORDESK_UPDATE_GOLDENS")) {
        std::ofstream(path, std::ios::binary) << r.text;
        FAIL() << "rewrote " << path << ": read it, then run without SPONSORDESK_UPDATE_GOLDENS";
    }
    EXPECT_EQ(r.text, read_file(path)) << "rendered " << extension << " differs from " << path;
    EXPECT_TRUE(r.warnings.empty()) << english_text(r.warnings.front());
}

}  // namespace

TEST(DraftGolden, FrenchIssueAsMarkdown) { check_golden(DraftFormat::Markdown, "md"); }
TEST(DraftGolden, FrenchIssueAsHtml) { check_golden(DraftFormat::Html, "html"); }
TEST(DraftGolden, FrenchIssueAsText) { check_golden(DraftFormat::Text, "txt"); }

TEST(DraftGolden, AllFormatsAgreeOnWordsAndReadingTime) {
    RenderedDraft md = render_draft(french_issue(), DraftFormat::Markdown);
    RenderedDraft html = render_draft(french_issue(), DraftFormat::Html);
    RenderedDraft text = render_draft(french_issue(), DraftFormat::Text);
    EXPECT_EQ(md.word_count, html.word_count);
    EXPECT_EQ(md.word_count, text.word_count);
    EXPECT_EQ(md.reading_seconds, text.reading_seconds);
    // The figures printed in the issue are the ones returned.
    std::string shown = std::to_string(text.word_count) + " mots, environ " +
                        format_reading_time(text.reading_seconds, "fr") + " de lecture";
    EXPECT_NE(text.text.find(shown), std::string::npos) << shown;
    EXPECT_EQ(text.reading_seconds, (text.word_count * 60 + 115) / 230);
}

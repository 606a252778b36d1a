// The word rule (word_rule.h) through count_words, reading times and dates.
#include <gtest/gtest.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/drafts/copy_rules.h"
#include "sponsordesk/drafts/draft_renderer.h"
#include "sponsordesk/drafts/word_rule.h"

using namespace sponsordesk;

TEST(DraftWords, ElidedArticlesCountAsTheirOwnWord) {
    EXPECT_EQ(count_words("l'IA"), 2);
    EXPECT_EQ(count_words("L\u2019IA"), 2);  // typographic apostrophe
    EXPECT_EQ(count_words("qu'il jusqu'à d'abord"), 6);
    EXPECT_EQ(count_words("«l'IA»"), 2);
}

TEST(DraftWords, OtherApostrophesDoNotSplit) {
    EXPECT_EQ(count_words("aujourd'hui"), 1);
    EXPECT_EQ(count_words("don't it's"), 2);
    EXPECT_EQ(count_words("presqu'île quelqu'un"), 2);
    EXPECT_EQ(count_words("l'"), 1);  // a lone elided article is still one word
}

TEST(DraftWords, HyphenatedCompoundsAreOneWord) {
    EXPECT_EQ(count_words("c'est-à-dire"), 2);
    EXPECT_EQ(count_words("porte-monnaie week-end"), 2);
    EXPECT_EQ(count_words("2024-2025"), 1);
}

TEST(DraftWords, DashesBetweenWordsSeparateThem) {
    EXPECT_EQ(count_words("mot\u2014mot"), 2);
    EXPECT_EQ(count_words("Paris \u2013 Lyon"), 2);
}

TEST(DraftWords, UrlsAreNotWords) {
    EXPECT_EQ(count_words("Voir https://acme.fr/tres/long?x=1 et www.acme.fr"), 2);
    EXPECT_EQ(count_words("[Acme](https://acme.fr/un/chemin/tres/long)"), 1);
    EXPECT_EQ(count_words("<https://acme.fr/essai>"), 0);
    EXPECT_EQ(count_words("(https://acme.fr) HTTP://ACME.FR mailto:a@b.fr"), 0);
}

TEST(DraftWords, MarkdownSyntaxIsNotCounted) {
    EXPECT_EQ(count_words("# Titre\n\n- un\n- deux\n\n> cité\n\n---\n"), 4);
    EXPECT_EQ(count_words("**gras** _italique_ `code`"), 3);
    EXPECT_EQ(count_words("**Acme**s"), 1);  // emphasis inside a word does not split it
    EXPECT_EQ(count_words("![un chat](chat.png) texte"), 1);
    EXPECT_EQ(count_words("<div>bloc HTML</div>\n\nTexte"), 1);
    EXPECT_EQ(count_words("un\\\ndeux\ntrois"), 3);  // hard and soft breaks
}

TEST(DraftWords, PunctuationEmojiAndSymbolsAreNotWords) {
    EXPECT_EQ(count_words("« Bonjour » ! — ? … ;"), 1);
    EXPECT_EQ(count_words("🎉 🚀 Lancement 👍🏽 ❤️"), 1);
    EXPECT_EQ(count_words("10 € HT"), 2);
    EXPECT_EQ(count_words("prix\u00a0:\u00a010\u00a0€"), 2);  // no-break spaces separate
    EXPECT_EQ(count_words("prix\u202f?"), 1);
    EXPECT_EQ(count_words(""), 0);
    EXPECT_EQ(count_words("   \n\n  "), 0);
}

TEST(DraftWords, AccentedAndNonLatinLettersAreLetters) {
    EXPECT_EQ(count_words("Élève à l'école, ça déménage"), 6);
    EXPECT_EQ(count_words("مرحبا بالعالم"), 2);
    EXPECT_EQ(count_words("שלום עולם"), 2);
    EXPECT_EQ(count_words("Привет мир"), 2);
}

TEST(DraftWords, PlainTextCounterMatchesTheMarkdownOne) {
    EXPECT_EQ(count_text_words("l'IA, c'est-à-dire https://x.fr 🎉"), 4);
}

TEST(DraftWords, ReadingTimeIsWrittenInThePublicationsLanguage) {
    EXPECT_EQ(format_reading_time(45, "fr"), "45 s");
    EXPECT_EQ(format_reading_time(45, "en"), "45 s");
    EXPECT_EQ(format_reading_time(180, "fr"), "3 min");
    EXPECT_EQ(format_reading_time(180, "en"), "3 min");
    EXPECT_EQ(format_reading_time(210, "fr"), "3 min 30");
    EXPECT_EQ(format_reading_time(210, "en"), "3 min 30 s");
    EXPECT_EQ(format_reading_time(185, "fr"), "3 min 05");
    EXPECT_EQ(format_reading_time(0, "fr"), "0 s");
    EXPECT_THROW(format_reading_time(10, "de"), InvalidInput);
    EXPECT_THROW(format_reading_time(-1, "fr"), InvalidInput);
}

TEST(DraftWords, ReadingSecondsRoundToTheNearestSecond) {
    EXPECT_EQ(reading_seconds(805, 230), 210);
    EXPECT_EQ(reading_seconds(1, 230), 0);  // 0.26 s
    EXPECT_EQ(reading_seconds(2, 230), 1);  // 0.52 s
    EXPECT_EQ(reading_seconds(0, 230), 0);
    EXPECT_THROW(reading_seconds(10, 0), InvalidInput);
}

TEST(DraftWords, IssueDateIsWrittenInThePublicationsLanguage) {
    EXPECT_EQ(format_issue_date({2025, 1, 28}, "fr"), "mardi 28 janvier 2025");
    EXPECT_EQ(format_issue_date({2025, 1, 28}, "en"), "Tuesday 28 January 2025");
    EXPECT_EQ(format_issue_date({2025, 1, 1}, "fr"), "mercredi 1er janvier 2025");
    EXPECT_EQ(format_issue_date({2025, 1, 1}, "en"), "Wednesday 1 January 2025");
    EXPECT_EQ(format_issue_date({2025, 8, 17}, "fr"), "dimanche 17 août 2025");
    EXPECT_EQ(format_issue_date({2024, 12, 2}, "fr"), "lundi 2 décembre 2024");
    EXPECT_THROW(format_issue_date({2025, 1, 28}, "de"), InvalidInput);
    EXPECT_THROW(format_issue_date({2025, 2, 30}, "fr"), InvalidInput);
}

TEST(DraftWords, IssueCountExcludesItsOwnFiguresAndTheCallToAction) {
    DraftContext c;
    c.draft = "Un deux trois.\n\n{{word_count}} mots, {{reading_time}} de lecture.\n\n{{slot:main}}\n";
    c.words_per_minute = 60;
    c.placements = {{"main", "SPONSOR", {{1, "Acme", BookingStatus::Approved, "l'IA d'Acme", "https://acme.fr"}}, {}}};
    RenderedDraft r = render_draft(c, DraftFormat::Text);
    // Un deux trois + mots de lecture + SPONSOR + l' IA d' Acme = 11 words.
    EXPECT_EQ(r.word_count, 11);
    EXPECT_EQ(r.reading_seconds, 11);
    EXPECT_NE(r.text.find("11 mots, 11 s de lecture."), std::string::npos) << r.text;
}

TEST(DraftWords, ReadingTimeOfAnEnglishIssue) {
    DraftContext c;
    c.language = "en";
    c.words_per_minute = 2;
    c.draft = "One two three four five six seven.\n\n{{reading_time}}\n";
    RenderedDraft r = render_draft(c, DraftFormat::Text);
    EXPECT_EQ(r.text, "One two three four five six seven.\n\n3 min 30 s\n");
}

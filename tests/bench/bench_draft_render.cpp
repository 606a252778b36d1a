// Times render_draft on a 5,000-word draft with 6 sponsored blocks, per
// format, in-process: median and spread of many runs. Goal: under 5 ms each.
// Run on demand: build-*/tests/bench/bench_draft_render [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "sponsordesk/drafts/copy_rules.h"

#include "sponsordesk/drafts/draft_renderer.h"

using namespace sponsordesk;

namespace {

const char* const sentence =
    "Cette semaine, l'IA entre dans les rédactions et les *syndicats* restent prudents, c'est-à-dire "
    "qu'ils demandent une relecture humaine de chaque texte, comme le rappelle [le rapport](https://example.org/r). ";

DraftContext big_issue() {
    DraftContext c;
    c.publication_slug = "lettre-numerique";
    c.language = "fr";
    c.words_per_minute = 230;
    c.issue_number = 500;
    c.issue_date = {2025, 1, 28};
    c.draft = "# La Lettre n° {{issue_number}}\n\n*{{issue_date}} — {{word_count}} mots, {{reading_time}}*\n\n";
    // 44 paragraphs of 4 sentences (29 words each by the word rule), a
    // section every 5 paragraphs, a sponsored block after every 7th paragraph.
    for (int paragraph = 0; paragraph < 44; ++paragraph) {
        if (paragraph % 5 == 0) c.draft += "## Rubrique " + std::to_string(paragraph / 5 + 1) + "\n\n";
        for (int i = 0; i < 4; ++i) c.draft += sentence;
        c.draft += "\n\n";
        if (paragraph % 7 == 6) c.draft += "{{slot:s" + std::to_string(paragraph / 7 + 1) + "}}\n\n";
    }
    for (int i = 1; i <= 6; ++i) {
        DraftPlacement p{"s" + std::to_string(i), "UN MOT DE NOTRE SPONSOR", {}, std::nullopt};
        p.bookings.push_back({i, "Sponsor " + std::to_string(i), BookingStatus::Approved,
                              "**Sponsor** héberge vos données en France. [Essai gratuit](https://sponsor.example/"
                              "essai?ref=lettre#offre), sans carte bancaire, c'est-à-dire sans engagement.",
                              "https://sponsor.example/offre"});
        c.placements.push_back(p);
    }
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = argc > 1 ? std::atoi(argv[1]) : 200;
    DraftContext c = big_issue();
    RenderedDraft check = render_draft(c, DraftFormat::Text);
    if (!check.warnings.empty()) {
        std::fprintf(stderr, "unexpected warning: %s\n", english_text(check.warnings[0]).c_str());
        return 1;
    }
    int blocks = 0;
    for (size_t pos = 0; (pos = c.draft.find("{{slot:", pos)) != std::string::npos; ++pos) ++blocks;
    std::printf(
        "draft: %zu bytes, %d words as written, %d words rendered, %d sponsored blocks, %zu warnings, %d runs per "
        "format\n",
        c.draft.size(), count_words(c.draft), check.word_count, blocks, check.warnings.size(), runs);
    struct Case {
        const char* name;
        DraftFormat format;
    };
    for (Case k :
         {Case{"markdown", DraftFormat::Markdown}, Case{"html", DraftFormat::Html}, Case{"text", DraftFormat::Text}}) {
        std::vector<double> ms;
        size_t bytes = 0;
        for (int i = 0; i < runs; ++i) {
            auto start = std::chrono::steady_clock::now();
            RenderedDraft r = render_draft(c, k.format);
            auto end = std::chrono::steady_clock::now();
            bytes = r.text.size();
            ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        }
        std::sort(ms.begin(), ms.end());
        std::printf("%-8s median %.3f ms  min %.3f ms  p90 %.3f ms  (%zu bytes out)\n", k.name, ms[ms.size() / 2],
                    ms.front(), ms[ms.size() * 9 / 10], bytes);
    }
    return 0;
}

// Text is stored in NFC and compared by Unicode case folding (GLib), in the
// core's rules as in the desktop app.
#include <gtest/gtest.h>

#include "core_fixture.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/text.h"
#include "sponsordesk/domain/validation.h"

using namespace sponsordesk;

using UnicodeText = sponsordesk::test::CoreFixture;

namespace {
const std::string kDecomposedE = "E\xCC\x81";  // E + U+0301 combining acute accent
}

// Bug (issue 10, point 3): categories were folded as ASCII only, so
// "Énergie" and "énergie" sponsors were both booked into one issue.
TEST_F(UnicodeText, EnergieEnergieAndENERGIEAreOneCategory) {
    add_sponsor("Volt", "Énergie");
    add_sponsor("Watt", "énergie");
    add_sponsor("Ampère", "ÉNERGIE");
    add_sponsor("Ohm", kDecomposedE + "nergie");
    book("Volt", "2026-03-10");
    EXPECT_THROW(book("Watt", "2026-03-10", "CLASS"), CompetitorConflict);
    EXPECT_THROW(book("Ampère", "2026-03-10", "CLASS"), CompetitorConflict);
    EXPECT_THROW(book("Ohm", "2026-03-10", "CLASS"), CompetitorConflict);
    // "energie" without the accent is another word.
    add_sponsor("Joule", "energie");
    EXPECT_NO_THROW(book("Joule", "2026-03-10", "CLASS"));
}

TEST_F(UnicodeText, SponsorNamesAreUniqueWhateverTheirCaseOrComposition) {
    add_sponsor("Électricité du Nord", "");
    EXPECT_THROW(add_sponsor("ÉLECTRICITÉ DU NORD", ""), Conflict);
    EXPECT_THROW(add_sponsor(kDecomposedE + "lectricit\xC3\xA9 du nord", ""), Conflict);
    EXPECT_THROW(add_sponsor("acme", ""), Conflict);  // "Acme" is in the fixture
    Sponsor renamed = *SponsorService(*db).find_by_name("Dune");
    renamed.name = "ACME";
    EXPECT_THROW(SponsorService(*db).update(renamed), Conflict);
    renamed.name = "DUNE";  // its own name in another case is fine
    EXPECT_EQ(SponsorService(*db).update(renamed).name, "DUNE");
}

TEST_F(UnicodeText, SponsorSearchFoldsCaseAndAccentsAsWritten) {
    add_sponsor("ÉNERGIES NOUVELLES", "");
    add_sponsor("Crédit Mutuel Pro", "BANQUE");
    auto names = [&](const std::string& search) {
        std::vector<std::string> out;
        for (const auto& s : SponsorService(*db).list(search, false)) out.push_back(s.name);
        return out;
    };
    EXPECT_EQ(names("énergies"), std::vector<std::string>{"ÉNERGIES NOUVELLES"});
    EXPECT_EQ(names(kDecomposedE + "NERGIES"), std::vector<std::string>{"ÉNERGIES NOUVELLES"});
    EXPECT_EQ(names("CRÉDIT"), std::vector<std::string>{"Crédit Mutuel Pro"});
    // Category search: "banque" finds the fixture's two banks and this one.
    EXPECT_EQ(names("Banque").size(), 3u);
    // The bookings list filters on part of the sponsor's name the same way.
    book("Crédit Mutuel Pro", "2026-03-10", "CLASS");
    BookingFilter f;
    f.today = Date::today();
    f.sponsor_text = "crÉdit";
    EXPECT_EQ(BookingRepository(*db).count(f), 1);
}

TEST_F(UnicodeText, TextIsStoredComposedNfc) {
    Sponsor s = add_sponsor(kDecomposedE + "lan Vital", "caf" + std::string("e\xCC\x81"));
    EXPECT_EQ(s.name, "\xC3\x89lan Vital");
    EXPECT_EQ(SponsorService(*db).get(SponsorId{s.id}).category, "caf\xC3\xA9");
    // An exact name typed decomposed still finds the sponsor.
    EXPECT_EQ(SponsorService(*db).find_by_name(kDecomposedE + "lan Vital")->id, s.id);
    EXPECT_EQ(validate::text("notes", "d" + std::string("e\xCC\x81") + "j" + std::string("a\xCC\x80")),
              "d\xC3\xA9j\xC3\xA0");
}

TEST_F(UnicodeText, InvalidUtf8IsRefusedNamingTheField) {
    Sponsor s;
    s.name = "Bad \xC3\x28 name";
    try {
        SponsorService(*db).add(s);
        FAIL();
    } catch (const InvalidInput& e) {
        EXPECT_NE(std::string(e.what()).find("sponsor name is not valid UTF-8"), std::string::npos) << e.what();
    }
    // Overlong forms and surrogates are not UTF-8 either.
    EXPECT_FALSE(text::is_utf8("\xC0\xAF"));
    EXPECT_FALSE(text::is_utf8("\xED\xA0\x80"));
    EXPECT_THROW(text::fold("\xFF", "category"), InvalidInput);
    EXPECT_THROW(SponsorService(*db).list("\xFF", false), InvalidInput);
}

// A new publication's slug is suggested from its name: accents become their
// letters rather than holes, as a French name needs.
TEST(SlugFrom, AccentedNamesKeepTheirLetters) {
    EXPECT_EQ(text::slug_from("L'Écho & Cie"), "l-echo-cie");
    EXPECT_EQ(text::slug_from("Cœur de Bœuf — n°2"), "coeur-de-boeuf-n-2");
    EXPECT_EQ(text::slug_from("  La Lettre du Jardin  "), "la-lettre-du-jardin");
    EXPECT_EQ(text::slug_from("Ça déménage à Noël"), "ca-demenage-a-noel");
    EXPECT_EQ(text::slug_from("日本"), "");
    EXPECT_EQ(text::slug_from(std::string("Caf\xC3\xA9 \xFF bar", 10)), "cafe");
}

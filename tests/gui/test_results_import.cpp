// Campaign results in the desktop app (issue 13): File ▸ Import Campaign
// Results previews a platform's CSV export (the file as read, and where each
// link goes) before importing it; Reports writes a sponsor's campaign report.
// Run in French (gui.fr.*) and in English (gui.c.*): the words checked are
// those of the interface's language.
#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include "../support/test_lookup.h"
#include "gui_fixture.h"
#include "gui_util.h"
#include "reports_panel.h"
#include "results_import_dialog.h"
#include "sponsordesk/drafts/utm.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/results_service.h"
#include "test_support.h"

namespace sponsordesk::gui::test {
namespace {

bool French() { return ui_language() == "fr"; }

// The interface's words: `fr` under the French catalogue, else `en`.
wxString Words(const char* fr, const char* en) { return wxString::FromUTF8(French() ? fr : en); }

class ResultsImport : public GuiTest {
protected:
    void SetUp() override {
        GuiTest::SetUp();
        // Acme in the main slot of 3 March, Cafe Noir in the classifieds that day.
        BookingService bookings(*db_);
        acme_ = bookings.book(test_lookup::book_request(*db_, "Acme", "brief", Date{2026, 3, 3}, "main")).booking.id;
        bookings.set_copy(BookingId{acme_}, "Essayez Acme", "https://www.acme.example/essai");
        cafe_ = bookings.book(test_lookup::book_request(*db_, "Cafe Noir", "brief", Date{2026, 3, 3}, "classified"))
                    .booking.id;
        bookings.set_copy(BookingId{cafe_}, "Un café", "https://cafe.example/");
    }

    std::string Csv(const std::string& name, const std::string& content) {
        const std::string path = dir_.file(name);
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    static std::string Tagged(const std::string& url, const std::string& code) {
        return add_utm(url, "brief", Date{2026, 3, 3}, code);
    }

    // A click export with a decoy: Acme's site tagged for the classifieds, where Acme has no slot.
    std::string ClicksCsv() {
        return Csv("clics.csv", "URL;Total Clicks;Unique Clicks\n" + Tagged("https://www.acme.example/essai", "main") +
                                    ";120;100\n" + Tagged("https://acme.example/essai", "classified") + ";7;\n" +
                                    Tagged("https://cafe.example/menu", "classified") + ";12;9\n" +
                                    "https://brief.example/desabonnement;50;\n");
    }

    std::string LinkClicks() {
        std::string out;
        SQLite::Statement q(db_->sql(),
                            "SELECT issue_id, url, booking_id, clicks, coalesce(unique_clicks, '-') FROM link_click "
                            "ORDER BY id");
        while (q.executeStep()) {
            for (int c = 0; c < q.getColumnCount(); ++c) out += q.getColumn(c).getString() + "|";
            out += "\n";
        }
        return out;
    }

    static std::string Text(wxListView* list) { return utf8(ResultsImportDialog::ListText(list)); }
    static std::string Label(wxStaticText* t) { return utf8(t->GetLabel()); }

    sponsordesk::test::TempDir dir_;
    Id acme_ = 0, cafe_ = 0;
};

}  // namespace

TEST_F(ResultsImport, ThePreviewShowsWhereEachLinkGoesAndTheImportStoresItOnce) {
    // Run as a French user (gui.fr.*), the dialog speaks French.
    const char* lc_all = std::getenv("LC_ALL");
    if (lc_all && std::string(lc_all).rfind("fr", 0) == 0) {
        EXPECT_TRUE(French());
    }
    OpenWindow();
    ResultsImportDialog dlg(frame_, *frame_->db());
    dlg.Show();
    EXPECT_EQ(dlg.kind(), ResultsImportDialog::Kind::Clicks);
    EXPECT_FALSE(dlg.import_button()->IsEnabled());  // no file yet
    dlg.SelectFile(wxString::FromUTF8(ClicksCsv()));
    Yield();

    // The file as read: its separator, its header, its first rows.
    EXPECT_NE(Label(dlg.file_info()).find(utf8(Words("point-virgule", "semicolon"))), std::string::npos)
        << Label(dlg.file_info());
    EXPECT_EQ(dlg.file_list()->GetItemCount(), 4);
    EXPECT_NE(Text(dlg.file_list()).find("https://brief.example/desabonnement"), std::string::npos);
    EXPECT_EQ(dlg.column_choice(0)->GetStringSelection(), wxS("URL"));
    EXPECT_EQ(dlg.column_choice(1)->GetStringSelection(), wxS("Total Clicks"));
    EXPECT_EQ(dlg.column_choice(2)->GetStringSelection(), wxS("Unique Clicks"));
    EXPECT_EQ(dlg.column_choice(3)->GetSelection(), 0);  // no date column: not read

    // The matching: Acme's link goes to its booking, the decoy to none, with the reason.
    const std::string match = Text(dlg.match_list());
    ASSERT_EQ(dlg.match_list()->GetItemCount(), 4) << match;
    const std::string first = utf8(dlg.match_list()->GetItemText(0, 3));
    EXPECT_NE(first.find("Acme"), std::string::npos) << first;
    EXPECT_NE(first.find(utf8(format_date(Date{2026, 3, 3}))), std::string::npos) << first;
    EXPECT_NE(first.find("Main sponsor"), std::string::npos) << first;
    const std::string decoy = utf8(dlg.match_list()->GetItemText(1, 3));
    EXPECT_EQ(decoy, utf8(Words("aucune réservation : pas un lien de l’annonceur réservé à cet emplacement",
                                "no booking: not a link of the sponsor booked there")));
    EXPECT_NE(utf8(dlg.match_list()->GetItemText(2, 3)).find("Cafe Noir"), std::string::npos);
    EXPECT_EQ(utf8(dlg.match_list()->GetItemText(3, 3)),
              utf8(Words("aucune réservation : aucune balise UTM (utm_source, utm_campaign, utm_content)",
                         "no booking: no UTM tags (utm_source, utm_campaign, utm_content)")));
    EXPECT_EQ(LinkClicks(), "");  // the preview wrote nothing
    EXPECT_TRUE(dlg.import_button()->IsEnabled());

    // Import: the clicks are in the database, the unmatched links listed.
    ASSERT_TRUE(dlg.Import()) << Label(dlg.message());
    EXPECT_TRUE(dlg.imported());
    const std::string stored = LinkClicks();
    EXPECT_EQ(db_->sql().execAndGet("SELECT count(*) FROM link_click").getInt(), 2) << stored;
    EXPECT_EQ(db_->sql()
                  .execAndGet("SELECT sum(clicks) FROM link_click WHERE booking_id = " + std::to_string(acme_))
                  .getInt(),
              120);
    EXPECT_EQ(db_->sql()
                  .execAndGet("SELECT sum(unique_clicks) FROM link_click WHERE booking_id = " + std::to_string(cafe_))
                  .getInt(),
              9);
    EXPECT_EQ(Label(dlg.message()),
              utf8(Words("Importé : 4 lignes de liens lues, 2 associées à des réservations (2 liens enregistrés), "
                         "2 non associées.",
                         "Imported: 4 link rows read, 2 matched to bookings (2 links stored), 2 unmatched.")));
    EXPECT_EQ(dlg.match_list()->GetItemCount(), 2);
    EXPECT_NE(Text(dlg.match_list()).find(utf8(Words("pas un lien de l’annonceur", "not a link of the sponsor"))),
              std::string::npos);

    // The same file again changes nothing.
    ASSERT_TRUE(dlg.Import()) << Label(dlg.message());
    EXPECT_EQ(LinkClicks(), stored);
}

TEST_F(ResultsImport, AMissingColumnIsNamedWithTheFileHeadersAndCanBeChosen) {
    OpenWindow();
    ResultsImportDialog dlg(frame_, *frame_->db());
    dlg.Show();
    dlg.SelectFile(wxString::FromUTF8(
        Csv("export.csv", "Lien;Nombre\n" + Tagged("https://www.acme.example/essai", "main") + ";3\n")));
    Yield();
    const std::string message = Label(dlg.message());
    EXPECT_EQ(message.rfind(utf8(Words("Le fichier n’a pas de colonne “URL”", "The file has no column “URL”")), 0), 0u)
        << message;
    EXPECT_NE(message.find(utf8(Words("Ses colonnes sont “Lien” et “Nombre”", "Its columns are “Lien” and “Nombre”"))),
              std::string::npos)
        << message;
    EXPECT_FALSE(dlg.import_button()->IsEnabled());
    EXPECT_EQ(dlg.file_list()->GetItemCount(), 1);  // the file is still shown as it reads

    // Pointing at the columns makes the file importable.
    ASSERT_TRUE(dlg.SelectColumn(0, wxS("Lien")));
    ASSERT_TRUE(dlg.SelectColumn(1, wxS("Nombre")));
    Yield();
    EXPECT_TRUE(dlg.import_button()->IsEnabled()) << Label(dlg.message());
    EXPECT_NE(utf8(dlg.match_list()->GetItemText(0, 3)).find("Acme"), std::string::npos);
    ASSERT_TRUE(dlg.Import());
    EXPECT_EQ(db_->sql().execAndGet("SELECT clicks FROM link_click").getInt(), 3);
}

TEST_F(ResultsImport, IssueStatisticsArePreviewedAndImported) {
    OpenWindow();
    ResultsImportDialog dlg(frame_, *frame_->db());
    dlg.Show();
    dlg.SelectKind(ResultsImportDialog::Kind::Stats);
    dlg.SelectFile(wxString::FromUTF8(Csv("stats.csv",
                                          "Campaign,Send Date,Recipients,Unique Opens,Clicks\n"
                                          "Brief du 3,2026-03-03,\"12,000\",\"5,400\",310\n"
                                          "Brief d'avril,2026-04-20,100,50,1\n")));
    Yield();
    EXPECT_TRUE(dlg.import_button()->IsEnabled()) << Label(dlg.message());
    EXPECT_EQ(dlg.column_choice(1)->GetStringSelection(), wxS("Recipients"));
    ASSERT_EQ(dlg.match_list()->GetItemCount(), 2);
    EXPECT_EQ(utf8(dlg.match_list()->GetItemText(1, 5)),
              utf8(Words("non importée : aucun numéro de la publication à cette date",
                         "not imported: no issue of the publication on that date")));
    EXPECT_FALSE(IssueService(*db_).get("brief", Date{2026, 3, 3}).audience);
    ASSERT_TRUE(dlg.Import()) << Label(dlg.message());
    const Issue issue = IssueService(*db_).get("brief", Date{2026, 3, 3});
    EXPECT_EQ(issue.audience, 12000);
    EXPECT_EQ(issue.opens, 5400);
    EXPECT_EQ(issue.clicks, 310);
}

TEST_F(ResultsImport, ABadRowIsShownWithItsLineAndNothingCanBeImported) {
    OpenWindow();
    ResultsImportDialog dlg(frame_, *frame_->db());
    dlg.Show();
    dlg.SelectKind(ResultsImportDialog::Kind::Stats);
    // A French spreadsheet's dates: day and month could be either, refused.
    dlg.SelectFile(wxString::FromUTF8(Csv("stats-fr.csv", "Date;Audience\n2026-03-03;1000\n04/03/2026;1200\n")));
    Yield();
    const std::string message = Label(dlg.message());
    EXPECT_EQ(message.rfind(utf8(Words("Ligne 3 : « 04/03/2026 » n’est pas une date que SponsorDesk sait lire",
                                       "Line 3: “04/03/2026” is not a date SponsorDesk reads")),
                            0),
              0u)
        << message;
    EXPECT_FALSE(dlg.import_button()->IsEnabled());
    EXPECT_EQ(dlg.file_list()->GetItemCount(), 2);   // the file as read, up to its end
    EXPECT_EQ(dlg.match_list()->GetItemCount(), 1);  // the rows before the refused one
    EXPECT_FALSE(dlg.Import());
    EXPECT_FALSE(IssueService(*db_).get("brief", Date{2026, 3, 3}).audience);
}

TEST_F(ResultsImport, EmptyStatesSayWhatToDo) {
    // A publication without bookings: said before any file is chosen.
    {
        Publication p;
        p.name = "Le Soir";
        p.slug = "soir";
        CatalogService(*db_).add_publication(p);
    }
    OpenWindow();
    {
        ResultsImportDialog dlg(frame_, *frame_->db());
        ASSERT_TRUE(dlg.SelectPublication("soir"));
        EXPECT_NE(Label(dlg.empty_state()).find(utf8(Words("aucune réservation", "no booking"))), std::string::npos)
            << Label(dlg.empty_state());
        EXPECT_FALSE(dlg.import_button()->IsEnabled());
    }
    // A file with no publication at all.
    const std::string empty_path = dir_.file("vide.db");
    Database empty(empty_path);
    ResultsImportDialog dlg(frame_, empty);
    EXPECT_NE(Label(dlg.empty_state()).find(utf8(Words("Aucune publication", "No publication"))), std::string::npos)
        << Label(dlg.empty_state());
    EXPECT_FALSE(dlg.import_button()->IsEnabled());
    EXPECT_FALSE(dlg.Import());
}

TEST_F(ResultsImport, TheCampaignReportIsWrittenFromTheReportsView) {
    IssueService(*db_).set_stats("brief", Date{2026, 3, 3}, 12000, 5400, std::nullopt);
    ResultsService(*db_).import_clicks({"brief", ClicksCsv(), {}, {}, {}, {}});
    OpenWindow();
    frame_->ShowView(kReports);
    ReportsPanel* panel = frame_->reports();
    panel->open_when_done = false;
    const std::string base = dir_.file("acme-mars.pdf");
    ASSERT_TRUE(panel->SetCampaign("Acme", Date{2026, 3, 1}, Date{2026, 3, 31}, wxString::FromUTF8(base), true, true));
    panel->Start();
    for (int i = 0; i < 1000 && panel->running(); ++i) Yield(1);
    for (int i = 0; i < 50 && panel->last_files().empty(); ++i) Yield(1);  // Finish() comes by CallAfter
    const std::string xlsx = dir_.file("acme-mars.xlsx");
    ASSERT_EQ(panel->last_files(), (std::vector<wxString>{wxString::FromUTF8(base), wxString::FromUTF8(xlsx)}))
        << utf8(panel->last_message());
    EXPECT_EQ(panel->last_file(), wxString::FromUTF8(base));  // the PDF is the one opened

    // Both documents in the interface's language.
    int status = 0;
    const std::string text = sponsordesk::test::run_command("pdftotext -layout '" + base + "' -", &status);
    ASSERT_EQ(status, 0);
    EXPECT_NE(text.find(utf8(Words("Bilan de campagne, Acme", "Campaign report, Acme"))), std::string::npos) << text;
    EXPECT_NE(text.find("120"), std::string::npos) << text;  // Acme's clicks, not the decoy's
    const nlohmann::json book = sponsordesk::test::read_xlsx(xlsx);
    ASSERT_TRUE(book.contains("sheets"));
    EXPECT_EQ(book["sheets"][0]["name"], utf8(Words("Campagne", "Campaign")));
    EXPECT_NE(book.dump().find("Acme"), std::string::npos);

    // A sponsor with nothing booked in the period: the core's refusal, in the interface's words.
    ASSERT_TRUE(panel->SetCampaign("Bankia", Date{2026, 3, 1}, Date{2026, 3, 31},
                                   wxString::FromUTF8(dir_.file("b.pdf")), true, false));
    panel->Start();
    for (int i = 0; i < 1000 && panel->running(); ++i) Yield(1);
    for (int i = 0; i < 50 && panel->running(); ++i) Yield(1);
    Yield(5);
    EXPECT_NE(utf8(panel->last_message()).find(utf8(Words("n’a aucun emplacement réservé", "has no booked slot"))),
              std::string::npos)
        << utf8(panel->last_message());
    EXPECT_FALSE(std::filesystem::exists(dir_.file("b.pdf")));
}

}  // namespace sponsordesk::gui::test

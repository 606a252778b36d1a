// Screenshots of the dialogs (not a test): opens each one modeless over the
// main window and captures the screen with ImageMagick's `import`.
//   gui_dialog_shots DB OUT_DIR     (DISPLAY set; a copy of a DB from make_demo_db.sh:
//   the copy editor is saved to show the refusal, which writes nothing)
#include <cstdlib>
#include <fstream>
#include <string>

#include <wx/app.h>
#include <wx/fileconf.h>
#include <wx/grid.h>
#include <wx/textctrl.h>
#include <wx/uilocale.h>
#include <wx/utils.h>

#include "book_dialog.h"
#include "booking_dialog.h"
#include "calendar_panel.h"
#include "i18n.h"
#include "main_frame.h"
#include "issue_invoice_dialog.h"
#include "multi_book_dialog.h"
#include "preferences_dialog.h"
#include "results_import_dialog.h"
#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/drafts/utm.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/booking_repository.h"

using namespace sponsordesk;

namespace {

std::string g_db, g_out;

void Shoot(wxWindow* top, const std::string& name) {
    top->Show();
    top->Raise();
    for (int i = 0; i < 20; ++i) {
        wxYield();
        wxMilliSleep(50);
    }
    std::string cmd = "import -window root -crop 1400x900+0+0 +repage '" + g_out + "/" + name + ".png'";
    if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "import failed for %s\n", name.c_str());
}

class ShotsApp : public wxApp {
public:
    bool OnInit() override {
        wxUILocale::UseDefault();
        wxConfigBase::Set(new wxFileConfig(wxString(), wxString(), wxS("/tmp/sponsordesk-shots.ini")));
        gui::SetupTranslations();
        auto* frame = new gui::MainFrame(wxString::FromUTF8(g_db));
        frame->SetSize(wxRect(0, 0, 1400, 900));
        frame->ShowView(gui::kCalendar);
        frame->Show();
        CallAfter([this, frame] { Run(frame); });
        return true;
    }

private:
    void Run(gui::MainFrame* frame) {
        Database& db = *frame->db();
        const Publication pub = CatalogService(db).publications().front();
        const auto issues = IssueService(db).list(pub.slug, Date::today(), std::nullopt);
        const Placement main = CatalogService(db).placements(pub.slug).front();
        {
            auto* dlg = new gui::BookDialog(frame, db, pub, issues.at(1), main);
            dlg->SelectSponsor("Malt");
            Shoot(dlg, "dialog-book");
            dlg->Destroy();
        }
        {
            BookingFilter f;
            f.today = Date::today();
            f.status = BookingStatus::Confirmed;
            f.limit = 1;
            f.publication_id = pub.id;
            f.sort = BookingFilter::Sort::IssueDate;
            auto rows = BookingRepository(db).list(f);
            if (!rows.empty()) {
                auto* dlg = new gui::BookingDialog(frame, db, rows.front().booking.id);
                dlg->copy_editor()->SetValue(wxString::FromUTF8(
                    "Avec **" + rows.front().sponsor_name +
                    "**, vos équipes gagnent une heure par jour : notes de frais, paie et congés réunis dans une seule "
                    "application. Essai gratuit de 30 jours, sans carte bancaire, et un accompagnement dédié pour "
                    "migrer vos données depuis votre ancien outil. Rejoignez les 10 000 entreprises qui nous font "
                    "déjà confiance. Nos conseillers répondent en moins de deux heures, six jours sur sept, et nos "
                    "tarifs restent les mêmes quelle que soit la taille de votre équipe : aucun engagement, aucune "
                    "surprise, et la résiliation se fait en un clic depuis votre espace."));
                dlg->SaveCopy();  // over the limit: the refusal shows under the editor
                Shoot(dlg, "dialog-booking-copy-refused");
                dlg->Destroy();
            }
        }
        {
            // Several open slots Ctrl+clicked in this month's calendar: the
            // coming Tuesdays of the placement that has the most of them
            // open, then the dialog that books them.
            gui::CalendarPanel* cal = frame->calendar();
            const Date today = Date::today();
            const Month m{today.year, today.month};
            cal->SetMonth(m.year, m.month);
            const auto month_issues = IssueService(db).list(pub.slug, m.first(), m.last());
            std::vector<std::pair<int, Issue>> best;
            for (int col = 0; col < cal->grid()->GetNumberCols(); ++col) {
                std::vector<std::pair<int, Issue>> open;
                for (const Issue& is : month_issues) {
                    const int row = cal->IssueRow(is.date);
                    if (is.date.weekday() == 1 && is.date >= today && row >= 0 && !cal->Cell(row, col))
                        open.emplace_back(col, is);
                }
                if (open.size() > best.size()) best = open;
            }
            std::vector<Issue> picked;
            for (const auto& [col, is] : best) {
                const int row = cal->IssueRow(is.date);
                cal->grid()->SelectBlock(row, col, row, col, true);
                picked.push_back(is);
            }
            cal->grid()->GetGridWindow()->SetFocus();  // as after the clicks: the selection's own colour
            Shoot(frame, "calendar-multi-selection");
            if (!picked.empty()) {
                const Placement pl = cal->ColumnAt(best.front().first).placement;
                auto* dlg = new gui::MultiBookDialog(frame, db, pub, picked, pl);
                dlg->SelectSponsor("Malt");
                Shoot(dlg, "dialog-multi-book");
                dlg->Destroy();
            }
            auto* series = new gui::MultiBookDialog(frame, db, pub, today, m.last(), main.id);
            series->SelectSponsor("Alma");
            series->SetWeekdays((1u << 1) | (1u << 3));
            Shoot(series, "dialog-book-series");
            series->Destroy();
            cal->grid()->ClearSelection();
        }
        {
            auto* dlg = new gui::PreferencesDialog(frame, db);
            Shoot(dlg, "dialog-preferences");
            dlg->Destroy();
        }
        {
            // The import of a click export of this month's booked slots, with
            // links that go to no booking: another publication's, a placement
            // that does not exist, the unsubscribe link.
            BookingFilter f;
            f.today = Date::today();
            f.publication_id = pub.id;
            f.from = Date{f.today.year, f.today.month, 1};
            f.limit = 60;
            std::string csv = "Send Date;URL;Total Clicks;Unique Clicks\n";
            int n = 0;
            Date first;
            for (const auto& b : BookingRepository(db).list(f)) {
                // The slots whose sponsor gave a link: the links the draft tagged.
                if (!booking_rules::is_booked(b.booking.status) || b.booking.link.empty() || n >= 8) continue;
                const std::string& link = b.booking.link;
                csv += b.issue_date.iso() + ";" + add_utm(link, pub.slug, b.issue_date, b.placement_code) + ";" +
                       std::to_string(180 + 37 * n) + ";" + std::to_string(150 + 29 * n) + "\n";
                if (n++ == 0) {
                    first = b.issue_date;
                    csv += first.iso() + ";" + add_utm(link, "matin", first, b.placement_code) + ";41;38\n";
                    csv += first.iso() + ";" + add_utm(link, pub.slug, first, "banniere") + ";12;11\n";
                    csv += first.iso() + ";https://brief.example/desabonnement;9;9\n";
                }
            }
            const std::string path = g_out + "/.clics-demo.csv";
            std::ofstream(path, std::ios::binary) << csv;
            auto* dlg = new gui::ResultsImportDialog(frame, db);
            dlg->SelectFile(wxString::FromUTF8(path));
            Shoot(dlg, "dialog-import-results");
            if (std::getenv("SHOTS_SMALL")) {  // as on a 1024×600 screen
                dlg->SetSize(wxSize(1000, 560));
                Shoot(dlg, "dialog-import-results-1024x600");
            }
            dlg->Destroy();
            std::remove(path.c_str());
        }
        // The question before issuing: a draft of this month's bookings of
        // the first sponsor that has some, dated at the end of the month.
        InvoiceService invoices(db);
        for (const auto& s : SponsorService(db).list("", false)) {
            const Month month{Date::today().year, Date::today().month};
            if (invoices.uninvoiced_bookings(SponsorId{s.id}, month).empty()) continue;
            const InvoiceView draft = invoices.create_for_month(SponsorId{s.id}, month);
            auto* dlg = new gui::IssueInvoiceDialog(frame, db, draft);
            Shoot(dlg, "dialog-issue-invoice");
            dlg->Destroy();
            break;
        }
        frame->Destroy();
        ExitMainLoop();
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: gui_dialog_shots DB OUT_DIR\n");
        return 2;
    }
    g_db = argv[1];
    g_out = argv[2];
    wxApp::SetInstance(new ShotsApp);
    int wx_argc = 1;
    return wxEntry(wx_argc, argv);
}

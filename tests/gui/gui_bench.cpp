// GUI benchmark on demand (not a CTest test): time to first window, calendar
// month switch, bookings list open and full scroll, on a 100,000-booking file.
//   gui_bench [--rows N] [--db PATH]     (needs a DISPLAY; Xvfb is fine)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include <wx/app.h>
#include <wx/dataview.h>
#include <wx/fileconf.h>
#include <wx/grid.h>
#include <wx/uilocale.h>

#include "booking_list_model.h"
#include "bookings_panel.h"
#include "calendar_panel.h"
#include "i18n.h"
#include "main_frame.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/issue_repository.h"
#include "sponsordesk/storage/sponsor_repository.h"

using namespace sponsordesk;
using Clock = std::chrono::steady_clock;

namespace {

Clock::time_point g_start;
long g_rows = 100000;
std::string g_db = (std::filesystem::temp_directory_path() / "sponsordesk-bench-100k.db").string();

double Ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

// Five years of a daily newsletter with a main slot and many classifieds,
// filled through the repositories in one transaction.
void Generate(const std::string& path, long rows) {
    auto t0 = Clock::now();
    std::filesystem::remove(path);
    Database db(path);
    CatalogService cat(db);
    Publication p;
    p.name = "Le Brief du Matin";
    p.slug = "brief";
    cat.add_publication(p);
    Placement main;
    main.code = "main";
    main.name = "Sponsor principal";
    main.price = 150000;
    main.position = 1;
    main = cat.add_placement("brief", main);
    const std::vector<Issue> issues = IssueService(db).plan("brief", Date{2023, 1, 2}, Date{2027, 12, 31});
    const int per_issue =
        static_cast<int>((rows + static_cast<long>(issues.size()) - 1) / static_cast<long>(issues.size()));
    // Slots after the main one, in placements of at most 40 (the core caps at 50).
    std::vector<std::pair<Placement, int>> slots{{main, 1}};
    for (int left = per_issue - 1, n = 1; left > 0; left -= 40, ++n) {
        Placement cl;
        cl.code = "classified" + std::to_string(n);
        cl.name = "Petite annonce " + std::to_string(n);
        cl.price = 25000;
        cl.slots = std::min(40, left);
        cl.position = n + 1;
        cl = cat.add_placement("brief", cl);
        for (int k = 1; k <= cl.slots; ++k) slots.push_back({cl, k});
    }

    WriteTransaction tx(db);
    SponsorRepository sponsors(db);
    std::vector<Id> ids;
    for (int i = 0; i < 500; ++i) {
        Sponsor s;
        s.name = "Sponsor " + std::to_string(1000 + i);
        ids.push_back(sponsors.insert(s));
    }
    BookingRepository repo(db);
    const BookingStatus statuses[] = {BookingStatus::Confirmed, BookingStatus::CopyReceived, BookingStatus::Approved,
                                      BookingStatus::Published, BookingStatus::Hold};
    long made = 0;
    for (const Issue& is : issues) {
        for (int s = 0; s < per_issue && made < rows; ++s, ++made) {
            Booking b;
            b.issue_id = is.id;
            const auto& [pl, slot] = slots[static_cast<size_t>(s)];
            b.placement_id = pl.id;
            b.slot = slot;
            b.sponsor_id = ids[static_cast<size_t>(made % 500)];
            b.price = pl.price;
            b.status = statuses[made % 5];
            if (b.status == BookingStatus::Hold) b.hold_until = is.date;
            repo.insert(b);
        }
    }
    tx.commit();
    std::printf("generated %ld bookings over %zu issues in %.0f ms\n", made, issues.size(), Ms(t0, Clock::now()));
}

class BenchApp : public wxApp {
public:
    bool OnInit() override {
        stage_.push_back({"toolkit (wxEntry to OnInit)", Clock::now()});
        wxUILocale::UseDefault();
        // A settings file of its own, fresh each run: the window opens on the
        // calendar, as for a new user, not on the view the last run ended on.
        const auto ini = std::filesystem::temp_directory_path() / "sponsordesk-bench.ini";
        std::filesystem::remove(ini);
        wxConfigBase::Set(new wxFileConfig(wxString(), wxString(), wxString::FromUTF8(ini.string())));
        // The UI language follows the locale, as in the app: under
        // fr_FR.UTF-8 this times the French window (catalogue, formats).
        gui::SetupTranslations();
        stage_.push_back({"locale and catalogues", Clock::now()});
        frame_ = new gui::MainFrame(wxString::FromUTF8(g_db));
        stage_.push_back({"main frame (database open, views built)", Clock::now()});
        frame_->SetSize(wxRect(0, 0, 1400, 900));
        frame_->ShowView(gui::kCalendar);
        stage_.push_back({"calendar shown (month filled)", Clock::now()});
        frame_->Show();
        stage_.push_back({"frame shown", Clock::now()});
        Bind(wxEVT_IDLE, &BenchApp::OnFirstIdle, this);
        return true;
    }

private:
    void OnFirstIdle(wxIdleEvent&) {
        Unbind(wxEVT_IDLE, &BenchApp::OnFirstIdle, this);
        const double first = Ms(g_start, Clock::now());
        stage_.push_back({"shown to first idle (first paint)", Clock::now()});
        CallAfter([this, first] { Measure(first); });
    }

    void Measure(double first_window) {
        std::printf("first window (process start to first idle): %.1f ms\n", first_window);
        Clock::time_point prev = g_start;
        for (const auto& [what, at] : stage_) {
            std::printf("  %s: %.1f ms\n", what, Ms(prev, at));
            prev = at;
        }
        gui::CalendarPanel* cal = frame_->calendar();
        cal->SetMonth(2025, 1);
        wxYield();
        double worst = 0, total = 0, fill = 0;
        const int switches = 24;
        for (int i = 0; i < switches; ++i) {
            auto t0 = Clock::now();
            cal->ShiftMonth(1);
            fill += Ms(t0, Clock::now());
            cal->Update();  // the repaint, synchronously
            double ms = Ms(t0, Clock::now());
            total += ms;
            worst = std::max(worst, ms);
        }
        std::printf(
            "calendar month switch: mean %.1f ms (data and grid %.1f ms, repaint %.1f ms), worst %.1f ms "
            "(%d switches, %d cells each)\n",
            total / switches, fill / switches, (total - fill) / switches, worst, switches,
            cal->grid()->GetNumberRows() * cal->grid()->GetNumberCols());

        auto t0 = Clock::now();
        frame_->ShowView(gui::kBookings);
        const auto shown = Clock::now();
        gui::BookingsPanel* panel = frame_->bookings();
        panel->list()->Update();
        const auto painted = Clock::now();
        timespec c0{}, c1{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
        wxYield();
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);

        std::printf("bookings list open (count + first page + paint): %.1f ms, %u rows\n", Ms(t0, Clock::now()),
                    panel->model()->GetCount());
        // Events: the time the toolkit takes (this process's CPU beside it:
        // the rest is the X server and, on a busy machine, waiting for a core).
        std::printf(
            "  of which view switch (filter, count, page near today) %.1f ms, paint %.1f ms, events %.1f ms (%.1f ms "
            "CPU)\n",
            Ms(t0, shown), Ms(shown, painted), Ms(painted, Clock::now()),
            (c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6);

        gui::BookingListModel* model = panel->model();
        const unsigned n = model->GetCount();
        t0 = Clock::now();
        const unsigned step = 40;  // about one screenful
        int steps = 0;
        for (unsigned row = 0; row < n; row += step, ++steps) {
            panel->list()->EnsureVisible(model->GetItem(std::min(row + step - 1, n - 1)));
            panel->list()->Update();
            if (steps % 50 == 0) wxYield();
        }
        const double scroll = Ms(t0, Clock::now());
        std::printf("full scroll, one screenful at a time: %.0f ms for %d screens (%.2f ms/screen), %lld pages read\n",
                    scroll, steps, scroll / steps, static_cast<long long>(model->pages_loaded()));

        // Warm: back to the list after a write elsewhere (count + first page again).
        frame_->ShowView(gui::kCalendar);
        frame_->DataChanged();
        t0 = Clock::now();
        frame_->ShowView(gui::kBookings);
        panel->list()->Update();
        wxYield();
        std::printf("bookings list re-open after a change (warm): %.1f ms\n", Ms(t0, Clock::now()));
        t0 = Clock::now();
        panel->ApplyFilter();
        const double apply = Ms(t0, Clock::now());
        t0 = Clock::now();
        panel->list()->Update();
        wxYield();
        std::printf("  of which filter, count, first page: %.1f ms; repaint %.1f ms (pages read so far: %lld)\n", apply,
                    Ms(t0, Clock::now()), static_cast<long long>(panel->model()->pages_loaded()));

        t0 = Clock::now();
        panel->SortBy(gui::BookingListModel::ColSponsor, true);
        panel->list()->Update();
        std::printf("re-sort by sponsor (SQL) and repaint: %.1f ms\n", Ms(t0, Clock::now()));
        frame_->Destroy();
        ExitMainLoop();
    }

    gui::MainFrame* frame_ = nullptr;
    std::vector<std::pair<const char*, Clock::time_point>> stage_;
};

}  // namespace

int main(int argc, char** argv) {
    g_start = Clock::now();
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--rows") && i + 1 < argc)
            g_rows = std::atol(argv[++i]);
        else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            g_db = argv[++i];
    }
    bool fresh = !std::filesystem::exists(g_db);
    if (!fresh) {
        Database db(g_db);
        BookingFilter f;
        f.today = Date::today();
        fresh = BookingRepository(db).count(f) != g_rows;
    }
    if (fresh) Generate(g_db, g_rows);
    g_start = Clock::now();  // the window's time excludes generating the file
    wxApp::SetInstance(new BenchApp);
    int wx_argc = 1;
    return wxEntry(wx_argc, argv);
}

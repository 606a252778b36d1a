// Issue 9, problem 2: under fr_FR.UTF-8 (which the desktop app sets) every
// workbook came out corrupt ("<v>0,043…</v>", pageMargins left="0,7").
// Every writer must give the same bytes whatever the process locale: each
// file is written once under C.UTF-8 and once under fr_FR.UTF-8 (from a
// worker thread, as the desktop app's report thread does) and compared.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "test_support.h"

#include <chrono>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sponsordesk/export/c_locale.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/demo_service.h"
#include "sponsordesk/services/draft_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/report_service.h"
#include "sponsordesk/services/results_service.h"

using namespace sponsordesk;
using sponsordesk::test::read_xlsx;
using sponsordesk::test::TempDir;

namespace {

constexpr const char* kFrench = "fr_FR.UTF-8";
constexpr const char* kToday = "2026-11-29";

bool french_locale_installed() {
    const locale_t fr = newlocale(LC_ALL_MASK, kFrench, static_cast<locale_t>(0));
    if (fr == static_cast<locale_t>(0)) return false;
    freelocale(fr);
    return true;
}

#define SKIP_WITHOUT_FRENCH_LOCALE()                                                                \
    if (!french_locale_installed())                                                                 \
    GTEST_SKIP() << "fr_FR.UTF-8 is not installed, so locale independence cannot be checked here; " \
                    "scripts/test generates it (localedef -i fr_FR -f UTF-8 fr_FR.UTF-8, package locales)"

// The process locale as setlocale(LC_ALL, name) sets it (what
// wxUILocale::UseDefault() does for the desktop app), restored afterwards.
class ProcessLocale {
public:
    explicit ProcessLocale(const char* name) : previous_(std::setlocale(LC_ALL, nullptr)) {
        ok_ = std::setlocale(LC_ALL, name) != nullptr;
    }
    ~ProcessLocale() { std::setlocale(LC_ALL, previous_.c_str()); }
    bool ok() const { return ok_; }

private:
    std::string previous_;
    bool ok_ = false;
};

std::string printf_half() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", 0.5);
    return buf;
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The example year: two publications (fr, en), a thousand bookings,
// invoices, credit notes, payments, audience figures and drafts.
class LocaleIndependentFiles : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        setenv("SPONSORDESK_TODAY", kToday, 1);
        dir_ = std::make_unique<TempDir>();
        db_ = std::make_unique<Database>(dir_->file("demo.db"));
        DemoService(*db_).fill();
    }
    static void TearDownTestSuite() {
        db_.reset();
        dir_.reset();
        unsetenv("SPONSORDESK_TODAY");
    }
    void SetUp() override { setenv("SPONSORDESK_TODAY", kToday, 1); }

    // Every kind of file, written into `folder`; returns name → bytes (the
    // drafts are rendered text: what Copy as HTML and --out write).
    static std::map<std::string, std::string> write_everything(const std::string& folder) {
        std::map<std::string, std::string> out;
        // Each thread gets its own connection, as the desktop app's report thread does.
        Database db(dir_->file("demo.db"));
        const auto file = [&](const std::string& name) { return folder + "/" + name; };

        ReportService reports(db);
        for (const char* language : {"en", "fr"}) {
            MonthlyReportRequest m;
            m.month = Month{2026, 10};
            m.path = file(fmt::format("monthly-{}.xlsx", language));
            m.today = Date::parse(kToday);
            m.language = language;
            reports.monthly(m);
            BillingReportRequest b;
            b.from = Date::parse("2026-01-01");
            b.to = Date::parse("2026-11-29");
            b.as_of = Date::parse(kToday);
            b.path = file(fmt::format("billing-{}.xlsx", language));
            b.language = language;
            reports.billing(b);
        }

        InvoiceService invoices(db);
        std::map<std::string, Id> picked;  // one invoice per language and one credit note
        std::string sponsor;
        for (const InvoiceView& v : invoices.list({})) {
            if (!v.invoice.number) continue;
            const std::string key = v.invoice.kind == InvoiceKind::CreditNote ? "credit" : v.invoice.language;
            if (!picked.count(key)) picked[key] = v.invoice.id;
            if (sponsor.empty() && v.invoice.kind == InvoiceKind::CreditNote) sponsor = v.sponsor_name;
        }
        EXPECT_EQ(picked.size(), 3u) << "the example year has French and English invoices and credit notes";
        for (const auto& [key, id] : picked) {
            invoices.export_pdf(InvoiceId{id}, file(fmt::format("invoice-{}.pdf", key)));
            invoices.export_xlsx(InvoiceId{id}, file(fmt::format("invoice-{}.xlsx", key)));
        }
        invoices.export_statement(SponsorId{SponsorService(*db_).find_by_name(sponsor)->id}, file("statement.xlsx"));

        // The sponsor report of the sponsor of the year's first published booking.
        const Id published = db.sql()
                                 .execAndGet(
                                     "SELECT b.sponsor_id FROM booking b JOIN issue i ON i.id = b.issue_id "
                                     "WHERE b.status = 'published' ORDER BY i.date, b.id LIMIT 1")
                                 .getInt64();
        for (const char* language : {"en", "fr"}) {
            SponsorReportRequest r;
            r.sponsor = SponsorId{published};
            r.from = Date::parse("2026-01-01");
            r.to = Date::parse(kToday);
            r.pdf_path = file(fmt::format("sponsor-{}.pdf", language));
            r.xlsx_path = file(fmt::format("sponsor-{}.xlsx", language));
            r.language = language;
            r.today = Date::parse(kToday);
            ResultsService(db).sponsor_report(r);
        }

        DraftService drafts(db);
        for (const Publication& p : CatalogService(db).publications())
            for (const Issue& i : IssueService(db).list(p.slug, std::nullopt, std::nullopt)) {
                if (i.draft.empty()) continue;
                for (const char* format : {"markdown", "html", "text"}) {
                    const RenderedDraft r = drafts.render(p.slug, i.date, draft_format_from(format));
                    out[fmt::format("draft-{}-{}.{}", p.slug, i.date.iso(), format)] =
                        r.text + fmt::format("\nwords={} seconds={}", r.word_count, r.reading_seconds);
                }
            }

        // JSON as the core's library writes it (the command line's --json),
        // with the kind of value that went wrong in the workbooks.
        const nlohmann::json doc = {{"ctr", 0.04347826086956522}, {"rate", 20.5}, {"amount", "1500.00"}};
        out["document.json"] = doc.dump(2);

        for (const auto& entry : std::filesystem::directory_iterator(folder))
            out[entry.path().filename().string()] = read_bytes(entry.path().string());
        return out;
    }

    static inline std::unique_ptr<TempDir> dir_;
    static inline std::unique_ptr<Database> db_;
};

TEST_F(LocaleIndependentFiles, EveryWriterGivesTheSameBytesUnderCAndFrench) {
    SKIP_WITHOUT_FRENCH_LOCALE();
    TempDir c_dir, fr_dir;
    std::map<std::string, std::string> c_files, fr_files;
    {
        ProcessLocale c("C.UTF-8");
        ASSERT_TRUE(c.ok());
        c_files = write_everything(c_dir.path().string());
    }
    {
        ProcessLocale fr(kFrench);
        ASSERT_TRUE(fr.ok());
        // The locale really writes numbers the French way: the test can fail.
        ASSERT_EQ(printf_half(), "0,5");
        std::thread worker([&] { fr_files = write_everything(fr_dir.path().string()); });
        worker.join();
        // The writers gave the thread back its locale: the UI still formats in French.
        EXPECT_EQ(printf_half(), "0,5");
    }
    ASSERT_FALSE(c_files.empty());
    for (const char* kind :
         {"monthly-en.xlsx", "monthly-fr.xlsx", "billing-en.xlsx", "billing-fr.xlsx", "invoice-fr.pdf",
          "invoice-en.pdf", "invoice-credit.pdf", "invoice-fr.xlsx", "invoice-en.xlsx", "invoice-credit.xlsx",
          "statement.xlsx", "sponsor-en.pdf", "sponsor-fr.pdf", "sponsor-en.xlsx", "sponsor-fr.xlsx", "document.json"})
        EXPECT_TRUE(c_files.count(kind)) << kind << " was not written";
    int drafts = 0;
    for (const auto& [name, bytes] : c_files) drafts += name.rfind("draft-", 0) == 0 ? 1 : 0;
    EXPECT_GE(drafts, 6) << "both publications' drafts in three formats";

    ASSERT_EQ(c_files.size(), fr_files.size());
    for (const auto& [name, bytes] : c_files) {
        ASSERT_TRUE(fr_files.count(name)) << name;
        EXPECT_FALSE(bytes.empty()) << name;
        // EXPECT_EQ on megabytes would print them: compare, then say where.
        const std::string& other = fr_files[name];
        if (bytes != other) {
            size_t at = 0;
            while (at < bytes.size() && at < other.size() && bytes[at] == other[at]) ++at;
            ADD_FAILURE() << name << " differs under fr_FR.UTF-8 (" << other.size() << " bytes against " << bytes.size()
                          << " under C.UTF-8), first at byte " << at;
        }
    }
}

// Written twice in a row under the same locale: the same bytes, so the
// comparison above is not hiding a clock (creation dates are the document's).
TEST_F(LocaleIndependentFiles, TheSameDataGivesTheSameBytesTwice) {
    TempDir a, b;
    const auto first = write_everything(a.path().string());
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a clock would have ticked
    const auto second = write_everything(b.path().string());
    ASSERT_EQ(first.size(), second.size());
    for (const auto& [name, bytes] : first) EXPECT_TRUE(second.at(name) == bytes) << name << " changed";
}

// The workbook the desktop app writes for a French user opens: openpyxl
// reads it, with numbers as numbers and the French sheet names.
TEST_F(LocaleIndependentFiles, MonthlyReportWrittenUnderFrenchOpensInOpenpyxl) {
    SKIP_WITHOUT_FRENCH_LOCALE();
    TempDir dir;
    const std::string path = dir.file("rapport.xlsx");
    {
        ProcessLocale fr(kFrench);
        ASSERT_TRUE(fr.ok());
        ASSERT_EQ(printf_half(), "0,5");
        MonthlyReportRequest m;
        m.month = Month{2026, 10};
        m.path = path;
        m.language = "fr";
        ReportService(*db_).monthly(m);
    }
    const nlohmann::json book = read_xlsx(path);
    ASSERT_TRUE(book.contains("sheets"));
    std::vector<std::string> names;
    for (const auto& s : book["sheets"]) names.push_back(s["name"]);
    EXPECT_EQ(names, (std::vector<std::string>{"Synthèse", "Réservations", "Sponsors", "Performance"}));
    // The Performance sheet's ratios (where "0,04…" used to be) are numbers.
    int ratios = 0;
    for (const auto& s : book["sheets"]) {
        if (s["name"] != "Performance") continue;
        for (const auto& [cell, c] : s["cells"].items()) {
            if (c["format"] != "0.0\\ %") continue;
            EXPECT_EQ(c["type"], "n") << cell;
            const double v = c["value"].get<double>();
            EXPECT_GT(v, 0.0) << cell;
            EXPECT_LT(v, 1.0) << cell;
            ++ratios;
        }
    }
    EXPECT_GT(ratios, 10);
}

TEST(CLocaleScope, SwitchesOnlyThisThreadAndRestoresIt) {
    SKIP_WITHOUT_FRENCH_LOCALE();
    ProcessLocale fr(kFrench);
    ASSERT_TRUE(fr.ok());
    ASSERT_EQ(printf_half(), "0,5");
    {
        const CLocaleScope outer;
        EXPECT_EQ(printf_half(), "0.5");
        std::string other_thread;
        std::thread([&] { other_thread = printf_half(); }).join();
        EXPECT_EQ(other_thread, "0,5") << "another thread keeps the process locale";
        {
            const CLocaleScope inner;
            EXPECT_EQ(printf_half(), "0.5");
        }
        EXPECT_EQ(printf_half(), "0.5") << "the inner scope gave back the outer one's locale";
    }
    EXPECT_EQ(printf_half(), "0,5");
}

}  // namespace

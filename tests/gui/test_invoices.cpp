// Invoices: a draft from bookings, issued from the button, paid, exported,
// cancelled by a credit note; reports exported off the UI thread.
#include <filesystem>
#include <fstream>

#include <wx/listctrl.h>
#include <wx/testing.h>

#include "../support/test_lookup.h"
#include "gui_fixture.h"
#include "gui_util.h"
#include "invoices_panel.h"
#include "issue_invoice_dialog.h"
#include "reports_panel.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/invoice_service.h"

namespace sponsordesk::gui::test {
namespace {

class Invoices : public GuiTest {
protected:
    void SetUp() override {
        GuiTest::SetUp();
        PublisherChanges p = test_lookup::issuing_publisher("Les Éditions du Matin SAS");
        p.email = "factures@matin.example";
        CatalogService(*db_).update_publisher(p);
        test_lookup::make_invoiceable(*db_, "Acme");
        for (int day : {3, 4}) {
            BookRequest r = test_lookup::book_request(*db_, "Acme", "brief", Date{2026, 3, day}, "main");
            bookings_.push_back(BookingService(*db_).book(r).id());
        }
    }
    std::vector<BookingId> bookings_;
};

// The question before issuing, answered Issue.
class ExpectIssue : public wxExpectModalBase<IssueInvoiceDialog, ExpectIssue> {
protected:
    int OnInvoked(IssueInvoiceDialog* dlg) const override {
        EXPECT_EQ(dlg->number(), wxS("2026-0001"));
        return wxID_OK;
    }
};

}  // namespace

TEST_F(Invoices, CreateIssuePayExportAndCancel) {
    OpenWindow();
    frame_->ShowView(kInvoices);
    InvoicesPanel* panel = frame_->invoices();
    ASSERT_TRUE(panel->CreateFor(test_lookup::sponsor_id(*db_, "Acme"), bookings_));
    const Id id = panel->SelectedInvoice();
    ASSERT_NE(id, 0);
    EXPECT_EQ(InvoiceService(*db_).get(InvoiceId{id}).state, InvoiceState::Draft);

    // Issue with the button, as a user would, and confirm the question.
    wxWindow* issue = wxWindow::FindWindowByLabel(_("&Issue…"), panel);
    ASSERT_NE(issue, nullptr);
    ASSERT_TRUE(issue->IsEnabled());
    wxTEST_DIALOG(
        {
            ClickOn(issue);
            Yield(5);
        },
        ExpectIssue());
    InvoiceView v = InvoiceService(*db_).get(InvoiceId{id});
    EXPECT_EQ(v.state, InvoiceState::Issued);
    EXPECT_EQ(v.invoice.number.value_or(""), "2026-0001");
    EXPECT_EQ(v.invoice.net, 300000);
    EXPECT_EQ(v.invoice.gross, 360000);

    ASSERT_TRUE(panel->PaySelected(100000, Date{2026, 3, 2}));
    EXPECT_EQ(InvoiceService(*db_).get(InvoiceId{id}).paid, 100000);

    const std::string pdf = (std::filesystem::temp_directory_path() / "sponsordesk-gui-invoice.pdf").string();
    ASSERT_TRUE(panel->ExportSelected(pdf, true, false));
    std::ifstream in(pdf, std::ios::binary);
    char magic[5] = {};
    in.read(magic, 4);
    EXPECT_STREQ(magic, "%PDF");
    std::filesystem::remove(pdf);

    wxWindow* cancel = wxWindow::FindWindowByLabel(_("Cancel with Credit &Note…"), panel);
    ASSERT_NE(cancel, nullptr);
    wxTEST_DIALOG(
        {
            ClickOn(cancel);
            Yield(5);
        },
        wxExpectModal<wxMessageDialog>(wxYES));
    EXPECT_EQ(InvoiceService(*db_).get(InvoiceId{id}).state, InvoiceState::Cancelled);
    InvoiceQuery q;
    bool credit = false;
    for (const InvoiceView& c : InvoiceService(*db_).list(q))
        credit =
            credit || (c.invoice.kind == InvoiceKind::CreditNote && c.invoice.number.value_or("") == "AV-2026-0001");
    EXPECT_TRUE(credit);
}

TEST_F(Invoices, MonthlyReportExportedOffTheUiThread) {
    OpenWindow();
    frame_->ShowView(kReports);
    ReportsPanel* panel = frame_->reports();
    panel->open_when_done = false;
    const std::string path = (std::filesystem::temp_directory_path() / "sponsordesk-gui-monthly.xlsx").string();
    std::filesystem::remove(path);
    panel->SetMonthly(2026, 3, wxString::FromUTF8(path));
    panel->Start();
    for (int i = 0; i < 500 && (panel->running() || panel->last_file().empty()); ++i) {
        Yield(1);
        if (!panel->running() && !panel->last_message().StartsWith(_("Exporting…"))) break;
    }
    EXPECT_FALSE(panel->running());
    EXPECT_TRUE(std::filesystem::exists(path)) << panel->last_message();
    EXPECT_GT(std::filesystem::file_size(path), 1000u);
    std::filesystem::remove(path);
}

}  // namespace sponsordesk::gui::test

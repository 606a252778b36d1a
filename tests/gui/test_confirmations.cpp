// wx/stc/stc.h needs narrow-literal conversions (see src/gui/draft_panel.cpp).
#undef wxNO_IMPLICIT_WXSTRING_ENCODING
// Irreversible actions ask first and say what will happen; refused copy is
// never thrown away; copying an issue with warnings asks.
#include <filesystem>
#include <fstream>

#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>
#include <wx/testing.h>
#include <wx/textctrl.h>

#include "booking_dialog.h"
#include "draft_panel.h"
#include "gui_fixture.h"
#include "gui_util.h"
#include "invoices_panel.h"
#include "issue_invoice_dialog.h"
#include "sponsordesk/drafts/draft_renderer.h"
#include "sponsordesk/services/booking_service.h"
#include "test_lookup.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/issue_service.h"

namespace sponsordesk::gui::test {
namespace {

class Confirm : public GuiTest {
protected:
    BookingId Book(int day) {
        BookRequest r = test_lookup::book_request(*db_, "Acme", "brief", Date{2026, 3, day}, "main");
        return BookingId{BookingService(*db_).book(r).booking.id};
    }
    void CompletePublisher() {
        PublisherChanges p = test_lookup::issuing_publisher("Les Éditions du Matin SAS");
        p.email = "factures@matin.example";
        CatalogService(*db_).update_publisher(p);
        test_lookup::make_invoiceable(*db_, "Acme");
    }
};

// Checks the question before answering it: the core's next number for the
// date shown, then another (earlier) date chosen, and its number.
class ExpectIssueQuestion : public wxExpectModalBase<IssueInvoiceDialog, ExpectIssueQuestion> {
public:
    ExpectIssueQuestion(int answer, std::optional<Date> pick = std::nullopt) : answer_(answer), pick_(pick) {}

protected:
    int OnInvoked(IssueInvoiceDialog* dlg) const override {
        EXPECT_EQ(dlg->number(), wxS("2026-0001"));
        EXPECT_EQ(dlg->number_label()->GetLabel(), wxS("2026-0001"));
        EXPECT_EQ(dlg->date(), Date::today());
        if (pick_) {
            dlg->SetDate(*pick_);
            EXPECT_EQ(dlg->number(), wxS("2026-0001"));
        }
        return answer_;
    }

private:
    int answer_;
    std::optional<Date> pick_;
};

}  // namespace

TEST_F(Confirm, IssuingShowsTheNumberAndTheChosenDate) {
    CompletePublisher();
    const BookingId b = Book(3);
    OpenWindow();
    frame_->ShowView(kInvoices);
    InvoicesPanel* panel = frame_->invoices();
    ASSERT_TRUE(panel->CreateFor(test_lookup::sponsor_id(*db_, "Acme"), {b}));
    const InvoiceId id{panel->SelectedInvoice()};

    // Cancelled: still a draft, no number taken.
    wxTEST_DIALOG(panel->OnIssue(), ExpectIssueQuestion(wxID_CANCEL));
    EXPECT_EQ(InvoiceService(*db_).get(id).state, InvoiceState::Draft);

    // Issued on the date chosen in the question, with the number it showed.
    wxTEST_DIALOG(panel->OnIssue(), ExpectIssueQuestion(wxID_OK, Date{2026, 3, 1}));
    InvoiceView v = InvoiceService(*db_).get(id);
    EXPECT_EQ(v.state, InvoiceState::Issued);
    EXPECT_EQ(v.invoice.number.value_or(""), "2026-0001");
    ASSERT_TRUE(v.invoice.issue_date.has_value());
    EXPECT_EQ(*v.invoice.issue_date, (Date{2026, 3, 1}));
}

TEST_F(Confirm, DraftInvoicePreviewIsAPdfWithoutNumber) {
    CompletePublisher();
    const BookingId b = Book(3);
    OpenWindow();
    frame_->ShowView(kInvoices);
    InvoicesPanel* panel = frame_->invoices();
    ASSERT_TRUE(panel->CreateFor(test_lookup::sponsor_id(*db_, "Acme"), {b}));
    const InvoiceId id{panel->SelectedInvoice()};
    const std::string pdf = (std::filesystem::temp_directory_path() / "sponsordesk-gui-preview.pdf").string();
    ASSERT_TRUE(panel->PreviewSelected(pdf, false));
    std::ifstream in(pdf, std::ios::binary);
    char magic[5] = {};
    in.read(magic, 4);
    EXPECT_STREQ(magic, "%PDF");
    std::filesystem::remove(pdf);
    // The preview takes no number: the draft stays a draft and 2026-0001 is still free.
    EXPECT_EQ(InvoiceService(*db_).get(id).state, InvoiceState::Draft);
    EXPECT_EQ(InvoiceService(*db_).next_number(id, Date::today()), "2026-0001");
    const InvoiceDocument doc = InvoiceService(*db_).preview_document(id, Date::today());
    EXPECT_TRUE(doc.preview);
    EXPECT_EQ(doc.number, "");
}

TEST_F(Confirm, RefusedCopyStaysInTheEditorOnClose) {
    const BookingId id = Book(3);
    OpenWindow();
    BookingDialog dlg(frame_, *frame_->db(), id.value);
    dlg.Show();
    Yield();
    const wxString eleven = wxS("one two three four five six seven eight nine ten eleven");
    dlg.copy_editor()->SetValue(eleven);
    ASSERT_TRUE(dlg.HasUnsavedCopy());
    // Close, Save: the core refuses 11 words against 10; the dialog stays
    // open with the text and the reason.
    wxTEST_DIALOG(EXPECT_FALSE(dlg.TryClose()), wxExpectModal<wxMessageDialog>(wxID_YES));
    EXPECT_TRUE(dlg.IsShown());
    EXPECT_EQ(dlg.copy_editor()->GetValue(), eleven);
    EXPECT_TRUE(dlg.error_line()->IsShown());
    EXPECT_EQ(BookingService(*db_).get(id).booking.copy, "");
    // Close, Cancel: still there.
    wxTEST_DIALOG(EXPECT_FALSE(dlg.TryClose()), wxExpectModal<wxMessageDialog>(wxID_CANCEL));
    EXPECT_EQ(dlg.copy_editor()->GetValue(), eleven);
    // Shortened, the refusal goes as soon as the text changes.
    dlg.copy_editor()->SetValue(wxS("ten words or fewer fit in this slot today"));
    EXPECT_FALSE(dlg.error_line()->IsShown());
    wxTEST_DIALOG(EXPECT_TRUE(dlg.TryClose()), wxExpectModal<wxMessageDialog>(wxID_YES));
    EXPECT_EQ(BookingService(*db_).get(id).booking.copy, "ten words or fewer fit in this slot today");
}

TEST_F(Confirm, CopyAsWarnsWhenTheIssueHasWarnings) {
    const BookingId id = Book(3);
    BookingService(*db_).set_copy(id, "Acme banks you.", std::nullopt);  // not approved
    OpenWindow();
    frame_->ShowView(kDraft);
    DraftPanel* panel = frame_->draft();
    ASSERT_TRUE(panel->SelectIssue("brief", Date{2026, 3, 3}));
    panel->editor()->SetText(wxS("# Today\n\n{{slot:main}}\n\n{{slot:PODCAST}}\n"));
    panel->RenderNow();
    ASSERT_GE(panel->warnings()->GetCount(), 2u);
    wxTEST_DIALOG(EXPECT_FALSE(panel->CopyAs(static_cast<int>(DraftFormat::Html))),
                  wxExpectModal<wxMessageDialog>(wxID_NO));
    wxTEST_DIALOG(EXPECT_TRUE(panel->CopyAs(static_cast<int>(DraftFormat::Markdown))),
                  wxExpectModal<wxMessageDialog>(wxID_YES));
    // An issue without warnings (no booking there) is copied without a question.
    ASSERT_TRUE(panel->Save());
    ASSERT_TRUE(panel->SelectIssue("brief", Date{2026, 3, 4}));
    panel->editor()->SetText(wxS("# Today\n\nNothing sponsored.\n"));
    panel->RenderNow();
    ASSERT_EQ(panel->warnings()->GetCount(), 0u) << panel->warnings()->GetString(0);
    EXPECT_TRUE(panel->CopyAs(static_cast<int>(DraftFormat::Text)));
}

}  // namespace sponsordesk::gui::test

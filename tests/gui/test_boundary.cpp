// The typed boundary seen from the window: the app passes ids, never a
// sponsor's id spelled as text (which the core once read as a name), and
// words the core's errors itself, in the UI language.
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/testing.h>

#include "../support/test_lookup.h"
#include "book_dialog.h"
#include "error_text.h"
#include "gui_fixture.h"
#include "gui_util.h"
#include "i18n.h"
#include "invoices_panel.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsors_panel.h"

namespace sponsordesk::gui::test {
namespace {

// Acme is sponsor 1; the second sponsor is renamed "1", its name being
// Acme's id (issue 9, problem 10).
class Boundary : public GuiTest {
protected:
    void SetUp() override {
        GuiTest::SetUp();
        SponsorService sponsors(*db_);
        Sponsor second = sponsors.get(SponsorId{2});
        second.name = "1";
        sponsors.update(second);
        ASSERT_EQ(test_lookup::sponsor_named(*db_, "Acme").id, 1);
        ASSERT_EQ(test_lookup::sponsor_named(*db_, "1").id, 2);
    }
    void TearDown() override {
        GuiTest::TearDown();
        SetupTranslations(wxLANGUAGE_ENGLISH_US);
    }
    BookDialog* OpenBookDialog(const Date& date, const std::string& code) {
        CatalogService catalog(*db_);
        const Publication pub = catalog.publication("brief");
        return new BookDialog(frame_, *db_, pub, IssueService(*db_).get("brief", date), catalog.placement(pub, code));
    }
};

// Picks a sponsor in the New Invoice dialog and reads the bookings it offers.
class ExpectNewInvoiceOffers : public wxExpectModalBase<wxDialog, ExpectNewInvoiceOffers> {
public:
    ExpectNewInvoiceOffers(const wxString& sponsor, wxArrayString* offered) : sponsor_(sponsor), offered_(offered) {}

protected:
    int OnInvoked(wxDialog* dlg) const override {
        wxChoice* choice = nullptr;
        wxCheckListBox* list = nullptr;
        for (wxWindow* w : dlg->GetChildren()) {
            if (auto* c = dynamic_cast<wxChoice*>(w)) choice = c;
            if (auto* l = dynamic_cast<wxCheckListBox*>(w)) list = l;
        }
        EXPECT_NE(choice, nullptr);
        EXPECT_NE(list, nullptr);
        if (!choice || !list) return wxID_CANCEL;
        const int at = choice->FindString(sponsor_, true);
        EXPECT_NE(at, wxNOT_FOUND);
        choice->SetSelection(at);
        wxCommandEvent picked(wxEVT_CHOICE, choice->GetId());
        picked.SetEventObject(choice);
        picked.SetInt(at);
        choice->GetEventHandler()->ProcessEvent(picked);
        for (unsigned i = 0; i < list->GetCount(); ++i) offered_->Add(list->GetString(i));
        return wxID_CANCEL;
    }

private:
    wxString sponsor_;
    wxArrayString* offered_;
};

}  // namespace

TEST_F(Boundary, ArchivingAcmeArchivesAcmeNotTheSponsorNamedLikeItsId) {
    OpenWindow();
    frame_->ShowView(kSponsors);
    SponsorsPanel* panel = frame_->sponsors();
    ASSERT_TRUE(panel->SelectSponsor("Acme"));
    Yield();
    wxWindow* archive = wxWindow::FindWindowByLabel(_("&Archive"), panel);
    ASSERT_NE(archive, nullptr);
    ClickOn(archive);
    Yield(5);
    EXPECT_TRUE(SponsorService(*db_).get(SponsorId{1}).archived) << "Acme";
    EXPECT_FALSE(SponsorService(*db_).get(SponsorId{2}).archived) << "the sponsor named \"1\"";
}

TEST_F(Boundary, BookingAndNewInvoiceForAcmeUseAcme) {
    OpenWindow();
    BookDialog* book = OpenBookDialog(Date{2026, 3, 3}, "main");
    ASSERT_TRUE(book->SelectSponsor("Acme"));
    ASSERT_TRUE(book->Commit()) << book->error_line()->GetLabel();
    ASSERT_TRUE(book->booked().has_value());
    EXPECT_EQ(BookingService(*db_).get(BookingId{*book->booked()}).sponsor_name, "Acme");
    book->Destroy();
    // The other sponsor's booking, on another day, must not be offered for Acme.
    BookRequest other = test_lookup::book_request(*db_, "1", "brief", Date{2026, 3, 4}, "main");
    BookingService(*db_).book(other);

    frame_->ShowView(kInvoices);
    InvoicesPanel* invoices = frame_->invoices();
    wxWindow* create = wxWindow::FindWindowById(wxID_NEW, invoices);
    ASSERT_NE(create, nullptr);
    wxArrayString offered;
    wxTEST_DIALOG(
        {
            ClickOn(create);
            Yield(5);
        },
        ExpectNewInvoiceOffers(wxS("Acme"), &offered));
    ASSERT_EQ(offered.size(), 1u);
    EXPECT_NE(offered[0].Find(format_date(Date{2026, 3, 3})), wxNOT_FOUND) << offered[0];

    // A draft made from the panel is Acme's.
    auto ids = InvoiceService(*db_).uninvoiced_bookings(SponsorId{1});
    ASSERT_EQ(ids.size(), 1u);
    ASSERT_TRUE(invoices->CreateFor(SponsorId{1}, {ids[0].id()}));
    EXPECT_EQ(InvoiceService(*db_).get(InvoiceId{invoices->SelectedInvoice()}).sponsor_name, "Acme");
}

TEST_F(Boundary, ACompetitorConflictIsShownInFrenchWithoutTheCliOption) {
    SetupTranslations(wxLANGUAGE_FRENCH);
    ASSERT_EQ(ui_language(), "fr");
    BookRequest first = test_lookup::book_request(*db_, "Acme", "brief", Date{2026, 3, 11}, "main");
    BookingService(*db_).book(first);  // Acme is in the category "bank"
    Sponsor rival;
    rival.name = "Banque Rivale";
    rival.category = "bank";
    SponsorService(*db_).add(rival);
    OpenWindow();
    BookDialog* book = OpenBookDialog(Date{2026, 3, 11}, "classified");
    ASSERT_TRUE(book->SelectSponsor("Banque Rivale"));
    bool committed = true;
    wxTEST_DIALOG({ committed = book->Commit(); }, wxExpectModal<wxMessageDialog>(wxID_NO));
    EXPECT_FALSE(committed);
    wxString shown = book->error_line()->GetLabel();
    shown.Replace(wxS("\n"), wxS(" "));  // the label wraps to its width
    EXPECT_NE(shown.Find(wxS("Acme")), wxNOT_FOUND) << shown;
    EXPECT_NE(shown.Find(wxString::FromUTF8("concurrent de la catégorie « bank »")), wxNOT_FOUND) << shown;
    EXPECT_EQ(shown.Find(wxS("--")), wxNOT_FOUND) << shown;
    EXPECT_EQ(shown.Find(wxS("competitor")), wxNOT_FOUND) << shown;
    book->Destroy();

    // The same wording for every code, e.g. the publisher fields an invoice lacks.
    const Error missing(
        ErrorKind::InvalidInput,
        {ErrorCode::MissingInvoiceData,
         "invoice",
         {{"fields", std::vector<std::string>{"seller.name", "seller.siren", "buyer.siren"}}, {"sponsor", "Acme"}}},
        "cannot issue invoice draft #1: missing the seller's legal name (publisher set --name); the seller's SIREN "
        "(publisher set --siren); the buyer's SIREN, mandatory for a French business (sponsor set --siren)");
    const wxString text = error_text(missing);
    EXPECT_NE(text.Find(wxS("Raison sociale et SIREN")), wxNOT_FOUND) << text;
    EXPECT_NE(text.Find(wxS("Acme")), wxNOT_FOUND) << text;
    EXPECT_EQ(text.Find(wxS("--")), wxNOT_FOUND) << text;
    EXPECT_EQ(text.Find(wxS("publisher set")), wxNOT_FOUND) << text;
}

}  // namespace sponsordesk::gui::test

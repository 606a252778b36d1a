// wx/stc/stc.h needs narrow-literal conversions (see src/gui/draft_panel.cpp).
#undef wxNO_IMPLICIT_WXSTRING_ENCODING
// Issue draft: live preview with the sponsor copy, warnings, save keeps revisions.
#include <wx/listbox.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>

#include "../support/test_lookup.h"
#include "draft_panel.h"
#include "gui_fixture.h"
#include "gui_util.h"
#include "sponsordesk/drafts/issue_formats.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/draft_service.h"
#include "sponsordesk/services/issue_service.h"

namespace sponsordesk::gui::test {
namespace {
class Draft : public GuiTest {};
}  // namespace

TEST_F(Draft, PreviewWarningsAndSave) {
    BookRequest r = test_lookup::book_request(*db_, "Acme", "brief", Date{2026, 3, 3}, "main");
    const BookingId id = BookingService(*db_).book(r).id();
    BookingService(*db_).set_copy(id, "Acme banks you.", std::nullopt);
    OpenWindow();
    frame_->ShowView(kDraft);
    DraftPanel* panel = frame_->draft();
    ASSERT_TRUE(panel->SelectIssue("brief", Date{2026, 3, 3}));
    panel->editor()->SetText(wxS("# Hello\n\nNews of the day.\n\n{{slot:main}}\n\n{{slot:nope}}\n"));
    panel->RenderNow();
    // Copy not approved yet, and an unknown placement: two warnings with lines.
    EXPECT_GE(panel->warnings()->GetCount(), 2u);
    bool line7 = false;
    for (unsigned i = 0; i < panel->warnings()->GetCount(); ++i)
        line7 = line7 || panel->warnings()->GetString(i).StartsWith(wxString::Format(_("Line %d: %s"), 7, wxString()));
    EXPECT_TRUE(line7);
    // Words and the reading time, the latter in the core's own wording for the UI language.
    const RenderedDraft rendered =
        DraftService(*db_).render("brief", Date{2026, 3, 3}, DraftFormat::Html, utf8(panel->editor()->GetText()));
    EXPECT_TRUE(panel->stats()->GetLabel().StartsWith(
        wxString::Format(_("%d words — reading time %s"), rendered.word_count,
                         wx(format_reading_time(rendered.reading_seconds, ui_language())))))
        << panel->stats()->GetLabel();
    ASSERT_TRUE(panel->Save());
    EXPECT_EQ(IssueService(*db_).get("brief", Date{2026, 3, 3}).draft,
              "# Hello\n\nNews of the day.\n\n{{slot:main}}\n\n{{slot:nope}}\n");
    panel->editor()->SetText(wxS("Second version\n"));
    ASSERT_TRUE(panel->Save());
    EXPECT_EQ(IssueService(*db_).revisions("brief", Date{2026, 3, 3}).size(), 2u);
}

}  // namespace sponsordesk::gui::test

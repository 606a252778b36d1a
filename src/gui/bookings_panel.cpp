#include "bookings_panel.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include "booking_dialog.h"
#include "booking_list_model.h"
#include "error_text.h"
#include "form.h"
#include "gui_util.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/sponsor_service.h"

namespace sponsordesk::gui {
namespace {

constexpr BookingStatus kStatuses[] = {BookingStatus::Hold,     BookingStatus::Confirmed, BookingStatus::CopyReceived,
                                       BookingStatus::Approved, BookingStatus::Published, BookingStatus::Cancelled};

BookingFilter::Sort SortFor(int column) {
    switch (column) {
        case BookingListModel::ColId:
            return BookingFilter::Sort::BookingNumber;
        case BookingListModel::ColPublication:
            return BookingFilter::Sort::Publication;
        case BookingListModel::ColPlacement:
            return BookingFilter::Sort::Placement;
        case BookingListModel::ColSponsor:
            return BookingFilter::Sort::Sponsor;
        case BookingListModel::ColStatus:
            return BookingFilter::Sort::Status;
        case BookingListModel::ColPrice:
            return BookingFilter::Sort::Price;
        default:
            return BookingFilter::Sort::IssueDate;
    }
}

}  // namespace

BookingsPanel::BookingsPanel(wxWindow* parent, Database& db, ViewHost& host) : View(parent, db, host) {
    auto* filters = new wxBoxSizer(wxHORIZONTAL);
    auto label = [&](const wxString& text) {
        filters->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    };
    label(_("Status:"));
    status_ = new wxChoice(this, wxID_ANY);
    status_->Append(_("All"));
    for (BookingStatus s : kStatuses) status_->Append(status_label(s));
    status_->Append(_("Copy late"));
    status_->SetSelection(0);
    filters->Add(status_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    label(_("Publication:"));
    publication_ = new wxChoice(this, wxID_ANY);
    filters->Add(publication_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    sponsor_ = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(200, -1), wxTE_PROCESS_ENTER);
    sponsor_->SetDescriptiveText(_("Sponsor"));
    sponsor_->ShowCancelButton(true);
    filters->Add(sponsor_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    label(_("From:"));
    from_ = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                 wxDP_DROPDOWN | wxDP_ALLOWNONE);
    from_->SetValue(wxInvalidDateTime);
    filters->Add(from_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    label(_("To:"));
    to_ = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                               wxDP_DROPDOWN | wxDP_ALLOWNONE);
    to_->SetValue(wxInvalidDateTime);
    filters->Add(to_, 0, wxALIGN_CENTER_VERTICAL);

    list_ = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxDV_ROW_LINES | wxDV_SINGLE | wxDV_VERT_RULES);
    // Every row has the same height: GTK then need not measure 100,000 rows.
    list_->SetRowHeight(list_->GetCharHeight() + 10);
    model_ = new BookingListModel(db_);
    model_->OnLoadError([this](const wxString& message) { host_.SetStatus(message); });
    list_->AssociateModel(model_);
    model_->DecRef();
    struct ColSpec {
        wxString title;
        int width;
        wxAlignment align;
    };
    const ColSpec cols[] = {{_("No."), 70, wxALIGN_RIGHT},         {_("Issue date"), 110, wxALIGN_LEFT},
                            {_("Publication"), 150, wxALIGN_LEFT}, {_("Placement"), 140, wxALIGN_LEFT},
                            {_("Sponsor"), 200, wxALIGN_LEFT},     {_("Status"), 190, wxALIGN_LEFT},
                            {_("Price"), 110, wxALIGN_RIGHT},      {_("Copy due"), 180, wxALIGN_LEFT},
                            {_("Invoice"), 110, wxALIGN_LEFT}};
    for (unsigned i = 0; i < BookingListModel::ColCount; ++i) {
        // Never narrower than its title in the UI language ("Date du numéro"),
        // with room for the sort arrow.
        const int width = std::max(cols[i].width, list_->GetTextExtent(cols[i].title).x + FromDIP(40));
        auto* col = list_->AppendTextColumn(cols[i].title, i, wxDATAVIEW_CELL_INERT, width, cols[i].align,
                                            wxDATAVIEW_COL_RESIZABLE);
        col->SetSortable(i != BookingListModel::ColCopyDue && i != BookingListModel::ColInvoice);
    }

    auto* actions = new wxWrapSizer(wxHORIZONTAL);
    open_ = new wxButton(this, wxID_ANY, _("&Open…"));
    confirm_ = new wxButton(this, wxID_ANY, _("&Confirm"));
    approve_ = new wxButton(this, wxID_ANY, _("&Approve Copy"));
    publish_ = new wxButton(this, wxID_ANY, _("Mark &Published"));
    cancel_ = new wxButton(this, wxID_ANY, _("Cancel &Booking"));
    remind_ = new wxButton(this, wxID_ANY, _("Send Copy &Reminder…"));
    for (wxButton* b : {open_, confirm_, approve_, publish_, cancel_, remind_})
        actions->Add(b, 0, wxRIGHT | wxBOTTOM, 6);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(filters, 0, wxEXPAND | wxALL, 8);
    top->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    top->Add(MakeEmptyState(this, list_), 1, wxEXPAND | wxALL, 40);
    top->Add(actions, 0, wxEXPAND | wxALL, 8);
    SetSizer(top);

    status_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyFilter(); });
    publication_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyFilter(); });
    sponsor_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { ApplyFilter(); });
    sponsor_->Bind(wxEVT_SEARCHCTRL_SEARCH_BTN, [this](wxCommandEvent&) { ApplyFilter(); });
    sponsor_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        sponsor_->Clear();
        ApplyFilter();
    });
    for (wxDatePickerCtrl* p : {from_, to_}) WarnOnRejectedDate(p, [this](const wxString& m) { host_.SetStatus(m); });
    from_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { ApplyFilter(); });
    to_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { ApplyFilter(); });
    list_->Bind(wxEVT_DATAVIEW_COLUMN_HEADER_CLICK, [this](wxDataViewEvent& e) {
        // Sorting is the database's job: the model only ever holds a page.
        e.Veto();
        int col = e.GetColumn();
        if (col < 0 || !list_->GetColumn(static_cast<unsigned>(col))->IsSortable()) return;
        SortBy(col, col == sort_column_ ? !descending_ : false);
    });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { OpenSelected(); });
    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { UpdateButtons(); });
    list_->Bind(wxEVT_DATAVIEW_ITEM_CONTEXT_MENU, [this](wxDataViewEvent&) {
        if (!SelectedBooking()) return;
        wxMenu menu;
        menu.Append(1, _("&Open…"));
        menu.AppendSeparator();
        menu.Append(2, _("&Confirm"))->Enable(confirm_->IsEnabled());
        menu.Append(3, _("&Approve Copy"))->Enable(approve_->IsEnabled());
        menu.Append(4, _("Mark &Published"))->Enable(publish_->IsEnabled());
        menu.Append(5, _("Cancel &Booking"))->Enable(cancel_->IsEnabled());
        menu.AppendSeparator();
        menu.Append(6, _("Send Copy &Reminder…"))->Enable(remind_->IsEnabled());
        switch (GetPopupMenuSelectionFromUser(menu)) {
            case 1:
                OpenSelected();
                break;
            case 2:
                ChangeSelected(BookingStatus::Confirmed);
                break;
            case 3:
                ChangeSelected(BookingStatus::Approved);
                break;
            case 4:
                ChangeSelected(BookingStatus::Published);
                break;
            case 5:
                ChangeSelected(BookingStatus::Cancelled);
                break;
            case 6:
                RemindSelected();
                break;
            default:
                break;
        }
    });
    open_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenSelected(); });
    confirm_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeSelected(BookingStatus::Confirmed); });
    approve_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeSelected(BookingStatus::Approved); });
    publish_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeSelected(BookingStatus::Published); });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeSelected(BookingStatus::Cancelled); });
    remind_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RemindSelected(); });
    UpdateButtons();
}

BookingsPanel::~BookingsPanel() = default;

void BookingsPanel::Reload() {
    int sel = publication_->GetSelection();
    Id keep = sel > 0 && static_cast<size_t>(sel) <= publications_.size()
                  ? publications_[static_cast<size_t>(sel) - 1].id
                  : 0;
    try {
        publications_ = CatalogService(db_).publications();
    } catch (const std::exception& e) {
        host_.SetStatus(error_text(e));
    }
    publication_->Clear();
    publication_->Append(_("All"));
    int pick = 0;
    for (size_t i = 0; i < publications_.size(); ++i) {
        publication_->Append(wx(publications_[i].name));
        if (publications_[i].id == keep) pick = static_cast<int>(i) + 1;
    }
    publication_->SetSelection(pick);
    // Sponsor names complete as they are typed.
    wxArrayString names;
    try {
        for (const Sponsor& s : SponsorService(db_).list("", false)) names.Add(wx(s.name));
    } catch (const std::exception& e) {
        host_.SetStatus(wxString::Format(_("Sponsor names cannot be suggested: %s"), wx(e.what())));
    }
    sponsor_->AutoComplete(names);
    // Re-read while the user looks at the list (another user's change):
    // the rows in view and the selected row stay where they were.
    const wxDataViewItem top_item = opened_ ? list_->GetTopItem() : wxDataViewItem();
    const wxDataViewItem selected = opened_ ? list_->GetSelection() : wxDataViewItem();
    const unsigned top = top_item.IsOk() ? model_->GetRow(top_item) : 0;
    const unsigned picked = selected.IsOk() ? model_->GetRow(selected) : 0;
    ApplyFilter();
    if (!opened_) {
        opened_ = true;
        SelectNearToday();
        return;
    }
    const unsigned n = model_->GetCount();
    if (selected.IsOk() && picked < n) {
        list_->Select(model_->GetItem(picked));
        UpdateButtons();
    }
    if (top_item.IsOk() && top < n) {
        // The last row first, then the top one: the top row lands at the top.
        list_->EnsureVisible(model_->GetItem(std::min(n - 1, top + 20)));
        list_->EnsureVisible(model_->GetItem(top));
    }
}

void BookingsPanel::SelectNearToday() {
    const unsigned n = model_->GetCount();
    if (!n || sort_column_ != BookingListModel::ColDate) return;
    // Rows are in issue date order: the first from today on is after every
    // row dated before today.
    const Date today = Date::today();
    BookingFilter before = model_->filter();
    before.to = today.add_days(-1);
    before.today = today;
    if (before.from && *before.to < *before.from) before.to = before.from->add_days(-1);
    std::int64_t earlier = 0;
    try {
        earlier = BookingRepository(db_).count(before);
    } catch (const std::exception& e) {
        host_.SetStatus(wx(e.what()));
        return;
    }
    const std::int64_t later = static_cast<std::int64_t>(n) - earlier;
    const std::int64_t row = descending_ ? std::max<std::int64_t>(0, later - 1) : earlier;
    SelectRow(static_cast<unsigned>(std::clamp<std::int64_t>(row, 0, static_cast<std::int64_t>(n) - 1)));
}

void BookingsPanel::ApplyFilter() {
    BookingFilter f;
    f.sort = SortFor(sort_column_);
    f.descending = descending_;
    int st = status_->GetSelection();
    if (st >= 1 && st <= 6) f.status = kStatuses[st - 1];
    if (st == 7) f.copy_late = true;
    int pub = publication_->GetSelection();
    if (pub > 0) f.publication_id = publications_[static_cast<size_t>(pub) - 1].id;
    if (from_->GetValue().IsValid()) f.from = from_wx(from_->GetValue());
    if (to_->GetValue().IsValid()) f.to = from_wx(to_->GetValue());
    // Part of a name, any case: every sponsor it matches, as the user typed it.
    f.sponsor_text = utf8(sponsor_->GetValue().Strip(wxString::both));
    std::int64_t n = 0;
    // One layout and paint for the new rows and the sort arrows, not one each.
    list_->Freeze();
    try {
        n = model_->SetFilter(f);
    } catch (const std::exception& e) {
        show_error(this, e);
    }
    for (unsigned i = 0; i < list_->GetColumnCount(); ++i) {
        wxDataViewColumn* c = list_->GetColumn(i);
        if (static_cast<int>(i) == sort_column_) {
            if (!c->IsSortKey() || c->IsSortOrderAscending() == descending_) c->SetSortOrder(!descending_);
        } else if (c->IsSortKey()) {
            c->UnsetAsSortKey();
        }
    }
    list_->Thaw();
    host_.SetStatus(wxString::Format(wxPLURAL("%lld booking", "%lld bookings", n), static_cast<long long>(n)));
    const bool filtered = st > 0 || pub > 0 || !f.sponsor_text.empty() || f.from || f.to;
    if (n > 0)
        ShowEmptyState(wxString());
    else if (filtered)
        ShowEmptyState(
            _("No booking matches these filters: set Status and Publication to All, clear "
              "the sponsor and the dates."));
    else
        ShowEmptyState(_("No booking yet: click an open slot in the Calendar (Ctrl+2) to book it."));
    UpdateButtons();
}

void BookingsPanel::SortBy(int column, bool descending) {
    sort_column_ = column;
    descending_ = descending;
    ApplyFilter();
}

Id BookingsPanel::SelectedBooking() const {
    wxDataViewItem item = list_->GetSelection();
    if (!item.IsOk()) return 0;
    const BookingView* v = model_->Row(model_->GetRow(item));
    return v ? v->booking.id : 0;
}

void BookingsPanel::SelectRow(unsigned row) {
    wxDataViewItem item = model_->GetItem(row);
    list_->Select(item);
    list_->EnsureVisible(item);
    UpdateButtons();
}

void BookingsPanel::UpdateButtons() {
    const BookingView* v = nullptr;
    wxDataViewItem item = list_->GetSelection();
    if (item.IsOk()) v = model_->Row(model_->GetRow(item));
    const BookingStatus s = v ? v->booking.status : BookingStatus::Cancelled;
    open_->Enable(v != nullptr);
    enable_for(confirm_, v && s == BookingStatus::Hold, Capability::Sell);
    enable_for(approve_, v && s == BookingStatus::CopyReceived, Capability::Edit);
    enable_for(publish_, v && s == BookingStatus::Approved, Capability::Edit);
    enable_for(cancel_, v && s != BookingStatus::Published && s != BookingStatus::Cancelled, Capability::Sell);
    remind_->Enable(v && v->copy_late);
}

void BookingsPanel::OpenSelected() {
    Id id = SelectedBooking();
    if (!id) return;
    if (ShowBookingDialog(this, db_, id)) {
        host_.DataChanged();
        model_->Refresh();
        UpdateButtons();
    }
}

void BookingsPanel::ChangeSelected(BookingStatus to) {
    Id id = SelectedBooking();
    if (!id) return;
    if (to == BookingStatus::Cancelled) {
        const BookingView* v = model_->Row(model_->GetRow(list_->GetSelection()));
        if (!v || !ConfirmCancelBooking(this, *v)) return;
    }
    try {
        BookingService(db_).change_status(BookingId{id}, to);
        host_.DataChanged();
        model_->Refresh();
        host_.SetStatus(wxString::Format(_("Booking %lld is now %s."), static_cast<long long>(id), status_label(to)));
    } catch (const std::exception& e) {
        show_error(this, e);
    }
    UpdateButtons();
}

void BookingsPanel::RemindSelected() {
    Id id = SelectedBooking();
    if (!id) return;
    try {
        auto reminder = BookingService(db_).copy_reminder(BookingId{id});
        if (!reminder)
            wxMessageBox(_("Nobody at this sponsor has an email address: add a contact first."), _("Copy Reminder"),
                         wxOK | wxICON_INFORMATION, this);
        else
            SendCopyReminder(this, *reminder);
    } catch (const std::exception& e) {
        show_error(this, e);
    }
}

}  // namespace sponsordesk::gui

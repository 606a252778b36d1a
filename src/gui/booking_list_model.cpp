#include "booking_list_model.h"

#include "gui_util.h"

namespace sponsordesk::gui {

std::int64_t BookingListModel::SetFilter(const BookingFilter& f) {
    filter_ = f;
    filter_.limit.reset();
    filter_.offset = 0;
    return Refresh();
}

std::int64_t BookingListModel::Refresh() {
    pages_.clear();
    load_error_.clear();
    filter_.today = Date::today();
    std::int64_t n = BookingRepository(db_).count(filter_);
    Reset(static_cast<unsigned>(n));
    return n;
}

const std::vector<BookingView>& BookingListModel::Page(int page) const {
    auto it = pages_.find(page);
    if (it != pages_.end()) return it->second;
    if (pages_.size() >= kMaxPages) {
        // Keep the pages nearest the one asked for: scrolling stays local.
        auto far = pages_.begin();
        int dist = -1;
        for (auto p = pages_.begin(); p != pages_.end(); ++p) {
            int d = std::abs(p->first - page);
            if (d > dist) {
                dist = d;
                far = p;
            }
        }
        pages_.erase(far);
    }
    BookingFilter f = filter_;
    f.limit = kPageSize;
    f.offset = page * kPageSize;
    std::vector<BookingView> rows;
    try {
        rows = BookingRepository(db_).list(f);
    } catch (const std::exception& e) {
        // The page stays blank until the next refresh retries; say so once.
        const bool first = load_error_.empty();
        load_error_ = wxString::Format(_("Some bookings could not be loaded: %s"), wx(e.what()));
        if (first && report_) report_(load_error_);
    }
    ++pages_loaded_;
    return pages_.emplace(page, std::move(rows)).first->second;
}

const BookingView* BookingListModel::Row(unsigned row) {
    const auto& page = Page(static_cast<int>(row / kPageSize));
    size_t i = row % kPageSize;
    return i < page.size() ? &page[i] : nullptr;
}

void BookingListModel::GetValueByRow(wxVariant& variant, unsigned row, unsigned col) const {
    const auto& page = Page(static_cast<int>(row / kPageSize));
    size_t i = row % kPageSize;
    if (i >= page.size()) {
        variant = wxString();
        return;
    }
    const BookingView& v = page[i];
    wxString s;
    switch (col) {
        case ColId:
            s = wxString::Format(wxS("%lld"), static_cast<long long>(v.booking.id));
            break;
        case ColDate:
            s = format_date(v.issue_date);
            break;
        case ColPublication:
            s = wx(v.publication_name);
            break;
        case ColPlacement:
            s = wx(v.placement_name);
            break;
        case ColSponsor:
            s = wx(v.sponsor_name);
            break;
        case ColStatus:
            s = state_label(slot_state(v));
            if (v.booking.status == BookingStatus::Hold && v.booking.hold_until && !v.hold_expired)
                s += wxString::Format(_(" until %s"), format_date(*v.booking.hold_until));
            break;
        case ColPrice:
            s = format_money_ui(v.booking.price, v.currency);
            break;
        case ColCopyDue:
            s = format_date(v.copy_due);
            if (v.copy_late) s = wxString::FromUTF8("⚠ ") + s;
            break;
        case ColInvoice:
            s = v.invoice ? invoice_ref(*v.invoice) : wxString();
            break;
    }
    variant = s;
}

bool BookingListModel::GetAttrByRow(unsigned row, unsigned col, wxDataViewItemAttr& attr) const {
    const auto& page = Page(static_cast<int>(row / kPageSize));
    size_t i = row % kPageSize;
    if (i >= page.size()) return false;
    const BookingView& v = page[i];
    if (col == ColStatus) {
        attr.SetBackgroundColour(state_colour(slot_state(v)));
        return true;
    }
    if (col == ColCopyDue && v.copy_late) {
        attr.SetColour(wxColour(198, 40, 40));
        attr.SetBold(true);
        return true;
    }
    if (!v.live) {  // cancelled, or a hold that expired
        attr.SetColour(wxColour(130, 130, 130));
        attr.SetItalic(true);
        return true;
    }
    return false;
}

}  // namespace sponsordesk::gui

#pragma once
// A virtual list of bookings that reads pages of rows from the database on
// demand: only the visible rows are ever fetched, so 100,000 rows open at once.
#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include <wx/dataview.h>

#include "sponsordesk/storage/booking_repository.h"

namespace sponsordesk::gui {

class BookingListModel : public wxDataViewVirtualListModel {
public:
    enum Col {
        ColId,
        ColDate,
        ColPublication,
        ColPlacement,
        ColSponsor,
        ColStatus,
        ColPrice,
        ColCopyDue,
        ColInvoice,
        ColCount
    };
    static constexpr int kPageSize = 200;
    static constexpr size_t kMaxPages = 64;

    explicit BookingListModel(Database& db) : wxDataViewVirtualListModel(0), db_(db) {}

    // Sets the filter (with its sort) and re-counts; returns the row count.
    std::int64_t SetFilter(const BookingFilter& f);
    const BookingFilter& filter() const { return filter_; }
    // Drops the cached pages (after a write) and re-counts.
    std::int64_t Refresh();
    const BookingView* Row(unsigned row);
    std::int64_t pages_loaded() const { return pages_loaded_; }
    // Told when a page cannot be read (a locked or vanished file): the rows
    // stay blank until the next refresh, and the user must know why.
    void OnLoadError(std::function<void(const wxString&)> report) { report_ = std::move(report); }
    const wxString& load_error() const { return load_error_; }

    unsigned GetColumnCount() const override { return ColCount; }
    wxString GetColumnType(unsigned) const override { return wxS("string"); }
    void GetValueByRow(wxVariant& variant, unsigned row, unsigned col) const override;
    bool GetAttrByRow(unsigned row, unsigned col, wxDataViewItemAttr& attr) const override;
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

private:
    const std::vector<BookingView>& Page(int page) const;

    Database& db_;
    BookingFilter filter_;
    mutable std::map<int, std::vector<BookingView>> pages_;
    mutable std::int64_t pages_loaded_ = 0;
    std::function<void(const wxString&)> report_;
    mutable wxString load_error_;
};

}  // namespace sponsordesk::gui

#pragma once
// The sales figures of a period's issues that the monthly report and the
// Dashboard share, added up in one place so that both mean the same: booked
// revenue per currency (the prices of booked bookings, booking_rules::
// is_booked, in the publication's currency) and sell-through and fill rate
// per placement (sold slots, and house-ad slots, over slots offered).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sponsordesk/domain/money.h"
#include "sponsordesk/export/report_xlsx.h"  // PlacementFill
#include "sponsordesk/storage/report_repository.h"

namespace sponsordesk {

struct CurrencySales {
    std::string currency;
    std::int64_t booked = 0;  // booked bookings
    Minor booked_revenue = 0;
};

class PeriodSales {
public:
    // A group of bookings of one placement in one issue: `sold` booked ones
    // (with `revenue`, the sum of their prices) and `live` ones holding slots.
    void add(Id issue_id, Id placement_id, std::string_view currency, std::int64_t sold, std::int64_t live,
             Minor revenue);
    // One booking, as the report streams it.
    void add(const PeriodBooking& b) {
        add(b.issue_id, b.placement_id, b.currency, b.booked ? 1 : 0, b.live ? 1 : 0, b.booked ? b.price : 0);
    }

    // One (issue, placement) added up by SQL (ReportRepository::sales).
    void add(const SalesCell& c) { add(c.issue_id, c.placement_id, c.currency, c.sold, c.live, c.revenue); }

    // By currency code; empty when nothing was booked.
    std::vector<CurrencySales> revenue() const;
    // Per placement over the grid of the period's issues, in the grid's order
    // (publication, placement position): inactive placements only when they
    // sold or held something. A house ad fills a placement's block only when
    // none of its slots has a live booking (SPEC, Drafts).
    std::vector<PlacementFill> placement_fill(const std::vector<InventoryCell>& grid) const;

private:
    struct Cell {
        std::int64_t sold = 0, live = 0;
        Minor revenue = 0;
    };
    std::map<std::pair<Id, Id>, Cell> cells_;
    std::map<std::string, CurrencySales, std::less<>> currencies_;
    // Rows come by issue then placement: most hit the previous row's cell
    // (map nodes do not move), so the maps are searched per change only.
    std::pair<Id, Id> last_key_{-1, -1};
    Cell* last_cell_ = nullptr;
    CurrencySales* last_currency_ = nullptr;
};

}  // namespace sponsordesk

#include "sponsordesk/services/period_sales.h"

namespace sponsordesk {

void PeriodSales::add(Id issue_id, Id placement_id, std::string_view currency, std::int64_t sold, std::int64_t live,
                      Minor revenue) {
    if (!last_cell_ || last_key_ != std::pair<Id, Id>{issue_id, placement_id}) {
        last_key_ = {issue_id, placement_id};
        last_cell_ = &cells_[last_key_];
    }
    last_cell_->sold += sold;
    last_cell_->live += live;
    last_cell_->revenue += revenue;
    if (sold == 0) return;
    if (!last_currency_ || last_currency_->currency != currency) {
        auto it = currencies_.find(currency);
        if (it == currencies_.end())
            it = currencies_.emplace(std::string(currency), CurrencySales{std::string(currency)}).first;
        last_currency_ = &it->second;
    }
    last_currency_->booked += sold;
    last_currency_->booked_revenue += revenue;
}

std::vector<CurrencySales> PeriodSales::revenue() const {
    std::vector<CurrencySales> out;
    for (const auto& [code, c] : currencies_) out.push_back(c);
    return out;
}

std::vector<PlacementFill> PeriodSales::placement_fill(const std::vector<InventoryCell>& grid) const {
    std::vector<PlacementFill> fills;  // in the grid's order: publication, placement position
    std::vector<bool> keep;            // active, or booked although inactive
    std::map<Id, size_t> index;
    for (const auto& g : grid) {
        auto [it, added] = index.emplace(g.placement_id, fills.size());
        if (added) {
            fills.push_back({g.publication_name, g.currency, g.placement_code, g.placement_name, g.has_house_ad});
            keep.push_back(g.active);
        }
        PlacementFill& f = fills[it->second];
        ++f.issues;
        f.offered += g.slots;
        auto c = cells_.find({g.issue_id, g.placement_id});
        const Cell t = c == cells_.end() ? Cell{} : c->second;
        f.sold += t.sold;
        f.revenue += t.revenue;
        if (t.live == 0 && g.has_house_ad) f.house += g.slots;
        if (t.live > 0 || t.sold > 0) keep[it->second] = true;
    }
    std::vector<PlacementFill> out;
    for (size_t k = 0; k < fills.size(); ++k)
        if (keep[k]) out.push_back(std::move(fills[k]));
    return out;
}

}  // namespace sponsordesk

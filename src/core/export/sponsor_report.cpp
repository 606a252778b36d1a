// The sponsor report's totals: one currency at a time, each metric from
// domain/metrics.h over the bookings that have its figures.
#include <map>

#include "sponsordesk/domain/metrics.h"
#include "sponsordesk/export/sponsor_report.h"

namespace sponsordesk {
namespace {

using Count = std::optional<std::int64_t>;

void add(Count& sum, Count value) {
    if (value) sum = sum.value_or(0) + *value;
}

// Sums of a pair of figures over the bookings that have both.
struct PairSum {
    Count a, b;
    void add_if_both(Count x, Count y) {
        if (!x || !y) return;
        add(a, x);
        add(b, y);
    }
};

}  // namespace

std::vector<CampaignTotals> campaign_totals(const std::vector<CampaignBooking>& bookings) {
    std::vector<CampaignTotals> out;
    std::map<std::string, size_t> index;
    struct Pairs {
        PairSum ctr, cto;
        PairSum cpc, cpm;  // price (as a count of minor units) with clicks / audience
    };
    std::vector<Pairs> pairs;
    for (const auto& b : bookings) {
        auto [it, added] = index.emplace(b.currency, out.size());
        if (added) {
            CampaignTotals t;
            t.currency = b.currency;
            out.push_back(std::move(t));
            pairs.emplace_back();
        }
        CampaignTotals& t = out[it->second];
        Pairs& p = pairs[it->second];
        ++t.bookings;
        t.price += b.price;
        add(t.audience, b.audience);
        add(t.opens, b.opens);
        add(t.clicks, b.clicks);
        p.ctr.add_if_both(b.clicks, b.audience);
        p.cto.add_if_both(b.clicks, b.opens);
        p.cpc.add_if_both(b.price, b.clicks);
        p.cpm.add_if_both(b.price, b.audience);
    }
    for (size_t k = 0; k < out.size(); ++k) {
        const Pairs& p = pairs[k];
        out[k].ctr = metrics::ctr(p.ctr.a, p.ctr.b);
        out[k].click_to_open = metrics::click_to_open(p.cto.a, p.cto.b);
        if (p.cpc.a) out[k].cost_per_click = metrics::cost_per_click(*p.cpc.a, p.cpc.b);
        if (p.cpm.a) out[k].effective_cpm = metrics::effective_cpm(*p.cpm.a, p.cpm.b);
    }
    return out;
}

}  // namespace sponsordesk

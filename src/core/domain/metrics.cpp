#include "sponsordesk/domain/metrics.h"

namespace sponsordesk::metrics {
namespace {

// a / b rounded half up, for a ≥ 0 and b > 0.
Minor divide_rounded(Minor a, std::int64_t b) { return (a + b / 2) / b; }

}  // namespace

std::optional<double> ratio(Count numerator, Count denominator) {
    if (!numerator || !denominator || *denominator <= 0) return std::nullopt;
    return static_cast<double>(*numerator) / static_cast<double>(*denominator);
}

std::optional<Minor> effective_cpm(Minor price, Count audience) {
    if (!audience || *audience <= 0 || price < 0) return std::nullopt;
    return divide_rounded(price * 1000, *audience);
}

std::optional<Minor> cost_per_click(Minor price, Count clicks) {
    if (!clicks || *clicks <= 0 || price < 0) return std::nullopt;
    return divide_rounded(price, *clicks);
}

}  // namespace sponsordesk::metrics

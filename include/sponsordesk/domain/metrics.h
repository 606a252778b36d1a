#pragma once
// The campaign metrics, defined once (SPEC, "Spreadsheets"): every report
// computes them here and writes their definitions beside them
// (report_labels.h). Ratios are fractions (0.025 = 2.5 %); each is empty
// when a figure it needs is unknown or its divisor is zero: a report shows
// "n/a", never a made-up zero.
#include <cstdint>
#include <optional>

#include "sponsordesk/domain/money.h"

namespace sponsordesk::metrics {

using Count = std::optional<std::int64_t>;

std::optional<double> ratio(Count numerator, Count denominator);
// Open rate = opens / audience.
inline std::optional<double> open_rate(Count opens, Count audience) { return ratio(opens, audience); }
// CTR = clicks / audience.
inline std::optional<double> ctr(Count clicks, Count audience) { return ratio(clicks, audience); }
// Click-to-open = clicks / opens (shown beside the CTR).
inline std::optional<double> click_to_open(Count clicks, Count opens) { return ratio(clicks, opens); }

// Effective CPM = price / (audience / 1000), rounded half up to the cent.
std::optional<Minor> effective_cpm(Minor price, Count audience);
// Cost per click = price / clicks, rounded half up to the cent.
std::optional<Minor> cost_per_click(Minor price, Count clicks);

}  // namespace sponsordesk::metrics

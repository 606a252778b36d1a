#pragma once
// The post-campaign report a sponsor receives: per booking its issue,
// placement, audience, opens, clicks on the sponsor's own links, CTR
// (click-to-open beside it), cost per click and effective CPM, with totals
// and each metric's definition; as a PDF (with a chart of clicks per
// booking, drawn with cairo) and as a workbook.
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/money.h"
#include "sponsordesk/storage/results_repository.h"

namespace sponsordesk {

// The totals of one currency. Sums run over the bookings where a figure is
// known; each total ratio uses only the bookings that have both its figures.
struct CampaignTotals {
    std::string currency;
    std::int64_t bookings = 0;
    Minor price = 0;
    std::optional<std::int64_t> audience, opens, clicks;
    std::optional<double> ctr, click_to_open;
    std::optional<Minor> cost_per_click, effective_cpm;
};

struct SponsorReport {
    std::string sponsor;
    std::string publisher;
    Date from, to;
    Date generated;  // also the documents' creation date: the same data gives the same bytes
    std::string language = "en";
    std::vector<CampaignBooking> bookings;  // by issue date
    std::vector<CampaignTotals> totals;     // one per currency, in order of first appearance
};

// Totals of the bookings, per currency.
std::vector<CampaignTotals> campaign_totals(const std::vector<CampaignBooking>& bookings);

// The PDF's bytes (A4 landscape), under the "C" locale whatever the caller's.
std::string sponsor_report_pdf(const SponsorReport& report);
// Writes the workbook at `path` (all or nothing, as XlsxWorkbook does).
void write_sponsor_report_xlsx(const SponsorReport& report, const std::string& path);

}  // namespace sponsordesk

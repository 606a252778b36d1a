#pragma once
// Private to src/core/export: the words of the sponsor report (PDF and
// workbook) in English and French. The metrics' definitions that other
// reports show too come from report_labels.h, so each is written once.
#include <string>
#include <vector>

#include "sponsordesk/export/report_labels.h"

namespace sponsordesk {

struct SponsorReportLabels {
    const char* language;
    const char* sheet;
    const char* title;   // "Campaign report, {sponsor}"
    const char* period;  // "{from} to {to}"
    const char* fact;    // "{label}: {value}"
    const char* publisher;
    const char* generated;
    const char* issue_date;
    const char* publication;
    const char* placement;
    const char* audience;
    const char* opens;
    const char* clicks;
    const char* ctr;
    const char* click_to_open;
    const char* price;
    const char* cost_per_click;
    const char* effective_cpm;
    const char* currency;
    const char* total;  // "Total" / "Total {currency}"
    const char* not_available;
    const char* chart_title;
    const char* definitions;
    const char* def_audience;
    const char* def_clicks;
    const char* def_cost_per_click;
    const char* def_totals;
    const char* def_not_available;
    const char* page;  // "Page {} of {}"
};

const SponsorReportLabels& sponsor_report_labels(const std::string& language);

// Every definition the report shows, in its language, in reading order.
std::vector<std::string> sponsor_report_definitions(const std::string& language);

}  // namespace sponsordesk

#include "sponsor_report_labels.h"

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {

const SponsorReportLabels kEnglish{
    .language = "en",
    .sheet = "Campaign",
    .title = "Campaign report, {}",
    .period = "{} to {}",
    .fact = "{}: {}",
    .publisher = "Publisher",
    .generated = "Generated",
    .issue_date = "Issue date",
    .publication = "Publication",
    .placement = "Placement",
    .audience = "Audience",
    .opens = "Opens",
    .clicks = "Clicks",
    .ctr = "CTR",
    .click_to_open = "Click-to-open",
    .price = "Price",
    .cost_per_click = "Cost per click",
    .effective_cpm = "Effective CPM",
    .currency = "Currency",
    .total = "Total",
    .not_available = "n/a",
    .chart_title = "Clicks per booking",
    .definitions = "Definitions",
    .def_audience =
        "Audience and opens = the issue's figures from the sending platform (import stats or issue set-stats)",
    .def_clicks =
        "Clicks = clicks on the sponsor's own links in its slot, from the platform's click export: links "
        "carrying the slot's UTM tags (utm_source = publication, utm_campaign = issue date, utm_content = "
        "placement)",
    .def_cost_per_click = "Cost per click = price / clicks",
    .def_totals =
        "Totals: sums over the bookings where the figure is known; each total ratio uses only the bookings "
        "that have both its figures. Prices excl. VAT.",
    .def_not_available = "n/a = not imported for that issue; nothing is estimated",
    .page = "Page {} of {}",
};

const SponsorReportLabels kFrench{
    .language = "fr",
    .sheet = "Campagne",
    .title = "Bilan de campagne, {}",
    .period = "du {} au {}",
    .fact = "{}\u00A0: {}",
    .publisher = "Éditeur",
    .generated = "Établi le",
    .issue_date = "Date du numéro",
    .publication = "Publication",
    .placement = "Emplacement",
    .audience = "Audience",
    .opens = "Ouvertures",
    .clicks = "Clics",
    .ctr = "CTR",
    .click_to_open = "Clics par ouverture",
    .price = "Prix",
    .cost_per_click = "Coût par clic",
    .effective_cpm = "CPM effectif",
    .currency = "Devise",
    .total = "Total",
    .not_available = "n.d.",
    .chart_title = "Clics par réservation",
    .definitions = "Définitions",
    .def_audience =
        "Audience et ouvertures = les chiffres du numéro donnés par la plateforme d’envoi (import stats ou "
        "issue set-stats)",
    .def_clicks =
        "Clics = clics sur les liens du sponsor dans son emplacement, d’après l’export des clics de la "
        "plateforme : les liens portant les balises UTM de l’emplacement (utm_source = publication, "
        "utm_campaign = date du numéro, utm_content = emplacement)",
    .def_cost_per_click = "Coût par clic = prix / clics",
    .def_totals =
        "Totaux : sommes sur les réservations dont le chiffre est connu ; chaque ratio total n’utilise que "
        "les réservations qui ont ses deux chiffres. Prix HT.",
    .def_not_available = "n.d. = non importé pour ce numéro ; rien n’est estimé",
    .page = "Page {} sur {}",
};

}  // namespace

const SponsorReportLabels& sponsor_report_labels(const std::string& language) {
    report_labels(language);  // InvalidInput naming any other language
    return language == "fr" ? kFrench : kEnglish;
}

std::vector<std::string> sponsor_report_definitions(const std::string& language) {
    const SponsorReportLabels& l = sponsor_report_labels(language);
    const ReportLabels& shared = report_labels(language);
    return {l.def_audience,       l.def_clicks,   shared.def_ctr, shared.def_click_to_open,
            l.def_cost_per_click, shared.def_cpm, l.def_totals,   l.def_not_available};
}

}  // namespace sponsordesk

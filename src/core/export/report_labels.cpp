#include "sponsordesk/export/report_labels.h"

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk {
namespace {

constexpr std::array<const char*, 6> kBookingStatuses = {"hold",     "confirmed", "copy-received",
                                                         "approved", "published", "cancelled"};
constexpr std::array<const char*, 5> kInvoiceStatuses = {"draft", "issued", "paid", "overdue", "cancelled"};

const ReportLabels kEnglish{
    .language = "en",
    .summary_sheet = "Summary",
    .bookings_sheet = "Bookings",
    .sponsors_sheet = "Sponsors",
    .performance_sheet = "Performance",
    .invoices_sheet = "Invoices",
    .aging_sheet = "Aging",
    .monthly_title = "Monthly report, {} {}",
    .billing_title = "Billing report, {} to {}",
    .months = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"},
    .all_publications = "All publications",
    .publisher = "Publisher",
    .publication = "Publication",
    .from = "From",
    .to = "To",
    .generated = "Generated",
    .figure = "Figure",
    .amount = "Amount",
    .currency = "Currency",
    .definition = "Definition",
    .booked_revenue = "Booked revenue",
    .invoiced = "Invoiced",
    .invoiced_gross = "Invoiced incl. VAT",
    .collected = "Collected",
    .outstanding = "Outstanding",
    .booked_slots = "Booked slots",
    .booked_slots_definition = "Bookings counted in booked revenue (one row each on the Bookings sheet)",
    .unexpired_holds = "Unexpired holds",
    .unexpired_holds_definition = "Holds whose expiry has not passed: a pipeline, not counted as booked",
    .hold_value = "Value of unexpired holds",
    .hold_value_definition = "Their prices, not booked",
    .cancelled_bookings = "Cancelled bookings",
    .cancelled_bookings_definition = "Cancelled bookings of the month's issues: not counted",
    .inventory_title = "Inventory per placement",
    .definitions = "Definitions",
    .placement = "Placement",
    .issues = "Issues",
    .slots_offered = "Slots offered",
    .sold = "Sold",
    .house = "House",
    .sell_through = "Sell-through",
    .fill_rate = "Fill rate",
    .no_issue = "No issue in this period.",
    .top_sponsors = "Top sponsors",
    .rank = "Rank",
    .sponsor = "Sponsor",
    .slots = "Slots",
    .share = "Share of booked revenue",
    .share_definition = "Share = the sponsor's booked revenue / booked revenue in its currency",
    .no_booking = "No booking in this period.",
    .chart_title = "Booked revenue per placement",
    .def_booked =
        "Booked = bookings with status confirmed, copy-received, approved or published in the month's "
        "issues (price excl. VAT). Holds, even unexpired, and cancelled bookings are not booked.",
    .def_invoiced = "Net (excl. VAT) of invoices issued in the month minus credit notes issued in the month.",
    .def_invoiced_gross = "The same, VAT included.",
    .def_collected = "Payments recorded so far on the invoices issued in the month (VAT included).",
    .def_outstanding =
        "Still owed today on the invoices issued in the month: gross minus payments; a cancelled "
        "invoice (cancelled by its credit note) owes nothing.",
    .def_sell_through = "Sell-through = sold slots / slots offered",
    .def_fill_rate =
        "Fill rate = (sold + house) / offered. House = the slots of the issues in which the placement "
        "has a house ad and no live booking (the house ad then fills its block).",
    .def_offered = "Slots offered = issues of the month × the placement's slots per issue",
    .def_open_rate = "Open rate = opens / audience",
    .def_ctr = "CTR = clicks / audience",
    .def_click_to_open = "Click-to-open = clicks / opens",
    .def_cpm = "Effective CPM = price / (audience / 1000)",
    .cpm_price_note = " (price = the issue's booked revenue)",
    .blank_figure = "Blank = figure not entered for the issue (issue set-stats)",
    .issue_date = "Issue date",
    .status = "Status",
    .price = "Price",
    .invoice = "Invoice",
    .effective_cpm = "Effective CPM",
    .issue = "Issue",
    .audience = "Audience",
    .opens = "Opens",
    .clicks = "Clicks",
    .open_rate = "Open rate",
    .ctr = "CTR",
    .click_to_open = "Click-to-open",
    .billing_comments = "Invoices and credit notes issued in the period; credit notes count negative.",
    .number = "Number",
    .date = "Date",
    .net = "Net",
    .vat = "VAT",
    .gross = "Gross",
    .paid = "Paid",
    .days_overdue = "Days overdue",
    .kind = "Kind",
    .due_date = "Due date",
    .cancels = "Cancels",
    .total = "Total",
    .kind_invoice = "invoice",
    .kind_credit_note = "credit note",
    .billing_note =
        "Credit notes count negative: the totals are invoices minus credit notes. "
        "Paid and outstanding as of {}.",
    .aging_title = "Aging of outstanding amounts",
    .as_of = "As of",
    .issued_from = "Invoices issued from",
    .issued_to = "to",
    .bucket = "Bucket",
    .invoices = "Invoices",
    .aging_definition =
        "Days overdue = as-of date − due date, for invoices with something outstanding; "
        "Current = not due yet",
    .aging_buckets = {"Current", "1–30 days", "31–60 days", "61–90 days", "> 90 days"},
    .draft_invoice = "draft #{}",
    .booking_statuses = kBookingStatuses,
    .invoice_statuses = kInvoiceStatuses,
};

// French office words; "emplacement" for both a placement and its slots, as
// the desktop app says, "autopromotion" for a house ad.
const ReportLabels kFrench{
    .language = "fr",
    .summary_sheet = "Synthèse",
    .bookings_sheet = "Réservations",
    .sponsors_sheet = "Sponsors",
    .performance_sheet = "Performance",
    .invoices_sheet = "Factures",
    .aging_sheet = "Balance âgée",
    .monthly_title = "Rapport mensuel, {} {}",
    .billing_title = "Rapport de facturation, du {} au {}",
    .months = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
               "novembre", "décembre"},
    .all_publications = "Toutes les publications",
    .publisher = "Éditeur",
    .publication = "Publication",
    .from = "Du",
    .to = "Au",
    .generated = "Établi le",
    .figure = "Indicateur",
    .amount = "Montant",
    .currency = "Devise",
    .definition = "Définition",
    .booked_revenue = "CA réservé",
    .invoiced = "Facturé",
    .invoiced_gross = "Facturé TTC",
    .collected = "Encaissé",
    .outstanding = "Restant dû",
    .booked_slots = "Emplacements vendus",
    .booked_slots_definition =
        "Réservations comptées dans le CA réservé (une ligne chacune sur la feuille Réservations)",
    .unexpired_holds = "Options en cours",
    .unexpired_holds_definition =
        "Options dont l’échéance n’est pas passée : des ventes possibles, pas encore réservées",
    .hold_value = "Valeur des options en cours",
    .hold_value_definition = "Leurs prix, non comptés dans le CA réservé",
    .cancelled_bookings = "Réservations annulées",
    .cancelled_bookings_definition = "Réservations annulées des numéros du mois : non comptées",
    .inventory_title = "Inventaire par emplacement",
    .definitions = "Définitions",
    .placement = "Emplacement",
    .issues = "Numéros",
    .slots_offered = "Emplacements proposés",
    .sold = "Vendus",
    .house = "Autopromotion",
    .sell_through = "Taux de vente",
    .fill_rate = "Taux de remplissage",
    .no_issue = "Aucun numéro sur cette période.",
    .top_sponsors = "Meilleurs sponsors",
    .rank = "Rang",
    .sponsor = "Sponsor",
    .slots = "Emplacements",
    .share = "Part du CA réservé",
    .share_definition = "Part = CA réservé du sponsor / CA réservé dans sa devise",
    .no_booking = "Aucune réservation sur cette période.",
    .chart_title = "CA réservé par emplacement",
    .def_booked =
        "CA réservé = réservations confirmées, avec texte reçu, validées ou publiées dans les numéros du "
        "mois (prix HT). Les options, même en cours, et les réservations annulées n’en font pas partie.",
    .def_invoiced = "Montant HT des factures émises dans le mois, moins les avoirs émis dans le mois.",
    .def_invoiced_gross = "Le même montant, TTC.",
    .def_collected = "Règlements enregistrés à ce jour sur les factures émises dans le mois (TTC).",
    .def_outstanding =
        "Reste dû à ce jour sur les factures émises dans le mois : TTC moins les règlements ; une "
        "facture annulée (par son avoir) ne doit plus rien.",
    .def_sell_through = "Taux de vente = emplacements vendus / emplacements proposés",
    .def_fill_rate =
        "Taux de remplissage = (vendus + autopromotion) / proposés. Autopromotion = les emplacements des "
        "numéros où l’emplacement a une autopromotion et aucune réservation active (l’autopromotion "
        "remplit alors son bloc).",
    .def_offered = "Emplacements proposés = numéros du mois × emplacements par numéro",
    .def_open_rate = "Taux d’ouverture = ouvertures / audience",
    .def_ctr = "CTR = clics / audience",
    .def_click_to_open = "Clics par ouverture = clics / ouvertures",
    .def_cpm = "CPM effectif = prix / (audience / 1000)",
    .cpm_price_note = " (prix = le CA réservé du numéro)",
    .blank_figure = "Vide = chiffre non saisi pour le numéro (statistiques du numéro)",
    .issue_date = "Date du numéro",
    .status = "Statut",
    .price = "Prix",
    .invoice = "Facture",
    .effective_cpm = "CPM effectif",
    .issue = "Numéro",
    .audience = "Audience",
    .opens = "Ouvertures",
    .clicks = "Clics",
    .open_rate = "Taux d’ouverture",
    .ctr = "CTR",
    .click_to_open = "Clics par ouverture",
    .billing_comments = "Factures et avoirs émis sur la période ; les avoirs comptent en négatif.",
    .number = "Numéro",
    .date = "Date",
    .net = "HT",
    .vat = "TVA",
    .gross = "TTC",
    .paid = "Payé",
    .days_overdue = "Jours de retard",
    .kind = "Type",
    .due_date = "Échéance",
    .cancels = "Annule",
    .total = "Total",
    .kind_invoice = "facture",
    .kind_credit_note = "avoir",
    .billing_note =
        "Les avoirs comptent en négatif : les totaux sont les factures moins les avoirs. "
        "Payé et restant dû au {}.",
    .aging_title = "Balance âgée des montants dus",
    .as_of = "Arrêtée au",
    .issued_from = "Factures émises du",
    .issued_to = "au",
    .bucket = "Tranche",
    .invoices = "Factures",
    .aging_definition =
        "Jours de retard = date d’arrêté − date d’échéance, pour les factures avec un reste dû ; "
        "Non échu = pas encore dû",
    .aging_buckets = {"Non échu", "1 à 30 jours", "31 à 60 jours", "61 à 90 jours", "> 90 jours"},
    .draft_invoice = "brouillon n°{}",
    .booking_statuses = {"option", "confirmée", "texte reçu", "validée", "publiée", "annulée"},
    .invoice_statuses = {"brouillon", "émise", "payée", "en retard", "annulée"},
};

template <size_t N>
std::string_view translate(std::string_view status, const std::array<const char*, N>& stored,
                           const std::array<const char*, N>& shown) {
    for (size_t i = 0; i < N; ++i)
        if (status == stored[i]) return shown[i];
    return status;
}

}  // namespace

std::string_view ReportLabels::booking_status(std::string_view s) const {
    return translate(s, kBookingStatuses, booking_statuses);
}

std::string_view ReportLabels::invoice_status(std::string_view s) const {
    return translate(s, kInvoiceStatuses, invoice_statuses);
}

const ReportLabels& report_labels(const std::string& language) {
    if (language == "en") return kEnglish;
    if (language == "fr") return kFrench;
    throw InvalidInput({ErrorCode::InvalidChoice, "language", {{"value", language}}},
                       fmt::format("report language {} is not fr or en", quote_value(language)));
}

std::string report_date_text(Date date, const std::string& language) {
    if (language == "fr") return fmt::format("{:02}/{:02}/{:04}", date.day, date.month, date.year);
    return date.iso();
}

}  // namespace sponsordesk

#pragma once
// The wording of the monthly and billing reports in English and French, in
// one place per language (as invoice_labels.h does for invoices): sheet
// names, labels, column headers, definitions, aging buckets, chart titles.
// English is the default so that scripts find the words SPEC names.
#include <array>
#include <string>
#include <string_view>

#include "sponsordesk/domain/date.h"

namespace sponsordesk {

struct ReportLabels {
    const char* language;  // "en" | "fr"

    // Sheets.
    const char* summary_sheet;
    const char* bookings_sheet;
    const char* sponsors_sheet;
    const char* performance_sheet;
    const char* invoices_sheet;
    const char* aging_sheet;

    // Titles and the facts on top of the Summary.
    const char* monthly_title;  // "Monthly report, {month} {year}"
    const char* billing_title;  // "Billing report, {from} to {to}"
    std::array<const char*, 12> months;
    const char* all_publications;
    const char* publisher;
    const char* publication;
    const char* from;
    const char* to;
    const char* generated;

    // Summary figures.
    const char* figure;
    const char* amount;
    const char* currency;
    const char* definition;
    const char* booked_revenue;
    const char* invoiced;
    const char* invoiced_gross;
    const char* collected;
    const char* outstanding;
    const char* booked_slots;
    const char* booked_slots_definition;
    const char* unexpired_holds;
    const char* unexpired_holds_definition;
    const char* hold_value;
    const char* hold_value_definition;
    const char* cancelled_bookings;
    const char* cancelled_bookings_definition;

    // Inventory per placement and top sponsors.
    const char* inventory_title;
    const char* definitions;
    const char* placement;
    const char* issues;
    const char* slots_offered;
    const char* sold;
    const char* house;
    const char* sell_through;
    const char* fill_rate;
    const char* no_issue;
    const char* top_sponsors;
    const char* rank;
    const char* sponsor;
    const char* slots;
    const char* share;
    const char* share_definition;
    const char* no_booking;
    const char* chart_title;

    // Metric definitions, written beside the figures.
    const char* def_booked;
    const char* def_invoiced;
    const char* def_invoiced_gross;
    const char* def_collected;
    const char* def_outstanding;
    const char* def_sell_through;
    const char* def_fill_rate;
    const char* def_offered;
    const char* def_open_rate;
    const char* def_ctr;
    const char* def_click_to_open;
    const char* def_cpm;
    const char* cpm_price_note;  // appended to def_cpm on the Performance sheet
    const char* blank_figure;

    // Bookings and Performance columns.
    const char* issue_date;
    const char* status;
    const char* price;
    const char* invoice;
    const char* effective_cpm;
    const char* issue;
    const char* audience;
    const char* opens;
    const char* clicks;
    const char* open_rate;
    const char* ctr;
    const char* click_to_open;

    // Billing report.
    const char* billing_comments;
    const char* number;
    const char* date;
    const char* net;
    const char* vat;
    const char* gross;
    const char* paid;
    const char* days_overdue;
    const char* kind;
    const char* due_date;
    const char* cancels;
    const char* total;
    const char* kind_invoice;
    const char* kind_credit_note;
    const char* billing_note;  // "... Paid and outstanding as of {date}."
    const char* aging_title;
    const char* as_of;
    const char* issued_from;
    const char* issued_to;
    const char* bucket;
    const char* invoices;
    const char* aging_definition;
    std::array<const char*, 5> aging_buckets;  // current, 1–30, 31–60, 61–90, > 90 days
    const char* draft_invoice;                 // "draft #{}": an invoice not issued yet, by its id

    // Statuses as stored (booking: hold … cancelled; invoice: draft …
    // cancelled) in the report's language; unknown ones as they are.
    std::array<const char*, 6> booking_statuses;  // hold, confirmed, copy-received, approved, published, cancelled
    std::array<const char*, 5> invoice_statuses;  // draft, issued, paid, overdue, cancelled
    std::string_view booking_status(std::string_view status) const;
    std::string_view invoice_status(std::string_view status) const;
};

// Labels for "en" or "fr"; InvalidInput naming the value for any other.
const ReportLabels& report_labels(const std::string& language);

// A date written inside a sentence or title: en "2026-03-31", fr "31/03/2026".
std::string report_date_text(Date date, const std::string& language);

}  // namespace sponsordesk

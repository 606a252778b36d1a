#pragma once
// The insertion order ("bon de commande"): the bookings a sponsor is asked to
// sign before the issues go out, with list and agreed prices, totals, copy
// deadlines and the publisher's terms. Made by InsertionOrderService, drawn
// here as an A4 PDF in the publications' language.
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"
#include "sponsordesk/domain/money.h"
#include "sponsordesk/export/invoice_document.h"  // InvoiceSeller, InvoiceBuyer

namespace sponsordesk {

struct InsertionOrderLine {
    std::int64_t booking_id = 0;
    std::string publication;  // the publication's name
    int issue_number = 0;
    Date issue_date;
    std::string placement;  // the placement's name
    Minor list_price = 0;   // the placement's price
    Minor price = 0;        // agreed, excl. VAT
    Date copy_due;          // issue date − the publication's copy deadline
};

struct InsertionOrder {
    std::string language = "fr";  // fr | en
    std::string currency = "EUR";
    Date date;  // the day it is drawn up (also the PDF's metadata date)
    InvoiceSeller seller;
    InvoiceBuyer buyer;
    std::vector<InsertionOrderLine> lines;  // by issue date
    std::string vat_category = "S";         // as the invoice will be: S, AE, G, E
    RateBp vat_rate = 2000;
    Minor total_list = 0, total_discount = 0;  // list prices, and what was taken off them
    Minor total_net = 0, total_vat = 0, total_gross = 0;
    int payment_terms_days = 30;
    // The cancellation terms printed; empty: the default sentence of the
    // language (default_cancellation_terms).
    std::string cancellation_terms;
};

// The publisher profile holds no cancellation terms: this sentence is used.
std::string default_cancellation_terms(const std::string& language);

// The PDF's bytes (cairo + pango, fonts embedded, text selectable, "page
// N/M"), the same bytes whatever the process locale.
std::string insertion_order_pdf(const InsertionOrder& order);
// Written through OutputFile: the whole file or nothing; StorageError naming the path.
void write_insertion_order_pdf(const InsertionOrder& order, const std::string& path);

}  // namespace sponsordesk

// The invoice as a one-sheet workbook: the document's fields on top, the
// lines as a frozen, filterable table, a totals row of formulas (with their
// values cached) and the VAT per rate beneath.
#include <string>

#include <fmt/format.h>

#include "sponsordesk/export/invoice_document.h"
#include "sponsordesk/export/invoice_labels.h"
#include "sponsordesk/export/xlsx_writer.h"

namespace sponsordesk {
namespace {

std::string one_line(const std::string& address) {
    std::string out;
    size_t start = 0;
    while (start <= address.size()) {
        size_t end = address.find('\n', start);
        if (end == std::string::npos) end = address.size();
        std::string part = address.substr(start, end - start);
        while (!part.empty() && (part.back() == '\r' || part.back() == ' ')) part.pop_back();
        if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
        start = end + 1;
    }
    return out;
}

// Columns of the lines table.
enum Col {
    Description,
    ServiceDate,
    Quantity,
    UnitPrice,
    Net,
    VatRate,
    Vat,
    Gross,
    Category,
    ListPrice,
    Discount,
    ColCount
};

// An address on one line: the structured one when given, else the legacy text.
std::string address_line(const PostalAddress& postal, const std::string& legacy, const std::string& language) {
    if (postal.empty()) return one_line(legacy);
    std::string out;
    for (const auto& part : postal_lines(postal, language, "")) out += (out.empty() ? "" : ", ") + part;
    return out;
}

}  // namespace

void write_invoice_xlsx(const InvoiceDocument& doc, const std::string& path) {
    validate_invoice_document(doc);
    const InvoiceLabels& l = invoice_labels(doc.language);
    const bool credit = doc.kind == InvoiceKind::CreditNote;
    const std::string& cur = doc.currency;

    XlsxWorkbook book(path, {false, doc.language});
    XlsxProperties props;
    props.title = fmt::format("{} {}", credit ? l.credit_note : l.invoice, doc.number);
    props.author = doc.seller.legal_name;
    props.company = doc.seller.legal_name;
    props.custom = {{"invoice_number", doc.number}, {"kind", credit ? "credit_note" : "invoice"}};
    props.created = doc.issue_date;  // not now: every export of the invoice gives the same bytes
    book.set_properties(props);
    // Sheet names are English words so that scripts find them.
    XlsxSheet& ws = book.add_sheet(credit ? "Credit note" : "Invoice");

    ws.write_text(0, 0, props.title, kBold);

    // Document fields (A:B), seller (D:E), buyer (G:H).
    int r = 2;
    ws.write_text(r, 0, l.number);
    ws.write_text(r++, 1, doc.number, kBold);
    ws.write_text(r, 0, l.issue_date);
    ws.write_date(r++, 1, doc.issue_date);
    // A credit note asks for no payment: no due date, no terms.
    if (!credit) {
        ws.write_text(r, 0, l.due_date);
        ws.write_date(r++, 1, doc.due_date);
        ws.write_text(r, 0, l.payment_terms_days);
        ws.write_number(r++, 1, doc.payment_terms_days, NumberFormat::Integer);
    }
    ws.write_text(r, 0, l.currency);
    ws.write_text(r++, 1, cur);
    ws.write_text(r, 0, l.operation);
    ws.write_text(r++, 1, l.operation_category);
    if (credit) {
        ws.write_text(r, 0, l.cited_invoice);
        ws.write_text(r++, 1, doc.cited_invoice_number);
        ws.write_text(r, 0, l.cited_invoice_date);
        ws.write_date(r++, 1, *doc.cited_invoice_date);
    }
    if (!doc.order_reference.empty()) {
        ws.write_text(r, 0, l.order_reference);
        ws.write_text(r++, 1, doc.order_reference);
    }
    if (!doc.buyer_reference.empty()) {
        ws.write_text(r, 0, l.buyer_reference);
        ws.write_text(r++, 1, doc.buyer_reference);
    }
    for (const auto& mention : vat_mentions(doc)) {
        ws.write_text(r, 0, l.vat_mention);
        ws.write_text(r++, 1, mention);
    }
    if (credit) ws.write_text(r++, 0, l.credit_settlement);
    int last_field = r;

    auto block = [&](int col, const char* heading, std::initializer_list<std::pair<const char*, std::string>> fields) {
        int row = 2;
        ws.write_text(row++, col, heading, kBold);
        for (const auto& [label, value] : fields) {
            if (value.empty()) continue;
            ws.write_text(row, col, label);
            ws.write_text(row++, col + 1, value);
        }
        last_field = std::max(last_field, row);
    };
    const auto& s = doc.seller;
    block(Col::UnitPrice, l.seller,
          {{l.name, s.legal_name},
           {l.address, address_line(s.postal, s.address, doc.language)},
           {l.legal_identity, seller_legal_line(s, doc.language)},
           {l.siren, format_siren(s.siren)},
           {l.siret, format_siret(s.siret)},
           {l.vat_number, s.vat_number},
           {"IBAN", s.iban},
           {"BIC", s.bic},
           {l.email, s.email}});
    const auto& b = doc.buyer;
    block(Col::Vat, l.buyer,
          {{l.name, b.display_name},
           {l.legal_name, b.legal_name},
           {l.address, address_line(b.postal, b.address, doc.language)},
           {l.country, country_name(b.postal.country.empty() ? b.country_code : b.postal.country, doc.language)},
           {l.siren, format_siren(b.siren)},
           {l.siret, format_siret(b.siret)},
           {l.vat_number, b.vat_number}});

    // Lines table.
    const int header = last_field + 1;
    ws.write_header(header, {l.description, l.service_date, l.quantity, l.unit_price_net, l.net, l.vat_rate, l.vat,
                             l.gross, l.vat_category, l.list_price, l.discount});
    int row = header + 1;
    for (const auto& line : doc.lines) {
        ws.write_text(row, Col::Description, line.description);
        ws.write_date(row, Col::ServiceDate, line.service_date);
        ws.write_number(row, Col::Quantity, line.quantity, NumberFormat::Integer);
        ws.write_money(row, Col::UnitPrice, line.unit_price_net, cur);
        ws.write_money(row, Col::Net, line.net, cur);
        ws.write_rate(row, Col::VatRate, line.vat_rate);
        ws.write_money(row, Col::Vat, line.vat, cur);
        ws.write_money(row, Col::Gross, line.gross, cur);
        ws.write_text(row, Col::Category, line.vat_category);
        if (line.list_unit_price != 0 && line.list_unit_price != line.unit_price_net) {
            ws.write_money(row, Col::ListPrice, line.list_unit_price, cur);
            ws.write_money(row, Col::Discount, line.list_unit_price - line.unit_price_net, cur);
        }
        ++row;
    }
    const int first = header + 1, last = row - 1;
    ws.freeze_rows(header + 1);
    ws.autofilter(header, 0, last, Col::Discount);

    // Totals: formulas over the lines, cached with the document's totals
    // (validated above to be the sums of the lines).
    auto sum = [&](int col) {
        return fmt::format("=SUM({}:{})", XlsxSheet::cell_name(first, col), XlsxSheet::cell_name(last, col));
    };
    ws.write_text(row, Col::Description, "Total", kTotal);
    for (int c = Col::ServiceDate; c < Col::ColCount; ++c) {
        if (c == Col::Net)
            ws.write_money_formula(row, c, sum(c), doc.total_net, cur, kTotal);
        else if (c == Col::Vat)
            ws.write_money_formula(row, c, sum(c), doc.total_vat, cur, kTotal);
        else if (c == Col::Gross)
            ws.write_money_formula(row, c, sum(c), doc.total_gross, cur, kTotal);
        else
            ws.write_text(row, c, "", kTotal);
    }
    const int totals_row = row;
    row += 2;

    // VAT per rate.
    ws.write_text(row, Col::Description, l.vat_rate, kBold);
    ws.write_text(row, Col::Net, l.vat_base, kBold);
    ws.write_text(row, Col::Vat, l.vat, kBold);
    ++row;
    for (const auto& v : doc.vat_breakdown) {
        ws.write_text(row, Col::Description, format_rate_for(v.rate, doc.language));
        ws.write_money(row, Col::Net, v.base, cur);
        ws.write_rate(row, Col::VatRate, v.rate);
        ws.write_money(row, Col::Vat, v.vat, cur);
        ++row;
    }
    ++row;
    ws.write_text(row, Col::Description, l.total_gross, kBold);
    ws.write_money_formula(row, Col::Gross, fmt::format("={}", XlsxSheet::cell_name(totals_row, Col::Gross)),
                           doc.total_gross, cur, kBold);
    const int gross_row = row++;
    // Another currency: the VAT total in euros too, with the rate used.
    if (cur != "EUR" && doc.eur_rate_micro > 0) {
        ws.write_text(row, Col::Description,
                      fmt::format(fmt::runtime(l.vat_in_eur), format_money(doc.total_vat_eur, "EUR", doc.language), cur,
                                  format_eur_rate(doc.eur_rate_micro, doc.language)));
        ws.write_money(row++, Col::Gross, doc.total_vat_eur, "EUR");
    }
    ws.write_text(row, Col::Description, l.amount_paid);
    ws.write_money(row, Col::Gross, doc.amount_paid, cur);
    const int paid_row = row++;
    ws.write_text(row, Col::Description, l.amount_due, kBold);
    ws.write_money_formula(
        row, Col::Gross,
        fmt::format("={}-{}", XlsxSheet::cell_name(gross_row, Col::Gross), XlsxSheet::cell_name(paid_row, Col::Gross)),
        doc.total_gross - doc.amount_paid, cur, kTotal);
    book.close();
}

}  // namespace sponsordesk

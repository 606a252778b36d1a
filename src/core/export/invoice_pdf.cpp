// The invoice PDF: laid out first (row heights measured with pango, rows
// split into pages) and drawn second, so every page knows the page count.
// Each block is one function that measures when `draw` is false and draws
// when it is true, so what is measured is what is drawn.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/c_locale.h"
#include "invoice_pdf_title.h"
#include "pdf_painter.h"
#include "sponsordesk/export/facturx.h"
#include "sponsordesk/export/invoice_document.h"
#include "sponsordesk/export/invoice_labels.h"

namespace sponsordesk {
namespace {

using namespace pdf;

// What marks a draft's preview on every page, in the document's language.
const char* preview_banner(const std::string& language) {
    return language == "fr" ? "APERÇU D'UN BROUILLON — CE N'EST PAS UNE FACTURE"
                            : "PREVIEW OF A DRAFT — NOT AN INVOICE";
}
const char* preview_watermark(const std::string& language) {
    return language == "fr" ? "PAS UNE FACTURE" : "NOT AN INVOICE";
}

std::string join_lines(const std::vector<std::string>& parts);

// The country printed under both addresses unless seller and buyer share it.
std::string home_country(const InvoiceDocument& doc) {
    const std::string seller = doc.seller.postal.country.empty() ? "FR" : doc.seller.postal.country;
    const std::string buyer = !doc.buyer.postal.country.empty() ? doc.buyer.postal.country
                              : doc.buyer.country_code.empty()  ? "FR"
                                                                : doc.buyer.country_code;
    return seller == buyer ? seller : "";
}

// A structured address when there is one, else the legacy free text.
std::string address_block(const PostalAddress& postal, const std::string& legacy, const std::string& language,
                          const std::string& home) {
    if (postal.empty()) return legacy;
    return join_lines(postal_lines(postal, language, home));
}

std::string join_lines(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += '\n';
        out += p;
    }
    return out;
}

class InvoicePdf {
public:
    InvoicePdf(const InvoiceDocument& doc, cairo_t* cr)
        : doc_(doc), l_(invoice_labels(doc.language)), p_(cr, doc.language), cr_(cr), home_(home_country(doc)) {
        // Description | service date | qty | unit price | VAT | net
        const double widths[] = {0, 66, 26, 72, 40, 76};
        double fixed = 0;
        for (double w : widths) fixed += w;
        double x = kMargin;
        cols_.push_back({x, kContentW - fixed, PANGO_ALIGN_LEFT});
        x += kContentW - fixed;
        for (int i = 1; i < 6; ++i) {
            cols_.push_back({x, widths[i], i == 1 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_RIGHT});
            x += widths[i];
        }
    }

    void render() {
        paginate();
        const int count = static_cast<int>(pages_.size());
        for (int n = 0; n < count; ++n) {
            const Page& page = pages_[static_cast<size_t>(n)];
            if (doc_.preview) watermark();
            double y = kMargin;
            y += n == 0 ? first_header(true, y) : continuation_header(true, y);
            y += table_header(true, y);
            for (size_t i = page.first_row; i < page.end_row; ++i) y += row(true, y, i);
            if (page.end_row > page.first_row) p_.hline(kMargin, kMargin + kContentW, y, kRule);
            if (page.trailer) trailer(true, y + 14);
            footer(true, n + 1, count);
            cairo_show_page(cr_);
        }
    }

private:
    // Drawn first, under the page's content: a draft's preview can never be
    // mistaken for an invoice, even printed.
    void watermark() {
        cairo_save(cr_);
        cairo_translate(cr_, kPageW / 2, kPageH / 2);
        cairo_rotate(cr_, -0.9);
        const Text big{64, true, kWatermark, kPageH, PANGO_ALIGN_CENTER};
        const std::string text = preview_watermark(doc_.language);
        const double h = p_.text(false, 0, 0, text, big);
        p_.text(true, -kPageH / 2, -h / 2, text, big);
        cairo_restore(cr_);
    }

    struct Page {
        size_t first_row = 0, end_row = 0;
        bool trailer = false;
    };

    std::string money(Minor m) const { return format_money(m, doc_.currency, doc_.language); }
    std::string date(Date d) const { return format_date_for(d, doc_.language); }
    // "12 Mar 2026": the table's date column is narrow.
    std::string short_date(Date d) const {
        const std::string full = date(d);
        if (doc_.language == "fr") return full;
        const size_t a = full.find(' '), b = full.rfind(' ');
        return a != b && b - a > 4 ? full.substr(0, a + 4) + full.substr(b) : full;
    }
    bool credit_note() const { return doc_.kind == InvoiceKind::CreditNote; }
    // "SIREN 732 829 320", "SIRET 732 829 320 00074": each labelled by what it is.
    std::string identifiers(const std::string& siren, const std::string& siret) const {
        return join_lines({siren.empty() ? "" : std::string(l_.siren) + " " + format_siren(siren),
                           siret.empty() ? "" : std::string(l_.siret) + " " + format_siret(siret)});
    }
    // A line sold under its list price says so: list price, discount, net.
    std::string description(const InvoiceDocumentLine& line) const {
        const Minor list = line.list_unit_price;
        if (list == 0 ||
            (list < 0 ? -list : list) <= (line.unit_price_net < 0 ? -line.unit_price_net : line.unit_price_net))
            return line.description;
        return fmt::format("{}\n{} {} — {} {}", line.description, l_.list_price, money(list), l_.discount,
                           money(list - line.unit_price_net));
    }
    std::string title() const { return credit_note() ? l_.credit_note_title : l_.invoice_title; }

    void paginate() {
        const double bottom = kPageH - kMargin - footer(false, 99, 99) - 8;
        const double trailer_h = trailer(false, 0) + 14;
        double y = kMargin + first_header(false, 0) + table_header(false, 0);
        Page page;
        for (size_t i = 0; i < doc_.lines.size(); ++i) {
            const double h = row(false, 0, i);
            if (y + h > bottom && i > page.first_row) {
                page.end_row = i;
                pages_.push_back(page);
                page = Page{i, i, false};
                y = kMargin + continuation_header(false, 0) + table_header(false, 0);
            }
            y += h;
        }
        page.end_row = doc_.lines.size();
        if (y + trailer_h > bottom) {
            pages_.push_back(page);
            page = Page{page.end_row, page.end_row, false};
        }
        page.trailer = true;
        pages_.push_back(page);
    }

    double first_header(bool draw, double y0) {
        const auto& s = doc_.seller;
        // Seller, top left.
        double y = y0;
        y += p_.text(draw, kMargin, y, s.legal_name, {15, true, kAccent, 280}) + 4;
        y += p_.text(draw, kMargin, y,
                     join_lines({address_block(s.postal, s.address, doc_.language, home_),
                                 seller_legal_line(s, doc_.language), identifiers(s.siren, s.siret),
                                 s.vat_number.empty() ? "" : std::string(l_.vat_number) + " : " + s.vat_number,
                                 s.email.empty() ? "" : std::string(l_.email) + " : " + s.email}),
                     {8.5, false, kInk, 280});
        // Title and references, top right.
        const double rx = kMargin + kContentW - 220, rw = 220;
        double ry = y0;
        ry += p_.text(draw, rx, ry, title(), {20, true, kAccent, rw, PANGO_ALIGN_RIGHT}) + 2;
        if (doc_.preview)
            ry += p_.text(draw, rx, ry, preview_banner(doc_.language), {11, true, kPreviewInk, rw, PANGO_ALIGN_RIGHT}) +
                  4;
        else
            ry += p_.text(draw, rx, ry, std::string(l_.number) + " " + doc_.number,
                          {11, true, kInk, rw, PANGO_ALIGN_RIGHT}) +
                  4;
        // A credit note is paid by nobody: no due date.
        ry += p_.text(
            draw, rx, ry,
            join_lines(
                {std::string(l_.issue_date) + " : " + date(doc_.issue_date),
                 credit_note() ? "" : std::string(l_.due_date) + " : " + date(doc_.due_date),
                 doc_.order_reference.empty() ? "" : std::string(l_.order_reference) + " : " + doc_.order_reference,
                 doc_.buyer_reference.empty() ? "" : std::string(l_.buyer_reference) + " : " + doc_.buyer_reference}),
            {8.5, false, kInk, rw, PANGO_ALIGN_RIGHT});
        y = std::max(y, ry) + 18;
        // A credit note names the invoice it cancels, across the page.
        if (credit_note() && doc_.cited_invoice_date)
            y += p_.text(draw, kMargin, y,
                         fmt::format(fmt::runtime(l_.cites_invoice), doc_.cited_invoice_number,
                                     date(*doc_.cited_invoice_date)),
                         {10, true, kInk, kContentW}) +
                 12;

        // Buyer box on the right, operation category on the left.
        const auto& b = doc_.buyer;
        const double bx = kMargin + kContentW - 250, bw = 250, pad = 8;
        const std::string name = b.display_name.empty() ? b.legal_name : b.display_name;
        const std::string legal = b.legal_name.empty() || b.legal_name == name ? "" : b.legal_name;
        const std::string details =
            join_lines({legal,
                        b.postal.empty() ? join_lines({b.address, b.country_code.empty() || b.country_code == "FR"
                                                                      ? ""
                                                                      : country_name(b.country_code, doc_.language)})
                                         : address_block(b.postal, b.address, doc_.language, home_),
                        identifiers(b.siren, b.siret),
                        b.vat_number.empty() ? "" : std::string(l_.vat_number) + " : " + b.vat_number});
        const double box_h = pad + p_.text(false, 0, 0, l_.buyer, {7.5, true, kMuted, bw - 2 * pad}) + 2 +
                             p_.text(false, 0, 0, name, {10, true, kInk, bw - 2 * pad}) + 2 +
                             p_.text(false, 0, 0, details, {8.5, false, kInk, bw - 2 * pad}) + pad;
        if (draw) {
            p_.fill(bx, y, bw, box_h, kBox);
            double by = y + pad;
            by += p_.text(true, bx + pad, by, l_.buyer, {7.5, true, kMuted, bw - 2 * pad}) + 2;
            by += p_.text(true, bx + pad, by, name, {10, true, kInk, bw - 2 * pad}) + 2;
            p_.text(true, bx + pad, by, details, {8.5, false, kInk, bw - 2 * pad});
        }
        double ly = y;
        ly += p_.text(draw, kMargin, ly, l_.operation, {7.5, true, kMuted, 230}) + 2;
        ly += p_.text(draw, kMargin, ly, l_.operation_category, {9, false, kInk, 230}) + 8;
        if (!credit_note()) {
            ly += p_.text(draw, kMargin, ly, l_.payment, {7.5, true, kMuted, 230}) + 2;
            ly += p_.text(draw, kMargin, ly,
                          fmt::format(fmt::runtime(l_.payment_terms), doc_.payment_terms_days, date(doc_.due_date)),
                          {9, false, kInk, 230});
        }
        return std::max(y + box_h, ly) + 18 - y0;
    }

    double continuation_header(bool draw, double y0) {
        const std::string s = doc_.preview ? fmt::format("{} — {} {}", preview_banner(doc_.language),
                                                         doc_.seller.legal_name, l_.continued)
                                           : fmt::format("{} {} {} — {} {}", title(), l_.number, doc_.number,
                                                         doc_.seller.legal_name, l_.continued);
        const double h = p_.text(draw, kMargin, y0, s, {10, true, kAccent, kContentW});
        return h + 12;
    }

    double table_header(bool draw, double y0) {
        const char* titles[] = {l_.description, l_.service_date, l_.quantity, l_.unit_price_net, l_.vat_rate, l_.net};
        double h = 0;
        for (int i = 0; i < 6; ++i)
            h = std::max(h, p_.text(false, 0, 0, titles[i],
                                    {7.5, true, kWhite, cols_[size_t(i)].w - 2 * kCellPad, cols_[size_t(i)].align}));
        h += 2 * kCellPad;
        if (draw) {
            p_.fill(kMargin, y0, kContentW, h, kAccent);
            for (int i = 0; i < 6; ++i) {
                const auto& c = cols_[size_t(i)];
                p_.text(true, c.x + kCellPad, y0 + kCellPad, titles[i],
                        {7.5, true, kWhite, c.w - 2 * kCellPad, c.align});
            }
        }
        return h;
    }

    double row(bool draw, double y0, size_t i) {
        const auto& line = doc_.lines[i];
        const std::vector<std::string> cells = {description(line),
                                                short_date(line.service_date),
                                                std::to_string(line.quantity),
                                                money(line.unit_price_net),
                                                format_rate_for(line.vat_rate, doc_.language),
                                                money(line.net)};
        return p_.table_row(draw, y0, cols_, cells, i % 2 == 1, kMargin, kContentW);
    }

    // Totals, VAT per rate, VAT mention and payment conditions.
    double trailer(bool draw, double y0) {
        // Totals box, right.
        const double tw = 230, tx = kMargin + kContentW - tw, pad = 6;
        std::vector<std::pair<std::string, Minor>> totals = {
            {l_.total_net, doc_.total_net}, {l_.total_vat, doc_.total_vat}, {l_.total_gross, doc_.total_gross}};
        if (doc_.amount_paid != 0) {
            totals.emplace_back(l_.amount_paid, doc_.amount_paid);
            totals.emplace_back(l_.amount_due, doc_.total_gross - doc_.amount_paid);
        }
        double ty = y0;
        for (size_t i = 0; i < totals.size(); ++i) {
            const bool strong = i == 2 || i == 4;
            const Text label{strong ? 10.0 : 9.0, strong, strong ? kWhite : kInk, tw / 2};
            Text value = label;
            value.align = PANGO_ALIGN_RIGHT;
            value.width = tw / 2 - 2 * pad;
            const double h = p_.text(false, 0, 0, totals[i].first, label) + 2 * pad - 2;
            if (draw) {
                p_.fill(tx, ty, tw, h, strong ? kAccent : kBox);
                p_.text(true, tx + pad, ty + pad - 1, totals[i].first, label);
                p_.text(true, tx + tw / 2 + pad, ty + pad - 1, money(totals[i].second), value);
            }
            ty += h + 1;
        }
        // VAT per rate, left.
        const double vw = 250, vc = vw / 3;
        double vy = y0;
        const Text head{7.5, true, kMuted, vc - 2 * kCellPad, PANGO_ALIGN_RIGHT};
        const Text cell{8.5, false, kInk, vc - 2 * kCellPad, PANGO_ALIGN_RIGHT};
        const double hh = p_.text(false, 0, 0, l_.vat_base, head) + kCellPad;
        if (draw) {
            p_.text(true, kMargin + kCellPad, vy, l_.vat_rate, head);
            p_.text(true, kMargin + vc + kCellPad, vy, l_.vat_base, head);
            p_.text(true, kMargin + 2 * vc + kCellPad, vy, l_.vat, head);
            p_.hline(kMargin, kMargin + vw, vy + hh, kRule);
        }
        vy += hh + 2;
        for (const auto& r : doc_.vat_breakdown) {
            const double h = p_.text(false, 0, 0, "0", cell) + 3;
            if (draw) {
                p_.text(true, kMargin + kCellPad, vy, format_rate_for(r.rate, doc_.language), cell);
                p_.text(true, kMargin + vc + kCellPad, vy, money(r.base), cell);
                p_.text(true, kMargin + 2 * vc + kCellPad, vy, money(r.vat), cell);
            }
            vy += h;
        }
        // Another currency: the VAT total in euros too, with the rate used.
        if (doc_.currency != "EUR" && doc_.eur_rate_micro > 0)
            ty += 4 + p_.text(draw, tx, ty + 4,
                              fmt::format(fmt::runtime(l_.vat_in_eur),
                                          format_money(doc_.total_vat_eur, "EUR", doc_.language), doc_.currency,
                                          format_eur_rate(doc_.eur_rate_micro, doc_.language)),
                              {8, false, kInk, tw, PANGO_ALIGN_RIGHT});
        double y = std::max(ty, vy) + 14;

        for (const auto& mention : vat_mentions(doc_))
            y += p_.text(draw, kMargin, y, mention, {9, true, kInk, kContentW}) + 6;
        y += 4;

        // A credit note asks for no payment: it says what becomes of the
        // amount, and none of an invoice's payment conditions.
        if (credit_note()) {
            y += p_.text(draw, kMargin, y, l_.credit_settlement, {9, false, kInk, kContentW});
            return y - y0;
        }

        // Payment conditions: every mention French law asks for.
        y += p_.text(draw, kMargin, y, l_.payment, {7.5, true, kMuted, kContentW}) + 3;
        if (draw) p_.hline(kMargin, kMargin + kContentW, y - 1, kRule, 0.4);
        y += 2;
        const std::string bank = doc_.seller.iban.empty()
                                     ? ""
                                     : fmt::format("{} — IBAN {}{}", l_.bank_transfer, doc_.seller.iban,
                                                   doc_.seller.bic.empty() ? "" : " — BIC " + doc_.seller.bic);
        y += p_.text(
            draw, kMargin, y,
            join_lines({fmt::format(fmt::runtime(l_.payment_terms), doc_.payment_terms_days, date(doc_.due_date)) + ".",
                        bank, l_.no_discount, l_.late_penalty, l_.recovery_indemnity}),
            {8, false, kInk, kContentW});
        return y - y0;
    }

    double footer(bool draw, int page, int count) {
        const auto& s = doc_.seller;
        const std::string legal =
            join_lines({fmt::format("{}{}{}", s.legal_name, s.siren.empty() ? "" : " — SIREN " + format_siren(s.siren),
                                    s.vat_number.empty() ? "" : fmt::format(" — {} {}", l_.vat_number, s.vat_number)),
                        seller_legal_line(s, doc_.language), s.footer});
        const Text small{7, false, kMuted, kContentW - 70};
        const double h = std::max(p_.text(false, 0, 0, legal, small), 9.0) + 6;
        if (draw) {
            const double y = kPageH - kMargin - h;
            p_.hline(kMargin, kMargin + kContentW, y, kRule, 0.4);
            p_.text(true, kMargin, y + 5, legal, small);
            p_.text(true, kMargin + kContentW - 70, y + 5, fmt::format(fmt::runtime(l_.page), page, count),
                    {7.5, false, kMuted, 70, PANGO_ALIGN_RIGHT});
        }
        return h;
    }

    const InvoiceDocument& doc_;
    const InvoiceLabels& l_;
    Painter p_;
    cairo_t* cr_;
    std::vector<Column> cols_;
    std::vector<Page> pages_;
    std::string home_;
};

}  // namespace

std::string invoice_pdf_title(const InvoiceDocument& doc) {
    const auto& labels = invoice_labels(doc.language);
    return doc.preview ? std::string(preview_banner(doc.language))
                       : fmt::format("{} {}", doc.kind == InvoiceKind::CreditNote ? labels.credit_note : labels.invoice,
                                     doc.number);
}

std::string invoice_pdf_plain(const InvoiceDocument& doc) {
    // cairo writes the PDF's numbers with printf: "C" locale, whatever the UI's.
    const CLocaleScope c_locale;
    validate_invoice_document(doc);
    // Dated the issue date rather than now: exporting an invoice again gives the same bytes.
    return pdf::draw(kPageW, kPageH, {"invoice PDF", invoice_pdf_title(doc), doc.seller.legal_name, doc.issue_date},
                     [&](cairo_t* cr) { InvoicePdf(doc, cr).render(); });
}

void write_invoice_pdf(const InvoiceDocument& doc, const std::string& path) { write_facturx_pdf(doc, path); }

}  // namespace sponsordesk

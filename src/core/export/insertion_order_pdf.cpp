// The insertion order PDF, laid out like the invoice (pdf_painter.h): rows
// measured first and split into pages, then drawn, so that every page knows
// the page count; the totals, terms and the two signature boxes close the
// last page.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "pdf_painter.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/c_locale.h"
#include "sponsordesk/export/insertion_order.h"
#include "sponsordesk/export/invoice_labels.h"
#include "sponsordesk/io/output_file.h"

namespace sponsordesk {
namespace {

using namespace pdf;

struct OrderLabels {
    const char* title;
    const char* date;
    const char* bookings;
    const char* publisher;
    const char* sponsor;
    const char* issue;  // "{} n° {}"
    const char* placement;
    const char* copy_due;
    const char* list_price;
    const char* discount;
    const char* agreed_price;
    const char* total_list;
    const char* total_discount;
    const char* total_net;
    const char* vat;  // "TVA {}"
    const char* total_gross;
    const char* terms;
    const char* copy_terms;
    const char* payment_terms;  // "{}" days
    const char* bank;
    const char* cancellation;
    const char* for_publisher;
    const char* for_sponsor;
    const char* sign_lines;
    const char* page;
};

constexpr OrderLabels kFrench{
    "BON DE COMMANDE",
    "Date",
    "Réservations n°",
    "Éditeur",
    "Annonceur",
    "{} n° {}",
    "Emplacement",
    "Remise du texte",
    "Prix catalogue HT",
    "Remise",
    "Prix convenu HT",
    "Total au prix catalogue HT",
    "Remises",
    "Total HT",
    "TVA {}",
    "Total TTC",
    "Conditions",
    "Le texte de chaque insertion est à remettre au plus tard à la date de la colonne « Remise du texte » ; un "
    "texte remis en retard peut ne pas paraître, l'insertion restant due.",
    "Paiement à {} jours à compter de la date de la facture. Pas d'escompte pour paiement anticipé. Pénalités de "
    "retard au taux de trois fois le taux d'intérêt légal et indemnité forfaitaire pour frais de recouvrement de "
    "40 €.",
    "Règlement par virement",
    "Annulation",
    "Pour l'éditeur",
    "Bon pour accord — pour l'annonceur",
    "Nom et qualité :\nDate :\nSignature et cachet :",
    "page {}/{}",
};

constexpr OrderLabels kEnglish{
    "INSERTION ORDER",
    "Date",
    "Bookings no.",
    "Publisher",
    "Sponsor",
    "{} no. {}",
    "Placement",
    "Copy due",
    "List price excl. VAT",
    "Discount",
    "Agreed price excl. VAT",
    "Total at list prices excl. VAT",
    "Discounts",
    "Total excl. VAT",
    "VAT {}",
    "Total incl. VAT",
    "Terms",
    "Copy for each insertion is due by the date in the \"Copy due\" column; copy received late may not run, and "
    "the insertion remains due.",
    "Payment within {} days of the invoice date. No discount for early payment. Late payment penalties at three "
    "times the French legal interest rate and a fixed recovery fee of €40.",
    "Payment by bank transfer",
    "Cancellation",
    "For the publisher",
    "Accepted — for the sponsor",
    "Name and position:\nDate:\nSignature and stamp:",
    "page {}/{}",
};

const OrderLabels& order_labels(const std::string& language) { return language == "en" ? kEnglish : kFrench; }

std::string join_lines(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += '\n';
        out += p;
    }
    return out;
}

class OrderPdf {
public:
    OrderPdf(const InsertionOrder& order, cairo_t* cr)
        : o_(order),
          l_(order_labels(order.language)),
          il_(invoice_labels(order.language)),
          p_(cr, order.language),
          cr_(cr) {
        // Issue | placement | copy due | list price | discount | agreed price
        const double widths[] = {0, 96, 66, 70, 58, 72};
        double fixed = 0;
        for (double w : widths) fixed += w;
        double x = kMargin;
        cols_.push_back({x, kContentW - fixed, PANGO_ALIGN_LEFT});
        x += kContentW - fixed;
        for (int i = 1; i < 6; ++i) {
            cols_.push_back({x, widths[i], i <= 2 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT});
            x += widths[i];
        }
    }

    void render() {
        const double bottom = kPageH - kMargin - footer(false, 99, 99) - 8;
        // Rows split into pages; the trailer goes on the last page, or a page of its own.
        std::vector<std::pair<size_t, size_t>> pages;
        size_t first = 0;
        double y = kMargin + header(false, 0, true) + table_header(false, 0);
        for (size_t i = 0; i < o_.lines.size(); ++i) {
            const double h = row(false, 0, i);
            if (y + h > bottom && i > first) {
                pages.emplace_back(first, i);
                first = i;
                y = kMargin + header(false, 0, false) + table_header(false, 0);
            }
            y += h;
        }
        pages.emplace_back(first, o_.lines.size());
        const bool trailer_alone = y + 14 + trailer(false, 0) > bottom;
        if (trailer_alone) pages.emplace_back(o_.lines.size(), o_.lines.size());
        const int count = static_cast<int>(pages.size());
        for (int n = 0; n < count; ++n) {
            const auto [from, to] = pages[static_cast<size_t>(n)];
            y = kMargin + header(true, kMargin, n == 0);
            if (to > from) {
                y += table_header(true, y);
                for (size_t i = from; i < to; ++i) y += row(true, y, i);
                p_.hline(kMargin, kMargin + kContentW, y, kRule);
            }
            if (n == count - 1) trailer(true, y + 14);
            footer(true, n + 1, count);
            cairo_show_page(cr_);
        }
    }

private:
    std::string money(Minor m) const { return format_money(m, o_.currency, o_.language); }
    std::string date(Date d) const { return format_date_for(d, o_.language); }
    // French sets a space before a colon; English does not.
    const char* colon() const { return o_.language == "en" ? ":" : " :"; }

    std::string party(const InvoiceSeller& s) const {
        const std::string home = s.postal.country.empty() ? "FR" : s.postal.country;
        return join_lines({s.legal_name,
                           s.postal.empty() ? s.address : join_lines(postal_lines(s.postal, o_.language, home)),
                           s.siren.empty() ? "" : std::string(il_.siren) + " " + format_siren(s.siren),
                           s.vat_number.empty() ? "" : std::string(il_.vat_number) + " " + s.vat_number, s.email});
    }
    std::string party(const InvoiceBuyer& b) const {
        const std::string home = o_.seller.postal.country.empty() ? "FR" : o_.seller.postal.country;
        const std::string name = b.legal_name.empty() || b.legal_name == b.display_name
                                     ? b.display_name
                                     : fmt::format("{} ({})", b.legal_name, b.display_name);
        return join_lines({name, b.postal.empty() ? b.address : join_lines(postal_lines(b.postal, o_.language, home)),
                           b.siren.empty() ? "" : std::string(il_.siren) + " " + format_siren(b.siren),
                           b.vat_number.empty() ? "" : std::string(il_.vat_number) + " " + b.vat_number});
    }

    // Title, date and bookings; on the first page the two parties.
    double header(bool draw, double y0, bool first_page) {
        double y = y0;
        std::vector<std::int64_t> numbers;
        for (const auto& l : o_.lines) numbers.push_back(l.booking_id);
        std::sort(numbers.begin(), numbers.end());
        std::string ids;
        for (auto n : numbers) ids += (ids.empty() ? "" : ", ") + std::to_string(n);
        const double th = p_.text(draw, kMargin, y, l_.title, {16, true, kAccent, kContentW / 2});
        const std::string meta = fmt::format("{}{} {}\n{} {}", l_.date, colon(), date(o_.date), l_.bookings, ids);
        const double mh =
            p_.text(draw, kMargin + kContentW / 2, y, meta, {8.5, false, kInk, kContentW / 2, PANGO_ALIGN_RIGHT});
        y += std::max(th, mh) + 14;
        if (!first_page) return y - y0;
        const double bw = (kContentW - 14) / 2, pad = 8;
        const std::string seller = party(o_.seller), buyer = party(o_.buyer);
        const Text body{8.5, false, kInk, bw - 2 * pad};
        const Text head{7.5, true, kMuted, bw - 2 * pad};
        const double hh = p_.text(false, 0, 0, l_.publisher, head) + 4;
        const double bh =
            std::max(p_.text(false, 0, 0, seller, body), p_.text(false, 0, 0, buyer, body)) + hh + 2 * pad;
        if (draw) {
            for (int i = 0; i < 2; ++i) {
                const double x = kMargin + i * (bw + 14);
                p_.fill(x, y, bw, bh, kBox);
                p_.text(true, x + pad, y + pad, i == 0 ? l_.publisher : l_.sponsor, head);
                p_.text(true, x + pad, y + pad + hh, i == 0 ? seller : buyer, body);
            }
        }
        y += bh + 16;
        return y - y0;
    }

    double table_header(bool draw, double y0) {
        const char* titles[] = {il_.description, l_.placement, l_.copy_due,
                                l_.list_price,   l_.discount,  l_.agreed_price};
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
        const auto& line = o_.lines[i];
        const Minor discount = line.list_price > line.price ? line.list_price - line.price : 0;
        const std::vector<std::string> cells = {
            fmt::format("{}\n{}", fmt::format(fmt::runtime(l_.issue), line.publication, line.issue_number),
                        date(line.issue_date)),
            line.placement,
            date(line.copy_due),
            money(line.list_price),
            discount > 0 ? money(discount) : "—",
            money(line.price)};
        return p_.table_row(draw, y0, cols_, cells, i % 2 == 1, kMargin, kContentW);
    }

    // Totals, the VAT mention, the terms and the two signature boxes.
    double trailer(bool draw, double y0) {
        const double tw = 250, tx = kMargin + kContentW - tw, pad = 6;
        std::vector<std::pair<std::string, Minor>> totals;
        if (o_.total_discount > 0) {
            totals.emplace_back(l_.total_list, o_.total_list);
            totals.emplace_back(l_.total_discount, -o_.total_discount);
        }
        totals.emplace_back(l_.total_net, o_.total_net);
        totals.emplace_back(fmt::format(fmt::runtime(l_.vat), format_rate_for(o_.vat_rate, o_.language)), o_.total_vat);
        totals.emplace_back(l_.total_gross, o_.total_gross);
        double y = y0;
        for (size_t i = 0; i < totals.size(); ++i) {
            const bool strong = i + 1 == totals.size();
            const Text label{strong ? 10.0 : 9.0, strong, strong ? kWhite : kInk, tw * 0.6};
            Text value = label;
            value.align = PANGO_ALIGN_RIGHT;
            value.width = tw * 0.4 - 2 * pad;
            const double h = p_.text(false, 0, 0, totals[i].first, label) + 2 * pad - 2;
            if (draw) {
                p_.fill(tx, y, tw, h, strong ? kAccent : kBox);
                p_.text(true, tx + pad, y + pad - 1, totals[i].first, label);
                p_.text(true, tx + tw * 0.6 + pad, y + pad - 1, money(totals[i].second), value);
            }
            y += h + 1;
        }
        y += 10;
        if (o_.vat_category != "S")
            y += p_.text(draw, kMargin, y, vat_exemption(o_.vat_category, o_.language).reason,
                         {9, true, kInk, kContentW}) +
                 6;

        y += p_.text(draw, kMargin, y, l_.terms, {7.5, true, kMuted, kContentW}) + 3;
        if (draw) p_.hline(kMargin, kMargin + kContentW, y - 1, kRule, 0.4);
        y += 2;
        const std::string bank = o_.seller.iban.empty()
                                     ? ""
                                     : fmt::format("{} — IBAN {}{}", l_.bank, o_.seller.iban,
                                                   o_.seller.bic.empty() ? "" : " — BIC " + o_.seller.bic);
        const std::string cancellation = fmt::format(
            "{}{} {}", l_.cancellation, colon(),
            o_.cancellation_terms.empty() ? default_cancellation_terms(o_.language) : o_.cancellation_terms);
        const Text terms{8, false, kInk, kContentW};
        for (const std::string& t :
             {std::string(l_.copy_terms), fmt::format(fmt::runtime(l_.payment_terms), o_.payment_terms_days), bank,
              cancellation})
            if (!t.empty()) y += p_.text(draw, kMargin, y, t, terms) + 3;

        // Two signature boxes side by side.
        y += 12;
        const double bw = (kContentW - 14) / 2, bh = 92, pad2 = 8;
        if (draw)
            for (int i = 0; i < 2; ++i) {
                const double x = kMargin + i * (bw + 14);
                cairo_set_source_rgb(cr_, kRule.r, kRule.g, kRule.b);
                cairo_set_line_width(cr_, 0.8);
                cairo_rectangle(cr_, x, y, bw, bh);
                cairo_stroke(cr_);
                const double h = p_.text(true, x + pad2, y + pad2, i == 0 ? l_.for_publisher : l_.for_sponsor,
                                         {8.5, true, kAccent, bw - 2 * pad2});
                p_.text(true, x + pad2, y + pad2 + h + 4, l_.sign_lines, {7.5, false, kMuted, bw - 2 * pad2});
            }
        y += bh;
        return y - y0;
    }

    double footer(bool draw, int page, int count) {
        const auto& s = o_.seller;
        const std::string legal =
            join_lines({fmt::format("{}{}", s.legal_name, s.siren.empty() ? "" : " — SIREN " + format_siren(s.siren)),
                        seller_legal_line(s, o_.language), s.footer});
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

    const InsertionOrder& o_;
    const OrderLabels& l_;
    const InvoiceLabels& il_;
    Painter p_;
    cairo_t* cr_;
    std::vector<Column> cols_;
};

}  // namespace

std::string default_cancellation_terms(const std::string& language) {
    return language == "en"
               ? "an insertion may be cancelled free of charge in writing until its copy deadline; after that date "
                 "it is due in full."
               : "une insertion peut être annulée sans frais par écrit jusqu'à sa date de remise du texte ; passé "
                 "cette date, elle reste due en totalité.";
}

std::string insertion_order_pdf(const InsertionOrder& order) {
    // cairo writes the PDF's numbers with printf: "C" locale, whatever the UI's.
    const CLocaleScope c_locale;
    if (order.lines.empty())
        throw InvalidInput({ErrorCode::NoBookingsListed, "bookings", {}}, "an insertion order needs bookings");
    // Dated the order's date: the same order drawn again gives the same bytes.
    return pdf::draw(
        kPageW, kPageH,
        {"insertion order PDF", fmt::format("{} — {}", order_labels(order.language).title, order.buyer.display_name),
         order.seller.legal_name, order.date},
        [&](cairo_t* cr) { OrderPdf(order, cr).render(); });
}

void write_insertion_order_pdf(const InsertionOrder& order, const std::string& path) {
    OutputFile::write(path, "insertion order PDF", insertion_order_pdf(order));
}

}  // namespace sponsordesk

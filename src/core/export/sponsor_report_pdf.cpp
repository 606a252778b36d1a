// The sponsor report as a PDF (A4 landscape): the facts, one table row per
// booking with totals, a bar chart of clicks per booking and the metrics'
// definitions. Laid out twice, first measuring (so that every page knows
// the page count), then drawing, by the same code.
#include <cairo-pdf.h>

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "pdf_painter.h"
#include "sponsor_report_labels.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/metrics.h"
#include "sponsordesk/export/c_locale.h"
#include "sponsordesk/export/sponsor_report.h"

namespace sponsordesk {
namespace {

using namespace pdf;

constexpr double kSheetW = 841.890;  // A4 landscape, points
constexpr double kSheetH = 595.276;
constexpr double kSheetMargin = 36;
constexpr double kSheetContentW = kSheetW - 2 * kSheetMargin;
constexpr double kFooterH = 22;
constexpr double kBottom = kSheetH - kSheetMargin - kFooterH;
constexpr double kPad = 3;

// Numbers as people read them in the report's language, whatever the
// process locale: fr "12 345", "2,5 %"; en "12,345", "2.5%".
std::string integer_text(std::int64_t n, const std::string& language) {
    const std::string group = amount_style(language).group;
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += group;
        out += digits[i];
    }
    return (n < 0 ? "-" : "") + out;
}

std::string percent_text(double fraction, const std::string& language) {
    std::string s = fmt::format("{:.1f}", fraction * 100);
    if (language == "fr") {
        std::replace(s.begin(), s.end(), '.', ',');
        return s + "\u202F%";
    }
    return s + "%";
}

class SponsorReportPdf {
public:
    SponsorReportPdf(const SponsorReport& r, cairo_t* cr)
        : r_(r), l_(sponsor_report_labels(r.language)), p_(cr, r.language), cr_(cr) {
        // Date | publication | placement | audience | opens | clicks | CTR | CTO | price | CPC | eCPM
        const double widths[] = {58, 0, 0, 60, 58, 52, 46, 64, 72, 66, 72};
        double fixed = 0;
        for (double w : widths) fixed += w;
        const double flex = (kSheetContentW - fixed) / 2;
        double x = kSheetMargin;
        for (int i = 0; i < 11; ++i) {
            const double w = widths[i] > 0 ? widths[i] : flex;
            cols_.push_back({x, w, i < 3 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT});
            x += w;
        }
    }

    void render() {
        run(false);
        pages_ = page_;
        run(true);
    }

private:
    std::string na() const { return l_.not_available; }
    std::string count(std::optional<std::int64_t> v) const { return v ? integer_text(*v, r_.language) : na(); }
    std::string percent(std::optional<double> v) const { return v ? percent_text(*v, r_.language) : na(); }
    std::string money(std::optional<Minor> v, const std::string& currency) const {
        return v ? format_money(*v, currency, r_.language) : na();
    }
    std::string date(Date d) const { return report_date_text(d, r_.language); }

    void run(bool draw) {
        draw_ = draw;
        page_ = 1;
        y_ = kSheetMargin;
        facts();
        table();
        chart();
        definitions();
        footer();
        if (draw_) cairo_show_page(cr_);
    }

    // Starts a new page when `h` more points do not fit on this one.
    bool room(double h, const std::function<void()>& on_new_page = {}) {
        if (y_ + h <= kBottom) return false;
        footer();
        if (draw_) cairo_show_page(cr_);
        ++page_;
        y_ = kSheetMargin;
        if (on_new_page) on_new_page();
        return true;
    }

    void facts() {
        y_ += p_.text(draw_, kSheetMargin, y_, fmt::format(fmt::runtime(l_.title), r_.sponsor),
                      {16, true, kAccent, kSheetContentW}) +
              4;
        // A publisher profile not filled in yet leaves its part out.
        std::string line = r_.publisher.empty()
                               ? std::string()
                               : fmt::format(fmt::runtime(l_.fact), l_.publisher, r_.publisher) + "   ·   ";
        line += fmt::format("{}   ·   {}", fmt::format(fmt::runtime(l_.period), date(r_.from), date(r_.to)),
                            fmt::format(fmt::runtime(l_.fact), l_.generated, date(r_.generated)));
        y_ += p_.text(draw_, kSheetMargin, y_, line, {9, false, kMuted, kSheetContentW}) + 12;
    }

    // One table row: cells measured with their column's width; drawn at y_.
    double row(const std::vector<std::string>& cells, bool bold, Rgb fill, Rgb ink = kInk) {
        double h = 0;
        const Text base{8, bold, ink};
        for (size_t c = 0; c < cells.size(); ++c) {
            Text t = base;
            t.width = cols_[c].w - 2 * kPad;
            t.align = cols_[c].align;
            h = std::max(h, p_.text(false, 0, 0, cells[c], t));
        }
        h += 2 * kPad;
        if (draw_) {
            if (fill.r < 1) p_.fill(kSheetMargin, y_, kSheetContentW, h, fill);
            for (size_t c = 0; c < cells.size(); ++c) {
                Text t = base;
                t.width = cols_[c].w - 2 * kPad;
                t.align = cols_[c].align;
                p_.text(true, cols_[c].x + kPad, y_ + kPad, cells[c], t);
            }
        }
        return h;
    }

    void table_header() {
        y_ += row({l_.issue_date, l_.publication, l_.placement, l_.audience, l_.opens, l_.clicks, l_.ctr,
                   l_.click_to_open, l_.price, l_.cost_per_click, l_.effective_cpm},
                  true, kAccent, kWhite);
    }

    std::vector<std::string> booking_cells(const CampaignBooking& b) const {
        return {date(b.issue_date),
                b.publication_name,
                b.placement_name,
                count(b.audience),
                count(b.opens),
                count(b.clicks),
                percent(metrics::ctr(b.clicks, b.audience)),
                percent(metrics::click_to_open(b.clicks, b.opens)),
                format_money(b.price, b.currency, r_.language),
                money(metrics::cost_per_click(b.price, b.clicks), b.currency),
                money(metrics::effective_cpm(b.price, b.audience), b.currency)};
    }

    std::vector<std::string> total_cells(const CampaignTotals& t) const {
        const bool several = r_.totals.size() > 1;
        return {several ? fmt::format("{} {}", l_.total, t.currency) : std::string(l_.total),
                "",
                "",
                count(t.audience),
                count(t.opens),
                count(t.clicks),
                percent(t.ctr),
                percent(t.click_to_open),
                format_money(t.price, t.currency, r_.language),
                money(t.cost_per_click, t.currency),
                money(t.effective_cpm, t.currency)};
    }

    void table() {
        table_header();
        bool stripe = false;
        for (const auto& b : r_.bookings) {
            const auto cells = booking_cells(b);
            const bool was_draw = draw_;
            draw_ = false;
            const double h = row(cells, false, kWhite);
            draw_ = was_draw;
            room(h, [&] { table_header(); });
            y_ += row(cells, false, stripe ? kStripe : kWhite);
            stripe = !stripe;
        }
        if (draw_) p_.hline(kSheetMargin, kSheetMargin + kSheetContentW, y_, kRule);
        for (const auto& t : r_.totals) {
            room(20, [&] { table_header(); });
            y_ += row(total_cells(t), true, kBox);
        }
        y_ += 18;
    }

    // Horizontal bars, one per booking, scaled to the most clicked one.
    void chart() {
        constexpr double kBarH = 11, kGap = 4, kLabelW = 230, kValueW = 70;
        const Text title{11, true, kAccent, kSheetContentW};
        const double title_h = p_.text(false, 0, 0, l_.chart_title, title) + 6;
        room(title_h + kBarH + kGap);
        y_ += p_.text(draw_, kSheetMargin, y_, l_.chart_title, title) + 6;
        std::int64_t most = 0;
        for (const auto& b : r_.bookings) most = std::max(most, b.clicks.value_or(0));
        const double bar_w = kSheetContentW - kLabelW - kValueW;
        for (const auto& b : r_.bookings) {
            room(kBarH + kGap);
            if (draw_) {
                const std::string label =
                    fmt::format("{} · {} · {}", date(b.issue_date), b.publication_name, b.placement_name);
                p_.text(true, kSheetMargin, y_ - 1, label, {7.5, false, kInk, kLabelW - 8});
                const double x = kSheetMargin + kLabelW;
                p_.fill(x, y_, bar_w, kBarH, kStripe);
                if (b.clicks && most > 0)
                    p_.fill(x, y_, bar_w * static_cast<double>(*b.clicks) / static_cast<double>(most), kBarH, kAccent);
                p_.text(true, x + bar_w + 6, y_ - 1, count(b.clicks),
                        {7.5, b.clicks.has_value(), b.clicks ? kInk : kMuted, kValueW - 6});
            }
            y_ += kBarH + kGap;
        }
        y_ += 14;
    }

    void definitions() {
        const Text head{10, true, kAccent, kSheetContentW};
        const Text body{8, false, kInk, kSheetContentW};
        room(p_.text(false, 0, 0, l_.definitions, head) + 14);
        y_ += p_.text(draw_, kSheetMargin, y_, l_.definitions, head) + 4;
        for (const auto& d : sponsor_report_definitions(r_.language)) {
            const double h = p_.text(false, 0, 0, d, body);
            room(h);
            y_ += p_.text(draw_, kSheetMargin, y_, d, body) + 2;
        }
    }

    void footer() {
        if (!draw_) return;
        const double y = kSheetH - kSheetMargin - kFooterH + 8;
        p_.hline(kSheetMargin, kSheetMargin + kSheetContentW, y, kRule, 0.4);
        p_.text(true, kSheetMargin, y + 4,
                r_.publisher.empty() ? r_.sponsor : fmt::format("{} — {}", r_.sponsor, r_.publisher),
                {7, false, kMuted, kSheetContentW - 90});
        p_.text(true, kSheetMargin + kSheetContentW - 90, y + 4, fmt::format(fmt::runtime(l_.page), page_, pages_),
                {7, false, kMuted, 90, PANGO_ALIGN_RIGHT});
    }

    const SponsorReport& r_;
    const SponsorReportLabels& l_;
    Painter p_;
    cairo_t* cr_;
    std::vector<Column> cols_;
    bool draw_ = false;
    double y_ = 0;
    int page_ = 1, pages_ = 1;
};

}  // namespace

std::string sponsor_report_pdf(const SponsorReport& report) {
    const CLocaleScope c_locale;  // cairo writes the PDF's numbers with printf
    sponsor_report_labels(report.language);
    // Dated the day it is generated for, not the second: the same data gives the same bytes.
    return pdf::draw(
        kSheetW, kSheetH,
        {"sponsor report PDF", fmt::format(fmt::runtime(sponsor_report_labels(report.language).title), report.sponsor),
         report.publisher, report.generated},
        [&](cairo_t* cr) { SponsorReportPdf(report, cr).render(); });
}

}  // namespace sponsordesk

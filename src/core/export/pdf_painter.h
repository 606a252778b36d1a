#pragma once
// Private to src/core/export: the page geometry, colours and the pango text
// painter shared by the PDFs SponsorDesk draws with cairo (the invoice, the
// insertion order), so that they look alike and measure text the same way.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"

namespace sponsordesk {
namespace pdf {

// A4 in points; cairo's PDF surface works in points.
constexpr double kPageW = 595.276;
constexpr double kPageH = 841.890;
constexpr double kMargin = 42.5;  // 15 mm
constexpr double kContentW = kPageW - 2 * kMargin;
constexpr double kCellPad = 4;
constexpr const char* kFont = "DejaVu Sans";

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.10, 0.12, 0.15};
constexpr Rgb kMuted{0.40, 0.43, 0.47};
constexpr Rgb kAccent{0.13, 0.25, 0.40};
constexpr Rgb kWhite{1, 1, 1};
constexpr Rgb kStripe{0.95, 0.96, 0.97};
constexpr Rgb kBox{0.93, 0.95, 0.97};
constexpr Rgb kRule{0.75, 0.78, 0.82};
constexpr Rgb kPreviewInk{0.78, 0.16, 0.16};
constexpr Rgb kWatermark{0.97, 0.84, 0.84};

struct Text {
    double size = 8.5;
    bool bold = false;
    Rgb color = kInk;
    double width = -1;  // wrap width; -1: one line per '\n'
    PangoAlignment align = PANGO_ALIGN_LEFT;
};

struct Column {
    double x, w;
    PangoAlignment align;
};

class Painter {
public:
    // Text is set in the document's language, not pango's default (taken
    // from the process locale), so the PDF does not depend on who exports it.
    Painter(cairo_t* cr, const std::string& language)
        : cr_(cr), language_(pango_language_from_string(language.c_str())) {}

    // Height of `s` set in `t`; drawn at (x, y) when `draw`.
    double text(bool draw, double x, double y, const std::string& s, const Text& t) {
        if (s.empty()) return 0;
        std::unique_ptr<PangoLayout, decltype(&g_object_unref)> layout(pango_cairo_create_layout(cr_), g_object_unref);
        pango_context_set_language(pango_layout_get_context(layout.get()), language_);
        pango_layout_context_changed(layout.get());
        PangoFontDescription* font = pango_font_description_new();
        pango_font_description_set_family(font, kFont);
        pango_font_description_set_absolute_size(font, t.size * PANGO_SCALE);
        pango_font_description_set_weight(font, t.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout.get(), font);
        pango_font_description_free(font);
        if (t.width > 0) {
            pango_layout_set_width(layout.get(), static_cast<int>(t.width * PANGO_SCALE));
            pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        }
        pango_layout_set_alignment(layout.get(), t.align);
        pango_layout_set_text(layout.get(), s.c_str(), static_cast<int>(s.size()));
        int w = 0, h = 0;
        pango_layout_get_size(layout.get(), &w, &h);
        if (draw) {
            cairo_set_source_rgb(cr_, t.color.r, t.color.g, t.color.b);
            // Without a wrap width, right alignment is against x.
            const double left = (t.width <= 0 && t.align == PANGO_ALIGN_RIGHT) ? x - double(w) / PANGO_SCALE : x;
            cairo_move_to(cr_, left, y);
            pango_cairo_show_layout(cr_, layout.get());
        }
        return static_cast<double>(h) / PANGO_SCALE;
    }

    // One row of a table in 8 pt ink: its height (the tallest cell, padded);
    // drawn at y0 when `draw`, on a stripe from x over `width` when `stripe`.
    double table_row(bool draw, double y0, const std::vector<Column>& cols, const std::vector<std::string>& cells,
                     bool stripe, double x, double width) {
        double h = 0;
        for (size_t c = 0; c < cols.size() && c < cells.size(); ++c)
            h = std::max(h, text(false, 0, 0, cells[c], {8, false, kInk, cols[c].w - 2 * kCellPad, cols[c].align}));
        h += 2 * kCellPad - 1;
        if (!draw) return h;
        if (stripe) fill(x, y0, width, h, kStripe);
        for (size_t c = 0; c < cols.size() && c < cells.size(); ++c)
            text(true, cols[c].x + kCellPad, y0 + kCellPad - 0.5, cells[c],
                 {8, false, kInk, cols[c].w - 2 * kCellPad, cols[c].align});
        return h;
    }

    void fill(double x, double y, double w, double h, Rgb c) {
        cairo_set_source_rgb(cr_, c.r, c.g, c.b);
        cairo_rectangle(cr_, x, y, w, h);
        cairo_fill(cr_);
    }

    void hline(double x1, double x2, double y, Rgb c, double width = 0.6) {
        cairo_set_source_rgb(cr_, c.r, c.g, c.b);
        cairo_set_line_width(cr_, width);
        cairo_move_to(cr_, x1, y);
        cairo_line_to(cr_, x2, y);
        cairo_stroke(cr_);
    }

private:
    cairo_t* cr_;
    PangoLanguage* language_;
};

// What a PDF's document properties say; every date is `date`, so that the
// same document drawn again gives the same bytes.
struct Properties {
    std::string what;  // names the document in errors: "invoice PDF"
    std::string title;
    std::string author;
    Date date;
};

// A PDF of pages of width × height points, drawn by `pages` on one cairo
// context, as bytes; ExportFailure naming `what` when cairo fails. The
// caller holds a CLocaleScope: cairo writes numbers with printf.
std::string draw(double width, double height, const Properties& properties, const std::function<void(cairo_t*)>& pages);

}  // namespace pdf
}  // namespace sponsordesk

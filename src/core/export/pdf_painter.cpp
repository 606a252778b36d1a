#include "pdf_painter.h"

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk::pdf {
namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string draw(double width, double height, const Properties& properties,
                 const std::function<void(cairo_t*)>& pages) {
    auto fail = [&](const std::string& why) {
        throw InvalidInput({ErrorCode::ExportFailure, "", {{"what", properties.what}}},
                           fmt::format("cannot lay out the {}: {}", properties.what, why));
    };
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &bytes, width, height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const std::string why = cairo_status_to_string(cairo_surface_status(surface));
        cairo_surface_destroy(surface);
        fail(why);
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, properties.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, properties.author.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "SponsorDesk");
    const std::string created = properties.date.iso() + "T00:00:00Z";
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, created.c_str());
    cairo_t* cr = cairo_create(surface);
    try {
        pages(cr);
    } catch (...) {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        throw;
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) fail(cairo_status_to_string(status));
    return bytes;
}

}  // namespace sponsordesk::pdf

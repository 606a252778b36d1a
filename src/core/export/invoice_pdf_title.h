#pragma once
// Private to src/core/export: the invoice PDF's title, shared by the cairo
// metadata (invoice_pdf.cpp) and the XMP of the PDF/A (facturx_pdf.cpp) so
// that the two agree, as PDF/A requires.
#include <string>

#include "sponsordesk/export/invoice_document.h"

namespace sponsordesk {

// "Facture 2026-0042", "Credit note AV-2026-0001", or a preview's banner.
std::string invoice_pdf_title(const InvoiceDocument& doc);

}  // namespace sponsordesk

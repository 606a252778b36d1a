#pragma once
// Factur-X (EN 16931 profile): the CII XML of an invoice or credit note and
// the PDF/A-3b that carries it. Both are pure functions of the document:
// the same document gives the same bytes, so an issued original can be kept
// and compared with a later export.
#include <string>

#include "sponsordesk/export/invoice_document.h"

namespace sponsordesk {

// The Cross Industry Invoice XML, profile EN 16931
// (urn:cen.eu:en16931:2017), UTF-8. A credit note is type 381 with positive
// amounts whatever the sign the document carries. Validates the document
// first; throws InvalidInput for a preview (not an invoice) or a legacy
// document (issued without the data an e-invoice needs).
std::string facturx_cii_xml(const InvoiceDocument& doc);

// The PDF to hand out for the document, as bytes:
// - an issued invoice or credit note: PDF/A-3b Factur-X (XMP metadata with
//   the Factur-X extension schema, sRGB output intent, factur-x.xml embedded
//   as the associated file, fixed dates and a deterministic trailer /ID);
// - a preview: the same layout marked "not an invoice", PDF/A-3b without
//   embedded XML (a draft is no e-invoice);
// - a legacy document: the plain PDF it always was.
// Validates the document first (InvalidInput).
std::string facturx_pdf(const InvoiceDocument& doc);

// The cairo/pango PDF before PDF/A assembly (what legacy documents get).
std::string invoice_pdf_plain(const InvoiceDocument& doc);

// facturx_pdf() written to `path` (write_invoice_pdf, declared in
// invoice_document.h, does the same). Throws StorageError naming the path
// when it cannot be written; nothing is left at `path` on failure.
void write_facturx_pdf(const InvoiceDocument& doc, const std::string& path);

// facturx_cii_xml() written to `path` (`invoice export --cii`), with the
// same guarantees as write_facturx_pdf.
void write_facturx_xml(const InvoiceDocument& doc, const std::string& path);

}  // namespace sponsordesk

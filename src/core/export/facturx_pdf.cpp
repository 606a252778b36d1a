// The PDF/A-3b Factur-X: cairo's invoice PDF (invoice_pdf.cpp) completed by
// libqpdf with what PDF/A-3 and Factur-X ask for and cairo does not write:
// version 1.7, XMP metadata matching the Info dictionary (PDF/A
// identification and the Factur-X extension schema), an sRGB output intent,
// factur-x.xml as the document's associated file, /CIDToGIDMap on CID fonts
// and a trailer /ID computed from the content. Nothing depends on the clock:
// every date is the issue date.
#include <libxml/entities.h>
#include <libxml/xmlmemory.h>

#include <cstddef>
#include <fstream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "invoice_pdf_title.h"
#include "pdfa_assembly.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/facturx.h"
#include "sponsordesk/io/output_file.h"

namespace sponsordesk {

namespace {

// Text for an XMP element or attribute (libxml2 escapes it).
std::string xml_text(const std::string& s) {
    xmlChar* e = xmlEncodeSpecialChars(nullptr, reinterpret_cast<const xmlChar*>(s.c_str()));
    if (!e) throw std::bad_alloc();
    std::string out(reinterpret_cast<const char*>(e));
    xmlFree(e);
    return out;
}

// The XMP packet: Dublin Core, XMP and PDF properties equal to the Info
// dictionary's, the PDF/A identification, and for an e-invoice the Factur-X
// properties with the extension schema that declares them (PDF/A accepts
// no property its validator cannot find described).
std::string xmp_packet(const InvoiceDocument& doc, const std::string& title, bool with_xml) {
    const std::string date = doc.issue_date.iso() + "T00:00:00Z";
    std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    x += R"(<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
)";
    x += fmt::format(R"(<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>SponsorDesk</xmp:CreatorTool>
<xmp:CreateDate>{}</xmp:CreateDate>
<xmp:ModifyDate>{}</xmp:ModifyDate>
<xmp:MetadataDate>{}</xmp:MetadataDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>{}</pdf:Producer>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>3</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
)",
                     xml_text(title), xml_text(doc.seller.legal_name), date, date, date, kPdfProducer);
    if (with_xml)
        x += R"(<rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
<fx:DocumentType>INVOICE</fx:DocumentType>
<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
<fx:Version>1.0</fx:Version>
<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>fx</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The name of the embedded XML document</pdfaProperty:description></rdf:li>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The type of the hybrid document in capital letters, e.g. INVOICE or ORDER</pdfaProperty:description></rdf:li>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The actual version of the standard applying to the embedded XML document</pdfaProperty:description></rdf:li>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The conformance level of the embedded XML document</pdfaProperty:description></rdf:li>
</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
)";
    x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return x;
}

// "D:20260312000000Z": the issue date, as the Info dictionary writes dates.
std::string pdf_date(Date d) { return fmt::format("D:{:04}{:02}{:02}000000Z", d.year, d.month, d.day); }

std::string assemble(const InvoiceDocument& doc, const std::string& plain, const std::string* xml) {
    PdfaParts parts;
    parts.title = invoice_pdf_title(doc);
    parts.author = doc.seller.legal_name;
    parts.language = doc.language;
    parts.pdf_date = pdf_date(doc.issue_date);
    parts.xmp = xmp_packet(doc, parts.title, xml != nullptr);
    if (xml) parts.xml = *xml;
    return assemble_pdfa(plain, parts);
}

}  // namespace

std::string facturx_pdf(const InvoiceDocument& doc) {
    if (doc.legacy) return invoice_pdf_plain(doc);
    // The XML first: a document that cannot be an e-invoice is refused
    // before any layout.
    const std::string xml = doc.preview ? std::string() : facturx_cii_xml(doc);
    const std::string plain = invoice_pdf_plain(doc);
    try {
        return assemble(doc, plain, doc.preview ? nullptr : &xml);
    } catch (const std::exception& e) {
        throw InvalidInput(
            {ErrorCode::ExportFailure, "", {}},
            fmt::format("cannot assemble the PDF/A of invoice {}: {}", quote_value(doc.number), e.what()));
    }
}

void write_facturx_pdf(const InvoiceDocument& doc, const std::string& path) {
    if (path.empty()) throw InvalidInput({ErrorCode::ExportFailure, "", {}}, "no path given for the invoice PDF");
    // A bad target is refused before the work.
    OutputFile::check(path, "invoice PDF");
    OutputFile::write(path, "invoice PDF", facturx_pdf(doc));
}

void write_facturx_xml(const InvoiceDocument& doc, const std::string& path) {
    if (path.empty()) throw InvalidInput({ErrorCode::ExportFailure, "", {}}, "no path given for the Factur-X XML");
    OutputFile::check(path, "Factur-X XML");
    OutputFile::write(path, "Factur-X XML", facturx_cii_xml(doc));
}

}  // namespace sponsordesk

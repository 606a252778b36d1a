#pragma once
// PDF/A-3b assembly of a cairo PDF with libqpdf (pdfa_assembly.cpp, built
// as C++17: keep this header to the standard library).
#include <string>

namespace sponsordesk {

inline constexpr const char* kPdfProducer = "SponsorDesk (cairo, qpdf)";

// What the assembly adds, already made by the caller.
struct PdfaParts {
    std::string title;     // Info /Title, equal to the XMP's dc:title
    std::string author;    // Info /Author (the seller)
    std::string language;  // catalog /Lang
    std::string pdf_date;  // "D:20260331000000Z": creation and modification date
    std::string xmp;       // the XMP packet
    std::string xml;       // factur-x.xml, attached as the associated file; empty: none
};

// Version 1.7, Info and XMP, sRGB output intent, the XML as /AF with
// /AFRelationship /Data, /CIDToGIDMap /Identity on CID fonts, deterministic
// trailer /ID. Throws std::exception on a PDF qpdf cannot read.
std::string assemble_pdfa(const std::string& plain, const PdfaParts& parts);

}  // namespace sponsordesk

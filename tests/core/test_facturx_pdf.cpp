// The Factur-X PDF read back with qpdf and poppler (veraPDF is not packaged
// in Debian 12): PDF/A-3b structure, the embedded XML equal to the CII the
// XML writer gives, the same bytes twice, and every 2026 mention of each
// case in the printed text.
#include <gtest/gtest.h>

#include "facturx_samples.h"
#include "test_support.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/facturx.h"
#include "sponsordesk/export/invoice_labels.h"

using namespace sponsordesk;
using namespace sponsordesk::test;
namespace fs = std::filesystem;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// pdftotext -layout, each run of blanks made one space.
std::string pdf_words(const std::string& path) {
    std::string out;
    for (char c : run_command("pdftotext -layout '" + path + "' -")) {
        const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
        if (!blank || (!out.empty() && out.back() != ' ')) out += blank ? ' ' : c;
    }
    return out;
}

void expect_contains(const std::string& text, const std::string& needle) {
    EXPECT_NE(text.find(needle), std::string::npos) << "missing: " << needle << "\n--- text ---\n" << text;
}
void expect_absent(const std::string& text, const std::string& needle) {
    EXPECT_EQ(text.find(needle), std::string::npos) << "unexpected: " << needle << "\n--- text ---\n" << text;
}

// The PDF of `doc` in `dir` as `name`, and its text.
std::string write_pdf(const TempDir& dir, const InvoiceDocument& doc, const std::string& name) {
    const std::string path = dir.file(name);
    write_facturx_pdf(doc, path);
    return path;
}

size_t count(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST(FacturxPdf, IsPdfA3bWithTheXmlEmbedded) {
    TempDir dir;
    const auto doc = fx_french_invoice();
    const std::string path = write_pdf(dir, doc, "facture.pdf");
    const std::string bytes = read_file(path);
    EXPECT_EQ(bytes.substr(0, 8), "%PDF-1.7");

    // The XMP is stored uncompressed, as PDF/A recommends and readers expect.
    expect_contains(bytes, "<pdfaid:part>3</pdfaid:part>");

    int status = 0;
    const std::string check = run_command("qpdf --check '" + path + "' 2>&1", &status);
    EXPECT_EQ(status, 0) << check;
    expect_contains(check, "No syntax or stream encoding errors");

    const std::string meta = run_command("pdfinfo -meta '" + path + "'");
    for (const char* s :
         {"<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
          "<fx:DocumentType>INVOICE</fx:DocumentType>", "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>",
          "<fx:Version>1.0</fx:Version>", "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
          "<pdfaSchema:prefix>fx</pdfaSchema:prefix>", "<xmp:CreateDate>2026-09-30T00:00:00Z",
          "<xmp:ModifyDate>2026-09-30T00:00:00Z", "Éditions Lumière &amp; Fils"})
        expect_contains(meta, s);
    // The Info dictionary says the same as the XMP: dated the issue date.
    const std::string info = run_command("pdfinfo -isodates '" + path + "'");
    expect_contains(info, "CreationDate:    2026-09-30T00:00:00Z");
    expect_contains(info, "ModDate:         2026-09-30T00:00:00Z");
    expect_contains(info, "PDF version:     1.7");

    // Every font embedded (column "emb" of pdffonts).
    std::istringstream fonts(run_command("pdffonts '" + path + "'"));
    std::string line;
    int embedded = 0;
    bool table = false;
    while (std::getline(fonts, line)) {
        if (line.rfind("-----", 0) == 0) {
            table = true;
            continue;
        }
        if (!table || line.empty()) continue;
        std::istringstream cols(line);
        std::vector<std::string> words;
        for (std::string w; cols >> w;) words.push_back(w);
        ASSERT_GE(words.size(), 6u) << line;
        EXPECT_EQ(words[words.size() - 5], "yes") << "font not embedded: " << line;
        ++embedded;
    }
    EXPECT_GE(embedded, 2);

    // factur-x.xml attached, byte for byte the CII XML.
    const std::string list = run_command("pdfdetach -list '" + path + "'");
    expect_contains(list, "1 embedded files");
    expect_contains(list, "factur-x.xml");
    const std::string extracted = dir.file("extracted.xml");
    run_command("pdfdetach -save 1 -o '" + extracted + "' '" + path + "'", &status);
    ASSERT_EQ(status, 0);
    EXPECT_EQ(read_file(extracted), facturx_cii_xml(doc));

    // The objects PDF/A-3 asks for, in the uncompressed form qpdf gives.
    const std::string qdf = dir.file("qdf.pdf");
    run_command("qpdf --qdf --object-streams=disable '" + path + "' '" + qdf + "'", &status);
    ASSERT_EQ(status, 0);
    const std::string q = read_file(qdf);
    for (const char* s : {"/AFRelationship /Data", "/Subtype /text#2fxml", "/ModDate (D:20260930000000Z)",
                          "/S /GTS_PDFA1", "/OutputConditionIdentifier (sRGB IEC61966-2.1)", "/DestOutputProfile",
                          "/AF [", "/EmbeddedFiles", "/Type /Metadata"})
        expect_contains(q, s);
    EXPECT_GE(count(q, "/CIDFontType2"), 1u);
    EXPECT_EQ(count(q, "/CIDFontType2"), count(q, "/CIDToGIDMap /Identity")) << "a CID font without /CIDToGIDMap";
    expect_contains(q, "/ID [<");
}

TEST(FacturxPdf, TheSameDocumentGivesTheSameBytes) {
    for (const auto& [name, doc] : fx_samples()) {
        const std::string first = facturx_pdf(doc);
        EXPECT_EQ(first, facturx_pdf(doc)) << name;
        EXPECT_EQ(facturx_cii_xml(doc), facturx_cii_xml(doc)) << name;
    }
    // Another document gives another /ID.
    auto a = fx_french_invoice(), b = fx_french_invoice();
    b.number = "2026-0099";
    EXPECT_NE(facturx_pdf(a), facturx_pdf(b));
}

TEST(FacturxPdf, PreviewIsNoEInvoiceAndLegacyStaysPlain) {
    TempDir dir;
    auto preview = fx_french_invoice();
    preview.preview = true;
    preview.number.clear();
    const std::string p = write_pdf(dir, preview, "preview.pdf");
    expect_contains(run_command("pdfdetach -list '" + p + "'"), "0 embedded files");
    expect_absent(run_command("pdfinfo -meta '" + p + "'"), "fx:DocumentType");
    expect_contains(pdf_words(p), "PAS UNE FACTURE");
    int status = 0;
    run_command("qpdf --check '" + p + "' 2>&1", &status);
    EXPECT_EQ(status, 0);
    EXPECT_THROW(facturx_cii_xml(preview), InvalidInput);

    auto legacy = fx_french_invoice();
    legacy.legacy = true;
    legacy.vat_mention = "Mention enregistrée à l'émission";
    const std::string l = write_pdf(dir, legacy, "legacy.pdf");
    EXPECT_NE(read_file(l).substr(0, 8), "%PDF-1.7");
    expect_contains(run_command("pdfdetach -list '" + l + "'"), "0 embedded files");
    expect_contains(pdf_words(l), "Mention enregistrée à l'émission");
    EXPECT_THROW(facturx_cii_xml(legacy), InvalidInput);
}

TEST(FacturxPdf, RefusesADocumentThatCannotBeAnEInvoiceAndWritesNothing) {
    TempDir dir;
    auto doc = fx_reverse_charge();
    doc.buyer.vat_number.clear();
    doc.seller.postal = {};
    const std::string path = dir.file("ae.pdf");
    try {
        write_facturx_pdf(doc, path);
        FAIL() << "no error";
    } catch (const InvalidInput& e) {
        // Everything missing, in one message.
        expect_contains(e.what(), "the seller's postcode and city");
        expect_contains(e.what(), "the buyer's VAT number (reverse charge)");
    }
    EXPECT_FALSE(fs::exists(path));
    auto usd = fx_export_usd();
    usd.eur_rate_micro = 0;
    EXPECT_THROW(facturx_cii_xml(usd), InvalidInput);
}

TEST(FacturxPdf, FrenchInvoicePrintsThe2026Mentions) {
    TempDir dir;
    const std::string t = pdf_words(write_pdf(dir, fx_french_invoice(), "fr.pdf"));
    for (const char* s :
         {"12 rue de l'Église", "Bâtiment B", "69002 Lyon", "SIREN 732 829 320", "SIRET 732 829 320 00074",
          "SAS au capital de 10 000 € — RCS Lyon 732 829 320", "SIREN 552 100 554", "SIRET 552 100 554 00013",
          "Bon de commande : PO-2026-117", "Référence client : SERVICE-MARKETING", "Date d'échéance : 30/10/2026",
          "IBAN FR7630006000011234567890189", "Indemnité forfaitaire pour frais de recouvrement de 40 €",
          "Petite annonce <&>"})
        expect_contains(t, s);
    // Seller and buyer both in France: no country line.
    expect_absent(t, "France");
    expect_absent(t, "Option pour le paiement");
}

TEST(FacturxPdf, DiscountedLineShowsListPriceDiscountAndNet) {
    TempDir dir;
    const std::string t = pdf_words(write_pdf(dir, fx_discount(), "discount.pdf"));
    expect_contains(t, "Prix catalogue 1 500,00 € — Remise 300,00 €");
    expect_contains(t, "1 200,00 €");
}

TEST(FacturxPdf, ReverseChargeSaysAutoliquidationInEveryLanguage) {
    TempDir dir;
    const std::string en = pdf_words(write_pdf(dir, fx_reverse_charge("en"), "ae-en.pdf"));
    expect_contains(en, "Autoliquidation — reverse charge, art. 196 of Directive 2006/112/EC");
    expect_contains(en, "Germany");
    expect_contains(en, "France");  // the seller's country, since the buyer's differs
    expect_contains(en, "10117 Berlin");
    expect_contains(en, "Purchase order : 4500012345");
    const std::string fr = pdf_words(write_pdf(dir, fx_reverse_charge("fr"), "ae-fr.pdf"));
    expect_contains(fr, "Autoliquidation");
    expect_contains(fr, "Allemagne");
}

TEST(FacturxPdf, ForeignCurrencyShowsTheVatInEuros) {
    TempDir dir;
    auto doc = fx_french_invoice("en");
    doc.currency = "USD";
    doc.eur_rate_micro = 922200;
    ASSERT_EQ(doc.total_vat, 37010);
    doc.total_vat_eur = 34131;  // 370.10 × 0.9222, rounded
    const std::string t = pdf_words(write_pdf(dir, doc, "usd.pdf"));
    expect_contains(t, "Total VAT in euros: €341.31 (rate used: 1 USD = €0.9222)");
    const std::string g = pdf_words(write_pdf(dir, fx_export_usd(), "export.pdf"));
    expect_contains(g, "VAT not applicable, art. 259-1 of the French tax code (CGI)");
    expect_contains(g, "United States");
    expect_contains(g, "San Francisco 94105");
}

TEST(FacturxPdf, FranchiseSellerPrintsArticle293BInFrenchInEveryLanguage) {
    TempDir dir;
    const std::string fr = pdf_words(write_pdf(dir, fx_franchise("fr"), "franchise-fr.pdf"));
    expect_contains(fr, "TVA non applicable, art. 293 B du CGI");
    expect_contains(fr, "EI — Dispensé d'immatriculation");
    // The buyer's VAT number only: the seller has none.
    EXPECT_EQ(count(fr, "N° TVA intracommunautaire"), 1u) << fr;
    const std::string en = pdf_words(write_pdf(dir, fx_franchise("en"), "franchise-en.pdf"));
    expect_contains(en, "TVA non applicable, art. 293 B du CGI (VAT not applicable");
}

TEST(FacturxPdf, VatOnDebitsAndSeveralRates) {
    TempDir dir;
    const std::string t = pdf_words(write_pdf(dir, fx_multi_rate(), "multi.pdf"));
    expect_contains(t, "Option pour le paiement de la taxe d'après les débits");
    for (const char* s : {"2,1 %", "5,5 %", "10 %", "20 %", "Déjà réglé"}) expect_contains(t, s);
}

TEST(FacturxPdf, CreditNoteCitesTheInvoiceAndAsksForNoPayment) {
    TempDir dir;
    for (const std::string language : {"fr", "en"}) {
        const std::string t = pdf_words(write_pdf(dir, fx_credit_note(language), "avoir-" + language + ".pdf"));
        if (language == "fr") {
            expect_contains(t, "Avoir sur la facture n° 2026-0042 du 30/09/2026");
            expect_contains(t, "remboursé ou vient en déduction");
            for (const char* s : {"Date d'échéance", "Paiement à", "IBAN", "pénalités", "40 €", "escompte"})
                expect_absent(t, s);
        } else {
            expect_contains(t, "Credit note for invoice No. 2026-0042 of 30 September 2026");
            expect_contains(t, "refunded to you or deducted");
            for (const char* s : {"Due date", "Payment within", "IBAN", "penalties", "€40", "early payment"})
                expect_absent(t, s);
        }
    }
}

TEST(FacturxPdf, CreditNoteXmlIsType381WithPositiveAmounts) {
    const std::string xml = facturx_cii_xml(fx_credit_note());
    expect_contains(xml, "<ram:TypeCode>381</ram:TypeCode>");
    expect_contains(xml, "<ram:GrandTotalAmount>420.60</ram:GrandTotalAmount>");
    expect_contains(xml, "<ram:IssuerAssignedID>2026-0042</ram:IssuerAssignedID>");
    expect_contains(xml, "<qdt:DateTimeString format=\"102\">20260930</qdt:DateTimeString>");
    expect_absent(xml, ">-");
    expect_absent(xml, "DueDateDateTime");
    expect_absent(xml, "IBANID");
}

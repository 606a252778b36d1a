// The Factur-X XML: the invoice as a UN/CEFACT Cross Industry Invoice,
// profile EN 16931, built as a libxml2 tree (so every text is escaped by the
// library) and serialised once. Element order follows the Factur-X XSD's
// sequences; the business terms (BT-…) are named beside each element.
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/facturx.h"
#include "sponsordesk/export/invoice_labels.h"

namespace sponsordesk {
namespace {

constexpr const char* kRsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
constexpr const char* kRam = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
constexpr const char* kUdt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
constexpr const char* kQdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* X(const std::string& s) { return X(s.c_str()); }

// "1500.00", "-3.05": exactly two decimals, from the integer minor units.
std::string amount(Minor minor) {
    const Minor a = minor < 0 ? -minor : minor;
    return fmt::format("{}{}.{:02}", minor < 0 ? "-" : "", a / 100, a % 100);
}

std::string yyyymmdd(Date d) { return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day); }

// A tree under construction: elements in the ram/rsm/udt/qdt namespaces.
class Cii {
public:
    Cii() : doc_(xmlNewDoc(X("1.0")), xmlFreeDoc) {
        root_ = xmlNewDocNode(doc_.get(), nullptr, X("CrossIndustryInvoice"), nullptr);
        xmlDocSetRootElement(doc_.get(), root_);
        rsm_ = xmlNewNs(root_, X(kRsm), X("rsm"));
        qdt_ = xmlNewNs(root_, X(kQdt), X("qdt"));
        ram_ = xmlNewNs(root_, X(kRam), X("ram"));
        udt_ = xmlNewNs(root_, X(kUdt), X("udt"));
        xmlSetNs(root_, rsm_);
    }

    xmlNodePtr root() const { return root_; }
    xmlNodePtr rsm(xmlNodePtr parent, const char* name) { return xmlNewChild(parent, rsm_, X(name), nullptr); }
    xmlNodePtr ram(xmlNodePtr parent, const char* name) { return xmlNewChild(parent, ram_, X(name), nullptr); }
    // A ram element holding text (escaped by libxml2).
    xmlNodePtr ram(xmlNodePtr parent, const char* name, const std::string& text) {
        return xmlNewTextChild(parent, ram_, X(name), X(text));
    }
    xmlNodePtr ram(xmlNodePtr parent, const char* name, const std::string& text, const char* attr,
                   const std::string& value) {
        xmlNodePtr n = ram(parent, name, text);
        xmlNewProp(n, X(attr), X(value));
        return n;
    }
    // <udt:DateTimeString format="102">20260312</udt:DateTimeString> under `name`.
    void date(xmlNodePtr parent, const char* name, Date d, bool qualified = false) {
        xmlNodePtr holder = ram(parent, name);
        xmlNodePtr s = xmlNewTextChild(holder, qualified ? qdt_ : udt_, X("DateTimeString"), X(yyyymmdd(d)));
        xmlNewProp(s, X("format"), X("102"));
    }
    void indicator(xmlNodePtr parent, const char* name, bool value) {
        xmlNewTextChild(ram(parent, name), udt_, X("Indicator"), X(value ? "true" : "false"));
    }

    std::string serialise() const {
        xmlChar* buf = nullptr;
        int size = 0;
        xmlDocDumpFormatMemoryEnc(doc_.get(), &buf, &size, "UTF-8", 1);
        if (!buf) throw std::bad_alloc();
        std::string out(reinterpret_cast<const char*>(buf), static_cast<size_t>(size));
        xmlFree(buf);
        return out;
    }

private:
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc_;
    xmlNodePtr root_ = nullptr;
    xmlNsPtr rsm_ = nullptr, qdt_ = nullptr, ram_ = nullptr, udt_ = nullptr;
};

// What an e-invoice needs beyond validate_invoice_document: refused with
// every missing datum named at once.
void check_einvoice_data(const InvoiceDocument& doc) {
    const std::string which = doc.number.empty() ? "preview" : quote_value(doc.number);
    if (doc.preview)
        throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                           "a preview of a draft is not an invoice: it has no Factur-X XML");
    if (doc.legacy)
        throw InvalidInput(
            {ErrorCode::ExportFailure, "", {}},
            fmt::format("invoice {} was issued before the 2026 data existed: it has no Factur-X XML", which));
    std::vector<std::string> missing;
    const auto& s = doc.seller;
    if (s.siren.empty()) missing.push_back("the seller's SIREN");
    if (s.postal.city.empty() || s.postal.postcode.empty()) missing.push_back("the seller's postcode and city");
    if (s.vat_regime == VatRegime::Normal && s.vat_number.empty()) missing.push_back("the seller's VAT number");
    if (doc.kind == InvoiceKind::Invoice && s.iban.empty()) missing.push_back("the seller's IBAN");
    if (doc.buyer.postal.city.empty()) missing.push_back("the buyer's city");
    if (doc.buyer.country_code.empty() && doc.buyer.postal.country.empty()) missing.push_back("the buyer's country");
    if (doc.buyer.einvoice.value.empty() && doc.buyer.siren.empty())
        missing.push_back("the buyer's electronic address or SIREN");
    for (const auto& l : doc.lines)
        if (l.vat_category == "AE" && doc.buyer.vat_number.empty()) {
            missing.push_back("the buyer's VAT number (reverse charge)");
            break;
        }
    if (doc.currency != "EUR" && doc.eur_rate_micro <= 0)
        missing.push_back(fmt::format("the euro exchange rate of its {} VAT", doc.currency));
    if (missing.empty()) return;
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                       fmt::format("invoice {} cannot be an e-invoice: missing {}", which, list));
}

// BT-34 / BT-49: the given address, or else the SIREN under scheme 0225.
ElectronicAddress electronic_address(const ElectronicAddress& given, const std::string& siren) {
    if (!given.value.empty()) return given;
    return {siren, "0225"};
}

}  // namespace

std::string facturx_cii_xml(const InvoiceDocument& doc) {
    validate_invoice_document(doc);
    check_einvoice_data(doc);
    const InvoiceLabels& l = invoice_labels(doc.language);
    const bool credit = doc.kind == InvoiceKind::CreditNote;
    // A credit note says how much is credited: positive, whatever the sign
    // the service stores it with (the type code 381 carries the direction).
    const Minor sign = credit && doc.total_gross < 0 ? -1 : 1;
    auto money = [&](Minor m) { return amount(sign * m); };

    Cii x;
    xmlNodePtr context = x.rsm(x.root(), "ExchangedDocumentContext");
    // BT-23, billing mode of the French reform: S1, a plain invoice for services.
    x.ram(x.ram(context, "BusinessProcessSpecifiedDocumentContextParameter"), "ID", "S1");
    x.ram(x.ram(context, "GuidelineSpecifiedDocumentContextParameter"), "ID", "urn:cen.eu:en16931:2017");

    xmlNodePtr header = x.rsm(x.root(), "ExchangedDocument");
    x.ram(header, "ID", doc.number);                    // BT-1
    x.ram(header, "TypeCode", credit ? "381" : "380");  // BT-3
    x.date(header, "IssueDateTime", doc.issue_date);    // BT-2
    // BG-1 notes: the French reform asks for PMT (recovery indemnity), PMD
    // (late-payment penalties) and AAB (early-payment discount) on every
    // document; a credit note asks for no payment, and says so.
    auto note = [&](const std::string& text, const char* subject) {
        xmlNodePtr n = x.ram(header, "IncludedNote");
        x.ram(n, "Content", text);
        x.ram(n, "SubjectCode", subject);
    };
    note(credit ? l.credit_no_payment : l.recovery_indemnity, "PMT");
    note(credit ? l.credit_no_payment : l.late_penalty, "PMD");
    note(credit ? l.credit_no_payment : l.no_discount, "AAB");
    const std::string legal = seller_legal_line(doc.seller, doc.language);
    if (!legal.empty()) note(legal, "REG");
    for (const auto& mention : vat_mentions(doc)) note(mention, "AAI");
    if (credit) note(l.credit_settlement, "AAI");

    xmlNodePtr transaction = x.rsm(x.root(), "SupplyChainTradeTransaction");
    for (size_t i = 0; i < doc.lines.size(); ++i) {
        const auto& line = doc.lines[i];
        xmlNodePtr item = x.ram(transaction, "IncludedSupplyChainTradeLineItem");
        x.ram(x.ram(item, "AssociatedDocumentLineDocument"), "LineID", std::to_string(i + 1));  // BT-126
        x.ram(x.ram(item, "SpecifiedTradeProduct"), "Name", line.description);                  // BT-153
        xmlNodePtr agreement = x.ram(item, "SpecifiedLineTradeAgreement");
        // A booking sold under its list price: gross price (BT-148) with the
        // discount as a price allowance (BT-147); the net price follows.
        const Minor list = line.list_unit_price;
        if (list != 0 &&
            (list < 0 ? -list : list) > (line.unit_price_net < 0 ? -line.unit_price_net : line.unit_price_net)) {
            xmlNodePtr gross = x.ram(agreement, "GrossPriceProductTradePrice");
            x.ram(gross, "ChargeAmount", money(list));
            xmlNodePtr allowance = x.ram(gross, "AppliedTradeAllowanceCharge");
            x.indicator(allowance, "ChargeIndicator", false);
            x.ram(allowance, "ActualAmount", money(list - line.unit_price_net));
        }
        x.ram(x.ram(agreement, "NetPriceProductTradePrice"), "ChargeAmount", money(line.unit_price_net));  // BT-146
        x.ram(x.ram(item, "SpecifiedLineTradeDelivery"), "BilledQuantity", std::to_string(line.quantity), "unitCode",
              "C62");  // BT-129, BT-130: units
        xmlNodePtr settlement = x.ram(item, "SpecifiedLineTradeSettlement");
        xmlNodePtr tax = x.ram(settlement, "ApplicableTradeTax");
        x.ram(tax, "TypeCode", "VAT");
        x.ram(tax, "CategoryCode", line.vat_category);                    // BT-151
        x.ram(tax, "RateApplicablePercent", format_rate(line.vat_rate));  // BT-152
        xmlNodePtr period = x.ram(settlement, "BillingSpecifiedPeriod");  // BT-134, BT-135
        x.date(period, "StartDateTime", line.service_date);
        x.date(period, "EndDateTime", line.service_date);
        x.ram(x.ram(settlement, "SpecifiedTradeSettlementLineMonetarySummation"), "LineTotalAmount",
              money(line.net));  // BT-131
    }

    xmlNodePtr agreement = x.ram(transaction, "ApplicableHeaderTradeAgreement");
    if (!doc.buyer_reference.empty()) x.ram(agreement, "BuyerReference", doc.buyer_reference);  // BT-10

    auto address = [&](xmlNodePtr party, const PostalAddress& a, const std::string& country) {
        xmlNodePtr n = x.ram(party, "PostalTradeAddress");
        if (!a.postcode.empty()) x.ram(n, "PostcodeCode", a.postcode);
        if (!a.line1.empty()) x.ram(n, "LineOne", a.line1);
        if (!a.line2.empty()) x.ram(n, "LineTwo", a.line2);
        if (!a.city.empty()) x.ram(n, "CityName", a.city);
        x.ram(n, "CountryID", country);
    };
    auto uri = [&](xmlNodePtr party, const ElectronicAddress& e) {
        x.ram(x.ram(party, "URIUniversalCommunication"), "URIID", e.value, "schemeID", e.scheme);
    };

    const auto& s = doc.seller;
    xmlNodePtr seller = x.ram(agreement, "SellerTradeParty");                               // BG-4
    if (!s.siret.empty()) x.ram(seller, "GlobalID", s.siret, "schemeID", "0009");           // BT-29
    x.ram(seller, "Name", s.legal_name);                                                    // BT-27
    if (!legal.empty()) x.ram(seller, "Description", legal);                                // BT-33
    x.ram(x.ram(seller, "SpecifiedLegalOrganization"), "ID", s.siren, "schemeID", "0002");  // BT-30
    if (!s.email.empty()) {
        xmlNodePtr contact = x.ram(seller, "DefinedTradeContact");  // BG-6
        x.ram(x.ram(contact, "EmailURIUniversalCommunication"), "URIID", s.email);
    }
    address(seller, s.postal, s.postal.country.empty() ? "FR" : s.postal.country);  // BG-5
    uri(seller, electronic_address(s.einvoice, s.siren));                           // BT-34
    if (!s.vat_number.empty())
        x.ram(x.ram(seller, "SpecifiedTaxRegistration"), "ID", s.vat_number, "schemeID", "VA");  // BT-31
    else
        // BT-32: a seller without a VAT number (franchise en base) is known
        // to the tax office by its SIREN, France's tax number for a business.
        x.ram(x.ram(seller, "SpecifiedTaxRegistration"), "ID", s.siren, "schemeID", "FC");

    const auto& b = doc.buyer;
    xmlNodePtr buyer = x.ram(agreement, "BuyerTradeParty");  // BG-7
    if (!b.siret.empty()) x.ram(buyer, "GlobalID", b.siret, "schemeID", "0009");
    x.ram(buyer, "Name", b.legal_name.empty() ? b.display_name : b.legal_name);  // BT-44
    if (!b.siren.empty()) {
        xmlNodePtr org = x.ram(buyer, "SpecifiedLegalOrganization");
        x.ram(org, "ID", b.siren, "schemeID", "0002");  // BT-47
        if (!b.legal_name.empty() && !b.display_name.empty() && b.display_name != b.legal_name)
            x.ram(org, "TradingBusinessName", b.display_name);  // BT-45
    }
    const std::string buyer_country = !b.postal.country.empty() ? b.postal.country : b.country_code;
    address(buyer, b.postal, buyer_country);              // BG-8
    uri(buyer, electronic_address(b.einvoice, b.siren));  // BT-49
    if (!b.vat_number.empty())
        x.ram(x.ram(buyer, "SpecifiedTaxRegistration"), "ID", b.vat_number, "schemeID", "VA");  // BT-48
    if (!doc.order_reference.empty())
        x.ram(x.ram(agreement, "BuyerOrderReferencedDocument"), "IssuerAssignedID", doc.order_reference);  // BT-13

    // BT-72: the services were rendered by the last line's date.
    Date delivered = doc.lines.front().service_date;
    for (const auto& line : doc.lines) delivered = std::max(delivered, line.service_date);
    x.date(x.ram(x.ram(transaction, "ApplicableHeaderTradeDelivery"), "ActualDeliverySupplyChainEvent"),
           "OccurrenceDateTime", delivered);

    xmlNodePtr settlement = x.ram(transaction, "ApplicableHeaderTradeSettlement");
    if (!credit) x.ram(settlement, "PaymentReference", doc.number);          // BT-83
    if (doc.currency != "EUR") x.ram(settlement, "TaxCurrencyCode", "EUR");  // BT-6
    x.ram(settlement, "InvoiceCurrencyCode", doc.currency);                  // BT-5
    if (!credit && !s.iban.empty()) {
        xmlNodePtr means = x.ram(settlement, "SpecifiedTradeSettlementPaymentMeans");  // BG-16
        x.ram(means, "TypeCode", "58");                                                // SEPA credit transfer
        x.ram(x.ram(means, "PayeePartyCreditorFinancialAccount"), "IBANID", s.iban);   // BT-84
        if (!s.bic.empty()) x.ram(x.ram(means, "PayeeSpecifiedCreditorFinancialInstitution"), "BICID", s.bic);  // BT-86
    }
    for (const auto& row : doc.vat_breakdown) {  // BG-23
        const VatExemption exemption = vat_exemption(row.vat_category, doc.language);
        xmlNodePtr tax = x.ram(settlement, "ApplicableTradeTax");
        x.ram(tax, "CalculatedAmount", money(row.vat));  // BT-117
        x.ram(tax, "TypeCode", "VAT");
        if (!exemption.reason.empty()) x.ram(tax, "ExemptionReason", exemption.reason);  // BT-120
        x.ram(tax, "BasisAmount", money(row.base));                                      // BT-116
        x.ram(tax, "CategoryCode", row.vat_category);                                    // BT-118
        if (!exemption.code.empty()) x.ram(tax, "ExemptionReasonCode", exemption.code);  // BT-121
        // BT-8: VAT on services is due when paid, unless the seller opted for debits.
        if (row.vat_category == "S") x.ram(tax, "DueDateTypeCode", s.vat_on_debits ? "5" : "72");
        x.ram(tax, "RateApplicablePercent", format_rate(row.rate));  // BT-119
    }
    // BT-20 and BT-9: an invoice's terms and due date; a credit note's
    // terms say how the credit is settled (it has no due date).
    xmlNodePtr terms = x.ram(settlement, "SpecifiedTradePaymentTerms");
    if (credit) {
        x.ram(terms, "Description", l.credit_settlement);
    } else {
        x.ram(terms, "Description",
              fmt::format(fmt::runtime(l.payment_terms), doc.payment_terms_days,
                          format_date_for(doc.due_date, doc.language)));
        x.date(terms, "DueDateDateTime", doc.due_date);
    }
    xmlNodePtr sums = x.ram(settlement, "SpecifiedTradeSettlementHeaderMonetarySummation");                   // BG-22
    x.ram(sums, "LineTotalAmount", money(doc.total_net));                                                     // BT-106
    x.ram(sums, "TaxBasisTotalAmount", money(doc.total_net));                                                 // BT-109
    x.ram(sums, "TaxTotalAmount", money(doc.total_vat), "currencyID", doc.currency);                          // BT-110
    if (doc.currency != "EUR") x.ram(sums, "TaxTotalAmount", money(doc.total_vat_eur), "currencyID", "EUR");  // BT-111
    x.ram(sums, "GrandTotalAmount", money(doc.total_gross));                                                  // BT-112
    if (doc.amount_paid != 0) x.ram(sums, "TotalPrepaidAmount", money(doc.amount_paid));                      // BT-113
    x.ram(sums, "DuePayableAmount", money(doc.total_gross - doc.amount_paid));                                // BT-115
    if (credit) {
        xmlNodePtr cited = x.ram(settlement, "InvoiceReferencedDocument");       // BG-3
        x.ram(cited, "IssuerAssignedID", doc.cited_invoice_number);              // BT-25
        x.date(cited, "FormattedIssueDateTime", *doc.cited_invoice_date, true);  // BT-26
    }
    return x.serialise();
}

}  // namespace sponsordesk

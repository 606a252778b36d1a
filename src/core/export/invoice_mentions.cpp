// The legal wording an invoice derives from its data: VAT exemptions and
// their codes, country names, addresses, SIREN/SIRET and the seller's legal
// line. The PDF, the workbook and the CII XML all take their words from
// here, so the three never disagree.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/invoice_labels.h"

namespace sponsordesk {
namespace {

struct Country {
    const char* code;
    const char* fr;
    const char* en;
};

// The countries a French publisher's sponsors come from: the EU, its
// neighbours and the large markets. Others print as their ISO code.
const Country kCountries[] = {
    {"AT", "Autriche", "Austria"},
    {"AU", "Australie", "Australia"},
    {"BE", "Belgique", "Belgium"},
    {"BG", "Bulgarie", "Bulgaria"},
    {"BR", "Brésil", "Brazil"},
    {"CA", "Canada", "Canada"},
    {"CH", "Suisse", "Switzerland"},
    {"CN", "Chine", "China"},
    {"CY", "Chypre", "Cyprus"},
    {"CZ", "Tchéquie", "Czechia"},
    {"DE", "Allemagne", "Germany"},
    {"DK", "Danemark", "Denmark"},
    {"EE", "Estonie", "Estonia"},
    {"ES", "Espagne", "Spain"},
    {"FI", "Finlande", "Finland"},
    {"FR", "France", "France"},
    {"GB", "Royaume-Uni", "United Kingdom"},
    {"GR", "Grèce", "Greece"},
    {"HR", "Croatie", "Croatia"},
    {"HU", "Hongrie", "Hungary"},
    {"IE", "Irlande", "Ireland"},
    {"IL", "Israël", "Israel"},
    {"IN", "Inde", "India"},
    {"IS", "Islande", "Iceland"},
    {"IT", "Italie", "Italy"},
    {"JP", "Japon", "Japan"},
    {"KR", "Corée du Sud", "South Korea"},
    {"LI", "Liechtenstein", "Liechtenstein"},
    {"LT", "Lituanie", "Lithuania"},
    {"LU", "Luxembourg", "Luxembourg"},
    {"LV", "Lettonie", "Latvia"},
    {"MA", "Maroc", "Morocco"},
    {"MC", "Monaco", "Monaco"},
    {"MT", "Malte", "Malta"},
    {"MX", "Mexique", "Mexico"},
    {"NL", "Pays-Bas", "Netherlands"},
    {"NO", "Norvège", "Norway"},
    {"NZ", "Nouvelle-Zélande", "New Zealand"},
    {"PL", "Pologne", "Poland"},
    {"PT", "Portugal", "Portugal"},
    {"RO", "Roumanie", "Romania"},
    {"SE", "Suède", "Sweden"},
    {"SG", "Singapour", "Singapore"},
    {"SI", "Slovénie", "Slovenia"},
    {"SK", "Slovaquie", "Slovakia"},
    {"TN", "Tunisie", "Tunisia"},
    {"TR", "Turquie", "Türkiye"},
    {"UA", "Ukraine", "Ukraine"},
    {"US", "États-Unis", "United States"},
};

std::string digits_only(const std::string& s) {
    std::string d;
    for (char c : s)
        if (c >= '0' && c <= '9')
            d += c;
        else if (c != ' ')
            return {};
    return d;
}

// "10 000 €" rather than "10 000,00 €" when the amount is whole.
std::string whole_money(Minor minor, const std::string& language) {
    std::string s = format_money(minor, "EUR", language);
    if (minor % 100 != 0) return s;
    const std::string cents = language == "fr" ? ",00" : ".00";
    const size_t at = s.find(cents);
    if (at != std::string::npos) s.erase(at, cents.size());
    return s;
}

}  // namespace

VatExemption vat_exemption(const std::string& category, const std::string& language) {
    const bool fr = language == "fr";
    if (category == "S") return {};
    if (category == "AE")
        return {"VATEX-EU-AE",
                fr ? "Autoliquidation" : "Autoliquidation — reverse charge, art. 196 of Directive 2006/112/EC"};
    if (category == "G")
        return {"VATEX-EU-G", fr ? "TVA non applicable, art. 259-1 du CGI"
                                 : "VAT not applicable, art. 259-1 of the French tax code (CGI)"};
    if (category == "E")
        // The French words are the legal mention, in every language.
        return {"VATEX-FR-FRANCHISE", fr ? "TVA non applicable, art. 293 B du CGI"
                                         : "TVA non applicable, art. 293 B du CGI (VAT not applicable: small "
                                           "business exemption, art. 293 B of the French tax code)"};
    throw InvalidInput({ErrorCode::ExportFailure, "", {}},
                       fmt::format("VAT category {} is not S, AE, G or E", quote_value(category)));
}

std::vector<std::string> vat_mentions(const InvoiceDocument& doc) {
    std::vector<std::string> out;
    if (doc.legacy) {
        if (!doc.vat_mention.empty()) out.push_back(doc.vat_mention);
        return out;
    }
    for (const auto& row : doc.vat_breakdown) {
        std::string reason = vat_exemption(row.vat_category, doc.language).reason;
        if (!reason.empty() && std::find(out.begin(), out.end(), reason) == out.end()) out.push_back(reason);
    }
    if (doc.seller.vat_on_debits) out.push_back(invoice_labels(doc.language).vat_on_debits);
    return out;
}

std::string country_name(const std::string& iso_code, const std::string& language) {
    for (const auto& c : kCountries)
        if (iso_code == c.code) return language == "fr" ? c.fr : c.en;
    return iso_code;
}

std::vector<std::string> postal_lines(const PostalAddress& a, const std::string& language,
                                      const std::string& home_country) {
    std::vector<std::string> out;
    if (!a.line1.empty()) out.push_back(a.line1);
    if (!a.line2.empty()) out.push_back(a.line2);
    const std::string country = a.country.empty() ? "FR" : a.country;
    // The English-speaking countries write the city first.
    const bool city_first = country == "US" || country == "GB" || country == "CA" || country == "AU";
    std::string place = city_first ? a.city + (a.postcode.empty() ? "" : " " + a.postcode)
                                   : (a.postcode.empty() ? "" : a.postcode + " ") + a.city;
    if (!place.empty()) out.push_back(place);
    if (country != home_country) out.push_back(country_name(country, language));
    return out;
}

std::string format_siren(const std::string& siren) {
    const std::string d = digits_only(siren);
    if (d.size() != 9) return siren;
    return d.substr(0, 3) + " " + d.substr(3, 3) + " " + d.substr(6, 3);
}

std::string format_siret(const std::string& siret) {
    const std::string d = digits_only(siret);
    if (d.size() != 14) return siret;
    return format_siren(d.substr(0, 9)) + " " + d.substr(9);
}

std::string seller_legal_line(const InvoiceSeller& s, const std::string& language) {
    const InvoiceLabels& l = invoice_labels(language);
    std::vector<std::string> parts;
    if (s.share_capital >= 0) {
        const std::string capital = whole_money(s.share_capital, language);
        parts.push_back(s.legal_form.empty() ? fmt::format(fmt::runtime(l.capital_alone), capital)
                                             : fmt::format(fmt::runtime(l.share_capital), s.legal_form, capital));
    } else if (!s.legal_form.empty()) {
        parts.push_back(s.legal_form);
    }
    if (!s.registry.empty()) {
        // "RCS Lyon 732 829 320"; an exemption from registration stands alone.
        const bool exempt = s.registry.find("ispens") != std::string::npos;
        parts.push_back(exempt || s.siren.empty() ? s.registry : s.registry + " " + format_siren(s.siren));
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " — ") + p;
    return out;
}

std::string format_eur_rate(std::int64_t micro, const std::string& language) {
    std::string s = fmt::format("{}{}{:06}", micro / 1000000, language == "fr" ? "," : ".", micro % 1000000);
    while (s.back() == '0') s.pop_back();
    if (s.back() == ',' || s.back() == '.') s.pop_back();
    return s;
}

}  // namespace sponsordesk

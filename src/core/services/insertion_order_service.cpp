#include "sponsordesk/services/insertion_order_service.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/io/output_file.h"
#include "sponsordesk/services/invoice_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/catalog_repository.h"

namespace sponsordesk {
namespace {

InvoiceSeller seller_of(const Publisher& p) {
    InvoiceSeller s;
    s.legal_name = p.name;
    s.address = p.address;
    s.postal = p.postal;
    if (s.postal.country.empty()) s.postal.country = "FR";
    s.siren = p.siren;
    s.siret = p.siret;
    s.legal_form = p.legal_form;
    s.share_capital = p.share_capital;
    s.registry = p.registry;
    s.vat_regime = p.vat_regime;
    s.vat_number = p.vat_number;
    s.iban = p.iban;
    s.bic = p.bic;
    s.email = p.email;
    s.footer = p.footer;
    return s;
}

InvoiceBuyer buyer_of(const Sponsor& sp) {
    InvoiceBuyer b;
    b.display_name = sp.name;
    b.legal_name = sp.legal_name;
    b.address = sp.address;
    b.postal = sp.postal;
    if (b.postal.country.empty()) b.postal.country = sp.country;
    b.country_code = sp.country;
    b.siren = sp.siren;
    b.siret = sp.siret;
    b.vat_number = sp.vat_number;
    b.business = sp.business;
    return b;
}

}  // namespace

InsertionOrder InsertionOrderService::build(const std::vector<BookingId>& ids) {
    if (ids.empty())
        throw InvalidInput({ErrorCode::NoBookingsListed, "bookings", {}},
                           "no bookings listed: give booking ids, e.g. --bookings 12,13");
    std::set<Id> seen;
    for (BookingId b : ids)
        if (!seen.insert(b.value).second)
            throw InvalidInput({ErrorCode::BookingListedTwice, "bookings", {{"booking", b.value}}},
                               fmt::format("booking {} is listed twice", b.value));
    const Date today = Date::today();
    BookingRepository bookings(db_);
    std::vector<BookingView> views;
    for (BookingId b : ids) {
        auto v = bookings.view(b.value, today);
        if (!v)
            throw NotFound({ErrorCode::BookingNotFound, "bookings", {{"id", b.value}}},
                           fmt::format("no booking with id {}", b.value));
        if (!views.empty() && v->booking.sponsor_id != views.front().booking.sponsor_id)
            throw InvalidInput(
                {ErrorCode::OtherSponsor,
                 "bookings",
                 {{"booking", b.value}, {"owner", v->sponsor_name}, {"sponsor", views.front().sponsor_name}}},
                fmt::format("booking {} is booked by {}, not by {}: an insertion order is for one sponsor", b.value,
                            quote_value(v->sponsor_name), quote_value(views.front().sponsor_name)));
        if (v->booking.status == BookingStatus::Cancelled)
            throw Conflict({ErrorCode::BookingCancelled, "bookings", {{"booking", b.value}}},
                           fmt::format("booking {} is cancelled: there is nothing to order", b.value));
        views.push_back(std::move(*v));
    }
    std::set<std::string> currencies;
    for (const auto& v : views) currencies.insert(v.currency);
    if (currencies.size() > 1)
        throw InvalidInput({ErrorCode::MixedCurrencies,
                            "bookings",
                            {{"currencies", std::vector<std::string>(currencies.begin(), currencies.end())}}},
                           fmt::format("the bookings are in {}: an insertion order has one currency",
                                       *currencies.begin() + " and " + *currencies.rbegin()));
    std::stable_sort(views.begin(), views.end(),
                     [](const BookingView& a, const BookingView& b) { return a.issue_date < b.issue_date; });

    CatalogRepository catalog(db_);
    std::set<std::string> languages;
    for (const auto& v : views)
        if (auto pub = catalog.publication_by_slug(v.publication_slug)) languages.insert(pub->language);
    const Publisher publisher = catalog.publisher();
    const Sponsor sponsor = SponsorService(db_).get(SponsorId{views.front().booking.sponsor_id});

    InsertionOrder o;
    o.language = languages.size() == 1 ? *languages.begin() : "fr";
    o.currency = *currencies.begin();
    o.date = today;
    o.seller = seller_of(publisher);
    o.buyer = buyer_of(sponsor);
    // The VAT the invoice will carry: the same rule as invoices.
    const VatTreatment vat = InvoiceService::vat_treatment(publisher, sponsor, o.language);
    o.vat_category = vat.category;
    o.vat_rate = vat.rate;
    o.payment_terms_days = sponsor.payment_terms_days;
    for (const auto& v : views) {
        InsertionOrderLine l;
        l.booking_id = v.booking.id;
        l.publication = v.publication_name;
        l.issue_number = v.issue_number;
        l.issue_date = v.issue_date;
        l.placement = v.placement_name;
        l.list_price = v.list_price;
        l.price = v.booking.price;
        l.copy_due = v.copy_due;
        o.total_list += std::max(l.list_price, l.price);
        o.total_discount += std::max<Minor>(l.list_price - l.price, 0);
        o.total_net += l.price;
        // Rounded per line, as the invoice will be.
        o.total_vat += apply_rate(l.price, vat.rate);
        o.lines.push_back(std::move(l));
    }
    o.total_gross = o.total_net + o.total_vat;
    return o;
}

InsertionOrder InsertionOrderService::export_pdf(const std::vector<BookingId>& ids, const std::string& path) {
    OutputFile::check(path, "insertion order PDF");
    InsertionOrder o = build(ids);
    write_insertion_order_pdf(o, path);
    return o;
}

}  // namespace sponsordesk

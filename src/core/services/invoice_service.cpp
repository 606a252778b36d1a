#include "sponsordesk/services/invoice_service.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/validation.h"
#include "sponsordesk/services/invoice_rules.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "activity_log.h"

namespace sponsordesk {
namespace {

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

std::string name_of(const Invoice& inv) {
    if (inv.number) return *inv.number;
    return fmt::format("draft #{}", inv.id);
}

std::string kind_word(const Invoice& inv) { return inv.kind == InvoiceKind::CreditNote ? "credit note" : "invoice"; }

// One row per VAT category and rate (EN 16931 BG-23), by category then rate.
std::vector<VatBreakdownRow> vat_breakdown_of(const std::vector<InvoiceLine>& lines) {
    std::map<std::pair<std::string, RateBp>, VatBreakdownRow> rows;
    for (const auto& l : lines) {
        auto& r = rows[{l.vat_category, l.vat_rate}];
        r.vat_category = l.vat_category;
        r.rate = l.vat_rate;
        r.base += l.net;
        r.vat += l.vat;
    }
    std::vector<VatBreakdownRow> out;
    for (const auto& [key, r] : rows) out.push_back(r);
    return out;
}

std::string format_number(InvoiceKind kind, int year, int n) {
    return kind == InvoiceKind::CreditNote ? fmt::format("AV-{:04}-{:04}", year, n)
                                           : fmt::format("{:04}-{:04}", year, n);
}

nlohmann::json postal_json(const PostalAddress& a) {
    return {{"line1", a.line1}, {"line2", a.line2}, {"postcode", a.postcode}, {"city", a.city}, {"country", a.country}};
}

nlohmann::json einvoice_json(const ElectronicAddress& e) { return {{"value", e.value}, {"scheme", e.scheme}}; }

// The seller and buyer as issuing freezes them. The "postal" key marks a
// snapshot taken with the 2026 data; older ones are legacy documents.
std::string seller_snapshot(const Publisher& p) {
    PostalAddress postal = p.postal;
    if (postal.country.empty()) postal.country = "FR";
    nlohmann::json j = {{"legal_name", p.name},
                        {"address", p.address},
                        {"postal", postal_json(postal)},
                        {"country_code", postal.country},
                        {"siren", p.siren},
                        {"siret", p.siret},
                        {"vat_number", p.vat_number},
                        {"legal_form", p.legal_form},
                        {"share_capital", p.share_capital},
                        {"registry", p.registry},
                        {"einvoice", einvoice_json(invoice_rules::seller_einvoice_address(p))},
                        {"vat_on_debits", p.vat_on_debits},
                        {"vat_regime", to_string(p.vat_regime)},
                        {"iban", p.iban},
                        {"bic", p.bic},
                        {"email", p.email},
                        {"footer", p.footer},
                        // UNTDID 4461 code 58: SEPA credit transfer, the payment means offered.
                        {"payment_means_code", p.iban.empty() ? "" : "58"}};
    return j.dump();
}

std::string buyer_snapshot(const Sponsor& s, const std::vector<Contact>& contacts) {
    PostalAddress postal = s.postal;
    if (postal.country.empty()) postal.country = s.country;
    nlohmann::json j = {{"sponsor_id", s.id},
                        {"display_name", s.name},
                        {"legal_name", s.legal_name},
                        {"address", s.address},
                        {"postal", postal_json(postal)},
                        {"country_code", s.country},
                        {"siren", s.siren},
                        {"siret", s.siret},
                        {"vat_number", s.vat_number},
                        {"einvoice", einvoice_json(invoice_rules::buyer_einvoice_address(s, contacts))},
                        {"business", s.business}};
    return j.dump();
}

void check_not_future(const Date& d, const Date& today, const char* what, const char* field) {
    if (today < d)
        throw InvalidInput({ErrorCode::DateInFuture, field, {{"date", d.iso()}, {"today", today.iso()}}},
                           fmt::format("{} {} is after today ({})", what, d.iso(), today.iso()));
}

// Numbering is chronological within a year: a document cannot be dated
// before one that already has an earlier number.
void check_chronology(InvoiceRepository& repo, InvoiceKind kind, const Date& date) {
    if (auto latest = repo.latest_issue_date(kind, date.year); latest && date < *latest)
        throw Conflict({ErrorCode::NumbersFollowDates,
                        "date",
                        {{"kind", std::string(kind == InvoiceKind::CreditNote ? "credit_note" : "invoice")},
                         {"date", date.iso()},
                         {"latest", latest->iso()}}},
                       fmt::format("{} numbers follow their dates: one of {} is already dated {}, so a new one "
                                   "cannot be dated {}",
                                   kind == InvoiceKind::CreditNote ? "credit note" : "invoice", date.year,
                                   latest->iso(), date.iso()));
}

// Refuses, listing every missing item at once, what French law and EN 16931
// require of the parties (invoice_rules). `sponsor` is null when the buyer
// is already frozen (a credit note takes the cancelled invoice's).
void require_invoice_data(const Publisher& p, const Sponsor* sponsor, const std::vector<Contact>& contacts,
                          const std::string& what) {
    std::vector<std::string> keys = invoice_rules::missing_seller_data(p);
    if (sponsor) {
        const auto buyer = invoice_rules::missing_buyer_data(*sponsor, contacts);
        keys.insert(keys.end(), buyer.begin(), buyer.end());
    }
    if (keys.empty()) return;
    std::vector<std::string> labels;
    for (const auto& k : keys) labels.push_back(invoice_rules::english_label(k));
    ErrorValues values = {{"fields", keys}};
    if (sponsor) values["sponsor"] = sponsor->name;
    throw InvalidInput({ErrorCode::MissingInvoiceData, "invoice", values},
                       fmt::format("cannot issue {}: missing {}", what, join(labels, "; ")));
}

}  // namespace

std::string to_string(InvoiceState s) {
    switch (s) {
        case InvoiceState::Draft:
            return "draft";
        case InvoiceState::Issued:
            return "issued";
        case InvoiceState::Paid:
            return "paid";
        case InvoiceState::Overdue:
            return "overdue";
        case InvoiceState::Cancelled:
            return "cancelled";
    }
    return "draft";
}

InvoiceState invoice_state_from(const std::string& s) {
    if (s == "draft") return InvoiceState::Draft;
    if (s == "issued") return InvoiceState::Issued;
    if (s == "paid") return InvoiceState::Paid;
    if (s == "overdue") return InvoiceState::Overdue;
    if (s == "cancelled") return InvoiceState::Cancelled;
    throw InvalidInput(
        {ErrorCode::InvalidChoice,
         "status",
         {{"value", s}, {"choices", std::vector<std::string>{"draft", "issued", "paid", "overdue", "cancelled"}}}},
        fmt::format("invoice status {} is not draft, issued, paid, overdue or cancelled", quote_value(s)));
}

// ---------------------------------------------------------------- reading

InvoiceView InvoiceService::view(const InvoiceRow& row, const Date& today) {
    InvoiceRepository repo(db_);
    InvoiceView v;
    v.invoice = row.invoice;
    v.sponsor_name = row.sponsor_name;
    v.paid = row.paid;
    v.credited_number = row.credited_number;
    v.credited_date = row.credited_date;
    v.credit_note_number = row.credit_note_number;
    v.lines = repo.lines(row.invoice.id);
    v.payments = repo.payments(row.invoice.id);
    v.vat_breakdown = vat_breakdown_of(v.lines);

    const Invoice& inv = v.invoice;
    switch (inv.status) {
        case InvoiceStatus::Draft:
            v.state = InvoiceState::Draft;
            break;
        case InvoiceStatus::Paid:
            v.state = InvoiceState::Paid;
            break;
        case InvoiceStatus::Cancelled:
            v.state = InvoiceState::Cancelled;
            break;
        case InvoiceStatus::Issued:
            v.state = InvoiceState::Issued;
            break;
    }
    const bool receivable =
        inv.kind == InvoiceKind::Invoice && (inv.status == InvoiceStatus::Issued || inv.status == InvoiceStatus::Paid);
    v.outstanding = receivable ? inv.gross - v.paid : 0;
    if (invoice_rules::is_overdue(inv.kind, inv.status, inv.due_date, v.outstanding, today)) {
        v.state = InvoiceState::Overdue;
        v.days_overdue = invoice_rules::days_overdue(inv.due_date, today);
    }
    if (inv.kind == InvoiceKind::CreditNote && inv.number) {
        v.refunds = repo.refunds(inv.id);
        for (const auto& r : v.refunds) v.refunded += r.amount;
    }
    if (inv.kind == InvoiceKind::Invoice && inv.issue_date) {
        std::vector<Date> dates;
        for (const auto& l : v.lines) dates.push_back(l.service_date);
        v.month_ended = invoice_rules::month_ended_before(dates, *inv.issue_date);
    }
    return v;
}

namespace {

[[noreturn]] void no_invoice(InvoiceId id) {
    throw NotFound({ErrorCode::InvoiceNotFound, "invoice", {{"id", id.value}}},
                   fmt::format("no invoice with id {}", id.value));
}

}  // namespace

InvoiceView InvoiceService::get(InvoiceId id) {
    auto row = InvoiceRepository(db_).row(id.value);
    if (!row) no_invoice(id);
    return view(*row, Date::today());
}

std::optional<InvoiceId> InvoiceService::find_by_number(const std::string& number) {
    if (auto id = InvoiceRepository(db_).find_by_number(number)) return InvoiceId{*id};
    return std::nullopt;
}

bool InvoiceService::exists(InvoiceId id) { return id.value > 0 && InvoiceRepository(db_).find(id.value).has_value(); }

std::vector<InvoiceView> InvoiceService::list(const InvoiceQuery& q) {
    InvoiceFilter f;
    if (q.sponsor) f.sponsor_id = SponsorService(db_).get(*q.sponsor).id;
    if (q.state) {
        switch (*q.state) {
            case InvoiceState::Draft:
                f.status = InvoiceStatus::Draft;
                break;
            case InvoiceState::Issued:
            case InvoiceState::Overdue:
                f.status = InvoiceStatus::Issued;
                break;
            case InvoiceState::Paid:
                f.status = InvoiceStatus::Paid;
                break;
            case InvoiceState::Cancelled:
                f.status = InvoiceStatus::Cancelled;
                break;
        }
    }
    const Date today = Date::today();
    std::vector<InvoiceView> out;
    for (const auto& row : InvoiceRepository(db_).list(f)) {
        InvoiceView v = view(row, today);
        // The filter matches the status as shown: "issued" leaves out the overdue ones.
        if (q.state && v.state != *q.state) continue;
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<InvoiceView> InvoiceService::list_for_sponsor(SponsorId sponsor) {
    InvoiceFilter f;
    f.sponsor_id = sponsor.value;
    const Date today = Date::today();
    std::vector<InvoiceView> out;
    for (const auto& row : InvoiceRepository(db_).list(f)) out.push_back(view(row, today));
    return out;
}

std::vector<BookingView> InvoiceService::uninvoiced_bookings(SponsorId sponsor, std::optional<Month> month) {
    BookingFilter f;
    f.today = Date::today();
    f.sponsor_id = SponsorService(db_).get(sponsor).id;
    if (month) {
        f.from = month->first();
        f.to = month->last();
    }
    std::vector<BookingView> out;
    for (auto& b : BookingRepository(db_).list(f))
        if (booking_rules::is_invoiceable(b.booking.status, b.invoice.has_value())) out.push_back(std::move(b));
    return out;
}

// ---------------------------------------------------------------- drafts

InvoiceReferences InvoiceService::validated(InvoiceReferences refs) {
    refs.order_reference = validate::line("order reference", refs.order_reference, 100);
    if (refs.buyer_reference) refs.buyer_reference = validate::line("buyer reference", *refs.buyer_reference, 100);
    return refs;
}

InvoiceView InvoiceService::create(const Sponsor& sponsor, const std::vector<BookingView>& bookings,
                                   const InvoiceReferences& refs) {
    std::set<std::string> currencies;
    for (const auto& b : bookings) currencies.insert(b.currency);
    if (currencies.size() > 1)
        throw InvalidInput({ErrorCode::MixedCurrencies,
                            "bookings",
                            {{"currencies", std::vector<std::string>(currencies.begin(), currencies.end())}}},
                           fmt::format("the bookings are in {}: an invoice has one currency; invoice each currency "
                                       "separately with --bookings",
                                       join({currencies.begin(), currencies.end()}, " and ")));
    // The language of the publications; French, the seller's, when they differ.
    CatalogRepository catalog(db_);
    std::set<std::string> languages;
    for (const auto& b : bookings)
        if (auto pub = catalog.publication_by_slug(b.publication_slug)) languages.insert(pub->language);
    const std::string language = languages.size() == 1 ? *languages.begin() : "fr";

    const VatTreatment vat = vat_treatment(catalog.publisher(), sponsor, language);
    Invoice inv;
    inv.kind = InvoiceKind::Invoice;
    inv.sponsor_id = sponsor.id;
    inv.currency = *currencies.begin();
    inv.language = language;
    inv.vat_mention = vat.mention;
    inv.payment_terms_days = sponsor.payment_terms_days;
    inv.order_reference = refs.order_reference;
    inv.buyer_reference = refs.buyer_reference.value_or(sponsor.buyer_reference);
    std::vector<InvoiceLine> lines;
    for (const auto& b : bookings) {
        InvoiceLine l;
        l.booking_id = b.booking.id;
        l.position = static_cast<int>(lines.size()) + 1;
        l.description = fmt::format("{} — {} — {}", b.publication_name, b.issue_date.iso(), b.placement_name);
        l.service_date = b.issue_date;
        l.quantity = 1;
        l.unit_net = b.booking.price;
        // Sold under the list price: the invoice shows list, discount and net.
        l.list_unit = b.list_price > b.booking.price ? b.list_price : 0;
        l.net = b.booking.price;
        l.vat_rate = vat.rate;
        l.vat_category = vat.category;
        l.vat = apply_rate(l.net, l.vat_rate);
        l.gross = l.net + l.vat;
        inv.net += l.net;
        inv.vat += l.vat;
        inv.gross += l.gross;
        lines.push_back(l);
    }
    InvoiceRepository repo(db_);
    inv.id = repo.insert(inv);
    for (auto& l : lines) {
        l.invoice_id = inv.id;
        repo.insert_line(l);
    }
    activity_log::record(db_, "invoice create", activity_log::kInvoice, inv.id,
                         fmt::format("{} for {}, {} booking{}, {} net", name_of(inv), sponsor.name, lines.size(),
                                     lines.size() == 1 ? "" : "s", activity_log::money(inv.net, inv.currency)));
    return get(InvoiceId{inv.id});
}

InvoiceView InvoiceService::create_for_month(SponsorId sponsor_id, const Month& month,
                                             const InvoiceReferences& given_refs) {
    const InvoiceReferences refs = validated(given_refs);
    WriteTransaction tx(db_);
    Sponsor sponsor = SponsorService(db_).get(sponsor_id);
    BookingFilter f;
    f.today = Date::today();
    f.sponsor_id = sponsor.id;
    f.from = month.first();
    f.to = month.last();
    std::vector<BookingView> take;
    int invoiced = 0, holds = 0, cancelled = 0;
    for (auto& b : BookingRepository(db_).list(f)) {
        if (booking_rules::is_invoiceable(b.booking.status, b.invoice.has_value()))
            take.push_back(std::move(b));
        else if (b.booking.status == BookingStatus::Cancelled)
            ++cancelled;
        else if (b.booking.status == BookingStatus::Hold)
            ++holds;
        else
            ++invoiced;
    }
    if (take.empty()) {
        std::vector<std::string> skipped;
        if (invoiced) skipped.push_back(fmt::format("{} already invoiced", invoiced));
        if (holds) skipped.push_back(fmt::format("{} on hold", holds));
        if (cancelled) skipped.push_back(fmt::format("{} cancelled", cancelled));
        throw NotFound({ErrorCode::NothingToInvoice,
                        "month",
                        {{"sponsor", sponsor.name},
                         {"month", month.iso()},
                         {"invoiced", std::int64_t{invoiced}},
                         {"holds", std::int64_t{holds}},
                         {"cancelled", std::int64_t{cancelled}}}},
                       fmt::format("sponsor {} has no bookings to invoice in {}{}", quote_value(sponsor.name),
                                   month.iso(), skipped.empty() ? "" : " (" + join(skipped, ", ") + ")"));
    }
    InvoiceView v = create(sponsor, take, refs);
    tx.commit();
    return v;
}

InvoiceView InvoiceService::create_for_bookings(SponsorId sponsor_id, const std::vector<BookingId>& booking_ids,
                                                const InvoiceReferences& given_refs) {
    const InvoiceReferences refs = validated(given_refs);
    if (booking_ids.empty())
        throw InvalidInput({ErrorCode::NoBookingsListed, "bookings", {}},
                           "no bookings listed: give booking ids, e.g. --bookings 12,13");
    std::vector<Id> ids;
    for (BookingId b : booking_ids) ids.push_back(b.value);
    std::set<Id> seen;
    for (Id id : ids)
        if (!seen.insert(id).second)
            throw InvalidInput({ErrorCode::BookingListedTwice, "bookings", {{"booking", id}}},
                               fmt::format("booking {} is listed twice", id));
    WriteTransaction tx(db_);
    Sponsor sponsor = SponsorService(db_).get(sponsor_id);
    BookingRepository bookings(db_);
    const Date today = Date::today();
    std::vector<BookingView> take;
    for (Id id : ids) {
        auto b = bookings.view(id, today);
        if (!b)
            throw NotFound({ErrorCode::BookingNotFound, "bookings", {{"id", id}}},
                           fmt::format("no booking with id {}", id));
        if (b->booking.sponsor_id != sponsor.id)
            throw InvalidInput({ErrorCode::OtherSponsor,
                                "bookings",
                                {{"booking", id}, {"owner", b->sponsor_name}, {"sponsor", sponsor.name}}},
                               fmt::format("booking {} is booked by {}, not by {}", id, quote_value(b->sponsor_name),
                                           quote_value(sponsor.name)));
        if (b->booking.status == BookingStatus::Cancelled)
            throw Conflict({ErrorCode::BookingCancelled, "bookings", {{"booking", id}}},
                           fmt::format("booking {} is cancelled: there is nothing to invoice", id));
        if (b->booking.status == BookingStatus::Hold)
            throw Conflict({ErrorCode::BookingOnHold, "bookings", {{"booking", id}}},
                           fmt::format("booking {} is a hold: confirm it before invoicing it", id));
        if (b->invoice) {
            ErrorValues values{{"booking", id}, {"invoice_id", b->invoice->id}};
            if (b->invoice->number) values["invoice"] = *b->invoice->number;
            throw Conflict({ErrorCode::AlreadyInvoiced, "bookings", std::move(values)},
                           fmt::format("booking {} is already on invoice {}", id, english_ref(*b->invoice)));
        }
        take.push_back(std::move(*b));
    }
    std::stable_sort(take.begin(), take.end(),
                     [](const BookingView& a, const BookingView& b) { return a.issue_date < b.issue_date; });
    InvoiceView v = create(sponsor, take, refs);
    tx.commit();
    return v;
}

// ---------------------------------------------------------------- issuing

namespace {

// A draft line as issuing freezes it: the sponsor's VAT rate and category,
// VAT per line rounded half away from zero. issue() stores it; the preview
// shows it.
InvoiceLine frozen_line(InvoiceLine l, const VatTreatment& vat) {
    // A free line (no booking) keeps the standard rate it was given.
    const bool own_rate = !l.booking_id && vat.category == "S" && l.vat_rate > 0;
    l.vat_rate = own_rate ? l.vat_rate : vat.rate;
    l.vat_category = vat.category;
    l.vat = apply_rate(l.net, l.vat_rate);
    l.gross = l.net + l.vat;
    return l;
}

// What issuing a draft on `date` requires: still a draft, every datum French
// law and EN 16931 ask of both parties, a date not in the future nor before
// a numbered invoice. The same for issue() and for the number shown before
// asking.
void check_issuable(InvoiceRepository& repo, const Invoice& inv, const Publisher& publisher, const Sponsor& sponsor,
                    const std::vector<Contact>& contacts, const Date& date, const Date& today) {
    if (inv.status != InvoiceStatus::Draft)
        throw Conflict(
            {ErrorCode::NotDraft, "invoice", {{"invoice", name_of(inv)}, {"status", to_string(inv.status)}}},
            fmt::format("{} {} is already issued (status {})", kind_word(inv), name_of(inv), to_string(inv.status)));
    require_invoice_data(publisher, &sponsor, contacts, fmt::format("invoice {}", name_of(inv)));
    check_not_future(date, today, "issue date", "date");
    check_chronology(repo, InvoiceKind::Invoice, date);
}

// An invoice in another currency shows its VAT total in euros too: the
// rate is required then, and meaningless for an invoice in euros.
void check_eur_rate(const Invoice& inv, const std::optional<std::int64_t>& eur_rate) {
    if (inv.currency != "EUR" && !eur_rate)
        throw InvalidInput({ErrorCode::MissingEurRate, "eur_rate", {{"currency", inv.currency}}},
                           fmt::format("invoice {} is in {}: give the euros per {} of the issue date with --eur-rate "
                                       "(its VAT total must also be shown in euros)",
                                       name_of(inv), inv.currency, inv.currency));
    if (inv.currency == "EUR" && eur_rate)
        throw InvalidInput(
            {ErrorCode::EurRateNotApplicable, "eur_rate", {{"currency", inv.currency}}},
            fmt::format("invoice {} is in EUR: --eur-rate applies only to other currencies", name_of(inv)));
}

}  // namespace

InvoiceView InvoiceService::add_line(InvoiceId invoice, const std::string& description, Minor amount,
                                     std::optional<RateBp> rate) {
    const std::string text = validate::name("description", description, 300);
    if (amount <= 0)
        throw InvalidInput(
            {ErrorCode::OutOfRange, "amount", {{"value", format_amount(amount)}, {"min", std::int64_t{1}}}},
            fmt::format("line amount {} must be more than 0", format_amount(amount)));
    if (rate && (*rate <= 0 || *rate > 10000))
        throw InvalidInput({ErrorCode::OutOfRange,
                            "vat_rate",
                            {{"value", format_rate(*rate)}, {"min", std::int64_t{1}}, {"max", std::int64_t{10000}}}},
                           fmt::format("VAT rate {} % is out of range (more than 0, at most 100)", format_rate(*rate)));
    WriteTransaction tx(db_);
    InvoiceRepository repo(db_);
    auto inv = repo.find(invoice.value);
    if (!inv) no_invoice(invoice);
    if (inv->status != InvoiceStatus::Draft)
        throw Conflict(
            {ErrorCode::NotDraft, "invoice", {{"invoice", name_of(*inv)}, {"status", to_string(inv->status)}}},
            fmt::format("{} {} is already issued (status {}): lines are added to drafts only", kind_word(*inv),
                        name_of(*inv), to_string(inv->status)));
    const Sponsor sponsor = SponsorService(db_).get(SponsorId{inv->sponsor_id});
    const VatTreatment vat = vat_treatment(CatalogRepository(db_).publisher(), sponsor, inv->language);
    if (rate && vat.category != "S")
        throw InvalidInput(
            {ErrorCode::VatRateNotApplicable, "vat_rate", {{"invoice", name_of(*inv)}, {"category", vat.category}}},
            fmt::format("invoice {} to {} carries no VAT (category {}): --vat-rate does not apply", name_of(*inv),
                        quote_value(sponsor.name), vat.category));
    const auto lines = repo.lines(inv->id);
    InvoiceLine l;
    l.invoice_id = inv->id;
    l.position = 1;
    l.service_date = lines.empty() ? Date::today() : lines.front().service_date;
    for (const auto& o : lines) {
        l.position = std::max(l.position, o.position + 1);
        l.service_date = std::max(l.service_date, o.service_date);
    }
    l.description = text;
    l.unit_net = l.net = amount;
    l.vat_rate = rate.value_or(vat.rate);
    l = frozen_line(l, vat);
    repo.insert_line(l);
    inv->net += l.net;
    inv->vat += l.vat;
    inv->gross += l.gross;
    repo.update_draft(*inv);
    activity_log::record(
        db_, "invoice add-line", activity_log::kInvoice, inv->id,
        fmt::format("{}: line {}, {} net", name_of(*inv), text, activity_log::money(l.net, inv->currency)));
    tx.commit();
    return get(invoice);
}

InvoiceView InvoiceService::issue(InvoiceId invoice, std::optional<Date> date, std::optional<std::int64_t> eur_rate) {
    const Date today = Date::today();
    const Date issue_date = date.value_or(today);
    const Id id = invoice.value;
    WriteTransaction tx(db_);
    InvoiceRepository repo(db_);
    auto inv = repo.find(id);
    if (!inv) no_invoice(invoice);
    const Publisher publisher = CatalogRepository(db_).publisher();
    // VAT follows the sponsor as it is when the invoice is issued: the draft
    // may be older than a change of country or VAT number.
    SponsorService sponsors(db_);
    const Sponsor sponsor = sponsors.get(SponsorId{inv->sponsor_id});
    const std::vector<Contact> contacts = sponsors.contacts(SponsorId{inv->sponsor_id});
    check_issuable(repo, *inv, publisher, sponsor, contacts, issue_date, today);
    check_eur_rate(*inv, eur_rate);

    const VatTreatment vat = vat_treatment(publisher, sponsor, inv->language);
    inv->net = inv->vat = inv->gross = 0;
    for (const auto& l : repo.lines(id)) {
        const InvoiceLine f = frozen_line(l, vat);
        if (l.vat_rate != f.vat_rate || l.vat_category != f.vat_category || l.vat != f.vat)
            repo.update_line_vat(l.id, f.vat_rate, f.vat_category, f.vat, f.gross);
        inv->net += f.net;
        inv->vat += f.vat;
        inv->gross += f.gross;
    }
    inv->vat_mention = vat.mention;
    inv->payment_terms_days = sponsor.payment_terms_days;
    repo.update_draft(*inv);
    repo.set_eur_rate(id, eur_rate);

    const int n = repo.next_number(InvoiceKind::Invoice, issue_date.year);
    const Date due = issue_date.add_days(sponsor.payment_terms_days);
    // Nothing to collect on a zero invoice (free bookings): it is paid as issued.
    const InvoiceStatus status = inv->gross <= 0 ? InvoiceStatus::Paid : InvoiceStatus::Issued;
    const std::string number = format_number(InvoiceKind::Invoice, issue_date.year, n);
    repo.issue(id, number, issue_date, due, seller_snapshot(publisher), buyer_snapshot(sponsor, contacts), status);
    store_original(invoice);
    activity_log::record(db_, "invoice issue", activity_log::kInvoice, id,
                         fmt::format("{} → {} for {}, {} gross, dated {}, due {}", name_of(*inv), number, sponsor.name,
                                     activity_log::money(inv->gross, inv->currency), issue_date.iso(), due.iso()));
    tx.commit();
    return get(invoice);
}

std::string InvoiceService::next_number(InvoiceId id, const Date& date) {
    InvoiceRepository repo(db_);
    auto inv = repo.find(id.value);
    if (!inv) no_invoice(id);
    SponsorService sponsors(db_);
    check_issuable(repo, *inv, CatalogRepository(db_).publisher(), sponsors.get(SponsorId{inv->sponsor_id}),
                   sponsors.contacts(SponsorId{inv->sponsor_id}), date, Date::today());
    return format_number(InvoiceKind::Invoice, date.year, repo.peek_next_number(InvoiceKind::Invoice, date.year));
}

InvoiceDocument InvoiceService::preview_document(InvoiceId id, const Date& date) {
    InvoiceView v = get(id);
    Invoice& inv = v.invoice;
    if (inv.status != InvoiceStatus::Draft)
        throw Conflict(
            {ErrorCode::NotDraft, "invoice", {{"invoice", name_of(inv)}, {"status", to_string(inv.status)}}},
            fmt::format("{} {} is already issued: export it instead of previewing it", kind_word(inv), name_of(inv)));
    // What issue() would freeze, by the same rules, but not stored.
    SponsorService sponsors(db_);
    const Sponsor sponsor = sponsors.get(SponsorId{inv.sponsor_id});
    const Publisher publisher = CatalogRepository(db_).publisher();
    // A preview may lack what issuing needs, but not whose invoice it is.
    if (publisher.name.empty())
        throw InvalidInput(
            {ErrorCode::MissingInvoiceData, "invoice", {{"fields", std::vector<std::string>{"seller.name"}}}},
            fmt::format("cannot preview {}: missing {}", name_of(inv), invoice_rules::english_label("seller.name")));
    const VatTreatment vat = vat_treatment(publisher, sponsor, inv.language);
    inv.net = inv.vat = inv.gross = 0;
    for (InvoiceLine& l : v.lines) {
        l = frozen_line(l, vat);
        inv.net += l.net;
        inv.vat += l.vat;
        inv.gross += l.gross;
    }
    v.vat_breakdown = vat_breakdown_of(v.lines);
    inv.vat_mention = vat.mention;
    inv.payment_terms_days = sponsor.payment_terms_days;
    inv.issue_date = date;
    inv.due_date = date.add_days(sponsor.payment_terms_days);
    inv.seller = seller_snapshot(publisher);
    inv.buyer = buyer_snapshot(sponsor, sponsors.contacts(SponsorId{inv.sponsor_id}));
    return document_of(v);
}

InvoiceView InvoiceService::pay(InvoiceId invoice, Minor amount, const Date& date) {
    if (amount <= 0)
        throw InvalidInput(
            {ErrorCode::OutOfRange, "amount", {{"value", format_amount(amount)}, {"min", std::int64_t{1}}}},
            fmt::format("payment amount {} must be more than 0", format_amount(amount)));
    const Date today = Date::today();
    const Id id = invoice.value;
    WriteTransaction tx(db_);
    InvoiceRepository repo(db_);
    auto inv = repo.find(id);
    if (!inv) no_invoice(invoice);
    if (inv->kind == InvoiceKind::CreditNote)
        throw Conflict({ErrorCode::CreditNoteNoPayment, "invoice", {{"invoice", name_of(*inv)}}},
                       fmt::format("{} is a credit note: payments are recorded on invoices", name_of(*inv)));
    if (inv->status == InvoiceStatus::Draft)
        throw Conflict({ErrorCode::DraftNoPayment, "invoice", {{"invoice", name_of(*inv)}}},
                       fmt::format("invoice {} is a draft: issue it before recording a payment", name_of(*inv)));
    if (inv->status == InvoiceStatus::Cancelled)
        throw Conflict({ErrorCode::InvoiceCancelled, "invoice", {{"invoice", name_of(*inv)}}},
                       fmt::format("invoice {} is cancelled: no payment can be recorded on it", name_of(*inv)));
    check_not_future(date, today, "payment date", "date");
    if (date < *inv->issue_date)
        throw InvalidInput({ErrorCode::DateTooEarly,
                            "date",
                            {{"date", date.iso()}, {"earliest", inv->issue_date->iso()}, {"invoice", name_of(*inv)}}},
                           fmt::format("payment date {} is before invoice {} was issued ({})", date.iso(),
                                       name_of(*inv), inv->issue_date->iso()));
    const Minor outstanding = inv->gross - repo.paid(id);
    if (amount > outstanding)
        throw Conflict(
            {ErrorCode::Overpayment,
             "amount",
             {{"amount", format_amount(amount)},
              {"outstanding", format_amount(outstanding)},
              {"currency", inv->currency},
              {"invoice", name_of(*inv)}}},
            fmt::format("payment of {} {} is more than the {} {} outstanding on invoice {}", format_amount(amount),
                        inv->currency, format_amount(outstanding), inv->currency, name_of(*inv)));
    Payment p;
    p.invoice_id = id;
    p.amount = amount;
    p.date = date;
    repo.insert_payment(p);
    if (amount == outstanding) repo.set_status(id, InvoiceStatus::Paid);
    activity_log::record(
        db_, "invoice pay", activity_log::kInvoice, id,
        fmt::format("{}: payment of {} on {}{}", name_of(*inv), activity_log::money(amount, inv->currency), date.iso(),
                    amount == outstanding ? ", paid in full" : ""));
    tx.commit();
    return get(invoice);
}

InvoiceView InvoiceService::refund(InvoiceId credit_note, Minor amount, const Date& date) {
    if (amount <= 0)
        throw InvalidInput(
            {ErrorCode::OutOfRange, "amount", {{"value", format_amount(amount)}, {"min", std::int64_t{1}}}},
            fmt::format("refund amount {} must be more than 0", format_amount(amount)));
    WriteTransaction tx(db_);
    InvoiceRepository repo(db_);
    auto cn = repo.find(credit_note.value);
    if (!cn) no_invoice(credit_note);
    if (cn->kind != InvoiceKind::CreditNote || !cn->number || !cn->credited_invoice_id)
        throw Conflict({ErrorCode::NotACreditNote, "invoice", {{"invoice", name_of(*cn)}}},
                       fmt::format("{} is not a credit note: money paid back is recorded on the credit note that "
                                   "cancelled the invoice",
                                   name_of(*cn)));
    check_not_future(date, Date::today(), "refund date", "date");
    if (date < *cn->issue_date)
        throw InvalidInput({ErrorCode::DateTooEarly,
                            "date",
                            {{"date", date.iso()}, {"earliest", cn->issue_date->iso()}, {"invoice", name_of(*cn)}}},
                           fmt::format("refund date {} is before credit note {} was issued ({})", date.iso(),
                                       name_of(*cn), cn->issue_date->iso()));
    // What the sponsor paid on the cancelled invoice, up to what the credit
    // note credits, less what was already paid back.
    const Minor refundable = std::min(-cn->gross, repo.paid(*cn->credited_invoice_id)) - repo.refunded(cn->id);
    if (amount > refundable)
        throw Conflict({ErrorCode::OverRefund,
                        "amount",
                        {{"amount", format_amount(amount)},
                         {"refundable", format_amount(std::max<Minor>(refundable, 0))},
                         {"currency", cn->currency},
                         {"invoice", name_of(*cn)}}},
                       fmt::format("refund of {} {} is more than the {} {} that can be paid back on credit note {} "
                                   "(paid on the invoice, less refunds already recorded)",
                                   format_amount(amount), cn->currency, format_amount(std::max<Minor>(refundable, 0)),
                                   cn->currency, name_of(*cn)));
    Refund r;
    r.invoice_id = cn->id;
    r.amount = amount;
    r.date = date;
    repo.insert_refund(r);
    activity_log::record(
        db_, "refund", activity_log::kInvoice, cn->id,
        fmt::format("{}: refund of {} on {}", name_of(*cn), activity_log::money(amount, cn->currency), date.iso()));
    tx.commit();
    return get(credit_note);
}

CancelResult InvoiceService::cancel(InvoiceId invoice, std::optional<Date> date) {
    const Date today = Date::today();
    const Date cn_date = date.value_or(today);
    const Id id = invoice.value;
    WriteTransaction tx(db_);
    InvoiceRepository repo(db_);
    auto inv = repo.find(id);
    if (!inv) no_invoice(invoice);
    CancelResult result;
    if (inv->kind == InvoiceKind::CreditNote)
        throw Conflict({ErrorCode::CreditNoteNotCancellable, "invoice", {{"invoice", name_of(*inv)}}},
                       fmt::format("{} is a credit note: it cannot be cancelled", name_of(*inv)));
    if (inv->status == InvoiceStatus::Cancelled) {
        auto cn = repo.credit_note_of(id);
        const auto cn_inv = cn ? repo.find(*cn) : std::nullopt;
        throw Conflict({ErrorCode::AlreadyCancelled,
                        "invoice",
                        {{"invoice", name_of(*inv)}, {"credit_note", cn_inv ? name_of(*cn_inv) : std::string()}}},
                       fmt::format("invoice {} is already cancelled{}", name_of(*inv),
                                   cn_inv ? " by credit note " + name_of(*cn_inv) : ""));
    }
    if (inv->status == InvoiceStatus::Draft) {
        // A draft has no number: nothing to credit, it simply goes away.
        result.invoice = get(invoice);
        result.draft_deleted = true;
        repo.delete_draft(id);
        activity_log::record(db_, "invoice cancel", activity_log::kInvoice, id,
                             fmt::format("{} for {} deleted", name_of(*inv), result.invoice.sponsor_name));
        tx.commit();
        return result;
    }
    const Publisher publisher = CatalogRepository(db_).publisher();
    // The buyer is the one of the invoice it cancels, as frozen then; an
    // invoice frozen before the 2026 data existed takes the sponsor as it is
    // now, which must then be complete.
    const bool legacy_buyer = inv->legacy;
    SponsorService sponsors(db_);
    std::optional<Sponsor> sponsor;
    std::vector<Contact> contacts;
    if (legacy_buyer) {
        sponsor = sponsors.get(SponsorId{inv->sponsor_id});
        contacts = sponsors.contacts(SponsorId{inv->sponsor_id});
    }
    require_invoice_data(publisher, sponsor ? &*sponsor : nullptr, contacts,
                         fmt::format("a credit note for invoice {}", name_of(*inv)));
    check_not_future(cn_date, today, "credit note date", "date");
    if (cn_date < *inv->issue_date)
        throw InvalidInput(
            {ErrorCode::DateTooEarly,
             "date",
             {{"date", cn_date.iso()}, {"earliest", inv->issue_date->iso()}, {"invoice", name_of(*inv)}}},
            fmt::format("credit note date {} is before invoice {} was issued ({})", cn_date.iso(), name_of(*inv),
                        inv->issue_date->iso()));
    check_chronology(repo, InvoiceKind::CreditNote, cn_date);

    // The credit note mirrors the invoice line by line with the opposite
    // sign, so that invoices and credit notes add up to what is owed.
    Invoice cn;
    cn.kind = InvoiceKind::CreditNote;
    cn.sponsor_id = inv->sponsor_id;
    cn.currency = inv->currency;
    cn.language = inv->language;
    cn.credited_invoice_id = inv->id;
    cn.vat_mention = inv->vat_mention;
    cn.payment_terms_days = 0;
    cn.order_reference = inv->order_reference;
    cn.buyer_reference = inv->buyer_reference;
    cn.net = -inv->net;
    cn.vat = -inv->vat;
    cn.gross = -inv->gross;
    cn.id = repo.insert(cn);
    for (auto l : repo.lines(id)) {
        l.invoice_id = cn.id;
        l.unit_net = -l.unit_net;
        l.list_unit = -l.list_unit;
        l.net = -l.net;
        l.vat = -l.vat;
        l.gross = -l.gross;
        repo.insert_line(l);
    }
    // The rate of the invoice it cancels: the same euros for the same VAT.
    repo.set_eur_rate(cn.id, inv->eur_rate_micro);
    const int n = repo.next_number(InvoiceKind::CreditNote, cn_date.year);
    const std::string cn_number = format_number(InvoiceKind::CreditNote, cn_date.year, n);
    repo.issue(cn.id, cn_number, cn_date, cn_date, seller_snapshot(publisher),
               sponsor ? buyer_snapshot(*sponsor, contacts) : inv->buyer, InvoiceStatus::Issued);
    store_original(InvoiceId{cn.id});
    repo.set_status(id, InvoiceStatus::Cancelled);
    activity_log::record(db_, "credit note", activity_log::kInvoice, cn.id,
                         fmt::format("{} cancels {}, {} gross, dated {}", cn_number, name_of(*inv),
                                     activity_log::money(cn.gross, cn.currency), cn_date.iso()));
    activity_log::record(db_, "invoice cancel", activity_log::kInvoice, id,
                         fmt::format("{} cancelled by credit note {}", name_of(*inv), cn_number));
    tx.commit();
    result.invoice = get(invoice);
    result.credit_note = get(InvoiceId{cn.id});
    return result;
}

}  // namespace sponsordesk

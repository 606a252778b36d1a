#include "sponsordesk/services/booking_service.h"

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "../drafts/curl_lazy.h"
#include "activity_log.h"
#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/validation.h"
#include "sponsordesk/drafts/copy_rules.h"
#include "sponsordesk/export/invoice_labels.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/sponsor_repository.h"

namespace sponsordesk {
namespace {

int rank(BookingStatus s) {
    switch (s) {
        case BookingStatus::Hold:
            return 0;
        case BookingStatus::Confirmed:
            return 1;
        case BookingStatus::CopyReceived:
            return 2;
        case BookingStatus::Approved:
            return 3;
        case BookingStatus::Published:
            return 4;
        case BookingStatus::Cancelled:
            return 5;
    }
    return 0;
}

}  // namespace

int BookingService::claim_slot(Id issue_id, const Placement& pl, Id except_booking) {
    BookingRepository repo(db_);
    const Date today = Date::today();
    auto holders = repo.slot_holders(issue_id, pl.id);
    if (auto choice = booking_rules::next_free_slot(pl.slots, holders, today, except_booking)) {
        // The expired hold stays visible, without a slot number.
        if (choice->from_expired_hold) {
            repo.set_slot(*choice->from_expired_hold, std::nullopt);
            activity_log::expired_hold_freed(db_, *choice->from_expired_hold, choice->slot);
        }
        return choice->slot;
    }
    std::string who;
    std::vector<std::string> names;
    for (const auto& h : holders) {
        if (auto v = repo.view(h.booking_id, today)) {
            if (!who.empty()) who += ", ";
            who += fmt::format("{} (booking {}, {})", v->sponsor_name, h.booking_id, to_string(h.status));
            names.push_back(v->sponsor_name);
        }
    }
    throw Conflict({ErrorCode::SlotTaken,
                    "placement",
                    {{"placement", pl.code}, {"slots", std::int64_t{pl.slots}}, {"holders", names}}},
                   fmt::format("no open slot: placement {} has {} slot{} in this issue, taken by {}", pl.code, pl.slots,
                               pl.slots > 1 ? "s" : "", who));
}

void BookingService::check_competitors(Id issue_id, const Sponsor& sponsor, Id except_booking, const Date& today) {
    if (sponsor.category.empty()) return;
    // The message names the first competitor (the CLI's text); the error
    // carries every one of them for front ends that list them.
    std::optional<IssueCompetitor> first;
    std::vector<std::string> names;
    for (const auto& c : BookingRepository(db_).live_in_issue(issue_id, today)) {
        if (c.booking_id == except_booking || c.sponsor_id == sponsor.id) continue;
        if (booking_rules::categories_clash(sponsor.category, c.category)) {
            if (!first) first = c;
            if (std::find(names.begin(), names.end(), c.sponsor_name) == names.end()) names.push_back(c.sponsor_name);
        }
    }
    if (!first) return;
    const Issue issue = IssueService(db_).get(IssueId{issue_id});
    throw CompetitorConflict(
        {ErrorCode::CompetitorConflict,
         "sponsor",
         {{"category", first->category},
          {"competitors", names},
          {"booking", first->booking_id},
          {"date", issue.date.iso()}}},
        fmt::format("competitor in the issue: {} (category {}) already has booking {}; book with "
                    "--allow-competitor to override",
                    quote_value(first->sponsor_name), quote_value(first->category), first->booking_id));
}

BookingStatus BookingService::new_status(const std::optional<BookingStatus>& asked,
                                         const std::optional<Date>& hold_until) {
    BookingStatus status = asked ? *asked : (hold_until ? BookingStatus::Hold : BookingStatus::Confirmed);
    if (status != BookingStatus::Hold && status != BookingStatus::Confirmed)
        throw InvalidInput({ErrorCode::NewBookingStatus, "status", {{"value", to_string(status)}}},
                           fmt::format("a new booking is hold or confirmed, not {}", quote_value(to_string(status))));
    if (hold_until && status != BookingStatus::Hold)
        throw InvalidInput({ErrorCode::HoldUntilNotHold, "hold_until", {{"status", to_string(status)}}},
                           "--hold-until applies to holds only (use --status hold)");
    return status;
}

void BookingService::check_bookable(const Publication& pub, const Placement& pl, const Sponsor& sponsor) {
    if (sponsor.archived)
        throw Conflict({ErrorCode::SponsorArchived, "sponsor", {{"sponsor", sponsor.name}}},
                       fmt::format("sponsor {} is archived; restore it before booking", quote_value(sponsor.name)));
    if (!pl.active)
        throw Conflict({ErrorCode::PlacementInactive, "placement", {{"placement", pl.code}, {"publication", pub.slug}}},
                       fmt::format("placement {} of {} is not active", pl.code, pub.slug));
}

BookingService::Placing BookingService::place(const Issue& issue, const Publication& pub, const Placement& pl,
                                              const Sponsor& sponsor, bool hold, const std::optional<Date>& hold_asked,
                                              bool allow_competitor, Id except_booking, const Date& today) {
    if (pl.publication_id != issue.publication_id)
        throw InvalidInput({ErrorCode::PlacementNotFound, "placement", {{"value", pl.code}, {"publication", pub.slug}}},
                           fmt::format("placement {} is not one of {}", quote_value(pl.code), pub.slug));
    check_bookable(pub, pl, sponsor);
    if (issue.status == IssueStatus::Sent)
        throw Conflict({ErrorCode::IssueSent, "date", {{"date", issue.date.iso()}, {"publication", pub.slug}}},
                       fmt::format("issue {} of {} is already sent", issue.date.iso(), pub.slug));
    Placing p;
    if (hold) p.hold_until = booking_rules::hold_until_for(hold_asked, today, issue.date);
    if (!allow_competitor) check_competitors(issue.id, sponsor, except_booking, today);
    p.slot = claim_slot(issue.id, pl, except_booking);
    return p;
}

namespace {

// A new booking as book() and book_many() insert it.
Booking new_booking(const Issue& issue, const Placement& pl, const Sponsor& sponsor, const std::optional<Minor>& price,
                    BookingStatus status, const std::string& notes, bool allow_competitor, int slot,
                    const std::optional<Date>& hold_until) {
    Booking b;
    b.issue_id = issue.id;
    b.placement_id = pl.id;
    b.sponsor_id = sponsor.id;
    b.price = price ? *price : pl.price;
    b.status = status;
    b.notes = notes;
    b.allow_competitor = allow_competitor;
    b.hold_until = hold_until;
    b.slot = slot;
    return b;
}

}  // namespace

BookingView BookingService::book(const BookRequest& r) {
    const Date today = Date::today();
    const BookingStatus status = new_status(r.status, r.hold_until);
    std::string notes = validate::text("notes", r.notes, 10000);

    WriteTransaction tx(db_);
    CatalogService catalog(db_);
    Issue issue = IssueService(db_).get(r.issue);
    Publication pub = catalog.publication(PublicationId{issue.publication_id});
    Placement pl = catalog.placement(r.placement);
    Sponsor sponsor = SponsorService(db_).get(r.sponsor);
    const Placing at =
        place(issue, pub, pl, sponsor, status == BookingStatus::Hold, r.hold_until, r.allow_competitor, 0, today);

    const Id id = BookingRepository(db_).insert(
        new_booking(issue, pl, sponsor, r.price, status, notes, r.allow_competitor, at.slot, at.hold_until));
    BookingView v = get(BookingId{id});
    activity_log::record(db_, "book", activity_log::kBooking, id, activity_log::new_booking(v));
    tx.commit();
    return v;
}

std::vector<BookingView> BookingService::book_many(const BookManyRequest& r) {
    const Date today = Date::today();
    const BookingStatus status = new_status(r.status, r.hold_until);
    std::string notes = validate::text("notes", r.notes, 10000);
    // A hold expiry in the past is wrong whatever the issue: said once.
    if (r.hold_until && *r.hold_until < today) booking_rules::hold_until_for(r.hold_until, today, *r.hold_until);
    if (r.issues.empty())
        throw InvalidInput({ErrorCode::Empty, "dates", {}}, "no issue to book: give at least one date");

    WriteTransaction tx(db_);
    CatalogService catalog(db_);
    IssueService issues(db_);
    std::vector<Issue> targets;
    for (IssueId id : r.issues) {
        Issue issue = issues.get(id);
        if (std::none_of(targets.begin(), targets.end(), [&](const Issue& t) { return t.id == issue.id; }))
            targets.push_back(std::move(issue));
    }
    std::sort(targets.begin(), targets.end(), [](const Issue& a, const Issue& b) { return a.date < b.date; });
    Placement pl = catalog.placement(r.placement);
    Publication pub = catalog.publication(PublicationId{pl.publication_id});
    Sponsor sponsor = SponsorService(db_).get(r.sponsor);
    // What no date changes is said once, not once per date.
    check_bookable(pub, pl, sponsor);

    // Every issue goes through the rules of a single booking; the refusals
    // are gathered so that one message names every date that cannot be had.
    // What was written meanwhile (bookings, freed expired holds) is rolled
    // back with the transaction when anything is refused.
    BookingRepository repo(db_);
    std::vector<Id> booked;
    std::vector<std::string> dates, reasons, texts;
    bool all_invalid_input = true;
    for (const Issue& issue : targets) {
        try {
            const Placing at = place(issue, pub, pl, sponsor, status == BookingStatus::Hold, r.hold_until,
                                     r.allow_competitor, 0, today);
            booked.push_back(repo.insert(
                new_booking(issue, pl, sponsor, r.price, status, notes, r.allow_competitor, at.slot, at.hold_until)));
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Storage) throw;
            if (e.kind() != ErrorKind::InvalidInput) all_invalid_input = false;
            dates.push_back(issue.date.iso());
            reasons.emplace_back(to_string(e.code()));
            texts.push_back(fmt::format("{}: {}", issue.date.iso(), e.what()));
        }
    }
    if (!dates.empty()) {
        std::string joined;
        for (const auto& t : texts) joined += (joined.empty() ? "" : "; ") + t;
        const std::string message = fmt::format("nothing booked: {} of {} date{} refused: {}", dates.size(),
                                                targets.size(), targets.size() == 1 ? "" : "s", joined);
        ErrorInfo info{ErrorCode::DatesRefused,
                       "dates",
                       {{"dates", dates},
                        {"reasons", reasons},
                        {"total", static_cast<std::int64_t>(targets.size())},
                        {"publication", pub.slug}}};
        if (all_invalid_input) throw InvalidInput(std::move(info), message);
        throw Conflict(std::move(info), message);
    }
    // One row per booking: each booking's history starts with its creation.
    std::vector<BookingView> out;
    out.reserve(booked.size());
    for (Id id : booked) {
        out.push_back(get(BookingId{id}));
        activity_log::record(db_, "book", activity_log::kBooking, id, activity_log::new_booking(out.back()));
    }
    tx.commit();
    return out;
}

namespace {

// A booking on a live invoice (a draft included: its line has the price)
// keeps its issue, placement and price.
void check_not_invoiced(BookingRepository& repo, Id id, const char* field, const char* what) {
    if (auto inv = repo.live_invoice(id)) {
        ErrorValues values{{"booking", id}, {"invoice_id", inv->id}};
        if (inv->number) values["invoice"] = *inv->number;
        throw Conflict({ErrorCode::AlreadyInvoiced, field, std::move(values)},
                       fmt::format("booking {} is on invoice {}: its {} can no longer change; cancel the invoice "
                                   "first",
                                   id, english_ref(*inv), what));
    }
}

void check_word_limit(const std::string& copy, int max_words, const std::string& placement) {
    if (max_words <= 0 || copy.empty()) return;
    const int words = count_words(copy);
    if (words > max_words)
        throw InvalidInput(
            {ErrorCode::WordLimit,
             "copy",
             {{"words", std::int64_t{words}}, {"max", std::int64_t{max_words}}, {"placement", placement}}},
            fmt::format("copy has {} words; placement {} allows at most {}", words, placement, max_words));
}

}  // namespace

BookingView BookingService::move(BookingId booking, const MoveRequest& r) {
    const Date today = Date::today();
    const Id id = booking.value;
    WriteTransaction tx(db_);
    BookingView v = get(booking);
    BookingRepository repo(db_);
    const Booking& b = v.booking;
    if (b.status == BookingStatus::Published || b.status == BookingStatus::Cancelled)
        throw Conflict({ErrorCode::StatusFinal, "status", {{"booking", id}, {"status", to_string(b.status)}}},
                       fmt::format("booking {} is {}: it can no longer move", id, to_string(b.status)));
    check_not_invoiced(repo, id, "booking", "issue");

    CatalogService catalog(db_);
    Issue issue = IssueService(db_).get(r.issue);
    Placement pl = catalog.placement(r.placement ? *r.placement : PlacementId{b.placement_id});
    Publication pub = catalog.publication(PublicationId{issue.publication_id});
    const Placement current = catalog.placement(PlacementId{b.placement_id});
    if (issue.publication_id != current.publication_id)
        throw InvalidInput(
            {ErrorCode::IssueNotFound, "date", {{"publication", v.publication_slug}, {"date", issue.date.iso()}}},
            fmt::format("booking {} is in {}: it moves to another issue of {}", id, v.publication_slug,
                        v.publication_slug));
    if (issue.id == b.issue_id && pl.id == b.placement_id) return v;  // already there

    // Placed again as a new booking would be, itself aside (its own slot and
    // its own sponsor do not stand in its way).
    Sponsor sponsor = SponsorService(db_).get(SponsorId{b.sponsor_id});
    const bool hold = b.status == BookingStatus::Hold && b.hold_until.has_value();
    const Placing at = place(issue, pub, pl, sponsor, hold, b.hold_until, r.allow_competitor, id, today);
    check_word_limit(b.copy, pl.max_words, pl.code);
    repo.move(id, issue.id, pl.id, at.slot, hold ? at.hold_until : b.hold_until, r.allow_competitor);
    BookingView moved = get(booking);
    activity_log::record(db_, "booking move", activity_log::kBooking, id,
                         activity_log::change(activity_log::booking(v), activity_log::booking(moved)));
    tx.commit();
    return moved;
}

BookingView BookingService::set_price(BookingId booking, Minor price) {
    if (price < 0)
        throw InvalidInput({ErrorCode::NegativeAmount, "price", {{"value", format_amount(price)}}},
                           fmt::format("price {} is negative", format_amount(price)));
    WriteTransaction tx(db_);
    const BookingView v = get(booking);
    BookingRepository repo(db_);
    check_not_invoiced(repo, booking.value, "price", "price");
    repo.set_price(booking.value, price);
    activity_log::record(db_, "booking price", activity_log::kBooking, booking.value,
                         fmt::format("{}, {}", activity_log::booking(v),
                                     activity_log::money_change(v.booking.price, price, v.currency)));
    tx.commit();
    return get(booking);
}

BookingView BookingService::get(BookingId id) {
    auto v = BookingRepository(db_).view(id.value, Date::today());
    if (!v)
        throw NotFound({ErrorCode::BookingNotFound, "booking", {{"id", id.value}}},
                       fmt::format("no booking with id {}", id.value));
    return *v;
}

BookingFilter BookingService::filter(const BookingQuery& q) {
    BookingFilter f;
    f.today = Date::today();
    if (q.publication) f.publication_id = CatalogService(db_).publication(*q.publication).id;
    if (q.sponsor) f.sponsor_id = SponsorService(db_).get(*q.sponsor).id;
    if (q.from && q.to && *q.to < *q.from)
        throw InvalidInput({ErrorCode::InvalidPeriod, "to", {{"from", q.from->iso()}, {"to", q.to->iso()}}},
                           fmt::format("period {} to {} ends before it starts", q.from->iso(), q.to->iso()));
    f.from = q.from;
    f.to = q.to;
    f.status = q.status;
    f.copy_late = q.copy_late;
    return f;
}

std::vector<BookingView> BookingService::list(const BookingQuery& q) { return BookingRepository(db_).list(filter(q)); }

BookingView BookingService::set_copy(BookingId booking, const std::string& copy, std::optional<std::string> link) {
    std::string body = validate::text("copy", copy, 200000);
    if (body.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InvalidInput({ErrorCode::Empty, "copy", {}}, "copy is empty");
    std::string cta = link ? validate::text("link", *link, 2000) : std::string();
    if (cta.find_first_of(" \t\r\n") != std::string::npos)
        throw InvalidInput({ErrorCode::InvalidLink, "link", {{"value", cta}}},
                           fmt::format("link {} contains spaces", quote_value(cta)));

    const Id id = booking.value;
    WriteTransaction tx(db_);
    BookingView v = get(booking);
    if (!link) cta = v.booking.link;
    validate_copy_links(body, cta);
    const auto s = v.booking.status;
    if (s == BookingStatus::Cancelled || s == BookingStatus::Published)
        throw Conflict({ErrorCode::CopyLocked, "copy", {{"booking", id}, {"status", to_string(s)}}},
                       fmt::format("booking {} is {}: its copy can no longer change", id, to_string(s)));
    check_word_limit(body, v.max_words, v.placement_code);
    BookingStatus next = s;
    if (s == BookingStatus::Confirmed || s == BookingStatus::Approved) next = BookingStatus::CopyReceived;
    BookingRepository(db_).set_copy(id, body, cta, next);
    std::string summary = fmt::format("{}, copy of {} words", activity_log::booking(v), count_words(body));
    if (cta != v.booking.link) summary += fmt::format(", link {}", cta.empty() ? "removed" : cta);
    if (next != s) summary += fmt::format(", status {}", activity_log::change(to_string(s), to_string(next)));
    activity_log::record(db_, "booking copy", activity_log::kBooking, id, summary);
    tx.commit();
    return get(booking);
}

namespace {

void record_status(Database& db, const BookingView& v, BookingStatus to) {
    activity_log::record(db, "booking status", activity_log::kBooking, v.booking.id,
                         fmt::format("{}, status {}", activity_log::booking(v),
                                     activity_log::change(to_string(v.booking.status), to_string(to))));
}

}  // namespace

BookingView BookingService::change_status(BookingId booking, BookingStatus to, bool allow_competitor) {
    const Date today = Date::today();
    const Id id = booking.value;
    WriteTransaction tx(db_);
    BookingView v = get(booking);
    BookingRepository repo(db_);
    const BookingStatus from = v.booking.status;
    if (from == to)
        throw Conflict({ErrorCode::StatusUnchanged, "status", {{"booking", id}, {"status", to_string(to)}}},
                       fmt::format("booking {} is already {}", id, to_string(to)));
    if (from == BookingStatus::Cancelled || from == BookingStatus::Published)
        throw Conflict({ErrorCode::StatusFinal, "status", {{"booking", id}, {"status", to_string(from)}}},
                       fmt::format("booking {} is {}: its status can no longer change", id, to_string(from)));

    if (to == BookingStatus::Cancelled) {
        if (auto inv = repo.live_invoice(id)) {
            ErrorValues values{{"booking", id}, {"invoice_id", inv->id}};
            if (inv->number) values["invoice"] = *inv->number;
            throw Conflict({ErrorCode::AlreadyInvoiced, "status", std::move(values)},
                           fmt::format("booking {} is on invoice {}; cancel the invoice first", id, english_ref(*inv)));
        }
        repo.set_status(id, to, std::nullopt);
        record_status(db_, v, to);
        tx.commit();
        return get(booking);
    }
    if (rank(to) < rank(from))
        throw Conflict(
            {ErrorCode::StatusBackwards, "status", {{"booking", id}, {"from", to_string(from)}, {"to", to_string(to)}}},
            fmt::format("booking {} cannot go back from {} to {}", id, to_string(from), to_string(to)));
    if ((to == BookingStatus::CopyReceived || to == BookingStatus::Approved) && v.booking.copy.empty())
        throw Conflict({ErrorCode::CopyMissing, "status", {{"booking", id}, {"status", to_string(to)}}},
                       fmt::format("booking {} has no copy yet: save copy before it can be {}", id, to_string(to)));
    if (to == BookingStatus::Published && from != BookingStatus::Approved)
        throw Conflict({ErrorCode::NotApproved, "status", {{"booking", id}, {"status", to_string(from)}}},
                       fmt::format("booking {} is {}: only approved copy can be published", id, to_string(from)));

    std::optional<int> slot = v.booking.slot;
    if (v.hold_expired) {
        // An expired hold comes back only if its slot, or another, is free.
        Placement pl = *CatalogRepository(db_).placement(v.booking.placement_id);
        Sponsor sponsor = SponsorService(db_).get(SponsorId{v.booking.sponsor_id});
        if (!(allow_competitor || v.booking.allow_competitor))
            check_competitors(v.booking.issue_id, sponsor, id, today);
        bool keep = false;
        if (slot) {
            keep = true;
            for (const auto& h : repo.slot_holders(v.booking.issue_id, v.booking.placement_id))
                if (h.booking_id != id && h.slot == *slot && booking_rules::is_live(h.status, h.hold_until, today))
                    keep = false;
        }
        if (!keep) slot = claim_slot(v.booking.issue_id, pl, id);
    }
    repo.set_status(id, to, slot);
    record_status(db_, v, to);
    tx.commit();
    return get(booking);
}

std::vector<OpenSlots> BookingService::availability(PublicationId publication, const Date& from, const Date& to) {
    if (to < from)
        throw InvalidInput({ErrorCode::InvalidPeriod, "to", {{"from", from.iso()}, {"to", to.iso()}}},
                           fmt::format("period {} to {} ends before it starts", from.iso(), to.iso()));
    Publication pub = CatalogService(db_).publication(publication);
    return BookingRepository(db_).availability(pub.id, from, to, Date::today());
}

std::optional<CopyReminder> BookingService::copy_reminder(BookingId id) {
    BookingView v = get(id);
    const Contact* to = nullptr;
    auto contacts = SponsorService(db_).contacts(SponsorId{v.booking.sponsor_id});
    for (const auto& c : contacts)
        if (c.role == ContactRole::Creative && !c.email.empty()) {
            to = &c;
            break;
        }
    if (!to)
        for (const auto& c : contacts)
            if (!c.email.empty()) {
                to = &c;
                break;
            }
    if (!to) return std::nullopt;
    Publication pub = CatalogService(db_).publication(v.publication_slug);
    // Dates as the reader of the mail writes them: 12/03/2026, 12 March 2026.
    const std::string lang = pub.language == "fr" ? "fr" : "en";
    const std::string issue = format_date_for(v.issue_date, lang), due = format_date_for(v.copy_due, lang);
    CopyReminder r;
    r.to = to->email;
    if (lang == "fr") {
        r.subject = fmt::format("{} du {} : votre texte est attendu", v.publication_name, issue);
        r.body = fmt::format(
            "Bonjour {},\n\nNous n'avons pas encore de texte validé pour votre emplacement « {} » "
            "dans {} du {}. Il était attendu le {}.\nMerci de nous l'envoyer au plus vite{}."
            "\n\nBien cordialement",
            to->name, v.placement_name, v.publication_name, issue, due,
            v.max_words > 0 ? fmt::format(" (au plus {} mots)", v.max_words) : "");
    } else {
        r.subject = fmt::format("{} of {}: your copy is due", v.publication_name, issue);
        r.body = fmt::format(
            "Hello {},\n\nWe do not have approved copy yet for your \"{}\" slot in {} of {}. "
            "It was due on {}.\nPlease send it as soon as you can{}.\n\nBest regards",
            to->name, v.placement_name, v.publication_name, issue, due,
            v.max_words > 0 ? fmt::format(" (at most {} words)", v.max_words) : "");
    }
    return r;
}

std::string CopyReminder::mailto() const {
    auto escape = [](const std::string& s) {
        std::unique_ptr<char, void (*)(void*)> e(lazy_curl::escape(s.data(), static_cast<int>(s.size())),
                                                 lazy_curl::free);
        return std::string(e ? e.get() : "");
    };
    return fmt::format("mailto:{}?subject={}&body={}", to, escape(subject), escape(body));
}

std::string BookingService::copy_reminder_mailto(BookingId id) {
    auto r = copy_reminder(id);
    return r ? r->mailto() : std::string();
}

}  // namespace sponsordesk

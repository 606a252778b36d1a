#include "sponsordesk/services/booking_service.h"


#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "../drafts/curl_lazy.h"
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
        case BookingStatus::Hold: return 0;
        case BookingStatus::Confirmed: return 1;
        case BookingStatus::CopyReceived: return 2;
        case BookingStatus::Approved: return 3;
        case BookingStatus::Published: return 4;
        case BookingStatus::Cancelled: return 5;
    }
    return 0;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool holder_is_live(const SlotHolder& h, const Date& today) {
    if (h.status == BookingStatus::Cancelled) return false;
    return !(h.status == BookingStatus::Hold && h.hold_until && *h.hold_until < today);
}

}  // namespace

int BookingService::claim_slot(Id issue_id, const Placement& pl, Id except_booking) {
    BookingRepository repo(db_);
    const Date today = Date::today();
    auto holders = repo.slot_holders(issue_id, pl.id);
    std::vector<const SlotHolder*> by_slot(static_cast<size_t>(pl.slots) + 1, nullptr);
    for (const auto& h : holders)
        if (h.slot >= 1 && h.slot <= pl.slots && h.booking_id != except_booking) by_slot[static_cast<size_t>(h.slot)] = &h;
    // First a slot nobody holds, then one held by an expired hold.
    for (int s = 1; s <= pl.slots; ++s)
        if (!by_slot[static_cast<size_t>(s)]) return s;
    for (int s = 1; s <= pl.slots; ++s) {
        const SlotHolder* h = by_slot[static_cast<size_t>(s)];
        if (!holder_is_live(*h, today)) {
            repo.set_slot(h->booking_id, std::nullopt);
            return s;
        }
    }
    std::string who;
    for (const auto& h : holders) {
        if (auto v = repo.view(h.booking_id, today)) {
            if (!who.empty()) who += ", ";
            who += fmt::format("{} (booking {}, {})", v->sponsor_name, h.booking_id, to_string(h.status));
        }
    }
    throw Conflict(fmt::format("no open slot: placement {} has {} slot{} in this issue, taken by {}", pl.code,
                               pl.slots, pl.slots > 1 ? "s" : "", who));
}

void BookingService::check_competitors(Id issue_id, const Sponsor& sponsor, Id except_booking, const Date& today) {
    if (sponsor.category.empty()) return;
    const std::string cat = lower(sponsor.category);
    for (const auto& c : BookingRepository(db_).live_in_issue(issue_id, today)) {
        if (c.booking_id == except_booking || c.sponsor_id == sponsor.id) continue;
        if (!c.category.empty() && lower(c.category) == cat)
            throw CompetitorConflict(fmt::format(
                "competitor in the issue: {} (category {}) already has booking {}; book with "
                "--allow-competitor to override",
                quote_value(c.sponsor_name), quote_value(c.category), c.booking_id));
    }
}

BookingView BookingService::book(const BookRequest& r) {
    const Date today = Date::today();
    BookingStatus status = r.status ? *r.status : (r.hold_until ? BookingStatus::Hold : BookingStatus::Confirmed);
    if (status != BookingStatus::Hold && status != BookingStatus::Confirmed)
        throw InvalidInput(fmt::format("a new booking is hold or confirmed, not {}", quote_value(to_string(status))));
    if (r.hold_until && status != BookingStatus::Hold)
        throw InvalidInput("--hold-until applies to holds only (use --status hold)");
    if (r.hold_until && *r.hold_until < today)
        throw InvalidInput(fmt::format("hold expiry {} is in the past", r.hold_until->iso()));
    std::string notes = validate::text("notes", r.notes, 10000);

    WriteTransaction tx(db_);
    CatalogService catalog(db_);
    Publication pub = catalog.publication(r.publication);
    Placement pl = catalog.placement(pub, r.placement);
    Sponsor sponsor = SponsorService(db_).resolve(r.sponsor);
    Issue issue = IssueService(db_).get(r.publication, r.date);
    if (sponsor.archived)
        throw Conflict(fmt::format("sponsor {} is archived; restore it before booking", quote_value(sponsor.name)));
    if (!pl.active) throw Conflict(fmt::format("placement {} of {} is not active", pl.code, pub.slug));
    if (issue.status == IssueStatus::Sent)
        throw Conflict(fmt::format("issue {} of {} is already sent", issue.date.iso(), pub.slug));

    Booking b;
    b.issue_id = issue.id;
    b.placement_id = pl.id;
    b.sponsor_id = sponsor.id;
    b.price = r.price ? *r.price : pl.price;
    b.status = status;
    b.notes = notes;
    b.allow_competitor = r.allow_competitor;
    if (status == BookingStatus::Hold) {
        if (r.hold_until) {
            b.hold_until = r.hold_until;
        } else {
            Date until = today.add_days(kDefaultHoldDays);
            b.hold_until = std::max(today, std::min(until, issue.date));
        }
    }
    if (!r.allow_competitor) check_competitors(issue.id, sponsor, 0, today);
    b.slot = claim_slot(issue.id, pl, 0);
    b.id = BookingRepository(db_).insert(b);
    tx.commit();
    return get(b.id);
}

BookingView BookingService::get(Id id) {
    auto v = BookingRepository(db_).view(id, Date::today());
    if (!v) throw NotFound(fmt::format("no booking with id {}", id));
    return *v;
}

BookingFilter BookingService::filter(const BookingQuery& q) {
    BookingFilter f;
    f.today = Date::today();
    if (q.publication) f.publication_id = CatalogService(db_).publication(*q.publication).id;
    if (q.sponsor) f.sponsor_id = SponsorService(db_).resolve(*q.sponsor).id;
    if (q.from && q.to && *q.to < *q.from)
        throw InvalidInput(fmt::format("period {} to {} ends before it starts", q.from->iso(), q.to->iso()));
    f.from = q.from;
    f.to = q.to;
    f.status = q.status;
    f.copy_late = q.copy_late;
    return f;
}

std::vector<BookingView> BookingService::list(const BookingQuery& q) { return BookingRepository(db_).list(filter(q)); }

BookingView BookingService::set_copy(Id id, const std::string& copy, std::optional<std::string> link) {
    std::string body = validate::text("copy", copy, 200000);
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) throw InvalidInput("copy is empty");
    std::string cta = link ? validate::text("link", *link, 2000) : std::string();
    if (cta.find_first_of(" \t\r\n") != std::string::npos)
        throw InvalidInput(fmt::format("link {} contains spaces", quote_value(cta)));

    WriteTransaction tx(db_);
    BookingView v = get(id);
    if (!link) cta = v.booking.link;
    validate_copy_links(body, cta);
    const auto s = v.booking.status;
    if (s == BookingStatus::Cancelled || s == BookingStatus::Published)
        throw Conflict(fmt::format("booking {} is {}: its copy can no longer change", id, to_string(s)));
    if (v.max_words > 0) {
        const int words = count_words(body);
        if (words > v.max_words)
            throw InvalidInput(fmt::format("copy has {} words; placement {} allows at most {}", words,
                                           v.placement_code, v.max_words));
    }
    BookingStatus next = s;
    if (s == BookingStatus::Confirmed || s == BookingStatus::Approved) next = BookingStatus::CopyReceived;
    BookingRepository(db_).set_copy(id, body, cta, next);
    tx.commit();
    return get(id);
}

BookingView BookingService::change_status(Id id, BookingStatus to, bool allow_competitor) {
    const Date today = Date::today();
    WriteTransaction tx(db_);
    BookingView v = get(id);
    BookingRepository repo(db_);
    const BookingStatus from = v.booking.status;
    if (from == to) throw Conflict(fmt::format("booking {} is already {}", id, to_string(to)));
    if (from == BookingStatus::Cancelled || from == BookingStatus::Published)
        throw Conflict(fmt::format("booking {} is {}: its status can no longer change", id, to_string(from)));

    if (to == BookingStatus::Cancelled) {
        if (auto inv = repo.live_invoice(id))
            throw Conflict(fmt::format("booking {} is on invoice {}; cancel the invoice first", id, *inv));
        repo.set_status(id, to, std::nullopt);
        tx.commit();
        return get(id);
    }
    if (rank(to) < rank(from))
        throw Conflict(fmt::format("booking {} cannot go back from {} to {}", id, to_string(from), to_string(to)));
    if ((to == BookingStatus::CopyReceived || to == BookingStatus::Approved) && v.booking.copy.empty())
        throw Conflict(fmt::format("booking {} has no copy yet: save copy before it can be {}", id, to_string(to)));
    if (to == BookingStatus::Published && from != BookingStatus::Approved)
        throw Conflict(fmt::format("booking {} is {}: only approved copy can be published", id, to_string(from)));

    std::optional<int> slot = v.booking.slot;
    if (v.hold_expired) {
        // An expired hold comes back only if its slot, or another, is free.
        Placement pl = *CatalogRepository(db_).placement(v.booking.placement_id);
        Sponsor sponsor = SponsorService(db_).get(v.booking.sponsor_id);
        if (!(allow_competitor || v.booking.allow_competitor)) check_competitors(v.booking.issue_id, sponsor, id, today);
        bool keep = false;
        if (slot) {
            keep = true;
            for (const auto& h : repo.slot_holders(v.booking.issue_id, v.booking.placement_id))
                if (h.booking_id != id && h.slot == *slot && holder_is_live(h, today)) keep = false;
        }
        if (!keep) slot = claim_slot(v.booking.issue_id, pl, id);
    }
    repo.set_status(id, to, slot);
    tx.commit();
    return get(id);
}

std::vector<OpenSlots> BookingService::availability(const std::string& publication, const Date& from, const Date& to) {
    if (to < from) throw InvalidInput(fmt::format("period {} to {} ends before it starts", from.iso(), to.iso()));
    Publication pub = CatalogService(db_).publication(publication);
    return BookingRepository(db_).availability(pub.id, from, to, Date::today());
}

std::optional<CopyReminder> BookingService::copy_reminder(Id id) {
    BookingView v = get(id);
    const Contact* to = nullptr;
    auto contacts = SponsorService(db_).contacts(v.booking.sponsor_id);
    for (const auto& c : contacts)
        if (c.role == ContactRole::Creative && !c.email.empty()) { to = &c; break; }
    if (!to)
        for (const auto& c : contacts)
            if (!c.email.empty()) { to = &c; break; }
    if (!to) return std::nullopt;
    Publication pub = CatalogService(db_).publication(v.publication_slug);
    // Dates as the reader of the mail writes them: 12/03/2026, 12 March 2026.
    const std::string lang = pub.language == "fr" ? "fr" : "en";
    const std::string issue = format_date_for(v.issue_date, lang), due = format_date_for(v.copy_due, lang);
    CopyReminder r;
    r.to = to->email;
    if (lang == "fr") {
        r.subject = fmt::format("{} du {} : votre texte est attendu", v.publication_name, issue);
        r.body = fmt::format("Bonjour {},\n\nNous n'avons pas encore de texte validé pour votre emplacement « {} » "
                             "dans {} du {}. Il était attendu le {}.\nMerci de nous l'envoyer au plus vite{}."
                             "\n\nBien cordialement",
                             to->name, v.placement_name, v.publication_name, issue, due,
                             v.max_words > 0 ? fmt::format(" (au plus {} mots)", v.max_words) : "");
    } else {
        r.subject = fmt::format("{} of {}: your copy is due", v.publication_name, issue);
        r.body = fmt::format("Hello {},\n\nWe do not have approved copy yet for your \"{}\" slot in {} of {}. "
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

std::string BookingService::copy_reminder_mailto(Id id) {
    auto r = copy_reminder(id);
    return r ? r->mailto() : std::string();
}

}  // namespace sponsordesk

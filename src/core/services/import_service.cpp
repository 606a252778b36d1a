#include "sponsordesk/services/import_service.h"

#include <map>
#include <optional>

#include <fmt/format.h>

#include "sponsordesk/domain/booking_rules.h"
#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/text.h"
#include "sponsordesk/domain/validation.h"
#include "sponsordesk/services/booking_service.h"
#include "sponsordesk/services/csv_table.h"
#include "sponsordesk/services/sponsor_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/catalog_repository.h"
#include "sponsordesk/storage/issue_repository.h"
#include "sponsordesk/storage/sponsor_repository.h"

#include "activity_log.h"

namespace sponsordesk {

const std::vector<std::string>& ImportService::sponsor_columns() {
    static const std::vector<std::string> c = {"name",       "legal_name", "address",      "country",
                                               "vat_number", "category",   "contact_name", "contact_email"};
    return c;
}

const std::vector<std::string>& ImportService::booking_columns() {
    static const std::vector<std::string> c = {"publication", "date", "placement", "sponsor", "price", "status"};
    return c;
}

ImportResult ImportService::sponsors(const std::string& csv_path, const Progress& progress) {
    auto rows = read_csv(csv_path, sponsor_columns());
    ImportResult result;
    WriteTransaction tx(db_);
    SponsorRepository repo(db_);
    std::map<std::string, int> seen;
    for (size_t i = 0; i < rows.size(); ++i) {
        const CsvRow& row = rows[i];
        try {
            Sponsor s;
            s.name = row["name"];
            s.legal_name = row["legal_name"];
            s.address = row["address"];
            if (!row["country"].empty()) s.country = row["country"];
            s.vat_number = row["vat_number"];
            s.category = row["category"];
            s = SponsorService::validated(s);
            // Names are unique whatever their case, as SponsorService::add keeps them.
            const std::string key = text::fold(s.name, "sponsor name");
            if (auto it = seen.find(key); it != seen.end())
                throw Conflict(
                    {ErrorCode::NameTaken, "name", {{"value", s.name}, {"first_line", std::int64_t{it->second}}}},
                    fmt::format("sponsor {} already appears on line {}", quote_value(s.name), it->second));
            if (auto other = repo.find_by_name_key(s.name))
                throw Conflict({ErrorCode::NameTaken, "name", {{"value", s.name}}},
                               fmt::format("a sponsor named {} already exists", quote_value(other->name)));
            seen[key] = row.line;
            s.id = repo.insert(s);
            if (!row["contact_name"].empty() || !row["contact_email"].empty()) {
                Contact c;
                c.sponsor_id = s.id;
                c.name = validate::name("contact name", row["contact_name"]);
                c.email = validate::email(row["contact_email"]);
                repo.insert_contact(c);
                ++result.contacts;
            }
            // One row per sponsor, as for every bulk write.
            activity_log::record(
                db_, "import sponsors", activity_log::kSponsor, s.id,
                row["contact_name"].empty() ? s.name : fmt::format("{}, contact {}", s.name, row["contact_name"]));
        } catch (const Error& e) {
            rethrow_at_line(e, row.line);
        }
        ++result.rows;
        if (i % 256 == 0) progress.step(static_cast<double>(i) / static_cast<double>(rows.size()));
    }
    tx.commit();
    progress.step(1.0);
    return result;
}

ImportResult ImportService::bookings(const std::string& csv_path, const Progress& progress) {
    auto rows = read_csv(csv_path, booking_columns());
    const Date today = Date::today();
    ImportResult result;

    WriteTransaction tx(db_);
    CatalogRepository catalog(db_);
    SponsorRepository sponsors(db_);
    IssueRepository issues(db_);
    BookingRepository bookings(db_);

    // Caches: every name is looked up once, every issue's state loaded once.
    std::map<std::string, std::optional<Publication>> pubs;
    std::map<std::pair<Id, std::string>, std::optional<Placement>> placements;
    std::map<std::string, std::optional<Sponsor>> sponsor_cache;
    std::map<std::pair<Id, long>, Id> issue_ids;  // (publication, day) → issue
    std::map<Id, int> max_number;
    // What the booking planner (booking_rules) needs of an issue, loaded once
    // and kept current as rows are booked: the same rules as `book`.
    struct IssueState {
        std::map<Id, std::vector<SlotHolder>> holders;            // placement → bookings with a slot number
        std::vector<std::pair<Id, std::string>> live_categories;  // live sponsors and their category keys
    };
    std::map<Id, IssueState> states;

    auto state_of = [&](Id issue_id, const Placement& pl) -> IssueState& {
        auto [it, fresh] = states.try_emplace(issue_id);
        IssueState& st = it->second;
        if (fresh)
            for (const auto& c : bookings.live_in_issue(issue_id, today))
                st.live_categories.emplace_back(c.sponsor_id, booking_rules::category_key(c.category));
        if (!st.holders.count(pl.id)) st.holders[pl.id] = bookings.slot_holders(issue_id, pl.id);
        return st;
    };

    for (size_t i = 0; i < rows.size(); ++i) {
        const CsvRow& row = rows[i];
        try {
            const std::string& slug = row["publication"];
            auto pit = pubs.find(slug);
            if (pit == pubs.end()) pit = pubs.emplace(slug, catalog.publication_by_slug(slug)).first;
            if (!pit->second)
                throw NotFound({ErrorCode::PublicationNotFound, "publication", {{"value", slug}}},
                               fmt::format("no publication with slug {}", quote_value(slug)));
            const Publication& pub = *pit->second;

            const Date date = Date::parse(row["date"]);
            auto lkey = std::make_pair(pub.id, row["placement"]);
            auto lit = placements.find(lkey);
            if (lit == placements.end())
                lit = placements.emplace(lkey, catalog.placement(pub.id, row["placement"])).first;
            if (!lit->second)
                throw NotFound(
                    {ErrorCode::PlacementNotFound,
                     "placement",
                     {{"value", row["placement"]}, {"publication", pub.slug}}},
                    fmt::format("no placement {} in publication {}", quote_value(row["placement"]), pub.slug));
            const Placement& pl = *lit->second;

            const std::string& sref = row["sponsor"];
            auto sit = sponsor_cache.find(sref);
            if (sit == sponsor_cache.end()) {
                std::optional<Sponsor> s = sponsors.find_by_name(sref);
                if (!s && !sref.empty() && sref.size() < 19 &&
                    sref.find_first_not_of("0123456789") == std::string::npos)
                    s = sponsors.find(std::stoll(sref));
                sit = sponsor_cache.emplace(sref, s).first;
            }
            if (!sit->second)
                throw NotFound({ErrorCode::SponsorNotFound, "sponsor", {{"value", sref}}},
                               fmt::format("no sponsor {}", quote_value(sref)));
            const Sponsor& sponsor = *sit->second;
            if (sponsor.archived)
                throw Conflict({ErrorCode::SponsorArchived, "sponsor", {{"sponsor", sponsor.name}}},
                               fmt::format("sponsor {} is archived", quote_value(sponsor.name)));

            Booking b;
            b.status = row["status"].empty() ? BookingStatus::Confirmed : booking_status_from(row["status"]);
            if (b.status == BookingStatus::CopyReceived || b.status == BookingStatus::Approved)
                throw InvalidInput({ErrorCode::NeedsCopy, "status", {{"value", row["status"]}}},
                                   fmt::format("status {} needs copy: import as confirmed, then save the copy",
                                               quote_value(row["status"])));
            b.price = row["price"].empty() ? pl.price : parse_amount(row["price"]);
            b.placement_id = pl.id;
            b.sponsor_id = sponsor.id;

            auto ikey = std::make_pair(pub.id, date.days());
            auto iit = issue_ids.find(ikey);
            if (iit == issue_ids.end()) {
                Id id = 0;
                if (auto existing = issues.find(pub.id, date)) {
                    id = existing->id;
                } else {
                    if (!max_number.count(pub.id)) max_number[pub.id] = issues.max_number(pub.id);
                    Issue is;
                    is.publication_id = pub.id;
                    is.date = date;
                    is.number = ++max_number[pub.id];
                    id = issues.insert(is);
                    activity_log::record(db_, "import bookings", activity_log::kIssue, id,
                                         fmt::format("{} {} #{}, new issue", pub.slug, date.iso(), is.number));
                    ++result.created_issues;
                }
                iit = issue_ids.emplace(ikey, id).first;
            }
            b.issue_id = iit->second;
            if (b.status == BookingStatus::Hold)
                b.hold_until = booking_rules::hold_until_for(std::nullopt, today, date);

            std::vector<SlotHolder>* holders = nullptr;
            std::string category_key;
            if (b.status != BookingStatus::Cancelled) {
                IssueState& st = state_of(b.issue_id, pl);
                category_key = booking_rules::category_key(sponsor.category);
                for (const auto& [other, other_key] : st.live_categories)
                    if (other != sponsor.id && booking_rules::category_keys_clash(category_key, other_key))
                        throw CompetitorConflict(
                            {ErrorCode::CompetitorConflict,
                             "sponsor",
                             {{"category", sponsor.category},
                              {"competitors", std::vector<std::string>{}},
                              {"date", date.iso()},
                              {"publication", pub.slug}}},
                            fmt::format("competitor in the issue {} of {}: a sponsor of category {} "
                                        "is already booked",
                                        date.iso(), pub.slug, quote_value(sponsor.category)));
                holders = &st.holders[pl.id];
                auto choice = booking_rules::next_free_slot(pl.slots, *holders, today);
                if (!choice)
                    throw Conflict(
                        {ErrorCode::SlotTaken,
                         "placement",
                         {{"placement", pl.code},
                          {"slots", std::int64_t{pl.slots}},
                          {"date", date.iso()},
                          {"publication", pub.slug},
                          {"holders", std::vector<std::string>{}}}},
                        fmt::format("no open slot: placement {} of {} on {} is full", pl.code, pub.slug, date.iso()));
                if (choice->from_expired_hold) {
                    // As `book` does: the expired hold stays, without its slot number.
                    bookings.set_slot(*choice->from_expired_hold, std::nullopt);
                    activity_log::expired_hold_freed(db_, *choice->from_expired_hold, choice->slot);
                    std::erase_if(*holders,
                                  [&](const SlotHolder& h) { return h.booking_id == *choice->from_expired_hold; });
                }
                b.slot = choice->slot;
                st.live_categories.emplace_back(sponsor.id, category_key);
            }
            b.id = bookings.insert(b);
            BookingView logged;
            logged.booking = b;
            logged.sponsor_name = sponsor.name;
            logged.publication_slug = pub.slug;
            logged.issue_date = date;
            logged.placement_code = pl.code;
            logged.currency = pub.currency;
            activity_log::record(db_, "import bookings", activity_log::kBooking, b.id,
                                 activity_log::new_booking(logged));
            if (holders) holders->push_back({b.id, *b.slot, b.status, b.hold_until});
        } catch (const Error& e) {
            rethrow_at_line(e, row.line);
        }
        ++result.rows;
        if (i % 1024 == 0) progress.step(static_cast<double>(i) / static_cast<double>(rows.size()));
    }
    tx.commit();
    progress.step(1.0);
    return result;
}

}  // namespace sponsordesk

#include "sponsordesk/storage/results_repository.h"

#include "sponsordesk/storage/sql.h"

#include "sponsordesk/storage/booking_rules_sql.h"

namespace sponsordesk {
namespace {

std::optional<std::int64_t> opt_int(const sql::Value& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
}

}  // namespace

ResultsRepository::ResultsRepository(Database& db) : db_(db) {}
ResultsRepository::~ResultsRepository() = default;

std::vector<ClickCandidate> ResultsRepository::booked_in(Id issue_id, Id placement_id) {
    return guard_sql([&] {
        sql::Statement q(db_.connection(), std::string("SELECT b.id, s.name, b.link, b.copy FROM booking b "
                                                       "JOIN sponsor s ON s.id = b.sponsor_id "
                                                       "WHERE b.issue_id = ? AND b.placement_id = ? AND ") +
                                               booking_rules::sql::kBooked + " ORDER BY b.id");
        q.bind(1, static_cast<int64_t>(issue_id));
        q.bind(2, static_cast<int64_t>(placement_id));
        std::vector<ClickCandidate> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                           q.getColumn(3).getString()});
        return out;
    });
}

bool ResultsRepository::put_link_clicks(Id issue_id, const std::string& url, Id booking_id, std::int64_t clicks,
                                        std::optional<std::int64_t> unique_clicks) {
    return guard_sql([&] {
        // The same figures again change no row (and count no change).
        if (!put_)
            put_.emplace(db_.connection(),
                         "INSERT INTO link_click (issue_id, url, booking_id, clicks, unique_clicks) "
                         "VALUES (?,?,?,?,?) ON CONFLICT (issue_id, url) DO UPDATE SET "
                         "booking_id = excluded.booking_id, clicks = excluded.clicks, "
                         "unique_clicks = excluded.unique_clicks "
                         "WHERE link_click.booking_id IS DISTINCT FROM excluded.booking_id "
                         "OR link_click.clicks IS DISTINCT FROM excluded.clicks "
                         "OR link_click.unique_clicks IS DISTINCT FROM excluded.unique_clicks");
        sql::Statement& q = *put_;
        q.reset();
        q.bind(1, static_cast<int64_t>(issue_id));
        q.bind(2, url);
        q.bind(3, static_cast<int64_t>(booking_id));
        q.bind(4, static_cast<int64_t>(clicks));
        if (unique_clicks)
            q.bind(5, static_cast<int64_t>(*unique_clicks));
        else
            q.bind(5);
        return q.exec() > 0;
    });
}

std::vector<CampaignBooking> ResultsRepository::sponsor_bookings(Id sponsor_id, const Date& from, const Date& to) {
    return guard_sql([&] {
        sql::Statement q(
            db_.connection(),
            std::string("SELECT b.id, i.date, i.number, p.name, p.language, pl.code, pl.name, p.currency, b.price, "
                        "i.audience, i.opens, "
                        "(SELECT sum(c.clicks) FROM link_click c WHERE c.booking_id = b.id), "
                        "(SELECT sum(c.unique_clicks) FROM link_click c WHERE c.booking_id = b.id), "
                        "(SELECT count(*) FROM link_click c WHERE c.booking_id = b.id) "
                        "FROM booking b JOIN issue i ON i.id = b.issue_id "
                        "JOIN placement pl ON pl.id = b.placement_id "
                        "JOIN publication p ON p.id = i.publication_id "
                        "WHERE b.sponsor_id = ? AND i.date BETWEEN ? AND ? AND ") +
                booking_rules::sql::kBooked + " ORDER BY i.date, p.name, pl.position, pl.code, b.id");
        q.bind(1, static_cast<int64_t>(sponsor_id));
        q.bind(2, from.iso());
        q.bind(3, to.iso());
        std::vector<CampaignBooking> out;
        while (q.executeStep()) {
            CampaignBooking c;
            c.booking_id = q.getColumn(0).getInt64();
            c.issue_date = Date::parse(q.getColumn(1).getString());
            c.issue_number = q.getColumn(2).getInt();
            c.publication_name = q.getColumn(3).getString();
            c.publication_language = q.getColumn(4).getString();
            c.placement_code = q.getColumn(5).getString();
            c.placement_name = q.getColumn(6).getString();
            c.currency = q.getColumn(7).getString();
            c.price = q.getColumn(8).getInt64();
            c.audience = opt_int(q.getColumn(9));
            c.opens = opt_int(q.getColumn(10));
            c.links = q.getColumn(13).getInt();
            if (c.links > 0) {
                c.clicks = opt_int(q.getColumn(11));
                c.unique_clicks = opt_int(q.getColumn(12));
            }
            out.push_back(std::move(c));
        }
        return out;
    });
}

}  // namespace sponsordesk

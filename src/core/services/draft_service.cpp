#include "sponsordesk/services/draft_service.h"

#include <map>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/export/c_locale.h"
#include "sponsordesk/services/catalog_service.h"
#include "sponsordesk/services/issue_service.h"
#include "sponsordesk/storage/booking_repository.h"
#include "sponsordesk/storage/catalog_repository.h"

namespace sponsordesk {

DraftFormat draft_format_from(const std::string& name) {
    if (name == "markdown" || name == "md") return DraftFormat::Markdown;
    if (name == "html") return DraftFormat::Html;
    if (name == "text" || name == "txt") return DraftFormat::Text;
    throw InvalidInput({ErrorCode::InvalidChoice,
                        "format",
                        {{"value", name}, {"choices", std::vector<std::string>{"markdown", "html", "text"}}}},
                       fmt::format("format {} is not one of markdown, html, text", quote_value(name)));
}

DraftContext DraftService::context(const std::string& slug, const Date& date, const std::optional<std::string>& draft) {
    Publication pub = CatalogService(db_).publication(slug);
    Issue issue = IssueService(db_).get(slug, date);
    DraftContext ctx;
    ctx.draft = draft ? *draft : issue.draft;
    ctx.publication_slug = pub.slug;
    ctx.language = pub.language;
    ctx.words_per_minute = pub.words_per_minute;
    ctx.issue_number = issue.number;
    ctx.issue_date = issue.date;

    CatalogRepository catalog(db_);
    std::map<Id, size_t> index;
    for (const auto& pl : catalog.placements(pub.id)) {
        DraftPlacement dp;
        dp.code = pl.code;
        dp.heading = pl.heading;
        dp.house_ad = catalog.house_ad(pl.id);
        index[pl.id] = ctx.placements.size();
        ctx.placements.push_back(std::move(dp));
    }
    BookingFilter f;
    f.today = Date::today();
    f.publication_id = pub.id;
    f.from = f.to = date;
    f.sort = BookingFilter::Sort::BookingNumber;
    BookingRepository(db_).for_each(f, [&](const BookingView& v) {
        if (!v.live) return;  // booking_rules::is_live
        auto it = index.find(v.booking.placement_id);
        if (it == index.end()) return;
        ctx.placements[it->second].bookings.push_back(
            {v.booking.id, v.sponsor_name, v.booking.status, v.booking.copy, v.booking.link});
    });
    return ctx;
}

RenderedDraft DraftService::render(const std::string& slug, const Date& date, DraftFormat format,
                                   const std::optional<std::string>& draft) {
    // What is rendered is published: the same text whatever the UI's locale.
    const CLocaleScope c_locale;
    return render_draft(context(slug, date, draft), format);
}

}  // namespace sponsordesk

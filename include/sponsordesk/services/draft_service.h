#pragma once
// Renders an issue's draft with the copy of the bookings it carries.
#include <optional>
#include <string>

#include "sponsordesk/drafts/draft_renderer.h"
#include "sponsordesk/storage/database.h"

namespace sponsordesk {

class DraftService {
public:
    explicit DraftService(Database& db) : db_(db) {}

    // The facts, its placements (by position) with their live
    // bookings in booking order and house ads; `draft` replaces the saved
    // draft text when given (a live preview of unsaved edits).
    DraftContext context(const std::string& slug, const Date& date,
                         const std::optional<std::string>& draft = std::nullopt);
    RenderedDraft render(const std::string& slug, const Date& date, DraftFormat format,
                         const std::optional<std::string>& draft = std::nullopt);

private:
    Database& db_;
};

DraftFormat draft_format_from(const std::string& name);  // markdown | html | text, else InvalidInput

}  // namespace sponsordesk

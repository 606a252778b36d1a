#pragma once
// UTM campaign tags on sponsor links, through libcurl's URL API.
#include <optional>
#include <string>

#include "sponsordesk/domain/date.h"

namespace sponsordesk {

// Returns `url` with utm_source=<slug>&utm_medium=newsletter&
// utm_campaign=<issue date, ISO>&utm_content=<placement code> appended to its
// query (fragment kept after it). Links that are not http/https, that
// already carry any utm_ parameter, or that libcurl cannot parse come back
// unchanged; `failed`, when given, is set only for an unparsable web link.
std::string add_utm(const std::string& url, const std::string& slug, const Date& issue_date,
                    const std::string& placement_code, bool* failed = nullptr);

// How a call-to-action link is shown to readers: host and path of a web
// link ("acme.fr/essai"), the address of a mailto: link (not
// percent-decoded); nullopt when the
// link cannot be parsed.
std::optional<std::string> link_display_text(const std::string& url);

}  // namespace sponsordesk

#pragma once
// UTM campaign tags on sponsor links, through libcurl's URL API.
#include <optional>
#include <string>
#include <vector>

#include "sponsordesk/domain/date.h"

namespace sponsordesk {

// Returns `url` with utm_source=<slug>&utm_medium=newsletter&
// utm_campaign=<issue date, ISO>&utm_content=<placement code> appended to its
// query (fragment kept after it). Links that are not http/https, that
// already carry any utm_ parameter, or that libcurl cannot parse come back
// unchanged; `failed`, when given, is set only for an unparsable web link.
std::string add_utm(const std::string& url, const std::string& slug, const Date& issue_date,
                    const std::string& placement_code, bool* failed = nullptr);

// A web link read back from a sending platform's click report: its UTM
// tags (as add_utm writes them, percent-decoded; empty when absent), its
// host, and a normalised form that names the link whatever way the
// platform spelled it (scheme and host in lower case, no default port, no
// fragment, query parameters sorted).
struct TaggedLink {
    std::string source, medium, campaign, content;
    std::string host;        // lower case, without a leading "www."
    std::string normalised;  // with the UTM tags
};
// nullopt when `url` is not an http/https link libcurl can parse.
std::optional<TaggedLink> read_tagged_link(const std::string& url);

// The host of a web link as read_tagged_link gives it ("acme.fr" for
// "https://WWW.Acme.fr/x"); nullopt for other links.
std::optional<std::string> link_host(const std::string& url);

// How a call-to-action link is shown to readers: host and path of a web
// link ("acme.fr/essai"), the address of a mailto: link (not
// percent-decoded); nullopt when the
// link cannot be parsed.
std::optional<std::string> link_display_text(const std::string& url);

}  // namespace sponsordesk

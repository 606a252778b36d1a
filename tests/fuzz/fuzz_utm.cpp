// Fuzzes UTM tagging and the call-to-action display text (libcurl's URL
// API). Input: one link.
//
// Properties: a link is either left exactly as written or tagged with all
// four utm_ parameters, in its query (before any fragment); tagging twice
// changes nothing; a link reported as failed, or not http/https, comes back
// unchanged; a mailto: link shows the address it holds.
#include <cctype>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "sponsordesk/drafts/utm.h"

using namespace sponsordesk;
using sponsordesk::fuzz::check;

namespace {

bool starts_with_nocase(const std::string& s, const std::string& prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string url(reinterpret_cast<const char*>(data), size);
    const Date date{2026, 3, 3};
    bool failed = false;
    const std::string tagged = add_utm(url, "lettre", date, "main", &failed);
    const bool web = starts_with_nocase(url, "http://") || starts_with_nocase(url, "https://");
    if (failed || !web) check(tagged == url, "an untagged link comes back as written", tagged);
    if (tagged != url) {
        for (const char* p :
             {"utm_source=lettre", "utm_medium=newsletter", "utm_campaign=2026-03-03", "utm_content=main"})
            check(tagged.find(p) != std::string::npos, "a tagged link carries every utm_ parameter", tagged);
        const size_t hash = tagged.find('#');
        check(hash == std::string::npos || tagged.find("utm_source=") < hash, "tags go before the fragment", tagged);
        check(add_utm(tagged, "lettre", date, "main") == tagged, "tagging twice changes nothing", tagged);
    }

    const auto shown = link_display_text(url);
    if (starts_with_nocase(url, "mailto:") && shown)
        check(url.compare(7, shown->size(), *shown) == 0, "a mailto: link shows its own address", *shown);
    if (shown) check(!shown->empty(), "a shown link is not empty");
    return 0;
}

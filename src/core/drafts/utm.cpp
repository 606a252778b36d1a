#include "sponsordesk/drafts/utm.h"

#include "curl_lazy.h"

#include <cctype>
#include <memory>
#include <string_view>

namespace sponsordesk {
namespace {

struct UrlFree {
    void operator()(CURLU* u) const { lazy_curl::url_cleanup(u); }
};
using UrlPtr = std::unique_ptr<CURLU, UrlFree>;

std::optional<std::string> get_part(CURLU* u, CURLUPart part, unsigned flags = 0) {
    char* value = nullptr;
    if (lazy_curl::url_get(u, part, &value, flags) != CURLUE_OK || !value) return std::nullopt;
    std::string s(value);
    lazy_curl::free(value);
    return s;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

// Whether any name=value pair of the query names a utm_ parameter. curl
// hands the query over whole; pairs are '&'-separated (RFC 3986 form style).
// Pairs are looked at in place: a query of many pairs costs no copies.
bool has_utm_parameter(std::string_view query) {
    size_t start = 0;
    while (start <= query.size()) {
        size_t end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        if (starts_with_nocase(query.substr(start, end - start), "utm_")) return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

std::string add_utm(const std::string& url, const std::string& slug, const Date& issue_date,
                    const std::string& placement_code, bool* failed) {
    if (!starts_with_nocase(url, "http://") && !starts_with_nocase(url, "https://")) return url;
    UrlPtr u(lazy_curl::url());
    if (!u || lazy_curl::url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
        if (failed) *failed = true;
        return url;
    }
    if (auto query = get_part(u.get(), CURLUPART_QUERY); query && has_utm_parameter(*query)) return url;
    const std::string params[] = {"utm_source=" + slug, "utm_medium=newsletter", "utm_campaign=" + issue_date.iso(),
                                  "utm_content=" + placement_code};
    for (const std::string& p : params) {
        if (lazy_curl::url_set(u.get(), CURLUPART_QUERY, p.c_str(), CURLU_APPENDQUERY | CURLU_URLENCODE) != CURLUE_OK) {
            if (failed) *failed = true;
            return url;
        }
    }
    auto tagged = get_part(u.get(), CURLUPART_URL);
    if (!tagged) {
        if (failed) *failed = true;
        return url;
    }
    return *tagged;
}

std::optional<std::string> link_display_text(const std::string& url) {
    if (starts_with_nocase(url, "mailto:")) {
        // libcurl 7.88 cannot parse mailto: URLs; the address is what lies
        // between the scheme and the optional "?subject=…" headers.
        std::string address = url.substr(7, url.find('?') == std::string::npos ? std::string::npos : url.find('?') - 7);
        if (address.empty()) return std::nullopt;
        return address;
    }
    UrlPtr u(lazy_curl::url());
    if (!u || lazy_curl::url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return std::nullopt;
    auto host = get_part(u.get(), CURLUPART_HOST);
    auto path = get_part(u.get(), CURLUPART_PATH);
    if (!host) return std::nullopt;
    std::string shown = *host;
    if (path && *path != "/") shown += *path;
    return shown;
}

}  // namespace sponsordesk

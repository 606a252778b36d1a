#include "sponsordesk/drafts/utm.h"

#include "curl_lazy.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>
#include <vector>

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

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string bare_host(const std::string& host) {
    std::string h = lower(host);
    if (h.rfind("www.", 0) == 0) h.erase(0, 4);
    return h;
}

// Decodes %XX and '+' of one query value (form encoding, as curl wrote it).
std::string decode_query_value(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '+') {
            out += ' ';
        } else if (v[i] == '%' && i + 2 < v.size() && std::isxdigit(static_cast<unsigned char>(v[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(v[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(v.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += v[i];
        }
    }
    return out;
}

UrlPtr parse_web_link(const std::string& url) {
    if (!starts_with_nocase(url, "http://") && !starts_with_nocase(url, "https://")) return nullptr;
    UrlPtr u(lazy_curl::url());
    if (!u || lazy_curl::url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return nullptr;
    return u;
}

}  // namespace

std::optional<TaggedLink> read_tagged_link(const std::string& url) {
    UrlPtr u = parse_web_link(url);
    if (!u) return std::nullopt;
    auto scheme = get_part(u.get(), CURLUPART_SCHEME);
    auto host = get_part(u.get(), CURLUPART_HOST);
    if (!scheme || !host || host->empty()) return std::nullopt;
    auto port = get_part(u.get(), CURLUPART_PORT);
    auto path = get_part(u.get(), CURLUPART_PATH);
    auto query = get_part(u.get(), CURLUPART_QUERY);

    TaggedLink link;
    link.host = bare_host(*host);
    std::vector<std::string_view> pairs;
    if (query) {
        std::string_view q(*query);
        size_t start = 0;
        while (start <= q.size()) {
            size_t end = q.find('&', start);
            if (end == std::string_view::npos) end = q.size();
            std::string_view pair = q.substr(start, end - start);
            if (!pair.empty()) pairs.push_back(pair);
            const size_t eq = pair.find('=');
            const std::string_view name = pair.substr(0, eq);
            const std::string_view value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
            auto is = [&](std::string_view key) { return name.size() == key.size() && starts_with_nocase(name, key); };
            if (is("utm_source")) link.source = decode_query_value(value);
            if (is("utm_medium")) link.medium = decode_query_value(value);
            if (is("utm_campaign")) link.campaign = decode_query_value(value);
            if (is("utm_content")) link.content = decode_query_value(value);
            start = end + 1;
        }
    }
    std::sort(pairs.begin(), pairs.end());
    const std::string s = lower(*scheme);
    link.normalised = s + "://" + lower(*host);
    if (port && !((s == "http" && *port == "80") || (s == "https" && *port == "443"))) link.normalised += ":" + *port;
    link.normalised += path && !path->empty() ? *path : "/";
    for (size_t i = 0; i < pairs.size(); ++i) {
        link.normalised += i == 0 ? '?' : '&';
        link.normalised += pairs[i];
    }
    return link;
}

std::optional<std::string> link_host(const std::string& url) {
    UrlPtr u = parse_web_link(url);
    if (!u) return std::nullopt;
    auto host = get_part(u.get(), CURLUPART_HOST);
    if (!host || host->empty()) return std::nullopt;
    return bare_host(*host);
}

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

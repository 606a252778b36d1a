#include "sponsordesk/domain/text.h"

#include <glib.h>

#include <memory>

#include <fmt/format.h>

#include "sponsordesk/domain/errors.h"
#include "sponsordesk/domain/validation.h"

namespace sponsordesk::text {
namespace {

struct GFree {
    void operator()(gchar* p) const { g_free(p); }
};
using GlibText = std::unique_ptr<gchar, GFree>;

[[noreturn]] void not_utf8(std::string_view field) {
    throw InvalidInput({ErrorCode::NotUtf8, validate::field_key(std::string(field)), {}},
                       fmt::format("{} is not valid UTF-8 text", field));
}

GlibText normalize(const gchar* s, gssize len, GNormalizeMode mode, std::string_view field) {
    GlibText out(g_utf8_normalize(s, len, mode));
    if (!out) not_utf8(field);
    return out;
}

}  // namespace

bool is_utf8(std::string_view s) {
    // g_utf8_validate_len accepts embedded NULs as the byte strings we store do.
    return g_utf8_validate_len(s.data(), s.size(), nullptr) != 0;
}

std::string nfc(std::string_view s, std::string_view field) {
    if (!is_utf8(s)) not_utf8(field);
    if (s.empty()) return {};
    // g_utf8_normalize stops at a NUL; validation refuses control characters
    // before anything is stored, so only the part before one matters here.
    GlibText out = normalize(s.data(), static_cast<gssize>(s.size()), G_NORMALIZE_NFC, field);
    return std::string(out.get());
}

std::string fold(std::string_view s, std::string_view field) {
    if (!is_utf8(s)) not_utf8(field);
    if (s.empty()) return {};
    GlibText decomposed = normalize(s.data(), static_cast<gssize>(s.size()), G_NORMALIZE_NFD, field);
    GlibText folded(g_utf8_casefold(decomposed.get(), -1));
    GlibText composed = normalize(folded.get(), -1, G_NORMALIZE_NFC, field);
    return std::string(composed.get());
}

std::string slug_from(std::string_view name) {
    const char* end = nullptr;
    g_utf8_validate(name.data(), static_cast<gssize>(name.size()), &end);
    const std::string valid(name.data(), static_cast<size_t>(end - name.data()));
    // "C": transliteration by GLib's own table, whatever the process locale.
    GlibText ascii(g_str_to_ascii(valid.c_str(), "C"));
    std::string out;
    for (const char* p = ascii.get(); *p; ++p) {
        const char c = g_ascii_tolower(*p);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace sponsordesk::text

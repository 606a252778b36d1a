#pragma once
// Helpers shared by the libFuzzer targets: a finding is an abort with the
// broken property named, so that libFuzzer saves the input as a crash.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace sponsordesk::fuzz {

[[noreturn]] inline void fail(const char* property, std::string_view detail = {}) {
    std::fprintf(stderr, "\nfuzz property broken: %s\n", property);
    if (!detail.empty()) std::fprintf(stderr, "detail: %.*s\n", static_cast<int>(detail.size()), detail.data());
    std::abort();
}

inline void check(bool ok, const char* property, std::string_view detail = {}) {
    if (!ok) fail(property, detail);
}

// Splits at a form feed: the seed files keep their parts (draft, copy,
// link…) readable, one per page.
inline std::vector<std::string> parts(const uint8_t* data, size_t size, size_t count) {
    std::vector<std::string> out(count);
    size_t k = 0;
    for (size_t i = 0; i < size; ++i) {
        const char c = static_cast<char>(data[i]);
        if (c == '\f' && k + 1 < count)
            ++k;
        else
            out[k] += c;
    }
    return out;
}

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past
// U+10FFFF. Written here, apart from the core, to check the core against.
inline bool strict_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        unsigned long cp = 0, min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (i + n >= s.size()) return false;  // cut short
        for (size_t k = 1; k <= n; ++k) {
            const auto t = static_cast<unsigned char>(s[i + k]);
            if ((t & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (t & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

// A file under /dev/shm (memory) for APIs that read a path: libFuzzer's
// -timeout trips on a loaded machine when a disk write stalls.
class ShmFile {
public:
    explicit ShmFile(const std::string& stem)
        : path_("/dev/shm/sponsordesk-" + stem + "-" + std::to_string(::getpid())) {}
    ~ShmFile() { ::unlink(path_.c_str()); }
    ShmFile(const ShmFile&) = delete;
    ShmFile& operator=(const ShmFile&) = delete;
    const std::string& write(std::string_view content) {
        std::ofstream out(path_, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out) fail("cannot write the input under /dev/shm", path_);
        return path_;
    }

private:
    std::string path_;
};

}  // namespace sponsordesk::fuzz

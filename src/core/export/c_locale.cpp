#include "sponsordesk/export/c_locale.h"

#include <new>

namespace sponsordesk {
namespace {

// Made once and kept for the life of the process: every thread may use it.
locale_t c_locale() {
    static const locale_t c = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(0));
    return c;
}

}  // namespace

CLocaleScope::CLocaleScope() {
    const locale_t c = c_locale();
    // "C" always exists: newlocale fails only when memory runs out.
    if (c == static_cast<locale_t>(0)) throw std::bad_alloc();
    previous_ = uselocale(c);
}

CLocaleScope::~CLocaleScope() { uselocale(previous_); }

}  // namespace sponsordesk

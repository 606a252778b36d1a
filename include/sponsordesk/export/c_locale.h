#pragma once
// CLocaleScope: the files SponsorDesk writes (workbooks, PDFs, drafts) come
// out byte for byte the same whatever the process locale. libxlsxwriter and
// cairo format numbers with the C library's printf, which follows
// LC_NUMERIC: under fr_FR (set by the desktop app) a workbook would hold
// "0,7" where XML wants "0.7". Each writer entry point holds one of these.
#include <locale.h>

namespace sponsordesk {

// Switches the calling thread (only it: uselocale, not setlocale) to the
// "C" locale and restores the thread's previous locale when it goes, so the
// desktop app's report thread and its UI thread can both write files while
// the UI keeps its French locale. Scopes nest; create and destroy one on
// the same thread, in the usual stack order.
class CLocaleScope {
public:
    CLocaleScope();
    ~CLocaleScope();
    CLocaleScope(const CLocaleScope&) = delete;
    CLocaleScope& operator=(const CLocaleScope&) = delete;

private:
    locale_t previous_;
};

}  // namespace sponsordesk

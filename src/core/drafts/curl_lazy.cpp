#include "curl_lazy.h"

#include <dlfcn.h>

#include <string>

#include "sponsordesk/domain/errors.h"

namespace sponsordesk::lazy_curl {
namespace {

struct Api {
    CURLU* (*url)();
    CURLUcode (*url_set)(CURLU*, CURLUPart, const char*, unsigned int);
    CURLUcode (*url_get)(CURLU*, CURLUPart, char**, unsigned int);
    void (*url_cleanup)(CURLU*);
    void (*free)(void*);
    char* (*easy_escape)(CURL*, const char*, int);
};

template <class Fn>
void bind(void* lib, const char* name, Fn& fn) {
    fn = reinterpret_cast<Fn>(dlsym(lib, name));
    if (!fn) throw StorageError({ErrorCode::StorageFailure, "", {}}, std::string("libcurl has no ") + name);
}

const Api& api() {
    // Loaded once, thread-safely, and kept for the life of the process.
    static const Api loaded = [] {
        void* lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
        if (!lib)
            throw StorageError({ErrorCode::StorageFailure, "", {}},
                               std::string("cannot load libcurl (package libcurl4): ") + dlerror());
        Api a{};
        bind(lib, "curl_url", a.url);
        bind(lib, "curl_url_set", a.url_set);
        bind(lib, "curl_url_get", a.url_get);
        bind(lib, "curl_url_cleanup", a.url_cleanup);
        bind(lib, "curl_free", a.free);
        bind(lib, "curl_easy_escape", a.easy_escape);
        return a;
    }();
    return loaded;
}

}  // namespace

CURLU* url() { return api().url(); }
CURLUcode url_set(CURLU* u, CURLUPart part, const char* content, unsigned int flags) {
    return api().url_set(u, part, content, flags);
}
CURLUcode url_get(CURLU* u, CURLUPart part, char** content, unsigned int flags) {
    return api().url_get(u, part, content, flags);
}
void url_cleanup(CURLU* u) { api().url_cleanup(u); }
void free(void* p) { api().free(p); }
char* escape(const char* s, int length) { return api().easy_escape(nullptr, s, length); }

}  // namespace sponsordesk::lazy_curl

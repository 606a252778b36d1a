#pragma once
// libcurl's URL API, loaded the first time it is needed. Linking libcurl
// outright loads it and its ~25 libraries (TLS, Kerberos, LDAP…) into every
// sponsordesk-cli process, which cost 6–7 ms of each command's start; only
// UTM tagging and mail reminders use it.
#include <curl/curl.h>

namespace sponsordesk::lazy_curl {

// Each throws StorageError naming libcurl when it cannot be loaded.
CURLU* url();
CURLUcode url_set(CURLU* u, CURLUPart part, const char* content, unsigned int flags);
CURLUcode url_get(CURLU* u, CURLUPart part, char** content, unsigned int flags);
void url_cleanup(CURLU* u);
void free(void* p);
char* escape(const char* s, int length);

}  // namespace sponsordesk::lazy_curl

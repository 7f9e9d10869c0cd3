// CurlLibrary: the libcurl functions net/ uses, loaded with dlopen on first use.
//
// Why: linking libcurl makes every icetrack process load some thirty more
// libraries (GnuTLS, Kerberos, LDAP, …) whose start-up costs about 20 ms — a
// quarter of a `parse`, more than the whole decompression of a workbook —
// while only `run` ever touches the network. Promises: loaded once per
// process, thread-safely; never unloaded; functions keep libcurl's own types.
#pragma once

#include <curl/curl.h>

#include <string>

namespace icetrack {

struct CurlLibrary {
  decltype(&curl_global_init) global_init;
  decltype(&curl_easy_init) easy_init;
  decltype(&curl_easy_cleanup) easy_cleanup;
  decltype(&curl_easy_setopt) easy_setopt;
  decltype(&curl_easy_perform) easy_perform;
  decltype(&curl_easy_getinfo) easy_getinfo;
  decltype(&curl_easy_strerror) easy_strerror;
  decltype(&curl_slist_append) slist_append;
  decltype(&curl_slist_free_all) slist_free_all;
  decltype(&curl_getdate) getdate;
};

// libcurl, or nullptr when libcurl.so.4 cannot be loaded (`*error`, if not
// null, then says why in one line).
const CurlLibrary* LoadCurlLibrary(std::string* error = nullptr);

}  // namespace icetrack

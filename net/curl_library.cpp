#include "net/curl_library.h"

#include "model/shared_library.h"

namespace icetrack {

const CurlLibrary* LoadCurlLibrary(std::string* error) {
  static const LoadedTable<CurlLibrary> loaded =
      LoadTable<CurlLibrary>("libcurl.so.4", [](SharedLibrary& so, CurlLibrary* c) {
    return so.Bind("curl_global_init", &c->global_init) && so.Bind("curl_easy_init", &c->easy_init) &&
           so.Bind("curl_easy_cleanup", &c->easy_cleanup) && so.Bind("curl_easy_setopt", &c->easy_setopt) &&
           so.Bind("curl_easy_perform", &c->easy_perform) && so.Bind("curl_easy_getinfo", &c->easy_getinfo) &&
           so.Bind("curl_easy_strerror", &c->easy_strerror) && so.Bind("curl_slist_append", &c->slist_append) &&
           so.Bind("curl_slist_free_all", &c->slist_free_all) && so.Bind("curl_getdate", &c->getdate);
  });
  if (!loaded.ok && error) *error = loaded.error;
  return loaded.ok ? &loaded.functions : nullptr;
}

}  // namespace icetrack

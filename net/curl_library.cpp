#include "net/curl_library.h"

#include <dlfcn.h>

namespace icetrack {

namespace {

struct Loaded {
  CurlLibrary library{};
  bool ok = false;
  std::string error;
};

template <typename F>
bool Resolve(void* handle, const char* name, F* out, std::string* error) {
  *out = reinterpret_cast<F>(dlsym(handle, name));
  if (!*out && error->empty()) *error = std::string("libcurl.so.4 has no ") + name;
  return *out != nullptr;
}

Loaded Load() {
  Loaded l;
  void* handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    l.error = std::string("cannot load libcurl: ") + (why ? why : "libcurl.so.4 not found");
    return l;
  }
  CurlLibrary& c = l.library;
  bool ok = Resolve(handle, "curl_global_init", &c.global_init, &l.error);
  ok = Resolve(handle, "curl_easy_init", &c.easy_init, &l.error) && ok;
  ok = Resolve(handle, "curl_easy_cleanup", &c.easy_cleanup, &l.error) && ok;
  ok = Resolve(handle, "curl_easy_setopt", &c.easy_setopt, &l.error) && ok;
  ok = Resolve(handle, "curl_easy_perform", &c.easy_perform, &l.error) && ok;
  ok = Resolve(handle, "curl_easy_getinfo", &c.easy_getinfo, &l.error) && ok;
  ok = Resolve(handle, "curl_easy_strerror", &c.easy_strerror, &l.error) && ok;
  ok = Resolve(handle, "curl_slist_append", &c.slist_append, &l.error) && ok;
  ok = Resolve(handle, "curl_slist_free_all", &c.slist_free_all, &l.error) && ok;
  ok = Resolve(handle, "curl_getdate", &c.getdate, &l.error) && ok;
  l.ok = ok;
  return l;  // the handle stays open for the life of the process
}

}  // namespace

const CurlLibrary* LoadCurlLibrary(std::string* error) {
  static const Loaded loaded = Load();  // once, even under concurrent first calls
  if (!loaded.ok && error) *error = loaded.error;
  return loaded.ok ? &loaded.library : nullptr;
}

}  // namespace icetrack

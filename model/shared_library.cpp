#include "model/shared_library.h"

#include <dlfcn.h>

namespace icetrack {

bool SharedLibrary::Open(const char* soname) {
  soname_ = soname;
  handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);  // never closed
  if (!handle_) {
    const char* why = dlerror();
    error_ = std::string("cannot load ") + soname + ": " + (why ? why : "not found");
  }
  return handle_ != nullptr;
}

void* SharedLibrary::Find(const char* name) {
  void* found = handle_ ? dlsym(handle_, name) : nullptr;
  if (!found && error_.empty()) error_ = soname_ + " has no " + name;
  return found;
}

}  // namespace icetrack

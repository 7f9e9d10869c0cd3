// SharedLibrary: a library opened with dlopen where it is needed, and its
// functions found by name.
//
// Why: every library the binary links is mapped, relocated and initialised at
// the start of every icetrack process, whatever the command does. Those that
// only some commands use (libcurl for `run`, libsystemd for the daemon,
// libcrypto for hashes and signatures, libxlsxwriter for `export`) are opened
// with this instead; `parse` then starts in about half the time
// (docs/PERFORMANCE.md).
//
// Promises: a library is opened RTLD_NOW | RTLD_LOCAL and never closed (its
// functions stay valid for the life of the process); a function that is not
// there is an error that names it, never a null pointer handed on. Never throws.
#pragma once

#include <string>

namespace icetrack {

class SharedLibrary {
 public:
  // Opens `soname` (e.g. "libcrypto.so.3"); false, with error() saying why, when it cannot.
  bool Open(const char* soname);
  // Sets `*function` to the library's function `name`; false (error() names
  // the first one missing) when there is none.
  template <typename F>
  bool Bind(const char* name, F* function) {
    void* found = Find(name);
    *function = reinterpret_cast<F>(found);
    return found != nullptr;
  }
  // One line: "cannot load libcurl.so.4: …" or "libcurl.so.4 has no curl_getdate".
  const std::string& error() const { return error_; }

 private:
  void* Find(const char* name);

  void* handle_ = nullptr;
  std::string soname_;
  std::string error_;
};

// A library's table of functions (a struct of pointers), as LoadTable gives it.
template <typename Table>
struct LoadedTable {
  Table functions{};
  bool ok = false;     // the library opened and every function found
  std::string error;   // why not, in one line
};

// Opens `soname` and fills a Table through `bind(SharedLibrary&, Table*)`,
// which returns whether it found every function. Callers keep the result in
// a function-local static: loaded once, even under concurrent first calls.
template <typename Table, typename Bind>
LoadedTable<Table> LoadTable(const char* soname, Bind bind) {
  LoadedTable<Table> loaded;
  SharedLibrary so;
  loaded.ok = so.Open(soname) && bind(so, &loaded.functions);
  loaded.error = so.error();
  return loaded;
}

}  // namespace icetrack

// Owners of libcurl handles, for net/ only (the rest of icetrack never sees curl).
//
// Promises: each handle is released exactly once, by its owner's destructor;
// libcurl's global state is initialised once per process, thread-safely,
// before the first easy handle exists.
#pragma once

#include <curl/curl.h>

#include "net/curl_library.h"

#include <string>

#include "model/status.h"

namespace icetrack {

// Loads libcurl (see curl_library.h) and runs curl_global_init, once; later
// calls return the first outcome. Call it before any other function here.
Status CurlGlobalInit();
// The loaded library; only valid after CurlGlobalInit() succeeded.
const CurlLibrary& Curl();

class CurlEasy {
 public:
  CurlEasy() : handle_(Curl().easy_init()) {}
  ~CurlEasy() {
    if (handle_) Curl().easy_cleanup(handle_);
  }
  CurlEasy(const CurlEasy&) = delete;
  CurlEasy& operator=(const CurlEasy&) = delete;

  CURL* get() const { return handle_; }

 private:
  CURL* handle_;
};

class CurlHeaderList {
 public:
  CurlHeaderList() = default;
  ~CurlHeaderList() {
    if (list_) Curl().slist_free_all(list_);
  }
  CurlHeaderList(const CurlHeaderList&) = delete;
  CurlHeaderList& operator=(const CurlHeaderList&) = delete;

  // Appends "Name: value"; false when libcurl is out of memory.
  bool Append(const std::string& line);
  curl_slist* get() const { return list_; }

 private:
  curl_slist* list_ = nullptr;
};

}  // namespace icetrack

#include "net/curl_handles.h"

namespace icetrack {

Status CurlGlobalInit() {
  // A function-local static is initialised once even under concurrent first calls.
  static const Status status = [] {
    std::string error;
    const CurlLibrary* curl = LoadCurlLibrary(&error);
    if (!curl) return Status::Error(error);
    CURLcode code = curl->global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK)
      return Status::Error(std::string("libcurl initialisation failed: ") + curl->easy_strerror(code));
    return Status::Ok();
  }();
  return status;
}

const CurlLibrary& Curl() { return *LoadCurlLibrary(); }

bool CurlHeaderList::Append(const std::string& line) {
  curl_slist* grown = Curl().slist_append(list_, line.c_str());
  if (!grown) return false;
  list_ = grown;
  return true;
}

}  // namespace icetrack

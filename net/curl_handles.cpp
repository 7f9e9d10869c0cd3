#include "net/curl_handles.h"

namespace icetrack {

Status CurlGlobalInit() {
  // A function-local static is initialised once even under concurrent first calls.
  static const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK)
    return Status::Error(std::string("libcurl initialisation failed: ") + curl_easy_strerror(code));
  return Status::Ok();
}

bool CurlHeaderList::Append(const std::string& line) {
  curl_slist* grown = curl_slist_append(list_, line.c_str());
  if (!grown) return false;
  list_ = grown;
  return true;
}

}  // namespace icetrack

#include "fetcher/download.h"

#include "fetcher/url_resolve.h"
#include "model/text_fold.h"

namespace icetrack {
namespace {

const char kZipMagic[] = "PK\x03\x04";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int high = HexValue(text[i + 1]), low = HexValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// What the body looks like instead, for the message: a person reading it
// should see at once that ICE's site sent a page, not a broken workbook.
std::string DescribeBody(const Download& d, const std::string& content_type) {
  size_t start = d.body.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  std::string what = "no zip signature";
  if (d.body.empty()) what = "an empty body";
  else if (start != std::string::npos && d.body[start] == '<') what = "an HTML page";
  std::string text = d.url + ": not a workbook: HTTP " + std::to_string(d.status) + " sent " + what;
  if (!content_type.empty()) text += " (" + content_type + ")";
  return text;
}

Status Get(const HttpClient& client, const RetryBudget& budget, const std::string& url,
           const Validators& validators, Download* out, HttpResponse* response) {
  *out = Download();
  out->url = url;
  HttpRequest request;
  request.url = url;
  request.if_none_match = validators.etag;
  request.if_modified_since = validators.last_modified;
  Status s = client.Fetch(request, budget, response);
  out->final_url = response->final_url;
  out->status = response->status;
  out->etag = response->etag();
  out->last_modified = response->last_modified();
  if (!s.ok()) return s;
  // A 3xx other than 304 is what is left when redirects could not be followed (no Location).
  if (response->status >= 300 && !response->not_modified())
    return Status::Error(url + ": HTTP " + std::to_string(response->status) + " without a usable redirect");
  out->not_modified = response->not_modified();
  if (!out->not_modified) out->body = std::move(response->body);
  return Status::Ok();
}

}  // namespace

std::string UrlFileName(const std::string& url) {
  std::string path = SplitUrl(url).path;
  std::string name = PercentDecode(path.substr(path.rfind('/') + 1));
  // A decoded "%2F" must not smuggle in a directory.
  size_t separator = name.find_last_of("/\\");
  return separator == std::string::npos ? name : name.substr(separator + 1);
}

bool IsPdfBody(std::string_view body) { return body.substr(0, 5) == "%PDF-"; }

std::string SafeFileName(const std::string& url, const std::string& fallback) {
  std::string name = UrlFileName(url);
  if (name.empty() || name == "." || name == "..") return fallback;
  for (char& c : name) {
    if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '_';
  }
  // Room for what callers put before it and a temporary suffix within a
  // file system's 255 bytes; the extension kept, no UTF-8 sequence cut.
  if (name.size() > kMaxSafeName) {
    size_t dot = name.rfind('.');
    std::string ext = dot != std::string::npos && name.size() - dot <= 10 ? name.substr(dot) : "";
    name = std::string(Utf8Prefix(name, kMaxSafeName - ext.size())) + ext;
  }
  return name;
}

Status FetchPage(const HttpClient& client, const RetryBudget& budget, const std::string& url,
                 const Validators& validators, Download* out) {
  HttpResponse response;
  return Get(client, budget, url, validators, out, &response);
}

Status DownloadWorkbook(const HttpClient& client, const RetryBudget& budget, const std::string& url,
                        const Validators& validators, Download* out) {
  HttpResponse response;
  Status s = Get(client, budget, url, validators, out, &response);
  if (!s.ok() || out->not_modified) return s;
  out->file_name = response.filename();
  if (out->file_name.empty()) out->file_name = UrlFileName(out->final_url.empty() ? url : out->final_url);
  if (out->body.compare(0, 4, kZipMagic) == 0) return Status::Ok();
  out->not_a_workbook = true;
  s = Status::Error(DescribeBody(*out, response.content_type()));
  out->body.clear();
  return s;
}

}  // namespace icetrack

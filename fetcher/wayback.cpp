#include "fetcher/wayback.h"

#include <nlohmann/json.hpp>

#include "model/ascii_text.h"
#include "model/utc_time.h"

namespace icetrack {
namespace {

constexpr char kFields[] = "timestamp,original,mimetype,statuscode,digest,length";

// A query value: unreserved characters and '/' and ':' as they are, the rest %XX.
std::string QueryValue(std::string_view text) { return PercentEncode(text, "/:"); }

// No space, no control character: a URL or a digest that can go into a request and an error line as it is.
bool IsToken(std::string_view s) {
  for (unsigned char c : s) {
    if (c <= 0x20 || c == 0x7f) return false;
  }
  return !s.empty();
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

Status Bad(const std::string& what) { return Status::Error("the archive's index: " + what); }

// A value of the answer as an error may quote it: printable ASCII, at most 40 characters.
std::string Shown(const std::string& value) {
  std::string out;
  for (char c : value.substr(0, 40)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return out + (value.size() > 40 ? "..." : "");
}

}  // namespace

std::string CdxQueryUrl(std::string_view archive, const CdxQuery& q) {
  std::string out = std::string(archive) + "/cdx/search/cdx?url=" + QueryValue(q.url);
  if (q.prefix) out += "&matchType=prefix";
  out += "&output=json&fl=" + std::string(kFields) + "&filter=statuscode:200&collapse=digest";
  if (!q.from.empty()) out += "&from=" + QueryValue(q.from);
  if (!q.to.empty()) out += "&to=" + QueryValue(q.to);
  return out;
}

Status ParseCdx(std::string_view json, std::vector<ArchiveCapture>* out) {
  out->clear();
  nlohmann::json rows = nlohmann::json::parse(json, nullptr, false);
  if (rows.is_discarded()) return Bad("not JSON");
  if (!rows.is_array()) return Bad("not an array of captures");
  if (rows.empty()) return Status::Ok();
  const nlohmann::json& header = rows[0];
  if (!header.is_array()) return Bad("row 1 is not a header of field names");
  int timestamp = -1, original = -1, mimetype = -1, digest = -1;
  for (size_t i = 0; i < header.size(); ++i) {
    if (!header[i].is_string()) return Bad("row 1 is not a header of field names");
    const std::string& name = header[i].get_ref<const std::string&>();
    int index = static_cast<int>(i);
    if (name == "timestamp") timestamp = index;
    if (name == "original") original = index;
    if (name == "mimetype") mimetype = index;
    if (name == "digest") digest = index;
  }
  if (timestamp < 0 || original < 0 || digest < 0) return Bad("the header lacks timestamp, original or digest");
  std::vector<ArchiveCapture> captures;  // given out whole or not at all
  for (size_t r = 1; r < rows.size(); ++r) {
    const nlohmann::json& row = rows[r];
    std::string where = "row " + std::to_string(r + 1);
    if (!row.is_array() || row.size() != header.size()) return Bad(where + " does not match the header");
    for (const auto& value : row) {
      if (!value.is_string()) return Bad(where + " holds a value that is not a string");
    }
    ArchiveCapture c;
    c.timestamp = row[static_cast<size_t>(timestamp)];
    c.url = row[static_cast<size_t>(original)];
    c.digest = row[static_cast<size_t>(digest)];
    if (mimetype >= 0) c.mimetype = row[static_cast<size_t>(mimetype)];
    if (CaptureTime(c.timestamp).empty()) return Bad(where + ": \"" + Shown(c.timestamp) + "\" is not a capture time");
    if (c.digest.empty() || c.url.empty()) return Bad(where + ": a capture needs its URL and digest");
    if (!IsToken(c.digest) || !IsToken(c.url)) return Bad(where + ": a capture's URL or digest holds a space or a control character");
    captures.push_back(std::move(c));
  }
  *out = std::move(captures);
  return Status::Ok();
}

std::string CaptureUrl(std::string_view archive, const ArchiveCapture& c) {
  return std::string(archive) + "/web/" + c.timestamp + "id_/" + c.url;
}

std::string CdxTimestamp(UtcTime t) {
  std::string iso = FormatIsoTime(t);  // YYYY-MM-DDTHH:MM:SSZ
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + iso.substr(11, 2) + iso.substr(14, 2) + iso.substr(17, 2);
}

bool MayBeWorkbook(std::string_view mimetype) {
  for (std::string_view no : {"text/", "application/pdf", "image/", "application/json"}) {
    if (mimetype.substr(0, no.size()) == no) return false;
  }
  return true;
}

bool IsPageCapture(std::string_view mimetype) { return mimetype.substr(0, 9) == "text/html"; }

std::string CaptureTime(std::string_view t) {
  if (t.size() != 14 || !AllDigits(t)) return "";
  std::string iso = std::string(t.substr(0, 4)) + "-" + std::string(t.substr(4, 2)) + "-" + std::string(t.substr(6, 2)) +
                    "T" + std::string(t.substr(8, 2)) + ":" + std::string(t.substr(10, 2)) + ":" +
                    std::string(t.substr(12, 2)) + "Z";
  UtcTime parsed;
  if (!ParseIsoTime(iso, &parsed) || FormatIsoTime(parsed) != iso) return "";
  return iso;
}

}  // namespace icetrack

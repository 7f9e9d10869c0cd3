#include "store/record_codec.h"

namespace icetrack {

const char* const kSnapshotColumns =
    "id, list, sha256, source_name, source_url, published_at, observed_at, sheet, note, "
    "rows, jem, tfm, wso, no_model, status, accepted_by_hand, source";

SnapshotInfo ReadSnapshot(const sql::Statement& st) {
  SnapshotInfo s;
  s.id = st.Int(0);
  ParseListKind(st.Text(1), &s.list);
  s.sha256 = st.Text(2);
  s.source_name = st.Text(3);
  s.source_url = st.Text(4);
  s.published_at = st.Text(5);
  s.observed_at = st.Text(6);
  s.sheet = st.Text(7);
  s.note = st.Text(8);
  s.rows = static_cast<int>(st.Int(9));
  s.jem = static_cast<int>(st.Int(10));
  s.tfm = static_cast<int>(st.Int(11));
  s.wso = static_cast<int>(st.Int(12));
  s.no_model = static_cast<int>(st.Int(13));
  ParseSnapshotStatus(st.Text(14), &s.status);
  s.accepted_by_hand = st.Int(15) != 0;
  ParseSnapshotSource(st.Text(16), &s.source);
  return s;
}

const char* const kFetchColumns =
    "at, url, final_url, status, etag, last_modified, bytes, sha256, outcome, error, snapshot_id, links";

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

FetchRecord ReadFetch(const sql::Statement& st) {
  FetchRecord f;
  f.at = st.Text(0);
  f.url = st.Text(1);
  f.final_url = st.Text(2);
  f.status = static_cast<long>(st.Int(3));
  f.etag = st.Text(4);
  f.last_modified = st.Text(5);
  f.bytes = st.Int(6);
  f.sha256 = st.Text(7);
  ParseFetchOutcome(st.Text(8), &f.outcome);
  f.error = st.Text(9);
  f.snapshot_id = st.Int(10);
  f.links = SplitLines(st.Text(11));
  return f;
}

Status KeepMoaFile(sql::Database* db, const std::string& url, const std::string& sha256, const std::string& seen_at,
                   std::string_view bytes) {
  auto file = db->Prepare("INSERT OR IGNORE INTO moa_files (sha256, size, content) VALUES (?, ?, ?)");
  file->BindText(1, sha256).Bind(2, static_cast<int64_t>(bytes.size())).BindBlobInPlace(3, bytes);
  Status s = file->Run();
  if (!s.ok()) return s;
  auto version = db->Prepare("INSERT OR IGNORE INTO moa_versions (url, sha256, seen_at) VALUES (?, ?, ?)");
  version->BindText(1, url).BindText(2, sha256).BindText(3, seen_at);
  return version->Run();
}

Status ContentBySha256(sql::Database* db, const char* table, const std::string& sha256, const char* missing,
                       std::string* out) {
  auto st = db->Prepare(std::string("SELECT content FROM ") + table + " WHERE sha256 = ?");
  st->BindText(1, sha256);
  if (!st->Step()) return st->status().ok() ? Status::Error(std::string(missing) + " " + sha256) : st->status();
  *out = st->Text(0);
  return Status::Ok();
}

}  // namespace icetrack

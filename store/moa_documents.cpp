// The MOA documents `--archive-moa` checks (see Store: MoaDocuments).
#include "store/record_codec.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace icetrack {

Status Store::MoaDocuments(std::map<std::string, MoaDocument>* out) {
  out->clear();
  auto st = db_->Prepare(
      "SELECT url, status, sha256, etag, last_modified, first_checked, checked_at, error FROM moa_documents");
  while (st->Step()) {
    MoaDocument d;
    d.url = st->Text(0);
    ParseDocumentStatus(st->Text(1), &d.status);
    d.sha256 = st->Text(2);
    d.etag = st->Text(3);
    d.last_modified = st->Text(4);
    d.first_checked = st->Text(5);
    d.checked_at = st->Text(6);
    d.error = st->Text(7);
    (*out)[d.url] = std::move(d);
  }
  return st->status();
}

Status Store::RecordMoaCheck(const MoaDocument& d, std::string_view bytes, const std::vector<ChangeEvent>& events,
                             const std::vector<AlertRoute>& routes) {
  sql::Transaction tx(db_.get());
  Status s = tx.status();
  if (s.ok() && !bytes.empty()) s = KeepMoaFile(db_.get(), d.url, d.sha256, d.checked_at, bytes);
  if (s.ok()) {
    auto row = db_->Prepare(
        "INSERT INTO moa_documents (url, status, sha256, etag, last_modified, first_checked, checked_at, error) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (url) DO UPDATE SET status = ?2, sha256 = ?3, "
        "etag = ?4, last_modified = ?5, checked_at = ?7, error = ?8");
    row->BindText(1, d.url).BindText(2, ToString(d.status)).Bind(3, d.sha256).Bind(4, d.etag).Bind(5, d.last_modified)
        .BindText(6, d.first_checked.empty() ? d.checked_at : d.first_checked).BindText(7, d.checked_at).Bind(8, d.error);
    s = row->Run();
  }
  std::vector<int64_t> ids;
  if (s.ok() && !events.empty()) s = WriteEvents(0, d.checked_at, events, {}, &ids);
  if (s.ok()) s = WriteRoutes(ids, routes);
  if (s.ok()) s = tx.Commit();
  return s;
}

Status Store::MoaVersions(const std::vector<std::string>& urls, std::vector<MoaVersion>* out) {
  out->clear();
  auto st = db_->Prepare(
      "SELECT v.url, v.sha256, v.seen_at, f.size FROM moa_versions v JOIN moa_files f USING (sha256) "
      "WHERE v.url = ? ORDER BY v.seen_at");
  for (const std::string& url : urls) {
    st->Reset();
    st->BindText(1, url);
    while (st->Step()) out->push_back({st->Text(0), st->Text(1), st->Text(2), st->Int(3)});
    if (!st->status().ok()) return st->status();
  }
  return Status::Ok();
}

Status Store::MoaFile(const std::string& sha256, std::string* out) {
  return ContentBySha256(db_.get(), "moa_files", sha256, "no stored document", out);
}

}  // namespace icetrack

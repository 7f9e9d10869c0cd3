// The Internet Archive's captures a backfill found, and the bytes it kept
// before recording them (see Store: AddCaptures).
#include "store/store.h"
#include "store/record_codec.h"
#include "store/sqlite_db.h"


namespace icetrack {

Status Store::AddCaptures(const std::vector<ArchiveCapture>& captures, int* added) {
  *added = 0;
  sql::Transaction transaction(db_.get());
  Status s = transaction.status();
  if (!s.ok()) return s;
  auto st = db_->Prepare(
      "INSERT OR IGNORE INTO archive_captures (digest, url, timestamp, mimetype, status) VALUES (?, ?, ?, ?, ?)");
  for (const ArchiveCapture& c : captures) {
    st->Reset();
    st->BindText(1, c.digest).BindText(2, c.url).BindText(3, c.timestamp).BindText(4, c.mimetype)
        .BindText(5, ToString(CaptureStatus::Found));
    if (!(s = st->Run()).ok()) break;
    *added += db_->Changes();
  }
  return s.ok() ? transaction.Commit() : s;
}

Status Store::Captures(std::vector<ArchiveCapture>* out) {
  out->clear();
  auto st = db_->Prepare(
      "SELECT digest, url, timestamp, mimetype, status, sha256, snapshot_id, error, last_modified FROM archive_captures "
      "ORDER BY timestamp, digest");
  while (st->Step()) {
    ArchiveCapture c;
    c.digest = st->Text(0);
    c.url = st->Text(1);
    c.timestamp = st->Text(2);
    c.mimetype = st->Text(3);
    ParseCaptureStatus(st->Text(4), &c.status);
    c.sha256 = st->Text(5);
    c.snapshot_id = st->Int(6);
    c.error = st->Text(7);
    c.last_modified = st->Text(8);
    out->push_back(std::move(c));
  }
  return st->status();
}

Status Store::UpdateCapture(const ArchiveCapture& c) {
  sql::Transaction tx(db_.get());
  Status s = tx.status();
  auto st = db_->Prepare(
      "UPDATE archive_captures SET status = ?, sha256 = ?, snapshot_id = ?, error = ?, last_modified = ? WHERE digest = ?");
  st->BindText(1, ToString(c.status)).Bind(2, c.sha256);
  if (c.snapshot_id) st->Bind(3, c.snapshot_id);
  else st->BindNull(3);
  st->Bind(4, c.error).Bind(5, c.last_modified).BindText(6, c.digest);
  if (s.ok()) s = st->Run();
  // Done with, its fetched bytes go unless a snapshot is them (a workbook)
  // or another capture waits on them: a page's snapshot keeps its table's
  // markup, and what was set aside is never read again.
  bool done = c.status == CaptureStatus::Stored || c.status == CaptureStatus::Refused;
  if (s.ok() && done && !c.sha256.empty()) {
    auto drop = db_->Prepare(
        "DELETE FROM workbooks WHERE sha256 = ?1 AND NOT EXISTS (SELECT 1 FROM snapshots WHERE sha256 = ?1) "
        "AND NOT EXISTS (SELECT 1 FROM archive_captures WHERE sha256 = ?1 AND status = 'fetched')");
    drop->BindText(1, c.sha256);
    s = drop->Run();
  }
  if (s.ok()) s = tx.Commit();
  return s;
}

Status Store::KeepWorkbook(const std::string& sha256, std::string_view bytes) {
  auto st = db_->Prepare("INSERT OR IGNORE INTO workbooks (sha256, size, content) VALUES (?, ?, ?)");
  st->BindText(1, sha256).Bind(2, static_cast<int64_t>(bytes.size())).BindBlobInPlace(3, bytes);
  return st->Run();
}

Status Store::WorkbookBytes(const std::string& sha256, std::string* out) {
  return ContentBySha256(db_.get(), "workbooks", sha256, "no stored bytes of", out);
}

}  // namespace icetrack

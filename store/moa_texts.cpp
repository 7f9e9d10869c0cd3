// The MOA documents' text and the predicted MOA URLs (see Store: RecordMoaText, MoaProbes).
#include "store/record_codec.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace icetrack {
namespace {

// `phrase` as one FTS5 phrase: its words in order, whatever punctuation it has.
std::string PhraseQuery(const std::string& phrase) {
  std::string quoted = "\"";
  for (char c : phrase) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// The agreements that link (or whose predicted URL found) `url`.
Status AgreementsAt(sql::Database* db, const std::string& url, std::vector<AgreementName>* out) {
  auto st = db->Prepare(
      "SELECT DISTINCT state_code, agency, model FROM row_versions WHERE moa_url = ?1 OR addendum_url = ?1 "
      "UNION SELECT v.state_code, v.agency, v.model FROM moa_probes p "
      "JOIN agreements a ON a.list = 'participating' AND a.key = p.list_key "
      "JOIN row_versions v ON v.id = a.version_id WHERE p.url = ?1 AND p.status = 'found' ORDER BY 2, 1, 3");
  st->BindText(1, url);
  while (st->Step()) {
    AgreementName name{st->Text(0), st->Text(1), st->Text(2)};
    bool known = false;
    for (const AgreementName& n : *out) known = known || (n.state_code == name.state_code && n.agency == name.agency && n.model == name.model);
    if (!known) out->push_back(std::move(name));
  }
  return st->status();
}

}  // namespace

Status Store::MoaFilesWithoutText(std::vector<std::string>* out) {
  out->clear();
  auto st = db_->Prepare(
      "SELECT f.sha256 FROM moa_files f LEFT JOIN moa_texts t USING (sha256) WHERE t.sha256 IS NULL "
      "ORDER BY f.rowid");
  while (st->Step()) out->push_back(st->Text(0));
  return st->status();
}

Status Store::RecordMoaText(const std::string& sha256, const std::string& text, const std::string& error,
                            const std::string& at) {
  sql::Transaction tx(db_.get());
  Status s = tx.status();
  if (s.ok()) {
    auto row = db_->Prepare("INSERT OR REPLACE INTO moa_texts (sha256, extracted_at, error) VALUES (?, ?, ?)");
    row->BindText(1, sha256).BindText(2, at).BindText(3, error);
    s = row->Run();
  }
  // The index's rowid is the document's (moa_files): found by it, not by a scan of an unindexed column.
  if (s.ok()) {
    auto drop = db_->Prepare("DELETE FROM moa_text_index WHERE rowid = (SELECT rowid FROM moa_files WHERE sha256 = ?)");
    drop->BindText(1, sha256);
    s = drop->Run();
  }
  if (s.ok() && error.empty()) {
    auto index = db_->Prepare(
        "INSERT INTO moa_text_index (rowid, sha256, body) SELECT rowid, sha256, ?2 FROM moa_files WHERE sha256 = ?1");
    index->BindText(1, sha256).BindText(2, text);
    s = index->Run();
  }
  if (s.ok()) s = tx.Commit();
  return s;
}

Status Store::SearchMoaText(const std::string& phrase, int limit, std::vector<MoaTextHit>* out,
                            const std::set<std::string>* among) {
  out->clear();
  auto st = db_->Prepare(
      "SELECT i.sha256, snippet(moa_text_index, 1, '[', ']', '…', 16), f.size FROM moa_text_index i "
      "JOIN moa_files f ON f.rowid = i.rowid WHERE moa_text_index MATCH ? ORDER BY rank");
  st->BindText(1, PhraseQuery(phrase));
  while (out->size() < static_cast<size_t>(limit) && st->Step()) {
    if (among && !among->count(st->Text(0))) continue;
    out->push_back({st->Text(0), st->Text(1), st->Int(2), {}, {}});
  }
  Status s = st->status();
  auto served = db_->Prepare("SELECT url, seen_at FROM moa_versions WHERE sha256 = ? ORDER BY seen_at, url");
  for (MoaTextHit& hit : *out) {
    if (!s.ok()) break;
    served->Reset();
    served->BindText(1, hit.sha256);
    while (served->Step()) hit.served.push_back({served->Text(0), hit.sha256, served->Text(1), hit.size});
    s = served->status();
    for (const MoaVersion& v : hit.served)
      if (s.ok()) s = AgreementsAt(db_.get(), v.url, &hit.agreements);
  }
  return s;
}

Status Store::MoaProbes(std::map<std::string, MoaProbe>* out) {
  out->clear();
  auto st = db_->Prepare("SELECT url, list_key, status, sha256, checked_at, error FROM moa_probes");
  while (st->Step()) {
    MoaProbe p;
    p.url = st->Text(0);
    p.key = st->Text(1);
    ParseProbeStatus(st->Text(2), &p.status);
    p.sha256 = st->Text(3);
    p.checked_at = st->Text(4);
    p.error = st->Text(5);
    (*out)[p.url] = std::move(p);
  }
  return st->status();
}

Status Store::RecordMoaProbe(const MoaProbe& p, std::string_view bytes, const std::string& text,
                             const std::vector<ChangeEvent>& events, const std::vector<AlertRoute>& routes) {
  sql::Transaction tx(db_.get());
  Status s = tx.status();
  if (s.ok() && !bytes.empty()) s = KeepMoaFile(db_.get(), p.url, p.sha256, p.checked_at, bytes);
  if (s.ok()) {
    auto row = db_->Prepare(
        "INSERT OR REPLACE INTO moa_probes (url, list_key, status, sha256, checked_at, error) VALUES (?, ?, ?, ?, ?, ?)");
    row->BindText(1, p.url).BindText(2, p.key).BindText(3, ToString(p.status)).Bind(4, p.sha256)
        .BindText(5, p.checked_at).BindText(6, p.error);
    s = row->Run();
  }
  std::vector<int64_t> ids;
  if (s.ok() && !events.empty()) s = WriteEvents(0, p.checked_at, events, {}, &ids);
  if (s.ok()) s = WriteRoutes(ids, routes);
  if (s.ok()) s = tx.Commit();
  // The text goes in after (its own transaction): a found document is searchable at once.
  if (s.ok() && !bytes.empty()) s = RecordMoaText(p.sha256, text, "", p.checked_at);
  return s;
}

}  // namespace icetrack

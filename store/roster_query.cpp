// The roster of a date, read from the view `roster_rows` (see Store in store.h).
#include "store/record_codec.h"
#include "store/row_codec.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace icetrack {

Status Store::LatestAcceptedBefore(ListKind list, UtcTime before, std::optional<SnapshotInfo>* out) {
  out->reset();
  auto st = db_->Prepare(std::string("SELECT ") + kSnapshotColumns +
                         " FROM snapshots WHERE list = ? AND status = ? AND unixepoch(published_at) < ? "
                         "ORDER BY unixepoch(published_at) DESC, id DESC LIMIT 1");
  st->BindText(1, ToString(list)).BindText(2, ToString(SnapshotStatus::Accepted)).Bind(3, before.seconds);
  if (st->Step()) *out = ReadSnapshot(*st);
  return st->status();
}

Status Store::RosterAt(const RosterQuery& query, std::optional<SnapshotInfo>* snapshot,
                       std::vector<RosterEntry>* out) {
  out->clear();
  Status s = LatestAcceptedBefore(query.list, query.before, snapshot);
  if (!s.ok() || !snapshot->has_value()) return s;
  // `v` names the view, so that kRowSelect reads its columns as it reads row_versions'.
  std::string sql = std::string("SELECT v.agreement_id, v.first_listed, v.last_changed, ") + kRowSelect +
                    " FROM roster_rows v WHERE v.snapshot_id = ?1";
  if (!query.state_code.empty()) sql += " AND v.state_code = ?2";
  if (query.model != Model::Unknown) sql += " AND v.model = ?3";
  sql += " ORDER BY v.state_code, v.agency, v.model, v.source_row";
  auto st = db_->Prepare(sql);
  st->Bind(1, (*snapshot)->id);
  if (!query.state_code.empty()) st->BindText(2, query.state_code);
  if (query.model != Model::Unknown) st->BindText(3, ToString(query.model));
  while (st->Step()) {
    RosterEntry e;
    e.agreement_id = st->Int(0);
    e.list = query.list;
    e.first_listed = st->Text(1);
    e.last_changed = st->Text(2);
    e.row = ReadRow(*st, 3);
    out->push_back(std::move(e));
  }
  return st->status();
}

}  // namespace icetrack

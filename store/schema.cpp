#include "store/schema.h"

#include <iterator>
#include <string>

#include "store/event_uid.h"

namespace icetrack::sql {

namespace {

// Migration N takes user_version N-1 to N. Never edit a released one: add one.
const char* const kMigrations[] = {
    // 1: workbooks, snapshots, agreements, row versions, snapshot rows, events.
    R"sql(
CREATE TABLE workbooks (
  sha256  TEXT PRIMARY KEY,
  size    INTEGER NOT NULL,
  content BLOB NOT NULL
);
CREATE TABLE snapshots (
  id           INTEGER PRIMARY KEY,
  list         TEXT NOT NULL CHECK (list IN ('participating', 'pending')),
  sha256       TEXT NOT NULL UNIQUE REFERENCES workbooks(sha256),
  source_name  TEXT NOT NULL,
  source_url   TEXT,
  published_at TEXT NOT NULL,
  observed_at  TEXT NOT NULL,
  sheet        TEXT NOT NULL,
  rows         INTEGER NOT NULL,
  jem          INTEGER NOT NULL,
  tfm          INTEGER NOT NULL,
  wso          INTEGER NOT NULL,
  no_model     INTEGER NOT NULL,
  fields       TEXT NOT NULL DEFAULT '',
  warnings     TEXT NOT NULL DEFAULT '[]',
  status       TEXT NOT NULL CHECK (status IN ('accepted', 'quarantined', 'late')),
  note         TEXT
);
CREATE INDEX snapshots_by_list ON snapshots (list, status, published_at);
CREATE TABLE agreements (
  id             INTEGER PRIMARY KEY,
  list           TEXT NOT NULL CHECK (list IN ('participating', 'pending')),
  key            TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('present', 'missing', 'removed')),
  first_snapshot INTEGER NOT NULL REFERENCES snapshots(id),
  missing_since  TEXT,
  misses         INTEGER NOT NULL DEFAULT 0,
  -- the last snapshot that had it, once it is gone (NULL while present): kept
  -- here because an index over snapshot_rows by agreement would make every
  -- new snapshot rewrite most of that index
  last_snapshot  INTEGER REFERENCES snapshots(id),
  version_id     INTEGER REFERENCES row_versions(id),
  -- of the current version's content: derivable, but kept so that telling a
  -- changed row does not mean reading every row of the list back
  digest         TEXT,
  UNIQUE (list, key)
);
CREATE TABLE row_versions (
  id           INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreements(id),
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots(id),
  key          TEXT NOT NULL,
  state        TEXT, state_code TEXT, agency TEXT, agency_type TEXT, county TEXT,
  model        TEXT, model_raw TEXT, signed TEXT, signed_raw TEXT,
  moa_url      TEXT, moa_status TEXT NOT NULL, addendum_url TEXT,
  extra        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX row_versions_by_agreement ON row_versions (agreement_id);
CREATE TABLE snapshot_rows (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots(id),
  agreement_id INTEGER NOT NULL REFERENCES agreements(id),
  version_id   INTEGER NOT NULL REFERENCES row_versions(id),
  source_row   INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, agreement_id)
) WITHOUT ROWID;
CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots(id),
  at           TEXT NOT NULL,
  kind         TEXT NOT NULL,
  list         TEXT NOT NULL,
  agreement_id INTEGER REFERENCES agreements(id),
  key          TEXT,
  state_code   TEXT,
  agency       TEXT,
  model        TEXT,
  changes      TEXT NOT NULL DEFAULT '{}',
  since        TEXT,
  detail       TEXT
);
CREATE INDEX events_by_time ON events (at);
CREATE INDEX events_by_agreement ON events (agreement_id);
CREATE VIEW agreement_summary AS
  SELECT a.id, a.list, a.key, a.status, v.state_code, v.agency, v.model,
         f.published_at AS first_seen,
         COALESCE(l.published_at,
                  (SELECT MAX(s.published_at) FROM snapshots s
                    WHERE s.list = a.list AND s.status = 'accepted')) AS last_seen,
         a.missing_since, a.misses
  FROM agreements a
  JOIN row_versions v ON v.id = a.version_id
  JOIN snapshots f ON f.id = a.first_snapshot
  LEFT JOIN snapshots l ON l.id = a.last_snapshot;
)sql",
    // 2: every HTTP fetch of a tracking cycle.
    R"sql(
CREATE TABLE fetches (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  url           TEXT NOT NULL,
  final_url     TEXT,
  status        INTEGER,
  etag          TEXT,
  last_modified TEXT,
  bytes         INTEGER,
  sha256        TEXT,
  outcome       TEXT NOT NULL,
  error         TEXT,
  snapshot_id   INTEGER REFERENCES snapshots(id)
);
CREATE INDEX fetches_by_url ON fetches (url, at);
)sql",
    // 3: the lifecycle as the diff decides it (removed_at), hand acceptance,
    // the links of a page fetch, settings (the rules a change log was built
    // under), and events that carry their row's fields and an identity
    // derived from the event, with ids that are never reused (AUTOINCREMENT),
    // so that a rebuild gives an event its old id.
    R"sql(
ALTER TABLE agreements ADD COLUMN removed_at TEXT;
UPDATE agreements SET removed_at = (SELECT MAX(at) FROM events e WHERE e.agreement_id = agreements.id
                                    AND e.kind = 'removed') WHERE status = 'removed';
ALTER TABLE snapshots ADD COLUMN accepted_by_hand INTEGER NOT NULL DEFAULT 0;
UPDATE snapshots SET accepted_by_hand = 1 WHERE note LIKE '%accepted by hand%';
ALTER TABLE fetches ADD COLUMN links TEXT;
-- A page fetched before knew nothing of its links: no validator of an older
-- fetch may make the next request conditional, so each URL is read whole once.
UPDATE fetches SET etag = NULL, last_modified = NULL;
CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO settings (name, value) VALUES ('rules_version', '');
CREATE TABLE events_v3 (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  uid          TEXT NOT NULL UNIQUE,
  snapshot_id  INTEGER REFERENCES snapshots(id),  -- NULL for a notice about the source (source_failing, …)
  at           TEXT NOT NULL,
  kind         TEXT NOT NULL,
  list         TEXT NOT NULL,
  agreement_id INTEGER REFERENCES agreements(id),
  key          TEXT,
  state_code   TEXT,
  agency       TEXT,
  model        TEXT,
  agency_type  TEXT,
  county       TEXT,
  signed       TEXT,
  moa_url      TEXT,
  changes      TEXT NOT NULL DEFAULT '{}',
  since        TEXT,
  detail       TEXT
);
INSERT INTO events_v3 (id, uid, snapshot_id, at, kind, list, agreement_id, key, state_code, agency, model,
                       changes, since, detail)
  SELECT id, 'v2-' || id, snapshot_id, at, CASE kind WHEN 'resigned' THEN 'renewed' ELSE kind END, list,
         agreement_id, key, state_code, agency, model, changes, since, detail FROM events;
DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
CREATE INDEX events_by_time ON events (at);
CREATE INDEX events_by_agreement ON events (agreement_id);
CREATE INDEX events_by_snapshot ON events (snapshot_id);
)sql",
    // 4: the alerts' outbox. An item is an event a target is to be told of,
    // queued in the event's own transaction; a delivery is one message to a
    // target, made of items, with an id that every attempt sends again.
    R"sql(
CREATE TABLE deliveries (
  id              TEXT PRIMARY KEY,
  target          TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  schedule_from   TEXT NOT NULL,  -- when the retry schedule began: created_at, or an `alerts retry`
  status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'expired')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_attempt_at TEXT,
  last_error      TEXT,
  delivered_at    TEXT
);
CREATE INDEX deliveries_by_status ON deliveries (status, next_attempt_at);
-- No foreign key to events: a rebuild replaces events (keeping their ids),
-- and an item whose event a rebuild dropped is dropped with it, undelivered.
CREATE TABLE outbox_items (
  target      TEXT NOT NULL,
  event_id    INTEGER NOT NULL,
  delivery_id TEXT REFERENCES deliveries(id),
  PRIMARY KEY (target, event_id)
) WITHOUT ROWID;
CREATE INDEX outbox_items_by_delivery ON outbox_items (delivery_id);
CREATE TABLE alert_targets (
  name            TEXT PRIMARY KEY,
  disabled_at     TEXT,
  disabled_reason TEXT
);
)sql",
    // 5: how each source has fared over the last runs, for source_failing
    // and source_recovered notices (diff/source_health.h).
    R"sql(
-- An item's event uid: the same event queued again (a rebuild dropped it,
-- an `accept` brought it back) joins the delivery that already carried it.
ALTER TABLE outbox_items ADD COLUMN uid TEXT;
UPDATE outbox_items SET uid = (SELECT uid FROM events WHERE events.id = outbox_items.event_id);
CREATE INDEX outbox_items_by_uid ON outbox_items (target, uid);
CREATE TABLE source_health (
  source        TEXT PRIMARY KEY,   -- the page's URL, or "the workbooks linked from <URL>"
  failures      INTEGER NOT NULL,   -- consecutive failed runs; 0 after a good one
  failing_since TEXT,
  last_error    TEXT,
  reported      INTEGER NOT NULL    -- 1: a source_failing notice was given for this streak
);
)sql",
    // 6: an accepted snapshot's rows as one value, not one B-tree row each.
    // A publication repeats nearly all of the previous one: as rows, each of
    // the ~470 publications of a history wrote ~1,800 index entries, which
    // cost more than reading the workbook. The view keeps the old table's
    // shape for SQL users.
    R"sql(
CREATE TABLE snapshot_members (
  snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots(id),
  members     TEXT NOT NULL  -- JSON array of [version_id, source_row], in sheet order
);
INSERT INTO snapshot_members (snapshot_id, members)
  SELECT snapshot_id, json_group_array(json_array(version_id, source_row))
  FROM (SELECT snapshot_id, version_id, source_row FROM snapshot_rows ORDER BY snapshot_id, source_row)
  GROUP BY snapshot_id;
DROP TABLE snapshot_rows;
CREATE VIEW snapshot_rows AS
  SELECT m.snapshot_id, v.agreement_id, v.id AS version_id, j.value ->> 1 AS source_row
  FROM snapshot_members m, json_each(m.members) j
  JOIN row_versions v ON v.id = j.value ->> 0;
)sql",
    // 7: a publication's roster with every field, for `icetrack roster` and
    // SQL users: `roster_rows` for any accepted publication, `current_roster`
    // for each list's newest one.
    R"sql(
CREATE VIEW roster_rows AS
  SELECT r.snapshot_id, s.list, r.agreement_id, r.version_id, r.source_row,
         v.key, v.state, v.state_code, v.agency, v.agency_type, v.county, v.model, v.model_raw,
         v.signed, v.signed_raw, v.moa_url, v.moa_status, v.addendum_url, v.extra,
         f.published_at AS first_listed, c.published_at AS last_changed
  FROM snapshot_rows r
  JOIN snapshots s ON s.id = r.snapshot_id
  JOIN row_versions v ON v.id = r.version_id
  JOIN agreements a ON a.id = r.agreement_id
  JOIN snapshots f ON f.id = a.first_snapshot
  JOIN snapshots c ON c.id = v.snapshot_id;
CREATE VIEW current_roster AS
  SELECT * FROM roster_rows WHERE snapshot_id IN (
    SELECT (SELECT id FROM snapshots s WHERE s.list = l.list AND s.status = 'accepted'
             ORDER BY unixepoch(s.published_at) DESC, s.id DESC LIMIT 1)
    FROM (SELECT 'participating' AS list UNION ALL SELECT 'pending' AS list) l);
)sql",
    // 8: where each publication came from, and the Internet Archive's
    // captures a backfill found, so that an interrupted one carries on
    // without downloading anything twice.
    R"sql(
ALTER TABLE snapshots ADD COLUMN source TEXT NOT NULL DEFAULT 'imported'
  CHECK (source IN ('live', 'archived', 'imported'));
UPDATE snapshots SET source = 'live' WHERE source_url LIKE 'http%';
CREATE TABLE archive_captures (
  digest     TEXT PRIMARY KEY,  -- the archive's digest of the capture's bytes: one row however often captured
  url        TEXT NOT NULL,     -- the original URL
  timestamp  TEXT NOT NULL,     -- the archive's, 14 digits (UTC)
  mimetype   TEXT NOT NULL,
  status     TEXT NOT NULL,     -- found, fetched, stored, refused, failed
  sha256     TEXT,              -- of the bytes fetched (then in workbooks)
  last_modified TEXT,           -- the original's Last-Modified header, as the archive replays it
  snapshot_id INTEGER REFERENCES snapshots(id),
  error      TEXT
);
)sql",
    // 9: the MOA and addendum documents the roster links (`--archive-moa`):
    // what each URL last answered, every distinct document it served, and
    // the documents themselves, stored once by their SHA-256.
    R"sql(
CREATE TABLE moa_documents (
  url           TEXT PRIMARY KEY,
  status        TEXT NOT NULL CHECK (status IN ('ok', 'missing', 'refused', 'failed')),
  sha256        TEXT,              -- of the last PDF it served
  etag          TEXT,
  last_modified TEXT,
  first_checked TEXT NOT NULL,
  checked_at    TEXT NOT NULL,
  error         TEXT
);
CREATE TABLE moa_files (
  sha256  TEXT PRIMARY KEY,
  size    INTEGER NOT NULL,
  content BLOB NOT NULL
);
CREATE TABLE moa_versions (
  url     TEXT NOT NULL,
  sha256  TEXT NOT NULL REFERENCES moa_files(sha256),
  seen_at TEXT NOT NULL,
  PRIMARY KEY (url, sha256)
);
)sql",
    // 10: the documents' text (pdftotext), searchable (FTS5: `moa --grep`),
    // and the URLs that ICE's naming predicts for an agreement whose roster
    // link is pending, with what each answered.
    R"sql(
CREATE TABLE moa_texts (
  sha256       TEXT PRIMARY KEY REFERENCES moa_files(sha256),
  extracted_at TEXT NOT NULL,
  error        TEXT NOT NULL DEFAULT ''  -- why there is no text; '' when it was read
);
CREATE VIRTUAL TABLE moa_text_index USING fts5(sha256 UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE moa_probes (
  url        TEXT PRIMARY KEY,
  list_key   TEXT NOT NULL,   -- the agreement's key in the participating list
  status     TEXT NOT NULL CHECK (status IN ('found', 'absent', 'refused', 'failed')),
  sha256     TEXT REFERENCES moa_files(sha256),
  checked_at TEXT NOT NULL,
  error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX moa_probes_by_key ON moa_probes (list_key);
)sql",
};

static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

// Work a migration needs beyond SQL, run in its transaction; index = version - 1.
Status FillEventUids(Database* db);
Status (*const kMigrationSteps[])(Database*) = {nullptr, nullptr, FillEventUids, nullptr, nullptr,
                                                 nullptr, nullptr, nullptr, nullptr, nullptr};
static_assert(std::size(kMigrationSteps) == kSchemaVersion, "one step (or none) per migration");

// Version 3 derives every event's identity (see EventUid) from what it holds.
Status FillEventUids(Database* db) {
  auto read = db->Prepare(
      "SELECT e.id, e.list, e.kind, e.key, s.sha256 FROM events e JOIN snapshots s ON s.id = e.snapshot_id "
      "ORDER BY e.id");
  auto write = db->Prepare("UPDATE events SET uid = ? WHERE id = ?");
  EventUids uids;
  while (read->Step()) {
    std::string uid = uids.Next(read->Text(1), read->Text(2), read->Text(3), read->Text(4));
    Status s = write->BindText(1, uid).Bind(2, read->Int(0)).Run();
    if (!s.ok()) return s;
  }
  return read->status();
}

}  // namespace

namespace {

// 'icet': stamped into every database icetrack makes (PRAGMA application_id),
// so that another program's SQLite file is never taken for one.
constexpr int64_t kApplicationId = 0x69636574;

int64_t Pragma(Database* db, const char* name, Status* status) {
  auto read = db->Prepare(std::string("PRAGMA ") + name);
  int64_t value = read->Step() ? read->Int(0) : 0;
  if (status->ok()) *status = read->status();
  return value;
}

Status UserVersion(Database* db, int* version) {
  Status s;
  *version = static_cast<int>(Pragma(db, "user_version", &s));
  return s;
}

Status NewerError(Database* db, int version) {
  return Status::Error(db->path() + ": database schema " + std::to_string(version) +
                       " is newer than this icetrack understands (" + std::to_string(kSchemaVersion) +
                       "); upgrade icetrack");
}

// What the file is: ours (stamped), an icetrack database from before the
// stamp (schema 1 to 3 with its tables), empty, or someone else's.
enum class Kind { Ours, OldIcetrack, Empty, Foreign };

Status KindOf(Database* db, Kind* kind) {
  Status s;
  int64_t id = Pragma(db, "application_id", &s);
  int64_t version = Pragma(db, "user_version", &s);
  auto tables = db->Prepare("SELECT count(*), count(CASE WHEN name = 'snapshots' THEN 1 END) FROM sqlite_master");
  int64_t objects = tables->Step() ? tables->Int(0) : 0;
  bool snapshots = tables->Int(1) > 0;
  if (s.ok()) s = tables->status();
  if (!s.ok()) return s;
  if (id == kApplicationId) *kind = Kind::Ours;
  else if (id == 0 && objects == 0 && version == 0) *kind = Kind::Empty;
  else if (id == 0 && version >= 1 && version <= kSchemaVersion && snapshots) *kind = Kind::OldIcetrack;
  else *kind = Kind::Foreign;
  return Status::Ok();
}

}  // namespace

Status Identify(Database* db) {
  Kind kind;
  Status s = KindOf(db, &kind);
  if (!s.ok()) return s;
  if (kind == Kind::Foreign) return Status::Error(db->path() + ": is not an icetrack database; left as it was");
  return Status::Ok();
}

Status CheckCurrent(Database* db) {
  Kind kind;
  int version = 0;
  Status s = KindOf(db, &kind);
  if (s.ok()) s = UserVersion(db, &version);
  if (!s.ok()) return s;
  if (kind == Kind::Ours && version == kSchemaVersion) return Status::Ok();
  if (version > kSchemaVersion && kind == Kind::Ours) return NewerError(db, version);
  if (kind == Kind::OldIcetrack || (kind == Kind::Ours && version < kSchemaVersion))
    return Status::Error(db->path() + ": was written by an older icetrack (schema " + std::to_string(version) +
                         "); a command that writes upgrades it, e.g. icetrack rebuild --db " + db->path());
  return Status::Error(db->path() + ": is not an icetrack database");
}

Status Migrate(Database* db, int* version) {
  int current = 0;
  Status read = UserVersion(db, &current);
  if (!read.ok()) return read;
  if (current > kSchemaVersion) return NewerError(db, current);
  for (int v = current; v < kSchemaVersion; ++v) {
    Transaction tx(db);
    if (!tx.status().ok()) return tx.status();
    Status s = db->Exec(kMigrations[v]);
    if (s.ok() && kMigrationSteps[v]) s = kMigrationSteps[v](db);
    if (s.ok()) s = db->Exec("PRAGMA user_version = " + std::to_string(v + 1));
    if (s.ok()) s = tx.Commit();
    if (!s.ok()) return s;
  }
  Status id;
  if (Pragma(db, "application_id", &id) != kApplicationId && id.ok())
    id = db->Exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  if (!id.ok()) return id;
  *version = kSchemaVersion;
  return Status::Ok();
}

}  // namespace icetrack::sql

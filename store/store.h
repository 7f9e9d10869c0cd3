// Store: icetrack's memory, an embedded SQLite database. The only place with SQL.
//
// Promises: every workbook ever ingested is kept (raw bytes, content-addressed
// by SHA-256, stored once) with its snapshot, its normalized rows and the
// events it caused. Each Record() is one transaction: after a crash the
// database holds all of a snapshot or none of it. The store records what the
// diff decided (an agreement's lifecycle, its new key) and decides nothing of
// it itself. Every event has an identity derived from the event (its list,
// kind, agreement key and publication): a rebuild gives it back its old id,
// and ids are never reused. WAL mode, foreign keys on, schema versioned by
// PRAGMA user_version and migrated forward on Open(). The schema is
// documented in docs/SCHEMA.md for sqlite3 / Datasette users. Never throws;
// every failure is a Status naming the database file.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/archive_capture.h"
#include "model/moa_document.h"
#include "model/agreement_history.h"
#include "model/agreement_status.h"
#include "model/change_event.h"
#include "model/delivery.h"
#include "model/fetch_outcome.h"
#include "model/list_state.h"
#include "model/packed_row.h"
#include "model/roster.h"
#include "model/roster_entry.h"
#include "model/snapshot_info.h"
#include "model/snapshot_status.h"
#include "model/source_health.h"
#include "model/stored_event.h"
#include "model/status.h"
#include "model/utc_time.h"

namespace icetrack {

namespace sql {
class Database;
class Transaction;
}
struct CachedList;  // store/list_cache.h
class AgreementIndex;
struct StoredAgreement;

// What Record() keeps of one ingested workbook.
struct SnapshotRecord {
  std::string_view bytes;    // the workbook as downloaded or read: the caller's, kept until Record returns
  std::string sha256;        // hex of bytes
  std::string source_name;   // file name
  std::string source_url;    // empty for local files
  std::string published_at;  // ISO-8601 UTC; when ICE saved or served it
  std::string observed_at;   // ISO-8601 UTC; when icetrack read it
  const PackedRoster* roster = nullptr;
  std::string note;          // e.g. why it was quarantined
  SnapshotSource source = SnapshotSource::Imported;
};

// One HTTP request of a tracking cycle, whatever came of it.
struct FetchRecord {
  std::string at;             // ISO-8601 UTC
  std::string url, final_url;
  long status = 0;            // 0 when no response
  std::string etag, last_modified;
  int64_t bytes = 0;
  std::string sha256;
  FetchOutcome outcome = FetchOutcome::Error;
  std::string error;          // one line, empty when none
  int64_t snapshot_id = 0;    // the snapshot it gave, 0 for none
  std::vector<std::string> links;  // a page: the workbook URLs it linked, page order
};

// Which target is to be told of which of the events being recorded: the
// outbox gets the item in the events' own transaction (see app/alert_routing.h).
struct AlertRoute {
  size_t event = 0;    // index in the events recorded
  std::string target;  // an [[alert]] name
};

struct EventFilter {
  // Publication times, compared as instants: since <= at < until; unset = open.
  std::optional<UtcTime> since, until;
  std::string state_code;          // empty = all
  Model model = Model::Unknown;    // Unknown = all
  std::vector<EventKind> kinds;    // empty = all
  std::optional<ListKind> list;    // unset = both
  // The agreement's SIGNED date (YYYY-MM-DD), inclusive at both ends; set,
  // an event without one is left out. Empty = open.
  std::string signed_from, signed_through;
  int64_t after_id = 0;            // only events with a greater id ("since I last looked"); 0 = all
};

// Which agreements `FindAgreements` gives: those whose agency or county, in
// any of their row versions, holds `text` once both are folded as keys are
// (see model/text_fold.h) — literally, no wildcards — and that match the
// filters on their current row.
struct AgreementQuery {
  std::string text;                // matches everything when it folds to nothing
  std::string state_code;          // empty = all
  Model model = Model::Unknown;    // Unknown = all
  std::optional<ListKind> list;    // unset = both
};

// How a list stands, for `icetrack status` and the metrics.
struct ListHealth {
  ListKind list = ListKind::Participating;
  std::optional<FetchRecord> last_check;   // the newest fetch that read (or found unchanged) a workbook of it
  std::optional<SnapshotInfo> latest;      // its newest accepted publication
  std::vector<SnapshotInfo> quarantined;   // held back and not released, oldest first
};

// How the outbox stands.
struct OutboxHealth {
  int pending = 0, failed = 0, expired = 0, delivered = 0;  // deliveries
  int waiting_items = 0;            // events queued for a target and in no delivery yet
  std::string oldest_pending;       // created_at of the oldest pending delivery; "" when none
  std::string next_due;             // the soonest next_attempt_at of a pending one; "" when none
};

// Which rows `RosterAt` gives: those of the newest accepted publication of
// `list` published before `before`, that match the filters.
struct RosterQuery {
  ListKind list = ListKind::Participating;
  UtcTime before;
  std::string state_code;          // empty = all
  Model model = Model::Unknown;    // Unknown = all
};

class Store {
 public:
  // For writers: opens the database at `path`, migrating it, or creates it
  // (its folder too). A new database appears whole: it is made beside its
  // path and renamed into place, so that a reader never sees it half made.
  // `path` must be a regular file or not exist (a folder or a FIFO is refused).
  static Status Open(const std::string& path, std::unique_ptr<Store>* out);
  // For writers that must not create one (rebuild, accept): as Open, but a
  // missing database is an error.
  static Status OpenExisting(const std::string& path, std::unique_ptr<Store>* out);
  // For readers: opens an existing database read-only, never creating or
  // migrating it (a missing one is an error saying which command creates
  // one; one of an older schema, which command upgrades it). Works on a
  // read-only medium.
  static Status OpenReadOnly(const std::string& path, std::unique_ptr<Store>* out);
  ~Store();
  const std::string& path() const;
  int schema_version() const;

  Status FindSnapshot(const std::string& sha256, std::optional<SnapshotInfo>* out);
  // The digests of every stored snapshot's bytes (to skip reading again what is stored).
  Status StoredDigests(std::set<std::string>* out);
  Status GetSnapshot(int64_t id, SnapshotInfo* out, std::string* bytes);
  Status LatestAccepted(ListKind list, std::optional<SnapshotInfo>* out);
  // Every snapshot, in the order they were stored (ids ascending).
  Status Snapshots(std::vector<SnapshotInfo>* out);
  // The Internet Archive's captures a backfill found (table archive_captures).
  // AddCaptures keeps the first it is given of each digest, in one
  // transaction; `*added` counts the new ones.
  Status AddCaptures(const std::vector<ArchiveCapture>& captures, int* added);
  Status Captures(std::vector<ArchiveCapture>* out);   // oldest capture first
  // Its status, sha256, snapshot and error, by digest. Once it is stored or
  // refused, its fetched bytes are dropped from `workbooks` unless a
  // snapshot is them or a capture still to be recorded has them.
  Status UpdateCapture(const ArchiveCapture& capture);
  // Bytes kept by their SHA-256 before any snapshot has them (a backfill's
  // downloads), so that none is downloaded twice; Record finds them there.
  Status KeepWorkbook(const std::string& sha256, std::string_view bytes);
  Status WorkbookBytes(const std::string& sha256, std::string* out);
  // The MOA documents (`--archive-moa`), by URL.
  Status MoaDocuments(std::map<std::string, MoaDocument>* out);
  // One check of a document, in one transaction: its row, its bytes (when
  // it served a PDF: `bytes` not empty) and their version, and `events`
  // (moa_document_changed, moa_missing), noticed at `doc.checked_at`.
  Status RecordMoaCheck(const MoaDocument& doc, std::string_view bytes, const std::vector<ChangeEvent>& events,
                        const std::vector<AlertRoute>& routes = {});
  // Every distinct document each of `urls` served, oldest first.
  Status MoaVersions(const std::vector<std::string>& urls, std::vector<MoaVersion>* out);
  Status MoaFile(const std::string& sha256, std::string* out);
  // The stored documents whose text was never read (moa_texts), oldest first.
  Status MoaFilesWithoutText(std::vector<std::string>* sha256s);
  // A document's text, searchable from then on; with `error`, why it has none
  // (it is not read again: the same bytes give the same answer).
  Status RecordMoaText(const std::string& sha256, const std::string& text, const std::string& error,
                       const std::string& at);
  // The documents whose text holds `phrase` (its words in that order, any
  // case, accents and punctuation aside), best match first, at most `limit`;
  // with `among`, only those whose SHA-256 is in it.
  Status SearchMoaText(const std::string& phrase, int limit, std::vector<MoaTextHit>* out,
                       const std::set<std::string>* among = nullptr);
  // The URLs asked for agreements whose MOA link is pending, by URL.
  Status MoaProbes(std::map<std::string, MoaProbe>* out);
  // What a predicted URL answered, with the PDF (and its text) when it was
  // found and its events (moa_found_unlinked), in one transaction.
  Status RecordMoaProbe(const MoaProbe& probe, std::string_view bytes, const std::string& text,
                        const std::vector<ChangeEvent>& events, const std::vector<AlertRoute>& routes);
  // Caps SQLite's page cache of this connection (16 MiB otherwise): for a
  // connection that reads each stored workbook once (a rebuild's reader).
  Status SetPageCacheKiB(int kib);

  // The list as the diff needs it: present, missing and removed agreements.
  // Shared with the store's cache of it, so never copied.
  Status LoadListState(ListKind list, std::shared_ptr<const ListState>* out);
  Status LoadOtherList(ListKind diffing, OtherList* out);

  // One transaction: the workbook, its snapshot and, when accepted, the rows
  // of `update.next`, the agreements' new state and `update.events`. For other
  // statuses only the workbook, the snapshot and `update.events` are written.
  // `update` is taken: the store keeps its `next` as the list's state.
  Status Record(const SnapshotRecord& record, SnapshotStatus status, ListUpdate update,
                int64_t* snapshot_id, const std::vector<AlertRoute>& routes = {});
  // Marks a quarantined snapshot accepted by hand and records its update
  // (one transaction). Only for the newest snapshot: with later ones, mark
  // it (MarkAcceptedByHand) and rebuild.
  Status Release(int64_t snapshot_id, ListUpdate update, const std::vector<AlertRoute>& routes = {});
  Status MarkAcceptedByHand(int64_t snapshot_id);

  // A rebuild recomputes everything derived from the stored workbooks (the
  // snapshots' rows and counts, agreements, row versions, the change log) in
  // one transaction, so that a crash or a kill leaves the database as it was.
  // BeginRebuild empties the derived tables and makes every snapshot "late"
  // until it is recorded again; the caller then replays every snapshot in
  // order (Snapshots()) through Rerecord, and Commit()s. Events come back
  // with their old ids (matched by uid); totals_mismatch events, which come
  // from the page and not from the workbook, are kept as they were.
  class Rebuild {
   public:
    ~Rebuild();  // rolls back unless committed
    // Records `roster` (read again from the stored bytes) as snapshot `id`.
    Status Rerecord(int64_t id, const PackedRoster& roster, SnapshotStatus status, const std::string& note,
                    ListUpdate update, const std::vector<AlertRoute>& routes = {});
    // Commits; fills what the new change log has that the old one had not,
    // and the reverse (both oldest first).
    Status Commit(std::vector<StoredEvent>* added, std::vector<StoredEvent>* disappeared);

   private:
    friend class Store;
    explicit Rebuild(Store* store);
    Store* store_;
    std::unique_ptr<sql::Transaction> tx_;
    bool committed_ = false;
  };
  Status BeginRebuild(std::unique_ptr<Rebuild>* out);

  // Settings (docs/SCHEMA.md): the rules the change log was built under.
  Status Settings(std::map<std::string, std::string>* out);
  Status SetSettings(const std::map<std::string, std::string>& values);

  // Adds events about an existing snapshot (e.g. totals_mismatch), in one transaction.
  Status AddEvents(int64_t snapshot_id, const std::vector<ChangeEvent>& events,
                   const std::vector<AlertRoute>& routes = {});
  // Adds notices about the source itself (source_failing, …), of no
  // snapshot, noticed at `at`, in one transaction.
  Status AddNotices(const std::vector<ChangeEvent>& notices, const std::string& at,
                    const std::vector<AlertRoute>& routes = {});

  // How a source has fared (a default SourceHealth for one never seen).
  Status GetSourceHealth(const std::string& source, SourceHealth* out);
  // Records a run's health of its sources and the notices it gave, in one transaction.
  Status RecordSourceHealth(const std::map<std::string, SourceHealth>& health,
                            const std::vector<ChangeEvent>& notices, const std::string& at,
                            const std::vector<AlertRoute>& routes);

  // Events queued for each target and not delivered yet (in no delivery,
  // or in a pending one), oldest first.
  Status WaitingEvents(std::map<std::string, std::vector<StoredEvent>>* by_target);

  // The outbox. Deliveries are made of the items no delivery holds yet, one
  // per target (its id derived from the target and the events): each event
  // is in exactly one delivery per target.
  Status QueueDeliveries(const std::string& now, std::vector<Delivery>* made);
  // Pending deliveries whose next attempt is due at `now`, oldest first.
  Status DueDeliveries(UtcTime now, std::vector<Delivery>* out);
  // Newest first; `limit` of them.
  Status Deliveries(int limit, std::vector<Delivery>* out);
  // A delivery and its events (oldest first); an error when there is none.
  Status GetDelivery(const std::string& id, Delivery* out, std::vector<StoredEvent>* events);
  // Records what an attempt gave: status, attempts, times and error as in `d`.
  Status RecordAttempt(const Delivery& d);
  // Makes a delivery pending again now, its retry schedule begun anew.
  Status RetryDelivery(const std::string& id, const std::string& now);
  // Targets switched off by their receiver (HTTP 410), with why; until enabled.
  Status DisableTarget(const std::string& name, const std::string& reason, const std::string& at);
  // Switches a target on again; its pending deliveries are due at `now`, their schedules begun anew.
  Status EnableTarget(const std::string& name, const std::string& now);
  Status DisabledTargets(std::map<std::string, std::string>* out);

  // What `icetrack status` and the metrics read (store/health.cpp).
  Status GetListHealth(ListKind list, ListHealth* out);
  Status GetOutboxHealth(OutboxHealth* out);
  Status AllSourceHealth(std::map<std::string, SourceHealth>* out);
  Status EventCounts(std::map<EventKind, int64_t>* out);  // every kind, 0 for none
  // The newest fetch of `url`, whatever came of it.
  Status LatestFetch(const std::string& url, std::optional<FetchRecord>* out);

  // Fetches are written on their own (not in a snapshot's transaction) so
  // that failures are recorded too.
  Status RecordFetch(const FetchRecord& fetch);
  // The latest fetch of `url` whose outcome GivesValidators, for
  // conditional requests; nullopt when none.
  Status LastGoodFetch(const std::string& url, std::optional<FetchRecord>* out);
  Status Fetches(int limit, std::vector<FetchRecord>* out);  // newest first

  // Newest first.
  Status Events(const EventFilter& filter, std::vector<StoredEvent>* out);
  // The agreements `query` finds, with their events.
  Status FindAgreements(const AgreementQuery& query, std::vector<AgreementHistory>* out);
  // The newest accepted snapshot of `list` published before `before`; nullopt when none.
  Status LatestAcceptedBefore(ListKind list, UtcTime before, std::optional<SnapshotInfo>* out);
  // The roster `query` asks for, by state, agency and model (store/roster_query.cpp);
  // `snapshot` is the publication it comes from, nullopt (and no rows) when none.
  Status RosterAt(const RosterQuery& query, std::optional<SnapshotInfo>* snapshot, std::vector<RosterEntry>* out);

 private:
  Store();
  static Status OpenForWriting(const std::string& path, bool create, std::unique_ptr<Store>* out);
  Status WriteSnapshot(const SnapshotRecord& record, SnapshotStatus status, int64_t* id);
  Status WriteUpdate(int64_t snapshot_id, ListKind list, bool accepted, ListUpdate* update,
                     const std::vector<AlertRoute>& routes);
  // Agreement ids by key, for the keys of the update's events: of their holders
  // after it is recorded, and of re-keyed agreements by their old keys.
  // Leaves update->next to the list's cache.
  Status WriteRows(int64_t snapshot_id, ListKind list, ListUpdate* update,
                   std::map<std::string, int64_t>* ids);
  Status AgreementIds(ListKind list, std::map<std::string, int64_t>* ids);
  // `snapshot_id` 0: notices noticed at `at`. `*ids` gets the events' ids.
  Status WriteEvents(int64_t snapshot_id, const std::string& at, const std::vector<ChangeEvent>& events,
                     const std::map<std::string, int64_t>& agreement_ids, std::vector<int64_t>* ids);
  Status WriteRoutes(const std::vector<int64_t>& event_ids, const std::vector<AlertRoute>& routes);
  Status ReadAgreements(ListKind list, AgreementIndex* out);
  // The cache WriteRows makes for the list, kept once the write commits.
  Status MakeCache(int64_t snapshot_id, ListKind list, ListState next,
                   AgreementIndex agreements);
  // The list's cache when it may be trusted after `snapshot_id`, else null (and dropped).
  Status TrustedCache(ListKind list, int64_t snapshot_id, CachedList** out);
  // After a write's transaction: what its WriteRows made becomes the cache
  // when `committed`, and is dropped otherwise.
  void KeepMadeCaches(bool committed);
  void DropCaches();
  std::unique_ptr<sql::Database> db_;
  // By ListKind: the trusted caches, and those made by the write under way.
  std::unique_ptr<CachedList> cached_[2], made_[2];
  int schema_version_ = 0;
};

// The file a database path names: symlinks followed, a dangling one too (a
// writer creates its target, never replaces the link), relative ones from
// their folder; `path` itself when it is no symlink.
std::string ResolvedDatabasePath(const std::string& path);

// $STATE_DIRECTORY/icetrack.db under systemd, else
// $XDG_STATE_HOME/icetrack/icetrack.db, else ~/.local/state/icetrack/icetrack.db.
// ICETRACK_DB overrides all of them.
std::string DefaultDatabasePath();

// SHA-256 of `bytes`, lower-case hex.
std::string Sha256Hex(std::string_view bytes);

}  // namespace icetrack

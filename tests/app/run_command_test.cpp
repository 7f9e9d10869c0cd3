// `icetrack run` against a fake ice.gov on 127.0.0.1 that can be told to
// misbehave. Each fault is one test: its error line and exit code, a store
// holding no new snapshot and no new event (only the fetch log grows), and a
// next, healthy cycle that records what was published.
#include <doctest/doctest.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "store/store.h"
#include "tests/net/test_http_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/ice_workbook.h"
#include "tests/support/run_command.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"
#include "tests/support/zip_files.h"

namespace icetrack {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

const char kPagePath[] = "/identify-and-arrest/287g";
const char kDoclib[] = "/doclib/about/offices/ero/287g/";
const char kXlsxType[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// ---------------------------------------------------------------------------
// The fake site.

struct Resource {
  std::string body;
  std::string content_type = kXlsxType;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string etag;  // given by FakeIce::Put
};

struct SeenRequest {
  std::string path, if_none_match, user_agent;
  Clock::time_point at;
};

// How the site misbehaves on one request.
using Fault = std::function<void(const httplib::Request&, httplib::Response&)>;

class FakeIce {
 public:
  FakeIce() {
    server_.server().Get(".*", [this](const httplib::Request& req, httplib::Response& res) { Serve(req, res); });
    REQUIRE(server_.Start());
  }
  // Stalled handlers return once released, so the server can stop.
  ~FakeIce() { released_ = true; }

  std::string Url(const std::string& path) const { return server_.Url(path); }
  bool released() const { return released_; }

  // Serves `r` at `path` with a new ETag: a changed file, as far as clients can tell.
  void Put(const std::string& path, Resource r) {
    std::lock_guard<std::mutex> lock(mutex_);
    r.etag = "\"v" + std::to_string(++versions_) + "\"";
    resources_[path] = std::move(r);
  }
  void Remove(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    resources_.erase(path);
  }
  // The next `times` requests of `path` get `fault` instead (times < 0: all).
  void Fail(const std::string& path, int times, Fault fault) {
    std::lock_guard<std::mutex> lock(mutex_);
    faults_[path] = {times, std::move(fault)};
  }
  void Heal() {
    std::lock_guard<std::mutex> lock(mutex_);
    faults_.clear();
  }
  std::vector<SeenRequest> Requests() {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  void ForgetRequests() {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.clear();
  }

 private:
  struct Planned {
    int times;
    Fault fault;
  };

  void Serve(const httplib::Request& req, httplib::Response& res) {
    Fault fault;
    std::optional<Resource> resource;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push_back({req.path, req.get_header_value("If-None-Match"), req.get_header_value("User-Agent"),
                           Clock::now()});
      auto planned = faults_.find(req.path);
      if (planned != faults_.end() && planned->second.times != 0) {
        fault = planned->second.fault;
        if (planned->second.times > 0) --planned->second.times;
      } else if (auto found = resources_.find(req.path); found != resources_.end()) {
        resource = found->second;
      }
    }
    if (fault) {
      fault(req, res);
      return;
    }
    if (!resource) {
      res.status = 404;
      return;
    }
    res.set_header("ETag", resource->etag);
    if (req.get_header_value("If-None-Match") == resource->etag) {
      res.status = 304;
      return;
    }
    for (const auto& [name, value] : resource->headers) res.set_header(name, value);
    res.set_content(resource->body, resource->content_type);
  }

  std::mutex mutex_;
  int versions_ = 0;
  std::map<std::string, Resource> resources_;
  std::map<std::string, Planned> faults_;
  std::vector<SeenRequest> requests_;
  std::atomic<bool> released_{false};
  test::TestHttpServer server_;  // last, so it stops first
};

Fault Reply(int status, std::string retry_after = "") {
  return [status, retry_after](const httplib::Request&, httplib::Response& res) {
    res.status = status;
    if (!retry_after.empty()) res.set_header("Retry-After", retry_after);
    res.set_content("<html><body>Service Unavailable</body></html>", "text/html");
  };
}

Fault Body(std::string body, std::string content_type) {
  return [body, content_type](const httplib::Request&, httplib::Response& res) { res.set_content(body, content_type); };
}

// Answers nothing until the site is torn down (or 5 s pass).
Fault Stall(const FakeIce* ice) {
  return [ice](const httplib::Request&, httplib::Response& res) {
    Clock::time_point give_up = Clock::now() + std::chrono::seconds(5);
    while (!ice->released() && Clock::now() < give_up) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    res.set_content("too late", "text/plain");
  };
}

Fault RedirectTo(std::string location) {
  return [location](const httplib::Request&, httplib::Response& res) { res.set_redirect(location); };
}

// Promises `size` bytes, sends half of them and hangs up.
Fault CutShort(std::string body) {
  return [body](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(body.size(), kXlsxType, [body](size_t offset, size_t, httplib::DataSink& sink) {
      if (offset > 0) return false;
      sink.write(body.data(), body.size() / 2);
      return false;
    });
  };
}

// ---------------------------------------------------------------------------
// Publications.

std::string WorkbookBytes(const test::IceWorkbook& book) {
  test::TempDir dir;
  test::WriteIceWorkbook(dir.File("book.xlsx"), book);
  return test::ReadFile(dir.File("book.xlsx"));
}

struct Publication {
  std::vector<test::IceRow> participating, pending;
  long long modified = test::UnixTime(2025, 3, 17);
};

std::string ParticipatingBytes(const Publication& p) {
  test::IceWorkbook book;
  book.rows = p.participating;
  book.modified = p.modified;
  return WorkbookBytes(book);
}

std::string PendingBytes(const Publication& p) {
  test::IceWorkbook book;
  book.participating = false;
  book.sheet = "Sheet 1";
  book.rows = p.pending;
  book.modified = p.modified + 60;
  return WorkbookBytes(book);
}

test::IceRow Pending(std::string state, std::string agency, std::string model) {
  test::IceRow r = test::Row(std::move(state), std::move(agency), std::move(model));
  r.signed_serial = 0;
  return r;
}

Publication V1() {
  Publication p;
  p.participating = {test::Row("FLORIDA", "Polk County Sheriff's Office", "Jail Enforcement Model"),
                     test::Row("TEXAS", "Hays County Sheriff's Office", "Task Force Model"),
                     test::Row("OHIO", "Butler County Sheriff's Office", "Warrant Service Officer"),
                     test::Row("GEORGIA", "Cobb County Sheriff's Office", "Jail Enforcement Model"),
                     test::Row("ALABAMA", "Baldwin County Sheriff's Office", "Task Force Model"),
                     test::Row("VIRGINIA", "Prince William County Police", "Warrant Service Officer")};
  p.pending = {Pending("NORTH CAROLINA", "Wake County Sheriff's Office", "Jail Enforcement Model"),
               Pending("MONTANA", "Flathead County Sheriff's Office", "Task Force Model")};
  return p;
}

// V1 and one signing: what the fault tests publish second.
Publication V2() {
  Publication p = V1();
  p.participating.push_back(test::Row("KANSAS", "Johnson County Sheriff's Office", "Warrant Service Officer"));
  p.modified = test::UnixTime(2025, 3, 18);
  return p;
}

// ICE's "As of" sentences with the counts of `p` (or others, to test the cross-check).
struct Totals {
  int jem = 0, wso = 0, tfm = 0, pending = 0;
};

Totals TotalsOf(const Publication& p) {
  Totals t;
  for (const test::IceRow& r : p.participating) {
    t.jem += r.model == "Jail Enforcement Model";
    t.wso += r.model == "Warrant Service Officer";
    t.tfm += r.model == "Task Force Model";
  }
  t.pending = static_cast<int>(p.pending.size());
  return t;
}

struct PageSpec {
  std::string participating_href, pending_href;  // "" = no such link
  Totals totals;
  bool ice_buttons = true;  // false: other markup and classes, same link texts
};

std::string PageHtml(const PageSpec& spec) {
  auto link = [&](const std::string& href, const std::string& text) {
    if (href.empty()) return std::string();
    if (spec.ice_buttons)
      return "<p><a class=\"usa-button usa-button--accent-cool\" href=\"" + href + "\" target=\"_blank\">" + text +
             "</a></p>";
    return "<div class=\"ck-widget\"><a class=\"btn btn-lg\" data-entity-type=\"file\" href=\"" + href +
           "\"><span class=\"file-label\">" + text + "</span></a></div>";
  };
  const Totals& t = spec.totals;
  return "<!DOCTYPE html><html><head><title>Delegation of Immigration Authority Section 287(g)</title>"
         "<meta property=\"article:modified_time\" content=\"2025-03-17\"></head><body><main>"
         "<h2>287(g) Participating Agencies</h2><p>As of March 17, 2025, at 3 p.m., ICE has signed 287(g) JEM "
         "agreements with " + std::to_string(t.jem) + " law enforcement agencies in 9 states, 287(g) WSO "
         "agreements with " + std::to_string(t.wso) + " law enforcement agencies in 9 states, and 287(g) TFM "
         "agreements with " + std::to_string(t.tfm) + " agencies in 9 states.</p>" +
         link(spec.participating_href, "View 287(g) Participating Agencies") +
         "<h3>287(g) Pending Agencies</h3><p>As of March 17, 2025, at 3 p.m., the following " +
         std::to_string(t.pending) + " 287(g) program applications are pending.</p>" +
         link(spec.pending_href, "View 287(g) Pending Agencies") +
         "<p><a href=\"/doclib/about/offices/ero/287g/encounters-feb2025.pdf\">Monthly encounters</a></p>"
         "</main></body></html>";
}

std::string ParticipatingPath(const std::string& tag) { return std::string(kDoclib) + "participatingAgencies" + tag + ".xlsx"; }
std::string PendingPath(const std::string& tag) { return std::string(kDoclib) + "pendingAgencies" + tag + ".xlsx"; }

void PutPage(FakeIce& ice, const PageSpec& spec) {
  Resource page;
  page.body = PageHtml(spec);
  page.content_type = "text/html; charset=UTF-8";
  ice.Put(kPagePath, page);
}

void PutWorkbook(FakeIce& ice, const std::string& path, std::string bytes) {
  Resource r;
  r.body = std::move(bytes);
  r.headers = {{"Last-Modified", "Mon, 17 Mar 2025 19:00:00 GMT"}};
  ice.Put(path, r);
}

// Publishes both workbooks of `p` under dated names and a page linking them.
PageSpec Publish(FakeIce& ice, const Publication& p, const std::string& tag) {
  PutWorkbook(ice, ParticipatingPath(tag), ParticipatingBytes(p));
  PutWorkbook(ice, PendingPath(tag), PendingBytes(p));
  PageSpec spec{ice.Url(ParticipatingPath(tag)), ice.Url(PendingPath(tag)), TotalsOf(p)};
  PutPage(ice, spec);
  return spec;
}

// ---------------------------------------------------------------------------
// Running icetrack and looking at its store.

struct Run {
  int exit_code = -1;
  std::string out, err;
  Json json;  // the --json document, when there is one
};

Run Icetrack(const std::string& args) {
  test::CommandRun ran = test::RunCommand(std::string(ICETRACK_BINARY) + " " + args);
  Run run{ran.exit_code, std::move(ran.out), std::move(ran.err), Json()};
  if (args.find("--json") != std::string::npos && !run.out.empty()) run.json = Json::parse(run.out);
  return run;
}

// Fast but real: tiny backoff delays, short timeouts.
Run Cycle(const FakeIce& ice, const std::string& db, const std::string& extra = "") {
  return Icetrack("run --json --source " + ice.Url(kPagePath) + " --db " + db +
                  " --retry-delay 0.001 --connect-timeout 2 --timeout 5 --retry-budget 10 " + extra);
}

using test::QueryInt;

struct StoreView {
  int64_t snapshots = 0, events = 0;
  std::vector<FetchRecord> fetches;  // newest first
  std::optional<SnapshotInfo> participating, pending;
};

StoreView Look(const std::string& db) {
  StoreView v;
  v.snapshots = QueryInt(db, "SELECT count(*) FROM snapshots");
  v.events = QueryInt(db, "SELECT count(*) FROM events");
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(db, &store).ok());
  REQUIRE(store->Fetches(1000, &v.fetches).ok());
  REQUIRE(store->LatestAccepted(ListKind::Participating, &v.participating).ok());
  REQUIRE(store->LatestAccepted(ListKind::Pending, &v.pending).ok());
  return v;
}

// The newest fetch record of `url`.
FetchRecord LastFetchOf(const StoreView& v, const std::string& url) {
  for (const FetchRecord& f : v.fetches) {
    if (f.url == url) return f;
  }
  FAIL("no fetch of " << url);
  return {};
}

// The workbook entry of the JSON summary for list `list` (by columns).
Json WorkbookFor(const Run& run, const std::string& list) {
  for (const Json& w : run.json["workbooks"]) {
    if (w["list"] == list) return w;
  }
  FAIL("no " << list << " workbook in " << run.out);
  return {};
}

Json WorkbookAt(const Run& run, const std::string& url) {
  for (const Json& w : run.json["workbooks"]) {
    if (w["url"] == url) return w;
  }
  FAIL("no workbook " << url << " in " << run.out);
  return {};
}

// A site with V1 published and a database that recorded it.
struct Tracked {
  FakeIce ice;
  test::TempDir dir;
  std::string db = dir.File("state/icetrack.db");
  PageSpec v1_page;
  StoreView baseline;

  Tracked() {
    v1_page = Publish(ice, V1(), "03172025pm");
    Run first = Cycle(ice, db);
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    baseline = Look(db);
    REQUIRE(baseline.snapshots == 2);
    ice.ForgetRequests();
  }

  // V2's participating workbook (one signing) at `path`, the pending list as it was.
  std::string PublishV2Participating(const std::string& path = ParticipatingPath("03182025am")) {
    PutWorkbook(ice, path, ParticipatingBytes(V2()));
    PageSpec spec = v1_page;
    spec.participating_href = ice.Url(path);
    spec.totals = TotalsOf(V2());
    PutPage(ice, spec);
    return ice.Url(path);
  }

  // The failed cycle left the store as it was, but for its fetch records.
  void CheckUntouched(const std::string& why) {
    INFO(why);
    StoreView now = Look(db);
    CHECK(now.snapshots == baseline.snapshots);
    CHECK(now.events == baseline.events);
    CHECK(now.fetches.size() > baseline.fetches.size());
    REQUIRE(now.participating);
    CHECK(now.participating->id == baseline.participating->id);
    CHECK(now.pending->id == baseline.pending->id);
  }

  // With the fault gone, the next cycle records V2's participating list: one signing.
  void CheckRecovers(const std::string& extra = "") {
    ice.Heal();
    Run next = Cycle(ice, db, extra);
    REQUIRE_MESSAGE(next.exit_code == 0, next.err);
    CHECK(next.err.empty());
    Json w = WorkbookFor(next, "participating");
    CHECK(w["result"] == "stored");
    CHECK(w["rows"] == 7);
    CHECK(w["events"] == Json{{"signed", 1}});
    StoreView now = Look(db);
    CHECK(now.snapshots == baseline.snapshots + 1);
    CHECK(now.events == baseline.events + 1);
    CHECK(now.pending->id == baseline.pending->id);
  }
};

// ---------------------------------------------------------------------------
// The happy path and the cycle's bookkeeping.

TEST_CASE("run: the first cycle stores both lists — a newer publication gives exactly its events") {
  FakeIce ice;
  test::TempDir dir;
  std::string db = dir.File("icetrack.db");
  Publish(ice, V1(), "03172025pm");
  Run first = Cycle(ice, db);
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(first.err.empty());
  CHECK(first.json["page"]["result"] == "links");
  CHECK(first.json["page"]["totals"]["jem"] == 2);
  CHECK(first.json["not_linked"].empty());
  Json p = WorkbookFor(first, "participating");
  CHECK(p["result"] == "stored");
  CHECK(p["linked_as"] == "participating");
  CHECK(p["file_name"] == "participatingAgencies03172025pm.xlsx");
  CHECK(p["rows"] == 6);
  CHECK(p["published_at"] == "2025-03-17T12:00:00Z");
  CHECK(p["events"] == Json{{"baseline", 1}});
  CHECK(p["totals_mismatch"].is_null());
  Json q = WorkbookFor(first, "pending");
  CHECK(q["result"] == "stored");
  CHECK(q["rows"] == 2);
  CHECK(q["events"] == Json{{"baseline", 1}});
  StoreView one = Look(db);
  CHECK(one.snapshots == 2);
  CHECK(one.events == 2);
  REQUIRE(one.fetches.size() == 3);  // page, two workbooks
  CHECK(LastFetchOf(one, ice.Url(kPagePath)).outcome == FetchOutcome::Ok);
  FetchRecord f = LastFetchOf(one, ice.Url(ParticipatingPath("03172025pm")));
  CHECK(f.outcome == FetchOutcome::Ok);
  CHECK(f.status == 200);
  CHECK(f.etag.size() > 2);
  CHECK(f.last_modified == "Mon, 17 Mar 2025 19:00:00 GMT");
  CHECK(f.snapshot_id == p["snapshot"].get<int64_t>());
  CHECK(f.sha256.size() == 64);

  // ICE publishes again: Wake County (pending) is signed, Johnson County signs
  // directly, Hays County re-signs, Prince William County is missing, and a
  // new application arrives.
  Publication v2 = V1();
  v2.modified = test::UnixTime(2025, 3, 20);
  v2.participating.pop_back();
  v2.participating[1].signed_serial = test::Serial(2025, 3, 19);
  v2.participating.push_back(test::Row("NORTH CAROLINA", "Wake County Sheriff's Office", "Jail Enforcement Model"));
  v2.participating.push_back(test::Row("KANSAS", "Johnson County Sheriff's Office", "Warrant Service Officer"));
  v2.pending = {Pending("MONTANA", "Flathead County Sheriff's Office", "Task Force Model"),
                Pending("UTAH", "Utah County Sheriff's Office", "Warrant Service Officer")};
  Publish(ice, v2, "03202025am");
  Run second = Cycle(ice, db);
  REQUIRE_MESSAGE(second.exit_code == 0, second.err);
  Json p2 = WorkbookFor(second, "participating");
  CHECK(p2["result"] == "stored");
  CHECK(p2["previous_rows"] == 6);
  CHECK(p2["events"] == Json{{"signed", 2}, {"renewed", 1}, {"missing", 1}});
  Json q2 = WorkbookFor(second, "pending");
  CHECK(q2["events"] == Json{{"approved", 1}, {"pending_added", 1}});
  CHECK(second.json["events"] == 6);
  StoreView two = Look(db);
  CHECK(two.snapshots == 4);
  CHECK(two.events == 2 + 6);
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'approved' AND agency = 'Wake County Sheriff''s Office'") == 1);
}

TEST_CASE("run: the text summary has a line for the page and one per list") {
  FakeIce ice;
  test::TempDir dir;
  Publish(ice, V1(), "03172025pm");
  Run run = Icetrack("run --source " + ice.Url(kPagePath) + " --db " + dir.File("db"));
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.out ==
        "page " + ice.Url(kPagePath) + ": HTTP 200, 2 workbooks; As of March 17, 2025, at 3 p.m.\n"
        "participating: #1 stored, 6 rows (0 before): 1 baseline  [participatingAgencies03172025pm.xlsx]\n"
        "pending: #2 stored, 2 rows (0 before): 1 baseline  [pendingAgencies03172025pm.xlsx]\n");
  Run quiet = Icetrack("run -q --source " + ice.Url(kPagePath) + " --db " + dir.File("db"));
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());  // nothing changed
  CHECK(quiet.err.empty());
}

TEST_CASE("run: User-Agent names icetrack, its version and the contact") {
  FakeIce ice;
  test::TempDir dir;
  Publish(ice, V1(), "03172025pm");
  Run run = Cycle(ice, dir.File("db"), "--contact mailto:ops@example.org");
  REQUIRE(run.exit_code == 0);
  for (const SeenRequest& r : ice.Requests()) CHECK(r.user_agent == "icetrack/" ICETRACK_VERSION " (+mailto:ops@example.org)");
  Run bad = Cycle(ice, dir.File("db"), "--contact \"$(printf 'a\\tb')\"");
  CHECK(bad.exit_code == 2);
}

TEST_CASE("run: 304 on the second run — an unchanged page costs one conditional request per file and no parsing") {
  Tracked t;
  Run second = Cycle(t.ice, t.db);
  REQUIRE_MESSAGE(second.exit_code == 0, second.err);
  CHECK(second.json["page"]["result"] == "not_modified");
  // ICE has replaced workbooks under fixed names: each one the page linked is asked for again.
  REQUIRE(second.json["workbooks"].size() == 2);
  CHECK(WorkbookFor(second, "participating")["result"] == "not_modified");
  CHECK(WorkbookFor(second, "pending")["result"] == "not_modified");
  std::vector<SeenRequest> seen = t.ice.Requests();
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].path == kPagePath);
  for (const SeenRequest& r : seen) CHECK(!r.if_none_match.empty());
  StoreView v = Look(t.db);
  CHECK(v.snapshots == t.baseline.snapshots);
  CHECK(v.events == t.baseline.events);
  FetchRecord page = LastFetchOf(v, t.ice.Url(kPagePath));
  CHECK(page.outcome == FetchOutcome::NotModified);
  CHECK(page.status == 304);
  CHECK(page.links.size() == 2);  // what the next 304 will ask for again
  Run text = Icetrack("run --source " + t.ice.Url(kPagePath) + " --db " + t.db);
  CHECK(text.out.find("page " + t.ice.Url(kPagePath) +
                      ": not modified since the last complete run; 2 workbooks it linked asked for again\n") == 0);

  // The page changes, its workbooks do not: both come back 304, unread.
  PutPage(t.ice, t.v1_page);
  t.ice.ForgetRequests();
  Run third = Cycle(t.ice, t.db);
  REQUIRE_MESSAGE(third.exit_code == 0, third.err);
  CHECK(third.json["page"]["result"] == "links");
  Json p = WorkbookFor(third, "participating");
  CHECK(p["result"] == "not_modified");
  CHECK(p["snapshot"] == t.baseline.participating->id);
  CHECK(WorkbookFor(third, "pending")["result"] == "not_modified");
  for (const SeenRequest& r : t.ice.Requests()) CHECK(!r.if_none_match.empty());
  StoreView after = Look(t.db);
  CHECK(after.snapshots == t.baseline.snapshots);
  CHECK(after.events == t.baseline.events);
}

TEST_CASE("run: a workbook replaced under a fixed file name is read although the page answers 304") {
  // Feb - Mar 2025: participatingAgencies.xlsx, overwritten in place, the page unchanged.
  FakeIce ice;
  test::TempDir dir;
  std::string db = dir.File("icetrack.db");
  const std::string fixed = std::string(kDoclib) + "participatingAgencies.xlsx";
  const std::string pending = std::string(kDoclib) + "pendingAgencies.xlsx";
  PutWorkbook(ice, fixed, ParticipatingBytes(V1()));
  PutWorkbook(ice, pending, PendingBytes(V1()));
  PutPage(ice, PageSpec{ice.Url(fixed), ice.Url(pending), TotalsOf(V1())});
  REQUIRE(Cycle(ice, db).exit_code == 0);
  PutWorkbook(ice, fixed, ParticipatingBytes(V2()));  // a new file, the same name; the page is as it was
  ice.ForgetRequests();
  Run run = Cycle(ice, db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.json["page"]["result"] == "not_modified");
  Json p = WorkbookFor(run, "participating");
  CHECK(p["result"] == "stored");
  CHECK(p["events"] == Json{{"signed", 1}});
  CHECK(WorkbookFor(run, "pending")["result"] == "not_modified");
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE kind = 'signed' AND agency = 'Johnson County Sheriff''s Office'") == 1);
  // A workbook that fails behind an unchanged page is asked for again next time.
  Publication v3 = V1();  // Johnson County gone again, in a newer file
  v3.modified = test::UnixTime(2025, 3, 19);
  PutWorkbook(ice, fixed, ParticipatingBytes(v3));
  ice.Fail(fixed, 1, Reply(404));
  Run failed = Cycle(ice, db);
  CHECK(failed.exit_code == 3);
  CHECK(LastFetchOf(Look(db), ice.Url(kPagePath)).outcome == FetchOutcome::Incomplete);
  Run healed = Cycle(ice, db);
  REQUIRE_MESSAGE(healed.exit_code == 0, healed.err);
  CHECK(WorkbookFor(healed, "participating")["result"] == "stored");
  CHECK(WorkbookFor(healed, "participating")["events"] == Json{{"missing", 1}});
}

// A page server that speaks HTTP/1.1 by hand, to send what cpp-httplib never
// would: a body delimited by closing the connection, cut short.
class RawPageServer {
 public:
  RawPageServer() {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(listen(listener_, 8) == 0);
    socklen_t length = sizeof addr;
    REQUIRE(getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &length) == 0);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~RawPageServer() {
    stop_ = true;
    thread_.join();
    close(listener_);
  }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/287g"; }
  // The bytes the next request gets (headers and body), after which the connection closes.
  void Answer(std::string response) {
    std::lock_guard<std::mutex> lock(mutex_);
    response_ = std::move(response);
  }
  std::vector<std::string> Requests() {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }

 private:
  void Serve() {
    while (!stop_) {
      pollfd p{listener_, POLLIN, 0};
      if (poll(&p, 1, 20) <= 0) continue;
      int fd = accept(listener_, nullptr, nullptr);
      if (fd < 0) continue;
      std::string request;
      char buf[4096];
      while (request.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        request.append(buf, static_cast<size_t>(n));
      }
      std::string response;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        requests_.push_back(request);
        response = response_;
      }
      for (size_t sent = 0; sent < response.size();) {
        ssize_t n = send(fd, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<size_t>(n);
      }
      close(fd);
    }
  }

  int listener_ = -1, port_ = 0;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::string response_;
  std::vector<std::string> requests_;
  std::thread thread_;
};

std::string LowerCase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

TEST_CASE("run: a page cut short without Content-Length keeps no validators — the next run reads it whole") {
  FakeIce ice;  // serves the workbooks
  test::TempDir dir;
  std::string db = dir.File("icetrack.db");
  PutWorkbook(ice, ParticipatingPath("03172025pm"), ParticipatingBytes(V1()));
  PutWorkbook(ice, PendingPath("03172025pm"), PendingBytes(V1()));
  std::string html = PageHtml({ice.Url(ParticipatingPath("03172025pm")), ice.Url(PendingPath("03172025pm")), TotalsOf(V1())});
  // The connection closes after the participating link: the pending one and the end are lost.
  std::string cut = html.substr(0, html.find("<h3>"));
  RawPageServer page;
  const std::string head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nETag: \"page-1\"\r\nConnection: close\r\n\r\n";
  page.Answer(head + cut);
  Run first = Icetrack("run --json --source " + page.Url() + " --db " + db + " --retry-delay 0.001");
  CHECK(first.exit_code == 3);
  CHECK(first.err == "icetrack: " + page.Url() + ": the page ends before its closing </html> tag (cut short?): its "
                     "links were followed; it is fetched in full next run\n");
  CHECK(WorkbookFor(first, "participating")["result"] == "stored");  // what it linked is sound
  CHECK(first.json["not_linked"] == Json{"pending"});
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(db, &store).ok());
  std::optional<FetchRecord> good;
  REQUIRE(store->LastGoodFetch(page.Url(), &good).ok());
  CHECK_FALSE(good);  // its ETag must not make the next request conditional
  store.reset();
  page.Answer(head + html);
  Run second = Icetrack("run --json --source " + page.Url() + " --db " + db + " --retry-delay 0.001");
  REQUIRE_MESSAGE(second.exit_code == 0, second.err);
  std::vector<std::string> requests = page.Requests();
  REQUIRE(requests.size() == 2);
  CHECK(LowerCase(requests[1]).find("if-none-match") == std::string::npos);
  CHECK(WorkbookFor(second, "pending")["result"] == "stored");
  page.Answer("HTTP/1.1 304 Not Modified\r\nETag: \"page-1\"\r\nConnection: close\r\n\r\n");
  Run third = Icetrack("run --json --source " + page.Url() + " --db " + db + " --retry-delay 0.001");
  CHECK(third.exit_code == 0);
  CHECK(LowerCase(page.Requests()[2]).find("if-none-match: \"page-1\"") != std::string::npos);  // a whole read counts
}

TEST_CASE("run: one instance at a time — a second one exits at once with code 5") {
  Tracked t;
  std::string lock_path = t.db + ".lock";
  int fd = open(lock_path.c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(flock(fd, LOCK_EX | LOCK_NB) == 0);
  std::string pid = std::to_string(getpid());
  REQUIRE(ftruncate(fd, 0) == 0);
  REQUIRE(pwrite(fd, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size()));
  t.PublishV2Participating();
  Run locked = Cycle(t.ice, t.db);
  CHECK(locked.exit_code == 5);
  CHECK(locked.out.empty());
  CHECK(locked.err == "icetrack: another icetrack is running on " + t.db + " (" + lock_path + " is held by pid " +
                          pid + "); try again later\n");
  CHECK(t.ice.Requests().empty());
  StoreView v = Look(t.db);
  CHECK(v.fetches.size() == t.baseline.fetches.size());
  close(fd);
  t.CheckRecovers();
}

TEST_CASE("run: usage errors exit 2 before anything is fetched") {
  test::TempDir dir;
  CHECK(Icetrack("run --source ftp://example.org/287g --db " + dir.File("db")).exit_code == 2);
  CHECK(Icetrack("run --max-removed-share 2 --db " + dir.File("db")).exit_code == 2);
  Run help = Icetrack("run --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--retry-budget") != std::string::npos);
  CHECK(help.out.find("--retry-delay") == std::string::npos);  // for tests only
  CHECK(help.out.find("5 locked by another icetrack") != std::string::npos);
}

// ---------------------------------------------------------------------------
// Faults of the server and the network.

TEST_CASE("run: 500 then 503, then success within the retry budget") {
  Tracked t;
  std::string url = t.PublishV2Participating();
  auto calls = std::make_shared<std::atomic<int>>(0);
  t.ice.Fail(ParticipatingPath("03182025am"), 2, [calls](const httplib::Request& req, httplib::Response& res) {
    Reply(++*calls == 1 ? 500 : 503)(req, res);
  });
  Run run = Cycle(t.ice, t.db, "--max-attempts 4");
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.err.empty());
  int attempts = 0;
  for (const SeenRequest& r : t.ice.Requests()) attempts += r.path == ParticipatingPath("03182025am");
  CHECK(attempts == 3);
  CHECK(WorkbookFor(run, "participating")["events"] == Json{{"signed", 1}});
  FetchRecord f = LastFetchOf(Look(t.db), url);
  CHECK(f.status == 200);
  CHECK(f.outcome == FetchOutcome::Ok);
}

TEST_CASE("run: 503 beyond the attempts is a fetch failure") {
  Tracked t;
  std::string url = t.PublishV2Participating();
  t.ice.Fail(ParticipatingPath("03182025am"), -1, Reply(503));
  Run run = Cycle(t.ice, t.db, "--max-attempts 3");
  CHECK(run.exit_code == 3);
  CHECK(run.err == "icetrack: " + url + ": HTTP 503 after 3 attempts\n");
  CHECK(run.json["exit_code"] == 3);
  CHECK(run.json["errors"] == Json{url + ": HTTP 503 after 3 attempts"});
  Json w = WorkbookAt(run, url);
  CHECK(w["result"] == "fetch_error");
  CHECK(w["list"].is_null());
  CHECK(w["linked_as"] == "participating");
  CHECK(WorkbookFor(run, "pending")["result"] == "not_modified");  // the other list went on
  t.CheckUntouched("503");
  StoreView v = Look(t.db);
  FetchRecord f = LastFetchOf(v, url);
  CHECK(f.outcome == FetchOutcome::Error);
  CHECK(f.status == 503);
  CHECK(f.error == url + ": HTTP 503 after 3 attempts");
  CHECK(f.snapshot_id == 0);
  FetchRecord page = LastFetchOf(v, t.ice.Url(kPagePath));
  CHECK(page.outcome == FetchOutcome::Incomplete);
  // The page does not change: it must not answer 304 to a cycle that did not finish.
  t.CheckRecovers();
}

TEST_CASE("run: 429 with Retry-After is waited out") {
  Tracked t;
  t.PublishV2Participating();
  t.ice.Fail(ParticipatingPath("03182025am"), 1, Reply(429, "1"));
  Run run = Cycle(t.ice, t.db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  std::vector<Clock::time_point> at;
  for (const SeenRequest& r : t.ice.Requests())
    if (r.path == ParticipatingPath("03182025am")) at.push_back(r.at);
  REQUIRE(at.size() == 2);
  CHECK(at[1] - at[0] >= std::chrono::milliseconds(950));  // not the 1 ms backoff
  CHECK(WorkbookFor(run, "participating")["events"] == Json{{"signed", 1}});
}

TEST_CASE("run: a Retry-After beyond the retry budget fails at once") {
  Tracked t;
  std::string url = t.PublishV2Participating();
  t.ice.Fail(ParticipatingPath("03182025am"), 1, Reply(429, "120"));
  Run run = Cycle(t.ice, t.db);
  CHECK(run.exit_code == 3);
  CHECK(run.err == "icetrack: " + url + ": HTTP 429 after 1 attempt (Retry-After 120 s exceeds the retry budget)\n");
  t.CheckUntouched("429");
  t.CheckRecovers();
}

TEST_CASE("run: a timeout is a fetch failure") {
  Tracked t;
  std::string url = t.PublishV2Participating();
  t.ice.Fail(ParticipatingPath("03182025am"), 2, Stall(&t.ice));
  Run run = Cycle(t.ice, t.db, "--timeout 0.3 --max-attempts 2");
  CHECK(run.exit_code == 3);
  CHECK(run.err == "icetrack: " + url + ": timed out after 0.3 s (2 attempts)\n");
  t.CheckUntouched("timeout");
  CHECK(LastFetchOf(Look(t.db), url).status == 0);
  t.CheckRecovers();
}

TEST_CASE("run: a connection cut in the middle of a workbook is a fetch failure") {
  Tracked t;
  std::string url = t.PublishV2Participating();
  t.ice.Fail(ParticipatingPath("03182025am"), -1, CutShort(ParticipatingBytes(V2())));
  Run run = Cycle(t.ice, t.db, "--max-attempts 2");
  CHECK(run.exit_code == 3);
  CHECK(run.err.rfind("icetrack: " + url + ": ", 0) == 0);
  CHECK(run.err.find("(2 attempts)") != std::string::npos);
  t.CheckUntouched("cut");
  t.CheckRecovers();
}

TEST_CASE("run: a redirect loop is a fetch failure") {
  Tracked t;
  std::string url = t.PublishV2Participating();
  t.ice.Fail(ParticipatingPath("03182025am"), -1, RedirectTo(ParticipatingPath("03182025am")));
  Run run = Cycle(t.ice, t.db);
  CHECK(run.exit_code == 3);
  CHECK(run.err == "icetrack: " + url + ": too many redirects (5)\n");
  t.CheckUntouched("redirect loop");
  t.CheckRecovers();
}

TEST_CASE("run: a body over the cap is a fetch failure") {
  Tracked t;
  std::string url = t.PublishV2Participating();
  t.ice.Fail(ParticipatingPath("03182025am"), -1, Body("PK\x03\x04" + std::string(200000, 'x'), kXlsxType));
  Run run = Cycle(t.ice, t.db, "--max-body-bytes 65536");
  CHECK(run.exit_code == 3);
  CHECK(run.err == "icetrack: " + url + ": body over 64 KiB\n");
  t.CheckUntouched("over the cap");
  t.CheckRecovers();
}

TEST_CASE("run: an HTML page sent with 200 instead of the workbook is never a snapshot") {
  Tracked t;
  std::string url = t.PublishV2Participating();
  t.ice.Fail(ParticipatingPath("03182025am"), -1,
             Body("<!DOCTYPE html><html><body><h1>Access Denied</h1></body></html>", "text/html"));
  Run run = Cycle(t.ice, t.db);
  CHECK(run.exit_code == 3);
  CHECK(run.err == "icetrack: " + url + ": not a workbook: HTTP 200 sent an HTML page (text/html)\n");
  CHECK(WorkbookAt(run, url)["result"] == "not_a_workbook");
  t.CheckUntouched("HTML with 200");
  FetchRecord f = LastFetchOf(Look(t.db), url);
  CHECK(f.outcome == FetchOutcome::NotAWorkbook);
  CHECK(f.status == 200);
  CHECK(f.bytes == 0);  // the body was dropped
  t.CheckRecovers();
}

TEST_CASE("run: the page itself failing leaves everything as it was") {
  Tracked t;
  t.PublishV2Participating();
  t.ice.Fail(kPagePath, -1, Reply(503));
  Run run = Cycle(t.ice, t.db, "--max-attempts 2");
  CHECK(run.exit_code == 3);
  CHECK(run.err == "icetrack: " + t.ice.Url(kPagePath) + ": HTTP 503 after 2 attempts\n");
  CHECK(run.json["page"]["result"] == "fetch_error");
  CHECK(t.ice.Requests().size() == 2);  // nothing but the page
  t.CheckUntouched("page 503");
  CHECK(Look(t.db).fetches.size() == t.baseline.fetches.size() + 1);
  t.CheckRecovers();
}

TEST_CASE("run: no server at all is a fetch failure") {
  test::TempDir dir;
  int port = 0;
  {
    FakeIce gone;  // a port that was just free, now closed again
    port = std::stoi(gone.Url("").substr(std::string("http://127.0.0.1:").size()));
  }
  Run run = Icetrack("run --json --source http://127.0.0.1:" + std::to_string(port) + "/287g --db " +
                     dir.File("db") + " --retry-delay 0.001 --max-attempts 2");
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("(2 attempts)") != std::string::npos);
  CHECK(QueryInt(dir.File("db"), "SELECT count(*) FROM snapshots") == 0);
  CHECK(QueryInt(dir.File("db"), "SELECT count(*) FROM fetches WHERE outcome = 'error'") == 1);
}

// ---------------------------------------------------------------------------
// Bad workbooks.

TEST_CASE("run: a truncated workbook is a parse failure") {
  Tracked t;
  std::string url = t.PublishV2Participating();
  std::string bytes = ParticipatingBytes(V2());
  t.ice.Fail(ParticipatingPath("03182025am"), -1, Body(bytes.substr(0, bytes.size() / 2), kXlsxType));
  Run run = Cycle(t.ice, t.db);
  CHECK(run.exit_code == 4);
  CHECK(run.err == "icetrack: " + url +
                       ": truncated or damaged zip archive (central directory at end of file missing or inconsistent)\n");
  CHECK(WorkbookAt(run, url)["result"] == "parse_error");
  t.CheckUntouched("truncated");
  CHECK(LastFetchOf(Look(t.db), url).outcome == FetchOutcome::ParseError);
  t.CheckRecovers();
}

TEST_CASE("run: a zip bomb is refused before it is inflated") {
  Tracked t;
  std::string url = t.PublishV2Participating();
  test::TempDir dir;
  test::Parts parts = test::MinimalWorkbook(
      "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<sheetData>" + std::string(16u << 20, ' ') + "</sheetData></worksheet>");
  test::WriteZip(dir.File("bomb.xlsx"), parts);
  std::string bomb = test::ReadFile(dir.File("bomb.xlsx"));
  REQUIRE(bomb.size() < 100000);
  t.ice.Fail(ParticipatingPath("03182025am"), -1, Body(bomb, kXlsxType));
  Run run = Cycle(t.ice, t.db);
  CHECK(run.exit_code == 4);
  CHECK(run.err.rfind("icetrack: " + url + ": xl/worksheets/sheet1.xml: compression ratio ", 0) == 0);
  CHECK(run.err.find("(zip bomb?)\n") != std::string::npos);
  t.CheckUntouched("zip bomb");
  t.CheckRecovers();
}

TEST_CASE("run: malformed sheet XML is a parse failure") {
  Tracked t;
  std::string url = t.PublishV2Participating();
  test::TempDir dir;
  test::WriteZip(dir.File("bad.xlsx"),
                 test::MinimalWorkbook("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                                       "spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\">"
                                       "</row></sheetData></worksheet>"));
  t.ice.Fail(ParticipatingPath("03182025am"), -1, Body(test::ReadFile(dir.File("bad.xlsx")), kXlsxType));
  Run run = Cycle(t.ice, t.db);
  CHECK(run.exit_code == 4);
  CHECK(run.err.rfind("icetrack: " + url + ": xl/worksheets/sheet1.xml:", 0) == 0);
  CHECK(run.err.find("malformed XML") != std::string::npos);
  t.CheckUntouched("malformed XML");
  t.CheckRecovers();
}

TEST_CASE("run: a workbook with a header and no rows is quarantined, not diffed") {
  Tracked t;
  test::IceWorkbook empty;
  empty.modified = test::UnixTime(2025, 3, 18);
  empty.trailing_blank_rows = 40;
  std::string path = ParticipatingPath("03182025am");
  PutWorkbook(t.ice, path, WorkbookBytes(empty));
  PageSpec spec = t.v1_page;
  spec.participating_href = t.ice.Url(path);
  PutPage(t.ice, spec);
  Run run = Cycle(t.ice, t.db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  Json w = WorkbookFor(run, "participating");
  CHECK(w["result"] == "quarantined");
  CHECK(w["events"] == Json{{"suspicious_snapshot", 1}});
  CHECK(w["note"] == "the workbook has a header but no rows");
  StoreView v = Look(t.db);
  CHECK(v.snapshots == t.baseline.snapshots + 1);
  CHECK(v.events == t.baseline.events + 1);
  CHECK(QueryInt(t.db, "SELECT count(*) FROM events WHERE kind = 'suspicious_snapshot' AND snapshot_id = " +
                           std::to_string(w["snapshot"].get<int64_t>())) == 1);
  CHECK(QueryInt(t.db, "SELECT count(*) FROM snapshots WHERE status = 'quarantined'") == 1);
  CHECK(v.participating->id == t.baseline.participating->id);  // the list is as it was
  CHECK(LastFetchOf(v, t.ice.Url(path)).outcome == FetchOutcome::Quarantined);
  PutPage(t.ice, spec);  // a new page ETag, the same workbook
  Run text = Icetrack("run --source " + t.ice.Url(kPagePath) + " --db " + t.db);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("participating: unchanged (#" + std::to_string(w["snapshot"].get<int64_t>()) + ")") !=
        std::string::npos);

  // The next publication is diffed against the last accepted list, not the empty one.
  t.baseline = Look(t.db);
  t.PublishV2Participating(ParticipatingPath("03192025am"));
  t.CheckRecovers();
}

// ---------------------------------------------------------------------------
// What ICE's page has done.

TEST_CASE("run: the two files swapped are told apart by their columns") {
  Tracked t;
  Publication v2 = V2();
  v2.pending.push_back(Pending("UTAH", "Utah County Sheriff's Office", "Warrant Service Officer"));
  // The "participating" link holds the pending list and the other way round, as on 22 Sep 2025.
  PutWorkbook(t.ice, ParticipatingPath("09222025pm"), PendingBytes(v2));
  PutWorkbook(t.ice, PendingPath("09222025pm"), ParticipatingBytes(v2));
  PutPage(t.ice, {t.ice.Url(ParticipatingPath("09222025pm")), t.ice.Url(PendingPath("09222025pm")), TotalsOf(v2)});
  Run run = Cycle(t.ice, t.db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  Json p = WorkbookFor(run, "participating");
  CHECK(p["linked_as"] == "pending");
  CHECK(p["result"] == "stored");
  CHECK(p["events"] == Json{{"signed", 1}});
  Json q = WorkbookFor(run, "pending");
  CHECK(q["linked_as"] == "participating");
  CHECK(q["events"] == Json{{"pending_added", 1}});
  CHECK(run.json["not_linked"].empty());
  CHECK(Look(t.db).events == t.baseline.events + 2);
}

TEST_CASE("run: a page with the participating link only leaves the pending list as it was") {
  Tracked t;
  std::string path = ParticipatingPath("03012026am");
  PutWorkbook(t.ice, path, ParticipatingBytes(V2()));
  PageSpec spec{t.ice.Url(path), "", TotalsOf(V2())};
  PutPage(t.ice, spec);
  Run run = Cycle(t.ice, t.db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.err.empty());
  CHECK(run.json["not_linked"] == Json{"pending"});
  CHECK(run.json["workbooks"].size() == 1);
  StoreView v = Look(t.db);
  CHECK(v.pending->id == t.baseline.pending->id);
  CHECK(v.events == t.baseline.events + 1);  // the signing; no pending_removed
  CHECK(QueryInt(t.db, "SELECT count(*) FROM events WHERE list = 'pending'") == 1);  // its baseline
  PutPage(t.ice, spec);
  Run text = Icetrack("run --source " + t.ice.Url(kPagePath) + " --db " + t.db);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("pending: not linked from the page; left as it was\n") != std::string::npos);
}

TEST_CASE("run: a page with no workbook link and no table is a parse failure") {
  Tracked t;
  Resource blocked;
  blocked.body = "<!DOCTYPE html><html><body><h1>287(g)</h1><p>Please enable JavaScript.</p></body></html>";
  blocked.content_type = "text/html";
  t.ice.Put(kPagePath, blocked);
  Run run = Cycle(t.ice, t.db);
  CHECK(run.exit_code == 4);
  CHECK(run.err == "icetrack: " + t.ice.Url(kPagePath) +
                       ": the page has no workbook link and no roster table (a block page, or a new layout)\n");
  CHECK(run.json["page"]["result"] == "no_roster");
  CHECK(t.ice.Requests().size() == 1);
  t.CheckUntouched("no links");
  CHECK(LastFetchOf(Look(t.db), t.ice.Url(kPagePath)).outcome == FetchOutcome::ParseError);
  t.PublishV2Participating();
  t.CheckRecovers();
}

TEST_CASE("run: new buttons around the same link texts, with relative links") {
  Tracked t;
  std::string path = ParticipatingPath("03182025am");
  PutWorkbook(t.ice, path, ParticipatingBytes(V2()));
  PageSpec spec{path, std::string(kDoclib) + "../287g/pendingAgencies03172025pm.xlsx", TotalsOf(V2()), false};
  PutPage(t.ice, spec);
  Run run = Cycle(t.ice, t.db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  Json p = WorkbookFor(run, "participating");
  CHECK(p["url"] == t.ice.Url(path));
  CHECK(p["linked_as"] == "participating");
  CHECK(p["events"] == Json{{"signed", 1}});
  Json q = WorkbookFor(run, "pending");
  CHECK(q["url"] == t.ice.Url(PendingPath("03172025pm")));
  CHECK(q["result"] == "not_modified");
}

TEST_CASE("run: a download link whose file name is only in Content-Disposition") {
  Tracked t;
  const std::string path = "/file-download/download/public/209067";
  Resource r;
  r.body = ParticipatingBytes(V2());
  r.headers = {{"Content-Disposition", "attachment; filename=\"287gParticipatingAgencies091526pm.xlsx\""}};
  t.ice.Put(path, r);
  PageSpec spec = t.v1_page;
  spec.participating_href = t.ice.Url(path);
  spec.totals = TotalsOf(V2());
  PutPage(t.ice, spec);
  Run run = Cycle(t.ice, t.db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  Json p = WorkbookFor(run, "participating");
  CHECK(p["file_name"] == "287gParticipatingAgencies091526pm.xlsx");
  CHECK(p["events"] == Json{{"signed", 1}});
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(t.db, &store).ok());
  SnapshotInfo info;
  REQUIRE(store->GetSnapshot(p["snapshot"].get<int64_t>(), &info, nullptr).ok());
  CHECK(info.source_name == "287gParticipatingAgencies091526pm.xlsx");
  CHECK(info.source_url == t.ice.Url(path));
}

TEST_CASE("run: the page's totals differ from the workbook: a totals_mismatch event, not a failure") {
  Tracked t;
  std::string path = ParticipatingPath("03182025am");
  PutWorkbook(t.ice, path, ParticipatingBytes(V2()));
  PageSpec spec = t.v1_page;
  spec.participating_href = t.ice.Url(path);
  spec.totals = TotalsOf(V2());
  spec.totals.wso += 1;
  PutPage(t.ice, spec);
  Run run = Cycle(t.ice, t.db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  Json p = WorkbookFor(run, "participating");
  CHECK(p["events"] == Json{{"signed", 1}, {"totals_mismatch", 1}});
  CHECK(p["totals_mismatch"] == "As of March 17, 2025, at 3 p.m.: WSO 4 on the page, 3 in the workbook");
  CHECK(QueryInt(t.db, "SELECT count(*) FROM events WHERE kind = 'totals_mismatch' AND list = 'participating' AND "
                       "snapshot_id = " + std::to_string(p["snapshot"].get<int64_t>())) == 1);
}

TEST_CASE("run: the pre-2025 page holds the roster as an HTML table") {
  FakeIce ice;
  test::TempDir dir;
  std::string db = dir.File("db");
  auto page = [&](const std::string& noise, const std::string& extra_row) {
    Resource r;
    r.content_type = "text/html";
    r.body =
        "<html><head><title>287(g)</title></head><body><!-- " + noise + " -->"
        "<p>As of May 2024, ICE has 287(g) JEM agreements with 1 law enforcement agencies in 1 states. ICE also has "
        "287(g) WSO with 1 law enforcement agencies in 1 states.</p>"
        "<p>Updated: <time datetime=\"2024-05-20T10:00:00-04:00\">05/20/2024</time></p>"
        "<h2>Mutually Signed Agreements</h2><table><thead><tr><th>STATE</th><th>LAW ENFORCEMENT AGENCY</th>"
        "<th>SUPPORT TYPE</th><th>SIGNED</th><th>MOA</th></tr></thead><tbody>"
        "<tr><td>FLORIDA</td><td>Polk County Sheriff's Office</td><td>Jail Enforcement Model</td><td>2/26/2019</td>"
        "<td><a href=\"/doclib/287gMOA/polk.pdf\">link</a></td></tr>"
        "<tr><td>TEXAS</td><td>Hays County Sheriff's Office</td><td>Warrant Service Officer</td><td>5/1/2020</td>"
        "<td><a href=\"/doclib/287gMOA/hays.pdf\">link</a></td></tr>" + extra_row + "</tbody></table></body></html>";
    ice.Put(kPagePath, r);
  };
  page("request 1", "");
  Run first = Cycle(ice, db);
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(first.json["page"]["result"] == "table");
  Json p = WorkbookFor(first, "participating");
  CHECK(p["result"] == "stored");
  CHECK(p["rows"] == 2);
  CHECK(p["published_at"] == "2024-05-20T14:00:00Z");
  CHECK(p["events"] == Json{{"baseline", 1}});
  // The page around the table changes with every request; an unchanged table is not a new snapshot.
  page("request 2", "");
  Run second = Cycle(ice, db);
  REQUIRE_MESSAGE(second.exit_code == 0, second.err);
  CHECK(WorkbookFor(second, "participating")["result"] == "duplicate");
  CHECK(QueryInt(db, "SELECT count(*) FROM snapshots") == 1);
  page("request 3",
       "<tr><td>OHIO</td><td>Butler County Sheriff's Office</td><td>Warrant Service Officer</td><td>6/1/2021</td>"
       "<td><a href=\"/doclib/287gMOA/butler.pdf\">link</a></td></tr>");
  Run third = Cycle(ice, db);
  REQUIRE_MESSAGE(third.exit_code == 0, third.err);
  Json p3 = WorkbookFor(third, "participating");
  CHECK(p3["events"] == Json{{"signed", 1}, {"totals_mismatch", 1}});
  CHECK(p3["totals_mismatch"] == "As of May 2024: WSO 1 on the page, 2 in the workbook");
  CHECK(QueryInt(db, "SELECT count(*) FROM snapshots") == 2);

  // A table that lost most of its rows is quarantined; `accept` reads the kept table again.
  Resource shrunk;
  shrunk.content_type = "text/html";
  shrunk.body = "<html><body><table><tr><th>STATE</th><th>LAW ENFORCEMENT AGENCY</th><th>SUPPORT TYPE</th>"
                "<th>SIGNED</th><th>MOA</th></tr><tr><td>OHIO</td><td>Butler County Sheriff's Office</td>"
                "<td>Warrant Service Officer</td><td>6/1/2021</td><td><a href=\"/doclib/287gMOA/butler.pdf\">link</a></td>"
                "</tr></table></body></html>";
  ice.Put(kPagePath, shrunk);
  Run fourth = Cycle(ice, db);
  REQUIRE_MESSAGE(fourth.exit_code == 0, fourth.err);
  Json p4 = WorkbookFor(fourth, "participating");
  REQUIRE(p4["result"] == "quarantined");
  std::string id = std::to_string(p4["snapshot"].get<int64_t>());
  Run accept = Icetrack("accept " + id + " --db " + db);
  CHECK_MESSAGE(accept.exit_code == 0, accept.err);
  CHECK(accept.out == "accepted snapshot #" + id + " (participating, 1 rows): 2 missing\n");
}

// ---------------------------------------------------------------------------
// The real page captures and workbooks.

std::string Fixture(const std::string& relative) { return test::ReadFile(test::FixturesDir() + "/" + relative); }

test::ManifestEntry ManifestOf(const std::string& file) {
  for (const test::ManifestEntry& e : test::ReadManifest()) {
    if (e.file == file) return e;
  }
  FAIL("not in MANIFEST.tsv: " << file);
  return {};
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

TEST_CASE("run: the real page of 14 Mar 2025 with real workbooks, and ICE's totals checked") {
  REQUIRE_FIXTURES();
  FakeIce ice;
  test::TempDir dir;
  std::string db = dir.File("db");
  const std::string doclib = "https://www.ice.gov/doclib/about/offices/ero/287g/";
  Resource page;
  page.content_type = "text/html";
  page.body = ReplaceAll(Fixture("pages/2025-03-14_c-dated-xlsx_appelson.html"), doclib, ice.Url(kDoclib));
  ice.Put(kPagePath, page);
  const std::string participating_file = "xlsx/2025-03-06_participatingAgencies03062025am.xlsx";
  const std::string pending_file = "xlsx/2025-03-13_pendingAgencies-wayback20250313172004.xlsx";
  PutWorkbook(ice, std::string(kDoclib) + "participatingAgencies03142025am.xlsx", Fixture(participating_file));
  PutWorkbook(ice, std::string(kDoclib) + "pendingAgencies03113025am.xlsx", Fixture(pending_file));
  Run run = Cycle(ice, db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.err.empty());
  test::ManifestEntry m = ManifestOf(participating_file);
  Json p = WorkbookFor(run, "participating");
  CHECK(p["rows"] == m.data_rows);
  // The page says JEM 76, WSO 143, TFM 140; the workbook of 6 March has fewer.
  CHECK(p["totals_mismatch"] == "As of March 14, 2025, at 3 p.m.: JEM 76 on the page, " + std::to_string(m.jem) +
                                    " in the workbook; WSO 143 on the page, " + std::to_string(m.wso) +
                                    " in the workbook; TFM 140 on the page, " + std::to_string(m.tfm) +
                                    " in the workbook");
  Json q = WorkbookFor(run, "pending");
  CHECK(q["rows"] == ManifestOf(pending_file).data_rows);
  CHECK(q["totals_mismatch"].is_null());  // 24 on the page, 24 rows
  CHECK(QueryInt(db, "SELECT count(*) FROM snapshots WHERE status = 'accepted'") == 2);
}

TEST_CASE("run: the real files of 22 Sep 2025, swapped by ICE, land in the right lists") {
  REQUIRE_FIXTURES();
  FakeIce ice;
  test::TempDir dir;
  PutWorkbook(ice, ParticipatingPath("09222025pm"),
              Fixture("xlsx/2025-09-22_participatingAgencies09222025pm_CONTAINS_PENDING.xlsx"));
  PutWorkbook(ice, PendingPath("09222025pm"),
              Fixture("xlsx/2025-09-22_pendingAgencies09222025pm_CONTAINS_PARTICIPATING.xlsx"));
  PutPage(ice, {ice.Url(ParticipatingPath("09222025pm")), ice.Url(PendingPath("09222025pm")), Totals{129, 371, 500, 42}});
  Run run = Cycle(ice, dir.File("db"));
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  Json p = WorkbookFor(run, "participating");
  CHECK(p["linked_as"] == "pending");
  CHECK(p["rows"] == 1000);
  CHECK(p["totals_mismatch"].is_null());
  Json q = WorkbookFor(run, "pending");
  CHECK(q["linked_as"] == "participating");
  CHECK(q["rows"] == 42);
}

TEST_CASE("run: the real pre-2025 page: 135 rows from its HTML table") {
  REQUIRE_FIXTURES();
  FakeIce ice;
  test::TempDir dir;
  Resource page;
  page.content_type = "text/html";
  page.body = Fixture("pages/2024-12-18_a-html-table_appelson.html");
  ice.Put(kPagePath, page);
  Run run = Cycle(ice, dir.File("db"));
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.json["page"]["result"] == "table");
  Json p = WorkbookFor(run, "participating");
  CHECK(p["rows"] == 135);
  CHECK(p["totals_mismatch"].is_null());  // 60 JEM + 75 WSO, as the page says
}

}  // namespace
}  // namespace icetrack

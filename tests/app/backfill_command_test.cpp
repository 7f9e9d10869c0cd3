// `icetrack backfill --wayback` against a fake Internet Archive on
// 127.0.0.1: its CDX index answers as the real one does (output=json: a
// header row of field names, then a row a capture, every value a string;
// fetcher/wayback.h), and /web/TIMESTAMPid_/URL serves a capture's original
// bytes. The workbooks are built in ICE's layout; the history a backfill
// makes is compared with the one `import` makes of the same files.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <atomic>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/net/test_http_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/ice_workbook.h"
#include "tests/app/icetrack_binary.h"
#include "tests/support/run_command.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using Json = nlohmann::json;
using test::CommandRun;
using test::QueryInt;

const char kXlsx[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const char kFolder[] = "www.ice.gov/doclib/about/offices/ero/287g/";

using test::Icetrack;

struct Capture {
  std::string timestamp, original, mimetype, bytes;
};

// The archive: an index over its captures and their bytes, with a count of
// the downloads of each and captures it can be told to fail (503).
class FakeArchive {
 public:
  explicit FakeArchive(std::vector<Capture> captures) : captures_(std::move(captures)) {
    http_.server().Get("/cdx/search/cdx", [this](const httplib::Request& req, httplib::Response& res) {
      ++index_requests_;
      if (broken_index_) return res.set_content("<html>Service unavailable</html>", "text/html");
      res.set_content(Index(req.get_param_value("url"), req.get_param_value("matchType") == "prefix",
                            req.get_param_value("from"), req.get_param_value("to")),
                      "application/json");
    });
    http_.server().Get(R"(/web/(\d{14})id_/(.*))", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> hold(mutex_);
      std::string key = req.matches[1].str() + " " + req.matches[2].str();
      ++downloads_[key];
      if (failing_.count(key)) return void(res.status = 503);
      for (const Capture& c : captures_) {
        if (c.timestamp + " " + c.original == key) return res.set_content(c.bytes, c.mimetype);
      }
      res.status = 404;
    });
    REQUIRE(http_.Start());
  }
  std::string Url() const { return http_.Url(""); }
  void Fail(const Capture& c, bool failing) {
    std::lock_guard<std::mutex> hold(mutex_);
    if (failing) failing_.insert(c.timestamp + " " + c.original);
    else failing_.erase(c.timestamp + " " + c.original);
  }
  void BreakIndex(bool broken) { broken_index_ = broken; }
  int Downloads(const Capture& c) {
    std::lock_guard<std::mutex> hold(mutex_);
    return downloads_[c.timestamp + " " + c.original];
  }
  int index_requests() const { return index_requests_; }

 private:
  // The index: captures whose URL (without its scheme) is `url` or, for a prefix, starts with it.
  std::string Index(const std::string& url, bool prefix, const std::string& from, const std::string& to) const {
    Json rows = Json::array({Json::array({"timestamp", "original", "mimetype", "statuscode", "digest", "length"})});
    for (const Capture& c : captures_) {
      std::string bare = c.original.substr(c.original.find("://") + 3);
      bool match = prefix ? bare.rfind(url, 0) == 0 : bare == url;
      if (!match || (!from.empty() && c.timestamp < from) || (!to.empty() && c.timestamp.substr(0, to.size()) > to)) continue;
      rows.push_back({c.timestamp, c.original, c.mimetype, "200", Digest(c.bytes), std::to_string(c.bytes.size())});
    }
    return rows.dump();
  }
  static std::string Digest(const std::string& bytes) { return "D" + std::to_string(std::hash<std::string>()(bytes)); }

  std::vector<Capture> captures_;
  std::mutex mutex_;
  std::map<std::string, int> downloads_;
  std::set<std::string> failing_;
  std::atomic<bool> broken_index_{false};
  std::atomic<int> index_requests_{0};
  test::TestHttpServer http_;  // last: stops before what its handlers read
};

// Six publications of a growing list, as files and as captures of ICE's
// fixed and dated names, a day apart; the archive also holds a block page
// recorded as a workbook, a PDF, and a workbook cut short.
struct History {
  test::TempDir dir;
  std::vector<std::string> files;
  std::vector<Capture> captures;
  std::string sources = dir.File("sources.toml");
  History() {
    for (int i = 0; i < 6; ++i) {
      files.push_back(dir.File("p" + std::to_string(i) + ".xlsx"));
      test::WriteIceWorkbook(files.back(), test::GrowingListPublication(i, 40));
      std::string name = i < 3 ? "participatingAgencies.xlsx" : "participatingAgencies0" + std::to_string(i) + "012025am.xlsx";
      captures.push_back({"202503" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1) + "120000",
                          "https://" + std::string(kFolder) + name, kXlsx, test::ReadFile(files.back())});
    }
    captures.push_back({"20250310120000", "https://" + std::string(kFolder) + "participatingAgencies.xlsx", kXlsx,
                        "<html>Access denied</html>"});
    captures.push_back({"20250311120000", "https://" + std::string(kFolder) + "encounters.pdf", "application/pdf", "%PDF-1.4"});
    captures.push_back({"20250312120000", "https://" + std::string(kFolder) + "participatingAgencies.xlsx", kXlsx,
                        captures[0].bytes.substr(0, 200)});  // a workbook cut short

    test::WriteFile(sources, "[[workbooks]]\nurl = \"" + std::string(kFolder) + "\"\nprefix = true\n");
  }
  std::string Backfill(const FakeArchive& archive, const std::string& db) const {
    return "backfill --wayback --wayback-url " + archive.Url() + " --sources " + sources + " --delay 0 --db " + db;
  }
};

// What a log said, without the ids a database gives: when, which event, what kind.
std::vector<std::string> Said(const std::string& db) {
  std::vector<std::string> out;
  for (const auto& e : Json::parse(Icetrack("log --json --db " + db).out))
    out.push_back(e["at"].get<std::string>() + " " + e["uid"].get<std::string>() + " " + e["kind"].get<std::string>());
  std::sort(out.begin(), out.end());
  return out;
}

std::string Imported(const History& h) {
  std::string db = h.dir.File("imported.db"), args = "import -q --db " + db;
  for (const std::string& f : h.files) args += " " + f;
  REQUIRE(Icetrack(args).exit_code == 0);
  return db;
}

TEST_CASE("backfill: the archive's captures become the history an import of the same files gives, marked archived") {
  History h;
  FakeArchive archive(h.captures);
  std::string db = h.dir.File("h.db");
  CommandRun run = Icetrack(h.Backfill(archive, db));
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.out == "backfill: 8 captures listed (8 new), 7 downloaded, 2 set aside (no roster in them), 0 failed; 6 publications "
                   "recorded, 0 already stored\n");
  CHECK(run.err.find(kFolder + std::string("participatingAgencies.xlsx (captured 2025-03-12T12:00:00Z): ")) !=
        std::string::npos);  // the truncated one, named with its capture
  CHECK(run.err.find(": not a workbook: HTTP 200 sent an HTML page") != std::string::npos);  // the block page, said once
  CHECK(archive.Downloads(h.captures[7]) == 0);                     // the PDF: never asked for
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM snapshots WHERE source = 'archived'") == 6);
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM snapshots WHERE source <> 'archived'") == 0);
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM archive_captures WHERE status = 'stored'") == 6);
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM workbooks") == 6);  // the truncated one's bytes are not kept
  CHECK(Said(db) == Said(Imported(h)));
  // Again: nothing new to download, nothing recorded twice.
  CommandRun again = Icetrack(h.Backfill(archive, db));
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.rfind("backfill: 8 captures listed (0 new), 0 downloaded", 0) == 0);
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM archive_captures WHERE status = 'refused'") == 2);
  for (const Capture& c : h.captures) CHECK(archive.Downloads(c) <= 1);
}

TEST_CASE("backfill: interrupted by failures, it carries on without downloading again, and places a late capture") {
  History h;
  FakeArchive archive(h.captures);
  std::string db = h.dir.File("h.db");
  archive.Fail(h.captures[2], true);
  CommandRun first = Icetrack(h.Backfill(archive, db));
  CHECK(first.exit_code == 3);
  CHECK(first.err.find("(asked for again next time)") != std::string::npos);
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM snapshots") == 5);
  int tried = archive.Downloads(h.captures[2]);
  archive.Fail(h.captures[2], false);
  CommandRun second = Icetrack(h.Backfill(archive, db));
  REQUIRE_MESSAGE(second.exit_code == 0, second.err);
  CHECK(second.out.find("1 downloaded") != std::string::npos);
  CHECK(second.out.find("placed 1 earlier publications in history") != std::string::npos);
  CHECK(archive.Downloads(h.captures[2]) == tried + 1);
  for (size_t i : {0, 1, 3, 4, 5}) CHECK(archive.Downloads(h.captures[i]) == 1);
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM snapshots WHERE status = 'late'") == 0);
  CHECK(Said(db) == Said(Imported(h)));
}

TEST_CASE("backfill: what it cannot use is one line and a documented exit, the store as it was") {
  History h;
  FakeArchive archive(h.captures);
  std::string db = h.dir.File("h.db");
  CommandRun no_source = Icetrack("backfill --db " + db);
  CHECK(no_source.exit_code == 2);
  CHECK(no_source.err == "icetrack: backfill: say where from: --wayback (the Internet Archive)\n");
  test::WriteFile(h.dir.File("bad.toml"), "[[workbooks]]\nurl = \"x\"\nprefx = true\n");
  CommandRun bad = Icetrack("backfill --wayback --sources " + h.dir.File("bad.toml") + " --db " + db);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "icetrack: " + h.dir.File("bad.toml") + ":3:1: workbooks[1].prefx: unknown key (did you mean \"prefix\"?)\n");
  CHECK(Icetrack("backfill --wayback --from 2025-13-01 --db " + db).exit_code == 2);
  // Without --sources, the file shipped with icetrack: every place in it asked about, once.
  int before = archive.index_requests();
  CommandRun shipped = Icetrack("backfill --wayback --delay 0 --wayback-url " + archive.Url() + " --db " + db);
  REQUIRE_MESSAGE(shipped.exit_code == 0, shipped.err);
  CHECK(archive.index_requests() - before == 7);  // data/wayback-sources.toml: 2 folders, 5 pages
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM snapshots") == 6);
  db = h.dir.File("fresh.db");
  archive.BreakIndex(true);
  CommandRun broken = Icetrack(h.Backfill(archive, db));
  CHECK(broken.exit_code == 3);
  CHECK(broken.err.find(": the archive's index: not JSON\n") != std::string::npos);
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM snapshots") == 0);
  archive.BreakIndex(false);
  CommandRun window = Icetrack(h.Backfill(archive, db) + " --from 2025-03-03 --to 2025-03-04");
  REQUIRE_MESSAGE(window.exit_code == 0, window.err);
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM snapshots") == 2);  // the captures of 3 and 4 March only
}

// ICE's page as it held the roster before 2025: a table with the columns
// STATE, LAW ENFORCEMENT AGENCY, SUPPORT TYPE, SIGNED and MOA, `rows` long;
// the page's own update time in its <time> element.
std::string RosterPage(int rows, const std::string& updated) {
  std::string html = "<html><head><title>Delegation of Immigration Authority Section 287(g)</title></head><body>"
                     "<p>Updated: <time datetime=\"" + updated + "\">x</time></p><table><thead><tr><th>STATE</th>"
                     "<th>LAW ENFORCEMENT AGENCY</th><th>SUPPORT TYPE</th><th>SIGNED</th><th>MOA</th></tr></thead><tbody>";
  for (int i = 0; i < rows; ++i)
    html += "<tr><td>TEXAS</td><td>Agency " + std::to_string(i) + " Sheriff's Office</td><td>Jail Enforcement Model</td>"
            "<td>3/1/2019</td><td><a href=\"/doclib/287gMOA/a" + std::to_string(i) + ".pdf\">link</a></td></tr>";
  return html + "</tbody></table></body></html>";
}

TEST_CASE("backfill: pages that held the roster as a table become publications, and a page without one is set aside") {
  test::TempDir dir;
  std::vector<Capture> captures = {
      {"20200115000000", "https://www.ice.gov/287g", "text/html", RosterPage(40, "2020-01-14T09:00:00-05:00")},
      {"20200601000000", "https://www.ice.gov/287g", "text/html", RosterPage(42, "2020-05-30T09:00:00-04:00")},
      {"20220301000000", "https://www.ice.gov/identify-and-arrest/287g", "text/html; charset=utf-8",
       RosterPage(44, "2022-02-28T09:00:00-05:00")},
      {"20250601000000", "https://www.ice.gov/identify-and-arrest/287g", "text/html",
       "<html><body><p>See the workbooks.</p></body></html>"}};
  FakeArchive archive(captures);
  std::string sources = dir.File("sources.toml"), db = dir.File("h.db");
  test::WriteFile(sources, "[[pages]]\nurl = \"www.ice.gov/287g\"\n\n[[pages]]\nurl = \"www.ice.gov/identify-and-arrest/287g\"\n");
  CommandRun run = Icetrack("backfill --wayback --wayback-url " + archive.Url() + " --sources " + sources +
                            " --delay 0 --db " + db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.out == "backfill: 4 captures listed (4 new), 4 downloaded, 1 set aside (no roster in them), 0 failed; "
                   "3 publications recorded, 0 already stored\n");
  CHECK(run.err.find("https://www.ice.gov/identify-and-arrest/287g: the page holds no roster table") != std::string::npos);
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM snapshots WHERE source = 'archived' AND source_name = '287g-table.html'") == 3);
  // The pages themselves are not kept: their tables are (and nothing of the page set aside).
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM workbooks WHERE sha256 NOT IN (SELECT sha256 FROM snapshots)") == 0);
  CHECK(QueryInt(db, "SELECT rows FROM snapshots ORDER BY published_at DESC LIMIT 1") == 44);
  std::string first;
  QueryInt(db, "SELECT published_at FROM snapshots ORDER BY published_at LIMIT 1", &first);
  CHECK(first == "2020-01-14T14:00:00Z");  // the page's own time, not the capture's
  auto log = Json::parse(Icetrack("log --json --kind signed --db " + db).out);
  CHECK(log.size() == 4);  // two agencies in June 2020, two in 2022
  auto baseline = Json::parse(Icetrack("log --json --kind baseline --db " + db).out);
  REQUIRE(baseline.size() == 1);
  CHECK(baseline[0]["at"] == "2020-01-14T14:00:00Z");
}

// The roster pages of the eras before 2017, each built in the layout of its
// time as the lists ICE published then read (a state code, "Jail & Task
// Force" for an agency's two models, 2009): an HTML 4 page whose table opens
// with a title row, its header in bold cells and a state written once over
// its agencies (rowspan); a page of one table per model under headings, with
// no model column; a page whose table has a caption, a thead and full state
// names. No capture of those pages was at hand: the layouts are built from
// what the lists held, and the reader from what HTML tables can do.
std::string Era2008Page() {
  return "<HTML><HEAD><TITLE>Fact Sheet: Section 287(g)</TITLE></HEAD><BODY><P>Partners</P>"
         "<TABLE BORDER=1><TR><TD COLSPAN=4><B>Memoranda of Agreement</B></TD></TR>"
         "<TR><TD><B>State</B></TD><TD><B>Law Enforcement Agency</B></TD><TD><B>Support Type</B></TD>"
         "<TD><B>Date Signed</B></TD></TR>"
         "<TR><TD>AL</TD><TD>Etowah County Sheriff's Office</TD><TD>Jail Enforcement</TD><TD>07/08/2008</TD></TR>"
         "<TR><TD ROWSPAN=2>AZ</TD><TD>Pima County Sheriff's Office</TD><TD>Jail &amp; Task Force</TD>"
         "<TD>10/16/2007</TD></TR>"
         "<TR><TD>Maricopa County Sheriff's Office</TD><TD>Jail Enforcement</TD><TD>02/07/2007</TD></TR>"
         "</TABLE></BODY></HTML>";
}

std::string Era2012Page() {
  auto table = [](const std::string& rows) {
    return "<table><tr><th>State</th><th>Law Enforcement Agency</th><th>Signed</th></tr>" + rows + "</table>";
  };
  return "<html><body><h1>Delegation of Immigration Authority Section 287(g)</h1><h3>Jail Enforcement Model</h3>" +
         table("<tr><td>AL</td><td>Etowah County Sheriff's Office</td><td>7/8/2008</td></tr>"
               "<tr><td>AZ</td><td>Pima County Sheriff's Office</td><td>10/16/2007</td></tr>"
               "<tr><td>AZ</td><td>Maricopa County Sheriff's Office</td><td>2/7/2007</td></tr>") +
         "<h3>Task Force Model</h3>" + table("<tr><td>AZ</td><td>Pima County Sheriff's Office</td><td>10/16/2007</td></tr>") +
         "</body></html>";
}

std::string Era2016Page() {
  return "<!DOCTYPE html><html><body><table><caption>ICE has 287(g) agreements with 3 law enforcement agencies"
         "</caption><thead><tr><th>State</th><th>Law Enforcement Agency</th><th>Support Type</th><th>Signed</th>"
         "</tr></thead><tbody><tr><td>Alabama</td><td>Etowah County Sheriff's Office</td>"
         "<td>Jail Enforcement Model</td><td>2008-07-08</td></tr>"
         "<tr><td rowspan=\"2\">Arizona</td><td>Pima County Sheriff's Office</td><td>Jail Enforcement Model</td>"
         "<td>2007-10-16</td></tr><tr><td>Maricopa County Sheriff's Office</td><td>Jail Enforcement Model</td>"
         "<td>2007-02-07</td></tr></tbody></table></body></html>";
}

TEST_CASE("backfill: the roster pages of every era since 2006, each in its layout, make one history") {
  test::TempDir dir;
  std::vector<Capture> captures = {
      {"20080801000000", "http://www.ice.gov/pi/news/factsheets/070622factsheet287gprogover.htm", "text/html",
       Era2008Page()},
      {"20120601000000", "http://www.ice.gov/news/library/factsheets/287g.htm", "text/html", Era2012Page()},
      {"20160601000000", "https://www.ice.gov/factsheets/287g", "text/html", Era2016Page()},
      {"20190601000000", "https://www.ice.gov/287g", "text/html", RosterPage(2, "2019-05-30T09:00:00-04:00")}};
  FakeArchive archive(captures);
  std::string db = dir.File("h.db");
  // The installed list of pages: the one a user has.
  CommandRun run = Icetrack("backfill --wayback --wayback-url " + archive.Url() + " --sources " +
                            std::string(ICETRACK_SOURCE_DIR) + "/data/wayback-sources.toml --from 2006-01-01 --to 2020-12-31 --delay 0 --db " + db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.out.find("4 publications recorded") != std::string::npos);
  // Each era read into rows: 2008's three rows are four agreements (Pima's two models),
  // 2012's two tables one list.
  std::vector<std::pair<std::string, int64_t>> sizes;
  for (const char* at : {"2008-08-01", "2012-06-01", "2016-06-01", "2019-05-30"}) {  // 2019: the page's own <time>
    std::string when;
    int64_t rows = QueryInt(db, std::string("SELECT rows FROM snapshots WHERE published_at LIKE '") + at + "%'");
    QueryInt(db, std::string("SELECT published_at FROM snapshots WHERE published_at LIKE '") + at + "%'", &when);
    sizes.push_back({when.substr(0, 10), rows});
  }
  CHECK(sizes == std::vector<std::pair<std::string, int64_t>>{{"2008-08-01", 4}, {"2012-06-01", 4}, {"2016-06-01", 3},
                                                              {"2019-05-30", 2}});
  auto roster2008 = Json::parse(Icetrack("roster --json --at 2008-08-02 --db " + db).out);
  std::set<std::string> keys;
  for (const auto& r : roster2008["rows"]) keys.insert(r["key"].get<std::string>());
  CHECK(keys == std::set<std::string>{"AL|etowah county sheriffs office|JEM", "AZ|pima county sheriffs office|JEM",
                                      "AZ|pima county sheriffs office|TFM", "AZ|maricopa county sheriffs office|JEM"});
  // One history across the layouts: an agreement that stays is no event; Pima's task force
  // ends with 2016's page, which lists its jail model only.
  auto log = Json::parse(Icetrack("log --json --db " + db).out);
  std::vector<std::string> said;
  for (const auto& e : log) said.push_back(e["at"].get<std::string>().substr(0, 4) + " " + e["kind"].get<std::string>());
  std::sort(said.begin(), said.end());
  CHECK(std::count(said.begin(), said.end(), "2008 baseline") == 1);
  CHECK(std::count(said.begin(), said.end(), "2012 signed") == 0);
  CHECK(std::count(said.begin(), said.end(), "2016 missing") == 1);
  for (const auto& e : log) {
    if (e["kind"] == "missing" && e["at"].get<std::string>().rfind("2016", 0) == 0) CHECK(e["key"] == "AZ|pima county sheriffs office|TFM");
  }
  // A rebuild reads each page's kept table again, not the page: the same history, event for event.
  CommandRun rebuilt = Icetrack("rebuild -q --db " + db);
  REQUIRE_MESSAGE(rebuilt.exit_code == 0, rebuilt.err);
  CHECK(Json::parse(Icetrack("log --json --db " + db).out) == log);
  CHECK(Json::parse(Icetrack("roster --json --at 2008-08-02 --db " + db).out) == roster2008);
}

TEST_CASE("backfill of the real workbooks, captured in a shuffled order, gives the history their import gives") {
  REQUIRE_FIXTURES();
  test::TempDir dir;
  std::vector<std::string> files;
  for (const auto& f : std::filesystem::directory_iterator(test::FixturesDir() + "/xlsx")) files.push_back(f.path().string());
  std::sort(files.begin(), files.end());
  std::vector<Capture> captures;
  for (size_t i = 0; i < files.size(); ++i) {
    // Captured in another order than published: the archive's times say nothing of ICE's.
    size_t minute = (i * 5) % files.size();  // 21 fixtures: each minute once, in another order
    char when[48];
    std::snprintf(when, sizeof when, "20260601%02zu%02zu00", minute / 60, minute % 60);
    captures.push_back({when,
                        "https://" + std::string(kFolder) + std::filesystem::path(files[i]).filename().string(), kXlsx,
                        test::ReadFile(files[i])});
  }
  FakeArchive archive(captures);
  std::string sources = dir.File("sources.toml"), db = dir.File("h.db"), imported = dir.File("imported.db");
  test::WriteFile(sources, "[[workbooks]]\nurl = \"" + std::string(kFolder) + "\"\nprefix = true\n");
  CommandRun run = Icetrack("backfill -q --wayback --delay 0 --wayback-url " + archive.Url() + " --sources " + sources +
                            " --db " + db);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  REQUIRE(Icetrack("import -q --db " + imported + " " + test::FixturesDir() + "/xlsx").exit_code == 0);
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM snapshots") == QueryInt(imported, "SELECT COUNT(*) FROM snapshots"));
  CHECK(QueryInt(db, "SELECT COUNT(*) FROM snapshots WHERE status = 'late'") == 0);
  CHECK(Said(db) == Said(imported));
}

}  // namespace
}  // namespace icetrack

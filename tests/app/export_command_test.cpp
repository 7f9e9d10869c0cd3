// `icetrack export` and `icetrack report` on a store imported from the real
// workbooks: every format read back by the reader a user would use — Python's
// csv module, a JSON Schema validator, icetrack's own XLSX reader, a feed
// reader (feedparser) and a browser (headless Chromium).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "parser/xlsx_reader.h"
#include "tests/support/fixtures.h"
#include "tests/support/json_schema.h"
#include "tests/app/icetrack_binary.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using Run = test::CommandRun;

using test::Icetrack;

using test::ReadFile;

// Every real workbook imported once for the whole file: the store the exports read.
struct RealHistory {
  test::TempDir dir;
  std::string db = dir.File("real.db");
  std::string Db() const { return " --db " + db; }
};

const RealHistory& Real() {
  static RealHistory* h = [] {
    auto* made = new RealHistory;
    Run import = Icetrack("import -q" + made->Db() + " " + test::FixturesDir() + "/xlsx " + test::FixturesDir() +
                          "/sequence-2026-02");
    REQUIRE_MESSAGE(import.exit_code == 0, import.err);
    return made;
  }();
  return *h;
}

// Runs a Python program (Debian's python3, its modules) on `args`; its stdout.
std::string Python(const std::string& program, const std::string& args) {
  Run python = test::RunCommand("/usr/bin/python3 -c '" + program + "' " + args);
  REQUIRE_MESSAGE(python.exit_code == 0, python.err);
  return python.out;
}

std::vector<TableRow> SheetRows(const XlsxReader& reader, size_t index) {
  std::vector<TableRow> rows;
  REQUIRE(reader.ReadSheet(index, [&](const TableRow& r) {
    rows.push_back(r);
    for (Cell& c : rows.back().cells) c.Own();
    return true;
  }).ok());
  return rows;
}

// The cell of `column` (0-based), or an empty one: empty cells are not in the sheet.
Cell At(const TableRow& row, int column) {
  for (const Cell& c : row.cells)
    if (c.column == column) return c;
  return Cell();
}

TEST_CASE("export --format csv writes four CSV files that parse back to the JSON export's rows") {
  REQUIRE_FIXTURES();
  const RealHistory& h = Real();
  test::TempDir out;
  Run csv = Icetrack("export --format csv --out " + out.File("csv") + h.Db());
  REQUIRE_MESSAGE(csv.exit_code == 0, csv.err);
  Run json = Icetrack("export --format json --out " + out.File("all.json") + h.Db());
  REQUIRE_MESSAGE(json.exit_code == 0, json.err);
  auto all = nlohmann::json::parse(ReadFile(out.File("all.json")));
  for (const char* name : {"roster", "changes", "counts", "timeline"}) {
    std::string path = out.File("csv/" + std::string(name) + ".csv");
    CHECK(ReadFile(path).rfind("\xEF\xBB\xBF", 0) == 0);  // Excel reads it as UTF-8
    auto rows = nlohmann::json::parse(Python(
        "import csv, json, sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], encoding=\"utf-8-sig\", "
        "newline=\"\")))))", path));
    const auto& expected = std::string(name) == "roster" ? all["roster"]["rows"] : all[name];
    if (std::string(name) != "changes") REQUIRE_MESSAGE(rows.size() == expected.size(), name);
    if (std::string(name) == "changes") CHECK(rows.size() >= expected.size());  // a line a changed field
    if (std::string(name) == "counts") {
      CHECK(rows.back()["state"] == "total");
      CHECK(rows.back()["agreements"] == std::to_string(all["roster"]["count"].get<int>()));
    }
    if (std::string(name) == "roster") {
      for (size_t i = 0; i < rows.size(); ++i) {
        CHECK(rows[i]["agency"] == expected[i]["agency"]);
        CHECK(rows[i]["signed"] == (expected[i]["signed"].is_null() ? "" : expected[i]["signed"].get<std::string>()));
      }
    }
  }
}

TEST_CASE("export --format json validates against docs/export.schema.json") {
  REQUIRE_FIXTURES();
  const RealHistory& h = Real();
  test::TempDir out;
  REQUIRE(Icetrack("export --format json --since 2026-02-01 --out " + out.File("e.json") + h.Db()).exit_code == 0);
  CHECK(test::JsonSchemaErrors("export.schema.json", {out.File("e.json")}) == "");
  auto j = nlohmann::json::parse(ReadFile(out.File("e.json")));
  for (const auto& e : j["changes"]) CHECK(e["at"].get<std::string>() >= "2026-02-01");
}

TEST_CASE("export --format xlsx has the sheets Changes, Roster, Counts and Timeline, with dates and links") {
  REQUIRE_FIXTURES();
  const RealHistory& h = Real();
  test::TempDir out;
  std::string path = out.File("icetrack.xlsx");
  Run xlsx = Icetrack("export --format xlsx --at 2026-02-28 --out " + path + h.Db());
  REQUIRE_MESSAGE(xlsx.exit_code == 0, xlsx.err);
  auto json = nlohmann::json::parse(Icetrack("roster --json --at 2026-02-28" + h.Db()).out);
  std::unique_ptr<XlsxReader> reader;
  REQUIRE(XlsxReader::OpenBuffer(ReadFile(path), path, ZipLimits(), &reader).ok());
  std::vector<std::string> names;
  for (const auto& s : reader->sheets()) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"Changes", "Roster", "Counts", "Timeline"});
  std::vector<TableRow> roster = SheetRows(*reader, 1);
  REQUIRE(roster.size() == json["rows"].size() + 1);
  int dates = 0, links = 0;
  for (size_t i = 1; i < roster.size(); ++i) {
    dates += At(roster[i], 7).is_date;
    links += At(roster[i], 8).hyperlink.rfind("https://", 0) == 0;
  }
  CHECK(dates > 1000);
  CHECK(links > 1000);
  std::vector<TableRow> changes = SheetRows(*reader, 0);
  REQUIRE(changes.size() > 1);
  CHECK(At(changes[1], 2).is_date);  // "at": a real Excel date and time
  std::vector<TableRow> counts = SheetRows(*reader, 2);
  CHECK(At(counts.back(), 1).Text() == "total");
  CHECK(At(counts.back(), 6).number == json["count"].get<double>());
  std::vector<TableRow> timeline = SheetRows(*reader, 3);
  CHECK(At(timeline.back(), 3).number == json["count"].get<double>());
}

// The ids of a feed's entries, in order, read by feedparser; "" when it is not well-formed.
std::vector<std::string> FeedIds(const std::string& path) {
  auto j = nlohmann::json::parse(Python(
      "import feedparser, json, sys\n"
      "f = feedparser.parse(sys.argv[1])\n"
      "print(json.dumps({\"bozo\": f.bozo, \"title\": f.feed.get(\"title\"), \"ids\": [e.id for e in f.entries],\n"
      "  \"titles\": [e.title for e in f.entries], \"updated\": [e.updated for e in f.entries]}))",
      path));
  CHECK_FALSE(j["bozo"].get<bool>());
  CHECK(j["title"] == "287(g) agreements: changes");
  for (const auto& t : j["titles"]) CHECK(t.get<std::string>().find("_") == std::string::npos);
  for (const auto& u : j["updated"]) CHECK(!u.get<std::string>().empty());
  return j["ids"].get<std::vector<std::string>>();
}

TEST_CASE("export --format atom is a well-formed feed whose entry ids are unique and survive a rebuild") {
  REQUIRE_FIXTURES();
  test::TempDir out;
  std::string db = out.File("h.db");
  REQUIRE(Icetrack("import -q --db " + db + " " + test::FixturesDir() + "/sequence-2026-02").exit_code == 0);
  REQUIRE(Icetrack("export --format atom --out " + out.File("a.xml") + " --db " + db).exit_code == 0);
  std::vector<std::string> first = FeedIds(out.File("a.xml"));
  REQUIRE(first.size() > 10);
  CHECK(std::set<std::string>(first.begin(), first.end()).size() == first.size());
  for (const std::string& id : first) CHECK(id.rfind("tag:icetrack.events,2025:", 0) == 0);
  Run rebuild = Icetrack("rebuild --db " + db);
  REQUIRE_MESSAGE(rebuild.exit_code == 0, rebuild.err);
  REQUIRE(Icetrack("export --format atom --out " + out.File("b.xml") + " --db " + db).exit_code == 0);
  CHECK(FeedIds(out.File("b.xml")) == first);
}

TEST_CASE("export refuses what it cannot do with one icetrack line and a documented exit code") {
  test::TempDir out;
  std::string db = " --db " + out.File("none.db");
  Run format = Icetrack("export --format pdf --out " + out.File("x") + db);
  CHECK(format.exit_code == 2);
  CHECK(format.err == "icetrack: --format: \"pdf\" is not a format: write csv, json, xlsx, atom or html\n");
  CHECK(Icetrack("export --format json --since 2026-03-01 --at 2026-02-01 --out " + out.File("x") + db).exit_code == 2);
  CHECK(Icetrack("export --format json --at 2026-02-30 --out " + out.File("x") + db).exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(out.File("x")));
}

}  // namespace
}  // namespace icetrack

// `icetrack report`: the static site read by a real browser (Debian's
// chromium, headless, no network): the numbers on the page are stats', the
// filters filter, and the folder is replaced whole.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "tests/app/fake_page.h"
#include "tests/support/fixtures.h"
#include "tests/support/ice_workbook.h"
#include "tests/app/icetrack_binary.h"
#include "tests/support/run_command.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using Run = test::CommandRun;

using test::Icetrack;

using test::ReadFile;

// Headless Chromium with its own profile, no GPU, nothing fetched in the
// background; `what` is "--dump-dom" or "--screenshot=FILE".
Run Chromium(const test::TempDir& dir, const std::string& what, const std::string& url) {
  return test::RunCommand("timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
                          "--no-first-run --disable-extensions --hide-scrollbars --window-size=1000,1800 "
                          "--user-data-dir=" + dir.File("profile") + " " + what + " '" + url + "' 2>/dev/null");
}

// data-stat="NAME">N< of the page, by name.
std::map<std::string, int> Stats(const std::string& dom, const std::string& attribute = "data-stat") {
  std::map<std::string, int> out;
  std::regex stat(attribute + "=\"([^\"]+)\">([0-9]+)<");
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), stat); it != std::sregex_iterator(); ++it)
    out[(*it)[1]] = std::stoi((*it)[2]);
  return out;
}

struct Site {
  test::TempDir dir;
  std::string db = dir.File("h.db");
  std::string out = dir.File("site");
  explicit Site(const std::string& lang = "en") {
    REQUIRE(Icetrack("import -q --db " + db + " " + test::FixturesDir() + "/xlsx " + test::FixturesDir() +
                     "/sequence-2026-02").exit_code == 0);
    Run report = Icetrack("report --lang " + lang + " --at 2026-02-28 --out " + out + " --db " + db);
    REQUIRE_MESSAGE(report.exit_code == 0, report.err);
  }
};

TEST_CASE("report: a browser shows the numbers stats gives, per state too") {
  REQUIRE_FIXTURES();
  Site site;
  Run dom = Chromium(site.dir, "--dump-dom", "file://" + site.out + "/index.html");
  REQUIRE_MESSAGE(dom.exit_code == 0, dom.err);
  REQUIRE(dom.out.find("<h1>287(g) agreements</h1>") != std::string::npos);
  auto stats = nlohmann::json::parse(Icetrack("stats --json --at 2026-02-28 --db " + site.db).out);
  std::map<std::string, int> shown = Stats(dom.out);
  CHECK(shown["agreements"] == stats["agreements"].get<int>());
  CHECK(shown["agencies"] == stats["agencies"].get<int>());
  CHECK(shown["states"] == stats["states"].get<int>());
  CHECK(shown["pending"] == stats["pending_rows"].get<int>());
  std::map<std::string, int> tiles = Stats(dom.out, "data-tile");
  for (const auto& g : stats["groups"]) {
    std::string code = g["group"];
    if (code.size() == 2) CHECK_MESSAGE(tiles[code] == g["agreements"].get<int>(), code);
  }
  auto models = nlohmann::json::parse(Icetrack("stats --json --by model --at 2026-02-28 --db " + site.db).out);
  for (const auto& g : models["groups"]) {
    std::string model = g["group"];
    if (shown.count(model)) CHECK_MESSAGE(shown[model] == g["agreements"].get<int>(), model);
  }
  auto texas = nlohmann::json::parse(Icetrack("roster --json --state TX --at 2026-02-28 --db " + site.db).out);
  Run state = Chromium(site.dir, "--dump-dom", "file://" + site.out + "/state/TX.html");
  REQUIRE(state.exit_code == 0);
  CHECK(Stats(state.out)["agreements"] == texas["count"].get<int>());
  std::regex agency_row("<tr><th scope=\"row\">");
  CHECK(std::distance(std::sregex_iterator(state.out.begin(), state.out.end(), agency_row), std::sregex_iterator()) ==
        texas["count"].get<int>());
}

TEST_CASE("report: the recent changes filter by state and kind, preselected from the address") {
  REQUIRE_FIXTURES();
  Site site;
  Run dom = Chromium(site.dir, "--dump-dom", "file://" + site.out + "/index.html?state=TX&kind=signed");
  REQUIRE(dom.exit_code == 0);
  std::regex row("<tr data-state=\"([A-Z]*)\" data-model=\"[A-Z]*\" data-kind=\"([a-z_]+)\"( hidden=\"\")?>");
  int visible = 0, hidden = 0;
  for (auto it = std::sregex_iterator(dom.out.begin(), dom.out.end(), row); it != std::sregex_iterator(); ++it) {
    bool is_hidden = (*it)[3].matched;
    bool matches = (*it)[1] == "TX" && (*it)[2] == "signed";
    CHECK(is_hidden != matches);
    (is_hidden ? hidden : visible)++;
  }
  CHECK(visible > 0);
  CHECK(hidden > visible);
  std::smatch shown;
  REQUIRE(std::regex_search(dom.out, shown, std::regex("<span id=\"shown\">([0-9]+)</span>")));
  CHECK(std::stoi(shown[1]) == visible);
}

TEST_CASE("report: a screenshot, and the folder replaced whole with nothing left beside it") {
  REQUIRE_FIXTURES();
  Site site;
  Run shot = Chromium(site.dir, "--screenshot=" + site.dir.File("index.png"), "file://" + site.out + "/index.html");
  REQUIRE(shot.exit_code == 0);
  CHECK(ReadFile(site.dir.File("index.png")).rfind("\x89PNG", 0) == 0);
  std::ofstream(site.out + "/stale.html") << "old";
  Run again = Icetrack("report --out " + site.out + " --db " + site.db);
  REQUIRE_MESSAGE(again.exit_code == 0, again.err);
  CHECK_FALSE(std::filesystem::exists(site.out + "/stale.html"));
  for (const char* file : {"index.html", "feed.xml", "export.json", "icetrack.xlsx", "csv/roster.csv",
                           "csv/changes.csv", "state/FL.html"})
    CHECK_MESSAGE(std::filesystem::exists(site.out + "/" + file), file);
  for (const auto& entry : std::filesystem::directory_iterator(site.dir.path()))
    CHECK_MESSAGE(entry.path().filename().string().find(".tmp.") == std::string::npos, entry.path().string());
  std::ofstream(site.dir.File("plain")) << "x";
  Run not_a_folder = Icetrack("report --out " + site.dir.File("plain") + " --db " + site.db);
  CHECK(not_a_folder.exit_code == 10);
  CHECK(not_a_folder.err.find("is not a folder") != std::string::npos);
  CHECK(ReadFile(site.dir.File("plain")) == "x");
}

TEST_CASE("report --lang es: the same numbers in Spanish, in a browser, the feed's titles too") {
  REQUIRE_FIXTURES();
  Site site("es");
  Run dom = Chromium(site.dir, "--dump-dom", "file://" + site.out + "/index.html?state=TX");
  REQUIRE_MESSAGE(dom.exit_code == 0, dom.err);
  CHECK(dom.out.find("<html lang=\"es\">") != std::string::npos);
  CHECK(dom.out.find("<h1>Acuerdos 287(g)</h1>") != std::string::npos);
  CHECK(dom.out.find("<h2 id=\"recent\">Cambios recientes</h2>") != std::string::npos);
  CHECK(dom.out.find("<label for=\"filter-state\">Estado<select") != std::string::npos);
  CHECK(dom.out.find(">firmado</td>") != std::string::npos);
  CHECK(dom.out.find("Recent changes") == std::string::npos);
  auto stats = nlohmann::json::parse(Icetrack("stats --json --at 2026-02-28 --db " + site.db).out);
  std::map<std::string, int> shown = Stats(dom.out);
  CHECK(shown["agreements"] == stats["agreements"].get<int>());
  CHECK(shown["agencies"] == stats["agencies"].get<int>());
  CHECK(shown["states"] == stats["states"].get<int>());
  std::smatch filtered;
  REQUIRE(std::regex_search(dom.out, filtered, std::regex("Se muestran <span id=\"shown\">([0-9]+)</span> de ([0-9]+) cambios")));
  CHECK(std::stoi(filtered[1]) < std::stoi(filtered[2]));  // the filter ran
  Run state = Chromium(site.dir, "--dump-dom", "file://" + site.out + "/state/TX.html");
  CHECK(state.out.find("<h1>Texas: acuerdos 287(g)</h1>") != std::string::npos);
  std::string feed = ReadFile(site.out + "/feed.xml");
  CHECK(feed.find("xml:lang=\"es\"") != std::string::npos);
  CHECK(feed.find("<title>Acuerdos 287(g): cambios</title>") != std::string::npos);
  Run shot = Chromium(site.dir, "--screenshot=" + site.dir.File("es.png"), "file://" + site.out + "/index.html");
  REQUIRE(shot.exit_code == 0);
  CHECK(ReadFile(site.dir.File("es.png")).rfind("\x89PNG", 0) == 0);
}

TEST_CASE("--lang takes en or es, nothing else") {
  test::TempDir dir;
  std::string db = " --db " + dir.File("h.db");
  REQUIRE(Icetrack("import" + db + " " + [&] {
            test::IceWorkbook book;
            book.rows = {test::Row("FL", "Polk County Sheriff's Office", "Task Force Model")};
            test::WriteIceWorkbook(dir.File("l.xlsx"), book);
            return dir.File("l.xlsx");
          }()).exit_code == 0);
  Run french = Icetrack("report --lang fr --out " + dir.File("site") + db);
  CHECK(french.exit_code == 2);
  CHECK(french.err == "icetrack: --lang: \"fr\" is not a language: write en or es\n");
  CHECK_FALSE(std::filesystem::exists(dir.File("site")));
  CHECK(Icetrack("export --format html --lang ES --out " + dir.File("x.html") + db).exit_code == 2);
  Run spanish = Icetrack("export --format html --lang es --out " + dir.File("x.html") + db);
  REQUIRE_MESSAGE(spanish.exit_code == 0, spanish.err);
  CHECK(ReadFile(dir.File("x.html")).find("<html lang=\"es\">") != std::string::npos);
}

// A participating list of `rows` agencies in Florida, as ICE would publish it on `day` of January 2026.
std::string ListOf(const test::TempDir& dir, int rows, int day) {
  test::IceWorkbook book;
  for (int i = 0; i < rows; ++i) book.rows.push_back(test::Row("FL", "Agency " + std::to_string(i), "Task Force Model"));
  book.modified = test::UnixTime(2026, 1, day);
  test::WriteIceWorkbook(dir.File("list.xlsx"), book);
  return ReadFile(dir.File("list.xlsx"));
}

TEST_CASE("run --report-dir: the site after a run that stored a publication, kept after one that did not") {
  test::TempDir dir;
  test::FakePage page;
  std::string site = dir.File("site"), run = "run -q --source " + page.Url() + " --db " + dir.File("h.db");
  page.Serve(ListOf(dir, 2, 1));
  Run first = Icetrack(run + " --report-dir " + site);
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(ReadFile(site + "/index.html").find("data-stat=\"agreements\">2<") != std::string::npos);
  CHECK(std::filesystem::exists(site + "/feed.xml"));
  std::ofstream(site + "/marker") << "still the same site";
  REQUIRE(Icetrack(run + " --report-dir " + site).exit_code == 0);  // the same workbook again
  CHECK(std::filesystem::exists(site + "/marker"));
  page.Serve(ListOf(dir, 3, 2));
  REQUIRE(Icetrack(run + " --report-dir " + site).exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(site + "/marker"));  // replaced whole
  CHECK(ReadFile(site + "/index.html").find("data-stat=\"agreements\">3<") != std::string::npos);
}

TEST_CASE("run --report-dir: a site that cannot be written is exit 10, the run recorded all the same") {
  test::TempDir dir;
  test::FakePage page;
  page.Serve(ListOf(dir, 2, 1));
  std::ofstream(dir.File("plain")) << "x";
  Run run = Icetrack("run -q --source " + page.Url() + " --db " + dir.File("h.db") + " --report-dir " + dir.File("plain"));
  CHECK(run.exit_code == 10);
  CHECK(run.err.find("icetrack: " + dir.File("plain")) == 0);
  CHECK(run.err.find("(report site not written)") != std::string::npos);
  CHECK(test::QueryInt(dir.File("h.db"), "SELECT COUNT(*) FROM snapshots") == 1);
  CHECK(ReadFile(dir.File("plain")) == "x");
  CHECK(Icetrack("run --source " + page.Url() + " --db " + dir.File("h.db") + " --report-dir ''").exit_code == 2);
}

}  // namespace
}  // namespace icetrack

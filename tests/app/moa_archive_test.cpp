// `run --archive-moa` and `icetrack moa`, against a fake ice.gov on
// 127.0.0.1 whose roster links MOAs it serves itself: one a PDF (that
// changes), one gone (404), one an HTML page where a PDF should be.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/app/fake_documents.h"
#include "tests/app/fake_page.h"
#include "tests/app/icetrack_binary.h"
#include "tests/net/test_http_server.h"
#include "tests/support/ice_workbook.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"
#include "tests/support/tiny_pdf.h"

namespace icetrack {
namespace {

using Json = nlohmann::json;
using test::Icetrack;
using test::QueryInt;

const std::string kFirst = test::TinyPdf({"MEMORANDUM OF AGREEMENT", "the first MOA of the Polk County Sheriff's Office"});
const std::string kAmended = test::TinyPdf({"MEMORANDUM OF AGREEMENT", "the MOA as amended, Polk County, Florida"});

struct Site {
  test::TempDir dir;
  test::FakePage page;
  test::FakeDocuments docs;
  std::string db = dir.File("h.db");
  Site() {
    docs.Put("polk.pdf", kFirst);
    docs.Put("lubbock.pdf", "<html>Access denied</html>");
    test::IceWorkbook book;
    book.rows = {test::Row("FLORIDA", "Polk County Sheriff's Office", "Task Force Model", test::Serial(2025, 2, 20)),
                 test::Row("TEXAS", "Hays County Sheriff's Office", "Task Force Model", test::Serial(2025, 5, 10)),
                 test::Row("TEXAS", "Lubbock County Sheriff's Office", "Jail Enforcement Model", test::Serial(2025, 3, 1)),
                 test::Row("OHIO", "Butler County Sheriff's Office", "Warrant Service Officer", test::Serial(2025, 4, 1))};
    book.rows[0].moa_url = docs.Url("polk.pdf");
    book.rows[1].moa_url = docs.Url("hays.pdf");
    book.rows[2].moa_url = docs.Url("lubbock.pdf");
    book.rows[3].moa_url = docs.Url("busy.pdf");
    book.modified = test::UnixTime(2026, 1, 1);
    test::WriteIceWorkbook(dir.File("list.xlsx"), book);
    page.Serve(test::ReadFile(dir.File("list.xlsx")));
  }
  test::CommandRun Run(const std::string& extra = "") {
    return Icetrack("run --archive-moa --moa-delay 0 --retry-delay 0.001 --source " + page.Url() + " --db " + db + " " +
                    extra);
  }
};

TEST_CASE("run --archive-moa keeps the PDFs the roster links, says which are gone, refuses what is not a PDF, asks again what failed") {
  Site s;
  std::string site = s.dir.File("site");
  test::CommandRun first = s.Run("--report-dir " + site);
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(first.out.find("MOA documents: 4 checked, 1 new, 0 unchanged, 1 gone (404), 1 not PDFs, 1 failed; "
                       "1 text read\n") !=
        std::string::npos);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_files") == 1);
  std::string kept;
  QueryInt(s.db, "SELECT content FROM moa_files", &kept);
  CHECK(kept == kFirst);
  auto missing = Json::parse(Icetrack("log --json --kind moa_missing --db " + s.db).out);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]["agency"] == "Hays County Sheriff's Office");
  CHECK(missing[0]["state_code"] == "TX");
  CHECK(missing[0]["moa_url"] == s.docs.Url("hays.pdf"));
  CHECK(missing[0]["snapshot"] == 0);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM events WHERE moa_url LIKE '%busy.pdf'") == 0);  // a failure is no news
  // Within the recheck period only what failed is asked again.
  std::ofstream(site + "/marker") << "the site as it was";
  test::CommandRun soon = s.Run("--report-dir " + site);
  CHECK(soon.out.find("MOA documents: 1 checked, 0 new, 0 unchanged, 0 gone (404), 0 not PDFs, 1 failed\n") !=
        std::string::npos);
  // Later: the same link now serves another document; Hays is still gone (said once).
  s.docs.Put("polk.pdf", kAmended);
  CHECK(std::filesystem::exists(site + "/marker"));  // nothing new: the site stays
  test::CommandRun later = s.Run("--moa-recheck-after 0 --report-dir " + site);
  REQUIRE_MESSAGE(later.exit_code == 0, later.err);
  CHECK(later.out.find("MOA documents: 4 checked, 1 new, 0 unchanged, 1 gone (404), 1 not PDFs, 1 failed; "
                       "1 text read\n") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(site + "/marker"));  // an MOA's news is the site's too
  auto changed = Json::parse(Icetrack("log --json --kind moa_document_changed --db " + s.db).out);
  REQUIRE(changed.size() == 1);
  CHECK(changed[0]["agency"] == "Polk County Sheriff's Office");
  CHECK(changed[0]["changes"]["moa_document"][0].get<std::string>().size() == 12);
  CHECK(changed[0]["changes"]["moa_document"][0] != changed[0]["changes"]["moa_document"][1]);
  CHECK(Json::parse(Icetrack("log --json --kind moa_missing --db " + s.db).out).size() == 1);
  test::CommandRun again = s.Run("--moa-recheck-after 0");
  CHECK(again.out.find("MOA documents: 4 checked, 0 new, 1 unchanged") != std::string::npos);
}

TEST_CASE("icetrack moa lists an agreement's documents and their versions, and writes them out") {
  Site s;
  REQUIRE(s.Run().exit_code == 0);
  s.docs.Put("polk.pdf", kAmended);
  REQUIRE(s.Run("--moa-recheck-after 0").exit_code == 0);
  test::CommandRun list = Icetrack("moa polk --db " + s.db);
  REQUIRE_MESSAGE(list.exit_code == 0, list.err);
  CHECK(list.out.rfind("FL  Polk County Sheriff's Office  TFM\n  MOA " + s.docs.Url("polk.pdf") + "  ok, checked ", 0) == 0);
  CHECK(std::count(list.out.begin(), list.out.end(), '\n') == 5);  // agency, link, two versions, blank
  test::CommandRun hays = Icetrack("moa hays --db " + s.db);
  CHECK(hays.out.find("missing, checked ") != std::string::npos);
  CHECK(hays.out.find(": HTTP 404") != std::string::npos);
  std::string out = s.dir.File("documents");
  test::CommandRun written = Icetrack("moa polk --out " + out + " --db " + s.db);
  REQUIRE_MESSAGE(written.exit_code == 0, written.err);
  CHECK(written.out.find("wrote 2 documents into " + out) != std::string::npos);
  std::vector<std::string> bodies;
  for (const auto& f : std::filesystem::directory_iterator(out)) {
    CHECK(f.path().filename().string().find("_polk.pdf") != std::string::npos);
    bodies.push_back(test::ReadFile(f.path().string()));
  }
  std::sort(bodies.begin(), bodies.end());
  CHECK(bodies == std::vector<std::string>{std::min(kFirst, kAmended), std::max(kFirst, kAmended)});
  CHECK(Icetrack("moa '...' --db " + s.db).exit_code == 2);
  test::CommandRun none = Icetrack("moa nowhere --db " + s.db);
  CHECK(none.err == "icetrack: no agreement matches \"nowhere\"\n");
}

TEST_CASE("the report site keeps a copy of each linked document and links it beside ICE's link") {
  Site s;
  REQUIRE(s.Run().exit_code == 0);
  std::string site = s.dir.File("site");
  test::CommandRun report = Icetrack("report --out " + site + " --db " + s.db);
  REQUIRE_MESSAGE(report.exit_code == 0, report.err);
  std::string sha;
  QueryInt(s.db, "SELECT sha256 FROM moa_documents WHERE url LIKE '%polk.pdf'", &sha);
  std::string copy = "moa/" + sha.substr(0, 12) + "_polk.pdf";
  CHECK(test::ReadFile(site + "/" + copy) == kFirst);
  std::string florida = test::ReadFile(site + "/state/FL.html");
  CHECK(florida.find("<a href=\"" + s.docs.Url("polk.pdf") + "\">MOA</a> (<a href=\"../" + copy + "\" data-kept=\"" + sha +
                     "\">kept copy</a>)") != std::string::npos);
  // Only what was kept: Hays is gone (404), Lubbock's link serves no PDF.
  CHECK(std::distance(std::filesystem::directory_iterator(site + "/moa"), std::filesystem::directory_iterator()) == 1);
  CHECK(test::ReadFile(site + "/state/TX.html").find("data-kept") == std::string::npos);
  // Written again, the site links the copy it had instead of writing it anew.
  struct stat before, after;
  REQUIRE(stat((site + "/" + copy).c_str(), &before) == 0);
  REQUIRE(Icetrack("report --out " + site + " --db " + s.db).exit_code == 0);
  REQUIRE(stat((site + "/" + copy).c_str(), &after) == 0);
  CHECK(before.st_ino == after.st_ino);
  // When the link serves another document, the site's copy is the newest; once the
  // link is gone, the copy stays: it is what is left.
  s.docs.Put("polk.pdf", kAmended);
  REQUIRE(s.Run("--moa-recheck-after 0 --report-dir " + site).exit_code == 0);
  QueryInt(s.db, "SELECT sha256 FROM moa_documents WHERE url LIKE '%polk.pdf'", &sha);
  CHECK(test::ReadFile(site + "/moa/" + sha.substr(0, 12) + "_polk.pdf") == kAmended);
  s.docs.Put("polk.pdf", "<html>gone</html>");  // no PDF: refused, the last PDF kept
  REQUIRE(s.Run("--moa-recheck-after 0").exit_code == 0);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_documents WHERE url LIKE '%polk.pdf' AND status = 'refused'") == 1);
  std::string spanish = s.dir.File("sitio");
  REQUIRE(Icetrack("report --lang es --out " + spanish + " --db " + s.db).exit_code == 0);
  CHECK(test::ReadFile(spanish + "/moa/" + sha.substr(0, 12) + "_polk.pdf") == kAmended);
  CHECK(test::ReadFile(spanish + "/state/FL.html").find(">copia guardada</a>)") != std::string::npos);
}

TEST_CASE("a PDF cut short is kept but unreadable: noted once, never read again, the store as it was otherwise") {
  Site s;
  s.docs.Put("polk.pdf", kFirst.substr(0, kFirst.size() / 2));  // "%PDF-" and half a document
  test::CommandRun first = s.Run();
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(first.out.find("; 0 texts read (1 unreadable)\n") != std::string::npos);
  std::string error;
  QueryInt(s.db, "SELECT error FROM moa_texts", &error);
  CHECK(error.rfind("pdftotext: exit ", 0) == 0);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_text_index") == 0);
  test::CommandRun again = s.Run("--moa-recheck-after 0");
  CHECK(again.out.find("texts read") == std::string::npos);  // the same bytes: not read again
  CHECK(Icetrack("moa --grep 'first MOA' --db " + s.db).err == "icetrack: no stored document's text has \"first MOA\"\n");
}

TEST_CASE("moa --grep finds a phrase in the documents' text, with the agreements that link them") {
  Site s;
  REQUIRE(s.Run().exit_code == 0);
  s.docs.Put("polk.pdf", kAmended);
  REQUIRE(s.Run("--moa-recheck-after 0").exit_code == 0);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_texts WHERE error = ''") == 2);
  test::CommandRun found = Icetrack("moa --grep 'as AMENDED' --db " + s.db);
  REQUIRE_MESSAGE(found.exit_code == 0, found.err);
  CHECK(found.out.rfind("FL  Polk County Sheriff's Office  TFM\n  " + s.docs.Url("polk.pdf") + "  since ", 0) == 0);
  CHECK(found.out.find("the MOA [as amended], Polk County") != std::string::npos);
  CHECK(found.out.find("first MOA") == std::string::npos);  // the other version does not have it
  // Both versions name the agency; punctuation and case are no part of a phrase.
  test::CommandRun both = Icetrack("moa --grep \"polk county, sheriff's\" --db " + s.db);
  CHECK(std::count(both.out.begin(), both.out.end(), '"') == 2);  // one snippet: only the first has the phrase
  CHECK(Icetrack("moa --grep 'polk county' --db " + s.db).out.find("[Polk County]") != std::string::npos);
  // Among one agreement's documents only; none found is said, not an error.
  CHECK(Icetrack("moa polk --grep amended --db " + s.db).out.find("as [amended]") != std::string::npos);
  test::CommandRun none = Icetrack("moa hays --grep amended --db " + s.db);
  CHECK(none.exit_code == 0);
  CHECK(none.out.empty());
  CHECK(none.err == "icetrack: no stored document's text has \"amended\"\n");
  // What cannot be looked for is a usage error.
  CHECK(Icetrack("moa --grep '!!!' --db " + s.db).exit_code == 2);
  CHECK(Icetrack("moa --db " + s.db).exit_code == 2);
  CHECK(Icetrack("moa --grep amended --state FL --db " + s.db).exit_code == 2);
  CHECK(Icetrack("moa --grep amended --limit 0 --db " + s.db).exit_code == 2);
  CHECK(Icetrack("moa polk --grep amended --out x --db " + s.db).exit_code == 2);
}

}  // namespace
}  // namespace icetrack

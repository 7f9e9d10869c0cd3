// `run --archive-moa` looking for the MOA of an agreement whose link has
// been pending three weeks, where ICE's naming of the linked MOAs predicts
// it, against a fake ice.gov on 127.0.0.1.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/app/fake_documents.h"
#include "tests/app/fake_page.h"
#include "tests/app/icetrack_binary.h"
#include "tests/support/ice_workbook.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"
#include "tests/support/tiny_pdf.h"

namespace icetrack {
namespace {

using Json = nlohmann::json;
using test::Icetrack;
using test::QueryInt;

const char kCatoosa[] = "CatoosaCoSheriffsOfficeGA_JEM_MOA_05222025.pdf";
const char kDublin[] = "DublinPoliceDeptTX_TFM_MOA_03132026.pdf";

struct Site {
  test::TempDir dir;
  test::FakePage page;
  test::FakeDocuments docs;
  std::string db = dir.File("h.db");
  explicit Site(int64_t published = test::UnixTime(2026, 1, 1)) {
    // Three links that follow ICE's naming (one writes "Dept"), and two agreements whose link is pending.
    docs.Put("BrownCoSheriffsOfficeTX_WSO_MOA_12022025.pdf", test::TinyPdf({"Brown County Sheriff's Office, Texas"}));
    docs.Put("DicksonCoSheriffsOfficeTN_WSO_MOA_03112026.pdf", test::TinyPdf({"Dickson County, Tennessee"}));
    docs.Put("PalmSpringsPoliceDeptFL_TFM_MOA_06052025.pdf", test::TinyPdf({"Palm Springs, Florida"}));
    test::IceWorkbook book;
    book.rows = {
        test::Row("TEXAS", "Brown County Sheriff's Office", "Warrant Service Officer", test::Serial(2025, 12, 2)),
        test::Row("TENNESSEE", "Dickson County Sheriff's Office", "Warrant Service Officer", test::Serial(2026, 3, 11)),
        test::Row("GEORGIA", "Catoosa County Sheriff's Office", "Jail Enforcement Model", test::Serial(2025, 5, 22)),
        test::Row("TEXAS", "Dublin Police Department", "Task Force Model", test::Serial(2026, 3, 13)),
        test::Row("FLORIDA", "Palm Springs Police Department", "Task Force Model", test::Serial(2025, 6, 5))};
    book.rows[0].moa_url = docs.Url("BrownCoSheriffsOfficeTX_WSO_MOA_12022025.pdf");
    book.rows[1].moa_url = docs.Url("DicksonCoSheriffsOfficeTN_WSO_MOA_03112026.pdf");
    book.rows[4].moa_url = docs.Url("PalmSpringsPoliceDeptFL_TFM_MOA_06052025.pdf");
    for (int pending : {2, 3}) {
      book.rows[pending].moa_text = "link pending";
      book.rows[pending].moa_url.clear();
    }
    book.modified = published;
    test::WriteIceWorkbook(dir.File("list.xlsx"), book);
    page.Serve(test::ReadFile(dir.File("list.xlsx")));
  }
  test::CommandRun Run(const std::string& extra = "") {
    return Icetrack("run --archive-moa --moa-delay 0 --retry-delay 0.001 --source " + page.Url() + " --db " + db + " " +
                    extra);
  }
};

TEST_CASE("an MOA ICE posted before its roster links it is found where the naming predicts, and told once") {
  Site s;
  // Catoosa's MOA is posted; Dublin's predicted name serves another agency's PDF.
  s.docs.Put(kCatoosa, test::TinyPdf({"MEMORANDUM OF AGREEMENT", "between ICE and the Catoosa County Sheriff's Office,",
                                      "Georgia, for the Jail Enforcement Model"}));
  s.docs.Put(kDublin, test::TinyPdf({"MEMORANDUM OF AGREEMENT with the Erath County Sheriff's Office, Texas"}));
  test::CommandRun first = s.Run();
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(first.out.find("; 2 predicted links asked, 1 found before the roster links them; 3 texts read\n") !=
        std::string::npos);
  auto found = Json::parse(Icetrack("log --json --kind moa_found_unlinked --db " + s.db).out);
  REQUIRE(found.size() == 1);
  CHECK(found[0]["agency"] == "Catoosa County Sheriff's Office");
  CHECK(found[0]["state_code"] == "GA");
  CHECK(found[0]["model"] == "JEM");
  CHECK(found[0]["moa_url"] == s.docs.Url(kCatoosa));
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_probes WHERE status = 'refused' AND url LIKE '%Dublin%'") == 1);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_files") == 4);  // the three linked, Catoosa's; not the wrong one
  // The document is the agreement's, searchable at once.
  test::CommandRun grep = Icetrack("moa --grep 'jail enforcement model' --db " + s.db);
  CHECK(grep.out.rfind("GA  Catoosa County Sheriff's Office  JEM\n  " + s.docs.Url(kCatoosa), 0) == 0);
  // Found is found: not asked again; what was refused waits out the recheck period.
  int asked = s.docs.AllRequests();
  test::CommandRun second = s.Run();
  REQUIRE_MESSAGE(second.exit_code == 0, second.err);
  CHECK(s.docs.AllRequests() == asked);
  CHECK(second.out.find("predicted") == std::string::npos);
  test::CommandRun later = s.Run("--moa-recheck-after 0");
  CHECK(s.docs.Requests(kCatoosa) == 1);
  CHECK(s.docs.Requests(kDublin) == 2);
  CHECK(later.out.find("; 1 predicted link asked, 0 found before the roster links them\n") != std::string::npos);
  CHECK(Json::parse(Icetrack("log --json --kind moa_found_unlinked --db " + s.db).out).size() == 1);
}

TEST_CASE("a predicted URL that fails is asked again next run, an HTML page there is no news") {
  Site s;
  s.docs.Fail(kCatoosa, true);
  s.docs.Put(kDublin, "<html><body>Page not found</body></html>");  // ICE's 404 page, sent with 200
  test::CommandRun first = s.Run();
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_probes WHERE status = 'failed' AND url LIKE '%Catoosa%'") == 1);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_probes WHERE status = 'absent' AND url LIKE '%Dublin%' "
                       "AND error = 'not a PDF (HTTP 200)'") == 1);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM events WHERE kind = 'moa_found_unlinked'") == 0);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_files") == 3);  // the linked ones only
  int dublin = s.docs.Requests(kDublin);
  // The server is back: the failed one is asked again at once, the absent one waits its week.
  s.docs.Fail(kCatoosa, false);
  s.docs.Put(kCatoosa, test::TinyPdf({"the Catoosa County Sheriff's Office, Georgia"}));
  test::CommandRun second = s.Run();
  REQUIRE_MESSAGE(second.exit_code == 0, second.err);
  CHECK(s.docs.Requests(kDublin) == dublin);
  CHECK(Json::parse(Icetrack("log --json --kind moa_found_unlinked --db " + s.db).out).size() == 1);
}

TEST_CASE("without pdftotext nothing is probed nor read, and the run says so once") {
  Site s;
  s.docs.Put(kCatoosa, test::TinyPdf({"the Catoosa County Sheriff's Office, Georgia"}));
  test::CommandRun run = s.Run("--pdftotext icetrack-no-pdftotext");
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.err == "icetrack: warning: icetrack-no-pdftotext: cannot run it: No such file or directory; the documents' "
                   "text is read, and the MOAs of agreements whose link is pending looked for, once it is installed "
                   "(Debian: poppler-utils)\n");
  CHECK(s.docs.Requests(kCatoosa) == 0);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_texts") == 0);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_files") == 3);  // the linked documents are kept all the same
  // Once it is there, both happen.
  test::CommandRun later = s.Run();
  REQUIRE_MESSAGE(later.exit_code == 0, later.err);
  CHECK(later.err.empty());
  CHECK(s.docs.Requests(kCatoosa) == 1);
  CHECK(QueryInt(s.db, "SELECT COUNT(*) FROM moa_texts") == 4);
}

TEST_CASE("a link pending for less than three weeks is not looked for, nor a URL that is not there told") {
  Site recent;
  recent.docs.Put(kCatoosa, test::TinyPdf({"the Catoosa County Sheriff's Office, Georgia"}));
  // Listed since 2026-01-01: not yet pending for 30 years.
  test::CommandRun run = recent.Run("--moa-pending-for 946080000");
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(recent.docs.Requests(kCatoosa) == 0);
  Site absent;
  test::CommandRun none = absent.Run();
  REQUIRE_MESSAGE(none.exit_code == 0, none.err);
  CHECK(none.out.find("; 2 predicted links asked, 0 found before the roster links them") != std::string::npos);
  CHECK(QueryInt(absent.db, "SELECT COUNT(*) FROM moa_probes WHERE status = 'absent' AND error = 'HTTP 404'") == 2);
  CHECK(QueryInt(absent.db, "SELECT COUNT(*) FROM events WHERE kind = 'moa_found_unlinked'") == 0);
}

}  // namespace
}  // namespace icetrack

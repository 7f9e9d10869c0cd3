#include "app/moa_text.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/temp_dir.h"
#include "tests/support/tiny_pdf.h"

namespace icetrack {
namespace {

// A program at `path` that runs `script` (sh), in place of pdftotext.
std::string FakeProgram(const std::string& path, const std::string& script) {
  std::ofstream(path) << "#!/bin/sh\n" << script << "\n";
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

TEST_CASE("pdftotext reads a PDF's text back") {
  std::string text;
  Status s = ExtractPdfText(test::TinyPdf({"MEMORANDUM OF AGREEMENT", "the Catoosa County Sheriff's Office (GA)"}),
                            PdfTextOptions(), &text);
  REQUIRE_MESSAGE(s.ok(), s.message());
  // Helvetica's standard encoding has a right quote where ASCII has its apostrophe.
  CHECK(text.find("MEMORANDUM OF AGREEMENT\nthe Catoosa County Sheriff\xE2\x80\x99s Office (GA)") != std::string::npos);
}

TEST_CASE("a PDF pdftotext cannot read is an error with its reason, and only its first bytes are kept") {
  std::string text = "left over";
  Status s = ExtractPdfText("%PDF-1.4 not really", PdfTextOptions(), &text);
  CHECK_FALSE(s.ok());
  CHECK(s.message().rfind("pdftotext: exit 1: ", 0) == 0);
  CHECK(text.empty());
  PdfTextOptions small;
  small.max_bytes = 10;
  REQUIRE(ExtractPdfText(test::TinyPdf({"0123456789abcdef"}), small, &text).ok());
  CHECK(text == "0123456789");
}

TEST_CASE("no pdftotext, and one that hangs, are told apart from a bad PDF") {
  PdfTextOptions missing;
  missing.program = "icetrack-no-pdftotext";
  std::string text;
  Status s = ExtractPdfText(test::TinyPdf({"x"}), missing, &text);
  CHECK(IsMissingProgram(s));
  test::TempDir dir;
  std::string hangs = FakeProgram(dir.File("pdftotext"), "exec sleep 30");
  PdfTextOptions slow;
  slow.program = hangs;
  slow.timeout = std::chrono::milliseconds(300);
  s = ExtractPdfText(test::TinyPdf({"x"}), slow, &text);
  CHECK(s.message() == hangs + ": still running after 0.3 s; killed");
  CHECK_FALSE(IsMissingProgram(s));
}

TEST_CASE("pdftotext runs with its memory capped") {
  test::TempDir dir;
  std::string fake = FakeProgram(dir.File("pdftotext"), "cat >/dev/null; ulimit -v");
  PdfTextOptions o;
  o.program = fake;
  o.max_memory_kib = 524288;
  std::string text;
  REQUIRE(ExtractPdfText("%PDF-", o, &text).ok());
  CHECK(text == "524288\n");
  // A program that needs more fails, as a PDF it cannot read does.
  FakeProgram(fake, "cat >/dev/null; exec /usr/bin/python3 -c 'x = bytearray(600 << 20)'");
  Status s = ExtractPdfText("%PDF-", o, &text);
  CHECK_FALSE(s.ok());
  CHECK_FALSE(IsMissingProgram(s));
}

TEST_CASE("text that is not UTF-8 is made so") {
  test::TempDir dir;
  std::string fake = FakeProgram(dir.File("pdftotext"), "cat >/dev/null; printf 'caf\\351 ok \\342\\202'");  // Latin-1, a cut sequence
  PdfTextOptions o;
  o.program = fake;
  std::string text;
  REQUIRE(ExtractPdfText("%PDF-", o, &text).ok());
  CHECK(text == "caf\xEF\xBF\xBD ok \xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace icetrack

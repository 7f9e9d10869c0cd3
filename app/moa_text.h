// The text of an MOA document, for `icetrack moa --grep`: poppler's
// pdftotext (Debian's poppler-utils) run as a child process. A subprocess
// rather than libpoppler in ours: the PDFs come from the internet, and a
// PDF that crashes poppler or sends it into a loop then costs one killed
// child, not the daemon; the time limit is a kill, not a hope.
//
// Promises: the text pdftotext writes (UTF-8, as it is asked for), its first
// `max_bytes`; invalid UTF-8 replaced by U+FFFD, so the index holds text.
// Fails when pdftotext cannot be run (a Status starting with its name and
// "cannot run it"), when it ends with an error (its last line of stderr),
// when it outlives `timeout` (killed) or would take more than
// `max_memory_kib` of memory (its allocation fails, and so does it).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "model/status.h"

namespace icetrack {

// The program that reads a PDF's text, unless told otherwise (poppler-utils).
inline constexpr char kPdfTextProgram[] = "pdftotext";

struct PdfTextOptions {
  std::string program = kPdfTextProgram;
  std::chrono::milliseconds timeout{30000};
  size_t max_bytes = 4 << 20;  // an MOA's text is 30 to 80 KB
  int64_t max_memory_kib = 1 << 20;  // the child's address space (ulimit -v): pdftotext needs tens of MB
  std::function<bool()> cancelled;  // true: stop now (the daemon told to); the read fails
};

// Whether a failure says the program is not there to run (not the document's fault).
bool IsMissingProgram(const Status& s);
// Whether pdftotext can be run at all (`pdftotext -v`): a Status saying why not.
Status CanReadPdfText(const PdfTextOptions& options);
// What a pass says when pdftotext cannot be run (`why`): what waits for it.
std::string NoPdfTextWarning(const Status& why);

Status ExtractPdfText(const std::string& pdf, const PdfTextOptions& options, std::string* text);

}  // namespace icetrack

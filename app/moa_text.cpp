#include "app/moa_text.h"

#include "alerts/child_process.h"
#include "model/text_fold.h"

namespace icetrack {
namespace {

// `text` with each byte that starts no well-formed sequence as U+FFFD.
std::string WellFormed(const std::string& text) {
  if (IsValidUtf8(text)) return text;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8SequenceLength(std::string_view(text).substr(i));
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

std::string LastLine(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  size_t at = text.rfind('\n');
  return WellFormed(at == std::string::npos ? text : text.substr(at + 1));
}

}  // namespace

bool IsMissingProgram(const Status& s) { return s.message().find(": cannot run it: ") != std::string::npos; }

std::string NoPdfTextWarning(const Status& why) {
  return why.message() + "; the documents' text is read, and the MOAs of agreements whose link is pending looked for, "
                         "once it is installed (Debian: poppler-utils)";
}

Status CanReadPdfText(const PdfTextOptions& o) {
  ChildResult r;
  Status s = RunChildForOutput({o.program, "-v"}, "", std::chrono::seconds(10), 4096, &r);
  if (s.ok() && r.exit_code != 0) s = Status::Error(o.program + " -v: exit " + std::to_string(r.exit_code));
  return s;
}

Status ExtractPdfText(const std::string& pdf, const PdfTextOptions& o, std::string* text) {
  text->clear();
  ChildResult r;
  // Through sh for its `ulimit -v`: a PDF that makes poppler allocate
  // without end (a stream that inflates to gigabytes) fails the child, not
  // the machine. The program and its arguments are sh's "$0" "$@", never
  // parsed. "-" "-": stdin to stdout. No -q: it would silence the errors too.
  std::string limit = "ulimit -v " + std::to_string(o.max_memory_kib) + " && exec \"$0\" \"$@\"";
  Status s = RunChildForOutput({"/bin/sh", "-c", limit, o.program, "-enc", "UTF-8", "-eol", "unix", "-", "-"}, pdf,
                               o.timeout, o.max_bytes, &r, o.cancelled, o.program);
  if (s.ok() && r.exit_code == 127) s = Status::Error(o.program + ": cannot run it: " + LastLine(r.errors));  // sh's
  if (!s.ok()) return s;
  if (r.exit_code != 0) {
    std::string why = LastLine(r.errors);
    return Status::Error(o.program + ": exit " + std::to_string(r.exit_code) + (why.empty() ? "" : ": " + why));
  }
  // A cut may end inside a sequence: WellFormed turns those bytes into U+FFFD.
  *text = WellFormed(r.output);
  return Status::Ok();
}

}  // namespace icetrack

#include "alerts/email_message.h"

#include <cstdio>

#include "alerts/base64.h"
#include "model/text_fold.h"
#include "model/utc_time.h"

namespace icetrack {
namespace {

constexpr char kCrlf[] = "\r\n";

bool IsPrintableAscii(const std::string& s) {
  for (char c : s) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

// "Tue, 01 Dec 2026 23:46:52 +0000" (RFC 5322 section 3.3).
std::string MailDate(const std::string& iso) {
  static const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  UtcTime t;
  if (!ParseIsoTime(iso, &t)) t = UtcTime{};
  int64_t days = DaysOf(t);
  CivilDate d = CivilFromDays(days);
  int64_t s = t.seconds - days * 86400;
  char out[64];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[((days % 7) + 7) % 7], d.day,
                kMonths[d.month - 1], d.year, static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60),
                static_cast<int>(s % 60));
  return out;
}

std::string Header(const std::string& name, const std::string& value) { return name + ": " + value + kCrlf; }

std::string AddressList(const std::vector<Mailbox>& to) {
  std::string out;
  for (const Mailbox& m : to) out += (out.empty() ? "" : std::string(",") + kCrlf + " ") + MailboxHeader(m);
  return out;
}

std::string Part(const std::string& boundary, const char* type, const std::string& text) {
  return "--" + boundary + kCrlf + Header("Content-Type", std::string(type) + "; charset=utf-8") +
         Header("Content-Transfer-Encoding", "quoted-printable") + kCrlf + QuotedPrintable(text) + kCrlf;
}

}  // namespace

std::string EncodedWords(const std::string& text, bool always) {
  if (!always && IsPrintableAscii(text)) return text;
  // Each word: "=?UTF-8?B?" + base64 of at most 45 bytes (60 characters) + "?=", whole characters only.
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i, end = i;
    while (end < text.size()) {
      size_t next = end;
      DecodeUtf8(text, &next);
      if (next - start > 45) break;
      end = next;
    }
    if (end == start) DecodeUtf8(text, &end);
    out += (out.empty() ? "" : std::string(kCrlf) + " ") + "=?UTF-8?B?" + Base64Encode(text.substr(start, end - start)) + "?=";
    i = end;
  }
  return out;
}

namespace {

// Trailing white space would be lost in transit: it is encoded ("=20"),
// on a line of its own when the encoding would not fit in 76.
template <typename Flush>
void EncodeTrailingBlank(std::string* line, Flush& flush) {
  static const char kHex[] = "0123456789ABCDEF";
  if (line->empty() || (line->back() != ' ' && line->back() != '\t')) return;
  char last = line->back();
  line->pop_back();
  if (line->size() + 3 > 75) flush(false);
  *line += std::string("=") + kHex[last >> 4] + kHex[last & 15];
}

}  // namespace

std::string QuotedPrintable(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out, line;
  auto flush = [&](bool hard) {
    out += line + (hard ? kCrlf : std::string("=") + kCrlf);
    line.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      if (c == '\r') ++i;
      EncodeTrailingBlank(&line, flush);
      flush(true);
      continue;
    }
    std::string piece = (c >= 33 && c <= 126 && c != '=') || c == ' ' || c == '\t'
                            ? std::string(1, static_cast<char>(c))
                            : std::string("=") + kHex[c >> 4] + kHex[c & 15];
    if (line.size() + piece.size() > 75) flush(false);
    line += piece;
  }
  EncodeTrailingBlank(&line, flush);
  return out + line;
}

std::string EmailMessage(const Delivery& delivery, const Digest& digest, const Mailbox& from,
                         const std::vector<Mailbox>& to) {
  // "=_" never occurs in quoted-printable text, so the boundary cannot either.
  std::string boundary = "=_icetrack_" + delivery.id;
  std::string m;
  m += Header("Date", MailDate(delivery.created_at));
  m += Header("From", MailboxHeader(from));
  m += Header("To", AddressList(to));
  m += Header("Subject", EncodedWords(digest.title));
  m += Header("Message-ID", "<" + delivery.id + ".icetrack@" + from.domain() + ">");
  m += Header("Auto-Submitted", "auto-generated");
  m += Header("MIME-Version", "1.0");
  m += Header("Content-Type", std::string("multipart/alternative;") + kCrlf + " boundary=\"" + boundary + "\"");
  m += kCrlf;
  m += Part(boundary, "text/plain", digest.Text());
  m += Part(boundary, "text/html", digest.Html());
  m += "--" + boundary + "--" + kCrlf;
  return m;
}

}  // namespace icetrack

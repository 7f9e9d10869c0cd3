#include "alerts/email_message.h"

#include <doctest/doctest.h>

#include "tests/alerts/digest_events.h"

namespace icetrack {
namespace {

std::string Message(std::vector<StoredEvent> events) {
  Delivery d;
  d.id = "msg_0123456789abcdef01234567";
  d.created_at = "2026-12-01T23:46:52Z";
  Mailbox from{"icetrack", "icetrack@example.org"};
  return EmailMessage(d, BuildDigest(events), from, {{"", "desk@example.org"}, {"Desk Two", "two@example.org"}});
}

std::string HeaderOf(const std::string& m, const std::string& name) {
  size_t at = m.find("\r\n" + name + ": ");
  if (m.rfind(name + ": ", 0) == 0) at = 0;
  else if (at == std::string::npos) return "";
  else at += 2;
  size_t end = m.find("\r\n", at);
  return m.substr(at + name.size() + 2, end - at - name.size() - 2);
}

TEST_CASE("the headers say when, who, what, and which delivery") {
  std::string m = Message(test::SignedEvents(3));
  CHECK(HeaderOf(m, "Date") == "Tue, 01 Dec 2026 23:46:52 +0000");
  CHECK(HeaderOf(m, "From") == "icetrack <icetrack@example.org>");
  CHECK(m.find("To: desk@example.org,\r\n Desk Two <two@example.org>\r\n") != std::string::npos);
  CHECK(HeaderOf(m, "Subject") == "icetrack: 3 agreements signed (ICE 287(g))");
  CHECK(HeaderOf(m, "Message-ID") == "<msg_0123456789abcdef01234567.icetrack@example.org>");
  CHECK(HeaderOf(m, "Auto-Submitted") == "auto-generated");
  CHECK(HeaderOf(m, "MIME-Version") == "1.0");
  CHECK(m.find("\r\nContent-Type: multipart/alternative;\r\n boundary=\"=_icetrack_msg_0123456789abcdef01234567\"\r\n") !=
        std::string::npos);
}

TEST_CASE("two parts, plain text then HTML, every line CRLF and at most 78 characters") {
  std::string m = Message(test::SignedEvents(40));
  size_t text = m.find("Content-Type: text/plain; charset=utf-8");
  size_t html = m.find("Content-Type: text/html; charset=utf-8");
  REQUIRE(text != std::string::npos);
  REQUIRE(html != std::string::npos);
  CHECK(text < html);
  REQUIRE(m.size() > 2);
  CHECK(m.substr(m.size() - 2) == "\r\n");
  CHECK(m.find("--=_icetrack_msg_0123456789abcdef01234567--\r\n") != std::string::npos);
  for (size_t at = 0; at < m.size();) {
    size_t end = m.find("\r\n", at);
    REQUIRE(end != std::string::npos);
    CHECK(end - at <= 78);
    CHECK(m.substr(at, end - at).find('\n') == std::string::npos);
    at = end + 2;
  }
}

TEST_CASE("RFC 2047 words carry a UTF-8 subject in pieces of whole characters") {
  CHECK(EncodedWords("plain ASCII") == "plain ASCII");
  CHECK(EncodedWords("Doña Ana") == "=?UTF-8?B?RG/DsWEgQW5h?=");
  std::string long_one = EncodedWords(std::string(30, 'x') + "ñ" + std::string(30, 'y'));
  CHECK(long_one.find("\r\n ") != std::string::npos);
  for (size_t at = 0; at < long_one.size();) {
    size_t end = long_one.find("\r\n ", at);
    std::string word = long_one.substr(at, end == std::string::npos ? std::string::npos : end - at);
    CHECK(word.size() <= 75);
    at = end == std::string::npos ? long_one.size() : end + 3;
  }
}

TEST_CASE("quoted-printable keeps text readable and safe") {
  CHECK(QuotedPrintable("a=b") == "a=3Db");
  CHECK(QuotedPrintable("Doña\n") == "Do=C3=B1a\r\n");
  CHECK(QuotedPrintable("trailing \nx") == "trailing=20\r\nx");
  std::string wrapped = QuotedPrintable(std::string(100, 'a'));
  CHECK(wrapped == std::string(75, 'a') + "=\r\n" + std::string(25, 'a'));
  CHECK(QuotedPrintable(".\n").substr(0, 1) == ".");
  // A blank at the 75th place: its "=20" goes on a line of its own, none longer than 76.
  std::string blank_last = QuotedPrintable(std::string(74, 'a') + " \n");
  CHECK(blank_last == std::string(74, 'a') + "=\r\n=20\r\n");  // dot-stuffing is SMTP's business (libcurl's)
}

}  // namespace
}  // namespace icetrack

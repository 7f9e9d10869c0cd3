#include "alerts/mailbox.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("a mailbox is an address, or a name and an address") {
  Mailbox m;
  std::string why;
  REQUIRE(ParseMailbox("icetrack <icetrack@example.org>", &m, &why));
  CHECK(m.name == "icetrack");
  CHECK(m.address == "icetrack@example.org");
  CHECK(m.domain() == "example.org");
  REQUIRE(ParseMailbox("  desk@example.org ", &m, &why));
  CHECK(m.name.empty());
  CHECK(m.address == "desk@example.org");
  REQUIRE(ParseMailbox("\"Desk, Florida\" <fl+alerts@news.example.org>", &m, &why));
  CHECK(m.name == "Desk, Florida");
  CHECK(m.address == "fl+alerts@news.example.org");
}

TEST_CASE("anything but one mailbox is refused with a reason") {
  Mailbox m;
  std::string why;
  CHECK_FALSE(ParseMailbox("desk@example.org\r\nBcc: x@evil.example", &m, &why));
  CHECK(why.find("line break") != std::string::npos);
  CHECK_FALSE(ParseMailbox("a@example.org, b@example.org", &m, &why));
  CHECK_FALSE(ParseMailbox("Desk <a@example.org> <b@example.org>", &m, &why));
  CHECK_FALSE(ParseMailbox("no-at-sign", &m, &why));
  CHECK(why == "\"no-at-sign\" is not an address (local@domain)");
  CHECK_FALSE(ParseMailbox("desk@", &m, &why));
  CHECK_FALSE(ParseMailbox("de sk@example.org", &m, &why));
  CHECK_FALSE(ParseMailbox("desk@exa_mple.org", &m, &why));
  CHECK_FALSE(ParseMailbox("a@.", &m, &why));
  CHECK(why == "\"a@.\" has no domain such as example.org after its @");
  CHECK_FALSE(ParseMailbox("a@-x.org", &m, &why));
  CHECK_FALSE(ParseMailbox("\"Jo\\\" <a@b.org>", &m, &why));       // a backslash: no unterminated quote
  CHECK_FALSE(ParseMailbox("Jo\x1b[31m <a@b.org>", &m, &why));       // ESC: nothing raw to a terminal or header
  CHECK(why == "a line break or control character in an address");
  CHECK_FALSE(ParseMailbox(std::string(201, 'n') + " <a@b.org>", &m, &why));
}

TEST_CASE("a long name is folded as encoded words: no header line past 78") {
  std::string header = MailboxHeader({std::string(190, 'n'), "a@example.org"});
  for (size_t at = 0; at < header.size();) {
    size_t end = header.find("\r\n", at);
    CHECK((end == std::string::npos ? header.size() : end) - at <= 78);
    at = end == std::string::npos ? header.size() : end + 2;
  }
}

TEST_CASE("a name goes into a header quoted or encoded as it needs") {
  CHECK(MailboxHeader({"", "a@example.org"}) == "a@example.org");
  CHECK(MailboxHeader({"icetrack", "a@example.org"}) == "icetrack <a@example.org>");
  CHECK(MailboxHeader({"Desk, Florida", "a@example.org"}) == "\"Desk, Florida\" <a@example.org>");
  CHECK(MailboxHeader({"Redacción", "a@example.org"}) == "=?UTF-8?B?UmVkYWNjacOzbg==?= <a@example.org>");
}

}  // namespace
}  // namespace icetrack

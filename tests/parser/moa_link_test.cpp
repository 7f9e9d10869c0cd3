#include <doctest/doctest.h>

#include "parser/moa_link.h"

namespace icetrack {

TEST_CASE("URLs are repaired: safelinks, https:/, extension prefixes") {
  const std::string pdf = "https://www.ice.gov/doclib/287gMOA/PolkCo_JEM_MOA_01012025.pdf";
  CHECK(RepairUrl(pdf) == pdf);
  CHECK(RepairUrl("https:/www.ice.gov/doclib/287gMOA/PolkCo_JEM_MOA_01012025.pdf") == pdf);
  CHECK(RepairUrl("https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA%2FPolkCo_JEM_MOA_01012025.pdf&data=05%7C02&reserved=0") == pdf);
  CHECK(RepairUrl("chrome-extension://efaidnbmnnnibpcajpcglclefindmkaj/https://www.ice.gov/doclib/287gMOA/PolkCo_JEM_MOA_01012025.pdf") == pdf);
  CHECK(RepairUrl(" www.ice.gov/x.pdf ") == "https://www.ice.gov/x.pdf");
  CHECK(RepairUrl("https://www.ice.gov/a b.pdf") == "https://www.ice.gov/a%20b.pdf");
}

TEST_CASE("MOA cells: link, pending, none") {
  LinkCell c = ReadLinkCell("link", "https://www.ice.gov/a.pdf");
  CHECK(c.status == LinkStatus::Link);
  CHECK(c.url == "https://www.ice.gov/a.pdf");
  CHECK(ReadLinkCell("link\xC2\xA0|\xC2\xA0" "addendum", "https:/www.ice.gov/a.pdf").url == "https://www.ice.gov/a.pdf");
  CHECK(ReadLinkCell("Link Pending", "").status == LinkStatus::Pending);
  CHECK(ReadLinkCell("link pending ", "").status == LinkStatus::Pending);
  CHECK(ReadLinkCell("", "").status == LinkStatus::None);
  CHECK(ReadLinkCell("\xC2\xA0", "").status == LinkStatus::None);
  LinkCell typed = ReadLinkCell("https://www.ice.gov/typed.pdf", "");
  CHECK(typed.status == LinkStatus::Link);
  CHECK(typed.url == "https://www.ice.gov/typed.pdf");
  CHECK(ReadLinkCell("link", "").status == LinkStatus::None);  // says link, has none
}

TEST_CASE("found by fuzzing: a decoded safelink stays one valid line, and repair is complete") {
  // The safelink's url= decodes to bytes that are not UTF-8 and to control bytes: they stay escaped.
  std::string url = RepairUrl(
      "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fa%8A%0Ab.pdf&data=1");
  CHECK(url == "https://www.ice.gov/a%8A%0Ab.pdf");
  CHECK(RepairUrl(url) == url);
  // Wrapped four times: unwrapped to the end, not after three rounds.
  std::string wrapped = "https://www.ice.gov/doclib/moa.pdf";
  for (int i = 0; i < 4; ++i) {
    std::string encoded;
    for (char c : wrapped)
      encoded += c == ':' ? "%3A" : c == '/' ? "%2F" : c == '%' ? "%25" : c == '&' ? "%26" : std::string(1, c);
    wrapped = "https://nam12.safelinks.protection.outlook.com/?url=" + encoded + "&data=05";
  }
  CHECK(RepairUrl(wrapped) == "https://www.ice.gov/doclib/moa.pdf");
  CHECK(RepairUrl("https://www.ice.gov/caf\xC3\xA9 x.pdf") == "https://www.ice.gov/caf\xC3\xA9%20x.pdf");
}

}  // namespace icetrack

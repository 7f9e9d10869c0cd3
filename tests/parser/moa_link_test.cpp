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

}  // namespace icetrack

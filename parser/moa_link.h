// MOA and ADDENDUM cells: the agreement's URL and whether it is published.
//
// ICE writes "link", "link pending", "link | addendum" in the cell and puts
// the URL in the cell's hyperlink; sometimes the URL is typed as text, wrapped
// in an Outlook safelinks URL, or malformed ("https:/www…", a
// "chrome-extension://…/" prefix). RepairUrl undoes those.
#pragma once

#include <string>
#include <string_view>

#include "model/roster.h"

namespace icetrack {

// Unwraps safelinks, strips browser-extension prefixes, repairs "https:/".
std::string RepairUrl(std::string_view url);

struct LinkCell {
  LinkStatus status = LinkStatus::None;
  std::string url;
};

// `text`: the cell's text; `hyperlink`: its hyperlink target (may be empty).
// A hyperlink, or a URL typed as text, is a link; text saying "pending" is
// pending; anything else is none.
LinkCell ReadLinkCell(std::string_view text, std::string_view hyperlink);

}  // namespace icetrack

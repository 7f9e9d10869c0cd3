// The page where ICE links its 287(g) workbooks: what `run` reads by
// default and what the feed and the report point readers to.
#pragma once

namespace icetrack {

inline constexpr char kIcePageUrl[] = "https://www.ice.gov/identify-and-arrest/287g";

}  // namespace icetrack

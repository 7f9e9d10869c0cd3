// DiscordMessage: a digest as a Discord webhook payload, within Discord's
// limits — 2,000 characters of content, 10 embeds, 256 in an embed title,
// 4,096 in a description and 6,000 in all embeds together — with "and N
// more" in the content when the digest does not fit. Markdown in text from
// the workbooks is escaped and mentions are switched off (allowed_mentions),
// so a name can never ping @everyone.
#pragma once

#include <string>

#include "report/digest.h"

namespace icetrack {

std::string DiscordMessage(const Digest& digest);

}  // namespace icetrack

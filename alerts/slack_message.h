// SlackMessage: a digest as a Slack incoming-webhook payload (Block Kit),
// within Slack's limits — 50 blocks, 150 characters in a header, 3,000 in a
// section, and a total well under the ~13,000 characters of blocks Slack
// refuses as msg_blocks_too_long (undocumented, measured by others) — with
// "and N more" at the end when the digest does not fit. Text from the
// workbooks is escaped (&, <, >), so a name can never ping a channel.
#pragma once

#include <string>

#include "report/digest.h"

namespace icetrack {

std::string SlackMessage(const Digest& digest);

}  // namespace icetrack

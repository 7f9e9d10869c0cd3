// PackDigest: a digest laid out in the boxes a chat service takes (Slack's
// section blocks, Discord's embeds), within the service's limits: what does
// not fit is counted, for an "and N more" line, and never sent half-cut.
//
// Promises: every box's heading and text, each line and the whole stay
// within the limits (counted in characters, see text_limits.h), with room
// kept for the "and N more" note and its box; lines are kept in order and
// a line is either whole (cut to line_chars) or left out, never split.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "report/digest.h"

namespace icetrack {

struct ChatLimits {
  size_t heading_chars = 0;  // one box's heading
  size_t box_chars = 0;      // one box's text (its lines, a newline between them)
  size_t line_chars = 0;     // one line, cut to fit
  size_t max_boxes = 0;      // boxes in the message, the note's included
  size_t total_chars = 0;    // headings and texts of every box, the note's included
  size_t note_chars = 0;     // what the note needs; 0: it goes outside the boxes
};

struct ChatBox {
  std::string heading;  // rendered; a section's later boxes say "(continued)"
  std::string text;     // rendered lines
};

struct PackedDigest {
  std::vector<ChatBox> boxes;
  size_t left_out = 0;  // lines that did not fit
};

// `heading` and `line` render the digest's text in the service's markup.
PackedDigest PackDigest(const Digest& digest, const ChatLimits& limits,
                        const std::function<std::string(const std::string&)>& heading,
                        const std::function<std::string(const DigestLine&)>& line);

}  // namespace icetrack

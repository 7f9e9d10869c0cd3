#include "alerts/slack_message.h"

#include <nlohmann/json.hpp>

#include "alerts/chat_packing.h"
#include "alerts/text_limits.h"
#include "model/ascii_text.h"

namespace icetrack {
namespace {

constexpr size_t kHeaderChars = 150;
constexpr size_t kSectionChars = 3000;
constexpr size_t kBlocks = 50;
constexpr size_t kTotalChars = 12000;
constexpr size_t kLineChars = 500;  // of a line's text: a hostile name cannot fill a message

// <url|MOA>: the characters that would end the link are percent-encoded.
std::string Link(const std::string& url) {
  std::string out;
  for (char c : url) {
    if (c == '|') out += "%7C";
    else if (c == '>') out += "%3E";
    else if (c == '<') out += "%3C";
    else if (c == ' ') out += "%20";
    else out += c;
  }
  return "<" + out + "|MOA>";
}

nlohmann::json Section(const ChatBox& box) {
  return {{"type", "section"}, {"text", {{"type", "mrkdwn"}, {"text", "*" + box.heading + "*\n" + box.text}}}};
}

}  // namespace

std::string SlackMessage(const Digest& digest) {
  ChatLimits limits;
  limits.heading_chars = kHeaderChars;
  limits.box_chars = kSectionChars - kHeaderChars - 3;  // "*heading*\n"
  limits.line_chars = kSectionChars - kHeaderChars - 3;  // lines are cut before they are rendered
  limits.max_boxes = kBlocks - 1;                        // the header block
  limits.total_chars = kTotalChars - kHeaderChars;
  limits.note_chars = 120;
  PackedDigest packed = PackDigest(
      digest, limits, [](const std::string& h) { return EscapeMarkupText(h); },
      [](const DigestLine& l) {
        // Cut before escaping, so that a cut never splits "&amp;" or a link.
        return "• " + EscapeMarkupText(CutToFit(l.text, kLineChars)) + (IsWebLink(l.url) ? " " + Link(l.url) : std::string());
      });
  nlohmann::json blocks = nlohmann::json::array();
  blocks.push_back({{"type", "header"},
                    {"text", {{"type", "plain_text"}, {"text", CutToFit(digest.title, kHeaderChars)}, {"emoji", false}}}});
  for (const ChatBox& box : packed.boxes) blocks.push_back(Section(box));
  if (packed.left_out > 0) {
    std::string note = "…and " + std::to_string(packed.left_out) + " more; `icetrack log` lists them all.";
    blocks.push_back({{"type", "context"}, {"elements", {{{"type", "mrkdwn"}, {"text", note}}}}});
  }
  nlohmann::json message = {{"text", EscapeMarkupText(CutToFit(digest.title, kSectionChars))},
                            {"blocks", blocks},
                            {"unfurl_links", false},
                            {"unfurl_media", false}};
  return message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace icetrack

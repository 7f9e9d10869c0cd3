#include "alerts/discord_message.h"

#include <cstring>

#include <nlohmann/json.hpp>

#include "alerts/chat_packing.h"
#include "alerts/text_limits.h"

namespace icetrack {
namespace {

constexpr size_t kContentChars = 2000;
constexpr size_t kEmbeds = 10;
constexpr size_t kTitleChars = 256;
constexpr size_t kDescriptionChars = 4096;
constexpr size_t kEmbedTotalChars = 6000;
constexpr size_t kLineChars = 500;  // of a line's text: a hostile name cannot fill a message

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::strchr("\\*_~`|<>[]", c) && c != '\0') out += '\\';
    out += c;
  }
  return out;
}

// [MOA](url): the characters that would end the link are percent-encoded.
std::string Link(const std::string& url) {
  std::string out;
  for (char c : url) {
    if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else if (c == ' ') out += "%20";
    else out += c;
  }
  return "[MOA](" + out + ")";
}

}  // namespace

std::string DiscordMessage(const Digest& digest) {
  ChatLimits limits;
  limits.heading_chars = kTitleChars;
  limits.box_chars = kDescriptionChars;
  limits.line_chars = kDescriptionChars;  // lines are cut before they are rendered
  limits.max_boxes = kEmbeds;
  limits.total_chars = kEmbedTotalChars - 200;  // a margin for how Discord counts
  limits.note_chars = 0;                         // the note goes in the content
  PackedDigest packed = PackDigest(
      digest, limits, [](const std::string& h) { return h; },  // embed titles are plain text
      [](const DigestLine& l) {
        // Cut before escaping, so that a cut never splits an escape or a link.
        return "• " + Escape(CutToFit(l.text, kLineChars)) + (IsWebLink(l.url) ? " " + Link(l.url) : std::string());
      });
  std::string content = "**" + Escape(CutToFit(digest.title, 300)) + "**";
  if (packed.left_out > 0)
    content += "\n…and " + std::to_string(packed.left_out) + " more; `icetrack log` lists them all.";
  nlohmann::json embeds = nlohmann::json::array();
  for (const ChatBox& box : packed.boxes) embeds.push_back({{"title", box.heading}, {"description", box.text}});
  nlohmann::json message = {{"content", CutToFit(content, kContentChars)},
                            {"embeds", embeds},
                            {"allowed_mentions", {{"parse", nlohmann::json::array()}}}};
  return message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace icetrack

#include "alerts/chat_packing.h"

#include "alerts/text_limits.h"

namespace icetrack {
namespace {

// The boxes being filled, and what they have used of the message's limits.
class Packer {
 public:
  explicit Packer(const ChatLimits& limits)
      : limits_(limits),
        // The note's box and characters are kept free from the start (a note of
        // no characters goes elsewhere, e.g. Discord's content, and needs no box).
        box_budget_(limits.note_chars > 0 && limits.max_boxes > 0 ? limits.max_boxes - 1 : limits.max_boxes),
        char_budget_(limits.total_chars > limits.note_chars ? limits.total_chars - limits.note_chars : 0) {}

  void OpenSection(std::string heading) {
    heading_ = CutToFit(heading, limits_.heading_chars);
    open_ = false;
  }

  // False when the line does not fit (nor does anything after it).
  bool Add(const std::string& rendered) {
    if (full_) return false;
    std::string line = CutToFit(rendered, limits_.line_chars);
    size_t cost = CharCount(line);
    if (open_ && CharCount(out_.boxes.back().text) + 1 + cost <= limits_.box_chars) {
      if (used_ + 1 + cost > char_budget_) return Stop();
      out_.boxes.back().text += "\n" + line;
      used_ += 1 + cost;
      return true;
    }
    std::string heading = open_ ? Continued() : heading_;
    size_t box_cost = CharCount(heading) + cost;
    if (out_.boxes.size() >= box_budget_ || used_ + box_cost > char_budget_ || cost > limits_.box_chars)
      return Stop();
    out_.boxes.push_back({heading, line});
    used_ += box_cost;
    open_ = true;
    return true;
  }

  // The heading of a section's later boxes: " (continued)" always shows.
  std::string Continued() const {
    const std::string suffix = " (continued)";
    size_t room = limits_.heading_chars > CharCount(suffix) + 1 ? limits_.heading_chars - CharCount(suffix) : 1;
    return CutToFit(heading_, room) + suffix;
  }

  PackedDigest Take(size_t left_out) {
    out_.left_out = left_out;
    return std::move(out_);
  }

 private:
  bool Stop() {
    full_ = true;
    return false;
  }

  ChatLimits limits_;
  size_t box_budget_, char_budget_;
  size_t used_ = 0;
  std::string heading_;
  bool open_ = false, full_ = false;  // open_: the last box is this section's
  PackedDigest out_;
};

}  // namespace

PackedDigest PackDigest(const Digest& digest, const ChatLimits& limits,
                        const std::function<std::string(const std::string&)>& heading,
                        const std::function<std::string(const DigestLine&)>& line) {
  Packer packer(limits);
  size_t left_out = 0;
  for (const DigestSection& section : digest.sections) {
    packer.OpenSection(heading(section.heading));
    for (const DigestLine& l : section.lines) {
      if (!packer.Add(line(l))) ++left_out;
    }
  }
  return packer.Take(left_out);
}

}  // namespace icetrack

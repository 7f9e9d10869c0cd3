#include "fetcher/as_of_totals.h"

#include "model/ascii_text.h"

#include <array>
#include <cctype>
#include <regex>

namespace icetrack {
namespace {


// NBSP (U+00A0) reads as a space in these sentences.
std::string Normalize(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == "\xC2\xA0") {
      out += ' ';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// A count in a sentence: digits with thousands commas, or a number word.
const char* const kNumber = R"(\b([0-9][0-9,]*|[A-Za-z]+(?:-[A-Za-z]+)?))";

// std::regex backtracks recursively; a totals sentence is short, and a
// paragraph this long is not one.
const size_t kMaxParagraph = 4000;
// ICE's page has a handful of "As of" paragraphs; a page with thousands
// (hostile, within the page cap) would cost minutes of regex searching. The
// first ones are read.
const int kMaxCandidates = 64;

std::optional<int> FirstCount(const std::string& text, const std::regex& pattern) {
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
    std::optional<int> n = ParseCount((*it)[1].str());
    if (n) return n;
  }
  return std::nullopt;
}

// The agencies of one model: "JEM agreements with 76", "WSO with 75". The gap
// before "with" holds no digits, so "12 pending JEM agreements, 25 ..." never matches.
std::regex ModelPattern(const char* names) {
  return std::regex(std::string(R"(\b(?:)") + names + R"()\b[^0-9;]{0,80}?\bwith\s+)" + kNumber + R"(\b)",
                    std::regex::icase);
}

struct StatedModels {
  std::optional<int> jem, wso, tfm;
};

StatedModels ReadModelCounts(const std::string& text) {
  static const std::regex jem = ModelPattern("JEM|Jail Enforcement Model");
  static const std::regex wso = ModelPattern("WSO|Warrant Service Officer");
  static const std::regex tfm = ModelPattern("TFM|Task Force Model");
  return {FirstCount(text, jem), FirstCount(text, wso), FirstCount(text, tfm)};
}

std::optional<int> TotalMoas(const std::string& text) {
  static const std::regex pattern(
      std::string(kNumber) + R"(\s+(?:Memorand(?:ums|um|a)\s+of\s+Agreement|MOAs)\b)",
      std::regex::icase);
  return FirstCount(text, pattern);
}

std::optional<int> PendingCount(const std::string& text) {
  static const std::regex pattern(
      std::string(kNumber) + R"(\s+(?:pending\s+)?(?:287\(g\)\s+)?(?:program\s+)?applications\b)",
      std::regex::icase);
  return FirstCount(text, pattern);
}

// "As of June 5, 2025, at 4 p.m." from "As of June 5, 2025, at 4 p.m., ICE has ...":
// the phrase ends where the sentence's subject begins.
std::string AsOfPhrase(const std::string& text) {
  static const std::regex pattern(R"(\bAs of\b.*?(?=,?\s+(?:ICE|the following)\b))",
                                  std::regex::icase);
  std::smatch m;
  if (!std::regex_search(text, m, pattern)) return {};
  return m.str(0);
}

}  // namespace

std::optional<int> ParseCount(std::string_view word) {
  if (word.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(word[0]))) {
    long long n = 0;
    for (char c : word) {
      if (c == ',') continue;
      if (!std::isdigit(static_cast<unsigned char>(c)) || n > 100000000) return std::nullopt;
      n = n * 10 + (c - '0');
    }
    return static_cast<int>(n);
  }
  static const std::array<const char*, 20> kOnes = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen"};
  static const std::array<const char*, 8> kTens = {"twenty", "thirty", "forty", "fifty",
                                                   "sixty",  "seventy", "eighty", "ninety"};
  std::string lower = LowerAscii(word);
  for (size_t i = 0; i < kOnes.size(); ++i)
    if (lower == kOnes[i]) return static_cast<int>(i);
  std::string tens = lower.substr(0, lower.find('-'));
  std::string ones = lower.find('-') == std::string::npos ? "" : lower.substr(lower.find('-') + 1);
  for (size_t t = 0; t < kTens.size(); ++t) {
    if (tens != kTens[t]) continue;
    if (ones.empty()) return static_cast<int>(20 + 10 * t);
    for (size_t o = 1; o < 10; ++o)
      if (ones == kOnes[o]) return static_cast<int>(20 + 10 * t + o);
  }
  return std::nullopt;
}

AsOfTotals ReadAsOfTotals(const std::vector<std::string>& text_blocks) {
  AsOfTotals totals;
  bool have_models = false, have_pending = false;
  int candidates = 0;
  for (const std::string& block : text_blocks) {
    std::string text = Normalize(block);
    std::string lower = LowerAscii(text);
    if (text.size() > kMaxParagraph || lower.find("as of") == std::string::npos) continue;
    if (++candidates > kMaxCandidates || (have_models && have_pending)) break;
    if (!have_models) {
      StatedModels counts = ReadModelCounts(text);
      if (counts.jem || counts.wso || counts.tfm) {
        have_models = true;
        totals.jem = counts.jem;
        totals.wso = counts.wso;
        totals.tfm = counts.tfm;
        totals.total_moas = TotalMoas(text);
        totals.as_of = AsOfPhrase(text);
        totals.participating_text = text;
      }
    }
    if (!have_pending && lower.find("pending") != std::string::npos) {
      totals.pending = PendingCount(text);
      if (totals.pending) {
        have_pending = true;
        totals.pending_as_of = AsOfPhrase(text);
        totals.pending_text = text;
      }
    }
  }
  return totals;
}

}  // namespace icetrack

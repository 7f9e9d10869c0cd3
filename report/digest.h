// Digest: what one alert message says — the events of a run (or of several,
// when deliveries waited) as a reader takes them in: grouped by kind, the
// kinds people care about first, each group headed by a count and its
// states ("3 agreements signed: FL 2, TX 1"), each line with the agency, its
// state and model, the SIGNED date, the MOA link and the publication it came
// from. The first publication of a list is one short notice ("now tracking
// 571 agreements"), never a listing. Text and HTML come from the same
// sections; channels (alerts/) fit them to their own limits.
#pragma once

#include <string>
#include <vector>

#include "model/language.h"
#include "model/stored_event.h"

namespace icetrack {

struct DigestLine {
  std::string text;  // one line, without the link
  std::string url;   // the MOA to link, "" when none; each format writes it its own way
};

struct DigestSection {
  std::string heading;            // "3 agreements signed: FL 2, TX 1"
  std::vector<DigestLine> lines;  // one per event; none for a short notice
};

struct Digest {
  std::string title;  // "icetrack: 3 agreements signed, 1 removed (ICE 287(g))"
  std::vector<DigestSection> sections;
  size_t events = 0;
  Language language = Language::English;

  std::string Text() const;  // sections as plain text, a blank line between them
  std::string Html() const;  // one self-contained HTML document
};

// `test`: a sample, its title saying so. An empty `events` gives an empty digest (no sections).
Digest BuildDigest(const std::vector<StoredEvent>& events, bool test = false, Language language = Language::English);

// Events that show how a digest looks, for `icetrack alerts test` and `preview`.
std::vector<StoredEvent> SampleEvents();

// Whether `url` may become a link (http or https): a workbook's "javascript:" stays text.
bool IsWebLink(const std::string& url);

// "<" as "&lt;", and so on, for HTML text and attributes (report/markup_text.h).
std::string EscapeHtml(const std::string& text);

}  // namespace icetrack

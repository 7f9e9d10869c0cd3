// The change log as an Atom feed (RFC 4287): an entry an event, newest
// first, each with an id that never changes (a tag URI, RFC 4151, made of
// the event's uid, which is the same in every database and every rebuild),
// its publication's time as `updated`, a title a person reads in a feed
// reader ("Signed: Polk County Sheriff's Office, FL (JEM)") and a link to
// its MOA, else to ICE's page. Formats only; never throws; always
// well-formed (report/markup_text.h).
#pragma once

#include <string>
#include <vector>

#include "model/language.h"
#include "model/stored_event.h"

namespace icetrack {

struct AtomOptions {
  std::string title;            // "" = "287(g) agreements: changes", in `language`
  std::string self_url;        // where the feed is published; "" = no rel="self" link
  std::string updated;         // the feed's time when it has no entry (ISO-8601 UTC)
  size_t max_entries = 500;    // the newest; a feed reader wants news, not the archive
  Language language = Language::English;  // of the titles (the summaries are the log's lines)
};

// "tag:icetrack.events,2025:<uid>": the same for an event in every export.
std::string EventTagUri(const StoredEvent& e);
// "Signed: Polk County Sheriff's Office, FL (JEM)"
std::string EventTitle(const StoredEvent& e, Language language = Language::English);
// `events` in any order; the feed takes the newest.
std::string AtomFeed(const std::vector<StoredEvent>& events, const AtomOptions& options);

}  // namespace icetrack

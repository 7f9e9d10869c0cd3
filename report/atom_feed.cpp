#include "report/atom_feed.h"

#include <algorithm>

#include "model/ice_page.h"
#include "report/agreement_story.h"
#include "report/digest.h"
#include "report/event_format.h"
#include "report/markup_text.h"
#include "report/translate.h"

namespace icetrack {

namespace {

constexpr char kFeedId[] = "tag:icetrack.events,2025:feed";

std::string Capitalized(std::string words) {
  if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') words[0] = static_cast<char>(words[0] - 'a' + 'A');
  return words;
}

std::string Entry(const StoredEvent& e, Language l) {
  const ChangeEvent& c = e.event;
  std::string link = IsWebLink(c.moa_url) ? c.moa_url : kIcePageUrl;
  std::string out = "  <entry>\n";
  out += "    <id>" + MarkupText(EventTagUri(e)) + "</id>\n";
  out += "    <title>" + MarkupText(EventTitle(e, l)) + "</title>\n";
  out += "    <updated>" + MarkupText(e.at) + "</updated>\n";
  out += "    <link rel=\"alternate\" href=\"" + MarkupText(link) + "\"/>\n";
  out += "    <category term=\"" + std::string(ToString(c.kind)) + "\"/>\n";
  out += "    <summary>" + MarkupText(EventLine(e)) + "</summary>\n";
  out += "  </entry>\n";
  return out;
}

}  // namespace

std::string EventTagUri(const StoredEvent& e) { return "tag:icetrack.events,2025:" + e.uid; }

std::string EventTitle(const StoredEvent& e, Language l) {
  const ChangeEvent& c = e.event;
  std::string title = Capitalized(StoryWords(c, l));
  if (c.agency.empty()) return title + (c.detail.empty() ? "" : ": " + c.detail);
  title += ": " + c.agency;
  if (!c.state_code.empty()) title += ", " + c.state_code;
  if (c.model != Model::Unknown) title += std::string(" (") + ToString(c.model) + ")";
  return title;
}

std::string AtomFeed(const std::vector<StoredEvent>& events, const AtomOptions& o) {
  std::vector<const StoredEvent*> newest;
  for (const StoredEvent& e : events) newest.push_back(&e);
  std::stable_sort(newest.begin(), newest.end(), [](const StoredEvent* a, const StoredEvent* b) {
    return a->at != b->at ? a->at > b->at : a->id > b->id;
  });
  if (newest.size() > o.max_entries) newest.resize(o.max_entries);
  std::string updated = newest.empty() ? o.updated : newest.front()->at;
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + std::string(ToString(o.language)) + "\">\n";
  out += "  <id>" + std::string(kFeedId) + "</id>\n";
  std::string title = o.title.empty() ? Tr(o.language, "287(g) agreements: changes") : o.title;
  out += "  <title>" + MarkupText(title) + "</title>\n";
  out += "  <updated>" + MarkupText(updated) + "</updated>\n";
  out += "  <author><name>icetrack</name></author>\n";
  out += "  <link rel=\"alternate\" href=\"" + std::string(kIcePageUrl) + "\"/>\n";
  if (!o.self_url.empty()) out += "  <link rel=\"self\" href=\"" + MarkupText(o.self_url) + "\"/>\n";
  out += "  <generator>icetrack</generator>\n";
  for (const StoredEvent* e : newest) out += Entry(*e, o.language);
  out += "</feed>\n";
  return out;
}

}  // namespace icetrack

// An agreement's story as a reader tells it: the events of an agency on both
// lists, oldest first, each in the words a reader expects ("applied",
// "approved", "signed", "MOA published") instead of the change log's kinds.
// Pure text from values: never fails.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/agreement_history.h"
#include "model/language.h"
#include "model/stored_event.h"

namespace icetrack {

// "approved" for an application that left the pending list signed, "on the
// pending list" for one that was there at the first publication, …
std::string StoryWords(const ChangeEvent& e, Language language = Language::English);

// One step: "2025-03-05  approved — signed 2025-03-01, pending since 2025-02-10".
std::string StoryLine(const StoredEvent& e, Language language = Language::English);

// The events of one agency's agreements merged into one story: oldest first,
// and where two fall on one publication, the pending list's step first (the
// application is approved, then the agreement signed).
std::vector<StoredEvent> MergeStory(const std::vector<std::vector<StoredEvent>>& histories);

// What `icetrack show` prints: the agreements grouped by agency (its pending
// application and its agreements, whatever the model), each agency's
// agreements in a line each, then its story.
std::string ShowText(const std::vector<AgreementHistory>& found);
// An array of the agreements, each with its events and its "story" (the
// events' dates and words, its own events only).
nlohmann::ordered_json ShowJson(const std::vector<AgreementHistory>& found);

}  // namespace icetrack

#include "tests/alerts/digest_events.h"

#include <string>

namespace icetrack::test {

std::vector<StoredEvent> SignedEvents(int n) {
  static const char* kStates[] = {"FL", "TX", "GA", "NC", "TN", "OK"};
  std::vector<StoredEvent> out;
  for (int i = 0; i < n; ++i) {
    StoredEvent s;
    s.id = i + 1;
    s.uid = "uid" + std::to_string(i);
    s.snapshot_id = 7;
    s.at = "2026-03-05T16:49:28Z";
    ChangeEvent& e = s.event;
    e.kind = EventKind::Signed;
    e.state_code = kStates[i % 6];
    e.agency = "Agency number " + std::to_string(i) + " County Sheriff's Office";
    e.county = "Number " + std::to_string(i) + " County";
    e.model = Model::TFM;
    e.signed_date = "2026-03-01";
    e.moa_url = "https://www.ice.gov/doclib/287gMOA/Agency" + std::to_string(i) + "_TFM_MOA.pdf";
    e.key = "key" + std::to_string(i);
    out.push_back(s);
  }
  return out;
}

}  // namespace icetrack::test

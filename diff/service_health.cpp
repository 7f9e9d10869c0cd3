#include "diff/service_health.h"

#include "model/fetch_outcome.h"

namespace icetrack {
namespace {

std::string Ago(UtcTime now, const std::string& iso) {
  UtcTime t;
  if (!ParseIsoTime(iso, &t)) return "never";
  int64_t s = now.seconds - t.seconds;
  if (s < 0) s = 0;
  if (s >= 2 * 86400) return std::to_string(s / 86400) + " days ago";
  if (s >= 2 * 3600) return std::to_string(s / 3600) + " hours ago";
  return std::to_string(s / 60) + " minutes ago";
}

bool OlderThan(UtcTime now, const std::string& iso, int64_t seconds) {
  UtcTime t;
  return !ParseIsoTime(iso, &t) || now.seconds - t.seconds > seconds;
}

// The page was read after the list was last checked: with no source failing,
// the page no longer links the list (ICE stopped publishing its pending
// applications in 2026). The participating list must always be there.
bool PageDropped(const Health& h, const ListStanding& l) {
  FetchOutcome outcome;
  if (!ParseFetchOutcome(h.last_run_outcome, &outcome)) return false;
  bool read = outcome == FetchOutcome::Ok || outcome == FetchOutcome::NotModified || outcome == FetchOutcome::Duplicate;
  UtcTime page, list;
  return read && ParseIsoTime(h.last_run_at, &page) && (!ParseIsoTime(l.last_check_at, &list) || list.seconds < page.seconds);
}

void Worsen(Health* h, HealthVerdict v) {
  if (static_cast<int>(v) > static_cast<int>(h->verdict)) h->verdict = v;
}

}  // namespace

void JudgeHealth(UtcTime now, Health* h) {
  h->verdict = HealthVerdict::Healthy;
  h->problems.clear();
  std::vector<std::string> failing, stale, other;
  for (const auto& [source, s] : h->sources) {
    if (s.failures > 0)
      failing.push_back(source + ": failed in the last " + std::to_string(s.failures) + " run(s), since " +
                        s.failing_since + ": " + s.last_error);
  }
  for (const ListStanding& l : h->lists) {
    for (const HeldSnapshot& q : l.quarantined)
      failing.push_back(std::string(ToString(l.list)) + ": publication " + q.published_at + " is quarantined (" +
                        q.note + "): review it, then `icetrack accept " + std::to_string(q.id) + "`");
    if (!OlderThan(now, l.last_check_at, h->stale_after_seconds)) continue;
    std::string name = ToString(l.list);
    if (!PageDropped(*h, l))
      stale.push_back(name + ": last checked " + Ago(now, l.last_check_at));
    else if (l.list == ListKind::Participating)
      stale.push_back(name + ": the page has not linked it since " + Ago(now, l.last_check_at));
    else
      other.push_back(name + ": the page no longer links it (last seen " + Ago(now, l.last_check_at) +
                      "); its last publication stays as it was");
  }
  if (h->lists.empty()) stale.push_back("no list was ever read: run `icetrack run`");
  if (!h->next_run_due.empty() && OlderThan(now, h->next_run_due, h->stale_after_seconds))
    stale.push_back("the next run was due " + Ago(now, h->next_run_due) + ": is the timer or the daemon running?");
  if (h->outbox.failed + h->outbox.expired > 0)
    other.push_back(std::to_string(h->outbox.failed + h->outbox.expired) +
                    " alert deliveries failed or expired (`icetrack alerts list`)");
  if (!failing.empty()) Worsen(h, HealthVerdict::Failing);
  if (!stale.empty()) Worsen(h, HealthVerdict::Stale);
  for (auto* group : {&failing, &stale, &other}) h->problems.insert(h->problems.end(), group->begin(), group->end());
}

}  // namespace icetrack

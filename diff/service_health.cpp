#include "diff/service_health.h"

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
    if (OlderThan(now, l.last_check_at, h->stale_after_seconds))
      stale.push_back(std::string(ToString(l.list)) + ": last checked " + Ago(now, l.last_check_at));
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

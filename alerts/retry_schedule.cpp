#include "alerts/retry_schedule.h"

#include <algorithm>

namespace icetrack {
namespace {

std::string SpanText(int64_t seconds) {
  if (seconds % 86400 == 0) return std::to_string(seconds / 86400) + "d";
  if (seconds % 3600 == 0) return std::to_string(seconds / 3600) + "h";
  if (seconds % 60 == 0) return std::to_string(seconds / 60) + "m";
  return std::to_string(seconds) + "s";
}

void Expire(Delivery* d, const std::string& why) {
  d->status = DeliveryStatus::Expired;
  d->next_attempt_at.clear();
  d->last_error = why + "; last error: " + d->last_error;
}

// The schedule is a timeline from its start: the wait is the step the
// elapsed time has reached (so a late attempt, under an hourly cron, does
// not restart at 5 s), and the last step repeats until give_up_after.
int64_t ScheduledWait(const std::vector<int64_t>& schedule, int64_t elapsed) {
  int64_t spent = 0;
  for (int64_t step : schedule) {
    if (spent + step > elapsed) return step;
    spent += step;
  }
  return schedule.back();
}

}  // namespace

Delivery AfterAttempt(Delivery d, const AttemptOutcome& outcome, const std::vector<int64_t>& schedule,
                      int64_t give_up_after, UtcTime now, double jitter) {
  d.attempts += 1;
  d.last_attempt_at = FormatIsoTime(now);
  d.last_error = outcome.error;
  d.next_attempt_at.clear();
  switch (outcome.result) {
    case AttemptResult::Delivered:
      d.status = DeliveryStatus::Delivered;
      d.delivered_at = d.last_attempt_at;
      return d;
    case AttemptResult::Failed:
    case AttemptResult::Gone:
      d.status = DeliveryStatus::Failed;
      return d;
    case AttemptResult::Retry:
      break;
  }
  UtcTime start;
  if (!ParseIsoTime(d.schedule_from, &start)) start = now;
  if (schedule.empty()) {
    Expire(&d, "not retried (retry = [])");
    return d;
  }
  int64_t base = ScheduledWait(schedule, now.seconds - start.seconds);
  int64_t wait = base + static_cast<int64_t>(static_cast<double>(base) * 0.1 * jitter);
  if (outcome.retry_after) wait = std::max(wait, *outcome.retry_after);
  UtcTime next{now.seconds + wait};
  if (next.seconds - start.seconds > give_up_after) {
    Expire(&d, "gave up after " + std::to_string(d.attempts) + " attempts (give_up_after = " +
                   SpanText(give_up_after) + ")");
    return d;
  }
  d.status = DeliveryStatus::Pending;
  d.next_attempt_at = FormatIsoTime(next);
  return d;
}

}  // namespace icetrack

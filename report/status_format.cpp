#include "report/status_format.h"

namespace icetrack {
namespace {

nlohmann::ordered_json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
}

std::string Or(const std::string& s, const char* none) { return s.empty() ? none : s; }

std::string ListLine(const ListStanding& l) {
  std::string line = std::string(ToString(l.list)) + ": ";
  if (l.latest_snapshot)
    line += std::to_string(l.rows) + " rows (JEM " + std::to_string(l.jem) + ", TFM " + std::to_string(l.tfm) +
            ", WSO " + std::to_string(l.wso) + (l.no_model ? ", no model " + std::to_string(l.no_model) : "") +
            ") as published " + l.latest_published + " (#" + std::to_string(l.latest_snapshot) + ")";
  else
    line += "no publication accepted yet";
  return line + "; last checked " + Or(l.last_check_at, "never");
}

}  // namespace

std::vector<std::string> StatusLines(const Health& h) {
  std::vector<std::string> lines;
  lines.push_back("icetrack is " + std::string(ToString(h.verdict)) + " (" + h.now + ")");
  lines.push_back("last run: " + Or(h.last_run_at, "never") +
                  (h.last_run_outcome.empty() ? "" : " (page " + h.last_run_outcome + ")") +
                  (h.next_run_due.empty() ? "" : "; next due by " + h.next_run_due));
  for (const ListStanding& l : h.lists) lines.push_back(ListLine(l));
  const OutboxStanding& o = h.outbox;
  lines.push_back("alerts: " + std::to_string(o.pending) + " pending" +
                  (o.oldest_pending.empty() ? "" : " (oldest " + o.oldest_pending + ")") + ", " +
                  std::to_string(o.waiting_items) + " events waiting, " + std::to_string(o.failed) + " failed, " +
                  std::to_string(o.expired) + " expired, " + std::to_string(o.delivered) + " delivered");
  for (const std::string& p : h.problems) lines.push_back("problem: " + p);
  return lines;
}

nlohmann::ordered_json StatusJson(const Health& h) {
  nlohmann::ordered_json lists = nlohmann::ordered_json::array();
  for (const ListStanding& l : h.lists) {
    nlohmann::ordered_json held = nlohmann::ordered_json::array();
    for (const HeldSnapshot& q : l.quarantined)
      held.push_back({{"snapshot", q.id}, {"published_at", q.published_at}, {"note", q.note},
                      {"release", "icetrack accept " + std::to_string(q.id)}});
    lists.push_back({{"list", ToString(l.list)},
                     {"last_check_at", OrNull(l.last_check_at)},
                     {"latest_published", OrNull(l.latest_published)},
                     {"latest_snapshot", l.latest_snapshot ? nlohmann::ordered_json(l.latest_snapshot) : nullptr},
                     {"rows", l.rows},
                     {"models", {{"JEM", l.jem}, {"TFM", l.tfm}, {"WSO", l.wso}, {"none", l.no_model}}},
                     {"quarantined", held}});
  }
  nlohmann::ordered_json sources = nlohmann::ordered_json::object();
  for (const auto& [name, s] : h.sources)
    sources[name] = {{"failures", s.failures}, {"failing_since", OrNull(s.failing_since)},
                     {"last_error", OrNull(s.last_error)}, {"reported", s.reported}};
  const OutboxStanding& o = h.outbox;
  return {{"verdict", ToString(h.verdict)},
          {"problems", h.problems},
          {"now", h.now},
          {"page", h.page_url},
          {"last_run", {{"at", OrNull(h.last_run_at)}, {"outcome", OrNull(h.last_run_outcome)},
                        {"error", OrNull(h.last_run_error)}}},
          {"next_run_due", OrNull(h.next_run_due)},
          {"lists", lists},
          {"sources", sources},
          {"outbox", {{"pending", o.pending}, {"oldest_pending", OrNull(o.oldest_pending)},
                      {"next_due", OrNull(o.next_due)}, {"waiting_events", o.waiting_items}, {"failed", o.failed},
                      {"expired", o.expired}, {"delivered", o.delivered}}}};
}

}  // namespace icetrack

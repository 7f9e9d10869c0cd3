// `icetrack alerts preview`: what each target would be sent, rendered and
// not sent — the events waiting in the outbox, or with --since those since
// then as each target's filter picks them. --raw prints the message exactly
// as its channel would carry it (the email, the webhook body, the Slack or
// Discord JSON).
#include <iostream>
#include <memory>
#include <optional>

#include "alerts/alert_filter.h"
#include "alerts/discord_message.h"
#include "alerts/email_message.h"
#include "alerts/slack_message.h"
#include "alerts/webhook.h"
#include "app/alerts_command.h"
#include "app/exit_codes.h"
#include "app/store_option.h"
#include "app/time_option.h"
#include "report/digest.h"

namespace icetrack {
namespace {

struct PreviewOptions {
  StoreChoice store;
  std::optional<std::string> since, target;
  bool raw = false;
};

std::string RawMessage(const AlertTarget& t, const Digest& digest, const std::vector<StoredEvent>& events) {
  Delivery d;
  d.id = "msg_preview";
  d.target = t.name;
  d.created_at = NowUtc();
  switch (t.channel) {
    case Channel::Email: return EmailMessage(d, digest, t.from, t.to);
    case Channel::Webhook: return WebhookBody(d, digest, events, false) + "\n";
    case Channel::Slack: return SlackMessage(digest) + "\n";
    case Channel::Discord: return DiscordMessage(digest) + "\n";
    case Channel::Apprise: return digest.title + "\n\n" + digest.Text();
  }
  return "";
}

// The waiting events of `t`, or (with --since) those of `since` its filter wants.
std::vector<StoredEvent> EventsFor(const PreviewOptions& o, const AlertTarget& t,
                                   const std::map<std::string, std::vector<StoredEvent>>& waiting,
                                   const std::vector<StoredEvent>& since) {
  std::vector<StoredEvent> out;
  if (!o.since) {
    auto it = waiting.find(t.name);
    if (it != waiting.end()) out = it->second;
    return out;
  }
  for (auto it = since.rbegin(); it != since.rend(); ++it) {  // oldest first, as a digest reads
    if (t.enabled && Wants(t.filter, it->event)) out.push_back(*it);
  }
  return out;
}

int RunPreview(const PreviewOptions& o) {
  Config config;
  std::string path;
  if (int code = ResolveStore(o.store, &config, &path)) return code;
  EventFilter filter;
  if (o.since) {
    UtcTime now;
    ParseIsoTime(NowUtc(), &now);
    Status s = ParseTimeOption("--since", *o.since, now, TimeEdge::Start, &filter.since.emplace());
    if (!s.ok()) {
      std::cerr << "icetrack: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  if (o.target && !config.FindAlert(*o.target)) {
    std::cerr << "icetrack: no [[alert]] named \"" << *o.target << "\" in "
              << (config.file.empty() ? std::string("the configuration (there is none)") : config.file) << "\n";
    return kExitUsage;
  }
  if (config.alerts.empty()) {
    std::cerr << "icetrack: no alert targets: the configuration has no [[alert]]\n";
    return kExitUsage;
  }
  std::unique_ptr<Store> store;
  if (int code = OpenPathForReading(path, &store)) return code;
  std::map<std::string, std::vector<StoredEvent>> waiting;
  std::vector<StoredEvent> since;
  Status s = o.since ? store->Events(filter, &since) : store->WaitingEvents(&waiting);
  for (const AlertTarget& t : config.alerts) {
    if (!s.ok() || (o.target && t.name != *o.target)) continue;
    std::vector<StoredEvent> events = EventsFor(o, t, waiting, since);
    std::cout << "== " << t.name << " (" << ToString(t.channel) << ", " << t.ShownUrl() << "): " << events.size()
              << (events.size() == 1 ? " event" : " events") << " ==\n";
    if (events.empty()) {
      std::cout << "(nothing would be sent)\n\n";
      continue;
    }
    Digest digest = BuildDigest(events, false, t.language);
    if (o.raw) std::cout << RawMessage(t, digest, events) << "\n";
    else std::cout << digest.title << "\n\n" << digest.Text() << "\n";
  }
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  return kExitOk;
}

}  // namespace

void AddAlertsPreviewCommand(CLI::App* alerts, int* exit_code) {
  auto o = std::make_shared<PreviewOptions>();
  CLI::App* cmd = alerts->add_subcommand("preview", "Show what each target would be sent, without sending it");
  AddStoreOptions(cmd, &o->store);
  cmd->add_option("--since", o->since, "The events since then, through each target's filter (default: those waiting)");
  cmd->add_option("--target", o->target, "Only this [[alert]]");
  cmd->add_flag("--raw", o->raw, "The message as its channel carries it (email, JSON)");
  cmd->callback([o, exit_code] { *exit_code = RunPreview(*o); });
}

}  // namespace icetrack

// AlertTarget: one place an alert goes ([[alert]] in the configuration), and
// which events it wants. Plain values; the configuration reader (app/config.h)
// makes them, the senders (sender.h) use them.
//
// Secrets (an SMTP password, a webhook's signing secret) are held here
// resolved, in memory only: nothing in icetrack writes them anywhere (logs,
// errors, `config check`, the database); Masked() is how they are shown.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/change_event.h"
#include "model/language.h"
#include "alerts/mailbox.h"
#include "model/roster.h"
#include "net/smtp_client.h"  // TlsMode

namespace icetrack {

enum class Channel { Email, Webhook, Slack, Discord, Apprise };
const char* ToString(Channel channel);  // "email", "webhook", "slack", "discord", "apprise"
bool ParseChannel(std::string_view text, Channel* out);

// Which events a target wants. Empty lists mean "any"; `kinds` empty means
// DefaultAlertKinds(). States, models, lists and `match` (text in the agency's
// or county's name, folded as keys are) apply to agreements, not to notices
// about the source, which only `kinds` filters.
struct AlertFilter {
  std::vector<std::string> states;  // USPS codes
  std::vector<Model> models;
  std::vector<EventKind> kinds;
  std::vector<ListKind> lists;
  std::vector<std::string> match;
};

// Every kind but `missing` (provisional: most come back) and `baseline` rows.
const std::vector<EventKind>& DefaultAlertKinds();

struct Secret {
  std::string value;   // resolved; never printed
  std::string source;  // where it came from, printable: "env ICETRACK_SMTP_PASSWORD", "file …", "inline"
  bool empty() const { return value.empty(); }
};

struct AlertTarget {
  std::string name;     // unique; names it in `icetrack alerts` and the outbox
  Channel channel = Channel::Webhook;
  bool enabled = true;  // false: checked, but told of nothing
  Language language = Language::English;  // of its digests (`lang`)
  std::string url;      // smtp(s)://host:port; http(s):// for webhooks, Slack, Discord; any Apprise URL
  // Email.
  Mailbox from;                     // "icetrack <icetrack@example.org>"
  std::vector<Mailbox> to;
  TlsMode tls = TlsMode::StartTls;
  std::string username;
  Secret password;
  std::string ca_file;              // a private CA for the SMTP server's certificate
  // Webhook: "whsec_" and the base64 of the signing key (Standard Webhooks).
  Secret secret;
  AlertFilter filter;
  std::vector<int64_t> retry;       // seconds before each retry, in order
  int64_t give_up_after = 3 * 86400;

  // What a person may see of a secret: its source and that it is set.
  static std::string Masked(const Secret& secret);
  // The URL as it may be shown: an SMTP server without user or password;
  // any other URL (Slack, Discord, Apprise and most webhooks carry a token
  // in it) as its scheme and host only: "https://hooks.slack.com/…".
  std::string ShownUrl() const;
};

// Standard Webhooks' schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
const std::vector<int64_t>& DefaultRetrySchedule();

}  // namespace icetrack

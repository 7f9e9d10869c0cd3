// SendMail: hands one finished RFC 5322 message to an SMTP server (libcurl).
//
// Promises: the connection is secured as `tls` says and never less —
// StartTls requires the server to offer STARTTLS (never opportunistic) and
// Tls speaks TLS from the first byte (smtps://); the server's certificate is
// verified (against `ca_file` when set). A password is refused without TLS,
// so AUTH never travels in clear. Every attempt is bounded by the timeouts.
// Nothing is retried here: the caller's outbox decides. Never throws; the
// error names the server (never a password) and says whether trying again
// can help: `permanent` for a 5xx reply, a refused login, a server without
// STARTTLS or a certificate that does not verify.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace icetrack {

// How an SMTP connection is secured: STARTTLS (required), TLS from the first
// byte (smtps://), or not at all (only when written, and never with a password).
enum class TlsMode { StartTls, Tls, None };
const char* ToString(TlsMode mode);  // "starttls", "tls", "none"
bool ParseTlsMode(std::string_view text, TlsMode* out);

struct SmtpEnvelope {
  std::string url;                   // smtp://host[:port] or smtps://host[:port]
  TlsMode tls = TlsMode::StartTls;
  std::string username, password;    // AUTH when username is set
  std::string ca_file;               // "" = the system's CAs
  std::string mail_from;             // a bare address: icetrack@example.org
  std::vector<std::string> rcpt_to;  // bare addresses
  std::chrono::milliseconds connect_timeout{15000};
  std::chrono::milliseconds total_timeout{60000};
  std::function<bool()> cancelled;   // true: abort now (see HttpClientOptions::cancelled)
};

struct SmtpOutcome {
  long reply = 0;          // the server's last reply code; 0 when none
  bool permanent = false;  // trying again cannot help
};

// Sends `message` (CRLF lines, headers included) to every recipient.
Status SendMail(const SmtpEnvelope& envelope, const std::string& message, SmtpOutcome* outcome);

}  // namespace icetrack

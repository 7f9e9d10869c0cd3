#include "net/smtp_client.h"

#include <cstring>

#include "model/enum_names.h"
#include "net/curl_handles.h"

namespace icetrack {
namespace {

constexpr EnumName<TlsMode> kTlsModes[] = {
    {TlsMode::StartTls, "starttls"}, {TlsMode::Tls, "tls"}, {TlsMode::None, "none"}};

// The message as libcurl's read callback takes it, a piece at a time.
struct Upload {
  const std::string* message;
  const std::function<bool()>* cancelled;
  size_t sent = 0;
};

int CheckCancelled(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* upload = static_cast<Upload*>(user);
  return *upload->cancelled && (*upload->cancelled)() ? 1 : 0;
}

size_t ReadMessage(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  size_t n = std::min(size * count, upload->message->size() - upload->sent);
  std::memcpy(buffer, upload->message->data() + upload->sent, n);
  upload->sent += n;
  return n;
}

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// "smtp://mail.example.org:587" as shown in errors: the URL without any user part.
std::string ServerOf(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@', scheme == std::string::npos ? 0 : scheme + 3);
  if (scheme == std::string::npos || at == std::string::npos) return url;
  return url.substr(0, scheme + 3) + url.substr(at + 1);
}

bool IsBareAddress(const std::string& a) {
  return !a.empty() && a.find('@') != std::string::npos &&
         a.find_first_of("<>\r\n \t,") == std::string::npos;
}

Status CheckEnvelope(const SmtpEnvelope& e) {
  std::string server = ServerOf(e.url);
  bool smtps = StartsWith(e.url, "smtps://");
  if (!smtps && !StartsWith(e.url, "smtp://"))
    return Status::Error(server + ": not an SMTP URL (smtp:// or smtps://)");
  if (smtps != (e.tls == TlsMode::Tls))
    return Status::Error(server + ": tls = \"" + ToString(e.tls) + "\" does not fit a" +
                         (smtps ? "n smtps://" : "n smtp://") + " URL");
  if (e.tls == TlsMode::None && !e.password.empty())
    return Status::Error(server + ": a password is never sent without TLS");
  if (e.url.find_first_of("\r\n") != std::string::npos) return Status::Error(server + ": line break in the URL");
  if (!IsBareAddress(e.mail_from)) return Status::Error(server + ": bad sender address \"" + e.mail_from + "\"");
  if (e.rcpt_to.empty()) return Status::Error(server + ": no recipient");
  for (const std::string& to : e.rcpt_to)
    if (!IsBareAddress(to)) return Status::Error(server + ": bad recipient address \"" + to + "\"");
  return Status::Ok();
}

bool Configure(CURL* curl, const SmtpEnvelope& e, const CurlHeaderList& recipients, Upload* upload,
               char* error_buffer) {
  bool ok = true;
  auto set = [&](CURLoption option, auto value) { ok = ok && Curl().easy_setopt(curl, option, value) == CURLE_OK; };
  set(CURLOPT_URL, e.url.c_str());
  set(CURLOPT_ERRORBUFFER, error_buffer);
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  set(CURLOPT_USE_SSL, static_cast<long>(e.tls == TlsMode::None ? CURLUSESSL_NONE : CURLUSESSL_ALL));
  set(CURLOPT_SSL_VERIFYPEER, 1L);
  set(CURLOPT_SSL_VERIFYHOST, 2L);
  if (!e.ca_file.empty()) set(CURLOPT_CAINFO, e.ca_file.c_str());
  if (!e.username.empty()) {
    set(CURLOPT_USERNAME, e.username.c_str());
    set(CURLOPT_PASSWORD, e.password.c_str());
  }
  set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(e.connect_timeout.count()));
  set(CURLOPT_TIMEOUT_MS, static_cast<long>(e.total_timeout.count()));
  std::string from = "<" + e.mail_from + ">";
  set(CURLOPT_MAIL_FROM, from.c_str());  // libcurl copies strings it is given
  set(CURLOPT_MAIL_RCPT, recipients.get());
  set(CURLOPT_UPLOAD, 1L);
  set(CURLOPT_READFUNCTION, &ReadMessage);
  set(CURLOPT_READDATA, static_cast<void*>(upload));
  set(CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(upload->message->size()));
  if (e.cancelled) {
    set(CURLOPT_NOPROGRESS, 0L);
    set(CURLOPT_XFERINFOFUNCTION, &CheckCancelled);
    set(CURLOPT_XFERINFODATA, static_cast<void*>(upload));
  }
  return ok;
}

bool IsPermanent(CURLcode code, long reply) {
  if (reply >= 500 && reply <= 599) return true;
  switch (code) {
    case CURLE_USE_SSL_FAILED:             // no STARTTLS offered
    case CURLE_LOGIN_DENIED:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return true;
    default:
      return false;
  }
}

std::string Describe(CURLcode code, long reply, const char* error_buffer) {
  if (code == CURLE_USE_SSL_FAILED) return "the server does not offer STARTTLS (tls = \"none\" allows a clear connection)";
  if (code == CURLE_ABORTED_BY_CALLBACK) return "stopped: icetrack was told to stop";
  std::string text = Curl().easy_strerror(code);
  std::string detail = error_buffer;
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == '\r')) detail.pop_back();
  if (!detail.empty() && detail != text) text += " (" + detail + ")";
  if (reply) text += ", last reply " + std::to_string(reply);
  return text;
}

}  // namespace

const char* ToString(TlsMode mode) { return NameIn(kTlsModes, mode); }
bool ParseTlsMode(std::string_view text, TlsMode* out) { return ValueIn(kTlsModes, text, out); }

Status SendMail(const SmtpEnvelope& envelope, const std::string& message, SmtpOutcome* outcome) {
  *outcome = SmtpOutcome();
  Status status = CheckEnvelope(envelope);
  if (!status.ok()) {
    outcome->permanent = true;
    return status;
  }
  std::string server = ServerOf(envelope.url);
  status = CurlGlobalInit();
  if (!status.ok()) return Status::Error(server + ": " + status.message());
  CurlEasy curl;
  CurlHeaderList recipients;
  bool listed = true;
  for (const std::string& to : envelope.rcpt_to) listed = listed && recipients.Append("<" + to + ">");
  if (!curl.get() || !listed) return Status::Error(server + ": out of memory");
  Upload upload{&message, &envelope.cancelled};
  char error_buffer[CURL_ERROR_SIZE] = {};
  if (!Configure(curl.get(), envelope, recipients, &upload, error_buffer)) {
    outcome->permanent = true;
    return Status::Error(server + ": libcurl refused an option (needs libcurl >= 7.85 with smtp and smtps)");
  }
  CURLcode code = Curl().easy_perform(curl.get());
  Curl().easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &outcome->reply);
  if (code == CURLE_OK) return Status::Ok();
  outcome->permanent = IsPermanent(code, outcome->reply);
  return Status::Error(server + ": " + Describe(code, outcome->reply, error_buffer));
}

}  // namespace icetrack

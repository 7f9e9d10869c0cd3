#include "app/alert_config.h"

#include <algorithm>
#include <set>

#include "alerts/webhook.h"
#include "app/language.h"
#include "app/option_values.h"
#include "app/secret_source.h"
#include "app/toml_table.h"
#include "fetcher/local_file.h"
#include "model/ascii_text.h"
#include "model/text_fold.h"
#include "model/utc_time.h"

namespace icetrack {
namespace {

const std::vector<std::string>& KnownKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k = {"name", "type", "enabled", "states", "models", "kinds", "lists", "match",
                                  "retry", "give_up_after", "from", "to", "tls", "username", "ca_file", "lang"};
    for (const char* secret : {"url", "password", "secret"}) {
      for (SecretForm f : {SecretForm::Inline, SecretForm::Env, SecretForm::File, SecretForm::Credential})
        k.push_back(std::string(secret) + KeySuffix(f));
    }
    return k;
  }();
  return keys;
}

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; }

std::string SchemeOf(const std::string& url) {
  size_t colon = url.find("://");
  return colon == std::string::npos ? "" : LowerAscii(url.substr(0, colon));
}

bool IsLoopback(const std::string& url) {
  for (const char* host : {"http://127.0.0.1:", "http://127.0.0.1/", "http://localhost:", "http://localhost/", "http://[::1]"}) {
    if (url.rfind(host, 0) == 0) return true;
  }
  return false;
}

std::string Resolved(const std::string& folder, const std::string& path) {
  return path.empty() || path[0] == '/' || folder.empty() ? path : folder + "/" + path;
}

// Reads one [[alert]] table.
class AlertReader {
 public:
  AlertReader(const AlertConfigContext& context, const toml::table& table, size_t index)
      : context_(context), table_(context.file, table, "alert[" + std::to_string(index) + "]") {}

  Status Read(AlertTarget* out, std::vector<std::string>* warnings) {
    t_ = out;
    ReadIdentity();
    table_.RejectUnknown(KnownKeys());
    ReadUrl();
    if (t_->channel == Channel::Email) ReadEmail();
    else RejectEmailKeys();
    if (t_->channel == Channel::Webhook) ReadSigningSecret();
    else if (table_.ok()) RejectKey("secret", "webhook");
    ReadFilter();
    ReadRetry();
    if (table_.ok() && inline_secret_ && !context_.file_is_private)
      warnings->push_back(context_.file + ": alert \"" + t_->name +
                          "\" has a secret written inline and the file is readable by others (chmod 600 it, or use "
                          "_env, _file or _credential)");
    return table_.status();
  }

 private:
  void ReadIdentity() {
    std::string type;
    if (!table_.String("name", &t_->name)) return table_.Fail("name", "every [[alert]] needs a name");
    if (t_->name.empty() || t_->name.size() > 64 || !std::all_of(t_->name.begin(), t_->name.end(), IsNameChar))
      return table_.Fail("name", "\"" + t_->name + "\" is not a name: letters, digits, '-', '_' and '.', up to 64");
    table_.set_name("alert \"" + t_->name + "\"");
    if (!table_.String("type", &type))
      return table_.Fail("type", "every [[alert]] needs a type: email, webhook, slack, discord or apprise");
    if (!ParseChannel(LowerAscii(type), &t_->channel))
      return table_.Fail("type", "\"" + type + "\" is not email, webhook, slack, discord or apprise");
    table_.Boolean("enabled", &t_->enabled);
    std::string lang;
    Status s;
    if (table_.String("lang", &lang) && !(s = ReadLanguage(lang, &t_->language)).ok()) table_.Fail("lang", s.message());
  }

  // One of `key`, key_env, key_file, key_credential; false when none is there.
  bool ReadSecret(const std::string& key, Secret* out) {
    if (!table_.ok()) return false;
    const SecretForm forms[] = {SecretForm::Inline, SecretForm::Env, SecretForm::File, SecretForm::Credential};
    std::string found;
    for (SecretForm form : forms) {
      std::string k = key + KeySuffix(form), reference;
      if (!table_.String(k, &reference)) continue;
      if (!found.empty()) {
        table_.Fail(k, "give " + key + " once: \"" + found + "\" is there too");
        return false;
      }
      found = k;
      secret_key_ = k;
      Status s = ResolveSecret(form, reference, context_.folder, out);
      if (!s.ok()) {
        table_.Fail(k, s.message());
        return false;
      }
      // A URL of Slack, Discord, Apprise or most webhooks holds a token too; an SMTP URL does not.
      if (form == SecretForm::Inline && (key != "url" || t_->channel != Channel::Email)) inline_secret_ = true;
    }
    return !found.empty();
  }

  void ReadSigningSecret() {
    if (!ReadSecret("secret", &t_->secret)) return;
    Status s = CheckWebhookSecret(t_->secret.value);
    if (!s.ok()) table_.Fail(secret_key_, s.message() + " (`openssl rand -base64 32` makes a key; put \"whsec_\" before it)");
  }

  void ReadUrl() {
    if (!table_.ok()) return;
    Secret url;
    if (!ReadSecret("url", &url)) {
      if (table_.ok()) table_.Fail("url", "every [[alert]] needs a url (or url_env, url_file, url_credential)");
      return;
    }
    t_->url = url.value;
    std::string scheme = SchemeOf(t_->url);
    size_t host = t_->url.find("://") + 3;
    bool has_host = !scheme.empty() && host < t_->url.size() && t_->url[host] != '/';
    bool bad = t_->url.find_first_of(" \t\r\n") != std::string::npos || !has_host;
    switch (t_->channel) {
      case Channel::Email:
        bad = bad || (scheme != "smtp" && scheme != "smtps");
        if (!bad && t_->url.find('@') != std::string::npos)
          return table_.Fail(secret_key_, "write the user in username and the password in password_env (or _file, "
                                          "_credential), not in the URL");
        if (bad) return table_.Fail(secret_key_, "an email target's url is smtp://host:port or smtps://host:port");
        break;
      case Channel::Apprise:
        if (bad) return table_.Fail(secret_key_, "not an Apprise URL (scheme://…, see `apprise --details`)");
        break;
      case Channel::Webhook:
        if (bad || (scheme != "https" && scheme != "http"))
          return table_.Fail(secret_key_, "a webhook target's url is an http(s) URL");
        break;
      default:  // Slack and Discord answer http with a redirect that would show the token: https only
        if (bad || (scheme != "https" && !(scheme == "http" && IsLoopback(t_->url))))
          return table_.Fail(secret_key_, std::string("a ") + ToString(t_->channel) +
                                              " target's url is an https URL (http only to 127.0.0.1, for tests)");
    }
  }

  void ReadEmail() {
    if (!table_.ok()) return;
    std::string from, why;
    if (!table_.String("from", &from)) return table_.Fail("from", "an email target needs from = \"Name <address>\"");
    if (!ParseMailbox(from, &t_->from, &why)) return table_.Fail("from", why);
    std::vector<std::string> to;
    if (!table_.Strings("to", &to) || to.empty()) {
      if (table_.ok()) table_.Fail("to", "an email target needs to = [\"address\", …]");
      return;
    }
    for (const std::string& address : to) {
      Mailbox m;
      if (!ParseMailbox(address, &m, &why)) return table_.Fail("to", why);
      t_->to.push_back(m);
    }
    ReadTls();
    table_.String("username", &t_->username);
    bool has_password = ReadSecret("password", &t_->password);
    if (!table_.ok()) return;
    if (has_password && t_->tls == TlsMode::None)
      return table_.Fail(secret_key_, "a password is never sent without TLS (tls = \"none\")");
    if (has_password != !t_->username.empty())
      return table_.Fail(has_password ? secret_key_ : "username", "username and password go together");
    std::string ca;
    if (table_.String("ca_file", &ca)) {
      t_->ca_file = Resolved(context_.folder, ca);
      std::string bytes;
      Status s = ReadLocalFile(t_->ca_file, &bytes, int64_t{16} << 20);
      if (!s.ok()) return table_.Fail("ca_file", s.message());
    }
  }

  void ReadTls() {
    bool smtps = SchemeOf(t_->url) == "smtps";
    t_->tls = smtps ? TlsMode::Tls : TlsMode::StartTls;
    std::string tls;
    if (!table_.String("tls", &tls)) return;
    if (!ParseTlsMode(LowerAscii(tls), &t_->tls))
      return table_.Fail("tls", "\"" + tls + "\" is not starttls, tls or none");
    if (smtps != (t_->tls == TlsMode::Tls))
      table_.Fail("tls", smtps ? "an smtps:// URL speaks TLS from the start: tls = \"tls\" (or leave it out)"
                               : "tls = \"tls\" needs an smtps:// URL (smtp:// is starttls or none)");
  }

  void RejectKey(const std::string& key, const char* type) {
    for (const char* suffix : {"", "_env", "_file", "_credential"}) {
      if (table_.Has(key + suffix))
        return table_.Fail(key + suffix, std::string("only for type = \"") + type + "\"");
    }
  }

  void RejectEmailKeys() {
    for (const char* key : {"from", "to", "tls", "username", "password", "ca_file"}) RejectKey(key, "email");
  }

  void ReadFilter() {
    if (!table_.ok()) return;
    AlertFilter& f = t_->filter;
    std::vector<std::string> values;
    auto each = [&](const char* key, auto parse) {
      values.clear();
      if (!table_.Strings(key, &values)) return;
      if (values.empty()) return table_.Fail(key, "an empty list would match nothing: leave the key out for all");
      for (const std::string& v : values) {
        Status s = parse(v);
        if (!s.ok()) return table_.Fail(key, s.message().substr(s.message().find(": ") + 2));
      }
    };
    each("states", [&](const std::string& v) {
      std::string code;
      Status s = ParseStateOption("states", v, &code);
      if (s.ok()) f.states.push_back(code);
      return s;
    });
    each("models", [&](const std::string& v) {
      Model m;
      Status s = ParseModelOption("models", v, &m);
      if (s.ok()) f.models.push_back(m);
      return s;
    });
    each("lists", [&](const std::string& v) {
      ListKind l;
      Status s = ParseListOption("lists", v, &l);
      if (s.ok()) f.lists.push_back(l);
      return s;
    });
    each("kinds", [&](const std::string& v) {
      EventKind k;
      if (!ParseEventKind(LowerAscii(v), &k))
        return Status::Error("kinds: \"" + v + "\" is not an event kind (README lists them)");
      f.kinds.push_back(k);
      return Status::Ok();
    });
    each("match", [&](const std::string& v) {
      if (FoldForKey(v).empty()) return Status::Error("match: \"" + v + "\" has no letters or digits to match");
      f.match.push_back(v);
      return Status::Ok();
    });
  }

  void ReadRetry() {
    if (!table_.ok()) return;
    t_->retry = DefaultRetrySchedule();
    std::vector<std::string> steps;
    if (table_.Strings("retry", &steps)) {
      t_->retry.clear();
      if (steps.size() > 50) return table_.Fail("retry", "at most 50 steps");
      for (const std::string& step : steps) {
        int64_t seconds = 0;
        if (!ParseDuration(step, &seconds) || seconds > 7 * 86400)
          return table_.Fail("retry", "\"" + step + "\" is not a wait such as \"5s\", \"30m\", \"2h\" (up to 7d)");
        t_->retry.push_back(seconds);
      }
    }
    std::string give_up;
    if (table_.String("give_up_after", &give_up)) {
      if (!ParseDuration(give_up, &t_->give_up_after) || t_->give_up_after > 90 * 86400)
        return table_.Fail("give_up_after", "\"" + give_up + "\" is not a span such as \"3d\" or \"12h\" (up to 90d)");
    }
  }

  const AlertConfigContext& context_;
  TomlTable table_;
  AlertTarget* t_ = nullptr;
  bool inline_secret_ = false;
  std::string secret_key_;  // the key the last secret was read from, for errors about its value
};

}  // namespace

Status ReadAlertTargets(const AlertConfigContext& context, const toml::array& tables, std::vector<AlertTarget>* out,
                        std::vector<std::string>* warnings) {
  std::set<std::string> names;
  for (size_t i = 0; i < tables.size(); ++i) {
    const toml::table* table = tables[i].as_table();
    if (!table)
      return Status::Error(TomlPosition(context.file, tables[i].source().begin) + ": alert: write [[alert]] tables");
    AlertTarget target;
    Status s = AlertReader(context, *table, i + 1).Read(&target, warnings);
    if (!s.ok()) return s;
    if (!names.insert(target.name).second)
      return Status::Error(TomlPosition(context.file, table->get("name")->source().begin) + ": alert[" +
                           std::to_string(i + 1) + "].name: \"" + target.name + "\" names another [[alert]] too");
    out->push_back(std::move(target));
  }
  return Status::Ok();
}

}  // namespace icetrack

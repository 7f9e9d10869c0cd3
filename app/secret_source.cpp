#include "app/secret_source.h"

#include <cstdlib>

#include "fetcher/local_file.h"

namespace icetrack {
namespace {

constexpr int64_t kMaxSecretBytes = 64 * 1024;

// One trailing newline is what `echo` and editors add; it is not part of the secret.
std::string WithoutFinalNewline(std::string s) {
  if (!s.empty() && s.back() == '\n') s.pop_back();
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

Status ReadSecretFile(const std::string& path, Secret* out) {
  std::string bytes;
  Status s = ReadLocalFile(path, &bytes, kMaxSecretBytes);
  if (!s.ok()) return s;
  out->value = WithoutFinalNewline(bytes);
  if (out->value.empty()) return Status::Error(path + " is empty");
  return Status::Ok();
}

bool IsPlainName(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos;
}

}  // namespace

const char* KeySuffix(SecretForm form) {
  switch (form) {
    case SecretForm::Inline: return "";
    case SecretForm::Env: return "_env";
    case SecretForm::File: return "_file";
    case SecretForm::Credential: return "_credential";
  }
  return "";
}

Status ResolveSecret(SecretForm form, const std::string& reference, const std::string& config_folder, Secret* out) {
  *out = Secret();
  switch (form) {
    case SecretForm::Inline:
      out->value = reference;
      out->source = "written inline";
      return reference.empty() ? Status::Error("is empty") : Status::Ok();
    case SecretForm::Env: {
      const char* value = std::getenv(reference.c_str());
      if (!value || !*value) return Status::Error("$" + reference + " is not set");
      out->value = value;
      out->source = "environment variable " + reference;
      return Status::Ok();
    }
    case SecretForm::File: {
      std::string path = reference.empty() || reference[0] == '/' || config_folder.empty()
                             ? reference
                             : config_folder + "/" + reference;
      out->source = "file " + path;
      return ReadSecretFile(path, out);
    }
    case SecretForm::Credential: {
      if (!IsPlainName(reference)) return Status::Error("\"" + reference + "\" is not a credential name");
      const char* folder = std::getenv("CREDENTIALS_DIRECTORY");
      if (!folder || !*folder)
        return Status::Error("$CREDENTIALS_DIRECTORY is not set (systemd sets it for LoadCredential=" + reference + ")");
      out->source = "credential " + reference;
      return ReadSecretFile(std::string(folder) + "/" + reference, out);
    }
  }
  return Status::Error("unknown form");
}

}  // namespace icetrack

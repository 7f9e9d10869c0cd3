// Secrets in the configuration: a key such as `password` is written in one
// of four forms — `password_env` (an environment variable's name),
// `password_file` (a file holding it; relative to the configuration's
// folder), `password_credential` (a systemd credential's name, read from
// $CREDENTIALS_DIRECTORY, see LoadCredential=) or `password` inline (the file
// must then be private). Exactly one; the value is read at once, so that a
// missing secret is a configuration error, not a failed delivery hours later.
//
// Promises: the value never appears in an error: errors name the form and
// where it pointed ("password_env: ICETRACK_SMTP_PASSWORD is not set").
#pragma once

#include <string>

#include "alerts/alert_target.h"  // Secret
#include "model/status.h"

namespace icetrack {

enum class SecretForm { Inline, Env, File, Credential };
// The suffix of each form's key: "", "_env", "_file", "_credential".
const char* KeySuffix(SecretForm form);

// Reads the secret `reference` points to in `form` (the variable, the file
// or the credential's name; for Inline the value itself).
Status ResolveSecret(SecretForm form, const std::string& reference, const std::string& config_folder, Secret* out);

}  // namespace icetrack

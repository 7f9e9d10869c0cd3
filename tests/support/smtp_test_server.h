// SmtpTestServer: a real SMTP server on 127.0.0.1 (tests/support/smtp_server.py,
// on Debian's python3-aiosmtpd), started and stopped by the test, with a
// certificate for 127.0.0.1 that MakeTestCertificate makes with openssl.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/background_process.h"

namespace icetrack::test {

struct SmtpServerOptions {
  bool starttls = true;            // offer STARTTLS (and require it)
  std::string user, password;      // require AUTH when set
};

class SmtpTestServer {
 public:
  // `dir` holds the certificate, the port file and the messages.
  explicit SmtpTestServer(std::string dir) : dir_(std::move(dir)) {}
  bool Start(const SmtpServerOptions& options);
  int port() const { return port_; }
  std::string Url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  std::string ca_file() const { return dir_ + "/cert.pem"; }
  // The messages received so far, each as smtp_server.py records it.
  std::vector<nlohmann::json> Messages() const;

 private:
  std::string dir_;
  int port_ = -1;
  BackgroundProcess process_;
};

// A self-signed certificate for 127.0.0.1 and localhost: dir/cert.pem, dir/key.pem.
bool MakeTestCertificate(const std::string& dir);

}  // namespace icetrack::test

#include "tests/support/smtp_test_server.h"

#include <fstream>

#include "tests/support/run_command.h"

namespace icetrack::test {

bool MakeTestCertificate(const std::string& dir) {
  CommandRun r = RunCommand("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost"
                            " -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout '" + dir +
                            "/key.pem' -out '" + dir + "/cert.pem'");
  return r.exit_code == 0;
}

bool SmtpTestServer::Start(const SmtpServerOptions& options) {
  std::vector<std::string> argv = {"/usr/bin/python3", ICETRACK_TEST_SUPPORT_DIR "/smtp_server.py",
                                   "--port-file", dir_ + "/smtp.port", "--out", dir_ + "/smtp.jsonl"};
  if (options.starttls) {
    if (!MakeTestCertificate(dir_)) return false;
    argv.insert(argv.end(), {"--cert", dir_ + "/cert.pem", "--key", dir_ + "/key.pem", "--require-starttls"});
  }
  if (!options.user.empty()) argv.insert(argv.end(), {"--user", options.user, "--password", options.password});
  if (!process_.Start(argv)) return false;
  std::string port = process_.WaitForFile(dir_ + "/smtp.port");
  if (port.empty()) return false;
  port_ = std::stoi(port);
  return true;
}

std::vector<nlohmann::json> SmtpTestServer::Messages() const {
  std::vector<nlohmann::json> out;
  std::ifstream in(dir_ + "/smtp.jsonl");
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

}  // namespace icetrack::test

#include "tests/net/test_http_server.h"

#include <chrono>
#include <cstdlib>

namespace icetrack::test {

TestHttpServer::~TestHttpServer() {
  if (!thread_.joinable()) return;
  // stop() is a no-op until the listen loop runs; repeat it until the loop has ended.
  while (!listen_returned_) {
    server_.stop();
    std::this_thread::yield();
  }
  thread_.join();
}

bool TestHttpServer::Start() {
  setenv("no_proxy", "127.0.0.1,localhost", 1);
  setenv("NO_PROXY", "127.0.0.1,localhost", 1);
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) return false;
  thread_ = std::thread([this] {
    server_.listen_after_bind();
    listen_returned_ = true;
  });
  // The socket already listens after bind; wait only until the accept loop
  // runs, so that stop() in the destructor is not lost.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!server_.is_running()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::yield();
  }
  return true;
}

std::string TestHttpServer::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

}  // namespace icetrack::test

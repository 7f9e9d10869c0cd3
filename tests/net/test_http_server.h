// TestHttpServer: a real HTTP server (cpp-httplib) on 127.0.0.1 for tests.
//
// Register handlers on server() first, then Start(): it binds an ephemeral
// port, serves from its own thread and returns once the server accepts
// connections (polled, bounded by 5 s). The destructor stops the server and
// joins the thread, so a test never leaks it. Handlers run on the server's
// worker threads: share state with the test through atomics or a mutex.
// Start() also puts 127.0.0.1 in no_proxy, because a proxy set in the
// environment must not swallow loopback requests.
#pragma once

#include <httplib.h>

#include <atomic>
#include <string>
#include <thread>

namespace icetrack::test {

class TestHttpServer {
 public:
  TestHttpServer() = default;
  ~TestHttpServer();
  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;

  // Where to register handlers (Get, Post, ...) before Start().
  httplib::Server& server() { return server_; }
  // Binds and starts serving; false when no port could be bound or the
  // server did not come up in time.
  bool Start();
  int port() const { return port_; }
  // "http://127.0.0.1:PORT" + path (path starts with '/').
  std::string Url(const std::string& path) const;

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = -1;
  std::atomic<bool> listen_returned_{false};
};

}  // namespace icetrack::test

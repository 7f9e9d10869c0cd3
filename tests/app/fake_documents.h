// A fake ice.gov document library on 127.0.0.1 for the MOA tests: bodies by
// file name under /doclib/287gMOA/, changed by the test between runs; a name
// it does not hold is a 404, "busy.pdf" a 503. Counts the requests per name.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "tests/net/test_http_server.h"

namespace icetrack::test {

class FakeDocuments {
 public:
  FakeDocuments() {
    http_.server().Get(R"(/doclib/287gMOA/(.*))", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> hold(mutex_);
      std::string name = req.matches[1].str();
      ++requests_[name];
      if (name == "busy.pdf" || failing_.count(name)) return void(res.status = 503);
      auto it = bodies_.find(name);
      if (it == bodies_.end()) return void(res.status = 404);
      res.set_content(it->second, it->second.rfind("%PDF", 0) == 0 ? "application/pdf" : "text/html");
    });
    REQUIRE(http_.Start());
  }
  void Put(const std::string& name, const std::string& body) {
    std::lock_guard<std::mutex> hold(mutex_);
    bodies_[name] = body;
  }
  // While set, `name` answers 503 as busy.pdf always does.
  void Fail(const std::string& name, bool failing) {
    std::lock_guard<std::mutex> hold(mutex_);
    if (failing) failing_.insert(name);
    else failing_.erase(name);
  }
  int Requests(const std::string& name) {
    std::lock_guard<std::mutex> hold(mutex_);
    return requests_[name];
  }
  int AllRequests() {
    std::lock_guard<std::mutex> hold(mutex_);
    int n = 0;
    for (const auto& [name, count] : requests_) n += count;
    return n;
  }
  std::string Url(const std::string& name) const { return http_.Url("/doclib/287gMOA/" + name); }

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> bodies_;
  std::map<std::string, int> requests_;
  std::set<std::string> failing_;
  TestHttpServer http_;  // last: it stops before what its handler reads is gone
};

}  // namespace icetrack::test

// FakePage: ICE's 287(g) page in miniature on 127.0.0.1 — one link to one
// participating workbook, and optionally ICE's "As of" totals — that can fail
// (503) or hold a workbook request until released (a stalled download), for
// `run` and the daemon.
#pragma once

#include <atomic>
#include <string>

#include "tests/net/test_http_server.h"

namespace icetrack::test {

class FakePage {
 public:
  FakePage();
  ~FakePage();  // releases a stalled request, so the server can stop
  void Fail(bool failing) { failing_ = failing; }
  void Serve(std::string workbook);
  // A paragraph put on the page before its link, e.g. ICE's "As of …" totals; none by default.
  void Say(std::string paragraph) { paragraph_ = std::move(paragraph); }
  // While set, a workbook request waits (polled) until Stall(false) or the destructor.
  void Stall(bool stalled) { stalled_ = stalled; }
  int workbook_requests() const { return workbook_requests_; }
  std::string Url() const { return http_.Url("/287g"); }

 private:
  std::atomic<bool> failing_{false}, stalled_{false}, closing_{false};
  std::atomic<int> workbook_requests_{0};
  std::string workbook_, paragraph_;
  // Last, so it stops (and its handlers end) before what they read is
  // destroyed: ASan found a released handler reading a freed workbook.
  TestHttpServer http_;
};

}  // namespace icetrack::test

#include "tests/app/fake_page.h"

#include <chrono>
#include <thread>

namespace icetrack::test {

FakePage::FakePage() {
  http_.server().Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    if (failing_) {
      res.status = 503;
      res.set_content("<html><body>Service Unavailable</body></html>", "text/html");
    } else if (req.path == "/287g") {
      std::string said = paragraph_.empty() ? "" : "<p>" + paragraph_ + "</p>";
      res.set_content("<!DOCTYPE html><html><body><main>" + said + "<p><a class=\"usa-button\" href=\"" +
                          http_.Url("/list.xlsx") +
                          "\">View 287(g) Participating Agencies</a></p></main></body></html>",
                      "text/html");
    } else {
      ++workbook_requests_;
      while (stalled_ && !closing_) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      res.set_content(workbook_, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
  });
  http_.Start();
}

FakePage::~FakePage() { closing_ = true; }

void FakePage::Serve(std::string workbook) { workbook_ = std::move(workbook); }

}  // namespace icetrack::test

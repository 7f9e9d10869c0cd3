// Alerts end to end, as a user runs them: a configuration file, `import
// --alert` and `run`, `icetrack alerts …`, and real receivers on 127.0.0.1
// (an HTTP server for webhooks, aiosmtpd for email). What the issue asks:
// filters, the baseline notice, nothing sent for nothing, retries under one
// id with fresh timestamps, Retry-After, 410, a kill between sending and
// recording, the source failing and recovering, secrets nowhere.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>

#include "tests/app/fake_page.h"
#include "tests/net/test_http_server.h"
#include "tests/support/background_process.h"
#include "tests/support/ice_workbook.h"
#include "tests/support/json_schema.h"
#include "tests/support/run_command.h"
#include "tests/support/smtp_test_server.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/temp_dir.h"

namespace icetrack {
namespace {

using Json = nlohmann::json;
using test::QueryInt;
using test::TempDir;

constexpr char kSecret[] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

test::CommandRun Icetrack(const std::string& args) {
  return test::RunCommand(std::string(ICETRACK_BINARY) + " " + args);
}

int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// A webhook receiver that keeps every request and answers as told.
class Receiver {
 public:
  using Handler = std::function<void(size_t n, const httplib::Request&, httplib::Response&)>;
  Receiver() {
    http_.server().Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      size_t n;
      {
        std::lock_guard<std::mutex> lock(mu_);
        got_.push_back(req);
        n = got_.size();
      }
      res.status = 200;
      if (answer_) answer_(n, req, res);
    });
    REQUIRE(http_.Start());
  }
  void Answer(Handler a) { answer_ = std::move(a); }
  std::string Url(const std::string& path = "/hook") const { return http_.Url(path); }
  std::vector<httplib::Request> Got() {
    std::lock_guard<std::mutex> lock(mu_);
    return got_;
  }
  std::vector<Json> Bodies(const std::string& path = "") {
    std::vector<Json> out;
    for (const httplib::Request& r : Got())
      if (path.empty() || r.path == path) out.push_back(Json::parse(r.body));
    return out;
  }

 private:
  test::TestHttpServer http_;
  std::mutex mu_;
  std::vector<httplib::Request> got_;
  Handler answer_;
};

// Checks bodies against docs/webhook-payload.schema.json; "" when all are valid.
std::string SchemaErrors(const std::vector<httplib::Request>& requests) {
  TempDir dir;
  std::vector<std::string> files;
  for (size_t i = 0; i < requests.size(); ++i) {
    files.push_back(dir.File(std::to_string(i) + ".json"));
    test::WriteFile(files.back(), requests[i].body);
  }
  return test::JsonSchemaErrors("webhook-payload.schema.json", files);
}

std::string WebhookTarget(const std::string& name, const std::string& url, const std::string& extra = "") {
  return "[[alert]]\nname = \"" + name + "\"\ntype = \"webhook\"\nurl = \"" + url + "\"\nsecret_env = \"HOOK_SECRET\"\n"
         "retry = [\"0s\", \"0s\", \"0s\", \"0s\", \"0s\"]\n" + extra + "\n";
}

// A workbook published on 2026-01-0`day` holding `rows`.
std::string Publication(const TempDir& dir, int day, std::vector<test::IceRow> rows) {
  test::IceWorkbook book;
  book.rows = std::move(rows);
  book.modified = test::UnixTime(2026, 1, day);
  std::string path = dir.File("pub" + std::to_string(day) + ".xlsx");
  test::WriteIceWorkbook(path, book);
  return path;
}

test::IceRow Agency(const std::string& state, const std::string& agency) {
  return test::Row(state, agency, "Task Force Model", 46023,
                   "https://www.ice.gov/doclib/287gMOA/" + agency.substr(0, 4) + state + "_TFM.pdf");
}

struct Setup {
  TempDir dir;
  std::string config, db;
  explicit Setup(const std::string& toml) : config(dir.File("icetrack.toml")), db(dir.File("icetrack.db")) {
    test::WriteFile(config, toml);
  }
  std::string Args() const { return " --config " + config + " --db " + db; }
  test::CommandRun Cmd(const std::string& command, bool with_db = true) const {
    return test::RunCommand("HOOK_SECRET=" + std::string(kSecret) + " " + ICETRACK_BINARY + " " + command +
                            (with_db ? Args() : " --config " + config));
  }
};

TEST_CASE("a target filtered to a state hears only of it, the baseline is one notice, nothing is sent for nothing") {
  Receiver hook;
  Setup s(WebhookTarget("all", hook.Url("/all")) + WebhookTarget("florida", hook.Url("/fl"), "states = [\"FL\"]"));
  std::string first = Publication(s.dir, 1, {Agency("FL", "Polk County Sheriff's Office"),
                                             Agency("TX", "Hays County Sheriff's Office")});
  test::CommandRun r = s.Cmd("import --alert " + first);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  REQUIRE(hook.Bodies("/all").size() == 1);
  REQUIRE(hook.Bodies("/fl").size() == 1);
  for (const Json& body : hook.Bodies()) {
    REQUIRE(body["data"]["events"].size() == 1);
    CHECK(body["data"]["events"][0]["kind"] == "baseline");
    std::string text = body["data"]["text"];
    CHECK(text == "Now tracking\n- now tracking 2 agreements (the participating list published 2026-01-01)\n");
  }

  // Texas only: the Florida desk hears nothing.
  std::string second = Publication(s.dir, 2, {Agency("FL", "Polk County Sheriff's Office"),
                                              Agency("TX", "Hays County Sheriff's Office"),
                                              Agency("TX", "Harris County Sheriff's Office")});
  REQUIRE(s.Cmd("import --alert " + second).exit_code == 0);
  REQUIRE(hook.Bodies("/all").size() == 2);
  CHECK(hook.Bodies("/fl").size() == 1);
  Json signed_tx = hook.Bodies("/all")[1]["data"]["events"];
  REQUIRE(signed_tx.size() == 1);
  CHECK(signed_tx[0]["kind"] == "signed");
  CHECK(signed_tx[0]["agency"] == "Harris County Sheriff's Office");

  std::string third = Publication(s.dir, 3, {Agency("FL", "Polk County Sheriff's Office"),
                                             Agency("FL", "Lee County Sheriff's Office"),
                                             Agency("TX", "Hays County Sheriff's Office"),
                                             Agency("TX", "Harris County Sheriff's Office")});
  REQUIRE(s.Cmd("import --alert " + third).exit_code == 0);
  REQUIRE(hook.Bodies("/fl").size() == 2);
  Json fl = hook.Bodies("/fl")[1]["data"]["events"];
  REQUIRE(fl.size() == 1);
  CHECK(fl[0]["state_code"] == "FL");
  CHECK(fl[0]["agency"] == "Lee County Sheriff's Office");
  std::string text = hook.Bodies("/fl")[1]["data"]["text"];
  CHECK(text == "1 agreement signed: FL 1\n- Lee County Sheriff's Office (FL, TFM), Some County — signed 2026-01-01 — "
                "published 2026-01-03 — MOA https://www.ice.gov/doclib/287gMOA/Lee_FL_TFM.pdf\n");
  CHECK(hook.Bodies("/all").size() == 3);

  CHECK(SchemaErrors(hook.Got()) == "");

  // The same workbook again: no events, so no message to anyone.
  REQUIRE(s.Cmd("import --alert " + third).exit_code == 0);
  CHECK(hook.Got().size() == 5);
  CHECK(QueryInt(s.db, "SELECT count(*) FROM deliveries") == 5);
}

TEST_CASE("import without --alert queues nothing") {
  Receiver hook;
  Setup s(WebhookTarget("all", hook.Url()));
  REQUIRE(s.Cmd("import " + Publication(s.dir, 1, {Agency("FL", "Polk County Sheriff's Office")})).exit_code == 0);
  CHECK(hook.Got().empty());
  CHECK(QueryInt(s.db, "SELECT count(*) FROM outbox_items") == 0);
}

TEST_CASE("500 three times, then 200: delivered once in the end, one webhook-id, a fresh timestamp each attempt") {
  Receiver hook;
  hook.Answer([](size_t n, const httplib::Request&, httplib::Response& res) { res.status = n <= 3 ? 500 : 200; });
  Setup s(WebhookTarget("hook", hook.Url()));
  test::CommandRun r = s.Cmd("import --alert " + Publication(s.dir, 1, {Agency("FL", "Polk County Sheriff's Office")}));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("not delivered (http://127.0.0.1:") != std::string::npos);
  // The message is an hour old by now: its timestamp must be the attempt's, not the message's.
  REQUIRE(test::RunCommand("sqlite3 " + s.db + " \"UPDATE deliveries SET created_at = '2020-01-01T00:00:00Z', "
                           "schedule_from = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')\"").exit_code == 0);
  std::vector<std::pair<int64_t, int64_t>> windows;  // when each deliver ran
  for (int i = 0; i < 3; ++i) {
    int64_t before = UnixNow();
    REQUIRE(s.Cmd("alerts deliver").exit_code == 0);
    windows.push_back({before, UnixNow()});
  }
  std::vector<httplib::Request> got = hook.Got();
  REQUIRE(got.size() == 4);
  for (size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].get_header_value("webhook-id") == got[0].get_header_value("webhook-id"));
    if (i == 0) continue;
    CHECK(got[i].body == got[1].body);  // the message, as the outbox keeps it
    CHECK(Json::parse(got[i].body)["timestamp"] == "2020-01-01T00:00:00Z");
    int64_t stamp = std::stoll(got[i].get_header_value("webhook-timestamp"));
    CHECK(stamp >= windows[i - 1].first);
    CHECK(stamp <= windows[i - 1].second);
  }
  Json list = Json::parse(s.Cmd("alerts list --json").out);
  REQUIRE(list["deliveries"].size() == 1);
  CHECK(list["deliveries"][0]["status"] == "delivered");
  CHECK(list["deliveries"][0]["attempts"] == 4);
  CHECK(list["deliveries"][0]["id"] == got[0].get_header_value("webhook-id"));
  s.Cmd("alerts deliver");
  CHECK(hook.Got().size() == 4);  // delivered is delivered
}

TEST_CASE("429 with Retry-After is honoured: no attempt before it") {
  Receiver hook;
  hook.Answer([](size_t, const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "3600");
  });
  Setup s(WebhookTarget("hook", hook.Url()));
  int64_t before = UnixNow();
  REQUIRE(s.Cmd("import --alert " + Publication(s.dir, 1, {Agency("FL", "Polk County Sheriff's Office")})).exit_code == 0);
  REQUIRE(s.Cmd("alerts deliver").exit_code == 0);
  CHECK(hook.Got().size() == 1);
  Json d = Json::parse(s.Cmd("alerts list --json").out)["deliveries"][0];
  CHECK(d["status"] == "pending");
  CHECK(QueryInt(s.db, "SELECT unixepoch(next_attempt_at) FROM deliveries") >= before + 3600);
}

TEST_CASE("410 switches the target off, its deliveries wait until it is switched on") {
  Receiver hook;
  std::atomic<int> status{410};
  hook.Answer([&](size_t, const httplib::Request&, httplib::Response& res) { res.status = status; });
  Setup s(WebhookTarget("hook", hook.Url()));
  test::CommandRun r = s.Cmd("import --alert " + Publication(s.dir, 1, {Agency("FL", "Polk County Sheriff's Office")}));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("failed: http://127.0.0.1:") != std::string::npos);
  test::CommandRun list = s.Cmd("alerts list");
  CHECK(list.out.find("target hook is switched off: http://127.0.0.1:") != std::string::npos);
  r = s.Cmd("import --alert " + Publication(s.dir, 2, {Agency("FL", "Polk County Sheriff's Office"),
                                                        Agency("FL", "Lee County Sheriff's Office")}));
  CHECK(r.out.find("held: the target's receiver switched it off: http://127.0.0.1:") != std::string::npos);
  CHECK(hook.Got().size() == 1);
  status = 200;
  REQUIRE(s.Cmd("alerts enable hook").exit_code == 0);
  REQUIRE(s.Cmd("alerts deliver").exit_code == 0);
  REQUIRE(hook.Got().size() == 2);
  CHECK(Json::parse(hook.Got()[1].body)["data"]["events"][0]["agency"] == "Lee County Sheriff's Office");
  // The one refused before goes again by hand, under its own id.
  std::string failed_id = hook.Got()[0].get_header_value("webhook-id");
  r = s.Cmd("alerts retry " + failed_id);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  REQUIRE(hook.Got().size() == 3);
  CHECK(hook.Got()[2].get_header_value("webhook-id") == failed_id);
  CHECK(s.Cmd("alerts enable hook").exit_code == 2);  // it is on
}

TEST_CASE("a pass without the configuration holds what waits, never fails it") {
  Receiver hook;
  hook.Answer([](size_t, const httplib::Request&, httplib::Response& res) { res.status = 503; });
  Setup s(WebhookTarget("hook", hook.Url()));
  REQUIRE(s.Cmd("import --alert " + Publication(s.dir, 1, {Agency("FL", "Polk County Sheriff's Office")})).exit_code == 0);
  test::CommandRun bare = Icetrack("alerts deliver --db " + s.db);  // the test's empty configuration
  CHECK(bare.exit_code == 0);
  CHECK(bare.out.find("held: no [[alert]] named \"hook\" in ") != std::string::npos);
  CHECK(Json::parse(s.Cmd("alerts list --json").out)["deliveries"][0]["status"] == "pending");
  CHECK(hook.Got().size() == 1);
}

TEST_CASE("killed after the receiver got the request and before the outbox recorded it, the same id goes again") {
  Receiver hook;
  std::atomic<pid_t> victim{0};
  hook.Answer([&](size_t n, const httplib::Request&, httplib::Response&) {
    if (n == 1 && victim > 0) kill(victim, SIGKILL);
  });
  Setup s(WebhookTarget("hook", hook.Url()));
  std::string workbook = Publication(s.dir, 1, {Agency("FL", "Polk County Sheriff's Office")});
  setenv("HOOK_SECRET", kSecret, 1);
  test::BackgroundProcess import;
  REQUIRE(import.Start({ICETRACK_BINARY, "import", "--alert", "-q", workbook, "--config", s.config, "--db", s.db}));
  victim = import.pid();
  CHECK(import.Wait() == -1);  // killed
  unsetenv("HOOK_SECRET");
  REQUIRE(hook.Got().size() == 1);
  CHECK(QueryInt(s.db, "SELECT attempts FROM deliveries") == 0);  // the attempt was never recorded
  REQUIRE(s.Cmd("alerts deliver").exit_code == 0);
  REQUIRE(hook.Got().size() == 2);
  CHECK(hook.Got()[1].get_header_value("webhook-id") == hook.Got()[0].get_header_value("webhook-id"));
  CHECK(hook.Got()[1].body == hook.Got()[0].body);
  CHECK(QueryInt(s.db, "SELECT count(*) FROM deliveries") == 1);
}

TEST_CASE("the page failing three runs in a row is one source_failing notice, its recovery one source_recovered") {
  Receiver hook;
  test::FakePage page;
  Setup s(WebhookTarget("hook", hook.Url(), "kinds = [\"source_failing\", \"source_recovered\"]"));
  page.Serve(test::ReadFile(Publication(s.dir, 1, {Agency("FL", "Polk County Sheriff's Office")})));
  std::string run = "run --source " + page.Url() + " --retry-delay 0.001 --max-attempts 1";
  REQUIRE(s.Cmd(run).exit_code == 0);
  page.Fail(true);
  CHECK(s.Cmd(run).exit_code == 3);
  CHECK(s.Cmd(run).exit_code == 3);
  CHECK(hook.Got().empty());
  test::CommandRun third = s.Cmd(run);
  CHECK(third.out.find("source_failing: " + page.Url() + ": could not be read in 3 runs in a row since ") !=
        std::string::npos);
  REQUIRE(hook.Got().size() == 1);
  Json notice = Json::parse(hook.Got()[0].body)["data"]["events"];
  REQUIRE(notice.size() == 1);
  CHECK(notice[0]["kind"] == "source_failing");
  CHECK(notice[0]["key"] == page.Url());
  CHECK(notice[0]["snapshot"] == 0);
  s.Cmd(run);  // a fourth failure: the same streak, no new notice
  CHECK(hook.Got().size() == 1);
  page.Fail(false);
  REQUIRE(s.Cmd(run).exit_code == 0);
  REQUIRE(hook.Got().size() == 2);
  Json back = Json::parse(hook.Got()[1].body)["data"]["events"];
  CHECK(back[0]["kind"] == "source_recovered");
  CHECK(back[0]["detail"].get<std::string>().rfind("read again after 4 runs that failed since ", 0) == 0);
  CHECK(QueryInt(s.db, "SELECT count(*) FROM events WHERE kind LIKE 'source_%'") == 2);
  CHECK(SchemaErrors(hook.Got()) == "");
}

TEST_CASE("email end to end: STARTTLS, AUTH after it, both parts, the password nowhere but on the wire") {
  TempDir mail;
  test::SmtpTestServer smtp(mail.path());
  const std::string password = "pw-Zq8vK3-never-shown";
  REQUIRE(smtp.Start({true, "icetrack", password}));
  Setup s("[source]\ncontact = \"newsroom@example.org\"\n\n"
          "[[alert]]\nname = \"desk\"\ntype = \"email\"\nurl = \"" + smtp.Url() + "\"\n"
          "from = \"icetrack <icetrack@example.org>\"\nto = [\"desk@example.org\"]\nusername = \"icetrack\"\n"
          "password_file = \"smtp-password\"\nca_file = \"" + smtp.ca_file() + "\"\n");
  test::WriteFile(s.dir.File("smtp-password"), password + "\n");
  test::CommandRun r = s.Cmd("import --alert " + Publication(s.dir, 1, {Agency("FL", "Polk County Sheriff's Office")}));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::vector<Json> got = smtp.Messages();
  REQUIRE(got.size() == 1);
  CHECK(got[0]["auth"][0]["tls"] == true);
  std::string data = got[0]["data"];
  CHECK(data.find("Subject: icetrack: now tracking (ICE 287(g))") != std::string::npos);
  CHECK(data.find("From: icetrack <icetrack@example.org>") != std::string::npos);
  std::string id = Json::parse(s.Cmd("alerts list --json").out)["deliveries"][0]["id"];
  CHECK(data.find("Message-ID: <" + id + ".icetrack@example.org>") != std::string::npos);

  std::string everything = r.out + r.err;
  everything += s.Cmd("config check", false).out;
  for (const char* cmd : {"alerts list", "alerts list --json", "alerts preview --since 2020-01-01",
                          "alerts deliver", "log --json"}) {
    test::CommandRun c = s.Cmd(cmd);
    everything += c.out + c.err;
  }
  CHECK(everything.find("password = \"******** (from file " + s.dir.File("smtp-password") + ")\"") !=
        std::string::npos);
  CHECK(everything.find(password) == std::string::npos);
  std::string bytes = test::ReadFile(s.db) + test::ReadFile(s.db + "-wal");
  CHECK(bytes.find(password) == std::string::npos);
  CHECK(bytes.find("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") == std::string::npos);
}

TEST_CASE("alerts test sends a sample marked as a test, preview renders without sending") {
  Receiver hook;
  Setup s(WebhookTarget("hook", hook.Url()));
  test::CommandRun r = s.Cmd("alerts test hook", false);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  REQUIRE(hook.Got().size() == 1);
  Json body = Json::parse(hook.Got()[0].body);
  CHECK(body["type"] == "icetrack.test");
  CHECK(body["data"]["title"].get<std::string>().rfind("[test] icetrack: ", 0) == 0);
  CHECK(SchemaErrors(hook.Got()) == "");
  CHECK(s.Cmd("alerts test nosuch", false).err.find("no [[alert]] named \"nosuch\" (there are: hook)") != std::string::npos);

  REQUIRE(s.Cmd("import " + Publication(s.dir, 1, {Agency("FL", "Polk County Sheriff's Office")})).exit_code == 0);
  test::CommandRun preview = s.Cmd("alerts preview --since 2025-12-01");
  REQUIRE(preview.exit_code == 0);
  CHECK(preview.out.find("== hook (webhook, http://127.0.0.1:") != std::string::npos);
  CHECK(preview.out.find("now tracking 1 agreement (the participating list published ") != std::string::npos);
  test::CommandRun raw = s.Cmd("alerts preview --since 2025-12-01 --raw");
  CHECK(raw.out.find("\"type\":\"icetrack.digest\"") != std::string::npos);
  CHECK(hook.Got().size() == 1);  // nothing sent
  CHECK(s.Cmd("alerts preview").out.find("(nothing would be sent)") != std::string::npos);
}

TEST_CASE("a target with lang = \"es\" gets its digest in Spanish, from the catalog, the others in English") {
  Receiver hook, other;
  Setup s(WebhookTarget("es-desk", hook.Url(), "lang = \"es\"") + WebhookTarget("en-desk", other.Url()));
  REQUIRE(s.Cmd("import " + Publication(s.dir, 1, {Agency("FL", "Polk County Sheriff's Office")})).exit_code == 0);
  REQUIRE(s.Cmd("import --alert " + Publication(s.dir, 2, {Agency("FL", "Polk County Sheriff's Office"),
                                                            Agency("TX", "Hays County Sheriff's Office")})).exit_code == 0);
  REQUIRE(hook.Got().size() == 1);
  REQUIRE(other.Got().size() == 1);
  Json es = Json::parse(hook.Got()[0].body)["data"];
  CHECK(es["title"] == "icetrack: 1 acuerdo firmado (ICE 287(g))");
  CHECK(es["text"].get<std::string>().rfind("1 acuerdo firmado: TX 1\n- Hays County Sheriff's Office (TX, TFM)", 0) == 0);
  CHECK(es["text"].get<std::string>().find("publicado el ") != std::string::npos);
  CHECK(es["events"][0]["kind"] == "signed");  // the data stay the data
  CHECK(Json::parse(other.Got()[0].body)["data"]["title"] == "icetrack: 1 agreement signed (ICE 287(g))");
  CHECK(SchemaErrors(hook.Got()) == "");
  test::CommandRun preview = s.Cmd("alerts preview --since 2020-01-01 --target es-desk");
  std::string check = s.Cmd("config check", false).out;
  CHECK(check.find("name = \"es-desk\"\ntype = \"webhook\"\nurl = \"http://127.0.0.1:") != std::string::npos);
  CHECK(check.find("lang = \"es\"") != std::string::npos);
  CHECK(check.find("lang = \"en\"") != std::string::npos);  // en-desk, as it takes effect
  CHECK(preview.out.find("ahora en seguimiento 1 acuerdo (la lista de participantes publicada el ") != std::string::npos);
}

TEST_CASE("configuration errors name the file, the line and the key, and touch nothing") {
  TempDir dir;
  auto check = [&](const std::string& toml, const std::string& error) {
    test::WriteFile(dir.File("bad.toml"), toml);
    test::CommandRun r = Icetrack("import --config " + dir.File("bad.toml") + " --db " + dir.File("x.db") + " " +
                                  Publication(dir, 1, {Agency("FL", "Polk County Sheriff's Office")}));
    CHECK(r.exit_code == 2);
    CHECK(r.err == "icetrack: " + dir.File("bad.toml") + ":" + error + "\n");
    CHECK_FALSE(std::filesystem::exists(dir.File("x.db")));
  };
  check("[[alert]]\nname = \"x\"\ntype = \"webhook\"\nurl = \"http://127.0.0.1:9/\"\nlang = \"fr\"\n",
        "5:8: alert \"x\".lang: \"fr\" is not a language: write en or es");
  check("[report]\nlang = \"ES\"\n", "2:8: report.lang: \"ES\" is not a language: write en or es");
  check("[rules]\nremoval_afterr = 3\n", "2:1: rules.removal_afterr: unknown key (did you mean \"removal_after\"?)");
  check("[rules]\nremoval_after = \"3\"\n", "2:17: rules.removal_after: must be a whole number");
  check("[rules]\nremoval_after = 0\n", "2:17: rules.removal_after: 0 is not from 1 to 100");
  check("[[alert]]\nname = \"a\"\ntype = \"webhook\"\nurl = \"https://x.example/h\"\nstates = [\"FLA\"]\n",
        "5:10: alert \"a\".states: \"FLA\" is not a state: write its two-letter code (FL) or its name (Florida)");
  check("[[alert]]\nname = \"a\"\ntype = \"pager\"\n",
        "3:8: alert \"a\".type: \"pager\" is not email, webhook, slack, discord or apprise");
  check("[[alert]]\nname = \"a\"\ntype = \"email\"\nurl = \"smtp://m.example:587\"\nfrom = \"i@example.org\"\n"
        "to = [\"d@example.org\"]\nusername = \"u\"\npassword_env = \"ICETRACK_TEST_NO_SUCH_VARIABLE\"\n",
        "8:16: alert \"a\".password_env: $ICETRACK_TEST_NO_SUCH_VARIABLE is not set");
  check("[[alert]]\nname = \"a\"\ntype = \"webhook\"\nurl = \"https://x.example/h\"\n"
        "[[alert]]\nname = \"a\"\ntype = \"slack\"\nurl = \"https://x.example/s\"\n",
        "6:8: alert[2].name: \"a\" names another [[alert]] too");
  check("[source\npage = 1\n", "1:8: Error while parsing table header: expected ']', saw '\\n'");
}

}  // namespace
}  // namespace icetrack

#include "alerts/child_process.h"

#include <signal.h>

#include <doctest/doctest.h>

namespace icetrack {
namespace {

TEST_CASE("a child gets its input and argv as given, and its output and exit code come back") {
  ChildResult r;
  REQUIRE(RunChild({"/bin/sh", "-c", "cat; echo \"$1\" >&2; exit 3", "sh", "it's $HOME; `x`"}, "hello\n",
                   std::chrono::seconds(10), &r)
              .ok());
  CHECK(r.exit_code == 3);
  CHECK(r.output == "hello\nit's $HOME; `x`\n");
}

TEST_CASE("a large input and output do not deadlock") {
  ChildResult r;
  std::string big(1 << 20, 'x');
  REQUIRE(RunChild({"cat"}, big, std::chrono::seconds(20), &r).ok());
  CHECK(r.exit_code == 0);
  CHECK(r.output.size() == 64 * 1024);  // the last 64 KiB are kept
}

TEST_CASE("a child past its deadline is killed and said to be") {
  ChildResult r;
  Status s = RunChild({"/bin/sh", "-c", "exec sleep 30"}, "", std::chrono::milliseconds(200), &r);
  CHECK(s.message() == "/bin/sh: still running after 0.2 s; killed");
}

TEST_CASE("a program that is not there is an error naming it") {
  ChildResult r;
  Status s = RunChild({"icetrack-no-such-program"}, "", std::chrono::seconds(1), &r);
  CHECK(s.message() == "icetrack-no-such-program: cannot run it: No such file or directory");
}

}  // namespace
}  // namespace icetrack

namespace icetrack {
namespace {

TEST_CASE("a child that closes its output and lingers is still killed at the deadline") {
  ChildResult r;
  auto start = std::chrono::steady_clock::now();
  Status s = RunChild({"/bin/sh", "-c", "exec >&- 2>&-; sleep 30"}, "", std::chrono::milliseconds(300), &r);
  CHECK(s.message() == "/bin/sh: still running after 0.3 s; killed");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("what the program leaves running does not hold the call, and its own exit code counts") {
  ChildResult r;
  auto start = std::chrono::steady_clock::now();
  REQUIRE(RunChild({"/bin/sh", "-c", "sleep 30 & echo done"}, "", std::chrono::seconds(20), &r).ok());
  CHECK(r.exit_code == 0);
  CHECK(r.output == "done\n");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("descriptor 3 carries what must not be on a command line, and the environment is a minimal one") {
  setenv("ICETRACK_TEST_SECRET", "s3cret", 1);
  ChildResult r;
  REQUIRE(RunChild({"/bin/sh", "-c", "cat <&3; echo \"[$ICETRACK_TEST_SECRET]\"; test -n \"$PATH\" && echo path"}, "",
                   std::chrono::seconds(10), &r, "json://token@host/\n")
              .ok());
  CHECK(r.output == "json://token@host/\n[]\npath\n");
  unsetenv("ICETRACK_TEST_SECRET");
}

TEST_CASE("RunChildForOutput keeps stdout apart from stderr, its first bytes up to the cap") {
  ChildResult r;
  REQUIRE(RunChildForOutput({"/bin/sh", "-c", "cat; echo oops >&2"}, "text", std::chrono::seconds(10), 100, &r).ok());
  CHECK(r.output == "text");
  CHECK(r.errors == "oops\n");
  CHECK_FALSE(r.truncated);
  std::string big(1 << 20, 'x');
  big[0] = 'A';
  REQUIRE(RunChildForOutput({"cat"}, big, std::chrono::seconds(20), 1000, &r).ok());
  CHECK(r.exit_code == 0);  // it ran to its end, its output read and dropped past the cap
  CHECK(r.output.size() == 1000);
  CHECK(r.output[0] == 'A');
  CHECK(r.truncated);
}

TEST_CASE("a child run through a shell is named in messages as the program it runs") {
  ChildResult r;
  Status s = RunChildForOutput({"/bin/sh", "-c", "exec sleep 5"}, "", std::chrono::milliseconds(50), 100, &r, nullptr,
                               "pdftotext");
  CHECK(s.message().rfind("pdftotext: still running after", 0) == 0);
  s = RunChildForOutput({"/no/such/program"}, "", std::chrono::seconds(5), 100, &r);
  CHECK(s.message().rfind("/no/such/program: cannot run it", 0) == 0);  // argv[0] when no name is given
}

}  // namespace
}  // namespace icetrack

namespace icetrack {
namespace {

TEST_CASE("a child's signals are its own, even when ours are blocked") {
  sigset_t term, old;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &term, &old);
  ChildResult r;
  // The child sends itself SIGTERM: with the mask inherited it would live on and print.
  Status s = RunChild({"/bin/sh", "-c", "kill -TERM $$; echo alive"}, "", std::chrono::seconds(10), &r);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  REQUIRE(s.ok());
  CHECK(r.exit_code == -1);
  CHECK(r.output.empty());
}

}  // namespace
}  // namespace icetrack

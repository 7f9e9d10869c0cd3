#include "alerts/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace icetrack {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kKeptOutput = 64 * 1024;
constexpr size_t kMaxFd3Bytes = 32 * 1024;  // written whole before the child starts: within a pipe's buffer

// What the child may see of our environment.
const char* const kPassedOn[] = {"PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ",
                                 "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
                                 "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE"};

// A pipe whose ends close themselves.
struct Pipe {
  int fd[2] = {-1, -1};
  ~Pipe() {
    Close(0);
    Close(1);
  }
  bool Open() { return pipe2(fd, O_CLOEXEC) == 0; }
  void Close(int end) {
    if (fd[end] >= 0) close(fd[end]);
    fd[end] = -1;
  }
};

int MillisUntil(Clock::time_point deadline, int at_most) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::max<int64_t>(0, std::min<int64_t>(left, at_most)));
}

// Where a pipe's bytes go: the last kKeptOutput of them, or the first `cap`.
struct Sink {
  std::string* text;
  size_t cap = 0;          // 0: keep the tail
  bool* truncated = nullptr;
  void Keep(const char* data, size_t n) {
    if (cap == 0) {
      text->append(data, n);
      if (text->size() > 2 * kKeptOutput) text->erase(0, text->size() - kKeptOutput);
      return;
    }
    size_t room = cap - std::min(cap, text->size());
    if (n > room && truncated) *truncated = true;
    text->append(data, std::min(n, room));
  }
};

// Reads what is there without waiting; closes the end at EOF.
void DrainInto(Pipe* pipe, Sink* sink) {
  char buffer[8192];
  while (pipe->fd[0] >= 0) {
    ssize_t r = read(pipe->fd[0], buffer, sizeof buffer);
    if (r > 0) {
      sink->Keep(buffer, static_cast<size_t>(r));
      continue;
    }
    if (r == 0 || (errno != EINTR && errno != EAGAIN)) pipe->Close(0);
    return;
  }
}

// The child's side of things while it runs: its stdin fed, its output (and,
// kept apart, its errors) kept.
class Exchange {
 public:
  Exchange(Pipe* in, Pipe* out, Pipe* err, const std::string& input, Sink output, Sink errors)
      : in_(in), out_(out), err_(err), input_(input), output_(output), errors_(errors) {
    if (input_.empty()) in_->Close(1);
    else fcntl(in_->fd[1], F_SETFL, O_NONBLOCK);
    fcntl(out_->fd[0], F_SETFL, O_NONBLOCK);
    if (err_->fd[0] >= 0) fcntl(err_->fd[0], F_SETFL, O_NONBLOCK);
  }

  // Moves data for up to `wait_ms`.
  void Step(int wait_ms) {
    pollfd fds[3] = {{out_->fd[0], POLLIN, 0}, {in_->fd[1], POLLOUT, 0}, {err_->fd[0], POLLIN, 0}};
    bool idle = out_->fd[0] < 0 && in_->fd[1] < 0 && err_->fd[0] < 0;
    int n = poll(fds, 3, idle ? 0 : wait_ms);
    if (n < 0 && errno != EINTR) return;
    if (idle && wait_ms > 0) poll(nullptr, 0, wait_ms);  // nothing to watch: wait
    if (in_->fd[1] >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) Write();
    if (out_->fd[0] >= 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) DrainInto(out_, &output_);
    if (err_->fd[0] >= 0 && (fds[2].revents & (POLLIN | POLLHUP | POLLERR))) DrainInto(err_, &errors_);
  }

  // Reads what is there without waiting (after the child exited).
  void Drain() {
    DrainInto(out_, &output_);
    DrainInto(err_, &errors_);
  }

 private:
  void Write() {
    ssize_t w = write(in_->fd[1], input_.data() + written_, input_.size() - written_);
    if (w > 0) written_ += static_cast<size_t>(w);
    if (w < 0 && errno != EAGAIN && errno != EINTR) written_ = input_.size();  // the child stopped reading
    if (written_ == input_.size()) in_->Close(1);
  }

  Pipe* in_;
  Pipe* out_;
  Pipe* err_;
  const std::string& input_;
  Sink output_, errors_;
  size_t written_ = 0;
};

std::vector<std::string> ChildEnvironment() {
  std::vector<std::string> env;
  for (const char* name : kPassedOn) {
    const char* value = std::getenv(name);
    if (value) env.push_back(std::string(name) + "=" + value);
  }
  return env;
}

std::string SecondsText(std::chrono::milliseconds ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", static_cast<double>(ms.count()) / 1000.0);
  return text;
}

// Starts argv[0] in its own process group, its stdin, stdout, stderr (on
// `out` too when `err` is closed) and fd 3 on the pipes.
int Spawn(const std::vector<std::string>& argv, const Pipe& in, const Pipe& out, const Pipe& err, const Pipe* fd3,
          pid_t* pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1] >= 0 ? err.fd[1] : out.fd[1], 2);
  if (fd3) posix_spawn_file_actions_adddup2(&actions, fd3->fd[0], 3);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);  // ours may be ignored; the child's is its own
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0);
  // A daemon blocks its signals (app/signal_watch.h); the child's are its own.
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> args, envp;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env = ChildEnvironment();
  for (std::string& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  int error = posix_spawnp(pid, argv[0].c_str(), &actions, &attr, args.data(), envp.data());
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  return error;
}

// `shown` names the child in messages (argv[0] when empty).
Status Run(const std::vector<std::string>& argv, const std::string& input, std::chrono::milliseconds timeout,
           size_t output_cap, ChildResult* result, const std::string& fd3, const std::function<bool()>& cancelled,
           const std::string& shown) {
  *result = ChildResult();
  if (argv.empty()) return Status::Error("no program to run");
  const std::string& name = shown.empty() ? argv[0] : shown;
  if (fd3.size() > kMaxFd3Bytes) return Status::Error(name + ": what goes on descriptor 3 is too long");
  Pipe in, out, err, extra;
  bool apart = output_cap > 0;
  if (!in.Open() || !out.Open() || (apart && !err.Open()) || (!fd3.empty() && !extra.Open()))
    return Status::Error(name + ": cannot make a pipe: " + std::strerror(errno));
  if (!fd3.empty()) {
    if (write(extra.fd[1], fd3.data(), fd3.size()) != static_cast<ssize_t>(fd3.size()))
      return Status::Error(name + ": cannot fill descriptor 3: " + std::strerror(errno));
    extra.Close(1);
  }
  pid_t pid = 0;
  if (int error = Spawn(argv, in, out, err, fd3.empty() ? nullptr : &extra, &pid))
    return Status::Error(name + ": cannot run it: " + std::strerror(error));
  in.Close(0);
  out.Close(1);
  err.Close(1);
  extra.Close(0);
  // A child that stops reading must not kill us with SIGPIPE.
  struct sigaction ignore = {}, old = {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &old);
  Exchange exchange(&in, &out, &err, input, Sink{&result->output, output_cap, &result->truncated},
                    Sink{&result->errors});
  Clock::time_point deadline = Clock::now() + timeout;
  bool exited = false;
  bool stopped = false;
  while (!exited && Clock::now() < deadline && !(stopped = cancelled && cancelled())) {
    exchange.Step(MillisUntil(deadline, 50));
    // WNOWAIT: the exited child stays unreaped, so its pid (the group's id) cannot be reused before the kill below.
    siginfo_t info = {};
    exited = waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
  }
  if (exited) exchange.Drain();
  kill(-pid, SIGKILL);  // the group: whatever it left behind, or all of it at the deadline
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  sigaction(SIGPIPE, &old, nullptr);
  // The tails: the output's when it is not kept apart (then capped as it came), the errors' always.
  for (std::string* tail : {apart ? nullptr : &result->output, &result->errors})
    if (tail && tail->size() > kKeptOutput) tail->erase(0, tail->size() - kKeptOutput);
  if (!exited && stopped) return Status::Error(name + ": stopped: icetrack was told to stop");
  if (!exited) return Status::Error(name + ": still running after " + SecondsText(timeout) + " s; killed");
  result->exit_code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  return Status::Ok();
}

}  // namespace

Status RunChild(const std::vector<std::string>& argv, const std::string& input, std::chrono::milliseconds timeout,
                ChildResult* result, const std::string& fd3, const std::function<bool()>& cancelled) {
  return Run(argv, input, timeout, 0, result, fd3, cancelled, "");
}

Status RunChildForOutput(const std::vector<std::string>& argv, const std::string& input,
                         std::chrono::milliseconds timeout, size_t output_cap, ChildResult* result,
                         const std::function<bool()>& cancelled, const std::string& name) {
  return Run(argv, input, timeout, std::max<size_t>(output_cap, 1), result, "", cancelled, name);
}

}  // namespace icetrack

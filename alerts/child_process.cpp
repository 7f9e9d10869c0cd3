#include "alerts/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

extern char** environ;

namespace icetrack {
namespace {

constexpr size_t kKeptOutput = 64 * 1024;

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

int64_t MillisLeft(std::chrono::steady_clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  return left.count() > 0 ? left.count() : 0;
}

// Writes `input` and reads the output until both pipes are done or the deadline passes.
bool Exchange(Pipe* in, Pipe* out, const std::string& input, std::chrono::steady_clock::time_point deadline,
              std::string* output) {
  size_t written = 0;
  if (input.empty()) in->Close(1);
  else fcntl(in->fd[1], F_SETFL, O_NONBLOCK);
  while (out->fd[0] >= 0) {
    pollfd fds[2] = {{out->fd[0], POLLIN, 0}, {in->fd[1], POLLOUT, 0}};
    int n = poll(fds, in->fd[1] >= 0 ? 2 : 1, static_cast<int>(MillisLeft(deadline)));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;  // the deadline
    if (in->fd[1] >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t w = write(in->fd[1], input.data() + written, input.size() - written);
      if (w > 0) written += static_cast<size_t>(w);
      if (w < 0 && errno != EAGAIN && errno != EINTR) written = input.size();  // the child stopped reading
      if (written == input.size()) in->Close(1);
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      char buffer[8192];
      ssize_t r = read(out->fd[0], buffer, sizeof buffer);
      if (r > 0) {
        output->append(buffer, static_cast<size_t>(r));
        if (output->size() > 2 * kKeptOutput) output->erase(0, output->size() - kKeptOutput);
      } else if (r == 0 || errno != EINTR) {
        out->Close(0);
      }
    }
  }
  return true;
}

}  // namespace

Status RunChild(const std::vector<std::string>& argv, const std::string& input, std::chrono::milliseconds timeout,
                ChildResult* result) {
  *result = ChildResult();
  if (argv.empty()) return Status::Error("no program to run");
  Pipe in, out;
  if (!in.Open() || !out.Open()) return Status::Error(argv[0] + ": cannot make a pipe: " + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 2);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int error = posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) return Status::Error(argv[0] + ": cannot run it: " + std::strerror(error));
  in.Close(0);
  out.Close(1);
  // A child that stops reading must not kill us with SIGPIPE.
  struct sigaction ignore = {}, old = {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &old);
  bool finished = Exchange(&in, &out, input, std::chrono::steady_clock::now() + timeout, &result->output);
  sigaction(SIGPIPE, &old, nullptr);
  if (result->output.size() > kKeptOutput) result->output.erase(0, result->output.size() - kKeptOutput);
  if (!finished) kill(pid, SIGKILL);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (!finished) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", static_cast<double>(timeout.count()) / 1000.0);
    return Status::Error(argv[0] + ": still running after " + seconds + " s; killed");
  }
  result->exit_code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  return Status::Ok();
}

}  // namespace icetrack

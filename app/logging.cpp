#include "app/logging.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace icetrack {
namespace {

// sd-daemon(3): "<3>" error, "<4>" warning, "<6>" info, "<7>" debug.
const char* JournalPrefix(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::critical:
    case spdlog::level::err: return "<3>";
    case spdlog::level::warn: return "<4>";
    case spdlog::level::trace:
    case spdlog::level::debug: return "<7>";
    default: return "<6>";
  }
}

// One line per message on stderr, as described in the header.
class StderrSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit StderrSink(bool journal) : journal_(journal) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    std::string line = journal_ ? JournalPrefix(msg.level) : "icetrack: ";
    line.append(msg.payload.data(), msg.payload.size());
    // One message, one line: a journal entry never splits, a terminal never gets a stray break.
    for (char& c : line) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }

 private:
  bool journal_;
};

}  // namespace

bool StderrIsJournal() {
  const char* stream = std::getenv("JOURNAL_STREAM");
  if (!stream || !*stream) return false;
  struct stat st;
  if (fstat(2, &st) != 0) return false;
  unsigned long long dev = 0, ino = 0;
  if (std::sscanf(stream, "%llu:%llu", &dev, &ino) != 2) return false;
  return dev == static_cast<unsigned long long>(st.st_dev) && ino == static_cast<unsigned long long>(st.st_ino);
}

void InitLogging(Verbosity verbosity) {
  auto logger = std::make_shared<spdlog::logger>("icetrack", std::make_shared<StderrSink>(StderrIsJournal()));
  logger->set_level(verbosity == Verbosity::Quiet     ? spdlog::level::warn
                    : verbosity == Verbosity::Verbose ? spdlog::level::debug
                                                      : spdlog::level::info);
  logger->flush_on(spdlog::level::trace);  // every line at once: a killed daemon loses none
  spdlog::set_default_logger(logger);
}

}  // namespace icetrack

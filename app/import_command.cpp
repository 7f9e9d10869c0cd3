#include "app/import_command.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "app/exit_codes.h"
#include "app/ingest.h"
#include "app/store_option.h"
#include "parser/xlsx_reader.h"

namespace icetrack {

namespace {

struct ImportOptions {
  std::vector<std::string> paths;
  std::string db;
  IngestOptions ingest;
  bool quiet = false;
};

struct Candidate {
  std::string path, bytes, published_at;
};

// FILE arguments as given; DIR arguments give their .xlsx files, recursively.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg, ec)) {
        std::string ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
        if (entry.is_regular_file() && ext == ".xlsx") files.push_back(entry.path().string());
      }
    } else {
      files.push_back(arg);
    }
  }
  return files;
}

bool ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

void Progress(size_t done, size_t total, const std::string& name) {
  if (!isatty(STDERR_FILENO)) return;
  const int width = 30;
  int filled = total ? static_cast<int>(width * done / total) : width;
  std::cerr << "\r[" << std::string(static_cast<size_t>(filled), '#') << std::string(static_cast<size_t>(width - filled), ' ')
            << "] " << done << "/" << total << " " << name.substr(0, 40) << "\x1b[K" << std::flush;
  if (done == total) std::cerr << "\r\x1b[K" << std::flush;
}

int RunImport(const ImportOptions& options) {
  std::unique_ptr<InstanceLock> lock;
  std::unique_ptr<Store> store;
  if (int code = OpenStoreForWriting(options.db, &lock, &store)) return code;
  const IngestOptions& ingest = options.ingest;

  int failures = 0;
  std::vector<Candidate> candidates;
  for (const std::string& path : ExpandPaths(options.paths)) {
    Candidate c{path, "", ""};
    Status s = ReadWhole(path, &c.bytes) ? ReadWorkbookModifiedTime(c.bytes, path, ingest.limits, &c.published_at)
                                         : Status::Error(path + ": cannot read file");
    if (!s.ok()) {
      std::cerr << "icetrack: " << s.message() << " (skipped)\n";
      ++failures;
      continue;
    }
    c.published_at = NormalizeTime(c.published_at);
    candidates.push_back(std::move(c));
  }
  // Publication order, not argument order: the diff must see history forwards.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.published_at, a.path) < std::tie(b.published_at, b.path);
  });
  for (size_t i = 0; i < candidates.size(); ++i) {
    Candidate& c = candidates[i];
    Progress(i, candidates.size(), std::filesystem::path(c.path).filename().string());
    IngestInput input;
    input.bytes = std::move(c.bytes);
    input.source_name = std::filesystem::path(c.path).filename().string();
    input.label = c.path;
    IngestOutcome outcome;
    Status s = Ingest(store.get(), input, ingest, &outcome);
    if (!s.ok()) {
      Progress(candidates.size(), candidates.size(), "");
      std::cerr << "icetrack: " << s.message() << " (skipped)\n";
      ++failures;
      continue;
    }
    if (options.quiet) continue;
    std::string summary = SummarizeEvents(outcome.events);
    Progress(candidates.size(), candidates.size(), "");
    std::cout << outcome.published_at << "  " << ToString(outcome.list) << "  " << outcome.rows << " rows  "
              << ToString(outcome.result);
    if (outcome.snapshot_id) std::cout << " #" << outcome.snapshot_id;
    if (!summary.empty() && outcome.result != IngestResult::Duplicate) std::cout << ": " << summary;
    if (!outcome.note.empty()) std::cout << " (" << outcome.note << ")";
    std::cout << "  " << c.path << "\n";
  }
  Progress(candidates.size(), candidates.size(), "");
  if (failures) {
    std::cerr << "icetrack: " << failures << " file(s) could not be imported\n";
    return kExitParse;
  }
  return kExitOk;
}

}  // namespace

void AddImportCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* cmd = app.add_subcommand("import", "Ingest archived workbooks (files or folders) in publication order");
  cmd->add_option("PATH", options->paths, "Workbooks (.xlsx) or folders of them")->required();
  AddDbOption(cmd, &options->db);
  AddDiffOptions(cmd, &options->ingest);
  cmd->add_flag("-q,--quiet", options->quiet, "Print only errors");
  cmd->callback([options, exit_code] { *exit_code = RunImport(*options); });
}

}  // namespace icetrack

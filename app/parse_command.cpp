#include "app/parse_command.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "app/exit_codes.h"
#include "fetcher/local_file.h"
#include "parser/roster_reader.h"
#include "report/roster_format.h"

namespace icetrack {

namespace {

struct ParseOptions {
  std::string file;
  bool json = false;
};

int RunParse(const ParseOptions& options) {
  // Read from the file as needed, not held: a workbook of a million rows is tens of MB.
  int fd = -1;
  std::unique_ptr<XlsxReader> workbook;
  Status s = OpenLocalFile(options.file, &fd);
  if (s.ok()) s = XlsxReader::OpenFile(fd, options.file, ZipLimits(), &workbook);
  auto write = [](std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); };
  std::unique_ptr<RosterSink> out;
  if (options.json) out = std::make_unique<RosterJsonWriter>(options.file, write);
  else out = std::make_unique<RosterTableWriter>(options.file, write);
  if (s.ok()) s = ReadRoster(*workbook, out.get());
  if (!s.ok()) {
    std::fflush(stdout);
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitParse;
  }
  return kExitOk;
}

}  // namespace

void AddParseCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ParseOptions>();
  CLI::App* cmd = app.add_subcommand("parse", "Read one workbook and print its normalized roster");
  cmd->add_option("FILE", options->file, "An ICE 287(g) workbook (.xlsx)")->required();
  cmd->add_flag("--json", options->json, "Print one JSON document instead of a table");
  cmd->callback([options, exit_code] { *exit_code = RunParse(*options); });
}

}  // namespace icetrack

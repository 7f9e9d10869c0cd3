#include "app/parse_command.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/exit_codes.h"
#include "app/roster_json.h"
#include "fetcher/local_file.h"
#include "parser/roster_reader.h"

namespace icetrack {

namespace {

struct ParseOptions {
  std::string file;
  bool json = false;
};

// Characters, not bytes: "Sheriff’s" is 9 wide, not 11.
size_t Width(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Cuts `s` to `width` characters (marking the cut with ~) and pads it.
std::string Cell(const std::string& s, size_t width) {
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    bool lead = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (lead && ++n > width - 1 && Width(s) > width) {
      out += "~";
      break;
    }
    out += s[i];
  }
  return out + std::string(width - std::min(width, Width(out)), ' ');
}

void PrintTable(const std::string& file, const Roster& roster) {
  std::printf("%-2s  %-44s  %-12s  %-3s  %-10s  %-7s  %s\n", "ST", "AGENCY", "TYPE", "MOD",
              "SIGNED", "MOA", "COUNTY");
  for (const RosterRow& r : roster.rows) {
    std::string model = r.model == Model::Unknown ? "?" : ToString(r.model);
    std::string signed_date = r.signed_date.empty() ? (r.signed_raw.empty() ? "" : "?" + r.signed_raw) : r.signed_date;
    std::printf("%-2s  %s  %s  %-3s  %s  %-7s  %s\n",
                r.state_code.empty() ? "??" : r.state_code.c_str(), Cell(r.agency, 44).c_str(),
                Cell(r.agency_type, 12).c_str(), model.c_str(), Cell(signed_date, 10).c_str(),
                ToString(r.moa_status), r.county.c_str());
  }
  ModelCounts c = CountModels(roster.rows);
  std::printf("\n%s: %s list, sheet \"%s\", header row %d\n", file.c_str(), ToString(roster.kind),
              roster.sheet.c_str(), roster.header_row);
  std::printf("%zu rows: JEM %d, TFM %d, WSO %d, unknown model %d\n", roster.rows.size(), c.jem,
              c.tfm, c.wso, c.unknown);
  for (const std::string& sheet : roster.ignored_sheets)
    std::printf("ignored sheet \"%s\" (not the roster)\n", sheet.c_str());
  for (const Warning& w : roster.warnings)
    std::printf("warning: row %d%s%s: %s\n", w.row, w.column.empty() ? "" : ", ",
                w.column.c_str(), w.message.c_str());
}

int RunParse(const ParseOptions& options) {
  Roster roster;
  std::string bytes;
  Status s = ReadLocalFile(options.file, &bytes);
  if (s.ok()) s = ReadRosterBuffer(std::move(bytes), options.file, ZipLimits(), &roster);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitParse;
  }
  if (options.json) {
    std::string json;
    WriteRosterJson(options.file, roster, &json);
    std::cout << json;
  } else {
    PrintTable(options.file, roster);
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

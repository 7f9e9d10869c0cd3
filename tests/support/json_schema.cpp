#include "tests/support/json_schema.h"

#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace icetrack::test {
namespace {

// argv: the docs folder, the schema's file name, then the documents.
constexpr char kValidator[] =
    "import glob, json, sys, jsonschema\n"
    "store = {}\n"
    "for f in glob.glob(sys.argv[1] + \"/*.schema.json\"):\n"
    "    s = json.load(open(f)); store[s[\"$id\"]] = s\n"
    "schema = json.load(open(sys.argv[1] + \"/\" + sys.argv[2]))\n"
    "jsonschema.Draft202012Validator.check_schema(schema)\n"
    "resolver = jsonschema.RefResolver.from_schema(schema, store=store)\n"
    "for f in sys.argv[3:]:\n"
    "    jsonschema.Draft202012Validator(schema, resolver=resolver).validate(json.load(open(f)))\n";

}  // namespace

std::string JsonSchemaErrors(const std::string& schema, const std::vector<std::string>& files) {
  std::string command = "/usr/bin/python3 -c '" + std::string(kValidator) + "' " ICETRACK_SOURCE_DIR "/docs " + schema;
  for (const std::string& f : files) command += " " + f;
  CommandRun r = RunCommand(command);
  if (r.exit_code == 0) return "";
  return r.err.empty() ? "the validator exited " + std::to_string(r.exit_code) : r.err;
}

std::string JsonTextSchemaErrors(const std::string& schema, const std::string& json) {
  TempDir dir;
  WriteFile(dir.File("document.json"), json);
  return JsonSchemaErrors(schema, {dir.File("document.json")});
}

}  // namespace icetrack::test

#include "app/wayback_sources.h"

#include <sys/stat.h>

#include <toml++/toml.h>

#include "app/binary_folder.h"
#include "app/toml_table.h"
#include "fetcher/local_file.h"

namespace icetrack {
namespace {

constexpr int64_t kMaxSourcesBytes = 1 << 20;
constexpr char kFileName[] = "wayback-sources.toml";

bool IsFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Status ReadList(const std::string& path, const toml::table& root, const char* key, std::vector<CdxQuery>* out) {
  const toml::node* list = root.get(key);
  if (!list) return Status::Ok();
  if (!list->is_array_of_tables())
    return Status::Error(path + ": " + key + ": write one [[" + key + "]] table per place to ask about");
  size_t index = 0;
  for (const toml::node& node : *list->as_array()) {
    TomlTable entry(path, *node.as_table(), std::string(key) + "[" + std::to_string(++index) + "]");
    entry.RejectUnknown({"url", "prefix"});
    CdxQuery q;
    if (!entry.String("url", &q.url) && entry.ok()) entry.Fail("url", std::string("every [[") + key + "]] needs a url");
    if (entry.ok() && (q.url.empty() || q.url.find_first_of(" \t\r\n") != std::string::npos))
      entry.Fail("url", "\"" + q.url + "\" is not a URL");
    entry.Boolean("prefix", &q.prefix);
    if (!entry.ok()) return entry.status();
    out->push_back(q);
  }
  return Status::Ok();
}

Status ReadEntries(const std::string& path, const toml::table& root, WaybackSources* out) {
  TomlTable top(path, root, "");
  top.RejectUnknown({"workbooks", "pages"});
  if (!top.ok()) return top.status();
  Status s = ReadList(path, root, "workbooks", &out->workbooks);
  if (s.ok()) s = ReadList(path, root, "pages", &out->pages);
  if (s.ok() && out->workbooks.empty() && out->pages.empty())
    s = Status::Error(path + ": write a [[workbooks]] or [[pages]] table per place to ask about");
  return s;
}

}  // namespace

Status ReadWaybackSources(const std::string& path, WaybackSources* out) {
  *out = WaybackSources();
  std::string text;
  Status s = ReadLocalFile(path, &text, kMaxSourcesBytes);
  if (!s.ok()) return s;
  try {
    toml::table root = toml::parse(text, path);
    return ReadEntries(path, root, out);
  } catch (const toml::parse_error& e) {
    return Status::Error(TomlPosition(path, e.source().begin) + ": " + std::string(e.description()));
  } catch (const std::exception& e) {
    return Status::Error(path + ": " + e.what());
  }
}

std::string DefaultWaybackSources() {
  std::string bin = BinaryFolder();
  for (const std::string& candidate : {bin + "/../share/icetrack/" + kFileName, std::string(ICETRACK_DATADIR "/") + kFileName,
                                       std::string(ICETRACK_SOURCE_DATADIR "/") + kFileName}) {
    if (IsFile(candidate)) return candidate;
  }
  return "";
}

}  // namespace icetrack

#include "app/language.h"

#include <libintl.h>
#include <sys/stat.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "app/binary_folder.h"
#include "report/translate.h"

namespace icetrack {
namespace {

std::vector<std::string> CatalogFolders() {
  std::vector<std::string> out;
  if (const char* env = std::getenv("ICETRACK_LOCALEDIR"); env && *env) out.push_back(env);
  std::string bin = BinaryFolder();
  if (!bin.empty()) {
    out.push_back(bin + "/../locale");        // the build tree: build/app/icetrack, build/locale
    out.push_back(bin + "/../share/locale");  // an install: PREFIX/bin/icetrack, PREFIX/share/locale
  }
  out.push_back(ICETRACK_LOCALEDIR);
  return out;
}

bool HasCatalog(const std::string& folder, Language language) {
  struct stat st;
  std::string file = folder + "/" + ToString(language) + "/LC_MESSAGES/" + kTextDomain + ".mo";
  return stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string Joined(const std::vector<std::string>& folders) {
  std::string out;
  for (const std::string& f : folders) out += (out.empty() ? "" : ", ") + f;
  return out;
}

}  // namespace

Status PrepareLanguage(Language language) {
  static bool prepared = false;
  if (language == Language::English || prepared) return Status::Ok();
  std::vector<std::string> folders = CatalogFolders();
  std::string found;
  for (const std::string& f : folders) {
    if (HasCatalog(f, language)) {
      found = f;
      break;
    }
  }
  std::string name = std::string("\"") + ToString(language) + "\"";
  if (found.empty())
    return Status::Error("no catalog for " + name + " (" + kTextDomain + ".mo) in " + Joined(folders));
  if (!std::setlocale(LC_MESSAGES, "C.UTF-8")) return Status::Error("the C.UTF-8 locale is missing: messages need it");
  setenv("LANGUAGE", ToString(language), 1);
  bindtextdomain(kTextDomain, found.c_str());
  bind_textdomain_codeset(kTextDomain, "UTF-8");
  // A catalog that glibc cannot read translates nothing: try a word every catalog has.
  if (std::strcmp(Tr(language, "Agreements"), "Agreements") == 0)
    return Status::Error("the catalog for " + name + " in " + found + " translates nothing");
  prepared = true;
  return Status::Ok();
}

Status ReadLanguage(const std::string& text, Language* out) {
  if (!ParseLanguage(text, out)) return Status::Error("\"" + text + "\" is not a language: write en or es");
  return PrepareLanguage(*out);
}

}  // namespace icetrack

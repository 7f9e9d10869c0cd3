#include <cstdlib>
#include <filesystem>

#include "model/crypto_library.h"
#include "store/store.h"

namespace icetrack {

std::string DefaultDatabasePath() {
  auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v && *v ? v : "";
  };
  if (std::string db = env("ICETRACK_DB"); !db.empty()) return db;
  // systemd's StateDirectory= may list several folders separated by ':'; use the first.
  if (std::string dir = env("STATE_DIRECTORY"); !dir.empty()) return dir.substr(0, dir.find(':')) + "/icetrack.db";
  if (std::string xdg = env("XDG_STATE_HOME"); !xdg.empty()) return xdg + "/icetrack/icetrack.db";
  std::string home = env("HOME");
  return (home.empty() ? std::string(".") : home) + "/.local/state/icetrack/icetrack.db";
}

std::string ResolvedDatabasePath(const std::string& path) {
  std::filesystem::path at = path;
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!std::filesystem::is_symlink(at, ec)) break;
    std::filesystem::path target = std::filesystem::read_symlink(at, ec);
    if (ec) break;
    at = target.is_absolute() ? target : at.parent_path() / target;
  }
  return at.string();
}

namespace {

// OpenSSL 3 looks an algorithm up in its providers (under locks) each time
// EVP_sha256() names it to a digest: for the short inputs of event uids that
// lookup was most of the cost. Fetched once, for the life of the process;
// an EVP_MD is immutable, so both of import's threads use it.
const EVP_MD* Sha256() {
  static EVP_MD* fetched = Crypto().md_fetch(nullptr, "SHA256", nullptr);
  return fetched ? fetched : Crypto().sha256();
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  Crypto().digest(bytes.data(), bytes.size(), digest, &length, Sha256(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out(2 * length, '0');
  for (unsigned int i = 0; i < length; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace icetrack

#include "app/moa_command.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "app/exit_codes.h"
#include "app/option_values.h"
#include "app/output_file.h"
#include "app/store_option.h"
#include "fetcher/download.h"
#include "report/moa_format.h"

namespace icetrack {
namespace {

struct MoaOptions {
  AgreementChoice chosen;
  std::string out;   // "" = list only
  std::string grep;  // "" = no text search
  int limit = 20;
};

// "2025-06-12_3f2a9c1b7d4e_PolkCoFL_TFM_MOA.pdf": when it was first seen, which bytes, the link's own name.
std::string VersionFileName(const MoaVersion& v) {
  return v.seen_at.substr(0, 10) + "_" + v.sha256.substr(0, 12) + "_" + SafeFileName(v.url, "document.pdf");
}

// The links of an agreement: its current MOA and addendum first, then the ones its events named before.
std::vector<std::pair<std::string, bool>> LinksOf(const AgreementHistory& h) {
  std::vector<std::pair<std::string, bool>> out;
  auto add = [&out](const std::string& url, bool addendum) {
    if (url.rfind("http", 0) != 0) return;
    for (const auto& [known, _] : out) {
      if (known == url) return;
    }
    out.push_back({url, addendum});
  };
  add(h.current.moa_url, false);
  add(h.current.addendum_url, true);
  for (auto it = h.events.rbegin(); it != h.events.rend(); ++it) add(it->event.moa_url, false);
  return out;
}

Status Gather(Store* store, const std::vector<AgreementHistory>& found, std::vector<AgreementDocuments>* out) {
  std::map<std::string, MoaDocument> checked;
  Status s = store->MoaDocuments(&checked);
  for (const AgreementHistory& h : found) {
    if (!s.ok()) break;
    AgreementDocuments a{h.current.state_code, h.current.agency, ToString(h.current.model), {}};
    for (const auto& [url, addendum] : LinksOf(h)) {
      LinkedDocument d;
      d.addendum = addendum;
      d.url = url;
      if (auto it = checked.find(url); it != checked.end()) d.checked = it->second;
      if (!(s = store->MoaVersions({url}, &d.versions)).ok()) break;
      a.links.push_back(std::move(d));
    }
    out->push_back(std::move(a));
  }
  return s;
}

// Every version kept, into `dir` (made when missing); the count written.
Status WriteVersions(Store* store, const std::vector<AgreementDocuments>& docs, const std::string& dir, int* written) {
  *written = 0;
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  Status s = error ? Status::Error(dir + ": cannot make the folder: " + error.message()) : Status::Ok();
  for (const AgreementDocuments& a : docs) {
    for (const LinkedDocument& d : a.links) {
      for (const MoaVersion& v : d.versions) {
        std::string bytes;
        if (s.ok()) s = store->MoaFile(v.sha256, &bytes);
        if (s.ok()) s = WriteFileAtomically(dir + "/" + VersionFileName(v), bytes);
        if (s.ok()) ++*written;
      }
    }
  }
  return s;
}

// Whether `phrase` has a word to look for (FTS5 reads letters and digits only).
bool HasWord(const std::string& phrase) {
  for (unsigned char c : phrase)
    if (std::isalnum(c) || c >= 0x80) return true;
  return false;
}

// The documents of `docs`, by SHA-256.
std::set<std::string> DocumentsOf(const std::vector<AgreementDocuments>& docs) {
  std::set<std::string> kept;
  for (const AgreementDocuments& a : docs)
    for (const LinkedDocument& d : a.links)
      for (const MoaVersion& v : d.versions) kept.insert(v.sha256);
  return kept;
}

int RunGrep(const MoaOptions& o) {
  if (!HasWord(o.grep)) {
    std::cerr << "icetrack: --grep: \"" << o.grep << "\" has no word to look for\n";
    return kExitUsage;
  }
  std::unique_ptr<Store> store;
  std::vector<AgreementHistory> found;
  std::vector<AgreementDocuments> docs;
  Status s;
  if (!o.chosen.text.empty()) {
    if (int code = FindChosenAgreements(o.chosen, &store, &found)) return code;
    s = Gather(store.get(), found, &docs);
  } else if (int code = OpenStoreForReading(o.chosen.store, &store)) {
    return code;
  }
  std::vector<MoaTextHit> hits;
  std::set<std::string> among = DocumentsOf(docs);  // with TEXT: only its agreements' documents
  if (s.ok()) s = store->SearchMoaText(o.grep, o.limit, &hits, o.chosen.text.empty() ? nullptr : &among);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (hits.empty()) std::cerr << "icetrack: no stored document's text has \"" << o.grep << "\"\n";
  std::cout << MoaGrepListing(hits);
  return kExitOk;
}

int RunMoa(const MoaOptions& o) {
  if (!o.grep.empty() || o.chosen.text.empty()) return RunGrep(o);
  std::unique_ptr<Store> store;
  std::vector<AgreementHistory> found;
  if (int code = FindChosenAgreements(o.chosen, &store, &found)) return code;
  std::vector<AgreementDocuments> docs;
  Status s = Gather(store.get(), found, &docs);
  if (!s.ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitStore;
  }
  if (found.empty()) {
    std::cerr << "icetrack: no agreement matches \"" << o.chosen.text << "\"\n";
    return kExitOk;
  }
  std::cout << MoaListing(docs);
  if (o.out.empty()) return kExitOk;
  int written = 0;
  if (!(s = WriteVersions(store.get(), docs, o.out, &written)).ok()) {
    std::cerr << "icetrack: " << s.message() << "\n";
    return kExitOutput;
  }
  std::cout << "wrote " << written << (written == 1 ? " document" : " documents") << " into " << o.out << "\n";
  return kExitOk;
}

}  // namespace

void AddMoaCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<MoaOptions>();
  CLI::App* cmd = app.add_subcommand("moa", "The MOA and addendum documents of the agreements whose agency or county "
                                            "matches TEXT, as --archive-moa kept them");
  AddAgreementChoiceOptions(cmd, &o->chosen, "Part of an agency's or a county's name, as for show");
  auto* out = cmd->add_option("--out", o->out, "Write every version kept into this folder")->check(NonEmptyPath());
  auto* grep = cmd->add_option("--grep", o->grep,
                               "Find the documents whose text has this phrase (its words in order, any case), "
                               "among TEXT's agreements when TEXT is given")
                   ->excludes(out);
  cmd->add_option("--limit", o->limit, "With --grep: at most this many documents (default 20)")
      ->check(CLI::Range(1, 100000))
      ->needs(grep);
  cmd->callback([o, exit_code] {
    if (o->chosen.text.empty() && o->grep.empty()) {
      std::cerr << "icetrack: moa: give TEXT, --grep PHRASE, or both\n";
      *exit_code = kExitUsage;
      return;
    }
    *exit_code = RunMoa(*o);
  });
}

}  // namespace icetrack

#include "report/moa_format.h"

namespace icetrack {

std::string MoaTallyLine(const MoaCheckTally& t) {
  return "MOA documents: " + std::to_string(t.checked) + " checked, " + std::to_string(t.kept) + " new, " +
         std::to_string(t.unchanged) + " unchanged, " + std::to_string(t.missing) + " gone (404), " +
         std::to_string(t.refused) + " not PDFs, " + std::to_string(t.failed) + " failed" +
         (t.probed ? "; " + std::to_string(t.probed) + (t.probed == 1 ? " predicted link asked, " : " predicted links asked, ") +
                         std::to_string(t.found_unlinked) + " found before the roster links them"
                   : "") +
         (t.texts || t.unreadable ? "; " + std::to_string(t.texts) + (t.texts == 1 ? " text read" : " texts read") +
                                        (t.unreadable ? " (" + std::to_string(t.unreadable) + " unreadable)" : "")
                                  : "");
}

std::string MoaListing(const std::vector<AgreementDocuments>& found) {
  std::string out;
  for (const AgreementDocuments& a : found) {
    out += a.state_code + "  " + a.agency + (a.model.empty() ? "" : "  " + a.model) + "\n";
    if (a.links.empty()) out += "  no MOA linked\n";
    for (const LinkedDocument& d : a.links) {
      out += std::string("  ") + (d.addendum ? "addendum " : "MOA ") + d.url + "  ";
      if (!d.checked) out += "never checked (run with --archive-moa)";
      else out += std::string(ToString(d.checked->status)) + ", checked " + d.checked->checked_at.substr(0, 10) +
                  (d.checked->error.empty() ? "" : ": " + d.checked->error);
      out += "\n";
      for (const MoaVersion& v : d.versions)
        out += "    " + v.seen_at.substr(0, 10) + "  " + v.sha256.substr(0, 12) + "  " + std::to_string(v.size) + " bytes\n";
    }
    out += "\n";
  }
  return out;
}

namespace {

// Text from a document or the roster for a terminal: control characters
// (a document's could move the cursor or recolour it) and runs of white
// space as one space.
std::string Printable(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == ' ';
    if (!control) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

}  // namespace

std::string MoaGrepListing(const std::vector<MoaTextHit>& hits) {
  std::string out;
  for (const MoaTextHit& h : hits) {
    for (const AgreementName& a : h.agreements)
      out += a.state_code + "  " + Printable(a.agency) + (a.model.empty() ? "" : "  " + a.model) + "\n";
    if (h.agreements.empty()) out += "(no agreement links it now)\n";
    for (const MoaVersion& v : h.served) out += "  " + Printable(v.url) + "  since " + v.seen_at.substr(0, 10) + "\n";
    out += "  " + h.sha256.substr(0, 12) + "  " + std::to_string(h.size) + " bytes\n";
    out += "  \"" + Printable(h.snippet) + "\"\n\n";
  }
  return out;
}

nlohmann::ordered_json MoaTallyJson(const MoaCheckTally& t) {
  return {{"checked", t.checked},   {"new", t.kept},
          {"unchanged", t.unchanged}, {"missing", t.missing},
          {"refused", t.refused},   {"failed", t.failed},
          {"probed", t.probed},     {"found_unlinked", t.found_unlinked},
          {"texts", t.texts},       {"unreadable", t.unreadable}};
}

}  // namespace icetrack

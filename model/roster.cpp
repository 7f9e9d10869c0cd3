#include "model/roster.h"
#include "model/table.h"

namespace icetrack {

const char* ToString(ListKind kind) {
  return kind == ListKind::Participating ? "participating" : "pending";
}

const char* ToString(Model model) {
  switch (model) {
    case Model::JEM: return "JEM";
    case Model::TFM: return "TFM";
    case Model::WSO: return "WSO";
    case Model::Unknown: break;
  }
  return "";
}

const char* ToString(LinkStatus status) {
  switch (status) {
    case LinkStatus::Link: return "link";
    case LinkStatus::Pending: return "pending";
    case LinkStatus::None: break;
  }
  return "none";
}

bool ParseListKind(const std::string& text, ListKind* out) {
  if (text == "participating") { *out = ListKind::Participating; return true; }
  if (text == "pending") { *out = ListKind::Pending; return true; }
  return false;
}

bool ParseModel(const std::string& text, Model* out) {
  for (Model m : {Model::JEM, Model::TFM, Model::WSO}) {
    if (text == ToString(m)) { *out = m; return true; }
  }
  return false;
}

std::string KeyName(const std::string& key) {
  size_t a = key.find('|');
  size_t b = key.rfind('|');
  if (a == std::string::npos || b == a) return key;
  return key.substr(a + 1, b - a - 1);
}

void ModelCounts::Add(Model model) {
  switch (model) {
    case Model::JEM: ++jem; break;
    case Model::TFM: ++tfm; break;
    case Model::WSO: ++wso; break;
    case Model::Unknown: ++unknown; break;
  }
}

ModelCounts CountModels(const std::vector<RosterRow>& rows) {
  ModelCounts counts;
  for (const RosterRow& row : rows) counts.Add(row.model);
  return counts;
}

std::string ColumnName(int column) {
  std::string letters;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters;
}

std::string CellName(int row, int column) { return ColumnName(column) + std::to_string(row); }

}  // namespace icetrack

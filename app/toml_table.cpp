#include "app/toml_table.h"

#include <cmath>
#include <sstream>

#include "model/edit_distance.h"

namespace icetrack {

std::string TomlPosition(const std::string& file, const toml::source_position& p) {
  return file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

TomlTable::TomlTable(const std::string& file, const toml::table& table, std::string name)
    : file_(file), table_(table), name_(std::move(name)) {}

std::string TomlTable::Where(const toml::source_region& region) const { return TomlPosition(file_, region.begin); }

void TomlTable::Fail(const std::string& key, const std::string& message) {
  if (!status_.ok()) return;
  const toml::node* node = table_.get(key);
  std::string where = Where(node ? node->source() : table_.source());
  status_ = Status::Error(where + ": " + (name_.empty() ? "" : name_ + ".") + key + ": " + message);
}

const toml::node* TomlTable::Node(const std::string& key, toml::node_type type, const char* type_name) {
  if (!status_.ok()) return nullptr;
  const toml::node* node = table_.get(key);
  if (!node) return nullptr;
  if (node->type() != type) {
    Fail(key, std::string("must be ") + type_name);
    return nullptr;
  }
  return node;
}

bool TomlTable::String(const std::string& key, std::string* out) {
  const toml::node* node = Node(key, toml::node_type::string, "a string (in quotes)");
  if (!node) return false;
  *out = node->as_string()->get();
  return true;
}

bool TomlTable::Strings(const std::string& key, std::vector<std::string>* out) {
  const toml::node* node = Node(key, toml::node_type::array, "an array of strings ([\"…\", \"…\"])");
  if (!node) return false;
  std::vector<std::string> values;
  for (const toml::node& item : *node->as_array()) {
    if (!item.is_string()) {
      Fail(key, "must be an array of strings ([\"…\", \"…\"])");
      return false;
    }
    values.push_back(item.as_string()->get());
  }
  *out = std::move(values);
  return true;
}

bool TomlTable::Integer(const std::string& key, int64_t low, int64_t high, std::optional<int>* out) {
  const toml::node* node = Node(key, toml::node_type::integer, "a whole number");
  if (!node) return false;
  int64_t v = node->as_integer()->get();
  if (v < low || v > high) {
    Fail(key, std::to_string(v) + " is not from " + std::to_string(low) + " to " + std::to_string(high));
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

bool TomlTable::Number(const std::string& key, double low, double high, std::optional<double>* out) {
  if (!status_.ok()) return false;
  const toml::node* node = table_.get(key);
  if (!node) return false;
  double v = 0;
  if (node->is_integer()) v = static_cast<double>(node->as_integer()->get());
  else if (node->is_floating_point()) v = node->as_floating_point()->get();
  else {
    Fail(key, "must be a number");
    return false;
  }
  if (!std::isfinite(v) || v < low || v > high) {
    std::ostringstream range;
    range << v << " is not from " << low << " to " << high;
    Fail(key, range.str());
    return false;
  }
  *out = v;
  return true;
}

bool TomlTable::Boolean(const std::string& key, bool* out) {
  const toml::node* node = Node(key, toml::node_type::boolean, "true or false");
  if (!node) return false;
  *out = node->as_boolean()->get();
  return true;
}

void TomlTable::RejectUnknown(const std::vector<std::string>& known) {
  for (const auto& [key, node] : table_) {
    std::string k(key.str());
    bool found = false;
    std::string nearest;
    int best = 3;
    size_t best_prefix = 0;
    for (const std::string& candidate : known) {
      if (candidate == k) found = true;
      int d = EditDistance(candidate, k, best);
      size_t prefix = 0;
      while (prefix < k.size() && prefix < candidate.size() && k[prefix] == candidate[prefix]) ++prefix;
      // Nearest first; of two as near, the one that starts as the key does ("sate": states, not name).
      if (d < best || (d == best && !nearest.empty() && prefix > best_prefix))
        best = d, nearest = candidate, best_prefix = prefix;
    }
    if (found) continue;
    if (!status_.ok()) return;
    status_ = Status::Error(Where(key.source()) + ": " + (name_.empty() ? "" : name_ + ".") + k + ": unknown key" +
                            (nearest.empty() ? "" : " (did you mean \"" + nearest + "\"?)"));
    return;
  }
}

}  // namespace icetrack

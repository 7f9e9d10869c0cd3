// TomlTable: one table of the configuration file, read key by key with its
// types and ranges checked, every error naming the file, the line and the
// key ("icetrack.toml:14:10: rules.removal_after: 0 is not from 1 to 100").
// The first error wins and is kept; later reads do nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "model/status.h"

namespace icetrack {

class TomlTable {
 public:
  // `name` prefixes its keys in errors ("rules", "alert \"fl-desk\"").
  TomlTable(const std::string& file, const toml::table& table, std::string name);

  // Each reads `key` when it is there (true), leaving *out alone when absent.
  bool String(const std::string& key, std::string* out);
  bool Strings(const std::string& key, std::vector<std::string>* out);  // an array of strings
  bool Integer(const std::string& key, int64_t low, int64_t high, std::optional<int>* out);
  bool Number(const std::string& key, double low, double high, std::optional<double>* out);
  bool Boolean(const std::string& key, bool* out);
  bool Has(const std::string& key) const { return table_.contains(key); }

  // An error at `key` (or at the table when it is absent).
  void Fail(const std::string& key, const std::string& message);
  // Every key not in `known` is an error, with the nearest known key suggested.
  void RejectUnknown(const std::vector<std::string>& known);

  const std::string& name() const { return name_; }
  void set_name(std::string name) { name_ = std::move(name); }
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

 private:
  const toml::node* Node(const std::string& key, toml::node_type type, const char* type_name);
  std::string Where(const toml::source_region& region) const;

  std::string file_;
  const toml::table& table_;
  std::string name_;
  Status status_;
};

// "FILE:LINE:COLUMN" of a region, for errors outside a table (a parse error).
std::string TomlPosition(const std::string& file, const toml::source_position& position);

}  // namespace icetrack

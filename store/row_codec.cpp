#include "store/row_codec.h"

#include <nlohmann/json.hpp>
#include <array>
#include <cstdint>
#include <string_view>

namespace icetrack {

const char* const kRowColumns =
    "key, state, state_code, agency, agency_type, county, model, model_raw, signed, signed_raw, "
    "moa_url, moa_status, addendum_url, extra";
const char* const kRowSelect =
    "v.key, v.state, v.state_code, v.agency, v.agency_type, v.county, v.model, v.model_raw, v.signed, "
    "v.signed_raw, v.moa_url, v.moa_status, v.addendum_url, v.extra";
const char* const kRowPlaceholders = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

namespace {

std::string ExtraJson(const RosterRow& row) {
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();
  for (const auto& [header, value] : row.extra) extra[header] = value;
  return ColumnJson(extra);
}

void ReadExtra(const std::string& text, RosterRow* row) {
  row->extra.clear();
  if (text == "{}") return;  // the common case: no extra columns
  nlohmann::ordered_json extra = nlohmann::ordered_json::parse(text, nullptr, false);
  if (!extra.is_object()) return;
  for (auto& [header, value] : extra.items())
    row->extra.emplace_back(header, value.is_string() ? value.get<std::string>() : ColumnJson(value));
}

}  // namespace

void BindRow(sql::Statement* st, int i, const RosterRow& row) {
  st->BindText(i, row.key).Bind(i + 1, row.state).Bind(i + 2, row.state_code).Bind(i + 3, row.agency)
      .Bind(i + 4, row.agency_type).Bind(i + 5, row.county).Bind(i + 6, ToString(row.model))
      .Bind(i + 7, row.model_raw).Bind(i + 8, row.signed_date).Bind(i + 9, row.signed_raw)
      .Bind(i + 10, row.moa_url).BindText(i + 11, ToString(row.moa_status)).Bind(i + 12, row.addendum_url)
      .BindText(i + 13, ExtraJson(row));
}

RosterRow ReadRow(const sql::Statement& st, int i) {
  RosterRow row;
  row.key = st.Text(i);
  row.state = st.Text(i + 1);
  row.state_code = st.Text(i + 2);
  row.agency = st.Text(i + 3);
  row.agency_type = st.Text(i + 4);
  row.county = st.Text(i + 5);
  ParseModel(st.Text(i + 6), &row.model);
  row.model_raw = st.Text(i + 7);
  row.signed_date = st.Text(i + 8);
  row.signed_raw = st.Text(i + 9);
  row.moa_url = st.Text(i + 10);
  std::string status = st.Text(i + 11);
  row.moa_status = status == "link" ? LinkStatus::Link : status == "pending" ? LinkStatus::Pending : LinkStatus::None;
  row.addendum_url = st.Text(i + 12);
  ReadExtra(st.Text(i + 13), &row);
  return row;
}

void AsStored(RosterRow* row) {
  row->source_row = 0;
  if (!row->extra.empty()) ReadExtra(ExtraJson(*row), row);
}

namespace {

// What a row's content is, for ContentDigest (its extra
// columns apart): every field but where in the sheet it stood.
std::array<std::string_view, 13> ContentFields(const RosterRow& r) {
  return {r.key,       r.state,       r.state_code, r.agency,          r.agency_type,
          r.county,    ToString(r.model), r.model_raw, r.signed_date,  r.signed_raw,
          r.moa_url,   ToString(r.moa_status), r.addendum_url};
}

}  // namespace

std::string ContentDigest(const RosterRow& r) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view field) {
    for (char c : field) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h = (h ^ 0x1f) * 1099511628211ull;  // field separator
  };
  for (std::string_view f : ContentFields(r)) mix(f);
  for (const auto& [header, value] : r.extra) {
    mix(header);
    mix(value);
  }
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) hex[static_cast<size_t>(i)] = "0123456789abcdef"[h & 0xf];
  return hex;
}

bool SameContent(const PackedRow& a, const PackedRow& b) {
  return !a.has_extra() && !b.has_extra() && a.SameFields(b);
}

}  // namespace icetrack

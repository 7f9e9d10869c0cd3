#include "store/row_codec.h"

#include <nlohmann/json.hpp>
#include <tuple>

namespace icetrack {

const char* const kRowColumns =
    "key, state, state_code, agency, agency_type, county, model, model_raw, signed, signed_raw, "
    "moa_url, moa_status, addendum_url, extra";
const char* const kRowSelect =
    "v.key, v.state, v.state_code, v.agency, v.agency_type, v.county, v.model, v.model_raw, v.signed, "
    "v.signed_raw, v.moa_url, v.moa_status, v.addendum_url, v.extra";
const char* const kRowPlaceholders = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

void BindRow(sql::Statement* st, int i, const RosterRow& row) {
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();
  for (const auto& [header, value] : row.extra) extra[header] = value;
  st->BindText(i, row.key).Bind(i + 1, row.state).Bind(i + 2, row.state_code).Bind(i + 3, row.agency)
      .Bind(i + 4, row.agency_type).Bind(i + 5, row.county).Bind(i + 6, ToString(row.model))
      .Bind(i + 7, row.model_raw).Bind(i + 8, row.signed_date).Bind(i + 9, row.signed_raw)
      .Bind(i + 10, row.moa_url).BindText(i + 11, ToString(row.moa_status)).Bind(i + 12, row.addendum_url)
      .BindText(i + 13, extra.dump());
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
  nlohmann::ordered_json extra = nlohmann::ordered_json::parse(st.Text(i + 13), nullptr, false);
  if (extra.is_object()) {
    for (auto& [header, value] : extra.items())
      row.extra.emplace_back(header, value.is_string() ? value.get<std::string>() : value.dump());
  }
  return row;
}

bool SameContent(const RosterRow& a, const RosterRow& b) {
  auto fields = [](const RosterRow& r) {
    return std::tie(r.key, r.state, r.state_code, r.agency, r.agency_type, r.county, r.model, r.model_raw,
                    r.signed_date, r.signed_raw, r.moa_url, r.moa_status, r.addendum_url, r.extra);
  };
  return fields(a) == fields(b);
}

}  // namespace icetrack

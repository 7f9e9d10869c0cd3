// Roster: one published list of 287(g) agencies, normalized.
//
// A roster is either the participating list (agreements signed) or the
// pending list (applications). Every RosterRow carries both what ICE wrote
// (the *_raw fields) and what icetrack understood, so nothing is lost when a
// value cannot be read with certainty: the normalized field is then empty and
// a Warning says why.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace icetrack {

enum class ListKind { Participating, Pending };
enum class Model { Unknown, JEM, TFM, WSO };
enum class LinkStatus { None, Pending, Link };

const char* ToString(ListKind kind);     // "participating" / "pending"
const char* ToString(Model model);       // "JEM" / "TFM" / "WSO" / ""
const char* ToString(LinkStatus status); // "none" / "pending" / "link"
bool ParseListKind(const std::string& text, ListKind* out);
bool ParseModel(const std::string& text, Model* out);  // "JEM", "TFM", "WSO"

struct RosterRow {
  int source_row = 0;        // 1-based row in the sheet
  std::string state;         // as written, white space cleaned
  std::string state_code;    // USPS code ("FL"), empty when unknown
  std::string agency;        // as written, white space cleaned
  std::string agency_type;   // canonical ("County", "Municipality", "State Agency") or cleaned raw
  std::string county;        // empty for "#NA"
  Model model = Model::Unknown;
  std::string model_raw;
  std::string signed_date;   // YYYY-MM-DD, empty when unknown
  std::string signed_raw;    // the cell as written (a serial shows as its date)
  std::string moa_url;
  LinkStatus moa_status = LinkStatus::None;
  std::string addendum_url;
  std::string key;           // stable identity across publications, see agency_key.h
  std::vector<std::pair<std::string, std::string>> extra;  // unknown columns: header -> value
};

struct Warning {
  int row = 0;               // 1-based sheet row, 0 for the whole sheet
  std::string column;        // header of the column concerned, may be empty
  std::string message;
};

// What a roster says of itself, before its rows.
struct RosterHeader {
  ListKind kind = ListKind::Participating;
  std::string sheet;                       // the sheet the rows come from
  int header_row = 0;
  std::vector<std::string> fields;         // canonical fields with a column: "state", "county", …
  std::vector<std::string> ignored_sheets; // other sheets of the workbook
};

struct Roster : RosterHeader {
  std::vector<RosterRow> rows;
  std::vector<Warning> warnings;
};

// Receives a roster as it is read, without it being held whole: the header,
// then every row in sheet order (its key final), then the warnings (by row,
// then those about rows kept apart). Formats for people and files
// (report/) and the collector of a whole Roster implement it.
class RosterSink {
 public:
  virtual ~RosterSink() = default;
  virtual void Begin(const RosterHeader& header) = 0;
  virtual void Row(RosterRow&& row) = 0;  // the sink may keep it
  // Rows of a sheet held whole, in order, instead of one Row() each: a sink
  // that keeps them takes the vector as it is.
  virtual void Rows(std::vector<RosterRow>&& rows) {
    for (RosterRow& row : rows) Row(std::move(row));
  }
  virtual void End(const std::vector<Warning>& warnings) = 0;
};

// The folded agency name inside a key (see parser/agency_key.h):
// "FL|polk county sheriffs office|JEM#2" -> "polk county sheriffs office".
std::string KeyName(const std::string& key);

struct ModelCounts {
  int jem = 0, tfm = 0, wso = 0, unknown = 0;
  void Add(Model model);
};
ModelCounts CountModels(const std::vector<RosterRow>& rows);

}  // namespace icetrack

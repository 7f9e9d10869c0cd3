// HeaderMap: which column of a sheet holds which roster field.
//
// Header cells are compared case- and space-insensitively against known
// names and their synonyms ("LAW ENFORCEMENT AGENCY", "AGENCY", …). Columns
// with other headers are kept as extra columns, under their own header.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/table.h"

namespace icetrack {

enum class Field { State, Agency, AgencyType, County, Model, Signed, Moa, Addendum, Extra };
const char* FieldName(Field field);  // "state", "agency", …

struct HeaderColumn {
  int column = 0;
  Field field = Field::Extra;
  std::string header;  // as written, cleaned
};

struct HeaderMap {
  int row = 0;
  std::vector<HeaderColumn> columns;  // ascending by column
  bool Has(Field field) const;
};

// Reads `row` as a header. A roster header names at least the state and the
// agency; otherwise (a title row, a totals sheet) the result is empty.
std::optional<HeaderMap> ReadHeader(const TableRow& row);

}  // namespace icetrack

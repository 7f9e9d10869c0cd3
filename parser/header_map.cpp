#include "parser/header_map.h"

#include "parser/text.h"

namespace icetrack {

namespace {

struct Synonym {
  const char* name;  // in MatchForm
  Field field;
};

constexpr Synonym kSynonyms[] = {
    {"STATE", Field::State}, {"STATE TERRITORY", Field::State}, {"ST", Field::State},
    {"LAW ENFORCEMENT AGENCY", Field::Agency}, {"AGENCY", Field::Agency},
    {"AGENCY NAME", Field::Agency}, {"LEA", Field::Agency}, {"LAW ENFORCEMENT AGENCY LEA", Field::Agency},
    {"PARTICIPATING AGENCY", Field::Agency}, {"PARTICIPATING ENTITY", Field::Agency},
    {"ENTITY", Field::Agency}, {"NAME", Field::Agency},
    {"TYPE", Field::AgencyType}, {"AGENCY TYPE", Field::AgencyType}, {"LEA TYPE", Field::AgencyType},
    {"COUNTY", Field::County}, {"COUNTY PARISH", Field::County}, {"PARISH", Field::County},
    {"SUPPORT TYPE", Field::Model}, {"MODEL", Field::Model}, {"287 G MODEL", Field::Model},
    {"PROGRAM", Field::Model}, {"MODEL TYPE", Field::Model},
    {"SIGNED", Field::Signed}, {"DATE SIGNED", Field::Signed}, {"SIGNED DATE", Field::Signed},
    {"MOA SIGNED", Field::Signed}, {"SIGNATURE DATE", Field::Signed},
    {"MOA", Field::Moa}, {"MOA LINK", Field::Moa}, {"MEMORANDUM OF AGREEMENT", Field::Moa},
    {"ADDENDUM", Field::Addendum}, {"ADDENDUMS", Field::Addendum}, {"ADDENDA", Field::Addendum},
    {"MOA ADDENDUM", Field::Addendum},
};

Field FieldOf(const std::string& header) {
  std::string form = MatchForm(header);
  for (const Synonym& s : kSynonyms) {
    if (form == s.name) return s.field;
  }
  return Field::Extra;
}

}  // namespace

const char* FieldName(Field field) {
  switch (field) {
    case Field::State: return "state";
    case Field::Agency: return "agency";
    case Field::AgencyType: return "agency_type";
    case Field::County: return "county";
    case Field::Model: return "model";
    case Field::Signed: return "signed";
    case Field::Moa: return "moa";
    case Field::Addendum: return "addendum";
    case Field::Extra: break;
  }
  return "extra";
}

bool HeaderMap::Has(Field field) const {
  for (const HeaderColumn& c : columns) {
    if (c.field == field) return true;
  }
  return false;
}

std::optional<HeaderMap> ReadHeader(const TableRow& row) {
  HeaderMap map;
  map.row = row.row;
  for (const Cell& cell : row.cells) {
    std::string header = CleanText(cell.Text());
    if (cell.kind != CellKind::String || header.empty()) continue;
    Field field = FieldOf(header);
    if (field != Field::Extra && map.Has(field)) field = Field::Extra;  // first one wins
    map.columns.push_back({cell.column, field, header});
  }
  if (!map.Has(Field::State) || !map.Has(Field::Agency)) return std::nullopt;
  return map;
}

}  // namespace icetrack

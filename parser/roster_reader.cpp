#include "parser/roster_reader.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <iterator>
#include <map>
#include <unordered_map>
#include <utility>

#include "parser/agency_key.h"
#include "parser/field_values.h"
#include "parser/header_map.h"
#include "parser/moa_link.h"
#include "parser/text.h"
#include "parser/text_date.h"
#include "parser/us_states.h"

namespace icetrack {

namespace {

// `memo[key]`, computed by `read` the first time (and every time once the memo is full).
template <typename Value, typename Read>
Value Remembered(std::unordered_map<std::string, Value>* memo, size_t limit, const std::string& key, Read read) {
  auto it = memo->find(key);
  if (it != memo->end()) return it->second;
  Value value = read();
  if (memo->size() < limit) memo->emplace(key, value);
  return value;
}

bool IsBlank(const TableRow& row) {
  for (const Cell& cell : row.cells) {
    if (cell.kind != CellKind::Empty && !CleanText(cell.Text()).empty()) return false;
  }
  return true;
}

}  // namespace

bool RosterBuilder::Add(const TableRow& row) {
  if (has_header_) {
    if (!IsBlank(row)) AddDataRow(row);
    return true;
  }
  if (IsBlank(row)) return true;
  if (std::optional<HeaderMap> header = ReadHeader(row)) {
    has_header_ = true;
    header_row_ = header->row;
    participating_ = header->Has(Field::Signed);
    for (const HeaderColumn& c : header->columns)
      columns_.push_back({c.column, c.field, c.header});
    return true;
  }
  return ++rows_seen_ < kHeaderSearchRows;
}

bool RosterBuilder::HasColumn(Field field) const {
  for (const Column& c : columns_) {
    if (c.field == field) return true;
  }
  return false;
}

std::string RosterBuilder::HeaderOf(Field field) const {
  for (const Column& c : columns_) {
    if (c.field == field) return c.header;
  }
  return FieldName(field);
}

void RosterBuilder::ReadSigned(const Cell& cell, const std::string& header, RosterRow* out) {
  out->signed_raw = CleanText(cell.Text());
  if (cell.kind == CellKind::Number) {
    CivilDate date;
    if (SerialToDate(cell.number, date1904_, &date) && IsPlausibleDate(date)) {
      out->signed_date = FormatDate(date);
    } else {
      Warn(out->source_row, header,
           "number " + std::string(cell.Text()) + " is not a plausible date; kept as raw text");
    }
    return;
  }
  if (out->signed_raw.empty()) return;
  CivilDate date;
  switch (ReadTextDate(out->signed_raw, &date)) {
    case TextDateResult::Date:
      out->signed_date = FormatDate(date);
      break;
    case TextDateResult::Ambiguous:
      Warn(out->source_row, header,
           "\"" + out->signed_raw + "\" can be read as more than one date; kept as raw text");
      break;
    case TextDateResult::NoDate:
      Warn(out->source_row, header,
           "\"" + out->signed_raw + "\" is not a date; kept as raw text");
      break;
  }
}

void RosterBuilder::AddDataRow(const TableRow& row) {
  RosterRow out;
  out.source_row = row.row;
  size_t next_header = 0;
  for (const Cell& cell : row.cells) {
    while (next_header < columns_.size() && columns_[next_header].column < cell.column) ++next_header;
    bool known = next_header < columns_.size() && columns_[next_header].column == cell.column;
    Field field = known ? columns_[next_header].field : Field::Extra;
    bool link_or_date = field == Field::Signed || field == Field::Moa || field == Field::Addendum;
    std::string text = link_or_date ? std::string() : CleanText(cell.Text());  // (those read the cell themselves)
    switch (field) {
      case Field::State: out.state = std::move(text); break;
      case Field::Agency: out.agency = std::move(text); break;
      case Field::AgencyType: out.agency_type = std::move(text); break;
      case Field::County: out.county = CountyFromText(text); break;
      case Field::Model: out.model_raw = std::move(text); break;
      case Field::Signed: ReadSigned(cell, columns_[next_header].header, &out); break;
      case Field::Moa: {
        LinkCell link = ReadLinkCell(cell.Text(), cell.hyperlink);
        out.moa_status = link.status;
        out.moa_url = std::move(link.url);
        break;
      }
      case Field::Addendum: out.addendum_url = ReadLinkCell(cell.Text(), cell.hyperlink).url; break;
      case Field::Extra:
        if (!text.empty())
          out.extra.emplace_back(known ? columns_[next_header].header : "column " + ColumnName(cell.column), std::move(text));
        break;
    }
  }
  int distance = 0;
  StateReading state = Remembered(&states_, kMemoEntries, out.state, [&] {
    StateReading r;
    r.code = StateCode(out.state, &r.distance);
    return r;
  });
  out.state_code = state.code;
  distance = state.distance;
  if (out.state_code.empty() && !out.state.empty())
    Warn(out.source_row, HeaderOf(Field::State), "unknown state \"" + out.state + "\"");
  else if (distance > 0)
    Warn(out.source_row, HeaderOf(Field::State), "\"" + out.state + "\" read as " + out.state_code);
  // No model column: the heading the table sits under may name its model
  // ("Jail Enforcement Model" above a table of agencies, as HTML pages had).
  // Only one model, and only then: a heading that names none ("Participating
  // agencies") is no part of the row, nor of its key.
  if (!HasColumn(Field::Model) && !row.context.empty() && ModelsFromText(row.context).size() == 1)
    out.model_raw = CleanText(row.context);
  std::vector<Model> models =
      Remembered(&models_, kMemoEntries, out.model_raw, [&] { return ModelsFromText(out.model_raw); });
  out.model = models.empty() ? Model::Unknown : models[0];
  if (models.empty() && HasColumn(Field::Model))
    Warn(out.source_row, HeaderOf(Field::Model),
         out.model_raw.empty() ? std::string("no model") : "unknown model \"" + out.model_raw + "\"");
  if (!out.agency_type.empty()) {
    std::string canonical = Remembered(&agency_types_, kMemoEntries, out.agency_type,
                                       [&] { return AgencyTypeFromText(out.agency_type); });
    if (canonical.empty())
      Warn(out.source_row, HeaderOf(Field::AgencyType), "unknown agency type \"" + out.agency_type + "\"; kept as written");
    else
      out.agency_type = canonical;
  }
  if (out.agency.empty())
    Warn(out.source_row, HeaderOf(Field::Agency), "no agency name");
  // One row that lists two models ("Jail & Task Force") is two agreements.
  for (size_t i = 1; i < models.size(); ++i) {
    RosterRow also = out;
    also.model = models[i];
    Keep(std::move(also));
  }
  Keep(std::move(out));
}

void RosterBuilder::Keep(RosterRow&& row) {
  row.key = AgencyKey(row);
  if (row_sink_) row_sink_(std::move(row));
  else rows_.push_back(std::move(row));
}

void RosterBuilder::Warn(int row, std::string column, std::string message) {
  if (keep_warnings_) warnings_.push_back({row, std::move(column), std::move(message)});
}

RosterHeader RosterBuilder::Header() const {
  RosterHeader header;
  header.kind = participating_ ? ListKind::Participating : ListKind::Pending;
  header.header_row = header_row_;
  for (const Column& c : columns_) {
    if (c.field != Field::Extra) header.fields.push_back(FieldName(c.field));
  }
  return header;
}

void RosterBuilder::Finish(Roster* out) {
  static_cast<RosterHeader&>(*out) = Header();
  std::vector<Warning> duplicates = SeparateDuplicateKeys(&rows_);
  warnings_.insert(warnings_.end(), duplicates.begin(), duplicates.end());
  out->rows = std::move(rows_);
  out->warnings = std::move(warnings_);
}

namespace {

uint64_t KeyHash(const std::string& key) { return std::hash<std::string>{}(key); }

// The least XML a sheet row with a value takes (`<row r="1"><c r="A1"><v>0</v></c></row>`
// is 40 bytes; ICE's rows take 300 to 650), and the most rows reserved ahead.
constexpr uint64_t kMinRowBytes = 40;
constexpr uint64_t kMaxReservedRows = 8192;

// A row's key hash, kept for every row of a large sheet: in blocks (a deque),
// so that growing never holds the old and the new copy of them at once.
using KeyHashes = std::deque<uint64_t>;

// The hashes that occur more than once in `hashes` (which it sorts), sorted.
std::vector<uint64_t> Repeated(KeyHashes* hashes) {
  std::sort(hashes->begin(), hashes->end());
  std::vector<uint64_t> repeated;
  for (size_t i = 1; i < hashes->size(); ++i) {
    if ((*hashes)[i] == (*hashes)[i - 1] && (repeated.empty() || repeated.back() != (*hashes)[i]))
      repeated.push_back((*hashes)[i]);
  }
  return repeated;
}

// One pass over sheet `index`, its rows (keys not yet told apart) to `on_row`.
Status ReadPass(const XlsxReader& workbook, size_t index, bool warnings,
                const std::function<void(RosterRow&&)>& on_row, RosterBuilder* builder) {
  if (!warnings) builder->DropWarnings();
  builder->set_row_sink(on_row);
  return workbook.ReadSheet(index, [&](const TableRow& row) { return builder->Add(row); });
}

// The rows of a large sheet whose key hash repeats, told apart as
// SeparateDuplicateKeys tells them apart, but holding each distinct content
// once, and each row as its place in the pass: a million copies of one row
// are one row and a million pairs of numbers, not a million rows. A row is
// known by its place, not its sheet row: a row listing two models is two
// rows of one sheet row, with two keys.
class KeptApart {
 public:
  void Add(uint32_t place, RosterRow&& row) {
    Member member{place, row.source_row};
    std::string key = std::move(row.key);
    groups_[key][ContentOnly(std::move(row))].push_back(member);
  }

  // Numbers each group; its warnings to `warnings`, in SortWarnings' order.
  void Number(std::vector<Warning>* warnings) {
    size_t extra = 0;  // reserved: a warning is about 200 bytes, and a vector grown by doubling holds 1.5 times them
    for (const auto& [key, contents] : groups_) {
      size_t members = 0;
      for (const auto& [content, of_content] : contents) members += of_content.size();
      extra += members - 1;
    }
    warnings->reserve(warnings->size() + extra);
    suffixes_.reserve(extra);
    for (auto& [key, contents] : groups_) {
      const Member* first = nullptr;
      uint32_t n = 0;
      for (auto& [content, members] : contents) {
        for (const Member& m : members) {
          if (!first) first = &m;
          if (++n == 1) continue;
          suffixes_.push_back({m.place, n});
          warnings->push_back(KeptApartWarning(m.source_row, first->source_row, key, KeptApartKey(key, n)));
        }
      }
    }
    groups_.clear();
    std::sort(suffixes_.begin(), suffixes_.end());
    SortWarnings(warnings);
  }

  // The key of the row at `place`; places come in order.
  void Apply(uint32_t place, RosterRow* row) {
    while (next_ < suffixes_.size() && suffixes_[next_].first < place) ++next_;
    if (next_ < suffixes_.size() && suffixes_[next_].first == place)
      row->key = KeptApartKey(row->key, suffixes_[next_].second);
  }

 private:
  struct Member {
    uint32_t place;  // an agreement's: at most one a model (three) for each row, and SheetLimits keeps rows under 2^26
    int source_row;
  };
  struct ContentLess {
    bool operator()(const RosterRow& a, const RosterRow& b) const { return ContentBefore(a, b); }
  };
  // What ContentBefore compares, and nothing else.
  static RosterRow ContentOnly(RosterRow&& row) {
    RosterRow c;
    c.signed_date = std::move(row.signed_date), c.signed_raw = std::move(row.signed_raw);
    c.agency = std::move(row.agency), c.county = std::move(row.county), c.agency_type = std::move(row.agency_type);
    c.moa_url = std::move(row.moa_url), c.addendum_url = std::move(row.addendum_url);
    c.state = std::move(row.state), c.model_raw = std::move(row.model_raw);
    return c;
  }

  // By key, then by content; the rows of each content in place order.
  std::unordered_map<std::string, std::map<RosterRow, std::vector<Member>, ContentLess>> groups_;
  std::vector<std::pair<uint32_t, uint32_t>> suffixes_;  // (place, n) of the rows given "#n"
  size_t next_ = 0;
};

// A sheet too large to hold, read again: the rows whose key hash repeats,
// told apart; then every row, to `sink`.
Status DeliverLarge(const XlsxReader& workbook, size_t index, const RosterHeader& header,
                    KeyHashes hashes, RosterSink* sink) {
  std::vector<uint64_t> repeated = Repeated(&hashes);
  hashes = {};
  KeptApart apart;
  std::vector<Warning> apart_warnings;
  if (!repeated.empty()) {
    uint32_t place = 0;
    RosterBuilder pass(workbook.date1904());
    Status s = ReadPass(workbook, index, false, [&](RosterRow&& row) {
      if (std::binary_search(repeated.begin(), repeated.end(), KeyHash(row.key))) apart.Add(place, std::move(row));
      ++place;
    }, &pass);
    if (!s.ok()) return s;
    apart.Number(&apart_warnings);
  }
  sink->Begin(header);
  uint32_t place = 0;
  RosterBuilder last(workbook.date1904());
  Status s = ReadPass(workbook, index, true, [&](RosterRow&& row) {
    apart.Apply(place++, &row);
    sink->Row(std::move(row));
  }, &last);
  if (!s.ok()) return s;
  std::vector<Warning> warnings = last.TakeWarnings();
  if (warnings.empty()) warnings.swap(apart_warnings);  // no second copy of them
  else warnings.insert(warnings.end(), std::make_move_iterator(apart_warnings.begin()),
                       std::make_move_iterator(apart_warnings.end()));
  sink->End(warnings);
  return Status::Ok();
}

RosterHeader SheetHeader(const XlsxReader& workbook, size_t index, const RosterBuilder& builder) {
  RosterHeader header = builder.Header();
  header.sheet = workbook.sheets()[index].name;
  for (size_t j = 0; j < workbook.sheets().size(); ++j) {
    if (j != index) header.ignored_sheets.push_back(workbook.sheets()[j].name);
  }
  return header;
}

// Collects a whole Roster.
class RosterCollector : public RosterSink {
 public:
  explicit RosterCollector(Roster* out) : out_(out) {}
  void Begin(const RosterHeader& header) override { static_cast<RosterHeader&>(*out_) = header; }
  void Row(RosterRow&& row) override { out_->rows.push_back(std::move(row)); }
  void Rows(std::vector<RosterRow>&& rows) override {
    if (out_->rows.empty()) out_->rows = std::move(rows);  // no second vector of every row
    else RosterSink::Rows(std::move(rows));
  }
  void End(const std::vector<Warning>& warnings) override { out_->warnings = warnings; }

 private:
  Roster* out_;
};

}  // namespace

Status ReadRoster(const XlsxReader& workbook, RosterSink* sink, size_t max_kept_rows) {
  const std::vector<SheetInfo>& sheets = workbook.sheets();
  for (size_t i = 0; i < sheets.size(); ++i) {
    std::vector<RosterRow> kept;
    // Reserved, not grown by doubling (each doubling moves every row again):
    // the sheet's declared size bounds its rows (kMinRowBytes). For ICE's
    // sheets that reserves several times too many; untouched, they cost no page.
    kept.reserve(static_cast<size_t>(std::min<uint64_t>(max_kept_rows, std::min<uint64_t>(
        kMaxReservedRows, workbook.DeclaredSheetBytes(i) / kMinRowBytes))));
    KeyHashes hashes;  // once over max_kept_rows: every row's key hash instead
    bool large = false;
    RosterBuilder builder(workbook.date1904());
    Status s = ReadPass(workbook, i, true, [&](RosterRow&& row) {
      if (!large && kept.size() < max_kept_rows) return kept.push_back(std::move(row));
      if (!large) {
        large = true;
        for (const RosterRow& k : kept) hashes.push_back(KeyHash(k.key));
        kept = {};
        builder.DropWarnings();  // the last pass gives them
      }
      hashes.push_back(KeyHash(row.key));
    }, &builder);
    if (!s.ok()) return s;
    if (!builder.has_header()) continue;
    RosterHeader header = SheetHeader(workbook, i, builder);
    if (large) return DeliverLarge(workbook, i, header, std::move(hashes), sink);
    std::vector<Warning> warnings = builder.TakeWarnings();
    std::vector<Warning> apart = SeparateDuplicateKeys(&kept);
    warnings.insert(warnings.end(), std::make_move_iterator(apart.begin()), std::make_move_iterator(apart.end()));
    sink->Begin(header);
    sink->Rows(std::move(kept));
    sink->End(warnings);
    return Status::Ok();
  }
  return Status::Error(workbook.label() + ": " + sheets[0].part +
                       ": no roster header (STATE and LAW ENFORCEMENT AGENCY columns) in the first " +
                       std::to_string(kHeaderSearchRows) + " rows of any sheet");
}

Status ReadRoster(const XlsxReader& workbook, Roster* out) {
  *out = Roster();
  RosterCollector collector(out);
  return ReadRoster(workbook, &collector, SIZE_MAX);
}

namespace {

// Collects a whole roster, packing each row as it comes.
class PackedCollector : public RosterSink {
 public:
  explicit PackedCollector(PackedRoster* out) : out_(out) {}
  void Begin(const RosterHeader& header) override { static_cast<RosterHeader&>(*out_) = header; }
  void Row(RosterRow&& row) override { out_->rows.emplace_back(row); }
  void Rows(std::vector<RosterRow>&& rows) override {
    out_->rows.reserve(out_->rows.size() + rows.size());
    RosterSink::Rows(std::move(rows));
  }
  void End(const std::vector<Warning>& warnings) override { out_->warnings = warnings; }

 private:
  PackedRoster* out_;
};

}  // namespace

Status ReadRoster(const XlsxReader& workbook, PackedRoster* out) {
  *out = PackedRoster();
  PackedCollector collector(out);
  return ReadRoster(workbook, &collector);
}

Status ReadRosterBuffer(std::string bytes, const std::string& label, const ZipLimits& limits, Roster* out) {
  std::unique_ptr<XlsxReader> workbook;
  Status s = XlsxReader::OpenBuffer(std::move(bytes), label, limits, &workbook);
  if (!s.ok()) return s;
  return ReadRoster(*workbook, out);
}

}  // namespace icetrack

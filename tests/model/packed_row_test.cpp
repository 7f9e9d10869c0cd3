#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "model/packed_row.h"

namespace icetrack {

namespace {

// Every field of a row as one line, for comparing rows whole.
std::string Text(const RosterRow& r) {
  std::string out = std::to_string(r.source_row) + "|" + r.key + "|" + r.state + "|" + r.state_code + "|" + r.agency +
                    "|" + r.agency_type + "|" + r.county + "|" + ToString(r.model) + "|" + r.model_raw + "|" +
                    r.signed_date + "|" + r.signed_raw + "|" + r.moa_url + "|" + ToString(r.moa_status) + "|" +
                    r.addendum_url;
  for (const auto& [header, value] : r.extra) out += "|" + header + "=" + value;
  return out;
}

RosterRow Full() {
  RosterRow r;
  r.source_row = 17;
  r.key = "FL|polk county sheriffs office|JEM";
  r.state = "Florida";
  r.state_code = "FL";
  r.agency = "Polk County Sheriff\xE2\x80\x99s Office";
  r.agency_type = "County";
  r.county = "Polk";
  r.model = Model::JEM;
  r.model_raw = "Jail Enforcement Model";
  r.signed_date = "2025-02-26";
  r.signed_raw = "2/26/2025";
  r.moa_url = "https://www.ice.gov/doclib/287gMOA/r_polkcountyfl_02-26-2025.pdf";
  r.moa_status = LinkStatus::Link;
  r.addendum_url = "https://www.ice.gov/doclib/287gMOA/add.pdf";
  r.extra = {{"Notes", "a"}, {"", ""}, {"Notes", std::string("b\0c", 3)}};
  return r;
}

RosterRow Keyed(const std::string& key, const std::string& agency) {
  RosterRow r;
  r.key = key;
  r.agency = agency;
  return r;
}

}  // namespace

TEST_CASE("a packed row unpacks to exactly the row packed") {
  RosterRow full = Full();
  CHECK(Text(PackedRow(full).Unpack()) == Text(full));
  RosterRow empty;
  CHECK(Text(PackedRow(empty).Unpack()) == Text(empty));
  CHECK(Text(PackedRow().Unpack()) == Text(empty));
  CHECK(PackedRow().key().empty());
  PackedRow packed(full);
  CHECK(packed.key() == full.key);
  CHECK(packed.signed_date() == full.signed_date);
  CHECK(packed.model() == Model::JEM);
  CHECK(packed.has_extra());
  CHECK_FALSE(PackedRow(empty).has_extra());
  CHECK(packed.source_row() == 17);
}

TEST_CASE("a row whose text passes 64 KiB keeps every byte") {
  RosterRow r = Full();
  r.county = std::string(70000, 'x');  // offsets no longer fit two bytes
  r.addendum_url = "after the long field";
  CHECK(Text(PackedRow(r).Unpack()) == Text(r));
  r.county.clear();
  size_t others = 0;  // the text of every field but the county
  for (const std::string* f : {&r.key, &r.state, &r.state_code, &r.agency, &r.agency_type, &r.model_raw,
                               &r.signed_date, &r.signed_raw, &r.moa_url, &r.addendum_url})
    others += f->size();
  for (const auto& [header, value] : r.extra) others += header.size() + value.size();
  for (size_t text = 65530; text <= 65541; ++text) {  // the 64 KiB line, on either side
    r.county = std::string(text - others, 'y');
    CHECK(Text(PackedRow(r).Unpack()) == Text(r));
  }
}

TEST_CASE("same fields: every field counts, the sheet row does not") {
  RosterRow a = Full();
  RosterRow moved = a;
  moved.source_row = 99;
  CHECK(PackedRow(a).SameFields(PackedRow(moved)));
  RosterRow b = a;
  b.moa_status = LinkStatus::Pending;
  CHECK_FALSE(PackedRow(a).SameFields(PackedRow(b)));
  b = a;
  b.model = Model::TFM;
  CHECK_FALSE(PackedRow(a).SameFields(PackedRow(b)));
  // The same text split between two fields otherwise is another row.
  b = a;
  b.state = "Florid";
  b.state_code = "aFL";
  CHECK_FALSE(PackedRow(a).SameFields(PackedRow(b)));
  b = a;
  b.extra.back().second = "b";
  CHECK_FALSE(PackedRow(a).SameFields(PackedRow(b)));
  b = a;
  b.extra.pop_back();
  CHECK_FALSE(PackedRow(a).SameFields(PackedRow(b)));
  CHECK(PackedRow().SameFields(PackedRow()));
  CHECK_FALSE(PackedRow().SameFields(PackedRow(RosterRow())));
}

TEST_CASE("copies share the text and keep their own sheet row") {
  PackedRow first(Full());
  PackedRow copy = first;
  copy.set_source_row(0);
  CHECK(first.source_row() == 17);
  CHECK(copy.source_row() == 0);
  CHECK(copy.SameFields(first));
  PackedRow moved = std::move(copy);
  CHECK(moved.key() == first.key());
  first = PackedRow(Keyed("b", "B"));  // the old text lives on in `moved`
  CHECK(moved.Unpack().agency == Full().agency);
  const PackedRow& same = first;
  first = same;  // assigning a row to itself keeps it
  CHECK(first.key() == "b");
}

TEST_CASE("copies made and dropped on two threads leave the text whole") {
  // Under ThreadSanitizer or ASan this checks the count of copies.
  std::vector<PackedRow> rows;
  for (int i = 0; i < 200; ++i) rows.emplace_back(Keyed("k" + std::to_string(i), "agency " + std::to_string(i)));
  std::vector<PackedRow> theirs = rows;
  std::thread other([&theirs] {
    for (int round = 0; round < 50; ++round) {
      std::vector<PackedRow> more = theirs;
    }
    theirs.clear();
  });
  for (int round = 0; round < 50; ++round) {
    std::vector<PackedRow> more = rows;
  }
  other.join();
  for (int i = 0; i < 200; ++i) CHECK(rows[static_cast<size_t>(i)].Unpack().agency == "agency " + std::to_string(i));
}

TEST_CASE("keyed rows: found by key, in key order, the last of a key stays") {
  std::vector<PackedRow> rows = {PackedRow(Keyed("c", "C")), PackedRow(Keyed("a", "A1")), PackedRow(Keyed("b", "B")),
                                 PackedRow(Keyed("a", "A2"))};
  KeyedRows keyed(rows);
  REQUIRE(keyed.size() == 3);
  std::string order;
  for (const PackedRow& row : keyed) order += std::string(row.key()) + row.Unpack().agency + " ";
  CHECK(order == "aA2 bB cC ");
  CHECK(keyed.at("a").agency == "A2");
  CHECK(keyed.count("b"));
  CHECK_FALSE(keyed.count("d"));
  CHECK(keyed.Find("") == nullptr);
  CHECK(keyed.at("d").key.empty());
  CHECK(KeyedRows().empty());
}

TEST_CASE("keyed rows: Put adds in order or replaces, as std::map assignment does") {
  KeyedRows keyed;
  for (const char* key : {"m", "c", "x", "a", "c"}) keyed.Put(Keyed(key, std::string("agency ") + key));
  std::string order;
  for (const PackedRow& row : keyed) order += std::string(row.key());
  CHECK(order == "acmx");
  keyed.Put(Keyed("m", "again"));
  CHECK(keyed.size() == 4);
  CHECK(keyed.at("m").agency == "again");
}

TEST_CASE("a packed roster counts models as the roster does") {
  Roster roster;
  roster.kind = ListKind::Pending;
  roster.sheet = "Pending";
  roster.fields = {"state", "agency"};
  for (Model m : {Model::JEM, Model::TFM, Model::TFM, Model::Unknown, Model::WSO}) {
    RosterRow r;
    r.model = m;
    roster.rows.push_back(r);
  }
  roster.warnings.push_back({3, "SIGNED", "unreadable"});
  PackedRoster packed = Pack(roster);
  CHECK(packed.kind == ListKind::Pending);
  CHECK(packed.sheet == "Pending");
  CHECK(packed.fields == roster.fields);
  CHECK(packed.warnings.size() == 1);
  ModelCounts a = CountModels(roster.rows), b = CountModels(packed.rows);
  CHECK(a.jem == b.jem);
  CHECK(b.tfm == 2);
  CHECK(a.wso == b.wso);
  CHECK(a.unknown == b.unknown);
}

}  // namespace icetrack

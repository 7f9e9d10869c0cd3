#include "app/totals_check.h"

#include <string>
#include <vector>

namespace icetrack {
namespace {

struct Figure {
  const char* name;
  std::optional<int> stated;
  int parsed;
};

// "WSO 143 on the page, 144 in the workbook"
std::string Differences(const std::vector<Figure>& figures) {
  std::string text;
  for (const Figure& f : figures) {
    if (!f.stated || *f.stated == f.parsed) continue;
    if (!text.empty()) text += "; ";
    text += std::string(f.name) + " " + std::to_string(*f.stated) + " on the page, " +
            std::to_string(f.parsed) + " in the workbook";
  }
  return text;
}

}  // namespace

std::optional<ChangeEvent> CheckTotals(const AsOfTotals& totals, const PackedRoster& roster) {
  std::vector<Figure> figures;
  std::string as_of = totals.as_of;
  if (roster.kind == ListKind::Participating) {
    ModelCounts counts = CountModels(roster.rows);
    figures = {{"JEM", totals.jem, counts.jem},
               {"WSO", totals.wso, counts.wso},
               {"TFM", totals.tfm, counts.tfm},
               {"agreements", totals.total_moas, static_cast<int>(roster.rows.size())}};
  } else {
    figures = {{"pending applications", totals.pending, static_cast<int>(roster.rows.size())}};
    as_of = totals.pending_as_of;
  }
  std::string differences = Differences(figures);
  if (differences.empty()) return std::nullopt;
  ChangeEvent event;
  event.kind = EventKind::TotalsMismatch;
  event.list = roster.kind;
  event.detail = (as_of.empty() ? std::string() : as_of + ": ") + differences;
  return event;
}

}  // namespace icetrack

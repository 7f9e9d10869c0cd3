#include "parser/field_values.h"

#include "parser/closed_set.h"
#include "parser/text.h"

namespace icetrack {

namespace {

const ClosedSet& Models() {
  static const ClosedSet set = [] {
    ClosedSet s;
    s.Add("Jail Enforcement Model", "JEM");
    s.Add("Jail Enforcement", "JEM");
    s.Add("Task Force Model", "TFM");
    s.Add("Task Force", "TFM");
    s.Add("Warrant Service Officer", "WSO");
    s.Add("Warrant Service Officer Model", "WSO");
    s.Add("Warrant Service Officer Program", "WSO");
    for (const char* code : {"JEM", "TFM", "WSO"}) s.Add(code, code, false);
    s.Add("287(g) JEM", "JEM", false);
    s.Add("287(g) TFM", "TFM", false);
    s.Add("287(g) WSO", "WSO", false);
    return s;
  }();
  return set;
}

const ClosedSet& AgencyTypes() {
  static const ClosedSet set = [] {
    ClosedSet s;
    s.Add("County", "County");
    s.Add("Municipality", "Municipality");
    s.Add("Municipal", "Municipality");
    s.Add("State Agency", "State Agency");
    s.Add("State", "State Agency");
    return s;
  }();
  return set;
}

}  // namespace

Model ModelFromText(std::string_view written) {
  Model m = Model::Unknown;
  ParseModel(Models().Find(written).canonical, &m);
  return m;
}

std::string AgencyTypeFromText(std::string_view written) {
  return AgencyTypes().Find(written).canonical;
}

std::string CountyFromText(std::string_view written) {
  std::string county = CleanText(written);
  std::string upper = UpperAscii(county);
  if (upper == "#NA" || upper == "#N/A" || upper == "N/A" || upper == "NA" || upper == "-" ||
      upper == "#NAME?")
    return "";
  return county;
}

}  // namespace icetrack

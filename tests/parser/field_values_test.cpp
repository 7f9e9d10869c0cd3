#include <doctest/doctest.h>

#include "parser/field_values.h"

namespace icetrack {

TEST_CASE("models from full names, abbreviations and typos") {
  CHECK(ModelFromText("Jail Enforcement Model") == Model::JEM);
  CHECK(ModelFromText("Task Force Model  ") == Model::TFM);
  CHECK(ModelFromText("Warrant Service Officer") == Model::WSO);
  CHECK(ModelFromText("Warrant Service Office") == Model::WSO);
  CHECK(ModelFromText("Warrent Service Oficer") == Model::WSO);
  CHECK(ModelFromText("Jail Enforcment Modle") == Model::JEM);
  CHECK(ModelFromText("Task Force") == Model::TFM);
  CHECK(ModelFromText("wso") == Model::WSO);
  CHECK(ModelFromText("TFM ") == Model::TFM);
  CHECK(ModelFromText("") == Model::Unknown);
  CHECK(ModelFromText("Detention") == Model::Unknown);
  CHECK(ModelFromText("JFM") == Model::Unknown);  // short codes must be exact
}

TEST_CASE("agency types are canonical — typos matched by distance") {
  CHECK(AgencyTypeFromText("County ") == "County");
  CHECK(AgencyTypeFromText("Muncipality") == "Municipality");
  CHECK(AgencyTypeFromText("Municpality") == "Municipality");
  CHECK(AgencyTypeFromText("State Agency") == "State Agency");
  CHECK(AgencyTypeFromText("State") == "State Agency");
  CHECK(AgencyTypeFromText("Stat Agency") == "State Agency");
  CHECK(AgencyTypeFromText("Tribal Nation") == "");
}

TEST_CASE("county placeholders mean no county") {
  CHECK(CountyFromText("#NA") == "");
  CHECK(CountyFromText("#N/A ") == "");
  CHECK(CountyFromText(" Polk  County ") == "Polk County");
}

}  // namespace icetrack

#include "fetcher/moa_naming.h"

#include <doctest/doctest.h>

namespace icetrack {
namespace {

const std::string kDir = "https://www.ice.gov/doclib/287gMOA/";

RosterRow Row(const std::string& state, const std::string& code, const std::string& agency, Model model,
              const std::string& signed_date, const std::string& file = "") {
  RosterRow r;
  r.state = state;
  r.state_code = code;
  r.agency = agency;
  r.model = model;
  r.signed_date = signed_date;
  if (!file.empty()) r.moa_url = kDir + file;
  return r;
}

// Links written as ICE writes them in 2025-26 (and two of its 2020 names).
std::vector<RosterRow> Linked() {
  return {
      Row("TEXAS", "TX", "Brown County Sheriff's Office", Model::WSO, "2025-12-02",
          "BrownCoSheriffsOfficeTX_WSO_MOA_12022025.pdf"),
      Row("FLORIDA", "FL", "Palm Springs Police Department", Model::TFM, "2025-06-05",
          "PalmSpringsPoliceDeptFL_TFM_MOA_06052025.pdf"),
      Row("WEST VIRGINIA", "WV", "Hardy County Sheriff's Office", Model::TFM, "2025-12-15",
          "HardyCoSOWV_TFM_MOA_12152025.pdf"),
      Row("WYOMING", "WY", "Wyoming State Highway Patrol", Model::TFM, "2025-07-24",
          "StateHghwyPatrolWY_TFM_MOA_07242025.pdf"),  // the state's name left out: not learned from
      Row("TEXAS", "TX", "Galveston County Sheriff's Office", Model::JEM, "2020-06-08",
          "287gJEM_GalvestonCoTX_06-08-2020.pdf"),
      Row("FLORIDA", "FL", "Holmes County Sheriff's Office", Model::WSO, "2019-10-15",
          "287gWSO_HolmesCoFl2019-10-15.pdf"),
      Row("FLORIDA", "FL", "Jupiter Police Department", Model::TFM, "2025-03-24", "JupiterPDFL_TFM_MOA_032425.pdf"),
      Row("TENNESSEE", "TN", "Dickson County Sheriff's Office", Model::WSO, "2026-03-11",
          "DicksonCoSheriffsOfficeTN_WSO_MOA_03112026.pdf"),
      Row("FLORIDA", "FL", "St. Lucie County Sheriff's Office", Model::TFM, "2025-02-26", "StLucie_TFM_MOA.pdf"),
  };
}

TEST_CASE("the patterns are learned from the links that hold their own row's agency, state, model and date") {
  MoaNaming naming = LearnMoaNaming(Linked());
  REQUIRE_FALSE(naming.patterns.empty());
  CHECK(naming.patterns[0].text == kDir + "{agency}{state}_{model}_MOA_{date:MMDDYYYY}.pdf");
  CHECK(naming.patterns[0].uses == 4);  // Brown, Palm Springs, Hardy, Dickson
  bool jem_2020 = false, lower_state = false, short_date = false;
  for (const MoaNaming::Pattern& p : naming.patterns) {
    // 2019-20 names give the place only: "GalvestonCo", "HolmesCo".
    jem_2020 = jem_2020 || p.text == kDir + "287g{model}_{place}{state}_{date:MM-DD-YYYY}.pdf";
    lower_state = lower_state || p.text == kDir + "287g{model}_{place}{State}{date:YYYY-MM-DD}.pdf";
    short_date = short_date || p.text == kDir + "{agency}{state}_{model}_MOA_{date:MMDDYY}.pdf";
    CHECK(p.text.find("StLucie") == std::string::npos);  // no date in its name: taught nothing
    CHECK(p.text.find("Hghwy") == std::string::npos);
  }
  CHECK(jem_2020);
  CHECK(lower_state);
  CHECK(short_date);
  // The words ICE shortens, as most links shorten them.
  CHECK(naming.spellings.at("county")[0] == "Co");
  CHECK(naming.spellings.at("department")[0] == "Dept");
  CHECK(naming.spellings.at("sheriffs")[0] == "Sheriffs");
  CHECK(naming.spellings.at("office")[0] == "Office");
  CHECK(naming.spellings.count("highway") == 0);
  CHECK(naming.spellings.at("sheriffs office") == std::vector<std::string>{"SheriffsOffice", "SO"});
}

TEST_CASE("a pending agreement's MOA is predicted by the patterns most links follow") {
  MoaNaming naming = LearnMoaNaming(Linked());
  RosterRow pending = Row("GEORGIA", "GA", "Catoosa County Sheriff's Office", Model::JEM, "2025-05-22");
  // The pattern most follow, spelled as most do, then as Hardy's is ("SO");
  // no more: the 2020 and 2019 names were one each, and a pattern needs two.
  CHECK(PredictMoaUrls(naming, pending, 3) ==
        std::vector<std::string>{kDir + "CatoosaCoSheriffsOfficeGA_JEM_MOA_05222025.pdf",
                                 kDir + "CatoosaCoSOGA_JEM_MOA_05222025.pdf"});
  CHECK(PredictMoaUrls(naming, pending, 1).size() == 1);
  // Words no link shortened are written as the agency writes them.
  RosterRow desoto = Row("FLORIDA", "FL", "DeSoto County Sheriff's Office", Model::TFM, "2025-02-26");
  CHECK(PredictMoaUrls(naming, desoto, 1)[0] == kDir + "DeSotoCoSheriffsOfficeFL_TFM_MOA_02262025.pdf");
  RosterRow police = Row("TEXAS", "TX", "Dublin Police Department", Model::TFM, "2026-03-13");
  CHECK(PredictMoaUrls(naming, police, 2) ==
        std::vector<std::string>{kDir + "DublinPoliceDeptTX_TFM_MOA_03132026.pdf", kDir + "DublinPDTX_TFM_MOA_03132026.pdf"});
  // What a pattern needs and the row lacks: nothing is guessed.
  RosterRow undated = pending;
  undated.signed_date.clear();
  CHECK(PredictMoaUrls(naming, undated, 2).empty());
  RosterRow no_model = pending;
  no_model.model = Model::Unknown;
  CHECK(PredictMoaUrls(naming, no_model, 2).empty());
  CHECK(PredictMoaUrls(LearnMoaNaming({}), pending, 2).empty());
}

TEST_CASE("a pattern of the place alone is filled with the place") {
  std::vector<RosterRow> rows = Linked();
  rows.push_back(Row("ARKANSAS", "AR", "Benton County Sheriff's Office", Model::JEM, "2020-06-30",
                     "287gJEM_BentonCoAR_06-30-2020.pdf"));
  RosterRow pending = Row("GEORGIA", "GA", "Catoosa County Sheriff's Office", Model::JEM, "2025-05-22");
  CHECK(PredictMoaUrls(LearnMoaNaming(rows), pending, 3) ==
        std::vector<std::string>{kDir + "CatoosaCoSheriffsOfficeGA_JEM_MOA_05222025.pdf",
                                 kDir + "CatoosaCoSOGA_JEM_MOA_05222025.pdf",
                                 kDir + "287gJEM_CatoosaCoGA_05-22-2025.pdf"});
}

TEST_CASE("the naming is learned from the most recently signed links") {
  // 400 old links of one pattern, then 400 newer ones of another: the newer win.
  std::vector<RosterRow> rows;
  for (int i = 0; i < 800; ++i) {
    bool old = i < 400;
    std::string date = old ? "2020-06-08" : "2025-12-02";
    rows.push_back(Row("TEXAS", "TX", "Brown County Sheriff's Office", Model::WSO, date,
                       old ? "287gWSO_BrownCoTX_06-08-2020.pdf" : "BrownCoSheriffsOfficeTX_WSO_MOA_12022025.pdf"));
  }
  MoaNaming naming = LearnMoaNaming(rows);
  REQUIRE(naming.patterns.size() == 1);
  CHECK(naming.patterns[0].text == kDir + "{agency}{state}_{model}_MOA_{date:MMDDYYYY}.pdf");
}

TEST_CASE("a name that ends with letters of its state's code is read whole first") {
  std::vector<RosterRow> rows = {Row("COLORADO", "CO", "El Paso County Sheriff's Office", Model::JEM, "2025-06-01",
                                     "ElPasoCo_JEM_MOA_06012025.pdf"),
                                 Row("COLORADO", "CO", "Weld County Sheriff's Office", Model::JEM, "2025-06-02",
                                     "WeldCo_JEM_MOA_06022025.pdf")};
  MoaNaming naming = LearnMoaNaming(rows);
  REQUIRE(naming.patterns.size() == 1);
  CHECK(naming.patterns[0].text == kDir + "{place}_{model}_MOA_{date:MMDDYYYY}.pdf");
}

TEST_CASE("a name too long to be an agency's teaches nothing, and costs nothing") {
  std::string agency, file;
  for (int i = 0; i < 5000; ++i) agency += "Word ", file += "Word";
  RosterRow huge = Row("TEXAS", "TX", agency, Model::WSO, "2025-12-02", file + "TX_WSO_MOA_12022025.pdf");
  CHECK(LearnMoaNaming({huge, huge}).patterns.empty());
  CHECK(PredictMoaUrls(LearnMoaNaming(Linked()), huge, 2).size() <= 2);
}

TEST_CASE("links that are not plain ICE file names teach nothing") {
  std::vector<RosterRow> rows = Linked();
  for (RosterRow& r : rows) r.moa_url = "https://gcc02.safelinks.protection.outlook.com/?url=" + r.moa_url;
  CHECK(LearnMoaNaming(rows).patterns.empty());
  RosterRow other = Linked()[0];
  other.signed_date = "2024-01-01";  // the file's date is not its row's
  CHECK(LearnMoaNaming({other, other}).patterns.empty());
}

TEST_CASE("a document names an agency by its place and its state") {
  RosterRow row = Row("GEORGIA", "GA", "Catoosa County Sheriff's Office", Model::JEM, "2025-05-22");
  CHECK(TextNamesAgency("This MOA is between ICE and the Catoosa County Sheriff’s Office, Georgia.", row));
  CHECK_FALSE(TextNamesAgency("the CATOOSA COUNTY Sheriffs Office (GA)", row));  // the row names the state: so must the text
  RosterRow coded = row;
  coded.state = "GA";
  CHECK(TextNamesAgency("the CATOOSA COUNTY Sheriffs Office (GA)", coded));
  RosterRow indiana = Row("INDIANA", "IN", "Marion County Sheriff's Office", Model::JEM, "2025-05-22");
  CHECK_FALSE(TextNamesAgency("the Marion County Sheriff's Office in Ohio", indiana));
  CHECK_FALSE(TextNamesAgency("the Catoosa County Sheriff's Office, Tennessee", row));  // another state
  CHECK_FALSE(TextNamesAgency("the Catoosaville County Sheriff's Office, Georgia", row));
  CHECK_FALSE(TextNamesAgency("", row));
  RosterRow state_agency = Row("ARKANSAS", "AR", "Department of Corrections", Model::JEM, "2025-12-02");
  CHECK(TextNamesAgency("the Arkansas Department of Corrections", state_agency));
}

}  // namespace
}  // namespace icetrack

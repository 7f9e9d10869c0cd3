// How ICE names its MOA files, learned from the links its roster already
// has, so that an agreement whose link is still pending can be looked for
// where its MOA will be (issue 13: moa_found_unlinked).
//
// Nothing here is a table of ICE's names: a linked MOA teaches a pattern
// ("https://www.ice.gov/doclib/287gMOA/{agency}{state}_{model}_MOA_{date:MMDDYYYY}.pdf")
// when its file name holds its own row's agency, state, model and signing
// date, and teaches how ICE shortens each word of an agency's name ("County"
// as "Co", "Department" as "Dept") by lining the name's words up with the
// file name's capitalized parts. A prediction fills the patterns most links
// follow with the words most links use.
//
// Pure: no I/O. Never throws; what cannot be learned or predicted is left out.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/roster.h"

namespace icetrack {

struct MoaNaming {
  struct Pattern {
    // placeholders: {agency} (all its words), {place} (those before the
    // office: "GalvestonCo"), {state} ("TX"), {State} ("Tx"), {model},
    // {date:FORMAT} (the signing date: "MMDDYYYY", "MM.DD.YY", "YYYY-MM-DD", …)
    std::string text;
    int uses = 0;      // how many linked MOAs follow it
  };
  std::vector<Pattern> patterns;  // most used first
  // A folded word, or two or three in a row ("sheriffs office"), -> how the
  // names write them ("Sheriffs", "SO"), the most used way first, then the next.
  std::map<std::string, std::vector<std::string>> spellings;
};

// What the roster's links teach, the 400 most recently signed of them (the
// naming drifts). `linked`: rows with a web link to their MOA.
MoaNaming LearnMoaNaming(const std::vector<RosterRow>& linked);

// Where `row`'s MOA would be, at most `at_most` URLs: the pattern most links
// follow with the agency's words spelled as most links spell them, then as
// the rest do ("SheriffsOffice" or "SO"), then the next patterns; only
// patterns that two links follow. Words no link shortened are written as the
// agency writes them ("DeSoto"). None when the row lacks what a pattern
// needs (a signing date, a state code, a model).
std::vector<std::string> PredictMoaUrls(const MoaNaming& naming, const RosterRow& row, size_t at_most);

// Whether a document's text names the row's agency: the part of its name
// before the office ("Hardy County" of "Hardy County Sheriff's Office", all
// of it when it has no such part) and its state, by name or code.
bool TextNamesAgency(std::string_view text, const RosterRow& row);

}  // namespace icetrack

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
  std::vector<Pattern> patterns;                 // most used first
  std::map<std::string, std::string> spellings;  // folded word -> ICE's way in a file name, most used
};

// What the roster's links teach. `linked`: rows with a web link to their MOA.
MoaNaming LearnMoaNaming(const std::vector<RosterRow>& linked);

// Where `row`'s MOA would be, by the `at_most` patterns that most links
// follow (and that at least two follow); none when the row lacks what a
// pattern needs (a signing date, a state code, a model).
std::vector<std::string> PredictMoaUrls(const MoaNaming& naming, const RosterRow& row, size_t at_most);

// Whether a document's text names the row's agency: the part of its name
// before the office ("Hardy County" of "Hardy County Sheriff's Office", all
// of it when it has no such part) and its state, by name or code.
bool TextNamesAgency(std::string_view text, const RosterRow& row);

}  // namespace icetrack

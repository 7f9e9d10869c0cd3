// Option values that name one of icetrack's codes, in any case and spelling
// a person would use: --state (FL, fl, Florida), --model (JEM, tfm, "task
// force"), --list (participating, Pending), --kind (signed,REMOVED). An
// unknown value is an error naming the option and the value, never an empty
// answer.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/change_event.h"
#include "model/roster.h"
#include "model/status.h"
#include "store/store.h"

namespace icetrack {

// A number in [low, high], and a number at all: CLI::Range lets "nan" through.
CLI::Validator Within(double low, double high);
// A file or folder option: not empty.
CLI::Validator NonEmptyPath();

Status ParseStateOption(const std::string& option, const std::string& text, std::string* code);
Status ParseModelOption(const std::string& option, const std::string& text, Model* out);
Status ParseListOption(const std::string& option, const std::string& text, ListKind* out);
// TEXT, --state, --model and --list of `show` and `moa`, read into a query.
Status ReadAgreementQuery(const std::string& text, const std::optional<std::string>& state,
                          const std::optional<std::string>& model, const std::optional<std::string>& list,
                          AgreementQuery* out);
// Comma-separated; at least one.
Status ParseKindsOption(const std::string& option, const std::string& text, std::vector<EventKind>* out);

}  // namespace icetrack

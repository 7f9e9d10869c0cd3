// The --db option shared by the commands that use the database.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "store/store.h"

namespace icetrack {

void AddDbOption(CLI::App* cmd, std::string* path);
// Opens the database named by --db, else ICETRACK_DB, else the default state path.
// Prints the error and returns false on failure.
bool OpenStoreOrReport(const std::string& flag, std::unique_ptr<Store>* out);

}  // namespace icetrack

// `icetrack moa TEXT [--out DIR]`: the MOA and addendum documents of the
// agreements whose agency or county matches TEXT (as `show` finds them), as
// `--archive-moa` kept them; --out writes every version kept into DIR.
// `icetrack moa [TEXT] --grep PHRASE [--limit N]`: the kept documents whose
// text (read by pdftotext) has PHRASE, among TEXT's agreements when given.
#pragma once

#include <CLI/CLI.hpp>

namespace icetrack {

void AddMoaCommand(CLI::App& app, int* exit_code);

}  // namespace icetrack

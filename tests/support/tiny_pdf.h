// A real PDF made by hand for the tests: one page, each line of text set in
// Helvetica, the cross-reference table's offsets exact, so that pdftotext
// reads the lines back as they were given. Only printable ASCII text.
#pragma once

#include <string>
#include <vector>

namespace icetrack::test {

std::string TinyPdf(const std::vector<std::string>& lines);

}  // namespace icetrack::test

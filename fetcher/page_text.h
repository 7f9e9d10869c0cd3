// The visible text of a page as paragraphs, for the sentence readers.
//
// Promises: one string per block of text as a reader sees it: block elements
// (p, div, li, headings, table cells, ...) and <br> end a block, inline ones
// (a, strong, span, ...) do not, so a sentence split by markup stays whole.
// Whitespace is collapsed; empty blocks are dropped; order is the page's.
#pragma once

#include <string>
#include <vector>

namespace icetrack {

class HtmlDocument;

std::vector<std::string> TextBlocks(const HtmlDocument& document);

}  // namespace icetrack

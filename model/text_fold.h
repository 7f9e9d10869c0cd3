// Folding names the way icetrack compares them: the identity keys of rows
// (parser/agency_key.h), `show`'s search and alert filters all fold alike, so
// that "St. Mary’s Parish" and "ST MARYS PARISH" are one name everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace icetrack {

// Lower case, accents folded (é -> e), curly quotes and apostrophes dropped,
// '&' read as "and", other punctuation as a space, collapsed.
// "St. Mary’s  Parish" and "ST MARYS PARISH" give "st marys parish".
std::string FoldForKey(std::string_view text);

// Whether `text` is well-formed UTF-8 (no stray or cut-short sequences, no
// overlong forms, no surrogates).
bool IsValidUtf8(std::string_view text);
// The length of the well-formed UTF-8 sequence `text` starts with; 0 when it
// does not start with one (or is empty).
size_t Utf8SequenceLength(std::string_view text);

// The first `max_bytes` of `text` at most, never ending inside a UTF-8
// sequence (a name or a heading cut to fit).
std::string_view Utf8Prefix(std::string_view text, size_t max_bytes);

// Decodes one UTF-8 code point at text[*i], advancing *i. Invalid bytes come
// back as themselves (a Latin-1 reading), so nothing is dropped.
uint32_t DecodeUtf8(std::string_view text, size_t* i);

}  // namespace icetrack

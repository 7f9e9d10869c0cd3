// Tr: the words people read, in their language. English is the message as
// the source writes it; Spanish is looked up with gettext (glibc's libintl,
// the GNU convention) in the text domain "icetrack", whose catalog msgfmt
// builds from po/es.po at build time (LOCALEDIR/es/LC_MESSAGES/icetrack.mo).
// app/language.h finds the catalog and binds the domain before anything is
// translated. Every message is marked Tr("…") or TrN("…", "…", n), so that
// xgettext finds it; a test checks that po/es.po translates every one.
//
// Promises: English never reaches gettext, so the user's own locale or
// $LANGUAGE never changes icetrack's English; a message the catalog lacks
// is the English one, never an empty string. Never throws.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "model/language.h"

namespace icetrack {

inline constexpr char kTextDomain[] = "icetrack";

const char* Tr(Language language, const char* message);
// The singular or plural of a message, as the language counts (`n`).
const char* TrN(Language language, const char* one, const char* many, unsigned long n);

// A message with its plural, marked where it is written (in a table) and
// translated where it is used: TrN(language, m.one, m.many, n).
struct PluralMessage {
  const char* one;
  const char* many;
};
constexpr PluralMessage Plural(const char* one, const char* many) { return {one, many}; }

// `pattern` with {1}, {2}, … replaced by `args`, in the order a translation
// puts them ("{1} agreements on {2}"). A brace not followed by a digit and
// "}" stays as it is.
std::string Fill(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace icetrack

// PrepareLanguage: makes report/translate.h's Tr answer in a language. For
// Spanish it finds the gettext catalog (es/LC_MESSAGES/icetrack.mo) in the
// first of $ICETRACK_LOCALEDIR, the build tree's locale/ beside the binary's
// folder, ../share/locale from the binary, and the LOCALEDIR it was built for;
// binds the text domain there; and sets LC_MESSAGES to C.UTF-8 and $LANGUAGE
// to "es", which is how glibc picks a catalog without a Spanish locale
// installed (the C locale would ignore $LANGUAGE). LC_NUMERIC and the rest
// stay "C", so numbers print as ever.
//
// Call it before any thread starts (it sets the environment); it is
// idempotent. Fails, naming the folders looked in, when the catalog is not
// there or does not translate: never an English page asked for in Spanish.
#pragma once

#include <string>

#include "model/language.h"
#include "model/status.h"

namespace icetrack {

Status PrepareLanguage(Language language);

// "en" or "es" read, then prepared; the error quotes the value (the caller
// names the option or key).
Status ReadLanguage(const std::string& text, Language* out);

}  // namespace icetrack

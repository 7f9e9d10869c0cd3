// Language: the language of what people read — the report site, the Atom
// feed's titles, alert digests, `show`'s story. English is the messages as
// the sources write them; Spanish comes from a gettext catalog
// (report/translate.h).
#pragma once

#include <string_view>

namespace icetrack {

enum class Language { English, Spanish };

// "en", "es": the ISO 639-1 codes, as --lang, `lang =` and HTML's lang take them.
const char* ToString(Language language);
// Exact, lower case.
bool ParseLanguage(std::string_view text, Language* out);

}  // namespace icetrack

#include "model/language.h"

#include "model/enum_names.h"

namespace icetrack {
namespace {

constexpr EnumName<Language> kLanguages[] = {{Language::English, "en"}, {Language::Spanish, "es"}};

}  // namespace

const char* ToString(Language language) { return NameIn(kLanguages, language); }
bool ParseLanguage(std::string_view text, Language* out) { return ValueIn(kLanguages, text, out); }

}  // namespace icetrack

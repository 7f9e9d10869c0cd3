#!/usr/bin/env bash
# Brings po/icetrack.pot and every po/LANG.po up to date with the messages
# marked in the sources (report/translate.h: Tr, TrN, Plural): run it after
# adding or changing a message, translate what msgmerge marks untranslated
# or fuzzy, and commit both. The test suite fails while a message lacks its
# translation (tests/po/catalog_test).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
xgettext --from-code=UTF-8 --language=C++ --keyword= --keyword=Tr:2 --keyword=TrN:2,3 --keyword=Plural:1,2 \
  --add-comments=TRANSLATORS: --sort-by-file --add-location=file --no-wrap --package-name=icetrack --msgid-bugs-address=maintainers@icetrack.invalid \
  -o po/icetrack.pot report/*.cpp app/*.cpp alerts/*.cpp
for po in po/*.po; do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching --add-location=file --no-wrap "$po" po/icetrack.pot
  msgattrib --no-obsolete --no-wrap --add-location=file -o "$po" "$po"
done

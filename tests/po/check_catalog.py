"""Checks po/LANG.po against the messages marked in the sources.

Every message that xgettext finds (report/translate.h: Tr, TrN, Plural) must
have a translation in each catalog, not fuzzy, with both plural forms, and the
same {1}, {2}… placeholders as its English, each of them. A catalog entry no
source uses any more is an error too (scripts/update-po.sh drops it).
Usage: check_catalog.py SOURCE_DIR
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

PLACEHOLDER = re.compile(r"\{[1-9]\}")


def entries(path):
    """The catalog's entries: msgid -> (msgid_plural, [msgstr...], fuzzy)."""
    out = {}
    text = subprocess.run(["msgcat", "--no-wrap", "--no-location", path], check=True, capture_output=True,
                          text=True).stdout
    for block in text.split("\n\n"):
        fields, current, fuzzy = {}, None, "#, fuzzy" in block
        for line in block.splitlines():
            if line.startswith("#~"):
                fields = {}
                break
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if m:
                current = m.group(1)
                fields[current] = m.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            strs = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
            out[fields["msgid"]] = (fields.get("msgid_plural"), strs, fuzzy)
    return out


def main():
    root = sys.argv[1]
    sources = sorted(glob.glob(root + "/report/*.cpp") + glob.glob(root + "/app/*.cpp") +
                     glob.glob(root + "/alerts/*.cpp"))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "icetrack.pot")
        subprocess.run(["xgettext", "--from-code=UTF-8", "--language=C++", "--keyword=", "--keyword=Tr:2",
                        "--keyword=TrN:2,3", "--keyword=Plural:1,2", "-o", pot] + sources, check=True)
        wanted = entries(pot)
    errors = []
    for po in sorted(glob.glob(root + "/po/*.po")):
        name = os.path.relpath(po, root)
        have = entries(po)
        for msgid, (plural, _, _) in wanted.items():
            if msgid not in have:
                errors.append(f"{name}: no entry for \"{msgid}\" (run scripts/update-po.sh)")
                continue
            their_plural, strs, fuzzy = have[msgid]
            if fuzzy:
                errors.append(f"{name}: \"{msgid}\" is fuzzy")
            if (plural is None) != (their_plural is None):
                errors.append(f"{name}: \"{msgid}\" has a plural in one place and not in the other")
            if not strs or any(not s for s in strs):
                errors.append(f"{name}: \"{msgid}\" is not translated")
            english = sorted(PLACEHOLDER.findall(msgid + (plural or "")))
            for s in strs:
                if set(PLACEHOLDER.findall(s)) != set(english):
                    errors.append(f"{name}: \"{msgid}\" -> \"{s}\": the placeholders differ")
        for msgid in have:
            if msgid not in wanted:
                errors.append(f"{name}: \"{msgid}\" is used by no source (run scripts/update-po.sh)")
    for e in errors:
        print(e)
    print(f"{len(wanted)} messages, {len(glob.glob(root + '/po/*.po'))} catalogs, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz: scripts/fuzz.sh [TARGET|all] [SECONDS]
#
#   TARGET   one of the targets below, or "all" (the default)
#   SECONDS  how long each target runs (default 60)
#
# Builds build-fuzz (clang, ASan + UBSan, -DICETRACK_FUZZ=ON) when it is
# missing, seeds each corpus from tests/fuzz/seeds and, where it is present,
# the real workbooks and pages of the fixtures (read in place: copied into
# build-fuzz/corpus, never into the repo), then runs. A finding (a crash, an
# invariant broken, a leak, a timeout over 10 s, memory over 2.5 GB) is kept
# in build-fuzz/findings/TARGET/ and makes the script exit 1: turn it into a
# regression test. The last line of each run gives executions and coverage.
#
# Settings (environment): ICETRACK_FIXTURES (default ../shared/fixtures/ice287g),
# FUZZ_BUILD_DIR (default build-fuzz), FUZZ_JOBS (parallel runs, default 1).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${FUZZ_BUILD_DIR:-$REPO/build-fuzz}"
FIXTURES="${ICETRACK_FIXTURES:-$REPO/../shared/fixtures/ice287g}"
TARGETS=(xlsx_archive_fuzz xlsx_part_fuzz page_fuzz html_cost_fuzz as_of_totals_fuzz text_date_fuzz url_repair_fuzz
         retry_after_fuzz content_disposition_fuzz config_fuzz xml_scanner_fuzz wayback_cdx_fuzz moa_naming_fuzz
         zip_directory_fuzz)
WHICH="${1:-all}"
SECONDS_EACH="${2:-60}"

die() { echo "fuzz.sh: $*" >&2; exit 2; }
[[ "$SECONDS_EACH" =~ ^[0-9]+$ && "$SECONDS_EACH" -gt 0 ]] || die "SECONDS must be a positive number, not \"$SECONDS_EACH\""
if [[ "$WHICH" != all ]]; then
  [[ " ${TARGETS[*]} " == *" $WHICH "* ]] || die "no target \"$WHICH\" (one of: ${TARGETS[*]}, all)"
  TARGETS=("$WHICH")
fi
command -v clang++ >/dev/null || die "clang++ is missing (scripts/install-deps.sh installs clang)"

if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  CC=clang CXX=clang++ cmake -S "$REPO" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DICETRACK_FUZZ=ON \
    -DICETRACK_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$BUILD" -j2 --target "${TARGETS[@]}" >/dev/null

# --- corpora ---------------------------------------------------------------
seed() {  # seed TARGET: fills $BUILD/corpus/TARGET (a corpus grows across runs)
  local target="$1" corpus="$BUILD/corpus/$1" name="${1%_fuzz}"
  mkdir -p "$corpus"
  [[ -d "$REPO/tests/fuzz/seeds/$name" ]] && cp -n "$REPO/tests/fuzz/seeds/$name"/* "$corpus/" 2>/dev/null || true
  [[ "$target" == zip_directory_fuzz ]] && seed_zips "$corpus"
  [[ -d "$FIXTURES" ]] || return 0
  case "$target" in
    xlsx_archive_fuzz) cp -n "$FIXTURES"/xlsx/*.xlsx "$corpus/" 2>/dev/null || true ;;
    zip_directory_fuzz) cp -n $(ls "$FIXTURES"/xlsx/*.xlsx | head -3) "$corpus/" 2>/dev/null || true ;;
    xlsx_part_fuzz) seed_parts "$corpus" ;;
    xml_scanner_fuzz) seed_parts "$corpus" ;;  # any byte first: a chunk size
    page_fuzz) cp -n "$FIXTURES"/pages/*.html "$corpus/" 2>/dev/null || true ;;
    html_cost_fuzz) seed_page_slices "$corpus" ;;
    as_of_totals_fuzz)
      for page in "$FIXTURES"/pages/*.html; do
        sed -e 's/<[^>]*>/\n/g' "$page" | grep -i 'as of\|pending' | head -20 > "$corpus/$(basename "$page").txt" || true
      done ;;
  esac
}

seed_zips() {  # small archives of each form the directory reader takes, written by Python's zipfile
  /usr/bin/python3 - "$1" <<'PY' || true
import io, sys, zipfile
parts = [("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook>" + b"x" * 300 + b"</workbook>")]
forms = {"stored": dict(compression=zipfile.ZIP_STORED), "deflated": dict(compression=zipfile.ZIP_DEFLATED)}
for name, form in forms.items():
    for zip64 in (False, True):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", **form) as z:
            z.comment = b"seed" if zip64 else b""
            for part, data in parts:
                with z.open(part, "w", force_zip64=zip64) as f:
                    f.write(data)
        open("%s/seed-%s%s.zip" % (sys.argv[1], name, "-zip64" if zip64 else ""), "wb").write(out.getvalue())
PY
}

seed_page_slices() {  # the fixture pages in 8,000-byte slices (the target reads up to 8 KiB)
  local corpus="$1" page
  for page in "$FIXTURES"/pages/*.html; do
    split -b 8000 -a 3 "$page" "$corpus/$(basename "$page" .html)."
  done
}

seed_parts() {  # each part of a few fixture workbooks, behind the byte that selects it
  local corpus="$1" index part book
  local parts=(xl/worksheets/sheet1.xml xl/sharedStrings.xml xl/styles.xml xl/worksheets/_rels/sheet1.xml.rels
               xl/workbook.xml xl/_rels/workbook.xml.rels)
  command -v unzip >/dev/null || return 0
  for book in $(ls "$FIXTURES"/xlsx/*.xlsx | head -4); do
    for index in "${!parts[@]}"; do
      part="${parts[$index]}"
      { printf "\\x$(printf %02x "$index")"; unzip -p "$book" "$part" 2>/dev/null | head -c 65536; } \
        > "$corpus/$(basename "$book" .xlsx).$index"
    done
  done
}

dict_for() {
  case "$1" in
    xlsx_archive_fuzz|xlsx_part_fuzz|xml_scanner_fuzz) echo "-dict=$REPO/tests/fuzz/dicts/spreadsheetml.dict" ;;
    page_fuzz) echo "-dict=$REPO/tests/fuzz/dicts/html.dict" ;;
    html_cost_fuzz) echo "-dict=$REPO/tests/fuzz/dicts/html_tags.dict" ;;
  esac
}

# --- runs ------------------------------------------------------------------
run() {
  local target="$1" findings="$BUILD/findings/$1" log="$BUILD/logs/$1.log"
  mkdir -p "$findings" "$BUILD/logs"
  seed "$target"
  local status=0
  ASAN_OPTIONS=detect_leaks=1 "$BUILD/tests/fuzz/$target" "$BUILD/corpus/$target" $(dict_for "$target") \
    -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2560 -max_len=1048576 -print_final_stats=1 \
    -artifact_prefix="$findings/" > "$log" 2>&1 || status=$?
  local done_line stats
  done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)"
  stats="$(grep -E 'stat::number_of_executed_units' "$log" | awk '{print $2}' || true)"
  if [[ "$status" -ne 0 ]]; then
    echo "$target: FINDING (exit $status), see $log and $findings/"
    grep -E 'ERROR|invariant broken|Test unit written' "$log" | head -5 | sed 's/^/  /'
    return 1
  fi
  echo "$target: ${stats:-?} executions in ${SECONDS_EACH}s; ${done_line:-no DONE line}"
}

failed=0
if [[ "${FUZZ_JOBS:-1}" -gt 1 ]]; then
  pids=()
  for t in "${TARGETS[@]}"; do
    run "$t" & pids+=($!)
    while [[ "$(jobs -rp | wc -l)" -ge "$FUZZ_JOBS" ]]; do wait -n || failed=1; done
  done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
else
  for t in "${TARGETS[@]}"; do run "$t" || failed=1; done
fi
exit "$failed"

#!/usr/bin/env bash
# Benchmark of `icetrack import`, run by hand (never from the test suite):
#   1. all real fixture workbooks (both folders) into a fresh database;
#   2. a synthetic full history of COUNT workbooks growing to 1,800 rows
#      (bench/make_history.cpp), the size of ICE's history by late 2026.
# Target (issue 3): a ~470-workbook history in <= 10 s on 2 cores, i.e.
# <= 20 ms per workbook including parse, diff and SQLite.
# Settings (environment): ICETRACK_FIXTURES, ICETRACK_BENCH_COUNT (default 470),
# ICETRACK_BENCH_OUT (default build-release/bench).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="${ICETRACK_FIXTURES:-$REPO_ROOT/../shared/fixtures/ice287g}"
COUNT="${ICETRACK_BENCH_COUNT:-470}"
BUILD_DIR="$REPO_ROOT/build-release"
OUT="${ICETRACK_BENCH_OUT:-$BUILD_DIR/bench}"
BIN="$BUILD_DIR/app/icetrack"

cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DICETRACK_BUILD_TESTS=ON >/dev/null  # make_history uses the test support
cmake --build "$BUILD_DIR" -j2 --target icetrack make_history >/dev/null
mkdir -p "$OUT"

# Milliseconds of wall time and peak RSS (KB) of one command.
measure() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$OUT/rss" "$@" >/dev/null
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(cat "$OUT/rss")"
}

report() {  # label, workbooks, ms, rss
  awk -v l="$1" -v n="$2" -v ms="$3" -v rss="$4" \
    'BEGIN { printf "%-34s %5d workbooks  %7.2f s  %6.1f ms/workbook  peak RSS %.0f MiB\n", l, n, ms/1000, ms/n, rss/1024 }'
}

echo "icetrack import benchmark, $(date -u +%FT%TZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

if [[ -d "$FIXTURES" ]]; then
  rm -f "$OUT/fixtures.db"*
  read -r ms rss < <(measure "$BIN" import -q --db "$OUT/fixtures.db" "$FIXTURES")
  n=$(find "$FIXTURES" -name '*.xlsx' | wc -l)
  report "real fixtures (both folders)" "$n" "$ms" "$rss"
  rm -f "$OUT/fixtures2.db"*
  "$BIN" import -q --db "$OUT/fixtures2.db" "$FIXTURES" >/dev/null
  read -r ms rss < <(measure "$BIN" import -q --db "$OUT/fixtures2.db" "$FIXTURES")
  report "real fixtures, second import" "$n" "$ms" "$rss"
else
  echo "fixtures not found at $FIXTURES: skipping the real-workbook run"
fi

if [[ ! -f "$OUT/history/participating$(printf %04d $((COUNT - 1))).xlsx" ]]; then
  rm -rf "$OUT/history"
  "$BUILD_DIR/bench/make_history" "$OUT/history" "$COUNT"
fi
rm -f "$OUT/history.db"*
read -r ms rss < <(measure "$BIN" import -q --db "$OUT/history.db" "$OUT/history")
report "synthetic history (150->1800 rows)" "$COUNT" "$ms" "$rss"
echo "database: $(du -h "$OUT/history.db" | cut -f1), $("$BIN" log --db "$OUT/history.db" --csv | tail -n +2 | wc -l) events"

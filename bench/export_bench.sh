#!/usr/bin/env bash
# Benchmark of `icetrack export` and `icetrack report`, run by hand (never from
# the test suite), on a database holding a full history: the synthetic COUNT
# workbooks of bench/make_history.cpp (growing to 1,800 rows, the size of
# ICE's history by late 2026), imported once.
# Target: issue 12, exporting and reporting a full history (~470 workbooks)
# takes well under a second. Each command is timed against a floor measured
# in the same run: sqlite3 printing the same rows as JSON (the events, the
# current roster and the snapshots), with no formatting of icetrack's.
# Two histories: CALM 3, close to ICE's own churn (~6,900 events), and CALM 1,
# the import benchmark's, about three times it (~17,100 events).
# Settings (environment): ICETRACK_BENCH_COUNT (default 470),
# ICETRACK_BENCH_OUT (default build-release/bench), ICETRACK_BENCH_RUNS (default 10),
# ICETRACK_BENCH_CALM (default "3 1").
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT="${ICETRACK_BENCH_COUNT:-470}"
RUNS="${ICETRACK_BENCH_RUNS:-10}"
CALM="${ICETRACK_BENCH_CALM:-3 1}"
BUILD_DIR="$REPO_ROOT/build-release"
OUT="${ICETRACK_BENCH_OUT:-$BUILD_DIR/bench}"
BIN="$BUILD_DIR/app/icetrack"

cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DICETRACK_BUILD_TESTS=ON >/dev/null  # make_history uses the test support
cmake --build "$BUILD_DIR" -j2 --target icetrack make_history >/dev/null
mkdir -p "$OUT"
# The median wall time of RUNS runs of a shell command, in milliseconds, and
# the peak RSS (KB) of the last run.
median_ms() {
  local times=() start end
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$OUT/rss" bash -c "$1" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v rss="$(cat "$OUT/rss")" \
    '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.1f %d\n", m / 1000, rss }'
}

row() {  # label, command; against $floor, measured on the same history
  local ms rss
  read -r ms rss < <(median_ms "$2")
  printf "  %-44s %8.1f ms  peak RSS %5.1f MiB  %5.2fx the floor\n" "$1" "$ms" "$(awk -v k="$rss" 'BEGIN{print k/1024}')" \
    "$(awk -v a="$ms" -v b="$floor" 'BEGIN{print a/b}')"
}

echo "icetrack export benchmark, $(date -u +%FT%TZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for calm in $CALM; do
  # calm 1 is the import benchmark's history (bench/import_bench.sh writes the same files).
  history="$OUT/history"; [[ $calm != 1 ]] && history="$OUT/history-calm$calm"
  DB="$OUT/export-calm$calm.db"
  if [[ ! -f "$history/participating$(printf %04d $((COUNT - 1))).xlsx" ]]; then
    rm -rf "$history"
    "$BUILD_DIR/bench/make_history" "$history" "$COUNT" "$calm"
  fi
  if [[ ! -f "$DB" ]]; then
    "$BIN" import -q --db "$DB.tmp" "$history" >/dev/null
    mv "$DB.tmp" "$DB"
  fi
  events=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM events')
  snapshots=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM snapshots')
  roster=$(sqlite3 "$DB" "SELECT COUNT(*) FROM current_roster WHERE list = 'participating'")
  echo "history calm $calm: $snapshots snapshots, $events events, $roster rows in the current roster, $(du -h "$DB" | cut -f1); median of $RUNS runs"
  read -r floor floor_rss < <(median_ms "sqlite3 -json '$DB' 'SELECT * FROM events; SELECT * FROM current_roster; SELECT * FROM snapshots' > '$OUT/floor.json'")
  printf "  %-44s %8.1f ms  peak RSS %5.1f MiB\n" "floor: sqlite3 -json (events, roster, snapshots)" "$floor" "$(awk -v k="$floor_rss" 'BEGIN{print k/1024}')"
  row "export --format json" "'$BIN' export --format json --db '$DB' --out '$OUT/e.json'"
  row "export --format csv (a folder of four)" "'$BIN' export --format csv --db '$DB' --out '$OUT/e-csv'"
  row "export --format xlsx" "'$BIN' export --format xlsx --db '$DB' --out '$OUT/e.xlsx'"
  row "export --format atom" "'$BIN' export --format atom --db '$DB' --out '$OUT/e.atom'"
  row "export --format html" "'$BIN' export --format html --db '$DB' --out '$OUT/e.html'"
  row "report (the whole site)" "'$BIN' report --db '$DB' --out '$OUT/site'"
  row "report --lang es" "'$BIN' report --lang es --db '$DB' --out '$OUT/site'"
  row "log --json (for comparison)" "'$BIN' log --json --db '$DB' > '$OUT/log.json'"
  echo "  sizes: json $(du -h "$OUT/e.json" | cut -f1), xlsx $(du -h "$OUT/e.xlsx" | cut -f1), site $(du -sh "$OUT/site" | cut -f1)"
done

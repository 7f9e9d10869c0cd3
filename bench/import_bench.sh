#!/usr/bin/env bash
# Benchmark of `icetrack import`, run by hand (never from the test suite):
#   1. all real fixture workbooks (both folders) into a fresh database;
#   2. a synthetic full history of COUNT workbooks growing to 1,800 rows
#      (bench/make_history.cpp), the size of ICE's history by late 2026.
# Each import is timed against its floor in the same run: bench/import_floor
# on the same files (libzip + expat over the parts icetrack reads, handlers
# that only count), printed as the ratio import / floor.
# Targets: issue 3, a ~470-workbook history in <= 10 s on 2 cores (<= 20 ms
# per workbook including parse, diff and SQLite); issue 11, import <= 1.5x
# its floor.
# Settings (environment): ICETRACK_FIXTURES, ICETRACK_BENCH_COUNT (default 470),
# ICETRACK_BENCH_OUT (default build-release/bench).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="${ICETRACK_FIXTURES:-$REPO_ROOT/../shared/fixtures/ice287g}"
COUNT="${ICETRACK_BENCH_COUNT:-470}"
BUILD_DIR="$REPO_ROOT/build-release"
OUT="${ICETRACK_BENCH_OUT:-$BUILD_DIR/bench}"
BIN="$BUILD_DIR/app/icetrack"
FLOOR="$BUILD_DIR/bench/import_floor"

cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DICETRACK_BUILD_TESTS=ON >/dev/null  # make_history uses the test support
cmake --build "$BUILD_DIR" -j2 --target icetrack make_history import_floor >/dev/null
mkdir -p "$OUT"

# Milliseconds of wall time, peak RSS (KB) and milliseconds of CPU (user +
# system, all threads) of one command; its stdout goes to $OUT/stdout.
measure() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M %U %S" -o "$OUT/rss" "$@" >"$OUT/stdout"
  end=$(date +%s%N)
  awk -v ms="$(( (end - start) / 1000000 ))" '{ printf "%d %d %d\n", ms, $1, ($2 + $3) * 1000 }' "$OUT/rss"
}

report() {  # label, workbooks, ms, rss
  awk -v l="$1" -v n="$2" -v ms="$3" -v rss="$4" \
    'BEGIN { printf "%-34s %5d workbooks  %7.2f s  %6.1f ms/workbook  peak RSS %.0f MiB\n", l, n, ms/1000, ms/n, rss/1024 }'
}

# Times the floor on the same files, then prints the import's time as a ratio
# of it: wall time (the target), and CPU time, since import reads the next
# workbook on a second thread (app/parse_ahead.h) and the floor uses one.
# Arguments: label, workbooks, import ms, import RSS KB, import CPU ms, then the files or folders.
floor_ratio() {
  local label="$1" n="$2" import_ms="$3" import_rss="$4" import_cpu="$5" floor_ms floor_rss floor_cpu
  shift 5
  read -r floor_ms floor_rss floor_cpu < <(measure "$FLOOR" "$@")
  report "  floor (libzip + expat, counting)" "$n" "$floor_ms" "$floor_rss"
  echo "    floor read: $(cat "$OUT/stdout")"
  awk -v l="$label" -v i="$import_ms" -v f="$floor_ms" -v ir="$import_rss" -v fr="$floor_rss" \
      -v ic="$import_cpu" -v fc="$floor_cpu" \
    'BEGIN { printf "  %s: import / floor = %.2f s / %.2f s = %.2fx (target <= 1.5x); peak RSS %.1f MiB / %.1f MiB\n",
             l, i/1000, f/1000, i/f, ir/1024, fr/1024;
             printf "  %s, CPU time (both threads): %.2f s / %.2f s = %.2fx\n", l, ic/1000, fc/1000, ic/fc }'
}

echo "icetrack import benchmark, $(date -u +%FT%TZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

if [[ -d "$FIXTURES" ]]; then
  rm -f "$OUT/fixtures.db"*
  read -r ms rss cpu < <(measure "$BIN" import -q --db "$OUT/fixtures.db" "$FIXTURES")
  n=$(find "$FIXTURES" -iname '*.xlsx' | wc -l)
  report "real fixtures (both folders)" "$n" "$ms" "$rss"
  floor_ratio "real fixtures" "$n" "$ms" "$rss" "$cpu" "$FIXTURES"
  rm -f "$OUT/fixtures2.db"*
  "$BIN" import -q --db "$OUT/fixtures2.db" "$FIXTURES" >/dev/null
  read -r ms rss cpu < <(measure "$BIN" import -q --db "$OUT/fixtures2.db" "$FIXTURES")
  report "real fixtures, second import" "$n" "$ms" "$rss"
else
  echo "fixtures not found at $FIXTURES: skipping the real-workbook run"
fi

if [[ ! -f "$OUT/history/participating$(printf %04d $((COUNT - 1))).xlsx" ]]; then
  rm -rf "$OUT/history"
  "$BUILD_DIR/bench/make_history" "$OUT/history" "$COUNT"
fi
rm -f "$OUT/history.db"*
read -r ms rss cpu < <(measure "$BIN" import -q --db "$OUT/history.db" "$OUT/history")
report "synthetic history (150->1800 rows)" "$COUNT" "$ms" "$rss"
floor_ratio "synthetic history" "$COUNT" "$ms" "$rss" "$cpu" "$OUT/history"
# Peak RSS against the rows read. Import holds two workbooks at a time at most
# (the one recorded and the one read ahead: app/parse_ahead.h), so the bytes a
# row that count are those of one workbook: the first (smallest) and the last
# (largest) workbook of the history each imported alone into a fresh database
# (read on the one thread); the rest of the full import's peak is the
# database's (SQLite's page cache, up to the 16 MiB of `PRAGMA cache_size` in
# store/store.cpp) and the second thread's heap arena.
read -r rows < <(sqlite3 "$OUT/history.db" 'SELECT sum(rows) FROM snapshots')
alone() {  # workbook -> "rows peak_rss_kb"
  rm -f "$OUT/alone.db"*
  local ms kb
  read -r ms kb cpu < <(measure "$BIN" import -q --db "$OUT/alone.db" "$1")
  echo "$(sqlite3 "$OUT/alone.db" 'SELECT rows FROM snapshots') $kb"
}
read -r first_rows first_rss < <(alone "$OUT/history/participating0000.xlsx")
read -r last_rows last_rss < <(alone "$OUT/history/participating$(printf %04d $((COUNT - 1))).xlsx")
awk -v rss="$rss" -v rows="$rows" -v fr="$first_rows" -v fk="$first_rss" -v lr="$last_rows" -v lk="$last_rss" \
  'BEGIN { printf "  rows: %d in all; peak RSS %.1f MiB = %.0f bytes a row of the history\n", rows, rss/1024, rss*1024/rows;
           printf "  one workbook alone: %d rows %.1f MiB, %d rows %.1f MiB: %.0f bytes a row; the full import holds %.1f MiB more (the database side)\n",
                  fr, fk/1024, lr, lk/1024, (lk-fk)*1024/(lr-fr), (rss-lk)/1024 }'
echo "database: $(du -h "$OUT/history.db" | cut -f1), $("$BIN" log --db "$OUT/history.db" --csv | tail -n +2 | wc -l) events"

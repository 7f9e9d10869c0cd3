#!/usr/bin/env bash
# Benchmark of `icetrack parse` on the largest fixture workbook, run by hand
# (never from the test suite). Compares, in one run, on the same file:
#   icetrack  : icetrack parse FILE --json            (full read + JSON)
#   openpyxl  : bench/openpyxl_full_load.py FILE      (load_workbook, not read_only;
#                                                      every cell value + hyperlink)
#   unzip -p  : unzip -p FILE <the parts icetrack reads>   (the decompression floor)
# and prints: tool, median ms, ratio vs icetrack, peak RSS.
#
# Settings (environment):
#   ICETRACK_FIXTURES   fixture root (default: ../shared/fixtures/ice287g from the repo root)
#   ICETRACK_BENCH_FILE workbook to parse (default: the 1,843-row 2026-05-18 workbook)
#   ICETRACK_BENCH_RUNS minimum timed runs per command (default 20, at least 10)
#   ICETRACK_BENCH_WARMUP warmup runs per command (default 3)
#   ICETRACK_BENCH_OUT  where results go (default: build-release/bench, git-ignored)
#   ICETRACK_BENCH_REBUILD=1  run `cmake --build` even if the binary exists
#   ICETRACK_BENCH_TIMER=loop time with the script's own loop even if hyperfine is installed
#   PYTHON              interpreter with openpyxl (default: first of python3, /usr/bin/python3 that has it)
# Fixtures are read in place; nothing is copied into the repo.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="${ICETRACK_FIXTURES:-$REPO_ROOT/../shared/fixtures/ice287g}"
FILE="${ICETRACK_BENCH_FILE:-$FIXTURES/xlsx/2026-05-18_participatingAgencies05182026am.xlsx}"
RUNS="${ICETRACK_BENCH_RUNS:-20}"
WARMUP="${ICETRACK_BENCH_WARMUP:-3}"
BUILD_DIR="$REPO_ROOT/build-release"
BIN="$BUILD_DIR/app/icetrack"
OUT="${ICETRACK_BENCH_OUT:-$BUILD_DIR/bench}"
# The parts icetrack's reader opens (workbook, relationships of the sheet,
# shared strings, styles, the sheet itself).
PARTS=(xl/worksheets/sheet1.xml xl/sharedStrings.xml xl/worksheets/_rels/sheet1.xml.rels
       xl/styles.xml xl/workbook.xml)

die() { echo "parse_bench: $*" >&2; exit 1; }

[[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 10 ]] || die "ICETRACK_BENCH_RUNS must be a number >= 10"
[[ -f "$FILE" ]] || die "no workbook at $FILE (set ICETRACK_FIXTURES or ICETRACK_BENCH_FILE)"
command -v unzip >/dev/null || die "unzip is missing (apt-get install -y unzip)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install -y time)"

# --- the release binary ---------------------------------------------------
if [[ ! -x "$BIN" || "${ICETRACK_BENCH_REBUILD:-0}" == 1 ]]; then
  echo "parse_bench: building $BIN (Release)" >&2
  cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DICETRACK_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BUILD_DIR" -j2 --target icetrack >/dev/null
fi
build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null || true)"
[[ "$build_type" == Release ]] || die "$BUILD_DIR is not a Release tree (CMAKE_BUILD_TYPE=$build_type)"

# --- a Python that has openpyxl --------------------------------------------
PY=""
for cand in ${PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$cand" >/dev/null && "$cand" -c 'import openpyxl' 2>/dev/null; then
    PY="$(command -v "$cand")"; break
  fi
done
[[ -n "$PY" ]] || die "no python3 with openpyxl (apt-get install -y python3-openpyxl, or set PYTHON)"
LOADER="$REPO_ROOT/bench/openpyxl_full_load.py"

# --- the commands ------------------------------------------------------------
NAMES=(icetrack openpyxl "unzip -p")
CMD_ICETRACK=("$BIN" parse "$FILE" --json)
CMD_OPENPYXL=("$PY" "$LOADER" "$FILE")
CMD_UNZIP=(unzip -p "$FILE" "${PARTS[@]}")
# Quoted for hyperfine -N (which splits words like a shell, without one).
q() { printf '%q ' "$@"; }
CMDS=("$(q "${CMD_ICETRACK[@]}")" "$(q "${CMD_OPENPYXL[@]}")" "$(q "${CMD_UNZIP[@]}")")

mkdir -p "$OUT"
# Each command must work before it is timed.
"${CMD_ICETRACK[@]}" >"$OUT/icetrack.json" || die "icetrack parse failed"
"${CMD_UNZIP[@]}" >/dev/null || die "unzip -p failed (a part is missing from $FILE?)"
openpyxl_summary="$("$PY" "$LOADER" "$FILE" --summary)" || die "openpyxl load failed"
icetrack_summary="$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
r = d["rows"]
links = sum(1 for x in r if x.get("moa_url")) + sum(1 for x in r if x.get("addendum_url"))
print("sheet=%s rows=%d hyperlinks(moa+addendum)=%d" % (d["sheet"], len(r), links))' "$OUT/icetrack.json")"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v l="${load_before%% *}" 'BEGIN { exit !(l > 0.5) }'; then
  echo "parse_bench: warning: load average $load_before; other work on this machine skews the numbers" >&2
fi
# --- timing ----------------------------------------------------------------------
TIMES="$OUT/times.tsv"   # name <TAB> median seconds <TAB> runs <TAB> stddev seconds
if [[ "${ICETRACK_BENCH_TIMER:-hyperfine}" == hyperfine ]] && command -v hyperfine >/dev/null; then
  timer="hyperfine $(hyperfine --version | awk '{print $2}') -N, --warmup $WARMUP, --min-runs $RUNS"
  hyperfine -N --style basic --warmup "$WARMUP" --min-runs "$RUNS" \
    --export-json "$OUT/hyperfine.json" \
    -n "${NAMES[0]}" "${CMDS[0]}" -n "${NAMES[1]}" "${CMDS[1]}" -n "${NAMES[2]}" "${CMDS[2]}" \
    >"$OUT/hyperfine.txt" 2>&1
  "$PY" -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("%s\t%.6f\t%d\t%.6f" % (r["command"], r["median"], len(r["times"]), r["stddev"]))' "$OUT/hyperfine.json" >"$TIMES"
else
  timer="the script's timing loop: median of $RUNS runs after $WARMUP warmup"
  time_cmd() {  # name, then the command; prints name, median seconds, runs
    local name="$1"; shift
    local i t0 t1 samples=()
    for ((i = 0; i < WARMUP; i++)); do "$@" >/dev/null; done
    for ((i = 0; i < RUNS; i++)); do
      t0=${EPOCHREALTIME/[.,]/}; "$@" >/dev/null; t1=${EPOCHREALTIME/[.,]/}  # microseconds, no fork
      samples+=($((t1 - t0)))
    done
    printf '%s\n' "${samples[@]}" | sort -n |
      awk -v n="$name" '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
                        for (i = 1; i <= NR; i++) { s += a[i]; q += a[i] * a[i] }
                        sd = (NR > 1) ? sqrt((q - s * s / NR) / (NR - 1)) : 0
                        printf "%s\t%.6f\t%d\t%.6f\n", n, m / 1e6, NR, sd / 1e6}'
  }
  { time_cmd "${NAMES[0]}" "${CMD_ICETRACK[@]}"
    time_cmd "${NAMES[1]}" "${CMD_OPENPYXL[@]}"
    time_cmd "${NAMES[2]}" "${CMD_UNZIP[@]}"; } >"$TIMES"
fi

# --- peak RSS (median of 3, KiB) ------------------------------------------------
peak_rss() {
  local i s=()
  for i in 1 2 3; do
    /usr/bin/time -f %M -o "$OUT/rss.tmp" "$@" >/dev/null
    s+=("$(tail -1 "$OUT/rss.tmp")")
  done
  rm -f "$OUT/rss.tmp"
  printf '%s\n' "${s[@]}" | sort -n | sed -n 2p
}
RSS=("$(peak_rss "${CMD_ICETRACK[@]}")" "$(peak_rss "${CMD_OPENPYXL[@]}")" "$(peak_rss "${CMD_UNZIP[@]}")")

# --- report ------------------------------------------------------------------------
B_TIMES="$TIMES" B_RSS="${RSS[*]}" B_LOAD="$load_before" B_TIMER="$timer" B_BUILD="$build_type"
B_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
B_NPROC="$(nproc)"
B_CPU="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
B_FAMILY="$(awk -F': ' '/^cpu family/ {print $2; exit}' /proc/cpuinfo)"
B_REV="$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
B_DIRTY=""
if [[ -n "$(git -C "$REPO_ROOT" status --porcelain 2>/dev/null || true)" ]]; then B_DIRTY=" + uncommitted changes"; fi
B_CXX="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")"
B_BUILT="$(date -u -r "$BIN" '+%Y-%m-%d %H:%M UTC')"
B_FILE="$(basename "$FILE")"
B_SIZE="$(stat -c %s "$FILE")"
B_ICE_SUM="$icetrack_summary" B_PY_SUM="$openpyxl_summary"
export B_TIMES B_RSS B_LOAD B_TIMER B_BUILD B_DATE B_NPROC B_CPU B_FAMILY B_REV B_DIRTY B_CXX B_BUILT \
       B_FILE B_SIZE B_ICE_SUM B_PY_SUM
"$PY" - >"$OUT/results.md" <<'EOF_PY'
import os, subprocess, sys
import openpyxl
e = os.environ
times = [line.rstrip("\n").split("\t") for line in open(e["B_TIMES"])]
rss = [int(x) for x in e["B_RSS"].split()]
med = {name: float(s) for name, s, _, _ in times}
runs = {name: int(n) for name, _, n, _ in times}
sd = {name: float(x) for name, _, _, x in times}
ice = med["icetrack"]
cxx = subprocess.run([e["B_CXX"], "--version"], capture_output=True, text=True).stdout.splitlines()
print(f"- date: {e['B_DATE']}")
print(f"- machine: {e['B_NPROC']} cores (nproc); CPU: {e['B_CPU']} (family {e['B_FAMILY']}); "
      f"load average just before timing: {e['B_LOAD']}")
print(f"- icetrack: binary built {e['B_BUILT']} ({e['B_BUILD']}, {cxx[0] if cxx else '?'}); "
      f"HEAD at run time {e['B_REV']}{e['B_DIRTY']}")
print(f"- python: {sys.version.split()[0]} + openpyxl {openpyxl.__version__}")
print(f"- timer: {e['B_TIMER']}")
print(f"- file: {e['B_FILE']} ({int(e['B_SIZE']):,} bytes)")
print(f"- icetrack read: {e['B_ICE_SUM']}")
print(f"- openpyxl read: {e['B_PY_SUM']}")
print()
print("| tool | median ms | σ ms | runs | ratio vs icetrack | peak RSS MiB |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for (name, _, _, _), r in zip(times, rss):
    print(f"| {name} | {med[name] * 1e3:.1f} | {sd[name] * 1e3:.1f} | {runs[name]} | "
          f"{med[name] / ice:.2f}x | {r / 1024:.1f} |")
print()
noisy = [n for n in med if sd[n] > 0.10 * med[n]]
if noisy:
    print("- NOISY: σ is over 10% of the median for " + ", ".join(noisy)
          + "; something else was running. Rerun on a quiet machine before quoting these numbers.")
    print()
speedup = med["openpyxl"] / ice
over_floor = ice / med["unzip -p"]
print(f"- icetrack vs openpyxl full load: {speedup:.1f}x faster (target >= 30x): "
      + ("MET" if speedup >= 30 else "NOT MET"))
print(f"- icetrack vs unzip -p floor: {over_floor:.2f}x the floor's time (target <= 2x): "
      + ("MET" if over_floor <= 2 else "NOT MET"))
EOF_PY
cat "$OUT/results.md"
echo
echo "(results: $OUT/results.md; raw times: $TIMES$([[ -f "$OUT/hyperfine.json" && "$timer" == hyperfine* ]] && echo ", $OUT/hyperfine.json, $OUT/hyperfine.txt"))"

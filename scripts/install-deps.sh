#!/usr/bin/env bash
# Installs what icetrack needs to build and test on Debian 12, from Debian's
# own packages. Idempotent and non-interactive; works as root or with sudo.
#   scripts/install-deps.sh          build + test dependencies
#   scripts/install-deps.sh --bench  also the benchmark tools (openpyxl, hyperfine)
set -euo pipefail

packages=(
  build-essential cmake pkg-config ca-certificates
  libcurl4-openssl-dev libgumbo-dev libxlsxwriter-dev libspdlog-dev libsqlite3-dev sqlite3
  zlib1g-dev libdeflate-dev libexpat1-dev nlohmann-json3-dev libcli11-dev libtomlplusplus-dev libssl-dev
  libsystemd-dev poppler-utils   # poppler-utils: pdftotext reads the MOA documents' text (moa --grep)
  doctest-dev libcpp-httplib-dev libzip-dev   # tests (libzip writes their archives; bench/import_floor reads with it)
  python3-aiosmtpd openssl apprise   # tests: a real SMTP server (STARTTLS), its certificate, Apprise's CLI
  python3-jsonschema                 # tests: webhook bodies and exports checked against the JSON Schemas in docs/
  python3-feedparser chromium gettext   # tests: the Atom feed read by a feed reader, the HTML report in a real browser, the catalogs compiled
  python3-prometheus-client systemd dpkg-dev   # tests: the metrics parsed; units verified and rated; the .deb built
  clang libclang-rt-14-dev unzip     # CI: the suite under ASan + UBSan, the libFuzzer targets and their seeds
)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(python3 python3-openpyxl hyperfine unzip time valgrind)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"

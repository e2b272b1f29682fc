#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what is missing, starts a throwaway
# PostgreSQL 15 cluster, checks formatting, builds with warnings as errors, runs every test suite
# on SQLite and PostgreSQL, stops the cluster and prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ARTIFACTS="$ROOT/artifacts/test"
mkdir -p "$ARTIFACTS"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '== %s\n' "$*"; }

# 1. Machine packages (skipped when present, so local runs stay fast).
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
missing=()
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
# soffice alone is not enough: with only Calc installed it cannot open the report's DOCX.
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || dpkg -s libreoffice-writer >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
# gnbv-tools bench loads the data-entry API with wrk.
command -v wrk >/dev/null || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "apt-get install ${missing[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# 2. .NET tools and packages.
say "restoring"
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; echo "0 passed, 1 failed"; exit 1; }
dotnet restore Gnbv.slnx --nologo -v q || { echo "0 passed, 1 failed"; exit 1; }

# 3. A throwaway PostgreSQL cluster on a free loopback port.
. scripts/throwaway-pg.sh
start_throwaway_pg || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
say "PostgreSQL on port $PGPORT"
export GNBV_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
# Browser tests save screenshots of the main pages here, to be looked at.
export GNBV_SCREENSHOTS="$ROOT/artifacts/screenshots"
rm -rf "$GNBV_SCREENSHOTS"

passed=0; failed=0; skipped=0

# 4. Formatting and a warning-free build are checks like any test.
say "dotnet format --verify-no-changes"
if ! dotnet format Gnbv.slnx --verify-no-changes --no-restore -v q; then
  echo "FAILED: dotnet format found changes to make (run: dotnet format Gnbv.slnx)"; failed=$((failed+1))
fi
say "building"
if ! dotnet build Gnbv.slnx --no-restore --nologo -v q -c Release; then
  echo "FAILED: build"; echo "$passed passed, $((failed+1)) failed"; exit 1
fi

# 5. Every suite, each on both databases where it touches one.
say "running tests"
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  log="$ARTIFACTS/$name.log"
  dotnet test "$project" --no-build -c Release --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$ARTIFACTS" 2>&1 | tee "$log" | grep -E "^\s*(Failed|Passed|Skipped) |^(Passed|Failed)!|error" || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  line=$(grep -E "^(Passed|Failed)!" "$log" | tail -n 1)
  if [ -z "$line" ]; then echo "FAILED: $name produced no result"; failed=$((failed+1)); continue; fi
  p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line"); f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")
  s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
  # A failure's message and the top of its stack, so the CI log says why without the artifacts.
  [ "$f" -eq 0 ] || grep -E -A 14 "^\s*Error Message:" "$log" | head -n 120
  passed=$((passed+p)); failed=$((failed+f)); skipped=$((skipped+s))
done

[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=$((failed+1))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

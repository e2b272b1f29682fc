#!/usr/bin/env bash
# The README test command run at another date: scripts/test.sh with the wall clock of every process
# it starts (dotnet, the test hosts, gnbv children, PostgreSQL, Chromium) set by libfaketime to
# DATE, in UTC, and running on from there. It shows that no test outcome depends on the day the
# suite runs: the product reads "now" from an injected TimeProvider that the tests pin.
#   scripts/test-at-date.sh "2027-07-06 12:00:00"   # after 2027S1's due date
#   scripts/test-at-date.sh "2026-12-31 20:00:00"   # already 1 January 2027 in Vietnam
set -uo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: scripts/test-at-date.sh 'YYYY-MM-DD HH:MM:SS' (UTC)"; exit 2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v faketime >/dev/null; then
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null \
    || { echo "apt-get install faketime failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# Packages and tools are fetched at the real date: HTTPS certificates and NuGet's signatures are
# checked against the clock. Under the fake date, restore then finds nothing to do.
dotnet tool restore >/dev/null && dotnet restore Gnbv.slnx --nologo -v q \
  || { echo "restore failed"; echo "0 passed, 1 failed"; exit 1; }

# TZ=UTC: faketime reads DATE as local time. The monotonic clock is shifted with the wall clock
# (libfaketime's default): with FAKETIME_DONT_FAKE_MONOTONIC=1, vstest never connects to its test
# host (aborted after 90 s), so it is cleared here in case the caller's environment sets it.
export TZ=UTC
unset FAKETIME_DONT_FAKE_MONOTONIC
echo "== running scripts/test.sh at $1 UTC (faketime)"
exec faketime "$1" scripts/test.sh

#!/usr/bin/env bash
# The national-scale benchmark from a clean clone: installs PostgreSQL and wrk when missing, starts a
# throwaway PostgreSQL cluster as the test command does, builds in Release and runs
#   gnbv-tools bench --households N --write-docs docs/benchmarks.md
# which prints one JSON object at the end. N is the first argument (default 200000); other
# arguments go to gnbv-tools bench (see `gnbv-tools bench --help`). gnbv-tools (tools/Gnbv.Tools) is
# the developers' program; it runs the operator's gnbv, built beside it, for the household import.
set -euo pipefail
cd "$(dirname "$0")/.."
HOUSEHOLDS=${1:-200000}
shift || true

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
missing=()
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || missing+=(postgresql)
command -v wrk >/dev/null || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

dotnet tool restore >/dev/null
dotnet build tools/Gnbv.Tools -c Release --nologo -v q >/dev/null
. scripts/throwaway-pg.sh
start_throwaway_pg
echo "== PostgreSQL on port $PGPORT" >&2
tools/Gnbv.Tools/bin/Release/net10.0/gnbv-tools bench --households "$HOUSEHOLDS" --write-docs docs/benchmarks.md \
  --db "Host=127.0.0.1;Port=$PGPORT;Username=postgres" "$@"

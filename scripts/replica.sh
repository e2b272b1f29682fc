#!/usr/bin/env bash
# A PostgreSQL primary and a hot standby (streaming replication) on loopback, to try reports and
# dashboards on a replica (GNBV_DB_READONLY) on one machine. Throwaway: trust authentication on
# 127.0.0.1, data under $GNBV_REPLICA_DIR.
#
#   scripts/replica.sh [start]   start both (initdb on first use) and print the connection strings
#   scripts/replica.sh status    replication state and lag, as the primary sees it
#   scripts/replica.sh stop      stop both and delete their data
#
# Settings (environment): GNBV_REPLICA_DIR (default ${TMPDIR:-/tmp}/gnbv-replica),
# GNBV_PRIMARY_PORT (55450), GNBV_STANDBY_PORT (55451), GNBV_REPLICA_DB (gnbv).
# As root the servers run as the postgres user (runuser), as scripts/test.sh does.
set -euo pipefail

DIR=${GNBV_REPLICA_DIR:-${TMPDIR:-/tmp}/gnbv-replica}
PRIMARY_PORT=${GNBV_PRIMARY_PORT:-55450}
STANDBY_PORT=${GNBV_STANDBY_PORT:-55451}
DB=${GNBV_REPLICA_DB:-gnbv}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL binaries not found (apt-get install postgresql, or set PGBIN)" >&2; exit 1; }

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { "$PGBIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -XAtq -c "$2"; }
running() { as_pg "$PGBIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }
conn() { echo "Host=127.0.0.1;Port=$1;Database=$DB;Username=postgres"; }

start() {
  mkdir -p "$DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DIR"
  if [ ! -f "$DIR/primary/PG_VERSION" ]; then
    as_pg "$PGBIN/initdb" -D "$DIR/primary" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    # wal_level=replica and wal senders are PostgreSQL's defaults; written out so the setup reads whole.
    # The standby is a copy of this directory, so it inherits these settings.
    cat >>"$DIR/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
hot_standby = on
hot_standby_feedback = on
max_connections = 200
EOF
  fi
  running "$DIR/primary" || as_pg "$PGBIN/pg_ctl" -D "$DIR/primary" -o "-p $PRIMARY_PORT" -l "$DIR/primary.log" -w start >/dev/null
  [ "$(sql "$PRIMARY_PORT" "SELECT count(*) FROM pg_database WHERE datname = '$DB'")" = 1 ] || sql "$PRIMARY_PORT" "CREATE DATABASE $DB"

  if [ ! -f "$DIR/standby/PG_VERSION" ]; then
    # -R writes primary_conninfo and standby.signal: the copy starts as a standby that streams from
    # the primary; the slot keeps the WAL it has not replayed yet; a fast checkpoint starts the copy now.
    sql "$PRIMARY_PORT" "SELECT 1 FROM pg_replication_slots WHERE slot_name = 'gnbv_standby'" | grep -q 1 \
      || sql "$PRIMARY_PORT" "SELECT pg_create_physical_replication_slot('gnbv_standby')" >/dev/null
    as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR/standby" -R -X stream -c fast -S gnbv_standby
  fi
  running "$DIR/standby" || as_pg "$PGBIN/pg_ctl" -D "$DIR/standby" -o "-p $STANDBY_PORT" -l "$DIR/standby.log" -w start >/dev/null
  [ "$(sql "$STANDBY_PORT" "SELECT pg_is_in_recovery()")" = t ] || { echo "the standby is not in recovery: see $DIR/standby.log" >&2; exit 1; }

  echo "primary (read-write) on port $PRIMARY_PORT, hot standby (read-only) on port $STANDBY_PORT"
  echo "export GNBV_DB_PROVIDER=postgres"
  echo "export GNBV_DB=\"$(conn "$PRIMARY_PORT")\""
  echo "export GNBV_DB_READONLY=\"$(conn "$STANDBY_PORT")\""
}

status() {
  sql "$PRIMARY_PORT" "SELECT application_name, state, sync_state, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS replay_lag_bytes, replay_lag FROM pg_stat_replication" \
    | sed 's/^/replica: /'
  echo "standby replayed up to $(sql "$STANDBY_PORT" "SELECT pg_last_wal_replay_lsn()"), primary at $(sql "$PRIMARY_PORT" "SELECT pg_current_wal_lsn()")"
}

stop() {
  for d in standby primary; do
    if [ -f "$DIR/$d/PG_VERSION" ] && running "$DIR/$d"; then as_pg "$PGBIN/pg_ctl" -D "$DIR/$d" -m fast -w stop >/dev/null; fi
  done
  rm -rf "$DIR"
  echo "stopped; $DIR removed"
}

case "${1:-start}" in
  start) start ;;
  status) status ;;
  stop) stop ;;
  *) echo "usage: $0 [start|status|stop]" >&2; exit 2 ;;
esac

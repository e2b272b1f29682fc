# Sourced by scripts/test.sh and scripts/bench.sh: start_throwaway_pg starts a throwaway
# PostgreSQL cluster on a free loopback port (trust authentication, fsync off, stopped and deleted
# on exit) and sets PGPORT; it expects PGBIN. As root the server runs as the postgres user.
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_throwaway_pg() {
  PGDATA=$(mktemp -d /tmp/gnbv-pg-XXXXXX)
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PGDATA"; fi
  trap stop_throwaway_pg EXIT
  run_pg "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null \
    && run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
         -l "$PGDATA/server.log" -w start >/dev/null \
    || { cat "$PGDATA/server.log" 2>/dev/null; return 1; }
}

stop_throwaway_pg() { run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1; rm -rf "$PGDATA"; }

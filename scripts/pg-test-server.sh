#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the integration tests.
#
#   scripts/pg-test-server.sh start DIR   creates a cluster in DIR, starts it on 127.0.0.1 at a free
#                                         port, creates database lianxin_test and prints ONLY its URL
#                                         (postgres://postgres@127.0.0.1:PORT/lianxin_test) on stdout
#   scripts/pg-test-server.sh stop DIR    stops it and removes DIR (no error when already gone)
#   scripts/pg-test-server.sh crash DIR   stops it as a crash would (pg_ctl -m immediate), keeps DIR
#   scripts/pg-test-server.sh up DIR      starts it again after a crash (same port, crash recovery)
#   A start that fails or is interrupted cleans up after itself (stops the server, removes DIR).
#
# Trust authentication, TCP on 127.0.0.1 only (no Unix socket), fsync off: for tests, never for data.
# initdb and pg_ctl refuse to run as root; as root (CI) they run as the `postgres` user on folders it
# owns. When that user cannot reach DIR (e.g. the repository lives under /root), the cluster goes in
# a temporary folder under /tmp and DIR/data and DIR/log are symbolic links to it.
# Logs: DIR/log (server), DIR/initdb.log.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
MARKER=.lianxin-pg-test-server
DB_NAME=lianxin_test

die() {
  echo "pg-test-server: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start DIR | stop DIR | crash DIR | up DIR" >&2
  exit 2
}

(($# == 2)) || usage
cmd=$1
dir=$2
[[ -n "$dir" ]] || usage

# As root, run the PostgreSQL tools as `postgres`; otherwise as ourselves. cd / first: the tools
# complain when they cannot reach the current directory.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"
}

start() {
  [[ -x "$PG_BIN/initdb" ]] || die "$PG_BIN/initdb not found: run scripts/system-deps.sh (package postgresql, server 15)"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user (package postgresql not installed?)"
  fi
  if [[ -e "$dir" ]] && [[ -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
    die "$dir exists and is not empty (a server still running there? run: $0 stop $dir)"
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  touch "$dir/$MARKER"
  # Failed or interrupted half-way: stop whatever started and remove DIR.
  trap 'rc=$?; trap - EXIT; if ((rc != 0)); then stop >/dev/null 2>&1 || true; fi; exit $rc' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  local base=$dir
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
    if ! (cd / && runuser -u postgres -- test -w "$dir" -a -x "$dir"); then
      base=$(mktemp -d "${TMPDIR:-/tmp}/lianxin-pg.XXXXXX")
      chmod 700 "$base"
      chown postgres: "$base"
      echo "$base" >"$dir/relocated"
      ln -s "$base/data" "$dir/data"
      ln -s "$base/log" "$dir/log"
    fi
  fi
  local data=$base/data log=$base/log

  if ! as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    --no-instructions >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed (log above, also in $dir/initdb.log)"
  fi

  # Only TCP on 127.0.0.1, trust. No Unix socket (its default folder may not exist or be writable).
  as_owner tee "$data/pg_hba.conf" >/dev/null <<'EOF'
# throwaway test cluster: trust, 127.0.0.1 only
host  all  all  127.0.0.1/32  trust
EOF

  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    as_owner tee "$data/postgresql.auto.conf" >/dev/null <<EOF
# written by scripts/pg-test-server.sh: test settings, durability traded for speed
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 100
max_wal_size = 1GB
checkpoint_timeout = 30min
autovacuum = off
jit = off
log_min_messages = warning
log_min_error_statement = error
timezone = 'UTC'
EOF
    if as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null 2>&1; then
      break
    fi
    # Most likely the port was taken between choosing and binding it: try another one.
    if ((attempt == 5)); then
      tail -n 30 "$log" >&2 || true
      die "could not start PostgreSQL (log: $dir/log)"
    fi
    echo "pg-test-server: start on port $port failed, retrying with another port" >&2
  done
  echo "$port" >"$dir/port"

  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB_NAME" >&2 || die "createdb $DB_NAME failed"

  trap - EXIT INT TERM
  echo "postgres://postgres@127.0.0.1:$port/$DB_NAME"
}

stop_server() {
  local data=$1
  if [[ -f "$data/postmaster.pid" ]]; then
    as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
      as_owner "$PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
      echo "pg-test-server: could not stop the server in $data" >&2
  fi
}

stop() {
  [[ -e "$dir" ]] || return 0
  [[ -f "$dir/$MARKER" ]] || die "$dir was not made by this script (no $MARKER); not touching it"
  dir=$(cd "$dir" && pwd)
  local base=$dir
  if [[ -f "$dir/relocated" ]]; then
    base=$(<"$dir/relocated")
  fi
  stop_server "$base/data"
  if [[ "$base" != "$dir" && -d "$base" ]]; then
    rm -rf -- "$base"
  fi
  rm -rf -- "$dir"
}

# the cluster's data folder of DIR (relocated or not)
data_of() {
  [[ -f "$dir/$MARKER" ]] || die "$dir was not made by this script (no $MARKER)"
  if [[ -f "$dir/relocated" ]]; then echo "$(<"$dir/relocated")/data"; else echo "$(cd "$dir" && pwd)/data"; fi
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  crash) as_owner "$PG_BIN/pg_ctl" -D "$(data_of)" -m immediate -w -t 30 stop >/dev/null ;;
  up) as_owner "$PG_BIN/pg_ctl" -D "$(data_of)" -l "$(dirname "$(data_of)")/log" -w -t 60 start >/dev/null ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# The point-in-time restore drill's PostgreSQL side: a throwaway PostgreSQL 15 cluster (made by
# scripts/pg-test-server.sh) that archives its WAL to a pgBackRest repository beside it.
#
#   scripts/pgbackrest-drill.sh start DIR         the cluster in DIR with WAL archiving to the repository
#                                                 DIR's pgbackrest/repo (stanza `lianxin`); prints ONLY
#                                                 its URL (postgres://postgres@127.0.0.1:PORT/lianxin_test)
#   scripts/pgbackrest-drill.sh backup DIR        a full backup; prints its label
#   scripts/pgbackrest-drill.sh restore DIR TIME  the WAL written so far pushed to the repository, then the
#                                                 backup restored into a fresh data folder with the WAL
#                                                 replayed up to TIME (`YYYY-MM-DD HH:MM:SS.US+00`) and
#                                                 started on another port once promoted; prints ONLY its URL
#   scripts/pgbackrest-drill.sh stop DIR          stops both clusters and removes DIR
#
# The repository, its log and lock files, the restored cluster and a Unix socket (pgBackRest reaches a
# local cluster through one) live in the cluster's folder, so `stop` removes them with it. As root
# (CI), pgbackrest runs as `postgres`, the owner of those folders, as the archive_command does.
# Settings for a test; docs/operations.md has those for production.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PG_BIN=/usr/lib/postgresql/15/bin
STANZA=lianxin
DB_NAME=lianxin_test

die() {
  echo "pgbackrest-drill: $*" >&2
  exit 1
}

(($# >= 2)) || die "usage: $0 start DIR | backup DIR | restore DIR TIME | stop DIR"
cmd=$1
dir=$2

# the same rule as pg-test-server.sh: as root, the PostgreSQL tools and pgbackrest run as `postgres`
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# the folder holding the cluster's data (DIR itself, or where pg-test-server.sh relocated it)
base_of() {
  if [[ -f "$dir/relocated" ]]; then cat "$dir/relocated"; else (cd "$dir" && pwd); fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"
}

sql() {
  local port=$1
  shift
  "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -XtA -v ON_ERROR_STOP=1 -c "$@"
}

pgbackrest_() {
  as_owner pgbackrest --config="$(base_of)/pgbackrest/pgbackrest.conf" --stanza=$STANZA "$@"
}

start() {
  command -v pgbackrest >/dev/null 2>&1 || die "pgbackrest not found: run scripts/system-deps.sh (package pgbackrest)"
  local url base port conf
  url=$(bash "$HERE/pg-test-server.sh" start "$dir")
  trap 'rc=$?; trap - EXIT; if ((rc != 0)); then bash "$HERE/pg-test-server.sh" stop "$dir" >/dev/null 2>&1 || true; fi; exit $rc' EXIT
  base=$(base_of)
  port=$(<"$dir/port")
  conf=$base/pgbackrest/pgbackrest.conf
  as_owner mkdir -m 700 -p "$base/pgbackrest/repo" "$base/pgbackrest/log" "$base/pgbackrest/lock"
  as_owner tee "$conf" >/dev/null <<EOF
[global]
repo1-path=$base/pgbackrest/repo
repo1-retention-full=1
log-path=$base/pgbackrest/log
lock-path=$base/pgbackrest/lock
log-level-console=warn
log-level-file=info
start-fast=y
compress-type=lz4

[$STANZA]
pg1-path=$base/data
pg1-port=$port
pg1-socket-path=$base
pg1-user=postgres
EOF
  # the socket pgBackRest connects through (the test cluster has none), and WAL archiving (a restart)
  as_owner tee -a "$base/data/pg_hba.conf" >/dev/null <<<'local  all  postgres  trust'
  sql "$port" "ALTER SYSTEM SET unix_socket_directories = '$base'" >/dev/null
  sql "$port" "ALTER SYSTEM SET archive_mode = on" >/dev/null
  sql "$port" "ALTER SYSTEM SET archive_command = 'pgbackrest --config=$conf --stanza=$STANZA archive-push %p'" >/dev/null
  as_owner "$PG_BIN/pg_ctl" -D "$base/data" -l "$base/log" -m fast -w -t 60 restart >/dev/null ||
    die "restart with WAL archiving failed (log: $base/log)"
  pgbackrest_ stanza-create >&2 || die "stanza-create failed (log: $base/pgbackrest/log)"
  pgbackrest_ check >&2 || die "pgbackrest check failed: WAL is not archived (log: $base/pgbackrest/log)"
  trap - EXIT
  echo "$url"
}

backup() {
  pgbackrest_ --type=full backup >&2 || die "backup failed (log: $(base_of)/pgbackrest/log)"
  pgbackrest_ --output=json info | node -e \
    'let s="";process.stdin.on("data",(d)=>{s+=d}).on("end",()=>{const b=JSON.parse(s)[0].backup;console.log(b[b.length-1].label)})'
}

restore() {
  local target=$1 base to port state
  base=$(base_of)
  to=$base/restored
  [[ ! -e "$to" ]] || die "$to exists: one restore per drill"
  # every WAL segment written so far in the repository (check switches to a new segment and waits)
  pgbackrest_ check >&2 || die "the current WAL did not reach the repository (log: $base/pgbackrest/log)"
  as_owner mkdir -m 700 "$to"
  pgbackrest_ --pg1-path="$to" --type=time --target="$target" --target-action=promote --archive-mode=off \
    restore >&2 || die "restore failed (log: $base/pgbackrest/log)"
  port=$(free_port)
  as_owner tee -a "$to/postgresql.auto.conf" >/dev/null <<<"port = $port"
  as_owner "$PG_BIN/pg_ctl" -D "$to" -l "$base/restored.log" -w -t 120 start >/dev/null ||
    { tail -n 30 "$base/restored.log" >&2; die "the restored cluster did not start (log: $base/restored.log)"; }
  # it accepts connections while it still replays; done when promoted (or stopped: target not reached)
  for _ in $(seq 1 600); do
    state=$(sql "$port" 'SELECT pg_is_in_recovery()' 2>/dev/null || echo down)
    [[ "$state" == f ]] && { echo "postgres://postgres@127.0.0.1:$port/$DB_NAME"; return; }
    if [[ "$state" == down ]] && ! as_owner "$PG_BIN/pg_ctl" -D "$to" status >/dev/null 2>&1; then
      tail -n 30 "$base/restored.log" >&2
      die "recovery stopped before $target (log: $base/restored.log)"
    fi
    sleep 0.2
  done
  die "recovery to $target did not end within 120 s (log: $base/restored.log)"
}

stop() {
  [[ -e "$dir" ]] || return 0
  local to
  to=$(base_of)/restored
  if [[ -f "$to/postmaster.pid" ]]; then
    as_owner "$PG_BIN/pg_ctl" -D "$to" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
      echo "pgbackrest-drill: could not stop the restored cluster in $to" >&2
  fi
  bash "$HERE/pg-test-server.sh" stop "$dir"
}

case "$cmd" in
  start) start ;;
  backup) backup ;;
  restore)
    (($# == 3)) || die "usage: $0 restore DIR TIME"
    restore "$3"
    ;;
  stop) stop ;;
  *) die "unknown command $cmd" ;;
esac

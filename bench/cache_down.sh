#!/usr/bin/env bash
# What losing Redis or the database costs, measured: production settings (gunicorn, 2
# workers, PostgreSQL, page cache on), a small bounded run of requests per page with
#   1. Redis up,  2. Redis at a closed port (down),
#   3. one server that loses Redis and gets it back, without a restart (bench/tcp_proxy.py),
#   4. the database at a closed port (down) with Redis up and warm.
# usage: bench/cache_down.sh   (BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_PORT as bench/env.sh)
# Redis "down" is a closed port, not a stopped server: the app is started against it.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_PORT="${BENCH_PORT:-8104}"
export BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/cache_down}"
export BENCH_REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/14}"
source bench/env.sh
export LOG_LEVEL=WARNING
BASE="http://127.0.0.1:$BENCH_PORT"
CLOSED="redis://127.0.0.1:1/0"
DB_NAME="${DATABASE_URL##*/}"
psql "${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" \
  | grep -q 1 || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE $DB_NAME"
"$BENCH_PY" manage.py migrate --noinput -v0
"$BENCH_PY" manage.py load_demo_content > /dev/null
ARTICLE="$("$BENCH_PY" manage.py shell -v0 -c \
  "from news.models import NewsArticlePage; print(NewsArticlePage.objects.live().first().url)")"
PATHS=(/ /news/ "$ARTICLE" /volunteer/special-constables/ /volunteer/special-constables/apply/ /health/)

server_pid=""
stop_server() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; server_pid=""; }
trap stop_server EXIT
start_server() {  # log name, then BENCH_*=value for bench/env.sh in the server's environment
  local name=$1; shift
  env "$@" BENCH_ACCESS_LOG=/dev/null bench/serve.sh "$BENCH_PORT" > "/tmp/cache_down-$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 60); do curl -s -o /dev/null "$BASE/robots.txt" && return; sleep 1; done
  echo "server did not start" >&2; exit 1
}
measure() { "$BENCH_PY" bench/cache_down.py "$BASE" "$1" "${PATHS[@]}"; }

"$BENCH_PY" manage.py shell -v0 -c "from django.core.cache import caches; caches['default'].clear()"
start_server up
measure "Redis up (warm: the first request of each page renders it)"
stop_server
start_server down BENCH_REDIS_URL="$CLOSED"
measure "Redis down (closed port)"
echo "log lines about the cache: $(grep -c 'Shared cache' /tmp/cache_down-down.log || true)"
stop_server

# Redis taken away from a running server and given back, without restarting it: the app
# reaches Redis through a relay (bench/tcp_proxy.py) that is stopped, then started again.
RELAY_PORT="${BENCH_RELAY_PORT:-16404}"
REDIS_HOSTPORT="${BENCH_REDIS_URL#redis://}"; REDIS_HOSTPORT="${REDIS_HOSTPORT%%/*}"
REDIS_DB="${BENCH_REDIS_URL##*/}"
relay_pid=""
start_relay() {
  "$BENCH_PY" bench/tcp_proxy.py "$RELAY_PORT" "${REDIS_HOSTPORT%:*}" "${REDIS_HOSTPORT#*:}" &
  relay_pid=$!; sleep 1
}
stop_relay() { [[ -n "$relay_pid" ]] && { kill "$relay_pid" 2>/dev/null; wait "$relay_pid" 2>/dev/null || true; }; relay_pid=""; }
trap 'stop_server; stop_relay' EXIT
start_relay
start_server relay BENCH_REDIS_URL="redis://127.0.0.1:$RELAY_PORT/$REDIS_DB"
measure "One server: Redis up through the relay"
stop_relay
measure "The same server: Redis taken away (relay stopped)"
start_relay
sleep 6  # the breaker's window (REDIS_BREAKER_SECONDS, 5) passes
measure "The same server: Redis given back, no restart"
echo "log lines about the cache: $(grep 'Shared cache' /tmp/cache_down-relay.log | sed 's/;.*//' | sort | uniq -c)"
stop_server
stop_relay

start_server dbdown BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:1/$DB_NAME"
measure "Database down (closed port), Redis up and warm"
stop_server

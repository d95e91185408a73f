#!/usr/bin/env bash
# Serve the site as production does: gunicorn, 2 workers, PostgreSQL, Redis, whitenoise.
# usage: bench/serve.sh [PORT]   (PAGE_CACHE_SECONDS=0 bench/serve.sh turns the page cache off)
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_PORT="${1:-${BENCH_PORT:-8006}}"
source bench/env.sh
"$BENCH_PY" manage.py collectstatic --noinput -v0
# BENCH_ACCESS_LOG / BENCH_ACCESS_FORMAT: where and how gunicorn logs each request
# (bench/publish_load.sh counts renders from the X-Page-Cache header in it).
LOG_ARGS=(--access-logfile "${BENCH_ACCESS_LOG:--}")
[[ -n "${BENCH_ACCESS_FORMAT:-}" ]] && LOG_ARGS+=(--access-logformat "$BENCH_ACCESS_FORMAT")
exec .venv/bin/gunicorn config.wsgi --workers "${BENCH_WORKERS:-2}" \
  --bind "127.0.0.1:$BENCH_PORT" --no-control-socket "${LOG_ARGS[@]}" \
  --log-level warning ${GUNICORN_ARGS:-}

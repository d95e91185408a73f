#!/usr/bin/env bash
# Serve the site as production does: gunicorn, 2 workers, PostgreSQL, Redis, whitenoise.
# usage: bench/serve.sh [PORT]   (PAGE_CACHE_SECONDS=0 bench/serve.sh turns the page cache off)
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_PORT="${1:-${BENCH_PORT:-8006}}"
source bench/env.sh
"$BENCH_PY" manage.py collectstatic --noinput -v0
exec .venv/bin/gunicorn config.wsgi --workers "${BENCH_WORKERS:-2}" \
  --bind "127.0.0.1:$BENCH_PORT" --no-control-socket --access-logfile - \
  --log-level warning ${GUNICORN_ARGS:-}

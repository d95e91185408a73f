#!/usr/bin/env bash
# In-process cost of each uncached page, search and the queues on the bench database.
# usage: bench/profile.sh [REPEAT=30]   (production settings from bench/env.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/env.sh
export ALLOWED_HOSTS="testserver,$ALLOWED_HOSTS" PYTHONPATH="$PWD"
"$BENCH_PY" manage.py collectstatic --noinput -v0
exec "$BENCH_PY" bench/profile_pages.py "$@"

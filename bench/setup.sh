#!/usr/bin/env bash
# Create and fill the bench database: demo site, then 10,000 articles and 100,000 submissions.
# usage: bench/setup.sh   (idempotent: a second run only tops up)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/env.sh
DB_NAME="${DATABASE_URL##*/}"
psql "${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" \
  | grep -q 1 || psql "${DATABASE_URL%/*}/postgres" -c "CREATE DATABASE $DB_NAME"
"$BENCH_PY" manage.py migrate --noinput -v0
"$BENCH_PY" manage.py load_demo_content > /dev/null
"$BENCH_PY" manage.py bench_fill "$@"
"$BENCH_PY" manage.py update_index > /dev/null
psql "$DATABASE_URL" -c "VACUUM ANALYZE" > /dev/null
# Bulk inserts send no publish signal: start a new page-cache generation so nothing cached
# from before the fill (pages, listings, counts) is served as current.
"$BENCH_PY" manage.py shell -v0 -c "from cms.page_cache import purge_all; purge_all()"

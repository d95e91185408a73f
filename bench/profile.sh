#!/usr/bin/env bash
# In-process cost of each uncached page, search and the queues on the bench database.
# usage: bench/profile.sh [REPEAT=30]   (production settings from bench/env.sh)
#        BENCH_BEFORE=<commit> bench/profile.sh [REPEAT]   also measures the public pages as
#        that commit renders them (exported to a temporary directory, same database, same
#        run) and prints CPU after/before per page.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/env.sh
export ALLOWED_HOSTS="testserver,$ALLOWED_HOSTS" PYTHONPATH="$PWD"
"$BENCH_PY" manage.py collectstatic --noinput -v0
if [[ -z "${BENCH_BEFORE:-}" ]]; then
  exec "$BENCH_PY" bench/profile_pages.py "$@"
fi
HERE="$PWD"
PY_ABS="$(cd "$(dirname "$BENCH_PY")" && pwd)/$(basename "$BENCH_PY")"
BEFORE_DIR="$(mktemp -d)"
trap 'rm -rf "$BEFORE_DIR"' EXIT
git archive "$BENCH_BEFORE" | tar -x -C "$BEFORE_DIR"
# Commits older than the bench settings module profile with plain production settings.
[[ -f "$BEFORE_DIR/config/settings/bench.py" ]] || BEFORE_SETTINGS=config.settings.production
export DJANGO_SETTINGS_MODULE="${BEFORE_SETTINGS:-$DJANGO_SETTINGS_MODULE}"
# The older code's own static files, so its templates find their manifest entries.
(cd "$BEFORE_DIR" && PYTHONPATH="$BEFORE_DIR" "$PY_ABS" manage.py collectstatic --noinput -v0)
REPEAT="${1:-30}"
before="$(cd "$BEFORE_DIR" && PYTHONPATH="$BEFORE_DIR" \
  "$PY_ABS" "$HERE/bench/profile_pages.py" "$REPEAT" --public --json)"
after="$(DJANGO_SETTINGS_MODULE=config.settings.bench "$BENCH_PY" bench/profile_pages.py "$REPEAT" --public --json)"
"$BENCH_PY" - "$BENCH_BEFORE" "$before" "$after" <<'PY'
import json, sys
commit, before, after = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(f"public pages, CPU ms (median) and queries: {commit} (before) and this checkout (after)")
print("| page | path | before CPU ms | queries | after CPU ms | queries | CPU after/before |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
for (name, path, b_cpu, _bw, b_q, _bs), (_n, _p, a_cpu, _aw, a_q, _as) in zip(before, after):
    print(f"| {name} | `{path}` | {b_cpu:.1f} | {b_q} | {a_cpu:.1f} | {a_q} | {a_cpu / b_cpu:.2f} |")
PY

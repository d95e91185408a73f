#!/usr/bin/env bash
# A publish under load: CLIENTS clients read home, the news index and an article while an
# editor publishes that article every 10 s; reports client-side p50/p95/p99 (wrk) and, from
# the server's access log, how many full renders (X-Page-Cache: miss) each page took.
# usage: bench/publish_load.sh [DURATION_SECONDS=60] [CLIENTS=200]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-60}"
CLIENTS="${2:-200}"
export BENCH_PORT="${BENCH_PORT:-8006}"
source bench/env.sh
BASE="http://127.0.0.1:$BENCH_PORT"
OUT="bench/results/publish-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
ARTICLE="${BENCH_ARTICLE:-/news/bench-article-5000/}"
PATHS="/,/news/,$ARTICLE"
server_pid=""
stop_server() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; server_pid=""; }
trap stop_server EXIT
# Each access-log line: path, X-Page-Cache (hit, stale, miss or -), status, server time in ms.
PAGE_CACHE_SECONDS=300 BENCH_ACCESS_LOG="$OUT/access.log" \
  BENCH_ACCESS_FORMAT='%(U)s %({x-page-cache}o)s %(s)s %(M)s' GUNICORN_ARGS="--backlog 2048" \
  bench/serve.sh "$BENCH_PORT" > "$OUT/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 60); do curl -sf -o /dev/null "$BASE/" && break; sleep 1; done
for path in / /news/ "$ARTICLE"; do curl -sf -o /dev/null "$BASE$path"; done  # cached before the run
: > "$OUT/access.log"
# The editor: publish the article every 10 s while the clients read.
"$BENCH_PY" manage.py shell -v0 -c "
import time
from news.models import NewsArticlePage
slug = '${ARTICLE}'.strip('/').split('/')[-1]
for n in range(${DURATION} // 10):
    time.sleep(10 if n else 5)
    page = NewsArticlePage.objects.get(slug=slug)
    page.summary = f'Updated during the publish-under-load run, publish {n + 1}.'
    page.save_revision().publish()
    print(f'published {n + 1} at {time.strftime(\"%H:%M:%S\")}', flush=True)
" > "$OUT/publisher.log" 2>&1 &
publisher=$!
BENCH_PATHS="$PATHS" wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --timeout 10s \
  -s bench/publish_load.lua "$BASE/" > "$OUT/wrk.txt"
wait "$publisher"
stop_server
"$BENCH_PY" - "$OUT" "$PATHS" <<'PY'
import statistics, sys
from collections import Counter, defaultdict
out, paths = sys.argv[1], sys.argv[2].split(",")
states, times = defaultdict(Counter), defaultdict(list)
for line in open(f"{out}/access.log"):
    parts = line.strip().strip("'").split()
    if len(parts) != 4:
        continue
    path, state, status, ms = parts
    states[path][state if status == "200" else f"status {status}"] += 1
    times[path].append(float(ms))
publishes = sum(1 for line in open(f"{out}/publisher.log") if line.startswith("published"))
wrk = next(line for line in open(f"{out}/wrk.txt") if line.startswith("BENCH"))
print(f"publishes: {publishes}; wrk (all pages, client side): {wrk.strip()}")
print("| page | requests | hit | stale | full renders (miss) | other | server p50 ms | p99 ms |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for path in paths:
    c, t = states[path], sorted(times[path])
    other = sum(v for k, v in c.items() if k not in ("hit", "stale", "miss"))
    p = lambda q: t[min(len(t) - 1, int(q * len(t)))] if t else 0
    print(f"| `{path}` | {sum(c.values())} | {c['hit']} | {c['stale']} | {c['miss']} | {other} "
          f"| {p(0.5):.0f} | {p(0.99):.0f} |")
PY

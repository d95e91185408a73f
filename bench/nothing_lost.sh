#!/usr/bin/env bash
# Nothing lost: COUNT applications (half Special Constables, half Mini Police) from CLIENTS
# concurrent clients against two gunicorn instances sharing one PostgreSQL, the tasks on
# django-tasks-db with `manage.py db_worker`, and the mail server down for part of the run.
# Then bench/nothing_lost.py checks rows, outbox and the mail actually received.
# usage: bench/nothing_lost.sh [COUNT=2000] [CLIENTS=50]   (after bench/setup.sh)
# Ports: instances 8008 and 8009, SMTP sink 8007 (override NL_PORT_A, NL_PORT_B, NL_SMTP_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-2000}"
CLIENTS="${2:-50}"
PORT_A="${NL_PORT_A:-8008}"
PORT_B="${NL_PORT_B:-8009}"
SMTP_PORT="${NL_SMTP_PORT:-8007}"
MAIL_DOWN_AFTER="${NL_MAIL_DOWN_AFTER:-5}"   # seconds into the run
MAIL_DOWN_FOR="${NL_MAIL_DOWN_FOR:-240}"     # seconds: most of a 2,000-application run
.venv/bin/python -c "import aiosmtpd" 2>/dev/null || .venv/bin/python -m pip install --quiet --group bench
export TASK_BACKEND=database EMAIL_HOST=127.0.0.1 EMAIL_PORT="$SMTP_PORT" EMAIL_USE_TLS=false \
  EMAIL_TIMEOUT=5 PAGE_CACHE_SECONDS=300
source bench/env.sh
OUT="bench/results/nothing-lost-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
SINK="$OUT/mail.jsonl"
pids=()
cleanup() { for pid in "${pids[@]}" ${sink_pid:-}; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start_sink() { "$BENCH_PY" bench/smtp_sink.py "$SMTP_PORT" "$SINK" & sink_pid=$!; }
start_sink
bench/serve.sh "$PORT_A" > "$OUT/instance-a.log" 2>&1 & pids+=($!)
sleep 3  # let the first collectstatic finish before the second starts
bench/serve.sh "$PORT_B" > "$OUT/instance-b.log" 2>&1 & pids+=($!)
"$BENCH_PY" manage.py db_worker > "$OUT/db_worker.log" 2>&1 & pids+=($!)
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 90); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 1; done
done

STARTED="$("$BENCH_PY" -c 'import datetime; print(datetime.datetime.now(datetime.UTC).isoformat())')"
BASES="http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B"
RUN_ID="nl$(date +%s)"
"$BENCH_PY" bench/submit.py --base "$BASES" --form sc --count $((COUNT / 2)) \
  --clients $((CLIENTS / 2)) --run-id "$RUN_ID" --json "$OUT/submit-sc.json" > "$OUT/submit-sc.txt" &
sc=$!
"$BENCH_PY" bench/submit.py --base "$BASES" --form mp --count $((COUNT - COUNT / 2)) \
  --clients $((CLIENTS - CLIENTS / 2)) --run-id "$RUN_ID" --json "$OUT/submit-mp.json" > "$OUT/submit-mp.txt" &
mp=$!
sleep "$MAIL_DOWN_AFTER"
echo "$(date -u +%T) mail server down"; kill "$sink_pid"; wait "$sink_pid" 2>/dev/null || true
sleep "$MAIL_DOWN_FOR"
echo "$(date -u +%T) mail server back"; start_sink
wait "$sc" || true
wait "$mp" || true
echo "$(date -u +%T) clients done"; cat "$OUT/submit-sc.txt" "$OUT/submit-mp.txt"
"$BENCH_PY" bench/nothing_lost.py "$OUT" "$SINK" "$STARTED" --wait "${NL_WAIT:-420}" | tee "$OUT/report.json"

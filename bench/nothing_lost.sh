#!/usr/bin/env bash
# Nothing lost: COUNT applications (half Special Constables, half Mini Police) from CLIENTS
# concurrent clients against two gunicorn instances sharing one PostgreSQL, the tasks on
# django-tasks-db with `manage.py db_worker`, and the mail server down for part of the run.
# Then bench/nothing_lost.py checks rows, outbox and the mail actually received.
# usage: bench/nothing_lost.sh [COUNT=2000] [CLIENTS=50]   (after bench/setup.sh)
# Ports: instances 8008 and 8009, SMTP sink 8007 (override NL_PORT_A, NL_PORT_B, NL_SMTP_PORT).
#
# The faults run (issue 23) adds, each off unless set:
#   NL_SENDS=3            Send pressed three times at once in every journey
#   NL_RETRIES=5          clients retry a request that got no answer or a 5xx (counted)
#   NL_BULK_MOVE=1        a recruiter bulk-moves the run's new applications meanwhile
#   NL_REDIS_DOWN_AFTER=60 NL_REDIS_DOWN_FOR=60
#                         the instances use a Redis of their own (port NL_REDIS_PORT, 6390),
#                         stopped for that long that far into the run
#   NL_KILL_EVERY=5       a random gunicorn worker is killed (SIGKILL) every that many seconds
# e.g. NL_SENDS=3 NL_RETRIES=5 NL_BULK_MOVE=1 NL_REDIS_DOWN_AFTER=60 NL_REDIS_DOWN_FOR=60 \
#      NL_KILL_EVERY=5 bench/nothing_lost.sh 600 30
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
SENDS="${NL_SENDS:-1}"
RETRIES="${NL_RETRIES:-0}"
REDIS_DOWN_FOR="${NL_REDIS_DOWN_FOR:-0}"
REDIS_PORT="${NL_REDIS_PORT:-6390}"
KILL_EVERY="${NL_KILL_EVERY:-0}"
if (( REDIS_DOWN_FOR > 0 )); then
  # A Redis of the run's own, so stopping it touches nothing else on the machine.
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
fi
OUT="bench/results/nothing-lost-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
SINK="$OUT/mail.jsonl"
pids=()
cleanup() {
  for pid in "${pids[@]}" ${sink_pid:-} ${redis_pid:-} ${killer_pid:-}; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

start_redis() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
    --logfile "$OUT/redis.log" & redis_pid=$!
}
if (( REDIS_DOWN_FOR > 0 )); then start_redis; sleep 1; fi

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
FAULTS=(--sends "$SENDS" --retries "$RETRIES")
"$BENCH_PY" bench/submit.py --base "$BASES" --form sc --count $((COUNT / 2)) "${FAULTS[@]}" \
  --clients $((CLIENTS / 2)) --run-id "$RUN_ID" --json "$OUT/submit-sc.json" > "$OUT/submit-sc.txt" &
sc=$!
"$BENCH_PY" bench/submit.py --base "$BASES" --form mp --count $((COUNT - COUNT / 2)) "${FAULTS[@]}" \
  --clients $((CLIENTS - CLIENTS / 2)) --run-id "$RUN_ID" --json "$OUT/submit-mp.json" > "$OUT/submit-mp.txt" &
mp=$!
if [[ -n "${NL_BULK_MOVE:-}" ]]; then
  "$BENCH_PY" bench/bulk_mover.py "$STARTED" "${NL_BULK_MOVE_FOR:-600}" > "$OUT/bulk-mover.txt" 2>&1 &
  pids+=($!)
fi
if (( KILL_EVERY > 0 )); then
  (
    while sleep "$KILL_EVERY"; do
      workers=$(pgrep -P "${pids[0]}"; pgrep -P "${pids[1]}") || true
      victim=$(shuf -n1 <<<"$workers")
      [[ -n "$victim" ]] && kill -9 "$victim" 2>/dev/null && echo "$(date -u +%T) killed worker $victim"
    done
  ) > "$OUT/kills.txt" & killer_pid=$!
fi
events() {
  # Mail and Redis outages on one timeline (seconds since the clients started).
  local now=0
  local -a at=("$MAIL_DOWN_AFTER mail-down" "$((MAIL_DOWN_AFTER + MAIL_DOWN_FOR)) mail-up")
  if (( REDIS_DOWN_FOR > 0 )); then
    at+=("${NL_REDIS_DOWN_AFTER:-60} redis-down" "$(( ${NL_REDIS_DOWN_AFTER:-60} + REDIS_DOWN_FOR )) redis-up")
  fi
  while read -r when what; do
    sleep $(( when > now ? when - now : 0 )); now=$when
    case "$what" in
      mail-down) echo "$(date -u +%T) mail server down"; kill "$sink_pid"; wait "$sink_pid" 2>/dev/null || true ;;
      mail-up) echo "$(date -u +%T) mail server back"; start_sink ;;
      redis-down) echo "$(date -u +%T) Redis down"; kill "$redis_pid"; wait "$redis_pid" 2>/dev/null || true ;;
      redis-up) echo "$(date -u +%T) Redis back"; start_redis ;;
    esac
  done < <(printf '%s\n' "${at[@]}" | sort -n)
}
events
wait "$sc" || true
wait "$mp" || true
echo "$(date -u +%T) clients done"; cat "$OUT/submit-sc.txt" "$OUT/submit-mp.txt"
[[ -n "${killer_pid:-}" ]] && { kill "$killer_pid" 2>/dev/null || true; echo "$(grep -c killed "$OUT/kills.txt") workers killed"; }
"$BENCH_PY" bench/nothing_lost.py "$OUT" "$SINK" "$STARTED" --wait "${NL_WAIT:-420}" | tee "$OUT/report.json"

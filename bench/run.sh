#!/usr/bin/env bash
# Measure the demo site under load: wrk against gunicorn (2 workers) on PostgreSQL and Redis.
# usage: bench/run.sh [DURATION=15s] [CONNECTIONS=20]
# Two phases, each with its own static-file baseline from the same server:
#   uncached  PAGE_CACHE_SECONDS=0: home, news index, article, search, recruiter's queue list
#   cached    PAGE_CACHE_SECONDS=300: home, news index, article
# then submissions/s for each form (bench/submit.py). Results: bench/results/<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  SUDO=""; [[ "$(id -u)" != 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
fi
DURATION="${1:-15s}"
CONNECTIONS="${2:-20}"
export BENCH_PORT="${BENCH_PORT:-8006}"
source bench/env.sh
BASE="http://127.0.0.1:$BENCH_PORT"
OUT="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
ARTICLE="${BENCH_ARTICLE:-/news/bench-article-5000/}"
"$BENCH_PY" manage.py collectstatic --noinput -v0  # the hashed name below needs the manifest
STATIC="$("$BENCH_PY" manage.py shell -v0 -c \
  "from django.templatetags.static import static; print(static('css/site.css'))")"
# The recruiter's session, made directly in the database (no login form to script), and
# verified with an authenticator app as production's two-factor authentication requires.
SESSION="$("$BENCH_PY" manage.py shell -v0 -c "
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
user = get_user_model().objects.get(username='recruiter')
device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
device = device or TOTPDevice.objects.create(user=user, name='bench', confirmed=True)
c = Client(); c.force_login(user)
session = c.session; session[DEVICE_ID_SESSION_KEY] = device.persistent_id; session.save()
print(session.session_key)")"

server_pid=""
stop_server() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; server_pid=""; }
trap stop_server EXIT

start_server() {
  PAGE_CACHE_SECONDS="$1" bench/serve.sh "$BENCH_PORT" > "$OUT/server-$2.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 60); do curl -sf -o /dev/null "$BASE$STATIC" && return; sleep 1; done
  echo "server did not start" >&2; exit 1
}

measure() {  # phase name path [cookie]
  local phase=$1 name=$2 path=$3 cookie=${4:-}
  for _ in 1 2 3; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")
    [[ "$status" == 200 ]] || { echo "$path answered $status, not 200: not measuring it" >&2; exit 1; }
  done
  BENCH_COOKIE="$cookie" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s \
    -s bench/percentiles.lua "$BASE$path" > "$OUT/$phase-$name.txt"
  echo "$phase $name $path $(grep '^BENCH' "$OUT/$phase-$name.txt") load=$(cut -d' ' -f1 /proc/loadavg)" \
    | tee -a "$OUT/summary.txt"
}

start_server 0 uncached
measure uncached static "$STATIC"
measure uncached home /
measure uncached news_index /news/
measure uncached article "$ARTICLE"
measure uncached search "/search/?q=appeal+witnesses"
measure uncached queue /admin/recruitment/specialconstableapplication/ "sessionid=$SESSION"
stop_server

start_server 300 cached
measure cached static "$STATIC"
measure cached home /
measure cached news_index /news/
measure cached article "$ARTICLE"
for form in sc mp; do
  "$BENCH_PY" bench/submit.py --base "$BASE" --form "$form" --count "${BENCH_SUBMISSIONS:-300}" \
    --clients "$CONNECTIONS" | tee -a "$OUT/submissions.txt"
done
stop_server
"$BENCH_PY" bench/report.py "$OUT" | tee "$OUT/report.md"

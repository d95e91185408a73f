# Sourced by the bench scripts: production settings (plus the bench app) against the bench database and Redis.
# Override any of these from the environment.
export DJANGO_SETTINGS_MODULE=config.settings.bench
export SECRET_KEY="${SECRET_KEY:-bench-only-not-secret}"
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bench_perf}"
export REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/6}"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:${BENCH_PORT:-8006}"
# Plain HTTP on the loopback: no TLS proxy in front of the bench server.
export SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0
export TASK_BACKEND="${TASK_BACKEND:-database}"
# One client address sends everything: lift the per-client form and draft limits.
export RECRUITMENT_RATE_LIMIT=100000000 RECRUITMENT_DRAFT_RATE_LIMIT=100000000
export LOG_LEVEL="${LOG_LEVEL:-WARNING}"
export DEMO_PASSWORD="${DEMO_PASSWORD:-blue-lamp-demo-2026}"
BENCH_PY="${BENCH_PY:-.venv/bin/python}"

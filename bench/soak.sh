#!/usr/bin/env bash
# Soak: moderate load for a fixed time (default 600 s) on loopback, cycling through selection changes,
# advisor redraws and API calls with one session; reports heap after a full GC and the session table size
# before and after, and errors. Uses PostgreSQL when SOAK_DB_URL is set (so the session table can be counted
# while the app runs), else H2 without the session count.
#
#   bench/soak.sh [seconds] [connections]        (defaults: 600, 4; needs wrk, curl, jcmd)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-600}"
CONNECTIONS="${2:-4}"
PORT="${BENCH_PORT:-18082}"
DB_ARGS=()
if [ -n "${SOAK_DB_URL:-}" ]; then
  DB_ARGS=(--spring.profiles.active=postgres --spring.datasource.url="$SOAK_DB_URL")
fi
. bench/app.sh
start_app "$PORT" "${DB_ARGS[@]}"

sessions() {
  if [ -n "${SOAK_DB_URL:-}" ]; then
    PGPASSWORD="${SOAK_DB_PASSWORD:-gemmavision}" psql -h localhost -U "${SOAK_DB_USER:-gemmavision}" \
      -d "$(echo "$SOAK_DB_URL" | sed 's|.*/||; s|?.*||')" -tAc "SELECT COUNT(*) FROM spring_session"
  else
    echo "n/a (H2)"
  fi
}
heap() {
  jcmd "$APP" GC.run >/dev/null
  sleep 1
  jcmd "$APP" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1)}'
}
export SOAK_COOKIE=$(curl -fs -o /dev/null -D - "${BASE}/?model=Gemma3-4B-IT" | tr -d '\r' | awk -F'[ ;]' '/^Set-Cookie: SESSION=/{print $2}')
wrk -t2 -c"$CONNECTIONS" -d10s -s bench/soak.lua "$BASE" >/dev/null   # warm-up
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
echo "before: heap used ${HEAP_BEFORE:=$(heap)}, sessions $(sessions)"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/soak.lua "$BASE" \
  | grep -E 'Requests/sec|  50%|  99%|requests in|Non-2xx|Socket errors'
echo "after:  heap used $(heap), sessions $(sessions)"
grep -c " ERROR " "${DATA}/app.log" | sed 's/^/errors logged: /' || true

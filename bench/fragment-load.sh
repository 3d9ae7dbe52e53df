#!/usr/bin/env bash
# Load benchmark of the fragment HTMX swaps in when a selection changes: overview + quantization for all four
# Gemma 3 sizes. Starts the packaged app on loopback with a throwaway H2 file, then runs wrk (Debian's) at 1
# and at 32 connections with a real session cookie, as a browser would send it. Bounded in time; loopback only.
#
#   bench/fragment-load.sh [duration-seconds]      (default 20; needs: wrk, curl, java 17, maven)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
PORT="${BENCH_PORT:-18080}"
BASE="http://127.0.0.1:${PORT}"
QUERY="model=Gemma3-1B&model=Gemma3-4B-IT&model=Gemma3-12B-IT&model=Gemma3-27B-IT&quant=bf16&quant=int4&quant=int4-b32&quant=sfp8&kv=true&bench=&table="

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
JAR=$(ls target/gemmavision-quantadvisor-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -q -DskipTests package
  JAR=$(ls target/gemmavision-quantadvisor-*.jar | head -1)
fi

DATA=$(mktemp -d)
java -Xmx512m -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:h2:file:${DATA}/bench" ${BENCH_APP_ARGS:-} > "${DATA}/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -fs "${BASE}/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done

# One browser session: the selection is stored once, later identical requests only read it.
COOKIE=$(curl -fs -o /dev/null -D - "${BASE}/?${QUERY}" | tr -d '\r' | awk -F'[ ;]' '/^Set-Cookie: SESSION=/{print $2}')
[ -n "$COOKIE" ] || { echo "no session cookie" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m); java: $(java -version 2>&1 | head -1)"
echo "fragment: GET /?${QUERY} with HX-Request: true ($(curl -fs -H 'HX-Request: true' -b "$COOKIE" "${BASE}/?${QUERY}" | wc -c) bytes)"
# Warm up the JIT before measuring.
wrk -t2 -c8 -d10s -H 'HX-Request: true' -H "Cookie: ${COOKIE}" "${BASE}/?${QUERY}" >/dev/null
for CONNECTIONS in 1 32; do
  THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
  echo "--- ${CONNECTIONS} connection(s), ${DURATION}s"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H 'HX-Request: true' -H "Cookie: ${COOKIE}" \
    "${BASE}/?${QUERY}" | grep -E 'Requests/sec|50%|90%|99%|requests in|Non-2xx|Socket errors'
done

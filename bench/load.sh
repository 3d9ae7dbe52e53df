#!/usr/bin/env bash
# Load benchmark of the app's hot paths on loopback, with wrk (Debian's package):
#   fragment  the HTMX redraw of overview + quantization for all four sizes (29 KB, with HX-Request and a session)
#   radar     the same with the zero-shot benchmarks and their derived radar (bench=zero-shot)
#   advisor   the HTMX redraw of the advisor results
#   advice    GET /api/advice (16 options fitted on a GPU, JSON)
#   advice-uncached  GET /api/advice with another context, batch, engine and KV type each time (bench/advice.lua),
#             so every answer is computed, not served from the advice cache
#   memory    GET /api/memory (one estimate, JSON)
# It packages and starts the app with a throwaway H2 file, opens one browser-like session, warms each target
# up, then runs wrk at 1 and at 32 connections. Bounded in time; loopback only.
#
#   bench/load.sh [seconds-per-run] [target ...]     (defaults: 15, all targets)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
shift || true
TARGETS=("${@:-fragment radar advisor advice advice-uncached memory}")
PORT="${BENCH_PORT:-18080}"
SELECTION="model=Gemma3-1B&model=Gemma3-4B-IT&model=Gemma3-12B-IT&model=Gemma3-27B-IT&quant=bf16&quant=int4&quant=int4-b32&quant=sfp8&kv=true&bench=&table="

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
. bench/app.sh
start_app "$PORT"

# One browser session, as a browser makes it: a first page sets the CSRF cookie, the selection sent back with it
# is stored in a session (clients without cookies get none) and a copy of it comes back in a cookie; later identical
# redraws with that copy leave the session alone.
JAR_COOKIES="${DATA}/cookies"
curl -fs -o /dev/null -c "$JAR_COOKIES" "${BASE}/"
curl -fs -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" "${BASE}/?${SELECTION}"
# The Cookie header a browser would send: every cookie in the jar (the session, the CSRF token, the copy of the
# stored selection), refreshed by a browser-like request for each target before wrk replays it.
cookie_header() { awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$JAR_COOKIES"; }
grep -q SESSION "$JAR_COOKIES" || { echo "no session cookie" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m); $(java -version 2>&1 | head -1)"
for TARGET in ${TARGETS[*]}; do
  SCRIPT=()
  case "$TARGET" in
    fragment) URL="${BASE}/?${SELECTION}"; HEADERS=(-H 'HX-Request: true') ;;
    radar)    URL="${BASE}/?${SELECTION/bench=/bench=zero-shot}"; HEADERS=(-H 'HX-Request: true') ;;
    advisor)  URL="${BASE}/advisor?${SELECTION}&gpu=NVIDIA%20L4&context=32768&batch=1"; HEADERS=(-H 'HX-Request: true') ;;
    advice)   URL="${BASE}/api/advice?gpu=NVIDIA%20L4&context=32768&batch=1"; HEADERS=() ;;
    advice-uncached) URL="${BASE}/api/advice?gpu=NVIDIA%20L4&context=32768&batch=1&engine=vllm"; HEADERS=(); SCRIPT=(-s bench/advice.lua) ;;
    memory)   URL="${BASE}/api/memory?model=Gemma3-27B-IT&quant=bf16&context=131072&batch=1&kvDtype=bf16&slidingWindow=true"; HEADERS=() ;;
    *) echo "unknown target $TARGET" >&2; exit 1 ;;
  esac
  if [ "${#HEADERS[@]}" -gt 0 ]; then   # a page redraw: store its selection as a browser would, then send its cookies
    curl -fs -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" -H 'HX-Request: true' "$URL"
    HEADERS=(-H 'HX-Request: true' -H "Cookie: $(cookie_header)")
  fi
  BYTES=$(curl -fs "${HEADERS[@]/#-H/-H}" "$URL" | wc -c)
  echo "=== ${TARGET}: GET ${URL#${BASE}} (${BYTES} bytes)"
  wrk -t2 -c8 -d5s "${SCRIPT[@]}" "${HEADERS[@]}" "$URL" >/dev/null   # JIT warm-up
  for CONNECTIONS in 1 32; do
    THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
    echo "--- ${CONNECTIONS} connection(s), ${DURATION}s"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${SCRIPT[@]}" "${HEADERS[@]}" "$URL" \
      | grep -E 'Requests/sec|  50%|  90%|  99%|Non-2xx|Socket errors'
  done
done

#!/usr/bin/env bash
# Where a hot path spends its CPU: starts the packaged app with Java Flight Recorder, drives one target of
# bench/load.sh with wrk at 32 connections, then prints the methods most often on top of the sampled stacks
# (own time) and the app's frames most often anywhere in them (total time, com.gemmavision and Spring only).
#
#   bench/profile.sh [seconds] [target]      (defaults: 20, radar; targets as in bench/load.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN="${1:-20}"
TARGET="${2:-radar}"
OUT="target/profile"
mkdir -p "$OUT"
rm -f "$OUT/app.jfr"
BENCH_APP_ARGS="${BENCH_APP_ARGS:-}" BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=$OUT/app.jfr,settings=profile,dumponexit=true" \
  bench/load.sh "$SECONDS_RUN" "$TARGET" | grep -E "===|Requests/sec|99%"
for _ in $(seq 1 30); do   # the recording is complete once the stopped app has written it
  jfr summary "$OUT/app.jfr" >/dev/null 2>&1 && break
  sleep 1
done
jfr print --events jdk.ExecutionSample --stack-depth 64 "$OUT/app.jfr" > "$OUT/samples.txt"
echo "--- own time (top of stack), share of samples"
awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); n++; top[$0]++} END {for (m in top) printf "%5.1f%%  %s\n", 100*top[m]/n, m}' \
  "$OUT/samples.txt" | sort -rn | head -25
echo "--- total time of app and Spring frames (anywhere on the stack), share of samples"
awk '/stackTrace = \[/{n++; delete seen} /^[ \t]+(com\.gemmavision|org\.springframework|org\.thymeleaf|org\.h2|org\.apache\.catalina)/{m=$1; if (!(m in seen)) {seen[m]=1; total[m]++}} END {for (m in total) printf "%5.1f%%  %s\n", 100*total[m]/n, m}' \
  "$OUT/samples.txt" | sort -rn | head -40

#!/usr/bin/env bash
# Document processing throughput: pages per second for PDF text-layer extraction and for OCR (Tesseract,
# 300 dpi, six languages), measured through the running app on loopback with a throwaway database.
#
#   bench/documents.sh [text-pages] [scanned-pages]     (defaults: 300 and 5; needs tesseract-ocr)
set -euo pipefail
cd "$(dirname "$0")/.."
TEXT_PAGES="${1:-300}"
SCANNED_PAGES="${2:-5}"
PORT="${BENCH_PORT:-18081}"
mvn -q -DskipTests package
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
JAR=$(ls target/gemmavision-quantadvisor-*.jar | head -1)
DATA=$(mktemp -d)
java -Xmx512m -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:h2:file:${DATA}/bench;DB_CLOSE_ON_EXIT=FALSE" --gemmavision.documents.poll-interval=50ms ${BENCH_APP_ARGS:-} > "${DATA}/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:${PORT}/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); $(tesseract --version 2>&1 | head -1)"
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" bench/DocumentThroughput.java \
  "http://127.0.0.1:${PORT}" "$TEXT_PAGES" "$SCANNED_PAGES"

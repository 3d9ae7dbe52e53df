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
. bench/app.sh
start_app "$PORT" --gemmavision.documents.poll-interval=50ms
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); $(tesseract --version 2>&1 | head -1)"
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" bench/DocumentThroughput.java \
  "http://127.0.0.1:${PORT}" "$TEXT_PAGES" "$SCANNED_PAGES"

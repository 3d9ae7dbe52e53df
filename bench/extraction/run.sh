#!/usr/bin/env bash
# Field extraction accuracy on a labelled folder (labels.jsonl, the format of ../shared/corpus/README.md):
# each document goes through the app's real pipeline (upload checks, PDFBox, Tesseract OCR, field rules) with
# no HTTP in between; prints right / labelled / wrong per field, per document kind and overall, and OCR pages
# per second, and writes the misses to a CSV.
#
#   bench/extraction/run.sh [folder] [misses.csv]     (defaults: ../shared/corpus, target/extraction-misses.csv)
set -euo pipefail
cd "$(dirname "$0")/../.."
FOLDER="${1:-../shared/corpus}"
MISSES="${2:-target/extraction-misses.csv}"
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); $(tesseract --version 2>&1 | head -1)"
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.gemmavision.bench.ExtractionBench "$FOLDER" "$MISSES"

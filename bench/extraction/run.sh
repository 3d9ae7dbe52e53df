#!/usr/bin/env bash
# Field extraction accuracy on a labelled folder (labels.jsonl, the format of ../shared/corpus/README.md):
# each document goes through the app's real pipeline (upload checks, PDFBox, Tesseract OCR, field rules) with
# no HTTP in between. Prints right / labelled / wrong per field, per document kind and overall, twice: as the
# app states them (fitted: the committed confidence model was trained on this corpus) and held out (each
# receipt, invoice or e-invoice issuer group scored by a model trained without it), with the held-out
# calibration and OCR pages per second; writes the held-out misses to a CSV.
#
#   bench/extraction/run.sh [folder] [misses.csv] [--train]
#     defaults: ../shared/corpus, target/extraction-misses.csv
#     --train   also retrain src/main/resources/extraction/confidence-model.txt on every labelled value
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); $(tesseract --version 2>&1 | head -1)"
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.gemmavision.bench.ExtractionBench "$@"

#!/usr/bin/env bash
# Field extraction accuracy on labelled folders (labels.jsonl, the format of ../shared/corpus/README.md):
# each document goes through the app's real pipeline (upload checks, PDFBox, Tesseract OCR, field rules) with
# no HTTP in between. Prints right / labelled / wrong / not found per field, per document kind and overall,
# three times: as the app states them (fitted: the committed confidence model was trained on the corpus), held
# out one group at a time, and by 5-fold cross-validation grouped by store or issuer (no store or issuer in both
# the fitting and the scoring part), each with its calibration error; then OCR's character error rate against
# the folders' transcripts.jsonl and the share of labelled values that occur in the text read at all (the
# ceiling any rule can reach). Writes the grouped-fold misses to a CSV.
#
#   bench/extraction/run.sh [folder ...] [misses.csv] [--train] [--thresholds] [--tilt=DEGREES] [--rankers]
#     defaults: ../shared/corpus, target/extraction-misses.csv
#     the measurement that cannot flatter: bench/extraction/run.sh ../shared/corpus ../shared/receipts
#     --rankers  held-out figures with the learned total and seller rankers (fitted per fold, with cross-fitted
#                calibration) instead of the hand rules; with --train, also writes them to
#                src/main/resources/extraction, where the app then loads them
#     --train   also retrain src/main/resources/extraction/confidence-model.txt on every labelled value
#     --thresholds  also write src/main/resources/extraction/field-thresholds.txt: from which probability the
#                app states a value (one threshold for values read from pages, one for e-invoice XML), the
#                lowest keeping wrong values within 2% of the labelled ones on these folders' grouped folds
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); $(tesseract --version 2>&1 | head -1)"
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.gemmavision.bench.ExtractionBench "$@"

#!/usr/bin/env bash
# PDF report benchmark: the densest overview (every model, format, benchmark group and report table) rendered
# once warm, then eight at once, at -Xmx512m, while a page is fetched in the middle of the burst. Prints each
# request's status and seconds, the report's size and page count (pdfinfo, from poppler-utils), and the
# process's resident memory after the burst. Loopback only.
#
#   bench/reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BENCH_PORT:-18081}"
DENSE="model=Gemma3-1B&model=Gemma3-4B-IT&model=Gemma3-12B-IT&model=Gemma3-27B-IT&quant=bf16&quant=int4"
DENSE+="&quant=int4-b32&quant=sfp8&kv=true&bench=arena&bench=zero-shot&bench=multimodal&bench=long-context"
DENSE+="&bench=stem-code&table=6&table=8&table=9&table=10&table=11&table=12&table=13&table=14&table=15"
DENSE+="&table=16&table=17&table=18&compare=Gemma3-27B-IT&compare=Gemini-1.5-Pro"

. bench/app.sh
start_app "$PORT"

echo "cold and warm, one at a time:"
for _ in 1 2; do
  curl -s -o "${DATA}/dense.pdf" -w "  %{http_code} %{time_total} s %{size_download} bytes\n" "${BASE}/report.pdf?${DENSE}"
done
command -v pdfinfo >/dev/null && pdfinfo "${DATA}/dense.pdf" | grep Pages | sed 's/^/  /'
echo "eight at once (two are laid out at a time), and a page during the burst:"
for _ in $(seq 1 8); do
  curl -s -o /dev/null -w "  report %{http_code} %{time_total} s\n" "${BASE}/report.pdf?${DENSE}" &
done
(sleep 3; curl -s -o /dev/null -w "  page   %{http_code} %{time_total} s\n" "${BASE}/?model=Gemma3-4B-IT") &
wait $(jobs -p | grep -v "^${APP}$") 2>/dev/null || true
echo "resident memory after the burst: $(ps -o rss= -p "$APP") kB"
grep -c "OutOfMemoryError" "${DATA}/app.log" | sed 's/^/OutOfMemoryError lines: /'

#!/usr/bin/env bash
# Time and peak memory of tralign on huge inputs (release build), as
# reported in docs/testing.md "Benchmarks":
#   1. a 50 MB line without punctuation against the English news article;
#   2. one sentence against 10,000 (presplit).
# Usage: scripts/huge-inputs.sh   (needs /usr/bin/time from Debian's `time`)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/tralign
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import sys
words = ["Haus", "Baum", "Wasser", "Straße", "über", "Berlin", "2022"]
line, size, k = [], 0, 0
while size < 50_000_000:
    w = words[k % len(words)]
    line.append(w)
    size += len(w.encode()) + 1
    k += 3
open(f"{sys.argv[1]}/line.de.txt", "w").write(" ".join(line) + "\n")
open(f"{sys.argv[1]}/one.de.txt", "w").write("Der Minister kam am Donnerstag nach Shanghai.\n")
with open(f"{sys.argv[1]}/many.en.txt", "w") as f:
    for i in range(10_000):
        f.write(f"Sentence number {i} of a long report.\n")
PY
measure() {
    local what=$1
    shift
    /usr/bin/time -f "$what: %e s, peak %M KB" "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || true
    grep -v '^tralign: ' "$tmp/err" || true
    grep '^tralign: ' "$tmp/err" | sed "s|$tmp/||" || true
    echo "  output: $(wc -l <"$tmp/out") lines"
}
ls -l "$tmp/line.de.txt" | awk '{print "line.de.txt: " $5 " bytes"}'
measure "50 MB line vs news-blinken/en.txt" align --format ladder "$tmp/line.de.txt" data/news-blinken/en.txt
measure "1 sentence vs 10,000 (presplit)" align --presplit --format ladder "$tmp/one.de.txt" "$tmp/many.en.txt"
measure "segment the 50 MB line" segment --lang de "$tmp/line.de.txt"

#!/usr/bin/env bash
# Wall time and peak memory of `tralign align --presplit --format ladder` on
# long pairs, and how they grow with the input.
#
# usage: scripts/bench-scale.sh [SENTENCES ...]     (default: 30000 300000 1000000)
#        RUNS=3 scripts/bench-scale.sh ...            (3 rounds over the sizes: each
#                                                      size's fastest run is shown,
#                                                      with the range)
#
# The pairs repeat ../shared/corpus/textberg-dev (de-fr, read from outside
# the repository, never copied into it) with a numbered heading per copy and
# random deletions and merges (scripts/make-long-pair.py), so each comes
# with a gold alignment and the strict F1 is reported too (up to 300000). Without that
# corpus, data/news-blinken (de-en) is repeated instead.
#
# Each run is kept in benchmarks/runs/YYYY-MM-DD-bench-scale.txt (scripts/keep-run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/keep-run.sh
keep_run bench-scale "RUNS=${RUNS:-1} scripts/bench-scale.sh $*"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(30000 300000 1000000)
corpus=../shared/corpus/textberg-dev
if [ -f "$corpus/dev.de" ]; then
    src=("$corpus/dev.de" "$corpus/dev.fr" "$corpus/dev.defr"); langs=de,fr
else
    echo "bench-scale: $corpus is absent; repeating data/news-blinken instead" >&2
    src=(data/news-blinken/de.sentences.txt data/news-blinken/en.sentences.txt data/news-blinken/gold.de-en.txt); langs=de,en
fi
[ -x /usr/bin/time ] || (apt-get update -qq && apt-get install -y -qq time >/dev/null)
cargo build --release --quiet
bin=target/release/tralign
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

printf '%-10s %-10s %10s %10s %12s %8s\n' sentences "right" "wall s" "user s" "peak MB" "F1"
prev_wall=""; prev_mem=""; prev_n=""
runs=${RUNS:-1}
for n in "${sizes[@]}"; do
    python3 scripts/make-long-pair.py "${src[@]}" "$n" "$work/$n"
done
# The machine is shared and its speed drifts: the runs go round the sizes,
# so that every size meets the same spells, and of each size's runs the
# fastest, the least disturbed, is shown.
wall_of() {
    awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"
}
for r in $(seq "$runs"); do
    for n in "${sizes[@]}"; do
        TRALIGN_TIMINGS=1 /usr/bin/time -v "$bin" align --presplit --langs "$langs" --format ladder \
            "$work/$n/left.txt" "$work/$n/right.txt" -o "$work/$n/hyp.txt" 2> "$work/$n/time.$r.txt"
    done
done
for n in "${sizes[@]}"; do
    walls=()
    for r in $(seq "$runs"); do
        walls+=("$(wall_of "$work/$n/time.$r.txt") $r")
    done
    best=$(printf '%s\n' "${walls[@]}" | sort -n | head -1 | cut -d' ' -f2)
    range=$(printf '%s\n' "${walls[@]}" | sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {print lo "-" hi " s"}')
    cp "$work/$n/time.$best.txt" "$work/$n/time.txt"
    wall=$(wall_of "$work/$n/time.txt")
    user=$(awk -F': ' '/User time/ {print $2}' "$work/$n/time.txt")
    mem=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/$n/time.txt")
    # tralign eval matches lax overlaps pair by pair, too slow for a million beads.
    f1=-
    if [ "$n" -le 300000 ]; then
        f1=$("$bin" eval "$work/$n/gold.txt" "$work/$n/hyp.txt" | awk '/^strict/ {print $4}')
    fi
    printf '%-10s %-10s %10s %10s %12s %8s\n' "$n" "$(wc -l < "$work/$n/right.txt")" "$wall" "$user" "$mem" "$f1"
    if [ "$runs" -gt 1 ]; then
        echo "  $runs runs: $range"
    fi
    # Where the time went (TRALIGN_TIMINGS): seconds per phase. Coarse and
    # fine are the parts of the first pass, table and sweeps those of the final.
    awk '/^tralign: / {sub(/^tralign: /, ""); sub(/ s, peak .*/, ""); n = $NF; $NF = ""; sub(/ +$/, ""); printf "%s%s %s", sep, $0, n; sep = ", "} END {print ""}' "$work/$n/time.txt" |
        sed 's/^/  seconds: /'
    if [ -n "$prev_n" ]; then
        awk -v a="$prev_n" -v b="$n" -v w0="$prev_wall" -v w1="$wall" -v m0="$prev_mem" -v m1="$mem" \
            'BEGIN {printf "  growth x%.1f input: x%.2f time, x%.2f memory\n", b / a, w1 / w0, m1 / m0}'
    fi
    prev_n=$n; prev_wall=$wall; prev_mem=$mem
    rm -rf "${work:?}/$n"
done

#!/usr/bin/env bash
# Wall time and peak memory of the review path (every review format of
# `tralign align`, `tralign qa`, `tralign batch` csv) against `--format
# ladder`, on long pairs, and how they grow with the input.
#
# usage: scripts/bench-review.sh [SENTENCES ...]   (default: 30000 300000 1000000)
#        FORMATS="csv html" scripts/bench-review.sh 30000   (a subset of the runs)
#        TRALIGN_BIN=PATH scripts/bench-review.sh ... (a built binary; else cargo build --release)
#
# The pairs are those of scripts/bench-scale.sh (scripts/make-long-pair.py
# repeating ../shared/corpus/textberg-dev, de-fr, or data/news-blinken when
# that corpus is absent). Each size runs ladder first, then every other
# run, each once; the table gives each run's wall time and peak memory
# (/usr/bin/time -v) and its ratio to ladder's at the same size, and for
# each run the growth from the size before, with the machine's load.
# Each run is kept in benchmarks/runs/YYYY-MM-DD-bench-review.txt (scripts/keep-run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(30000 300000 1000000)
runs=(${FORMATS:-ladder csv tmx xlsx json jsonl html qa qa-csv qa-none batch})
[ "${runs[0]}" = ladder ] || runs=(ladder "${runs[@]}")
corpus=../shared/corpus/textberg-dev
if [ -f "$corpus/dev.de" ]; then
    src=("$corpus/dev.de" "$corpus/dev.fr" "$corpus/dev.defr"); langs=de,fr
else
    echo "bench-review: $corpus is absent; repeating data/news-blinken instead" >&2
    src=(data/news-blinken/de.sentences.txt data/news-blinken/en.sentences.txt data/news-blinken/gold.de-en.txt); langs=de,en
fi
. scripts/keep-run.sh
keep_run bench-review "FORMATS=\"${runs[*]}\" scripts/bench-review.sh ${sizes[*]}"
[ -x /usr/bin/time ] || (apt-get update -qq && apt-get install -y -qq time >/dev/null)
if [ -n "${TRALIGN_BIN:-}" ]; then
    bin=$(realpath "$TRALIGN_BIN")
else
    cargo build --release --quiet
    bin=$PWD/target/release/tralign
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# run NAME DIR: one run of NAME on the pair in DIR, its /usr/bin/time -v
# report in DIR/NAME.time.
run() {
    local name=$1 dir=$2 pair=("$2/left.txt" "$2/right.txt")
    local align=(align --presplit --langs "$langs")
    local cmd
    case $name in
        ladder | csv | tmx | xlsx | json | jsonl | html)
            cmd=("$bin" "${align[@]}" --format "$name" "${pair[@]}" -o "$dir/out.$name") ;;
        qa) cmd=("$bin" qa --presplit --langs "$langs" "${pair[@]}" -o "$dir/out.qa") ;;
        qa-csv) cmd=("$bin" qa --presplit --langs "$langs" --format csv "${pair[@]}" -o "$dir/out.qa.csv") ;;
        qa-none)
            cmd=("$bin" qa --presplit --langs "$langs" "${pair[@]}" -o "$dir/out.qa-none"
                --ignore numbers,calendar,names,untranslated,omission,length,punctuation,brackets,whitespace) ;;
        batch)
            printf 'left.txt\tright.txt\tpair.csv\n' > "$dir/manifest.tsv"
            cmd=("$bin" batch --presplit --langs "$langs" --manifest "$dir/manifest.tsv" -o "$dir/batch") ;;
        *) echo "bench-review: unknown run $name" >&2; exit 2 ;;
    esac
    # qa exits 1 when it finds something.
    /usr/bin/time -v "${cmd[@]}" > /dev/null 2> "$dir/$name.time" || [ $? -eq 1 ]
    rm -rf "$dir/out.$name" "$dir/batch"
}

wall_of() {
    awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"
}
mem_of() {
    awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"
}

echo "# binary: $bin"
echo "# load average at the start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# one run each; ratios are to ladder at the same size, growth to the same run at the size before"
printf '%-10s %-8s %9s %9s %8s %8s %14s\n' sentences run "wall s" "peak MB" "x time" "x mem" "growth t/m"
declare -A prev_wall prev_mem
prev_n=""
for n in "${sizes[@]}"; do
    python3 scripts/make-long-pair.py "${src[@]}" "$n" "$work/$n"
    for name in "${runs[@]}"; do
        run "$name" "$work/$n"
    done
    base_wall=$(wall_of "$work/$n/ladder.time")
    base_mem=$(mem_of "$work/$n/ladder.time")
    for name in "${runs[@]}"; do
        wall=$(wall_of "$work/$n/$name.time")
        mem=$(mem_of "$work/$n/$name.time")
        growth=-
        if [ -n "$prev_n" ]; then
            growth=$(awk -v w0="${prev_wall[$name]}" -v w1="$wall" -v m0="${prev_mem[$name]}" -v m1="$mem" \
                'BEGIN {printf "x%.1f/x%.1f", w1 / w0, m1 / m0}')
        fi
        awk -v n="$n" -v name="$name" -v w="$wall" -v m="$mem" -v bw="$base_wall" -v bm="$base_mem" -v g="$growth" \
            'BEGIN {printf "%-10s %-8s %9.2f %9d %8.2f %8.2f %14s\n", n, name, w, m, w / bw, m / bm, g}'
        prev_wall[$name]=$wall
        prev_mem[$name]=$mem
    done
    if [ -n "$prev_n" ]; then
        awk -v a="$prev_n" -v b="$n" 'BEGIN {printf "# input x%.1f from %d sentences\n", b / a, a}'
    fi
    prev_n=$n
    rm -rf "${work:?}/$n"
done
echo "# load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Accuracy benchmark: strict and lax precision, recall and F1 of `tralign
# align` against gold alignments, without and with a bilingual dictionary
# (--dict), with the wall time of each run. Not run by CI.
#
#   scripts/bench-accuracy.sh
#
# Data sets, each skipped with a message when absent:
#   data/news-blinken            raw texts and reference sentences (de-en)
#   data/*/ other de-en pairs    each presplit; pooled presplit; pooled raw
#   textberg-dev (de-fr)         presplit; $TRALIGN_TEXTBERG, else
#                                ../shared/corpus/textberg-dev from the repo root
# Dictionaries: FreeDict deu-eng and deu-fra from $TRALIGN_DICTD (default
# /usr/share/dictd; Debian: apt-get install dict-freedict-deu-eng
# dict-freedict-deu-fra). Rows with a missing dictionary are skipped.
# Ends with the confidence calibration table on textberg-dev.
#
# Each run is kept in benchmarks/runs/YYYY-MM-DD-bench-accuracy.txt (scripts/keep-run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/keep-run.sh
keep_run bench-accuracy "scripts/bench-accuracy.sh $*"
root=$PWD
cargo build --release --quiet
bin=$root/target/release/tralign
textberg=${TRALIGN_TEXTBERG:-$root/../shared/corpus/textberg-dev}
dictd=${TRALIGN_DICTD:-/usr/share/dictd}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

dict_for() { # PAIR -> the FreeDict stem, if installed
  local stem="$dictd/freedict-$1"
  if [[ -f $stem.index && ( -f $stem.dict.dz || -f $stem.dict ) ]]; then echo "$stem"; fi
}
declare -A dicts=([de-en]="$(dict_for deu-eng)" [de-fr]="$(dict_for deu-fra)")

printf '%-28s %-5s %21s   %21s %8s\n' "" "" "strict P     R    F1" "lax P     R    F1" "seconds"

# row NAME LANGS MODE DICT GOLD LEFT RIGHT [GOLD LEFT RIGHT ...]: aligns each
# triple (MODE presplit or raw), scores them pooled, prints one line.
row() {
  local name=$1 langs=$2 mode=$3 dict=$4
  shift 4
  local flags=(--langs "${langs/-/,}" --format ladder) evalargs=() n=0
  [[ $mode == presplit ]] && flags+=(--presplit)
  [[ -n $dict ]] && flags+=(--dict "$dict")
  local start end
  start=$(date +%s.%N)
  while (($#)); do
    n=$((n + 1))
    "$bin" align "${flags[@]}" "$2" "$3" > "$tmp/hyp$n"
    evalargs+=("$1" "$tmp/hyp$n")
    shift 3
  done
  end=$(date +%s.%N)
  "$bin" eval "${evalargs[@]}" | awk -v name="$name" -v d="${dict:+dict}" -v t="$(awk "BEGIN { print $end - $start }")" '
    $1 == "strict" { s = sprintf("%.3f %.3f %.3f", $2, $3, $4) }
    $1 == "lax"    { l = sprintf("%.3f %.3f %.3f", $2, $3, $4) }
    END { printf "%-28s %-5s %21s   %21s %8.2f\n", name, d, s, l, t }'
}

# both NAME LANGS MODE TRIPLES...: the row without, then with the dictionary.
both() {
  local name=$1 langs=$2 mode=$3
  shift 3
  row "$name" "$langs" "$mode" "" "$@"
  if [[ -n ${dicts[$langs]} ]]; then
    row "$name" "$langs" "$mode" "${dicts[$langs]}" "$@"
  else
    echo "$name: no FreeDict dictionary for $langs in $dictd; skipping the --dict row"
  fi
}

nb=data/news-blinken
if [[ -f $nb/gold.de-en.txt ]]; then
  both "news-blinken raw" de-en raw "$nb/gold.de-en.txt" "$nb/de.txt" "$nb/en.txt"
  both "news-blinken presplit" de-en presplit "$nb/gold.de-en.txt" "$nb/de.sentences.txt" "$nb/en.sentences.txt"
else
  echo "data/news-blinken: absent; skipped"
fi

pre=() raw=()
for dir in data/*/; do
  dir=${dir%/}
  [[ $dir == "$nb" || ! -f $dir/gold.de-en.txt ]] && continue
  name=$(basename "$dir")
  both "$name presplit" de-en presplit "$dir/gold.de-en.txt" "$dir/de.sentences.txt" "$dir/en.sentences.txt"
  pre+=("$dir/gold.de-en.txt" "$dir/de.sentences.txt" "$dir/en.sentences.txt")
  raw+=("$dir/gold.de-en.txt" "$dir/de.txt" "$dir/en.txt")
done
if ((${#pre[@]})); then
  both "data/* pooled presplit" de-en presplit "${pre[@]}"
  both "data/* pooled raw" de-en raw "${raw[@]}"
else
  echo "data/*: no other de-en pairs with gold; skipped"
fi

if [[ -f $textberg/dev.defr ]]; then
  both "textberg-dev presplit" de-fr presplit "$textberg/dev.defr" "$textberg/dev.de" "$textberg/dev.fr"
  echo
  echo "Confidence calibration on textberg-dev (strict: the bead equals a gold bead):"
  echo "without a dictionary"
  python3 scripts/calibration.py "$bin" "$textberg/dev.de" "$textberg/dev.fr" "$textberg/dev.defr" de,fr
  if [[ -n ${dicts[de-fr]} ]]; then
    echo "with --dict ${dicts[de-fr]}"
    python3 scripts/calibration.py "$bin" "$textberg/dev.de" "$textberg/dev.fr" "$textberg/dev.defr" de,fr --dict "${dicts[de-fr]}"
  fi
else
  echo "textberg-dev: absent at $textberg (set TRALIGN_TEXTBERG); skipped"
fi

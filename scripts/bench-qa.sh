#!/usr/bin/env bash
# QA benchmark: recall per check on the planted errors of data/qa, and
# findings per 100 rows on correct translations (the bundled de-en pairs,
# Text+Berg dev, the LIMSI novels); see scripts/bench-qa.py.
#
#   scripts/bench-qa.sh
#
# Each run is kept in benchmarks/runs/YYYY-MM-DD-bench-qa.txt (scripts/keep-run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/keep-run.sh
keep_run bench-qa "scripts/bench-qa.sh $*"
cargo build --release --quiet
python3 scripts/bench-qa.py target/release/tralign

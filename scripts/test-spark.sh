#!/usr/bin/env bash
# Runs examples/spark_align.py with pyspark in local mode on a few document
# pairs and checks that its alignments equal those of `tralign batch --jsonl`
# run directly on the same lines. Needs Java 17 and Python 3; installs pyspark.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import pyspark" 2>/dev/null || pip install --quiet pyspark
command -v java >/dev/null || { echo "test-spark: java (17) is needed" >&2; exit 1; }
cargo build --quiet
bin="$PWD/target/debug/tralign"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A few pairs from data/news-blinken: the raw article, the presplit one,
# chunks of it, and a line that is not a pair (it must come back as an error record).
python3 - "$work/pairs.jsonl" <<'PY'
import json, sys
d = "data/news-blinken/"
read = lambda name: open(d + name, encoding="utf-8").read()
de, en = read("de.sentences.txt").splitlines(), read("en.sentences.txt").splitlines()
pairs = [
    {"id": "raw", "left": read("de.txt"), "right": read("en.txt"), "langs": ["de", "en"]},
    {"id": "presplit", "left": "\n".join(de), "right": "\n".join(en), "langs": ["de", "en"], "presplit": True},
]
for k, (a, b, c, e) in enumerate([(0, 5, 0, 5), (5, 10, 5, 10), (10, 15, 10, 16), (0, 15, 2, 16)]):
    pairs.append({"id": k, "left": "\n".join(de[a:b]), "right": "\n".join(en[c:e]), "langs": ["de", "en"], "presplit": True})
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for p in pairs:
        f.write(json.dumps(p, ensure_ascii=False) + "\n")
    f.write('{"id": "bad", "left": "only one side"}\n')
PY

"$bin" batch --jsonl < "$work/pairs.jsonl" > "$work/direct.jsonl"
python3 examples/spark_align.py "$work/pairs.jsonl" "$work/spark" --tralign "$bin" --master 'local[2]' --partitions 2 2> "$work/spark.log" \
    || { cat "$work/spark.log" >&2; exit 1; }
cat "$work"/spark/part-* > "$work/spark.jsonl"

python3 - "$work/direct.jsonl" "$work/spark.jsonl" <<'PY'
import json, sys
# Error records count lines of their own process's input, which Spark splits
# into partitions: their line numbers differ, the rest must not.
def load(path):
    records = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    for r in records:
        r.pop("line", None)
    return sorted(records, key=lambda r: str(r["id"]))
direct, spark = load(sys.argv[1]), load(sys.argv[2])
assert len(direct) == 7, f"expected 7 results from tralign, got {len(direct)}"
assert direct == spark, "Spark's alignments differ from those of tralign run directly"
errors = [r["id"] for r in direct if "error" in r]
assert errors == ["bad"], f"unexpected error records: {errors}"
print(f"test-spark: {len(spark)} results from Spark equal those of tralign batch --jsonl")
PY

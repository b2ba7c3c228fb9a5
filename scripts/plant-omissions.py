#!/usr/bin/env python3
"""How often `tralign qa` reports an omission that was planted in a correct pair.

Usage: plant-omissions.py TRALIGN [LEFT,RIGHT,GOLD,LANGS ...]

For each pair (by default the five bundled de-en pairs, one sentence a line)
and each 1-1 bead of its gold alignment, the sentence of one side is deleted,
then the other; each of these variants goes through
`TRALIGN qa --presplit --langs LANGS --format json`. Per pair it prints:

- planted: variants made (two per 1-1 bead),
- found: variants where an omission finding names the orphaned sentence,
- in merged rows: of those, found inside a merged row (severity warning;
  a 1-0 or 0-1 row's omission is an error),
- wrong in merged rows: omission warnings that name another sentence,
- other omissions: omission errors that name another sentence; the
  unchanged pair's own omissions (shown after it) recur in every variant.
"""

import json
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in scripts/ from the import below
from calibration import gold_beads  # noqa: E402

BUNDLED = ["press-release", "manual", "dialogue", "letter", "news-blinken"]


def lines(path):
    with open(path, encoding="utf-8") as f:
        text = f.read().split("\n")
    if text and text[-1] == "":
        text.pop()
    return text


def omissions(tralign, left, right, langs):
    run = subprocess.run(
        [tralign, "qa", "--presplit", "--langs", langs, left, right, "--format", "json"],
        capture_output=True,
    )
    if run.returncode not in (0, 1):
        sys.exit(run.stderr.decode())
    return [f for f in json.loads(run.stdout) if f["check"] == "omission"]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    tralign = sys.argv[1]
    pairs = sys.argv[2:] or [
        f"data/{p}/de.sentences.txt,data/{p}/en.sentences.txt,data/{p}/gold.de-en.txt,de,en"
        for p in BUNDLED
    ]
    total = [0, 0, 0, 0, 0]
    print("pair            planted  found  in merged rows  wrong in merged rows  other omissions")
    for pair in pairs:
        left_path, right_path, gold_path, lc, rc = pair.split(",")
        langs = f"{lc},{rc}"
        left, right = lines(left_path), lines(right_path)
        base = len(omissions(tralign, left_path, right_path, langs))
        counts = [0, 0, 0, 0, 0]
        with tempfile.TemporaryDirectory() as tmp:
            a, b = os.path.join(tmp, "left." + lc), os.path.join(tmp, "right." + rc)
            for l, r in sorted(gold_beads(gold_path)):
                if len(l) != 1 or len(r) != 1:
                    continue
                for drop_left in (True, False):
                    with open(a, "w", encoding="utf-8") as f:
                        f.write("".join(s + "\n" for i, s in enumerate(left) if not (drop_left and i == l[0])))
                    with open(b, "w", encoding="utf-8") as f:
                        f.write("".join(s + "\n" for i, s in enumerate(right) if drop_left or i != r[0]))
                    # The orphan keeps its line number: its own file is unchanged.
                    column, line = (rc + "_lines", str(r[0] + 1)) if drop_left else (lc + "_lines", str(l[0] + 1))
                    found = omissions(tralign, a, b, langs)
                    named = [f for f in found if f[column] == line]
                    counts[0] += 1
                    counts[1] += bool(named)
                    counts[2] += any(f["severity"] == "warning" for f in named)
                    others = [f for f in found if f[column] != line]
                    counts[3] += sum(f["severity"] == "warning" for f in others)
                    counts[4] += sum(f["severity"] != "warning" for f in others)
        name = os.path.basename(os.path.dirname(left_path)) or left_path
        print(f"{name:<16}{counts[0]:>7}{counts[1]:>7}{counts[2]:>16}{counts[3]:>22}{counts[4]:>10} (unchanged pair: {base})")
        total = [t + c for t, c in zip(total, counts)]
    share = total[1] / total[0] if total[0] else 0.0
    print(f"{'all':<16}{total[0]:>7}{total[1]:>7}{total[2]:>16}{total[3]:>22}{total[4]:>10}   found {share:.1%}")


main()

#!/usr/bin/env python3
"""Builds a long sentence-aligned pair, with its gold alignment, from a short one.

usage: make-long-pair.py LEFT RIGHT GOLD SENTENCES OUT_DIR [SEED]

LEFT and RIGHT have one sentence a line, GOLD is their alignment in ladder
format ([i, j]:[k], 0-based). The pair is repeated until the left side has
SENTENCES lines. Every copy starts with a numbered heading on both sides, and
a few of its 1-1 beads are varied: a sentence is dropped on one side (a 1-0 or
0-1 bead) or two neighbouring left sentences are joined into one line (a 1-2
bead), so that the copies differ. Writes OUT_DIR/left.txt, right.txt, gold.txt.
"""

import os
import random
import re
import sys


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def read_gold(path):
    beads = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                left, right = line.strip().split("]:[")
                beads.append(
                    ([int(x) for x in re.findall(r"\d+", left)],
                     [int(x) for x in re.findall(r"\d+", right)])
                )
    return beads


def main():
    if len(sys.argv) not in (6, 7):
        sys.exit(__doc__)
    left, right = read_lines(sys.argv[1]), read_lines(sys.argv[2])
    gold = read_gold(sys.argv[3])
    target, out_dir = int(sys.argv[4]), sys.argv[5]
    rng = random.Random(int(sys.argv[6]) if len(sys.argv) == 7 else 1)
    out_left, out_right, out_gold = [], [], []

    def emit(lefts, rights):
        li = list(range(len(out_left), len(out_left) + len(lefts)))
        ri = list(range(len(out_right), len(out_right) + len(rights)))
        out_left.extend(lefts)
        out_right.extend(rights)
        out_gold.append("[%s]:[%s]" % (", ".join(map(str, li)), ", ".join(map(str, ri))))

    copy = 0
    while len(out_left) < target:
        copy += 1
        emit(["— %d —" % copy], ["— %d —" % copy])
        k = 0
        while k < len(gold) and len(out_left) < target:
            ls, rs = gold[k]
            lefts = [left[i] for i in ls]
            rights = [right[j] for j in rs]
            one_one = len(ls) == 1 and len(rs) == 1
            roll = rng.random()
            if one_one and roll < 0.01:
                emit([], rights)
            elif one_one and roll < 0.02:
                emit(lefts, [])
            elif one_one and roll < 0.04 and k + 1 < len(gold) and gold[k + 1][0] == [ls[0] + 1] \
                    and len(gold[k + 1][1]) == 1:
                emit([lefts[0] + " " + left[ls[0] + 1]], rights + [right[gold[k + 1][1][0]]])
                k += 1
            else:
                emit(lefts, rights)
            k += 1
    os.makedirs(out_dir, exist_ok=True)
    for name, lines in (("left.txt", out_left), ("right.txt", out_right), ("gold.txt", out_gold)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

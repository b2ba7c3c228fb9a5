#!/usr/bin/env python3
"""Confidence calibration: how often beads of each confidence band are right.

Usage: calibration.py TRALIGN LEFT RIGHT GOLD LANGS [ALIGN-FLAGS...]

Runs `TRALIGN align --presplit --format json LEFT RIGHT --langs LANGS`, then
bins the beads by confidence into [0,0.5), [0.5,0.7), [0.7,0.9), [0.9,1.0]
and prints per bin the number of beads and the share that are right in the
strict sense (the bead equals a gold bead). The target: at least 90% right
among beads with confidence of 0.9 or more. Exit 0 either way; the verdict is
printed."""

import json
import subprocess
import sys

BINS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.0)]


def gold_beads(path):
    beads = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            left, right = line.split("]:[")
            side = lambda s: tuple(int(x) for x in s.strip("[]").split(",") if x.strip())
            beads.add((side(left), side(right)))
    return beads


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    tralign, left, right, gold, langs, *flags = sys.argv[1:]
    out = subprocess.run(
        [tralign, "align", "--presplit", "--format", "json", "--langs", langs, left, right, *flags],
        check=True,
        capture_output=True,
    ).stdout
    beads = json.loads(out)["beads"]
    truth = gold_beads(gold)
    counts = [[0, 0] for _ in BINS]
    for b in beads:
        key = (tuple(b["left"]["indices"]), tuple(b["right"]["indices"]))
        c = b["confidence"]
        i = next(i for i, (lo, hi) in enumerate(BINS) if c < hi or hi == 1.0)
        counts[i][0] += 1
        counts[i][1] += key in truth
    print(f"  {'confidence':<12}{'beads':>7}{'right':>8}")
    for (lo, hi), (n, ok) in zip(BINS, counts):
        close = "]" if hi == 1.0 else ")"
        share = f"{ok / n:.1%}" if n else "-"
        print(f"  [{lo:.1f},{hi:.1f}{close:<5}{n:>7}{share:>8}")
    n, ok = counts[-1]
    if n:
        gap = 0.9 - ok / n
        verdict = "meets the 90% target" if gap <= 0 else f"misses the 90% target by {gap * 100:.1f} points"
        print(f"  confidence >= 0.9: {ok}/{n} right ({ok / n:.1%}), {verdict}")


if __name__ == "__main__":
    main()

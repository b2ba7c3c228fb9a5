#!/usr/bin/env python3
"""QA benchmark: how many planted errors the checks find, and how often they
flag correct translations.

usage: scripts/bench-qa.py [TRALIGN]     (default target/release/tralign)

1. Recall per check on the planted-error corpus (data/qa/corpus, listed in
   data/qa/expected.tsv), through `tralign qa`, which aligns the pairs first;
   with the findings on the corpus's correct renderings (traps) beside it.
2. Findings per 100 rows on correct translations, per check:
   - the bundled de-en pairs (data/*/ with gold.de-en.txt), raw and --presplit;
   - Text+Berg dev, de-fr ($TRALIGN_TEXTBERG, else ../shared/corpus/textberg-dev);
   - LIMSI literary dev, fr-en ($TRALIGN_LIMSI, else ../shared/corpus/limsi-enfr-dev).
   A missing corpus is skipped with a message.
   Each row of `tralign align` is matched against the gold alignment by its
   texts (white space folded), so that raw texts, which the segmenter splits
   on its own, are judged too. Findings on rows the gold alignment has count
   as false alarms on correct work; findings on rows it does not have (the
   aligner or the segmenter got the bead wrong) are reported apart.
   The `flagged` column: rows per 100 with a warning or error other than
   `omission` (and, in the review file, `unaligned`), on the rows the aligner
   got right; `info` findings and `omission` are counted per check but not
   there.

Not run by CI; it needs only Python 3 and a release build.
"""

import json
import os
import subprocess
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKS = [
    "numbers",
    "calendar",
    "names",
    "untranslated",
    "omission",
    "length",
    "punctuation",
    "brackets",
    "whitespace",
]
SHORT = {
    "numbers": "num",
    "calendar": "cal",
    "names": "names",
    "untranslated": "untr",
    "omission": "omis",
    "length": "len",
    "punctuation": "punct",
    "brackets": "brack",
    "whitespace": "space",
}


def run(tralign, *args):
    out = subprocess.run([tralign, *args], capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"bench-qa: {' '.join(args)}: {out.stderr.decode(errors='replace')}")
    return out.stdout


def fold(text):
    return " ".join(text.split())


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def gold_texts(gold, left, right):
    """The gold beads as (left text, right text), white space folded."""
    lefts, rights = read_lines(left), read_lines(right)
    beads = set()
    with open(gold, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            l, r = line.split("]:[")
            idx = lambda s: [int(x) for x in s.strip("[]").split(",") if x.strip()]
            text = lambda lines, ix: fold(" ".join(lines[i] for i in ix))
            beads.add((text(lefts, idx(l)), text(rights, idx(r))))
    return beads


def planted(tralign):
    expected = set()
    with open(os.path.join(ROOT, "data/qa/expected.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("pair\t") or not line.strip():
                continue
            pair, de, en, check, _ = line.rstrip("\n").split("\t")
            expected.add((pair, de, en, check))
    found = set()
    corpus = os.path.join(ROOT, "data/qa/corpus")
    for pair in sorted({k[0] for k in expected}):
        split = os.path.exists(os.path.join(corpus, f"{pair}.de.sentences.txt"))
        infix = ".sentences" if split else ""
        args = ["qa", "--langs", "de,en", "--format", "json"]
        if split:
            args.append("--presplit")
        args += [os.path.join(corpus, f"{pair}.{c}{infix}.txt") for c in ("de", "en")]
        for f in json.loads(run(tralign, *args)):
            found.add((pair, f["de_lines"], f["en_lines"], f["check"]))
    print("Planted errors in data/qa/corpus, through `tralign qa` (which aligns first)")
    print(f"{'check':<13}{'planted':>8}{'found':>7}{'recall':>8}{'traps flagged':>15}")
    for check in CHECKS:
        e = {k for k in expected if k[3] == check}
        f = {k for k in found if k[3] == check}
        recall = f"{len(e & f) / len(e):.2f}" if e else "-"
        print(f"{check:<13}{len(e):>8}{len(e & f):>7}{recall:>8}{len(f - e):>15}")
    e, f = expected, found
    print(f"{'all':<13}{len(e):>8}{len(e & f):>7}{len(e & f) / len(e):>8.2f}{len(f - e):>15}")
    for k in sorted(f - e):
        print(f"  trap flagged: {k[0]} de {k[1] or '-'} en {k[2] or '-'}: {k[3]}")
    print()


def measure(tralign, name, langs, presplit, left, right, gold_files):
    """Aligns LEFT and RIGHT, runs qa, prints one line of the table."""
    flags = ["--langs", langs] + (["--presplit"] if presplit else [])
    gold = gold_texts(*gold_files)
    beads = json.loads(run(tralign, "align", "--format", "json", *flags, left, right))["beads"]
    right_rows = {
        b["id"]
        for b in beads
        if (fold(b["left"]["text"]), fold(b["right"]["text"])) in gold
    }
    findings = json.loads(run(tralign, "qa", "--format", "json", *flags, left, right))
    return len(beads), right_rows, findings


def table_head():
    cols = "".join(f"{SHORT[c]:>6}" for c in CHECKS)
    print(f"{'pair':<26}{'rows':>6}{'right':>6}{cols}{'info':>6}{'flagged':>9}   {'wrong rows: findings':<20}")


def table_line(name, rows, right_rows, findings):
    on_right = [f for f in findings if f["row"] in right_rows]
    on_wrong = [f for f in findings if f["row"] not in right_rows]
    per = Counter(f["check"] for f in on_right if f["severity"] != "info")
    info = sum(1 for f in on_right if f["severity"] == "info")
    n = len(right_rows)
    rate = lambda k: f"{100 * k / n:.1f}" if n else "-"
    cols = "".join(f"{rate(per[c]):>6}" for c in CHECKS) + f"{rate(info):>6}"
    loud = {
        f["row"]
        for f in on_right
        if f["severity"] in ("warning", "error") and f["check"] != "omission"
    }
    wrong = Counter(f["check"] for f in on_wrong)
    wrong_text = ", ".join(f"{c} {wrong[c]}" for c in CHECKS if wrong[c]) or "-"
    print(
        f"{name:<26}{rows:>6}{n:>6}{cols}{rate(len(loud)):>9}   "
        f"{rows - n} rows: {wrong_text}"
    )


def pooled(got):
    """Several pairs' measures as one: rows, right rows, findings. Row
    numbers are per pair, so each pair's are shifted past the ones before."""
    right, findings, base = set(), [], 0
    for rows, right_rows, pair_findings in got:
        right |= {base + k for k in right_rows}
        findings += [dict(f, row=base + f["row"]) for f in pair_findings]
        base += rows
    return base, right, findings


def correct_pairs(tralign):
    print("Findings per 100 rightly aligned rows, on correct translations: errors and")
    print("warnings per check (num=numbers cal=calendar untr=untranslated omis=omission")
    print("len=length punct=punctuation brack=brackets space=whitespace), info findings")
    print("of all checks, and flagged = rows per 100 with a warning or error other than")
    print("omission. On the right, findings of any severity on the rows the aligner got")
    print("wrong, judged against the gold alignment.")
    table_head()
    pools = {"raw": [], "presplit": []}
    for entry in sorted(os.listdir(os.path.join(ROOT, "data"))):
        d = os.path.join(ROOT, "data", entry)
        gold = os.path.join(d, "gold.de-en.txt")
        if not os.path.exists(gold):
            continue
        split = [os.path.join(d, f"{c}.sentences.txt") for c in ("de", "en")]
        raw = [os.path.join(d, f"{c}.txt") for c in ("de", "en")]
        for mode, files in (("raw", raw), ("presplit", split)):
            got = measure(tralign, entry, "de,en", mode == "presplit", *files, (gold, *split))
            table_line(f"{entry} {mode}", *got)
            pools[mode].append(got)
    for mode, got in pools.items():
        if got:
            table_line(f"bundled de-en {mode}", *pooled(got))
    textberg = os.environ.get("TRALIGN_TEXTBERG", os.path.join(ROOT, "../shared/corpus/textberg-dev"))
    if os.path.exists(os.path.join(textberg, "dev.defr")):
        files = [os.path.join(textberg, f"dev.{c}") for c in ("de", "fr")]
        got = measure(tralign, "textberg", "de,fr", True, *files, (os.path.join(textberg, "dev.defr"), *files))
        table_line("textberg-dev de-fr", *got)
    else:
        print(f"textberg-dev: absent at {textberg} (set TRALIGN_TEXTBERG); skipped")
    limsi = os.environ.get("TRALIGN_LIMSI", os.path.join(ROOT, "../shared/corpus/limsi-enfr-dev"))
    if os.path.isdir(limsi):
        got = []
        for book in sorted(f[: -len(".gold")] for f in os.listdir(limsi) if f.endswith(".gold")):
            files = [os.path.join(limsi, f"{book}.{c}") for c in ("fr", "en")]
            got.append(measure(tralign, book, "fr,en", True, *files, (os.path.join(limsi, f"{book}.gold"), *files)))
            table_line(f"  {book[:24]}", *got[-1])
        table_line("limsi-enfr-dev fr-en", *pooled(got))
    else:
        print(f"limsi-enfr-dev: absent at {limsi} (set TRALIGN_LIMSI); skipped")


def main():
    tralign = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/tralign")
    planted(tralign)
    correct_pairs(tralign)


if __name__ == "__main__":
    main()

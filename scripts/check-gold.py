#!/usr/bin/env python3
"""Check the hand-made test pairs under data/.

For every folder data/X/ holding a gold file gold.L1-L2.txt, it checks that
- L1.sentences.txt and L2.sentences.txt exist and have no blank lines;
- every gold line is a bead `[i, j]:[k]`, no bead is empty on both sides,
  and the beads cover every sentence index of both sides exactly once, in
  order;
- L1.txt and L2.txt, split into paragraphs at blank lines and with
  whitespace folded, are exactly the sentences of the sentence file joined
  by single spaces, paragraph by paragraph (so no sentence crosses a
  paragraph break and no text is lost or invented).

Usage: scripts/check-gold.py [DATA_DIR]   (default: data/ next to scripts/)
Prints one line per problem, naming the file; exits 1 if any, else 0.
"""

import re
import sys
from pathlib import Path

BEAD = re.compile(r"^\[([0-9, ]*)\]:\[([0-9, ]*)\]$")


def fold(text):
    """Collapses every run of whitespace to one space and trims the ends."""
    return " ".join(text.split())


def indices(field):
    return [int(x) for x in field.split(",") if x.strip()]


def read_lines(path, problems):
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        problems.append(f"{path}: cannot read: {e}")
        return None


def check_sentences(path, problems):
    lines = read_lines(path, problems)
    if lines is None:
        return None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            problems.append(f"{path}:{n}: blank line")
    return [fold(line) for line in lines]


def check_gold(path, n_left, n_right, problems):
    lines = read_lines(path, problems)
    if lines is None:
        return
    # (side, total, [(gold line number, index)] in file order)
    sides = (("left", n_left, []), ("right", n_right, []))
    for n, line in enumerate(lines, 1):
        m = BEAD.match(line.strip())
        if not m:
            problems.append(f"{path}:{n}: not a bead: {line!r}")
            continue
        left, right = indices(m.group(1)), indices(m.group(2))
        if not left and not right:
            problems.append(f"{path}:{n}: bead empty on both sides")
        sides[0][2].extend((n, i) for i in left)
        sides[1][2].extend((n, i) for i in right)
    for side, total, seen in sides:
        # Only the first break in the sequence is reported: later ones follow from it.
        for want, (n, got) in enumerate(seen):
            if got != want:
                problems.append(f"{path}:{n}: {side} side has sentence {got} where {want} is due")
                break
        else:
            if len(seen) != total:
                problems.append(f"{path}: {side} side covers {len(seen)} sentences, file has {total}")


def check_running_text(path, sentences, problems):
    lines = read_lines(path, problems)
    if lines is None:
        return
    paragraphs = [fold(p) for p in re.split(r"\n\s*\n", "\n".join(lines)) if p.strip()]
    k = 0
    for p_no, para in enumerate(paragraphs, 1):
        joined = ""
        while k < len(sentences) and len(joined) < len(para):
            joined = f"{joined} {sentences[k]}" if joined else sentences[k]
            k += 1
        if joined != para:
            at = next((i for i, (a, b) in enumerate(zip(para, joined)) if a != b), min(len(para), len(joined)))
            problems.append(
                f"{path}: paragraph {p_no} differs from the sentences ending at line {k} "
                f"at char {at}: text {para[at:at + 40]!r}, sentences {joined[at:at + 40]!r}"
            )
            return
    if k != len(sentences):
        problems.append(f"{path}: {len(sentences) - k} sentences left over after the last paragraph")


def check_folder(folder, problems):
    for gold in sorted(folder.glob("gold.*-*.txt")):
        left_lang, right_lang = gold.name[len("gold."):-len(".txt")].split("-", 1)
        sents = {}
        for lang in (left_lang, right_lang):
            sfile = folder / f"{lang}.sentences.txt"
            sents[lang] = check_sentences(sfile, problems)
            if sents[lang] is not None:
                check_running_text(folder / f"{lang}.txt", sents[lang], problems)
        if sents[left_lang] is not None and sents[right_lang] is not None:
            check_gold(gold, len(sents[left_lang]), len(sents[right_lang]), problems)
        yield gold


def main():
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "data"
    problems = []
    checked = [g for folder in sorted(p for p in data.iterdir() if p.is_dir()) for g in check_folder(folder, problems)]
    for line in problems:
        print(line)
    if not checked:
        print(f"{data}: no gold files found")
        return 1
    print(f"checked {len(checked)} gold files: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

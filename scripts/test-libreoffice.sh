#!/usr/bin/env bash
# Opens tralign's spreadsheet files in LibreOffice Calc (headless), saves
# them back as CSV and compares the cells with what tralign meant:
#   - the --excel CSV: every cell as tralign wrote it (a formula-like cell
#     keeps its neutralising apostrophe and is not run), umlauts intact;
#   - the XLSX: every cell as the --raw CSV has it (text cells are text, so
#     "=1+1 ..." and "-5 Grad ..." need no apostrophe and are not run);
#   - apply: the XLSX saved again by Calc gives what the XLSX align wrote gives.
# The CSV is imported with formula evaluation switched on, the worst case;
# as a control, the --raw CSV imported the same way must have its formula
# cell evaluated, or the check could not tell.
# Needs soffice (Debian: libreoffice-calc-nogui) and python3. Exit 0 when all
# cells match, 1 on a mismatch, 2 when a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in soffice python3 cargo; do
    command -v "$tool" >/dev/null || { echo "test-libreoffice: $tool not found" >&2; exit 2; }
done
cargo build --quiet
bin=target/debug/tralign
work=$(mktemp -d /tmp/tralign-lo.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/csv" "$work/xlsx" "$work/control"

pairs=(
    "news data/news-blinken/de.sentences.txt data/news-blinken/en.sentences.txt"
    "winter tests/fixtures/winter/de.txt tests/fixtures/winter/en.txt"
)
for pair in "${pairs[@]}"; do
    read -r name de en <<<"$pair"
    "$bin" align --presplit --langs de,en "$de" "$en" --excel -o "$work/in/$name.excel.csv"
    "$bin" align --presplit --langs de,en "$de" "$en" --raw -o "$work/in/$name.raw.csv"
    "$bin" align --presplit --langs de,en "$de" "$en" --format xlsx -o "$work/in/$name.xlsx"
done

# A fresh profile, so that no user setting changes what Calc does. CSV
# import options: comma, double quote, UTF-8, from line 1, standard cell
# formats, no special-number (date) detection, formulas evaluated (token 13).
lo() { soffice "-env:UserInstallation=file://$work/profile" --headless "$@" >"$work/soffice.log" 2>&1 \
    || { cat "$work/soffice.log" >&2; exit 2; }; }
import='Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false,false,false,-1,true'
export_csv='csv:Text - txt - csv (StarCalc):44,34,76,1'
lo --infilter="$import" --convert-to "$export_csv" --outdir "$work/csv" "$work"/in/*.excel.csv
lo --infilter="$import" --convert-to "$export_csv" --outdir "$work/control" "$work/in/winter.raw.csv"
lo --convert-to "$export_csv" --outdir "$work/xlsx" "$work"/in/*.xlsx

python3 - "$work" <<'PY'
import csv, sys
work = sys.argv[1]

def cells(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))

def same(a, b):
    if a == b:
        return True
    try:  # Calc writes the number 1.00 as 1
        return float(a) == float(b)
    except ValueError:
        return False

def compare(what, expected, got):
    bad = 0
    if len(expected) != len(got):
        print(f"{what}: {len(expected)} rows expected, Calc has {len(got)}")
        return 1
    for r, (e_row, g_row) in enumerate(zip(expected, got), start=1):
        for c, (e, g) in enumerate(zip(e_row, g_row + [""] * len(e_row))):
            if not same(e, g):
                bad += 1
                print(f"{what}: row {r}, column {expected[0][c]}: expected {e!r}, Calc has {g!r}")
    return bad

failures = 0
for name in ["news", "winter"]:
    failures += compare(f"{name} --excel CSV", cells(f"{work}/in/{name}.excel.csv"),
                        cells(f"{work}/csv/{name}.excel.csv"))
    failures += compare(f"{name} XLSX", cells(f"{work}/in/{name}.raw.csv"),
                        cells(f"{work}/xlsx/{name}.csv"))

text = [c for row in cells(f"{work}/xlsx/winter.csv") for c in row]
for must in ["=1+1 is not a formula but a sentence about snow.",
             "-5 Grad wurden am Flughafen gemessen.",
             "Die Straßen waren glatt, über 120 Unfälle wurden im Jahr 2023 gemeldet."]:
    if must not in text:
        failures += 1
        print(f"winter XLSX: no cell reads {must!r}")
control = [c for row in cells(f"{work}/control/winter.raw.csv") for c in row]
if "=1+1 is not a formula but a sentence about snow." in control:
    failures += 1
    print("control: Calc did not evaluate the raw CSV's formula cell, so this check cannot see evaluation")

if failures:
    print(f"test-libreoffice: {failures} problem(s)")
    sys.exit(1)
print("test-libreoffice: the --excel CSV and the XLSX read back cell for cell; "
      "umlauts intact, no formula evaluated (the raw CSV's was: control ok)")
PY

# The round trip of a review: Calc opens the XLSX and saves it again as
# XLSX, as a reviewer's spreadsheet would, and apply reads what Calc saved
# exactly as it reads the XLSX that align wrote.
mkdir -p "$work/resaved"
lo --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/resaved" "$work/in/winter.xlsx"
for from in in resaved; do
    "$bin" apply "$work/$from/winter.xlsx" --include-unreviewed -o "$work/$from-applied.csv" 2>/dev/null
done
if ! cmp -s "$work/in-applied.csv" "$work/resaved-applied.csv"; then
    diff "$work/in-applied.csv" "$work/resaved-applied.csv" | head -20
    echo "test-libreoffice: apply reads the XLSX that Calc saved differently from the one align wrote"
    exit 1
fi
echo "test-libreoffice: apply reads the XLSX as Calc saved it, row for row"

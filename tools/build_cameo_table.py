#!/usr/bin/env python3
"""Derive src/dyad/data/cameo/cameo.tsv from ../shared/reference.

Joins the CAMEO 1.1b3 table (root, QuadClass, Goldstein) with the CAMEO-to-PLOVER table;
a code absent from the PLOVER table takes its nearest listed parent's type and mode.
usage: python tools/build_cameo_table.py [REFERENCE_DIR]
"""

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference"
OUT = ROOT / "src" / "dyad" / "data" / "cameo" / "cameo.tsv"
LINE = re.compile(r"^(\d{2,4}):\s*([^#]*)")


def plover_rows(path):
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = LINE.match(line)
        if match:
            parts = [p.strip() for p in match.group(2).split(",")] + ["", "", ""]
            table[match.group(1)] = (parts[0], parts[1], parts[2])
    return table


def nearest(table, code):
    for size in range(len(code), 1, -1):
        if code[:size] in table and table[code[:size]][0]:
            return table[code[:size]]
    return ("", "", "")


def main():
    plover = plover_rows(REFERENCE / "CAMEO2PLOVER-2021.txt")
    with (REFERENCE / "cameo_event_codes.tsv").open(encoding="utf-8") as handle:
        cameo = list(csv.DictReader(handle, delimiter="\t"))
    header = ["code", "root", "quad_class", "goldstein", "plover_type", "plover_mode",
              "plover_context", "description"]
    with OUT.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        for row in cameo:
            kind, mode, context = nearest(plover, row["code"])
            writer.writerow([row["code"], row["root"], row["quad_class"], row["goldstein"],
                             kind, mode, context, row["description"]])
    print(f"wrote {len(cameo)} codes to {OUT}")


if __name__ == "__main__":
    main()

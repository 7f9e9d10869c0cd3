#!/usr/bin/env python3
"""The "openpyxl full load" baseline for bench/parse_bench.sh.

Loads one workbook the way a Python script that needs the MOA links has to:
load_workbook(path) in normal mode (read_only=True would be faster, but
read-only worksheets do not carry hyperlinks), then walks every row of the
first sheet and touches each cell's value and hyperlink.

Usage: openpyxl_full_load.py FILE.xlsx [--summary]
With --summary it prints the sheet name and the counts it saw, so the bench
can check it really read the sheet; without it, it prints nothing.
"""

import sys

from openpyxl import load_workbook


def full_load(path):
    wb = load_workbook(path)  # NOT read_only: read-only mode drops hyperlinks
    ws = wb.worksheets[0]
    rows = cells = values = links = 0
    for row in ws.iter_rows():
        rows += 1
        for cell in row:
            cells += 1
            if cell.value is not None:
                values += 1
            if cell.hyperlink is not None and cell.hyperlink.target:
                links += 1
    return ws.title, rows, cells, values, links


def main(argv):
    args = [a for a in argv[1:] if a != "--summary"]
    if len(args) != 1:
        sys.stderr.write(__doc__)
        return 2
    title, rows, cells, values, links = full_load(args[0])
    if "--summary" in argv:
        print(f"sheet={title} rows={rows} cells={cells} values={values} hyperlinks={links}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

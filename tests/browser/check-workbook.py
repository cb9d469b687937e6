#!/usr/bin/env python3
"""check-workbook.py - read report.xlsx back (zipfile + XML, no Excel library)
and compare its 单位负荷 sheet with the CSV of `respgraph units --format csv`.

usage: check-workbook.py REPORT.xlsx UNITS.csv
Exit 1 on any difference: a unit missing or extra, a number that differs,
a header row that is not frozen, a sheet without autofilter, or any formula.
"""
import csv
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def col_index(ref):
    n = 0
    for ch in ref:
        if ch.isalpha():
            n = n * 26 + (ord(ch.upper()) - 64)
        else:
            break
    return n - 1


def read_sheets(path):
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    sheets = {}
    for s in book.find("m:sheets", NS):
        xml = z.read("xl/" + target[s.get(REL)])
        root = ET.fromstring(xml)
        rows = []
        for row in root.iter("{%s}row" % NS["m"]):
            cells = {}
            for c in row.findall("m:c", NS):
                if c.find("m:f", NS) is not None:
                    raise SystemExit("formula in sheet %s cell %s" % (s.get("name"), c.get("r")))
                v = c.find("m:v", NS)
                if c.get("t") == "s":
                    val = strings[int(v.text)]
                elif c.get("t") == "inlineStr":
                    val = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                elif c.get("t") == "b":
                    val = v.text == "1"
                elif v is not None:
                    val = float(v.text)
                else:
                    val = None
                cells[col_index(c.get("r"))] = val
            width = max(cells) + 1 if cells else 0
            rows.append([cells.get(i) for i in range(width)])
        sheets[s.get("name")] = (rows, root)
    return sheets


def main():
    xlsx, units_csv = sys.argv[1], sys.argv[2]
    sheets = read_sheets(xlsx)
    problems = []
    for name, (rows, root) in sheets.items():
        pane = root.find(".//m:pane", NS)
        if pane is None or pane.get("state") != "frozen":
            problems.append("sheet %s: header row not frozen" % name)
        if root.find("m:autoFilter", NS) is None:
            problems.append("sheet %s: no autofilter" % name)
    load_name = "单位负荷" if "单位负荷" in sheets else "Load"
    rows, _ = sheets[load_name]
    head = rows[0]
    idx = {h: i for i, h in enumerate(head)}
    zh = load_name == "单位负荷"
    cols = {"unit": "单位" if zh else "unit", "rank": "排名" if zh else "rank",
            "load": "负荷" if zh else "load", "led": "牵头" if zh else "led",
            "supported": "配合" if zh else "supported", "share": "占比" if zh else "share",
            "chapters": "章节数" if zh else "chapters", "partners": "协作单位" if zh else "partners",
            "burden": "协同负担" if zh else "burden", "cluster": "聚类编号" if zh else "cluster id",
            "zscore": "z"}
    book = {}
    for r in rows[1:]:
        r = r + [None] * (len(head) - len(r))
        book[r[idx[cols["unit"]]]] = r
    with open(units_csv, encoding="utf-8-sig", newline="") as f:
        cli = list(csv.DictReader(f))
    if len(cli) != len(book):
        problems.append("workbook has %d units, respgraph units %d" % (len(book), len(cli)))
    for i, u in enumerate(cli):
        name = u["unit"]
        if name.startswith("'") and name[1:2] in "=+-@":
            name = name[1:]  # CSV guard; the workbook keeps the name as text
        if name not in book:
            problems.append("unit %r missing from the workbook" % name)
            continue
        r = book[name]
        if rows[i + 1][idx[cols["unit"]]] != name:
            problems.append("row %d is %r, respgraph units says %r" % (i + 1, rows[i + 1][idx[cols["unit"]]], name))
        for key in ("rank", "load", "led", "supported", "share", "chapters", "partners",
                    "burden", "cluster", "zscore"):
            want = float(u[key])
            got = r[idx[cols[key]]]
            if got is None or abs(float(got) - want) > 1e-9 * max(1.0, abs(want)):
                problems.append("%s %s: workbook %r, respgraph units %r" % (name, key, got, u[key]))
    for p in problems:
        print("check-workbook: " + p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print("check-workbook: ok %s (%d units, %d sheets)" % (xlsx, len(book), len(sheets)))


if __name__ == "__main__":
    main()

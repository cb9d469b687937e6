#!/usr/bin/env bash
# Several plans (issue 17): the bundled plan against its seeded variant
# (tests/data/variants/, made by scripts/make_variants.py: one renamed unit, 12
# tasks moved to other leads, 5 tasks copied into a second plan).
#   - compare reports exactly the injected changes, with loads, ranks and
#     ties recomputed independently from the exported edges (plans.py), with
#     the rename given (--renames) and suggested (without it);
#   - the consolidated run counts the 5 copies once and lists them;
#   - the report's comparison, trend and consolidated views, and the
#     comparison report's layout on a phone;
#   - golden outputs for compare (table, JSON) and trend, load-by-plan and
#     duplicates; every output byte-identical when run again.
# RG_UPDATE_GOLDEN=1 rewrites the golden files.
set -euo pipefail
bin=${RG_BIN:?} root=${RG_ROOT:?}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
old=examples/shenyang-2026.txt
v=tests/data/variants
new=$v/shenyang-2026-v2.txt
ms=$v/minsheng-2026.txt
py=/usr/bin/python3
fail=0

"$bin" edges "$old" -f csv > "$tmp/old.csv"
"$bin" edges "$new" -f csv > "$tmp/new.csv"
"$bin" edges "$ms" -f csv > "$tmp/ms.csv"
"$bin" compare "$old" "$new" --renames $v/renames.csv -f json > "$tmp/compare.json"
"$py" tests/checks/plans.py compare "$tmp/old.csv" "$tmp/new.csv" "$tmp/compare.json" \
  $v/manifest.json given || fail=1
"$bin" compare "$old" "$new" -f json > "$tmp/suggested.json"
"$py" tests/checks/plans.py compare "$tmp/old.csv" "$tmp/new.csv" "$tmp/suggested.json" \
  $v/manifest.json suggested || fail=1

"$bin" units "$old" "$ms" -f json > "$tmp/units.json"
"$bin" duplicates "$old" "$ms" -f json > "$tmp/dups.json"
"$bin" load-by-plan "$old" "$ms" -f csv > "$tmp/loads.csv"
"$py" tests/checks/plans.py merged "$tmp/old.csv" "$tmp/ms.csv" "$tmp/units.json" \
  "$tmp/dups.json" "$tmp/loads.csv" $v/manifest.json shenyang-2026 minsheng-2026 || fail=1

# --level: a plan that does not say its level keeps its bare names, and with
# --level city (or --city 沈阳) they take 市 and meet the bundled plan's units
bare=$v/bare-2026.txt
"$bin" edges "$bare" -f csv > "$tmp/bare.csv"
"$bin" edges "$bare" --level city -f csv > "$tmp/bare-city.csv"
"$bin" edges "$bare" --city 沈阳 -f csv > "$tmp/bare-sy.csv"
"$bin" units "$old" "$bare" --level city -f json > "$tmp/bare-units.json"
"$py" - "$tmp" <<'PY' || fail=1
import csv, json, sys
tmp = sys.argv[1]
units = lambda f: sorted({r["unit"] for r in csv.DictReader(open(tmp + f, encoding="utf-8"))})
assert units("/bare.csv") == ["人力资源社会保障局", "住房保障局", "教育局", "民政局", "财政局"], units("/bare.csv")
assert units("/bare-city.csv") == ["市" + u for u in units("/bare.csv")], units("/bare-city.csv")
assert units("/bare-sy.csv") == units("/bare-city.csv")
load = {}
for f in ("/old.csv", "/bare-city.csv"):
    for r in csv.DictReader(open(tmp + f, encoding="utf-8")):
        if r["kind"] == "unit":
            load[r["unit"]] = load.get(r["unit"], 0) + (1 if r["role"] == "lead" else 0.5)
got = {u["unit"]: u["load"] for u in json.load(open(tmp + "/bare-units.json", encoding="utf-8"))["units"]}
assert got == load, sorted(set(got.items()) ^ set(load.items()))
print("plans.sh: --level ok")
PY

# trend --renames: a renamed unit is one row under its latest name, and a
# merger (two units renamed into one) adds their loads; fences as analysed
printf 'old,new\n市营商局,市营商环境建设局\n市国资委,市财政局\n' > "$tmp/merge-renames.csv"
"$bin" trend "$old" "$new" --renames "$tmp/merge-renames.csv" -f json > "$tmp/trend.json"
"$py" - "$tmp" <<'PY' || fail=1
import csv, json, sys
tmp = sys.argv[1]
ren = {"市营商局": "市营商环境建设局", "市国资委": "市财政局"}
t = json.load(open(tmp + "/trend.json", encoding="utf-8"))
want = {}
for i, f in enumerate(("/old.csv", "/new.csv")):
    for r in csv.DictReader(open(tmp + f, encoding="utf-8")):
        if r["kind"] == "unit":
            u = ren.get(r["unit"], r["unit"])
            want.setdefault(u, [0.0, 0.0])[i] += 1 if r["role"] == "lead" else 0.5
got = {u["unit"]: [u[p] for p in t["plans"]] for u in t["units"]}
assert got == want, sorted(set(got) ^ set(want))
for u in t["units"]:
    over = [p for p, f in zip(t["plans"], t["fences"]) if u[p] > f]
    assert u["over_in"] == over and u["over"] == len(over), u
print("plans.sh: trend --renames ok")
PY

# usage and input errors: one message, the exit code of the README
expect() { # CODE ARGS...
  local code=$1 rc=0
  shift
  "$bin" "$@" > /dev/null 2> "$tmp/err" || rc=$?
  if [ "$rc" != "$code" ] || [ "$(wc -l < "$tmp/err")" != 1 ]; then
    echo "plans.sh: respgraph $* exited $rc (expected $code) saying: $(cat "$tmp/err")"
    fail=1
  fi
}
printf 'old,new\n市不存在局,市营商环境建设局\n' > "$tmp/bad-renames.csv"
expect 2 compare "$old"
expect 2 trend "$old"
expect 2 compare "$old" "$new" "$ms"
expect 2 units "$old" --renames $v/renames.csv
expect 2 units "$old" --level town
expect 1 compare "$old" "$new" --renames "$tmp/bad-renames.csv"
expect 1 units "$old" "$tmp/missing.txt"
expect 1 report "$new" --compare "$tmp/missing.txt" -o "$tmp/r4"

# golden outputs, each produced twice: the reruns must be byte-identical
golden() { # NAME ARGS...
  local name=$1
  shift
  "$bin" "$@" > "$tmp/$name" && "$bin" "$@" > "$tmp/$name.again"
  if ! cmp -s "$tmp/$name" "$tmp/$name.again"; then
    echo "plans.sh: $name differs between two runs"
    fail=1
  fi
  if [ "${RG_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/$name" "$v/golden/$name"
  elif ! diff -u "$v/golden/$name" "$tmp/$name"; then
    echo "plans.sh: $name differs from $v/golden/$name"
    fail=1
  fi
}
mkdir -p $v/golden
golden compare.txt compare "$old" "$new" --renames $v/renames.csv
golden compare.json compare "$old" "$new" --renames $v/renames.csv -f json
golden compare.csv compare "$old" "$new" --renames $v/renames.csv -f csv
golden trend.txt trend "$old" "$new" "$ms"
golden trend.json trend "$old" "$new" -f json
golden trend-renames.txt trend "$old" "$new" "$ms" --renames $v/renames.csv
golden duplicates.txt duplicates "$old" "$ms"
golden load-by-plan.csv load-by-plan "$old" "$ms" -f csv
# the report's views: --compare (slope chart and the compare tables, whose
# rows are those of `compare -f json`), --trend (small multiples), several
# PLANs (load by plan, duplicates); each chart well-formed SVG; the folder
# byte-identical when written again
"$bin" report "$new" --compare "$old" --renames $v/renames.csv --trend "$old" -o "$tmp/r1" > /dev/null
"$bin" report "$new" --compare "$old" --renames $v/renames.csv --trend "$old" -o "$tmp/r2" > /dev/null
"$bin" report "$old" "$ms" -o "$tmp/r3" > /dev/null
for f in index.html report.json compare.csv trend.csv; do
  cmp -s "$tmp/r1/$f" "$tmp/r2/$f" || { echo "plans.sh: report $f differs between two runs"; fail=1; }
done
"$py" - "$tmp" <<'PY' || fail=1
import json, re, sys
import xml.etree.ElementTree as ET
tmp = sys.argv[1]
page = open(tmp + "/r1/index.html", encoding="utf-8").read()
for sec in ("compare", "compare-renamed", "trend"):
    assert 'id="%s"' % sec in page, "no section " + sec
for chart, marks in (("slope-chart", 'class="slope '), ("trend-chart", 'class="panel"')):
    i = page.index('<svg class="chart" id="%s"' % chart)
    svg = page[i:page.index("</svg>", i) + 6]
    ET.fromstring(svg)  # well-formed
    assert marks in svg, chart
want = json.load(open(tmp + "/compare.json", encoding="utf-8"))
extras = json.load(open(tmp + "/r1/report.json", encoding="utf-8"))["extras"]
assert extras["compare"] == want["units"], "report compare rows differ from compare -f json"
assert [r["old"] for r in extras["compare-renamed"]] == ["市营商局"]
assert len(page.split('<g class="slope ')) - 1 == len(want["units"]), "a unit has no slope"
merged = open(tmp + "/r3/index.html", encoding="utf-8").read()
assert 'id="load-by-plan"' in merged and 'id="duplicates"' in merged
dups = json.load(open(tmp + "/r3/report.json", encoding="utf-8"))["extras"]["duplicates"]
assert len(dups) == 5, dups
print("plans.sh: report views ok")
PY

# the comparison report on a phone (390x844) and a laptop: no sideways scroll,
# chart text at least 10 px (tests/browser/check-layout.mjs, as report.sh)
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi
node tests/browser/check-layout.mjs "$tmp/r1/index.html" --quiet || fail=1

[ $fail = 0 ] && echo "plans.sh: ok"
exit $fail

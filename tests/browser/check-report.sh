#!/bin/sh
# check-report.sh - the report end to end: write the seed's report with the
# built respgraph, open it in headless Chromium (no console error, no failed
# or network request, one load-table row per concrete unit, the diagram's SVG
# in the DOM, every number equal to `respgraph units` and `clusters`), read
# the workbook back and compare it with `respgraph units`, check that a second
# run gives the same bytes, and that a plan full of markup and formulas
# cannot inject anything. Screenshots go to tests/artifacts/ (git-ignored).
#
# usage: tests/browser/check-report.sh PATH/TO/respgraph [PLAN]
#        (or RG_BIN=PATH/TO/respgraph tests/browser/check-report.sh, as scripts/test runs checks)
# needs: chromium (Debian package), node + npm (installs playwright-core
# from package-lock.json on first run), python3, cmp.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-${RG_BIN:?usage: check-report.sh PATH/TO/respgraph [PLAN]}}
plan=${2:-$root/examples/shenyang-2026.txt}
artifacts=$root/tests/artifacts
mkdir -p "$artifacts"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent)
fi

ms() { date +%s%N | cut -c1-13; }
t0=$(ms)
"$bin" report "$plan" -o "$tmp/report"
t1=$(ms)
echo "check-report: report written in $((t1 - t0)) ms"
"$bin" units "$plan" --format csv > "$tmp/units.csv"
"$bin" clusters "$plan" --format csv > "$tmp/clusters.csv"
n=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))))' "$tmp/units.csv")

node "$here/check-report.mjs" "$tmp/report/index.html" --units "$n" \
  --units-csv "$tmp/units.csv" --clusters-csv "$tmp/clusters.csv" \
  --screenshot "$artifacts/report.png"
python3 "$here/check-workbook.py" "$tmp/report/report.xlsx" "$tmp/units.csv"

# determinism: the same plan gives the same bytes in every file
"$bin" report "$plan" -o "$tmp/again"
(cd "$tmp/report" && find . -type f | sort) > "$tmp/files"
while IFS= read -r f; do
  cmp -s "$tmp/report/$f" "$tmp/again/$f" || { echo "check-report: $f differs between two runs" >&2; exit 1; }
done < "$tmp/files"
echo "check-report: $(wc -l < "$tmp/files") files identical on a second run"

# hostile plan: markup, script, event handlers and formulas in names and texts
hostile=$root/tests/data/report/hostile.txt
"$bin" report "$hostile" -o "$tmp/hostile"
"$bin" units "$hostile" --format csv > "$tmp/hunits.csv"
hn=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))))' "$tmp/hunits.csv")
node "$here/check-report.mjs" "$tmp/hostile/index.html" --units "$hn" --hostile \
  --screenshot "$artifacts/report-hostile.png"
python3 "$here/check-workbook.py" "$tmp/hostile/report.xlsx" "$tmp/hunits.csv"
# no cell of any CSV of the report starts a formula (= + @, or - before a
# letter); the guard itself (a leading ') is checked cell by cell through
# every command in tests/cli/test_guards.c. The plan's bare =HYPERLINK局 is
# read as 市=HYPERLINK局 (the level comes from the plan's own names).
python3 - "$tmp/hostile" <<'PY' || { echo "check-report: a CSV cell starts a formula" >&2; exit 1; }
import csv, glob, os, re, sys
bad = [(os.path.basename(f), c) for f in glob.glob(os.path.join(sys.argv[1], "*.csv"))
       for row in csv.reader(open(f, encoding="utf-8-sig")) for c in row
       if (c and c[0] in "=+@") or re.match(r"-[^0-9.]", c)]
for f, c in bad[:5]:
    print("check-report: %s: %r" % (f, c[:60]), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
echo "check-report: ok"

#!/bin/sh
# check-report.sh - the report end to end: write the seed's report with the
# built respgraph, open it in headless Chromium (no console error, no failed
# or network request, one load-table row per concrete unit, the diagram's SVG
# in the DOM, every number equal to `respgraph units` and `clusters`), read
# the workbook back and compare it with `respgraph units`, check that a second
# run gives the same bytes, and that a plan full of markup and formulas
# cannot inject anything; the page on a phone (390x844), a laptop and A4
# paper (check-layout.mjs, then Chromium's own print to PDF), and that those
# checks catch a broken stylesheet. Screenshots go to tests/artifacts/
# (git-ignored).
#
# usage: tests/browser/check-report.sh PATH/TO/respgraph [PLAN]
#        (or RG_BIN=PATH/TO/respgraph tests/browser/check-report.sh, as scripts/test runs checks)
# needs: chromium (Debian package), node + npm (installs playwright-core
# from package-lock.json on first run), python3, cmp, pdfinfo and pdftotext
# (poppler-utils).
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

# a phone, a laptop and paper: the header, sideways scrolling, chart text,
# the search box, the print stylesheet (check-layout.mjs); then the page
# printed to PDF by Chromium itself, as an office worker would: A4, and page
# 1 is the leaders' summary (every overloaded unit, the first and the last
# meeting day)
node "$here/check-layout.mjs" "$tmp/report/index.html" --shots "$artifacts"
print_pdf() { # index.html out.pdf
  chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/profile" \
    --no-pdf-header-footer --print-to-pdf="$2" "file://$1" 2>/dev/null
  test -s "$2"
}
check_pdf() { # out.pdf: A4, page 1 the summary of the report in $tmp/report
  size=$(pdfinfo "$1" | sed -n 's/^Page size: *//p')
  case "$size" in
  *"(A4)"*) ;;
  *) echo "check-report: $1: page size $size, not A4" >&2; return 1 ;;
  esac
  pdftotext -f 1 -l 1 "$1" "$tmp/page1.txt"
  python3 - "$tmp/page1.txt" "$tmp/units.csv" "$tmp/report/meetings.csv" <<'PY'
import csv, re, sys
text = re.sub(r"\s+", "", open(sys.argv[1], encoding="utf-8").read())
over = [r["unit"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")) if r["overloaded"] == "true"]
days = [r["date_label"].split("日")[0] + "日" for r in csv.DictReader(open(sys.argv[3], encoding="utf-8-sig"))]
want = over + ([days[0], days[-1]] if days else [])
missing = [w for w in want if w not in text]
for w in missing:
    print("check-report: page 1 of the printed page lacks %s" % w, file=sys.stderr)
if not over:
    print("check-report: the plan has no overloaded unit to look for", file=sys.stderr)
sys.exit(1 if missing or not over else 0)
PY
}
print_pdf "$tmp/report/index.html" "$tmp/page.pdf"
check_pdf "$tmp/page.pdf"
echo "check-report: printed to A4 ($(pdfinfo "$tmp/page.pdf" | sed -n 's/^Pages: *//p') pages), page 1 the summary"

# the checks above can fail: each of these breaks the page's stylesheet in
# one place (the text must be there) and must be caught
mutate() { # from to -> $tmp/report/broken.html
  python3 - "$tmp/report/index.html" "$tmp/report/broken.html" "$1" "$2" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
if sys.argv[3] not in s:
    sys.exit("check-report: the stylesheet no longer has %r to break" % sys.argv[3])
open(sys.argv[2], "w", encoding="utf-8").write(s.replace(sys.argv[3], sys.argv[4]))
PY
}
expect_layout_failure() { # what
  if node "$here/check-layout.mjs" "$tmp/report/broken.html" --quiet 2>"$tmp/why"; then
    echo "check-report: check-layout.mjs passed a page with $1" >&2
    exit 1
  fi
  echo "check-report: caught $1: $(head -n 1 "$tmp/why")"
}
mutate '@media (max-width: 600px)' '@media (max-width: 1px)'
expect_layout_failure "no phone header"
mutate 'overflow-x: auto' 'overflow-x: visible'
expect_layout_failure "tables that do not scroll in their own box"
mutate 'td.tx { min-width: 8em; }' 'td.tx { min-width: 30em; }'
expect_layout_failure "a print wider than A4"
mutate '.print-only { display: block; }' '.print-only { display: none; }'
print_pdf "$tmp/report/broken.html" "$tmp/broken.pdf"
if check_pdf "$tmp/broken.pdf" 2>"$tmp/why"; then echo "check-report: a print without the summary passed" >&2; exit 1; fi
echo "check-report: caught a print without the summary: $(head -n 1 "$tmp/why")"
mutate 'size: A4;' 'size: letter;'
print_pdf "$tmp/report/broken.html" "$tmp/broken.pdf"
if check_pdf "$tmp/broken.pdf" 2>"$tmp/why"; then echo "check-report: a Letter-sized print passed" >&2; exit 1; fi
echo "check-report: caught a print that is not A4: $(head -n 1 "$tmp/why")"
rm -f "$tmp/report/broken.html"

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

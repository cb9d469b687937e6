#!/usr/bin/env bash
# Make the fixtures of tests/data/formats/office/ that come from other
# programs, the way offices make them. Run by hand, never by tests; needs
# pandoc, libreoffice-writer-nogui, libreoffice-calc-nogui, chromium and
# python3-pikepdf (apt-get install ...), and the corpus of real plans in
# ../shared/corpus (CORPUS=...).
#   seed-pandoc.docx           pandoc: the plan as a markdown ordered list (numbers in numbering.xml)
#   seed-libreoffice.docx      LibreOffice Writer re-saves seed-autonum.docx (its own numbering.xml)
#   seed-libreoffice.pdf       LibreOffice Writer prints seed-autonum.docx
#   seed-headers.pdf           LibreOffice Writer prints seed-headers.docx (running title, — N — page numbers)
#   seed-chromium.pdf          Chromium prints tests/data/formats/html/seed-gb2312.html (header and footer on)
#   seed-table-chromium.pdf    Chromium prints the plan as one HTML task table
#   seed-table-libreoffice.xlsx  LibreOffice Calc saves the plan's task table (CSV) as .xlsx
#   cn-2018-wastefreecity.docx   LibreOffice Writer saves a real plan's web page as .docx
#   cn-2005-grainemergency.docx  pandoc converts a real plan's web page (images removed) to .docx
#   cn-2004-sichuanreply.pdf     Chromium prints a real plan's web page
# PDFs are made small with strip-pdf-fonts.py (font programs dropped; the
# text layer and its positions are kept).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/office
corpus=${CORPUS:-$here/../../../../../shared/corpus}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$here/make-office.py" --sources "$tmp"
chrome() { chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$2" "file://$1" 2>/dev/null; }
strip() { /usr/bin/python3 "$here/strip-pdf-fonts.py" "$1" "$2"; }

pandoc -f markdown -t docx -o "$out/seed-pandoc.docx" "$tmp/seed.md"
soffice --headless --convert-to pdf --outdir "$tmp" "$out/seed-autonum.docx" >/dev/null
mkdir -p "$tmp/lo" && soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp/lo" "$out/seed-autonum.docx" >/dev/null
cp "$tmp/lo/seed-autonum.docx" "$out/seed-libreoffice.docx"
strip "$tmp/seed-autonum.pdf" "$out/seed-libreoffice.pdf"
soffice --headless --convert-to pdf --outdir "$tmp" "$out/seed-headers.docx" >/dev/null
strip "$tmp/seed-headers.pdf" "$out/seed-headers.pdf"
chrome "$here/html/seed-gb2312.html" "$tmp/seed-chromium.pdf"
strip "$tmp/seed-chromium.pdf" "$out/seed-chromium.pdf"
chrome "$tmp/seed-table.html" "$tmp/seed-table-chromium.pdf"
strip "$tmp/seed-table-chromium.pdf" "$out/seed-table-chromium.pdf"
soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$tmp" "$tmp/seed-table.csv" >/dev/null
cp "$tmp/seed-table.xlsx" "$out/seed-table-libreoffice.xlsx"

soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$corpus/cn-2018-wastefreecity.html" >/dev/null
cp "$tmp/cn-2018-wastefreecity.docx" "$out/"
sed -E 's/<img[^>]*>//gI' "$corpus/cn-2005-grainemergency.html" > "$tmp/grain.html"
pandoc -f html -t docx -o "$out/cn-2005-grainemergency.docx" "$tmp/grain.html"
chrome "$corpus/cn-2004-sichuanreply.html" "$tmp/sichuan.pdf"
strip "$tmp/sichuan.pdf" "$out/cn-2004-sichuanreply.pdf"
# the golden tasks: what respgraph reads from each original web page
B=${RESPGRAPH:-$here/../../../build-test/respgraph}
for n in cn-2018-wastefreecity cn-2005-grainemergency cn-2004-sichuanreply; do
  "$B" parse "$corpus/$n.html" -f csv | cut -d, -f1,5,6,10- > "$out/$n.tasks.csv"
done

# The held-out plans (tests/data/heldout, written before the reader and never
# tuned on) as offices convert them, scored by tests/checks/reading.sh against
# the same answers:
#   NAME.docx            LibreOffice Writer saves the text or web page as .docx
#   NAME.pandoc.docx     pandoc from the text, one paragraph per line (numbers go to numbering.xml)
#   NAME.pdf             LibreOffice Writer prints NAME.docx
#   NAME.chromium.pdf    Chromium prints the web page (header and footer off)
#   NAME.xlsx            LibreOffice Calc opens the web page or CSV and saves it as .xlsx
held=$here/../heldout
hout=$held/office
mkdir -p "$hout" "$tmp/h" "$tmp/hpdf"
for f in "$held"/*.txt; do
  soffice --headless --infilter="Text (encoded):UTF8" --convert-to 'docx:MS Word 2007 XML' --outdir "$hout" "$f" >/dev/null
  b=$(basename "${f%.txt}")
  sed 's/$/\n/' "$f" > "$tmp/h/$b.md"
  pandoc -f markdown -t docx -o "$hout/$b.pandoc.docx" "$tmp/h/$b.md"
done
for f in "$held"/*.html; do
  b=$(basename "${f%.html}")
  soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$hout" "$f" >/dev/null
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-pdf-header-footer \
    --print-to-pdf="$tmp/hpdf/$b.chromium.pdf" "file://$f" 2>/dev/null
  strip "$tmp/hpdf/$b.chromium.pdf" "$hout/$b.chromium.pdf"
done
for f in "$hout"/*.docx; do
  case $f in *.pandoc.docx) continue ;; esac
  soffice --headless --convert-to pdf --outdir "$tmp/hpdf" "$f" >/dev/null
  b=$(basename "${f%.docx}")
  strip "$tmp/hpdf/$b.pdf" "$hout/$b.pdf"
done
for b in city-2023-task-table provincial-2022-work-report provincial-2023-header-rule; do
  soffice --headless --infilter="HTML (StarCalc)" --convert-to xlsx --outdir "$hout" "$held/$b.html" >/dev/null
done
soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$hout" "$held/county-2024-task-list.csv" >/dev/null

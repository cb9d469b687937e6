#!/bin/sh
# make-seed-html.sh - the seed plan as a GB2312-declared HTML page, encoded as
# GB18030 the way Chinese government sites serve it: each line of
# examples/shenyang-2026.txt becomes one <p> on its own line, after a 7-line
# head, so line N of the text is line N+7 of the page. The output
# (tests/data/formats/html/seed-gb2312.html) is committed; the acceptance test
# checks it gives the same links as the text, on lines shifted by 7.
set -eu
d=$(cd "$(dirname "$0")" && pwd)
src="$d/../../../examples/shenyang-2026.txt"
out="$d/html/seed-gb2312.html"
mkdir -p "$d/html"
{
  printf '<!DOCTYPE html>\n<html>\n<head>\n'
  printf '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">\n'
  printf '<title>沈阳市人民政府</title>\n</head>\n<body>\n'
  sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's|^\(..*\)$|<p>\1</p>|' "$src"
  printf '</body>\n</html>\n'
} | iconv -f UTF-8 -t GB18030 > "$out"

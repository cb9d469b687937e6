#!/bin/sh
# textsame.sh - byte-identity of `parse`, `edges` and `check` between two
# respgraph builds on every text-like plan we hold (the seed, tests/data,
# the fuzz corpora, the shared corpus, the bench plans). For reader speed
# work: the new reader must read every plan exactly as the old one did.
# usage: tests/checks/textsame.sh OLD_RESPGRAPH NEW_RESPGRAPH [EXTRA_FILES...]
old=$1 new=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 bad=0
for f in $( (find "$root/tests/data" "$root/tests/fuzz" -type f 2>/dev/null
  ls /work/shared/seeds/*.txt /work/shared/corpus/* 2>/dev/null
  for x in "$@"; do echo "$x"; done) | sort -u); do
  for cmd in parse edges check; do
    "$old" $cmd "$f" >"$tmp/a" 2>&1; ra=$?
    "$new" $cmd "$f" >"$tmp/b" 2>&1; rb=$?
    n=$((n + 1))
    if [ $ra != $rb ] || ! cmp -s "$tmp/a" "$tmp/b"; then
      echo "DIFF: $cmd $f (exit $ra vs $rb)"
      bad=$((bad + 1))
    fi
  done
done
echo "textsame: $n runs, $bad differ"
[ $bad = 0 ]

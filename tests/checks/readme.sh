#!/usr/bin/env bash
# README.md in step with the program: every marked example block is what the
# built respgraph prints now (scripts/readme-examples on a copy, then diff);
# the default overload, units, ties, clusters and meetings tables of the
# bundled plan fit 120 terminal columns (display width: a Chinese character
# is two); and `cmake --install` puts respgraph in PREFIX/bin.
set -euo pipefail
root=${RG_ROOT:?}
bin=${RG_BIN:?}
case "$bin" in /*) ;; *) bin=$PWD/$bin ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cp "$root/README.md" "$tmp/README.md"
RG_BIN="$bin" bash "$root/scripts/readme-examples" "$tmp/README.md"
if ! diff -u "$root/README.md" "$tmp/README.md" > "$tmp/drift"; then
  head -n 40 "$tmp/drift" >&2
  echo "readme: README.md's examples are not what respgraph prints; run scripts/readme-examples and review the diff" >&2
  exit 1
fi
echo "readme: every example block is the program's output"

plan=$root/examples/shenyang-2026.txt
for cmd in overload units ties clusters "meetings --start 2026-09-21"; do
  # shellcheck disable=SC2086
  "$bin" $cmd "$plan" > "$tmp/out"
  python3 - "$tmp/out" "$cmd" <<'PY'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
wide = [(i + 1, width(l)) for i, l in enumerate(lines) if width(l) > 120]
for n, w in wide[:5]:
    print("readme: respgraph %s: line %d is %d columns wide (at most 120)" % (sys.argv[2], n, w), file=sys.stderr)
print("readme: respgraph %s: %d lines, the widest %d columns"
      % (sys.argv[2], len(lines) - 1, max(width(l) for l in lines)))
sys.exit(1 if wide else 0)
PY
done

cmake --install "$(dirname "$bin")" --prefix "$tmp/prefix" > /dev/null
PATH="$tmp/prefix/bin:$PATH" respgraph --version
[ "$(PATH="$tmp/prefix/bin:/usr/bin:/bin" command -v respgraph)" = "$tmp/prefix/bin/respgraph" ]
echo "readme: cmake --install puts respgraph in PREFIX/bin"

#!/usr/bin/env bash
# Several plans (issue 17): the bundled plan against its seeded variant
# (tests/data/variants/, made by scripts/make_variants.py: one renamed unit, 12
# tasks moved to other leads, 5 tasks copied into a second plan).
#   - compare reports exactly the injected changes, with loads, ranks and
#     ties recomputed independently from the exported edges (plans.py), with
#     the rename given (--renames) and suggested (without it);
#   - the consolidated run counts the 5 copies once and lists them;
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
golden duplicates.txt duplicates "$old" "$ms"
golden load-by-plan.csv load-by-plan "$old" "$ms" -f csv
[ $fail = 0 ] && echo "plans.sh: ok"
exit $fail

#!/usr/bin/env bash
# Every metric of `respgraph units` on the seed, recomputed independently
# with NetworkX from the exported edges (tests/check_networkx.py), under
# several option sets; the Leiden partition's modularity must be at least
# the best of 10 NetworkX Louvain runs.
set -euo pipefail
bin=${RG_BIN:?} root=${RG_ROOT:?}
plan=$root/examples/shenyang-2026.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" edges "$plan" -f csv > "$tmp/e.csv"
fail=0
for o in "" "--weighting newman" "--min-shared 2" "--lead-weight 2 --support-weight 1 --resolution 1.5"; do
  # shellcheck disable=SC2086
  "$bin" units "$plan" -f csv $o > "$tmp/u.csv"
  # shellcheck disable=SC2086
  /usr/bin/python3 "$root/tests/check_networkx.py" "$tmp/e.csv" "$tmp/u.csv" $o || fail=1
done
exit $fail

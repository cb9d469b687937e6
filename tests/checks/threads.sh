#!/usr/bin/env bash
# The analysis gives the same bytes on any number of threads (issue 18):
# `units --wide` (every metric, the cluster of each unit) as CSV and `ties`
# as JSON with --threads 1 and 2, on the bundled plan (exact paths) and on a generated plan of
# 100,000 tasks and 10,000 units (sampled paths, constraint, Leiden), made
# by bench/gen.c (rg_bench_gen next to RG_BIN, seed fixed).
set -euo pipefail
bin=${RG_BIN:?} root=${RG_ROOT:?}
gen="$(dirname "$bin")/bench/rg_bench_gen"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
plans=("$root/examples/shenyang-2026.txt")
if [ -x "$gen" ]; then
  "$gen" --outdir "$tmp" 100k > /dev/null
  plans+=("$tmp/plan-100k.csv")
else
  echo "threads.sh: $gen is not built; the 100k plan is left out" >&2
  fail=1
fi
for plan in "${plans[@]}"; do
  name=$(basename "$plan")
  for t in 1 2; do
    "$bin" units "$plan" --wide -f csv --threads "$t" > "$tmp/units-$t.csv"
    "$bin" ties "$plan" -f json --threads "$t" > "$tmp/ties-$t.json"
  done
  # the output must be an analysis, not an empty file or an error
  [ "$(wc -l < "$tmp/units-1.csv")" -gt 10 ] || { echo "threads.sh: $name: units is empty"; fail=1; }
  for t in 2; do
    for out in units-$t.csv ties-$t.json; do
      one=${out/-$t./-1.}
      if ! cmp -s "$tmp/$one" "$tmp/$out"; then
        echo "threads.sh: $name: $out differs from $one"
        diff "$tmp/$one" "$tmp/$out" | head -5
        fail=1
      fi
    done
  done
  echo "threads.sh: $name: units and ties identical on 1 and 2 threads"
done
exit $fail

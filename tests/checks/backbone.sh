#!/usr/bin/env bash
# The SDSM p-value of every tie of `respgraph ties`, recomputed independently
# from the exported edges (tests/checks/backbone.py: scipy least squares for
# the BiCM, a full numpy convolution for the Poisson binomial), on the seed
# and on a small hand-made plan; and the backbone leaves no unit with a
# partner without a tie.
set -euo pipefail
bin=${RG_BIN:?} root=${RG_ROOT:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for plan in "$root/examples/shenyang-2026.txt" "$root/tests/data/backbone/small.txt"; do
  "$bin" edges "$plan" -f csv > "$tmp/e.csv"
  "$bin" ties "$plan" -f csv > "$tmp/t.csv"
  /usr/bin/python3 "$root/tests/checks/backbone.py" "$tmp/e.csv" "$tmp/t.csv" || fail=1
done
exit $fail

#!/usr/bin/env bash
# No data races (ThreadSanitizer). respgraph's threads: the text reader's
# pipeline (a text of 4 MB and more), its UTF-8 check and level count, the
# plan's finishing, and the analysis (analyzer/parallel.c). A ThreadSanitizer
# build of respgraph (its own build folder; ASan cannot be combined with it)
# reads a generated, untitled text plan of 25,000 tasks (5 MB: every reading
# thread runs) and analyses it with --threads 2; any report fails the check.
set -euo pipefail
root=${RG_ROOT:?}
build="$root/build-tsan-check"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRG_TESTS=OFF -DRG_SANITIZE=OFF \
  -DCMAKE_C_FLAGS="-fsanitize=thread" > /dev/null
cmake --build "$build" -j"$(nproc)" --target respgraph rg_bench_gen > /dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/bench/rg_bench_gen" --outdir "$tmp" 25000x5000 > /dev/null
plan="$tmp/plan-25000x5000.txt"
[ "$(stat -c %s "$plan")" -gt $((4 << 20)) ] || { echo "tsan.sh: the plan is too small to pipe"; exit 1; }
export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
fail=0
for cmd in edges units; do
  args=()
  [ "$cmd" = units ] && args=(--threads 2) # (reading takes every core)
  if ! "$build/respgraph" "$cmd" "$plan" "${args[@]}" > "$tmp/out" 2> "$tmp/err"; then
    echo "tsan.sh: respgraph $cmd failed:"
    head -40 "$tmp/err"
    fail=1
  elif [ "$(wc -l < "$tmp/out")" -lt 100 ]; then
    echo "tsan.sh: respgraph $cmd printed too little"
    fail=1
  fi
done
[ $fail = 0 ] && echo "tsan.sh: no data races in reading and analysing a 25,000-task plan"
exit $fail

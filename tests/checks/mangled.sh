#!/usr/bin/env bash
# 200 seeded variants of the bundled plan with item numbers typed the ways
# offices and OCR type them (scripts/mangle): every numbered item is read as
# a task or named by `check` as [unread-item]; none is lost in silence, and
# every variant NOTES.md lists as accepted is read with its number
# (issue 19, defect 2). About 400 runs of the binary: leak checking is left
# to the Criterion suites, so it is off here.
set -euo pipefail
bin=${RG_BIN:?} root=${RG_ROOT:?}
ASAN_OPTIONS=detect_leaks=0 /usr/bin/python3 "$root/scripts/mangle" --bin "$bin" \
  --plan "$root/examples/shenyang-2026.txt" --variants 200 --seed 19 --jobs 2

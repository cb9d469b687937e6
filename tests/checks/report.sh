#!/usr/bin/env bash
# The seed's report in headless Chromium and the workbook read back
# (tests/browser/check-report.sh does the work).
set -euo pipefail
exec bash "${RG_ROOT:?}/tests/browser/check-report.sh" "${RG_BIN:?}"

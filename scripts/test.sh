#!/usr/bin/env bash
# npm test: every test. Type check, lint, unit + integration (vitest on an
# embedded PGlite), end-to-end (Playwright in a real Chromium against the built
# app). Exits non-zero on any failure and prints one closing summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results

echo "== type check"
npx tsc --noEmit
echo "== lint"
npx eslint . --max-warnings=0
npx prettier --check . > /dev/null || { npx prettier --check .; exit 1; }

echo "== unit and integration tests (vitest, PGlite)"
# Every line the tests and the code under test print is kept, then searched for client data.
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json 2>&1 \
  | tee test-results/vitest.log

echo "== end-to-end tests (Playwright, Chromium)"
npx tsx scripts/e2e.ts

echo "== client data in the captured logs"
scan=0
npx tsx scripts/scan-logs.ts test-results/vitest.log .data/e2e/server.log || scan=$?

npx tsx scripts/summary.ts test-results/vitest.json test-results/e2e.json
exit "$scan"

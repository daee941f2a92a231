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
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

echo "== end-to-end tests (Playwright, Chromium)"
npx tsx scripts/e2e.ts

npx tsx scripts/summary.ts test-results/vitest.json test-results/e2e.json

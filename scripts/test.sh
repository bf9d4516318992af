#!/usr/bin/env bash
# Runs the whole test suite on a fresh clone: OS packages, npm dependencies, build, unit + integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
npm ci --no-audit --no-fund
# The benchmark runs first (it prints figures and never fails on them), so the README's bench command stays
# true and the test runner's summary is the last thing printed.
npm run lint
npm run bench
npm test

#!/usr/bin/env bash
# Runs the whole test suite on a fresh clone: OS packages, npm dependencies, build, unit + integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
npm ci --no-audit --no-fund
npm test
# The benchmark runs too (it prints figures and never fails on them): the README's bench command stays true.
npm run bench

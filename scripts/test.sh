#!/usr/bin/env bash
# Runs everything CI runs: type check, lint and all tests, backend tests against
# SQLite, PostgreSQL and MySQL (the local servers). Sets itself up on a fresh
# machine (Node 22, Yarn 4, dependencies).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SCORECARDS_ROOT"

ensure_dependencies --immutable
bash scripts/ensure-databases.sh

# Backend tests talk to the local database servers, never to docker.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
export BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING:-mysql://scorecards_test:scorecards_test@127.0.0.1:3306/mysql}"

echo "› Type check"
yarn tsc
echo "› Lint"
yarn lint:all
echo "› Unit, component and database tests"
CI=true yarn backstage-cli repo test --maxWorkers=2
echo "› Benchmark smoke run (1k entities, SQLite; no timings are checked)"
yarn bench --smoke
echo "› Browser tests (demo portal in headless Chromium)"
bash scripts/e2e.sh

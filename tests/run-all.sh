#!/usr/bin/env bash
# The whole suite: unit tests, database tests on PGlite and on PostgreSQL + PostGIS, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
tests/support/system-packages.sh

echo "== type check (svelte-check)"
npm run --silent check -- --fail-on-warnings

echo "== unit tests"
vitest run --project unit

echo "== database tests on PGlite (embedded)"
TEST_DATABASE_URL= vitest run --project db

echo "== database tests on PostgreSQL + PostGIS"
url=${TEST_DATABASE_URL:-}
if [ -z "$url" ]; then
	cluster=$(mktemp -d /tmp/kck-map-pg.XXXXXX)
	trap 'tests/support/postgis-cluster.sh stop "$cluster"' EXIT
	url=$(tests/support/postgis-cluster.sh start "$cluster")
fi
TEST_DATABASE_URL=$url vitest run --project db

echo "== the production build on PostgreSQL clusters of its own: restarts under load, two processes, Open311 writes, alerts, private data, hostile input"
vite build >/dev/null
vitest run --project system

echo "== browser tests (Debian chromium)"
playwright test --config tests/e2e/playwright.config.ts

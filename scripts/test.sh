#!/usr/bin/env bash
# The single test command (README; .ci/run calls it). From a fresh clone on Debian bookworm:
#   system packages (apt) → npm ci when needed → biome → tsc (server+packages, web) → build (the
#   compiled server and the web app) → the phone pages' size budget → vitest on PGlite → vitest
#   apps/server on a throwaway PostgreSQL 15 → Playwright (on the compiled server).
# Every check runs even when an earlier one failed (so one run shows everything); only the setup
# (system packages, npm ci) stops the run. The LAST line is `N passed, M failed` (tests summed over
# the vitest and Playwright runs; a failed lint/typecheck/build step or a missing report counts as
# one failure each). Exit code non-zero when M > 0.
# Temporary files: .tmp/test-run-<id>/ (reports), .tmp/pg-test-<id>/ (removed at exit),
# .tmp/e2e-data-<id>/ (removed when the browser tests pass).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
RUN_ID=$(date +%Y%m%d-%H%M%S)-$$
OUT=$ROOT/.tmp/test-run-$RUN_ID
PG_DIR=$ROOT/.tmp/pg-test-$RUN_ID
E2E_DATA=$ROOT/.tmp/e2e-data-$RUN_ID
mkdir -p "$OUT"

# Leftovers of runs older than a day (recent ones may belong to a run still going).
find "$ROOT/.tmp" -mindepth 1 -maxdepth 1 -mmin +1440 \( -name 'test-run-*' -o -name 'e2e-data-*' \) \
  -exec rm -rf -- {} + 2>/dev/null || true

SUMMARY_ARGS=()
SUMMARY_DONE=0
PG_STARTED=0

section() { printf '\n==> %s\n' "$*"; }

stop_pg() {
  if ((PG_STARTED)); then
    PG_STARTED=0
    bash scripts/pg-test-server.sh stop "$PG_DIR" || echo "test.sh: could not stop the PostgreSQL test server in $PG_DIR" >&2
  fi
}

summary() {
  stop_pg
  SUMMARY_DONE=1
  node scripts/test-summary.mjs "${SUMMARY_ARGS[@]}"
}

on_exit() {
  local rc=$?
  stop_pg
  if ((!SUMMARY_DONE)); then
    # Interrupted or a setup step failed: still end with the summary line.
    SUMMARY_ARGS+=(--step "test.sh (stopped early)" "$((rc == 0 ? 1 : rc))")
    summary || true
    exit $((rc == 0 ? 1 : rc))
  fi
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# step NAME CMD...: runs CMD, records its exit code as a check without tests.
step() {
  local name=$1 rc=0 start=$SECONDS
  shift
  section "$name"
  "$@" || rc=$?
  echo "--- $name: $([[ $rc -eq 0 ]] && echo ok || echo "FAILED (exit $rc)") in $((SECONDS - start)) s"
  SUMMARY_ARGS+=(--step "$name" "$rc")
  return 0
}

# tests KIND NAME REPORT CMD...: runs a test command that writes a JSON report.
tests() {
  local kind=$1 name=$2 report=$3 rc=0 start=$SECONDS
  shift 3
  section "$name"
  rm -f -- "$report"
  "$@" || rc=$?
  echo "--- $name: exit $rc in $((SECONDS - start)) s"
  SUMMARY_ARGS+=("--$kind" "$name" "$report" "$rc")
  return 0
}

# ---- setup: failures here stop the run ----
section "system packages"
bash scripts/system-deps.sh

if [[ ! -d node_modules || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  section "npm ci"
  # Never --omit=optional: the native binaries (argon2, esbuild, rolldown) come from optional packages.
  npm ci
fi

# ---- checks ----
step "biome" npx biome check .
step "tsc (server, packages, e2e)" npx tsc -p tsconfig.json
step "tsc (web)" npx tsc -p apps/web/tsconfig.json
# Before the tests: some of them start the compiled server, as the browser tests do.
step "build (server, web)" npm run build
# the cadre's phone pages stay within what slow 4G loads quickly (issue 12: 250 kB gzip first load)
step "phone pages' first load within 250 kB gzip" npm run -s -w @lianxin/web size -- --budget 250

tests vitest "vitest (PGlite)" "$OUT/vitest-pglite.json" \
  env -u TEST_DATABASE_URL npx vitest run \
  --reporter=default --reporter=json --outputFile.json="$OUT/vitest-pglite.json"

section "PostgreSQL 15 test server"
PG_STARTED=1 # from here on, exiting stops it (stop is harmless when nothing was started)
if PG_URL=$(bash scripts/pg-test-server.sh start "$PG_DIR"); then
  echo "$PG_URL"
  tests vitest "vitest apps/server (PostgreSQL 15)" "$OUT/vitest-postgres.json" \
    env TEST_DATABASE_URL="$PG_URL" npx vitest run apps/server \
    --reporter=default --reporter=json --outputFile.json="$OUT/vitest-postgres.json"
  stop_pg
else
  stop_pg
  SUMMARY_ARGS+=(--step "PostgreSQL 15 test server (integration tests on PostgreSQL not run)" 1)
fi

pw_before=${#SUMMARY_ARGS[@]}
tests playwright "playwright" "$OUT/playwright.json" \
  env PLAYWRIGHT_JSON_OUTPUT_FILE="$OUT/playwright.json" LIANXIN_E2E_DATA="$E2E_DATA" \
  npx playwright test -c e2e/playwright.config.ts
if [[ "${SUMMARY_ARGS[$((pw_before + 3))]}" == 0 ]]; then
  rm -rf -- "$E2E_DATA"
else
  echo "playwright: server data kept in $E2E_DATA; screenshots of failures in .tmp/playwright-output"
fi

section "summary (reports in ${OUT#"$ROOT"/})"
summary

#!/usr/bin/env bash
# The README's first command: install, build (server and web app), start on the embedded database with
# demo data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci
fi
npm run build
export LIANXIN_DEMO=1
exec node apps/server/dist/main.js

#!/usr/bin/env bash
# `npm start`: installs the dependencies when node_modules is missing or older than the lock
# file, then hands over to scripts/start.mjs (build, PostgreSQL, Redis, migrations, demo seed,
# api + realtime + worker). Arguments and environment pass through.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1)' 2>/dev/null; then
  echo "[start] Fabrique needs Node.js 20.19 or later (found: $(node --version 2>/dev/null || echo none)). See https://nodejs.org" >&2
  exit 1
fi

# npm writes node_modules/.package-lock.json on every install: older than the lock file means out of date.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[start] Installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi

exec node scripts/start.mjs "$@"

#!/usr/bin/env bash
# `npm test`: lint (with Nx module boundaries), type check, then every Jest project
# against the real PostgreSQL and Redis. Extra arguments go to Jest.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true TZ=UTC

npm run --silent lint
npm run --silent typecheck
mkdir -p tmp
node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
  --json --outputFile=tmp/jest-results.json "$@"

#!/usr/bin/env bash
# `npm test`: lint (with Nx module boundaries), type check, build, then every Jest project
# against the real PostgreSQL and Redis. Extra arguments go to Jest.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true TZ=UTC

npm run --silent lint
npm run --silent typecheck
# The browser tests run the built apps and the built web app (dist/), as production does.
npm run --silent build
mkdir -p tmp
node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
  --json --outputFile=tmp/jest-results.json "$@"

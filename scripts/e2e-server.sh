#!/usr/bin/env bash
# A fresh database for every browser-test run, then a production build served on the given port.
set -euo pipefail
port="${1:-3100}"
export DATA_DIR="${E2E_DATA_DIR:-data/e2e}"
export NEXTAUTH_URL="http://localhost:${port}"
rm -rf "$DATA_DIR"
# The demo accounts sign in many times across parallel tests; e2e/account.spec.ts covers the forced change.
DEMO_FORCE_PASSWORD_CHANGE=off npx tsx scripts/setup.ts
# E2E_REUSE_BUILD=1 (the PostgreSQL run after the SQLite one): the build just made serves both databases.
if [ "${E2E_SKIP_BUILD:-}" = "1" ]; then :
elif [ "${E2E_REUSE_BUILD:-}" = "1" ] && [ -f "${NEXT_DIST_DIR:-.next}/BUILD_ID" ]; then :
else npx next build; fi
# The app's own server (server.ts), as in production: it writes the client address and refuses cross-site posts.
export PORT="$port" NODE_ENV=production
exec npx tsx server.ts
